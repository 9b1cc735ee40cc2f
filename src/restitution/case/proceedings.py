"""What has already happened in a case: the `proceedings` block of the case file.

The documents a case needs depend on how far it has gone (a case already
reported needs a supplementary submission to the unit handling it, not a
second report; a settled case needs no new demand), so the history is part
of the case file rather than a command-line option: it is kept with the
facts it changes, and every command reads the same history.

These classes are declared like those of model.py (keys.py says how); they
live apart so that model.py stays one screenful per idea. The conditions
between them (dates in order, a chargeback pointing at a card payment, the
suspects' identity numbers) are in conditions_proceedings.py; dates "not
after the render date" cannot be judged by the loader, which has no date,
so `dates_after` lists them for the commands that have one.
"""
from __future__ import annotations

import datetime as dt
from typing import TYPE_CHECKING, Literal

from restitution.case import keys
from restitution.case.keys import section
from restitution.records import record

if TYPE_CHECKING:
    from restitution.case.model import Case

SuspectRole = Literal["legal_representative", "shareholder", "staff", "contact", "other"]
Measure = Literal["none", "summoned", "criminal_detention", "arrest", "bail", "residential_surveillance"]
ChargebackResult = Literal["pending", "won", "lost"]


@record(kw_only=True)
@section("Police report filed")
class PoliceReportFiled:
    """The report has been filed: with whom, when, and what the unit decided."""

    filed_on: dt.date = keys.date("Date the report was filed (and accepted).", required=True)
    authority_zh: str | None = keys.line("The unit that accepted it, in Chinese, e.g. 某市公安局某区分局经济犯罪侦查大队.")
    authority: str | None = keys.line("The unit in English.")
    receipt_no: str | None = keys.ident("Number of the receipt (受案回执), if one was given.")
    opened_on: dt.date | None = keys.date("Date the case was opened (立案), if it was.")
    case_no: str | None = keys.ident("The case number, if known.")
    refused_on: dt.date | None = keys.date("Date of a written notice of refusal (不予立案通知书), if refused.")
    refusal_received_on: dt.date | None = keys.date(
        "Date the notice of refusal was received; the 7 days for reconsideration run from it "
        "(default: refused_on).", added=True)


@record(kw_only=True)
@section("Suspect")
class Suspect:
    """An individual suspect, beside the supplier company."""

    name_zh: str | None = keys.line("Name in Chinese.")
    name: str = keys.line("Name in Latin letters (pinyin for a PRC citizen).", required=True)
    id_no: str | None = keys.ident(
        "公民身份号码 (18 characters, check digit per GB 11643-1999) or a passport number.")
    role: SuspectRole = keys.choice("The person's part in the supplier.", default="other")
    measure: Measure = keys.choice("The latest coercive measure taken, if any.", default="none")
    measure_on: dt.date | None = keys.date("Date of that measure.")
    # Where a suspect lives in the mainland, that bureau is competent too (MPS procedure rules
    # (2020) Art. 15): a supplier registered outside the mainland is then reported there as well.
    residence_province_zh: str | None = keys.line(
        "Province of the suspect's residence in mainland China, e.g. 广东省; with residence_city_zh.", added=True)
    residence_city_zh: str | None = keys.line(
        "City of that residence, e.g. 深圳市; with residence_province_zh.", added=True)
    residence_district_zh: str | None = keys.line(
        "District or county of that residence, e.g. 南山区; without it the city bureau is addressed.", added=True)
    address_zh: str | None = keys.text("The suspect's address in mainland China, in Chinese, if known.", added=True)


@record(kw_only=True)
@section("Chargeback filed")
class ChargebackFiled:
    """A chargeback already filed with the card issuer."""

    payment: int = keys.key("int", "The card payment disputed: its index in payments, counting from 0.",
                            required=True, minimum=0, maximum=999)
    filed_on: dt.date = keys.date("Date the dispute was filed.", required=True)
    reference: str | None = keys.ident("The issuer's dispute reference.")
    result: ChargebackResult = keys.choice("pending, won or lost.", default="pending")


