"""The police-report cover memo: 报案材料 (domain.md §C; pitfalls 1, 5, 6).

A mainland supplier is reported to the public security bureau of its
registered district, to the bureau's economic-crime unit, for suspected
contract fraud (Criminal Law Art. 224); a Hong Kong supplier to the Hong Kong
Police Force under the Theft Ordinance (Cap. 210), in English or Traditional
Chinese, with no PRC law in it. The bureau's name and the loss thresholds come
from `restitution.rules`; this module only words them.

Values the templates read as ``x``:

- ``hk``: the Hong Kong route; ``bureau`` / ``unit`` (mainland names, e.g.
  深圳市公安局宝安区分局 / 经济犯罪侦查大队; for Hong Kong the Force itself and
  the way the report reaches it, the e-Report Centre or a police station report room,
  in the document's language: the report is not addressed to a bureau it is not filed with).
- ``loss``: the claim in its currency; ``cny`` (RMB equivalent, rate, date,
  source) for a foreign-currency claim; ``loss_cny``.
- ``threshold224`` and ``reached224``; ``threshold266``, ``reached266`` and
  ``threshold266_basis`` (mainland only).
- ``indicators``: the true indicators of intent to take possession
  illegally (非法占有目的), worded for the language; ``absconded`` when Art.
  224 item 4 (absconding after receiving payment) is made out.
- ``facts``, ``payments``: in date order; ``contacts`` and ``accounts``:
  one line each about the reported party's people and receiving accounts; ``channels``: its
  mailboxes and desks (a contact that is no person, rules.people.is_person), printed as 联系方式.
- ``payees``: the holders of receiving accounts other than the supplier, as the
  parties that received the money (rules/payee.py); ``gaps``: payments no
  exhibit proves, named as to follow; ``parallel``: card payments charged back
  (or to be), disclosed with the promise to report a recovery.
- ``to_payee``, ``payee_holder``: the second report, to the payee's bureau (police_report_payee.py);
  ``other_report``, ``other_filed``: the other body of a two-report case, and its recorded report.

- ``ruled_out``: why the plan rules a criminal report out (rules/report_route.py: a civil dispute,
  a loss below the Art. 266 floor). Such a report leaves the default packet; made by name, it
  asks the bureau to examine the facts and open a case if it finds a crime, and asserts none.

Advice to the reporter (``notes``) is not filed: it goes into case_notes.
- ``cite``: citation strings in the document's language.

Hong Kong (issue 16, point 8): the report is pleaded in Hong Kong terms
(deception, dishonesty, intent to permanently deprive: Theft Ordinance
ss.16A, 17), with jurisdiction through a relevant event in Hong Kong
(Criminal Jurisdiction Ordinance, Cap. 461): ``hk_accounts`` are the
receiving accounts held in Hong Kong (by SWIFT country code or bank name),
where the money was obtained. No PRC concept (非法占有目的, the 经济纠纷
test, registered capital in RMB) is printed; ``share_capital_hkd`` is the
issued share capital when the case gives it (no authorised capital or par
value since Cap. 622, 2014). The report is the client's own: a PRC lawyer
does not act before the Hong Kong Police, so no agent is named. The
registered Chinese name is printed in Traditional characters.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from restitution.case.model import Case, Exhibit, Fact
from restitution.case.proceedings import ChargebackFiled, PoliceReportFiled
from restitution.case.stage import stage_of
from restitution.documents import DocumentSpec
from restitution.documents._personal_accounts import paid_to_persons
from restitution.documents.police_accounts import accounts, identified, payee_lines
from restitution.documents.police_people import contacts, people
from restitution.documents.police_indicators import indicators, registry_exhibits
from restitution.documents.power_of_attorney import authentication
from restitution.documents._phrases import (
    PaymentRow,
    client_name,
    native,
    payment_rows,
    representative,
    representative_label,
    supplier_address,
    supplier_identifier,
    supplier_name,
    with_other,
)
from restitution.errors import DocumentNotApplicable
from restitution.formatting import format_number
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules.facts import absconded
from restitution.rules.offence import Pleading, individuals, pleading
from restitution.rules.loss import CnyLoss, PaymentCny, loss_in_cny
from restitution.rules.payee import all_paid_to_persons, recorded_parallel_report, reportable_payee
from restitution.rules.police import ART140_SALES_CNY, ART140_UNSOLD_CNY, ART214_GAINS_CNY, ART214_SALES_CNY, bureau_words
from restitution.rules.report_route import BELOW_THRESHOLD, CIVIL_DISPUTE, report_ruled_out
from restitution.rules.residence import Resident, mainland_resident, recorded_resident_report
from restitution.rules import (
    ART224_THRESHOLD_CNY,
    CPL_110,
    CRIMINAL_LAW_140,
    CRIMINAL_LAW_214,
    FILING_STANDARD_1_16,
    TRADEMARK_INTERPRETATION_5,
    UNIT_CRIME_2,
    CRIMINAL_LAW_224,
    ECONOMIC_CRIME_8,
    FILING_STANDARD_69,
    MPS_RULES_15_17,
    FRAUD_INTERPRETATION_1,
    HK_THEFT_16A,
    HK_THEFT_17,
    art266_threshold,
    loss_check,
    police_route,
)


def check(case: Case) -> None:
    region = case.supplier.region
    if region not in ("mainland", "hong_kong"):
        raise DocumentNotApplicable(
            "the police report memo covers suppliers registered in mainland China or Hong Kong "
            f"(supplier.region is {region!r}); report to the police where the supplier operates, or, "
            "if it is registered in mainland China, find its registration (national enterprise credit "
            "system) and give region: mainland with uscc, province_zh, city_zh and district_zh",
            case.locate("supplier.region"))
    if region == "mainland":
        police_route(case)  # a missing province, city or district is a located error
    check_filing(case, mainland=region == "mainland")


def check_filing(case: Case, mainland: bool = True) -> None:
    """What every report to a mainland bureau needs (the loss in RMB, to compare with the filing
    standard), and every report its evidence: also the payee's and the resident's reports."""
    if mainland and loss_in_cny(case).amount is None:
        raise DocumentNotApplicable(
            f"the loss must be stated in RMB to compare it with the filing standard: the claim is in "
            f"{case.claim.currency}, so give claim.cny_rate, with cny_rate_date and cny_rate_source "
            "(or each payment's cny_rate: the central parity of the day the supplier received it)",
            case.locate("claim"))
    if not case.evidence:
        raise DocumentNotApplicable(
            "the police report encloses the evidence and lists it by number: add the exhibits (evidence)",
            case.locate("evidence"))


# ------------------------------------------------------------------ parties

# ------------------------------------------------------------------ context


def hk_accounts(case: Case, words: Catalogue) -> list[str]:
    """The receiving accounts held in Hong Kong, as "account X with bank Y" (a relevant event there)."""
    out = []
    for acct in case.supplier.bank_accounts:
        swift = (acct.swift or "").upper()
        in_hk = (len(swift) >= 6 and swift[4:6] == "HK") or "hong kong" in (acct.bank or "").lower() \
            or "香港" in (acct.bank_zh or "")
        if in_hk:
            bank = native(words, acct.bank, acct.bank_zh)
            out.append(words("police_report.hk.account", account=acct.account, bank=bank or ""))
    return out


@record
class ChargebackLine:
    """A card payment disclosed as charged back: filed (its date, reference, result) or only intended."""

    row: PaymentRow
    filed: ChargebackFiled | None  # proceedings.chargebacks entry of this payment; None: not filed yet

    @property
    def open(self) -> bool:
        """The money may still come back through the chargeback: the promise to report it applies."""
        return self.filed is None or self.filed.result == "pending"


def chargeback_lines(case: Case, rows: list[PaymentRow]) -> list[ChargebackLine]:
    """Each card payment with its filed chargeback, if the case records one (payments in date order)."""
    filed = {c.payment: c for c in (case.proceedings.chargebacks if case.proceedings else ())}
    order = sorted(range(len(case.payments)), key=lambda i: case.payments[i].date)  # rows' order
    return [ChargebackLine(row, filed.get(i)) for row, i in zip(rows, order) if case.payments[i].method == "card"]


@record
class PoliceCitations:
    """Citation strings in the document's language; only the route's own are set."""

    hk_16a: str | None = None
    hk_17: str | None = None
    hk_cap461: str | None = None
    art224: str | None = None
    filing69: str | None = None
    fraud1: str | None = None
    econ8: str | None = None
    cpl110: str | None = None
    mps15: str | None = None


@record
class SecondParty:
    """The mainland company that received the money: the second reported party (被报案人二)."""

    name: str
    uscc: str
    place: str  # its registered province, city and district
    legal_representative: str | None
    registry: tuple[Exhibit, ...]  # its registration report, among the exhibits (quoting its name or code)


@record
class PoliceReportContext:
    hk: bool
    supplier_name: str
    client_name: str
    supplier_id_label: str | None
    supplier_id: str | None
    supplier_address: str | None
    rep_label: str
    rep: str | None
    contacts: list[str]
    channels: list[str]  # the reported party's mailboxes and desks ("客服"): its contact details, not people
    accounts: list[str]
    facts: list[Fact]
    payments: list[PaymentRow]
    outcome: str
    indicators: list[str]
    absconded: bool
    payees: list[str]  # who received the money, when not the supplier
    gaps: list[PaymentRow]  # payments no enclosed exhibit proves: named as to follow
    parallel: list[ChargebackLine]  # card payments charged back, or to be
    registered_capital: Decimal | None
    exhibit_pages: dict[int, str]  # exhibit number -> its pages in the evidence index's numbering
    bureau: str | None  # mainland: the bureau's Chinese name (a fact); Hong Kong: the Force
    unit: str | None  # mainland: the unit's Chinese name; Hong Kong: the bureau
    cite: PoliceCitations
    # Hong Kong only
    hk_accounts: list[str] | None = None
    share_capital_hkd: Decimal | None = None
    # mainland only
    people: list[str] | None = None  # the individuals reported beside the company
    aliases: bool = False  # some of them are known only by the names they gave
    registry: tuple[Exhibit, ...] = ()  # the supplier's registration report, among the exhibits
    poa_route: str | None = None  # how the client's papers are authenticated (power_of_attorney.authentication)
    plea: Pleading | None = None  # the deception, each payment it induced, the Art. 224 items
    cny_rows: tuple[PaymentCny, ...] = ()  # each payment at its own day's central parity
    cite_more: dict[str, str] | None = None  # Arts. 140, 214, Fa Shi [1999] No. 14, their filing standards
    ip: dict[str, Decimal] | None = None  # the Art. 140 / 214 figures, for counterfeit goods
    unit_name: str | None = None  # the unit in the document's language
    place: str | None = None
    cny: CnyLoss | None = None  # the loss in RMB and its basis (rules/loss.py)
    loss_cny: Decimal | None = None
    threshold224: Decimal | None = None
    reached224: bool = False
    threshold266: Decimal | None = None
    reached266: bool = False
    threshold266_basis: str | None = None
    # the report to the bureau of a mainland company that received the money (police_report_payee)
    to_payee: bool = False
    payee_holder: str | None = None
    other_report: str | None = None  # where the same facts are reported too (either report of a two-report case)
    other_filed: PoliceReportFiled | None = None  # that report, when the case records it ("已报案")
    second: SecondParty | None = None  # the company that received the money, reported beside the supplier
    # payments into persons' accounts, not the supplier's (documents/_personal_accounts.py); all of them: personal_all
    paid_to_persons: str | None = None
    personal_all: bool = False
    resident: Resident | None = None  # a suspect living in the mainland, whose bureau gets a report too
    to_resident: bool = False  # this is that report (police_report_resident)
    # why the plan rules the report out (rules/report_route.py): made by name, it then asks the bureau
    # to examine the facts and asserts no crime
    ruled_out: tuple[str, ...] = ()


def common_fields(case: Case, words: Catalogue, hk: bool) -> dict[str, Any]:
    """The fields every police report has, whichever police body it goes to."""
    id_label, id_value = supplier_identifier(case, words)
    rows = [identified(row, p, words) for row, p in zip(payment_rows(case, words),
                                                          sorted(case.payments, key=lambda p: p.date))]
    return dict(
        hk=hk,
        supplier_name=supplier_name(case, words),
        client_name=client_name(case, words),
        supplier_id_label=id_label,
        supplier_id=id_value,
        supplier_address=supplier_address(case, words),
        rep_label=representative_label(case, words),
        rep=representative(case, words),
        contacts=contacts(case, words),
        channels=contacts(case, words, persons=False),
        accounts=accounts(case, words),
        facts=sorted(case.facts, key=lambda f: f.date),
        payments=rows,
        outcome=words(f"police_report.outcome.{case.outcome.kind}"),  # the state of things, as of the report
        indicators=indicators(case, words, hk),
        absconded=absconded(case),
        payees=payee_lines(case, words),
        paid_to_persons=paid_to_persons(case, words, "police", start=all_paid_to_persons(case)),
        personal_all=all_paid_to_persons(case),
        gaps=[r for r in rows if not r.proofs],
        parallel=chargeback_lines(case, rows),
        registered_capital=case.indicators.registered_capital_cny,
        exhibit_pages=exhibit_pages(case, words),
    )


def exhibit_pages(case: Case, words: Catalogue) -> dict[int, str]:
    """Each exhibit's pages ("4–6") as the evidence index filed with the report numbers them
    (the exhibits bound in order); an exhibit without a file yet has none."""
    from restitution.documents.evidence_index import page_label, rows

    return {r.exhibit.number: label for r in rows(case, words)
            if (label := page_label(r.exhibit.number, r.running, None)) is not None}


def _to_payee_too(case: Case, words: Catalogue, date: dt.date) -> dict[str, Any]:
    """The payee's bureau, where the same facts go too (police_report_payee), and its recorded report;
    else the bureau of a suspect's mainland residence (police_report_resident)."""
    p = reportable_payee(case)
    if p is None or p.bureau is None:
        r = mainland_resident(case)
        return {} if r is None else dict(other_report=bureau_words(words, r.bureau, r.unit, r.unit_key), resident=r,
                                         other_filed=recorded_resident_report(case, date, to_resident=True))
    return dict(other_report=bureau_words(words, p.bureau, p.unit),
                other_filed=recorded_parallel_report(case, date, to_payee=True))


