"""The mainland report on a supplier registered outside the mainland: to the bureau where a suspect lives.

A Hong Kong company whose director lives in the mainland (recorded as
``proceedings.suspects[].residence_province_zh`` / ``residence_city_zh``,
optionally ``residence_district_zh`` and ``address_zh``) is reported to the
Hong Kong Police by the client, and through the PRC lawyer to the bureau of
that residence: a case may be handled by the bureau of the suspect's
residence where that is more suitable (公安机关办理刑事案件程序规定 (2020)
Art. 15; domain.md §C "Jurisdiction" [C]; §C "Hong Kong-registered supplier":
a Hong Kong company may operate from the mainland [R]). Without this report
the packet contradicted itself: the power of attorney authorises a mainland
report and the Hong Kong report says the mainland lawyer acts in the
mainland, yet no mainland report was made (third PRC lawyer's reading).

The report is the police report's own template with ``to_resident`` set (as
police_report_payee is with ``to_payee``): the same facts and evidence, in
Simplified Chinese under PRC law, addressed to the residence's bureau. Its
jurisdiction paragraph states the residence and asks the bureau to take the
case under Art. 15, without asserting that it must: whether it is "more
suitable" is the bureau's call. Criminal Law Art. 6 (acts in the territory) is
not cited: domain.md does not carry it, and where each act was done is not in
the case format. Trade-off: one template keeps the two reports' facts identical.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from restitution.case.model import Case
from restitution.documents import DocumentSpec
from restitution.documents.police_report import PoliceReportContext, check_filing, common_fields, mainland
from restitution.errors import DocumentNotApplicable
from restitution.language.catalogue import Catalogue
from restitution.rules.payee import reportable_payee
from restitution.rules.residence import MPS_RULES_15, mainland_resident, recorded_resident_report


def check(case: Case) -> None:
    if case.supplier.region == "mainland":
        raise DocumentNotApplicable(
            "the supplier is registered in the mainland: its own bureau receives the report (police_report)",
            case.locate("supplier.region"))
    if mainland_resident(case) is None:
        raise DocumentNotApplicable(
            "no suspect with a residence in mainland China (proceedings.suspects[].residence_province_zh and "
            "residence_city_zh)", case.locate("proceedings"))
    check_filing(case)


def context(case: Case, words: Catalogue, date: dt.date) -> PoliceReportContext:
    r = mainland_resident(case)
    assert r is not None
    common = common_fields(case, words, False)
    if case.supplier.region == "hong_kong":
        common["rep_label"] = words("police_report.hk.director")  # a Hong Kong company has directors
    x = mainland(case, words, common, r.bureau, r.unit, (r.suspect.residence_province_zh or "").strip(), r.place,
                 unit_key=r.unit_key or "mainland")
    # the other report: the Hong Kong Police, where the client reports the same facts itself
    other = words("police_report.hk.bureau") if case.supplier.region == "hong_kong" else None
    return dataclasses.replace(x, to_resident=True, resident=r, other_report=other,
                               other_filed=recorded_resident_report(case, date, to_resident=False),
                               cite=dataclasses.replace(x.cite, mps15=MPS_RULES_15.word(words)))


def in_packet(case: Case) -> bool:
    # a mainland company that received the money gets its own report (police_report_payee), which
    # already takes the case to the mainland: one mainland report at a time
    r = mainland_resident(case)
    filed = case.proceedings.police_report if case.proceedings else None
    if r is None or (filed is not None and r.bureau in (filed.authority_zh or "")):
        return False  # a report already made there is followed by a supplementary submission
    return reportable_payee(case) is None


SPEC = DocumentSpec(
    key="police_report_resident",
    check=check,
    context=context,
    in_packet=in_packet,
)