@record(kw_only=True)
@section("Demand letter sent")
class DemandLetterSent:
    """The demand letter has been sent."""

    sent_on: dt.date = keys.date("Date it was sent.", required=True)
    delivered_on: dt.date | None = keys.date("Date of delivery, from the courier's proof of delivery.")


@record(kw_only=True)
@section("Trade Assurance claim filed")
class TradeAssuranceFiled:
    """The Trade Assurance claim on the platform."""

    filed_on: dt.date | None = keys.date("Date the claim was filed, if it was.")


@record(kw_only=True)
@section("Notice of non-conformity sent")
class NonConformityNotice:
    """The buyer told the seller that the goods delivered do not conform (CISG Art. 39(1)): the
    demand letter recalls it, so that an avoidance declared later is not read as the first word."""

    sent_on: dt.date = keys.date("Date the buyer told the seller the goods do not conform.", required=True,
                                 added=True)
    answered_on: dt.date | None = keys.date("Date the seller answered that notice, if it did.", added=True)


@record(kw_only=True)
@section("Proceedings")
class Proceedings:
    """What has already happened: the report, the suspects, the disputes and letters already filed."""

    police_report: PoliceReportFiled | None = keys.part()
    suspects: tuple[Suspect, ...] = keys.entries("Individuals suspected, beside the supplier company.")
    chargebacks: tuple[ChargebackFiled, ...] = keys.entries("Chargebacks already filed.")
    demand_letter: DemandLetterSent | None = keys.part()
    trade_assurance_claim: TradeAssuranceFiled | None = keys.part()
    nonconformity_notice: NonConformityNotice | None = keys.part(added=True)


def recorded_dates(p: Proceedings) -> list[tuple[str, dt.date]]:
    """Every date of the block with its key path, in file order."""
    out: list[tuple[str, dt.date | None]] = []
    r = p.police_report
    if r is not None:
        base = "proceedings.police_report"
        out += [(f"{base}.filed_on", r.filed_on), (f"{base}.opened_on", r.opened_on),
                (f"{base}.refused_on", r.refused_on), (f"{base}.refusal_received_on", r.refusal_received_on)]
    out += [(f"proceedings.suspects[{i}].measure_on", s.measure_on) for i, s in enumerate(p.suspects)]
    out += [(f"proceedings.chargebacks[{i}].filed_on", c.filed_on) for i, c in enumerate(p.chargebacks)]
    if p.demand_letter is not None:
        out += [("proceedings.demand_letter.sent_on", p.demand_letter.sent_on),
                ("proceedings.demand_letter.delivered_on", p.demand_letter.delivered_on)]
    if p.trade_assurance_claim is not None:
        out.append(("proceedings.trade_assurance_claim.filed_on", p.trade_assurance_claim.filed_on))
    if p.nonconformity_notice is not None:
        out += [("proceedings.nonconformity_notice.sent_on", p.nonconformity_notice.sent_on),
                ("proceedings.nonconformity_notice.answered_on", p.nonconformity_notice.answered_on)]
    return [(path, d) for path, d in out if d is not None]


def dates_after(case: "Case", date: dt.date) -> list[tuple[str, dt.date]]:
    """Recorded events dated after `date` (the render date): what has happened cannot be later."""
    if case.proceedings is None:
        return []
    return [(path, d) for path, d in recorded_dates(case.proceedings) if d > date]


def check_history(case: "Case", date: dt.date, against: str = "the date of the documents (--date)") -> None:
    """Raise one `ErrorList`, each error located, when an event of the history is after `date`.

    The documents would otherwise speak of a report or a refusal that has not happened
    yet on the day they are dated."""
    from restitution.errors import CaseError, ErrorList

    late = dates_after(case, date)
    if late:
        raise ErrorList([CaseError(f"{d.isoformat()} is after {against}, {date.isoformat()}: "
                                   "record only what has happened by then, or correct the date",
                                   case.locate(path)) for path, d in late])