def context(case: Case, words: Catalogue, date: dt.date) -> PoliceReportContext:
    hk = case.supplier.region == "hong_kong"
    common = {**common_fields(case, words, hk), **_to_payee_too(case, words, date)}
    s = case.supplier
    if hk:
        if s.name_zh and s.name_zh != s.name:
            # the registered Chinese name exactly as registered (never converted: 峰 is not 峯)
            zh = s.name_zh
            common["supplier_name"] = with_other(words, zh, s.name) if words.language.chinese \
                else with_other(words, s.name, zh)
        common["rep_label"] = words("police_report.hk.director")
        return PoliceReportContext(
            **common,
            bureau=words("police_report.hk.bureau"),
            unit=words("police_report.hk.unit"),
            cite=PoliceCitations(hk_16a=HK_THEFT_16A.word(words), hk_17=HK_THEFT_17.word(words),
                                 hk_cap461=words("police_report.hk.cap461")),
            hk_accounts=hk_accounts(case, words),
            share_capital_hkd=s.share_capital_hkd,
            plea=pleading(case),  # its declared forged paper, told in the deception as in a mainland report
        )
    route = police_route(case)
    assert route.bureau is not None and route.unit is not None
    return mainland(case, words, common, route.bureau, route.unit, (s.province_zh or "").strip(),
                    f"{s.province_zh or ''}{s.city_zh or ''}{s.district_zh or ''}")


