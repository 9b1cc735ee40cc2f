"""Where a case stands, computed once from its history, and the dates that follow.

The packet, the plan and the documents' wording all ask the same questions
(was a report filed? opened or refused? is there a settlement, and how much
of it is paid?), so they ask them here, where the answers agree by
construction. Trade-off: a stage is a small set of independent facts
(`police`, `settlement`) rather than one linear ladder, because a case can be
opened and settled at once; `name` folds them into the one word the tests
and the README use.

Day counting: the Criminal Procedure Law (2018) Art. 105 [R: article number] does not count the
day a period starts from, so "7 days from receipt" ends on receipt + 7. A
last day falling on a holiday moves to the next working day in law; the
plan prints the unmoved (earlier, safe) date.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Literal

from restitution.case.model import Case
from restitution.case.proceedings import Suspect
from restitution.records import record

PoliceStage = Literal["none", "reported", "opened", "refused"]
SettlementStage = Literal["none", "partial", "paid"]

# Economic-crime leads: decide within 7 days, 30 with approval, a further 30 for
# especially major or cross-regional leads (SPP/MPS 公通字〔2017〕25号 Art. 15; domain.md §C).
DECISION_DAYS = (7, 30, 60)
# Reconsideration: 7 days from receipt of the notice of refusal (MPS Provisions, 2020, Art. 179).
RECONSIDERATION_DAYS = 7
# Civil Code (2020) Art. 692: with no agreed period, 6 months from the due date.
GUARANTEE_MONTHS = 6


def add_months(d: dt.date, months: int) -> dt.date:
    """The same day `months` later, or the month's last day when it has no such day."""
    import calendar

    y, m = divmod(d.month - 1 + months, 12)
    year, month = d.year + y, m + 1
    return dt.date(year, month, min(d.day, calendar.monthrange(year, month)[1]))


@record
class Stage:
    police: PoliceStage
    settlement: SettlementStage
    filed_on: dt.date | None
    opened_on: dt.date | None
    refused_on: dt.date | None
    refusal_received_on: dt.date | None
    case_no: str | None
    receipt_no: str | None
    suspects: tuple[Suspect, ...]
    owed: Decimal  # still owed: agreed less received under a settlement, else the claim less chargebacks won
    owed_currency: str
    demand_sent_on: dt.date | None
    ta_claim_filed_on: dt.date | None

    @property
    def name(self) -> str:
        """new, reported, opened, refused, settled_partial or settled_paid (a settlement wins)."""
        if self.settlement != "none":
            return f"settled_{self.settlement}"
        return "new" if self.police == "none" else self.police

    @property
    def reported(self) -> bool:
        return self.police != "none"

    @property
    def decision_due(self) -> tuple[dt.date, ...]:
        """The last days for the decision to open a case: 7, 30 and 60 days after the report."""
        if self.filed_on is None:
            return ()
        return tuple(self.filed_on + dt.timedelta(days=n) for n in DECISION_DAYS)

    @property
    def reconsideration_due(self) -> dt.date | None:
        received = self.refusal_received_on or self.refused_on
        return received + dt.timedelta(days=RECONSIDERATION_DAYS) if received else None

    @property
    def detained(self) -> tuple[Suspect, ...]:
        return tuple(s for s in self.suspects if s.measure in ("criminal_detention", "arrest"))


def stage_of(case: Case) -> Stage:
    p = case.proceedings
    r = p.police_report if p else None
    police: PoliceStage = "none"
    if r is not None:
        # Opened after a refusal means the refusal was overturned (conditions.py keeps that order).
        police = "opened" if r.opened_on else "refused" if r.refused_on else "reported"
    s = case.settlement
    settlement: SettlementStage = "none"
    owed, currency = case.claim.amount, case.claim.currency
    # A chargeback won has given that payment back: it is no longer owed (same currency only;
    # another currency's refund cannot be netted without a rate the case does not give).
    for c in p.chargebacks if p else ():
        paid = case.payments[c.payment]
        if c.result == "won" and paid.currency == currency:
            owed = max(owed - paid.amount, Decimal("0"))
    if s is not None:
        owed, currency = max(s.agreed_amount - s.received_total, Decimal("0")), s.currency
        settlement = "paid" if owed == 0 else "partial"
    return Stage(
        police=police,
        settlement=settlement,
        filed_on=r.filed_on if r else None,
        opened_on=r.opened_on if r else None,
        refused_on=r.refused_on if r else None,
        refusal_received_on=r.refusal_received_on if r else None,
        case_no=r.case_no if r else None,
        receipt_no=r.receipt_no if r else None,
        suspects=p.suspects if p else (),
        owed=owed,
        owed_currency=currency,
        demand_sent_on=p.demand_letter.sent_on if p and p.demand_letter else None,
        ta_claim_filed_on=p.trade_assurance_claim.filed_on if p and p.trade_assurance_claim else None,
    )


def guarantee_deadline(case: Case) -> dt.date | None:
    """The last day to act against a guarantor: 6 months from the first instalment not yet
    covered by what was received (Art. 692; Art. 693: sue the debtor for a general guarantee,
    demand payment of the guarantor for a joint one), or None with no guarantor or nothing owed."""
    s = case.settlement
    if s is None or not any(p.role == "guarantor" for p in s.payers):
        return None
    covered = s.received_total
    for inst in sorted(s.schedule, key=lambda i: i.due):
        if covered >= inst.amount:
            covered -= inst.amount
            continue
        return add_months(inst.due, GUARANTEE_MONTHS)
    return None


def overdue(case: Case, on: dt.date) -> tuple[tuple[int, dt.date, Decimal], ...]:
    """The settlement's instalments already due before `on` and not covered by what was
    received, as (number from 1, due date, amount still unpaid); receipts are applied to the
    earliest instalments first. An instalment due on `on` itself is not yet late (it may be
    paid that day), so only earlier due dates count."""
    s = case.settlement
    if s is None:
        return ()
    covered = s.received_total
    out = []
    for n, inst in enumerate(sorted(s.schedule, key=lambda i: i.due), start=1):
        paid = min(covered, inst.amount)
        covered -= paid
        if inst.due < on and paid < inst.amount:
            out.append((n, inst.due, inst.amount - paid))
    return tuple(out)
