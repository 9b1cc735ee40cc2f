"""Which exhibits the filing authority reads as they are (documents/exhibit_language.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from factories import make_case
from restitution.case import model as m
from restitution.document import document_text
from restitution.documents import exhibit_language as xl
from restitution.pipeline.render import render_document

DATE = dt.date(2026, 11, 30)


def _with(case: m.Case, *exhibits: m.Exhibit) -> m.Case:
    numbered = [dataclasses.replace(e, number=i) for i, e in enumerate(case.evidence + exhibits, 1)]
    return dataclasses.replace(case, evidence=tuple(numbered))


RECEIPT = m.Exhibit(kind="other", title="Police acceptance receipt", number=0, title_zh="受案回执",
                    source="Yinzhou Branch, Ningbo Public Security Bureau", source_zh="宁波市公安局鄞州分局")
REFUSAL = m.Exhibit(kind="other", title="Notice of refusal", number=0, title_zh="不予立案通知书")
AGREEMENT = m.Exhibit(kind="other", title="Settlement agreement of 18 October 2026", number=0,
                      title_zh="2026年10月18日和解协议", source="Signed by the client's lawyer and the supplier")
COURT = m.Exhibit(kind="other", title="Civil ruling", number=0, source="Ningbo Intermediate People's Court")
STAMPED = m.Exhibit(kind="other", title="Customs declaration", number=0, issued_in="CN")


def test_a_paper_whose_stated_origin_is_chinese_is_not_foreign():
    case = make_case()
    for e in (RECEIPT, REFUSAL, AGREEMENT, COURT, STAMPED):
        assert xl.chinese_by_origin(e, case) and xl.readable_as_filed(e, case), e.title
    # the buyer's own papers stay foreign by default: its contract, its bank's advice
    contract = case.evidence[0]
    advice = m.Exhibit(kind="payment_proof", title="Bank credit advice", number=0, source="ING Bank N.V.")
    assert not xl.readable_as_filed(contract, case) and not xl.readable_as_filed(advice, case)
    # a settlement agreement with a seller outside China is not presumed Chinese; a stated language wins
    abroad = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, region="other"))
    assert not xl.readable_as_filed(AGREEMENT, abroad)
    assert not xl.readable_as_filed(dataclasses.replace(RECEIPT, language="en"), case)
    # a payment advice about the settlement money is not the agreement
    paid = m.Exhibit(kind="payment_proof", title="Credit advice under the settlement agreement", number=0)
    assert not xl.readable_as_filed(paid, case)


def test_the_index_marks_no_translation_on_a_bureau_receipt_or_the_signed_settlement():
    case = _with(make_case(), RECEIPT, AGREEMENT)
    zh = document_text(render_document(case, "evidence_index", "zh", DATE))
    assert zh.count("（附中文译文）") == 1  # the sales contract only
    assert "注明“附中文译文”的证据（证据1）系以外文形成" in zh


def test_the_unstated_foreign_exhibits_are_those_the_index_marks_and_no_app_record():
    case = make_case()
    chat = m.Exhibit(kind="emails", title="WeChat chat with the seller", number=0)
    case = _with(case, RECEIPT, chat)
    assert [e.number for e in xl.unstated_foreign(case)] == [1]  # the contract; the chat is warned on its own
    stated = dataclasses.replace(case, evidence=tuple(dataclasses.replace(e, language="en") for e in case.evidence))
    assert xl.unstated_foreign(stated) == []
