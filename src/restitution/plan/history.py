"""The routes as the case's history has left them: done, pending or next, with the dates that follow.

routes.py says what each route is for a case with no history; this module
takes what `case.stage` computed from ``proceedings`` and ``settlement`` and
re-marks the routes it changes: a report filed is pending (with the unit's
decision days counted from ``filed_on``) or done (the case opened), a refusal
makes the reconsideration the next route (7 days from receipt) with the
procuratorate's supervision after it, a demand sent is done (with the day
its payment period ends), a demand after a settlement or an opened case is
closed, a chargeback or Trade Assurance claim filed is pending, and a
guarantee's Art. 692 period becomes a dated deadline. Keeping this apart
lets routes.py stay the law of a fresh case, and this the history's effect.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from restitution.case.model import Case
from restitution.case.stage import Stage, guarantee_deadline, overdue
from restitution.plan.model import Deadline, DeadlineKind, Route
from restitution.rules import CPL_113, ECONOMIC_CRIME_15, MPS_RULES_179
from restitution.rules.finding import Status
from restitution.rules.reason import Figure, Reason, Wordable


def _r(key: str, /, **params: object) -> Reason:
    return Reason(f"plan.route.history.{key}", **params)


def _dl(route: str, what: str, date: dt.date, kind: DeadlineKind, text: Reason, today: dt.date) -> Deadline:
    return Deadline(f"{route}.{what}", date, route, kind, text, missed=kind != "earliest" and date < today)


def _unit(case: Case) -> str:
    r = case.proceedings.police_report if case.proceedings else None
    return (r.authority_zh or r.authority or "") if r else ""


def police(case: Case, st: Stage, base: Route, today: dt.date) -> list[Route]:
    """The police route once a report is recorded, and the reconsideration route after a refusal."""
    if not st.reported:
        return [base]
    assert st.filed_on is not None
    why: list[Wordable] = [_r("reported", unit=_unit(case), date=st.filed_on)]
    if st.receipt_no:
        why.append(_r("receipt", receipt=st.receipt_no))
    measures = [_r("measure", name=s.name_zh or s.name, measure=Reason(f"proceedings.measure.{s.measure}"),
                   date=s.measure_on or "—") for s in st.suspects if s.measure != "none"]
    deadlines: list[Deadline] = []
    if st.police == "reported":
        status: Status = "pending"
        why += [_r("decision_pending", cite=ECONOMIC_CRIME_15), *measures, _r("next_supplement")]
        for days, date in zip((7, 30, 60), st.decision_due):
            deadlines.append(_dl("police", f"decision{days}", date, "deadline", _r("decision_due", days=days), today))
    elif st.police == "opened":
        status = "done"
        why += [_r("opened", date=st.opened_on, case_no=st.case_no or "—"), *measures, _r("next_pursue")]
    else:  # the report was made; its answer, a refusal, is what the next route contests
        status = "done"
        why += [_r("refused", date=st.refused_on), *measures]
    police_route = dataclasses.replace(base, status=status, why=tuple(why), needs=(), deadlines=tuple(deadlines))
    if st.police != "refused":
        return [police_route]
    due = st.reconsideration_due
    assert due is not None
    late = today > due
    recon = Route("reconsideration", _r("reconsideration.name"), "missed" if late else "next",
                  (_r("reconsideration.why", received=st.refusal_received_on or st.refused_on, cite=MPS_RULES_179),
                   _r("reconsideration.then", cite=CPL_113)),
                  (_r("reconsideration.need"),),
                  (_dl("reconsideration", "deadline", due, "deadline", _r("reconsideration.deadline"), today),),
                  (MPS_RULES_179, CPL_113), ("police.reconsideration", "police.supervision"))
    return [police_route, recon]


def demand(case: Case, st: Stage, base: Route, today: dt.date) -> Route:
    p = case.proceedings
    sent = p.demand_letter if p else None
    late = overdue(case, today)
    if late and case.settlement is not None:
        # A default under the settlement: the next step is to demand what is overdue (the packet's
        # demand letter asks for that amount only), whatever letter went before the agreement.
        n, due, amount = late[0]
        return dataclasses.replace(base, status="next", deadlines=(), why=(_r(
            "demand.overdue", n=n, amount=Figure(amount, 2), currency=case.settlement.currency, date=due),))
    if sent is not None:
        why: list[Wordable] = [_r("demand.sent", date=sent.sent_on)]
        if sent.delivered_on:
            why.append(_r("demand.delivered", date=sent.delivered_on))
        end = sent.sent_on + dt.timedelta(days=case.claim.deadline_days)
        return dataclasses.replace(base, status="done", why=tuple(why), needs=(), deadlines=(
            _dl("demand_letter", "payment", end, "due", _r("demand.payment_due"), today),))
    if st.settlement != "none":
        return dataclasses.replace(base, status="closed", why=(_r("demand.settled"),), needs=())
    if st.police == "opened":
        return dataclasses.replace(base, status="closed", why=(_r("demand.opened"),), needs=())
    return base


def chargeback(case: Case, route: Route) -> Route:
    """A chargeback route of a payment already disputed: pending, done (won) or closed (lost)."""
    if route.payment is None or case.proceedings is None:
        return route
    for c in case.proceedings.chargebacks:
        if c.payment + 1 == route.payment:  # route.payment counts from 1, the file from 0
            outcomes: dict[str, Status] = {"pending": "pending", "won": "done", "lost": "closed"}
            status = outcomes[c.result]
            why = (_r(f"chargeback.{c.result}", date=c.filed_on, reference=c.reference or "—"),)
            return dataclasses.replace(route, status=status, why=why + route.why[:1], needs=(), deadlines=())
    return route


def trade_assurance(st: Stage, route: Route) -> Route:
    if st.ta_claim_filed_on is None or route.status == "closed":
        return route
    return dataclasses.replace(route, status="pending", why=(_r("ta_filed", date=st.ta_claim_filed_on),),
                               needs=(), deadlines=())


def guarantee(case: Case, today: dt.date) -> list[Deadline]:
    """The last day to act against the guarantors (Civil Code (2020) Arts. 692-693)."""
    date = guarantee_deadline(case)
    if date is None:
        return []
    joint = all(p.guarantee == "joint" for p in case.settlement.payers if p.role == "guarantor") \
        if case.settlement else False
    return [_dl("settlement", "guarantee", date, "deadline",
                _r("guarantee.joint" if joint else "guarantee.general"), today)]
