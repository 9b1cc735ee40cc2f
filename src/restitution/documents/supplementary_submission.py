"""The supplementary submission (补充报案材料) to the unit that already holds the report.

Once ``proceedings.police_report.filed_on`` is recorded a second report would
be a duplicate; what the unit needs is what is new (facts and evidence dated
after the report, the individual suspects, restitution received) and the
request that fits the stage:

- reported, not yet opened: decide whether to open a case within the time
  limits of the SPP/MPS Provisions on economic crime (2017) Art. 15, with the
  days computed from ``filed_on`` (7, 30 with approval, 60 for especially
  major or cross-regional leads), and serve a written notice if it refuses
  (MPS Provisions (2020) Art. 178), since reconsideration and the
  procuratorate's supervision both need that notice (domain.md §C);
- opened: pursue the proceeds (追赃挽损) and keep the client informed.

A refused case gets the reconsideration application instead
(reconsideration_application.py), so this document does not apply to it.
For a Hong Kong seller the PRC time limits do not apply and are not printed.

Values the templates read as ``x``:

- ``opened`` (the stage), ``unit``, ``filed_on``, ``receipt_no``, ``opened_on``, ``case_no``.
- ``decision_due`` (7-, 30- and 60-day last days), ``overdue``: the 7 days have passed.
- ``new_facts``: facts after ``filed_on``; ``facts``: all of them, when none is new. Neither holds
  the unit's own acts (`official_fact`): telling a bureau that it opened the case or detained a
  suspect is news to nobody (fifth review, item 14).
- ``new_exhibits``: exhibits dated after the report (numbers and titles).
- ``suspects`` (`SuspectRow`), ``received``/``outstanding``/``currency`` under a settlement, and
  ``late_instalments``: the instalments already due and unpaid, which the unit is told of.
- ``chargebacks``: card disputes already filed, disclosed as parallel routes (a
  refund obtained is reported to the unit); ``refunded``: one was won.
- ``supplier_name``, ``client_name``, ``mainland``, ``cite``.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Exhibit, Fact
from restitution.case.stage import overdue, stage_of
from restitution.documents import DocumentSpec
from restitution.documents._history import SuspectRow, recorded_unit, suspect_rows
from restitution.documents._phrases import client_name, supplier_name
from restitution.errors import DocumentNotApplicable
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules import ECONOMIC_CRIME_15, MPS_RULES_178


def check(case: Case) -> None:
    st = stage_of(case)
    if not st.reported:
        raise DocumentNotApplicable(
            "a supplementary submission goes to the unit that holds the report: record it under "
            "proceedings.police_report (filed_on, authority_zh)", case.locate("proceedings"))
    if st.police == "refused":
        raise DocumentNotApplicable(
            "the report was refused (proceedings.police_report.refused_on): the next step is the "
            "reconsideration application (--doc reconsideration_application)",
            case.locate("proceedings.police_report.refused_on"))
    r = case.proceedings.police_report if case.proceedings else None
    if r is not None and not (r.authority or r.authority_zh) and case.supplier.region not in ("mainland", "hong_kong"):
        raise DocumentNotApplicable(
            "name the unit that holds the report: proceedings.police_report.authority_zh (and authority)",
            case.locate("proceedings.police_report"))


def official_fact(case: Case, fact: Fact) -> bool:
    """Whether `fact` is an act of the authorities in the case: as ``facts[].official`` says, else
    whether ``proceedings`` records such an act that day (the case opened or refused, a suspect's
    measure). Trade-off: a fact of another kind on the same day is taken for the act; the key
    settles it either way, and the act itself stays in the submission's opening and suspects."""
    if fact.official is not None:
        return fact.official
    p = case.proceedings
    r = p.police_report if p else None
    days = {d for d in (r.opened_on, r.refused_on) if d} if r else set()
    days |= {s.measure_on for s in (p.suspects if p else ()) if s.measure_on and s.measure != "none"}
    return fact.date in days


@record
class ChargebackRow:
    """A chargeback already filed (proceedings.chargebacks), disclosed to the unit as a parallel route."""

    paid_on: dt.date
    amount: Decimal
    currency: str
    filed_on: dt.date
    reference: str | None
    result: str  # pending | won | lost


def chargeback_rows(case: Case) -> list[ChargebackRow]:
    p = case.proceedings
    rows = []
    for c in p.chargebacks if p else ():
        pay = case.payments[c.payment]  # conditions.py: an existing card payment
        rows.append(ChargebackRow(pay.date, pay.amount, pay.currency, c.filed_on, c.reference, c.result))
    return rows


@record
class SupplementCitations:
    decision: str
    refusal_notice: str


@record
class SupplementContext:
    opened: bool
    mainland: bool
    unit: str | None
    filed_on: dt.date
    receipt_no: str | None
    opened_on: dt.date | None
    case_no: str | None
    decision_due: tuple[dt.date, ...]
    overdue: bool
    new_facts: list[Fact]
    facts: list[Fact]
    new_exhibits: list[Exhibit]
    suspects: list[SuspectRow]
    chargebacks: list[ChargebackRow]
    refunded: bool  # a chargeback was won: "no refund" would be false
    received: Decimal | None
    outstanding: Decimal | None
    currency: str | None
    # instalments of the settlement already due and unpaid: (number, due date, amount unpaid)
    late_instalments: tuple[tuple[int, dt.date, Decimal], ...]
    supplier_name: str
    client_name: str
    cite: SupplementCitations


def context(case: Case, words: Catalogue, date: dt.date) -> SupplementContext:
    st = stage_of(case)
    assert st.filed_on is not None, "check() requires a recorded report"
    filed = st.filed_on
    facts = sorted((f for f in case.facts if not official_fact(case, f)), key=lambda f: f.date)
    s = case.settlement
    return SupplementContext(
        opened=st.police == "opened",
        mainland=case.supplier.region == "mainland",
        unit=recorded_unit(case, words),
        filed_on=filed,
        receipt_no=st.receipt_no,
        opened_on=st.opened_on,
        case_no=st.case_no,
        decision_due=st.decision_due,
        overdue=st.police == "reported" and date > st.decision_due[0],
        new_facts=[f for f in facts if f.date > filed],
        facts=facts,
        new_exhibits=[e for e in case.evidence if e.date is not None and e.date > filed],
        suspects=suspect_rows(case, words),
        chargebacks=chargeback_rows(case),
        refunded=any(c.result == "won" for c in case.proceedings.chargebacks) if case.proceedings else False,
        received=s.received_total if s else None,
        outstanding=st.owed if s else None,
        currency=s.currency if s else None,
        late_instalments=overdue(case, date),
        supplier_name=supplier_name(case, words),
        client_name=client_name(case, words),
        cite=SupplementCitations(decision=ECONOMIC_CRIME_15.word(words), refusal_notice=MPS_RULES_178.word(words)),
    )


SPEC = DocumentSpec(
    key="supplementary_submission",
    check=check,
    context=context,
    # Paid in full, the written pardon is what goes to the unit; asking it to pursue the proceeds
    # at the same time would contradict it.
    in_packet=lambda case: stage_of(case).police in ("reported", "opened") and stage_of(case).settlement != "paid",
    zh_variant=lambda case: "zh-Hant" if case.supplier.region == "hong_kong" else "zh",
)
