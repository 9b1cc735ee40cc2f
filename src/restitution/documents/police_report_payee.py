"""The second police report: to the bureau where a mainland company received the money.

When the client was told to pay into an account held by a mainland company
other than the supplier, and that company's registration is given
(``supplier.bank_accounts[].holder_uscc`` with its province, city and
district), the bureau of that company's district is competent as well: the
place of the crime includes where the proceeds were actually obtained
(公安机关办理刑事案件程序规定 Arts. 15–17; domain.md §C "Jurisdiction"; the
report cites Art. 16, which defines the place of the crime, the plan marking
that number [R]; for a Hong Kong seller, §H.6 "registered in HK does not mean operating in HK"). This
report is the police report's own template (the payee template includes it)
with ``to_payee`` set: the same facts and evidence, addressed to that bureau,
in Simplified Chinese under PRC law whatever the supplier's region, with the
jurisdiction paragraph resting on where the money was received and saying
where else the facts are reported: "filed" only when the case records that
report (proceedings.police_report), else "to be filed at the same time"; the
supplier's report names this one in the same way. Trade-off: one template for both reports
keeps their facts identical; the payee's own reasons are one paragraph.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from restitution.case.model import Case, Exhibit
from restitution.documents import DocumentSpec
from restitution.documents._phrases import native
from restitution.documents.police_report import (
    PoliceReportContext, SecondParty, check_filing, common_fields, mainland,
)
from restitution.errors import DocumentNotApplicable
from restitution.language.catalogue import Catalogue
from restitution.rules import police_route
from restitution.rules.citations import MPS_RULES_16
from restitution.rules.police import bureau_words
from restitution.rules.payee import recorded_parallel_report, reportable_payee


def check(case: Case) -> None:
    if reportable_payee(case) is None:
        raise DocumentNotApplicable(
            "no receiving account held by a mainland company other than the supplier with its registration "
            "(supplier.bank_accounts[].holder_uscc, holder_province_zh, holder_city_zh, holder_district_zh)",
            case.locate("supplier.bank_accounts"))
    check_filing(case)


def _other_report(case: Case, words: Catalogue) -> str | None:
    """Where the supplier's own report goes, in the document's language; None for a supplier
    registered outside mainland China and Hong Kong, whose police this toolkit does not name."""
    if case.supplier.region == "hong_kong":
        return words("police_report.hk.bureau")
    route = police_route(case)
    if route.bureau is None:
        return None
    return bureau_words(words, route.bureau, route.unit)


def _quotes(e: Exhibit, *names: str | None) -> bool:
    text = "".join(t for t in (e.title, e.title_zh, e.file.name if e.file else "") if t).casefold().replace(" ", "")
    return any(n and n.casefold().replace(" ", "") in text for n in names)


def context(case: Case, words: Catalogue, date: dt.date) -> PoliceReportContext:
    payee = reportable_payee(case)
    assert payee is not None and payee.bureau and payee.unit is not None and payee.place
    a = payee.account
    assert a.holder_uscc  # a reportable payee has its registration (rules.payee)
    common = common_fields(case, words, False)
    if case.supplier.region == "hong_kong":
        common["rep_label"] = words("police_report.hk.director")  # a Hong Kong company has directors
    x = mainland(case, words, common, payee.bureau, payee.unit, (a.holder_province_zh or "").strip(), payee.place)
    # a registration report naming the holder is the holder's, not the supplier's
    own = tuple(e for e in x.registry if _quotes(e, a.holder, a.holder_zh, a.holder_uscc))
    second = SecondParty(name=native(words, a.holder, a.holder_zh) or a.account, uscc=a.holder_uscc,
                         place=payee.place, legal_representative=a.holder_legal_representative_zh, registry=own)
    return dataclasses.replace(x, to_payee=True, other_report=_other_report(case, words), second=second,
                               other_filed=recorded_parallel_report(case, date, to_payee=False),
                               registry=tuple(e for e in x.registry if e not in own),
                               payee_holder=native(words, a.holder, a.holder_zh) or a.holder,
                               # the proceeds' place is the place of the crime: the article defining it, not 15-17
                               cite=dataclasses.replace(x.cite, mps15=MPS_RULES_16.word(words)))


SPEC = DocumentSpec(
    key="police_report_payee",
    check=check,
    context=context,
    in_packet=lambda case: reportable_payee(case) is not None,
)