def mainland(case: Case, words: Catalogue, common: dict[str, Any], bureau: str, unit: str, province: str,
             place: str, unit_key: str = "mainland") -> PoliceReportContext:
    """The context of a report to a mainland bureau: its loss in RMB against the thresholds of its province.

    `unit_key` names the unit in the document's language (rules.police.unit.<key>): a district
    bureau's brigade, a city bureau's detachment; no unit ("") addresses the bureau itself."""
    code = words.language.code
    loss = loss_check(case)
    t266 = art266_threshold(province)
    reached266 = loss.amount_cny is not None and loss.amount_cny >= t266.amount
    if t266.provincial:
        basis = words("police_report.threshold266.provincial", province=province,
                      amount=format_number(t266.amount, code, places=0))
    else:
        basis = words("police_report.threshold266.range")
    return PoliceReportContext(
        **{**common, "hk": False},
        bureau=bureau,
        unit=unit,
        unit_name=words(f"rules.police.unit.{unit_key}") if unit else None,  # "": the bureau itself
        people=people(case, words),
        aliases=any(p.role == "contact" for p in individuals(case)),
        registry=tuple(registry_exhibits(case)),
        poa_route=authentication(case.client.country),
        plea=pleading(case),
        cny_rows=loss_in_cny(case).per_payment,
        ip=dict(art140_sales=ART140_SALES_CNY, art140_unsold=ART140_UNSOLD_CNY,
                art214_gains=ART214_GAINS_CNY, art214_sales=ART214_SALES_CNY),
        cite_more={k: c.word(words) for k, c in (("art140", CRIMINAL_LAW_140), ("art214", CRIMINAL_LAW_214),
                                                 ("unit2", UNIT_CRIME_2), ("filing16", FILING_STANDARD_1_16),
                                                 ("tm5", TRADEMARK_INTERPRETATION_5))},
        place=place,
        ruled_out=report_ruled_out(case),
        cny=loss_in_cny(case),
        loss_cny=loss.amount_cny,
        threshold224=ART224_THRESHOLD_CNY,
        reached224=bool(loss.art224_reached),
        threshold266=t266.amount,
        reached266=reached266,
        threshold266_basis=basis,
        cite=PoliceCitations(
            art224=CRIMINAL_LAW_224.word(words),
            filing69=FILING_STANDARD_69.word(words),
            fraud1=FRAUD_INTERPRETATION_1.word(words),
            econ8=ECONOMIC_CRIME_8.word(words),
            cpl110=CPL_110.word(words),
            mps15=MPS_RULES_15_17.word(words),
        ),
    )


