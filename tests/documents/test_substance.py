"""Issue 16, points 8–16: the legal substance of the Hong Kong report, the power of attorney,
the demand letter, the evidence index, the 12315 report and the chargeback letter, on the
examples and on cases built for each point (a counterfeit case, a Hong Kong seller, a UK and a
German buyer, an individual client, a vanished seller)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from factories import make_case

from restitution.case import model as m
from restitution.case.load import load_case
from restitution.document import document_text
from restitution.documents import demand_letter as dl
from restitution.documents.evidence_index import page_label
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document

DATE = dt.date(2026, 11, 20)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def text(case: m.Case, key: str, lang: str) -> str:
    return document_text(render_document(case, key, lang, DATE))


def replace(case: m.Case, part: str, **changes) -> m.Case:
    return dataclasses.replace(case, **{part: dataclasses.replace(getattr(case, part), **changes)})


@pytest.fixture(scope="module")
def hk() -> m.Case:
    return load_case(EXAMPLES / "harbour-hk.yaml")


# ------------------------------------------------------------------ 8, 9: Hong Kong report


def test_hong_kong_report_is_in_hong_kong_terms(hk):
    en, zh = text(hk, "police_report", "en"), text(hk, "police_report", "zh")
    assert "Criminal Jurisdiction Ordinance (Cap. 461)" in en and "relevant event" in en
    assert "account 012-345-678901-001 with Example Bank (Hong Kong) Limited" in en
    assert "e-Report Centre" in en and "permanently" in en and "Director: Ho Ka Wai" in en
    for prc in ("非法佔有", "非法占有", "經濟糾紛", "not an ordinary commercial dispute", "Registered capital",
                "Person in charge", "fake"):
        assert prc not in en + zh, prc
    assert "《刑事司法管轄權條例》（第461章）" in zh and "網上報案中心" in zh


def test_hong_kong_report_is_the_clients_own(hk):
    en = text(hk, "police_report", "en")
    assert "Huang Zhiyuan" not in en and "licence" not in en
    assert "acts for it only in the Mainland" in en


def test_hong_kong_report_prints_issued_share_capital_never_rmb_capital(hk):
    case = replace(replace(hk, "supplier", share_capital_hkd=m.Decimal("10000")), "indicators",
                   registered_capital_cny=m.Decimal("100"))
    en = text(case, "police_report", "en")
    assert "Issued share capital: HKD 10,000.00" in en
    assert "CNY" not in en and "registered capital" not in en.lower()


def test_english_report_uses_the_traditional_registered_name(hk):
    case = replace(hk, "supplier", name_zh="港珠贸易有限公司")  # given in Simplified
    assert "Harbour Pearl Trading Limited (港珠貿易有限公司)" in text(case, "police_report", "en")


def test_power_of_attorney_for_a_hong_kong_seller_serves_the_mainland_only(hk):
    en, zh = text(hk, "power_of_attorney", "en"), text(hk, "power_of_attorney", "zh")
    assert "does not act for the Principal before the Hong Kong Police Force" in en
    assert "向香港警务处报案由委托人自行提出" in zh
    mainland = text(make_case(), "power_of_attorney", "en")
    assert "Hong Kong Police" not in mainland


# ------------------------------------------------------------------ 10: power of attorney


def test_power_of_attorney_states_sub_delegation_either_way():
    zh = text(make_case(), "power_of_attorney", "zh")
    assert "不得将上述事项转委托" in zh and "第一百六十九条" in zh
    allowed = replace(make_case(), "agent", sub_delegation=True)
    zh = text(allowed, "power_of_attorney", "zh")
    assert "委托人同意受托人将上述事项的全部或部分转委托" in zh and "不得将上述事项转委托" not in zh


def test_power_of_attorney_language_clause_is_operative_and_date_blank():
    doc = render_document(make_case(), "power_of_attorney", "zh", DATE)
    body = document_text(doc)
    clause = body.index("以中文文本为准")
    assert clause < body.index("授权签字人（签字）")
    assert "日期：______年____月____日" in body and "2026年11月20日" not in body.split("授权签字人（签字）")[1]


def test_power_of_attorney_names_the_reports_offence():
    assert "涉嫌合同诈骗（《中华人民共和国刑法》（2023年修正）第二百二十四条）" in text(make_case(), "power_of_attorney", "zh")


# ------------------------------------------------------------------ 11–13: demand letter


def buyer(country: str, kind: str = "not_delivered") -> m.Case:
    return replace(replace(make_case(), "client", country=country), "outcome", kind=kind)


def test_uk_buyer_gets_an_express_civil_code_termination():
    zh = text(buyer("GB"), "demand_letter", "zh")
    assert "第五百六十三条第一款第（四）项" in zh and "合同自本通知到达贵司时解除" in zh
    assert "第五百六十五条第一款" in zh and "公约" not in zh


def test_german_buyer_gets_the_cisg_sequence():
    en = text(buyer("DE"), "demand_letter", "en")
    for art in ("Art. 1(1)(a)", "Art. 47(1)", "Art. 49(1)(b)", "Art. 81(2)", "Art. 84(1)", "Art. 74"):
        assert art in en, art
    assert "Civil Code" not in en
    delivered = text(buyer("DE", "junk_delivered"), "demand_letter", "en")
    assert "Art. 49(1)(a)" in delivered and "Art. 47(1)" not in delivered


def test_hong_kong_seller_never_gets_the_civil_code(hk):
    en, zh = text(hk, "demand_letter", "en"), text(hk, "demand_letter", "zh")
    assert "Civil Code" not in en and "民法典" not in zh and "民法典" not in zh
    # nor a conclusion of Hong Kong law from a mainland firm: the notice terminates, plainly
    assert "terminates the contract" in en and "under Hong Kong law" not in en


def test_unknown_country_asks_the_case():
    case = buyer("ZZ")
    with pytest.raises(DocumentNotApplicable, match="order.cisg"):
        dl.check(case)
    dl.check(replace(case, "order", cisg=False))


def test_deadline_runs_from_receipt_with_a_latest_date_and_interest():
    case = replace(buyer("GB"), "claim", deadline_days=10)
    zh = text(case, "demand_letter", "zh")
    latest = dl.latest_date(DATE, 10)
    assert latest.weekday() < 5 and latest >= DATE + dt.timedelta(days=20)
    assert f"自收到本函之日起10日内（且最迟不晚于{latest.year}年{latest.month}月{latest.day}日）" in zh
    assert "至实际返还之日止的利息" in zh and "仅供参考" in zh and "（以下无正文）" in zh
    assert zh.index("（以下无正文）") < zh.index("授权代表（签字）")


def test_vanished_seller_is_not_told_of_a_report_unless_asked():
    vanished = replace(buyer("GB"), "outcome", seller_unreachable=True)
    assert "公安机关报案" not in text(vanished, "demand_letter", "zh")
    asked = replace(vanished, "claim", announce_report=True)
    assert "公安机关报案" in text(asked, "demand_letter", "zh")
    # a seller that answers is told, when the file shows fraud (a false address, a company registered
    # just before the order); with no sign of fraud the case reads as a civil dispute: no report
    present = replace(replace(buyer("GB"), "outcome", seller_unreachable=False), "indicators",
                      vanished_after_payment=False, fake_address=True, recently_registered=True)
    assert "公安机关报案" in text(present, "demand_letter", "zh")
    plain = replace(present, "indicators", fake_address=False, recently_registered=False)
    assert "报案" not in text(plain, "demand_letter", "zh")


# ------------------------------------------------------------------ 14: evidence index


def test_page_labels():
    assert page_label(1, (3, 3), None) == "3" and page_label(1, (3, 5), None) == "3–5"
    assert page_label(1, None, {1: (7, 7)}) == "7"


def test_index_does_not_repeat_kind_or_print_unknown_dates(hk):
    zh = text(hk, "evidence_index", "zh")
    assert "採購訂單SCI-PO-2607" in zh and "**採購訂單**" not in zh and "[b]採購訂單[/b]" not in zh
    undated = dataclasses.replace(hk, evidence=tuple(dataclasses.replace(e, date=None) for e in hk.evidence))
    assert "日期不詳" not in text(undated, "evidence_index", "zh")
    assert "undated" not in text(undated, "evidence_index", "en")


def test_index_of_a_hong_kong_case_cites_no_prc_rule(hk):
    assert "民事訴訟證據" not in text(hk, "evidence_index", "zh")
    assert "Civil Proceedings" not in text(hk, "evidence_index", "en")


def test_individual_client_is_not_asked_for_a_registration_certificate():
    case = replace(make_case(evidence=(m.Exhibit(number=1, kind="payment_proof", title="Wire"),)),
                   "client", kind="individual", representative=None)
    zh, notes = text(case, "evidence_index", "zh"), text(case, "case_notes", "zh")
    # the evidence still to gather is the client's note (case_notes), never the filed index
    assert "提交人的注册证书" not in zh + notes and "买方的注册证书" not in zh + notes and "以护照证明身份" in notes


# ------------------------------------------------------------------ 15: 12315


def counterfeit(kind: str) -> m.Case:
    case = replace(make_case(), "outcome", kind="counterfeit", delivered_on=dt.date(2026, 9, 1))
    if kind == "individual":
        case = replace(case, "client", kind="individual", representative=None)
    return case


def test_business_buyer_files_a_report_citing_trademark_and_quality_law():
    zh = text(counterfeit("company"), "samr_complaint", "zh")
    assert "举报书" in zh and "投诉书" not in zh
    assert "《中华人民共和国商标法》（2019年修正）第五十七条第（三）项" in zh
    assert "《中华人民共和国产品质量法》（2018年修正）第三十九条" in zh
    assert "调解" not in zh.split("二、")[0] and "退还" not in zh.split("二、")[0]
    assert "投诉人" not in zh
    # why a report and not a complaint (the measures, Art. 3) is the client's note, not the bureau's
    assert "国家市场监督管理总局令第20号" in text(counterfeit("company"), "case_notes", "zh")


def test_consumer_keeps_the_complaint():
    zh = text(counterfeit("individual"), "samr_complaint", "zh")
    assert zh.startswith("投诉举报书") and "组织调解" in zh and "投诉举报人" in zh


# ------------------------------------------------------------------ 16: chargeback letter


def test_chargeback_letter_is_issuer_neutral_and_keeps_deadlines_to_itself():
    forged = m.Exhibit(number=1, kind="bill_of_lading", title="Bill of lading SZX-1", forged=True)
    case = make_case(evidence=(forged,))
    en = text(case, "chargeback_letter", "en")
    assert "billing-error department" not in en
    assert "Latest filing date" not in en and "Absolute limit" not in en
    assert "forged document (Exhibit 1, enclosed)" in en
    assert "Exhibit 1: Bill of lading SZX-1" in en
    assert "agreed shipment date" in text(replace(case, "order", promised_ship_date=dt.date(2026, 7, 1)),
                                          "chargeback_letter", "en")


# ------------------------------------------------------------------ every variant pairs en/zh block by block


def variants() -> dict[str, tuple[m.Case, str]]:
    hk_case = load_case(EXAMPLES / "harbour-hk.yaml")
    de_hk = replace(hk_case, "client", country="DE")
    return {
        "cisg_not_delivered": (buyer("DE"), "demand_letter"),
        "cisg_partial": (buyer("DE", "partial_delivery"), "demand_letter"),
        "cisg_delivered_junk": (buyer("DE", "junk_delivered"), "demand_letter"),
        "civil_code": (buyer("GB"), "demand_letter"),
        "common_law": (hk_case, "demand_letter"),
        "cisg_hong_kong_seller": (de_hk, "demand_letter"),
        "reported": (replace(buyer("GB"), "claim", announce_report=True), "demand_letter"),
        "sub_delegation": (replace(make_case(), "agent", sub_delegation=True), "power_of_attorney"),
        "hk_power": (hk_case, "power_of_attorney"),
        "hk_report_capital": (replace(hk_case, "supplier", share_capital_hkd=m.Decimal("1")), "police_report"),
        "hk_report_no_hk_account": (replace(hk_case, "supplier", bank_accounts=()), "police_report"),
        "samr_report": (counterfeit("company"), "samr_complaint"),
        "samr_complaint": (counterfeit("individual"), "samr_complaint"),
        "hk_index": (hk_case, "evidence_index"),
    }


@pytest.mark.parametrize("name", sorted(variants()))
def test_every_variant_pairs_block_by_block(name):
    case, key = variants()[name]
    doc = render_document(case, key, "bilingual", DATE)  # raises if the en and zh blocks differ
    assert doc.blocks


def test_cisg_letter_to_a_hong_kong_seller_dates_the_extension():
    hk_case = replace(load_case(EXAMPLES / "harbour-hk.yaml"), "client", country="DE")
    en = text(hk_case, "demand_letter", "en")
    assert "since 1 December 2022" in en and "Art. 47(1)" in en and "Civil Code" not in en


def test_hong_kong_report_without_a_known_hong_kong_account_asks_where_the_money_went(hk):
    en = text(replace(hk, "supplier", bank_accounts=()), "police_report", "en")
    assert "asks the police to establish where the reported party received the money" in en