def reads_as_dispute(case: Case) -> str | None:
    """Why the packet leaves the report out: the plan rules the criminal route out
    (rules/report_route.py), as a civil dispute or as a loss below the fraud floor, so the memo would
    be refused on its own text. None when the report belongs."""
    why = report_ruled_out(case)
    if not why:
        return None
    parts = []
    if CIVIL_DISPUTE in why:
        parts.append("the case reads as a civil dispute (restitution plan: the seller performed, answered or "
                     "negotiates, and the file shows too few signs of fraud)")
    if BELOW_THRESHOLD in why:
        loss = loss_check(case)
        parts.append(f"the loss (RMB {loss.amount_cny:,.2f}) is below the RMB {loss.art266.amount:,.0f} at which "
                     "fraud is prosecuted (Criminal Law Art. 266; contract fraud, Art. 224, from RMB 20,000)")
    return (" and ".join(parts) + ", so the plan rules a criminal report out and the bureau would likely refuse "
            "it; add the fraud signs the case has (indicators) if any are missing, or make it anyway with "
            "--doc police_report, which then asks the bureau to examine the facts and asserts no crime")


SPEC = DocumentSpec(
    key="police_report",
    check=check,
    context=context,
    # the Hong Kong Police read English or Traditional Chinese (pitfall 1)
    zh_variant=lambda case: "zh-Hant" if case.supplier.region == "hong_kong" else "zh",
    # Once a report is recorded, a second one would be a duplicate: the packet holds the
    # supplementary submission (or, after a refusal, the reconsideration application).
    # A supplier registered elsewhere stays in the packet so that `render` and `validate` say why
    # no report is made (its check's reason), rather than leaving it out without a word.
    in_packet=lambda case: not stage_of(case).reported and reads_as_dispute(case) is None,
    left_out=lambda case: None if stage_of(case).reported else reads_as_dispute(case),
    warnings=lambda case, date: [w for w in (reads_as_dispute(case),) if w],
)
