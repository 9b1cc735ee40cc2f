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

A report on file adds the supplementary submission the packet makes for the same unit
(documents/supplementary_submission.py: reported or opened, not paid in full) as a route of
its own, so the plan's next steps name it. A measure with a longest term (bail twelve months,
residential surveillance six) gets its end as a dated item: recalled, not in domain.md, so it
is worded with the decision's own term as the authority [R]. A case opened on the same facts
leaves the civil route to the sums a settlement has made due: the sale's money is recovered in
the criminal case (追缴, 责令退赔), and a suit on it is likely not accepted [R].

A settlement adds the written pardon as a route of its own: not yet while
money is owed, the next step once the agreed sum has arrived (to the body
handling the case). A settlement paid in full closes every route still open
for the same money (a card dispute, a claim, a suit): it would recover twice
what the agreement settled. Whether the agreement reserves a remaining claim
is in its own terms, which the case file does not hold, so the closing
sentence says "unless the agreement reserves it" [R] rather than asserting
the agreement's effect.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

from decimal import Decimal

from restitution.case.model import Case
from restitution.case.settlement import Settlement
from restitution.case.stage import Stage, add_months, guarantee_deadline, overdue
from restitution.language.catalogue import Catalogue
from restitution.plan.model import Deadline, DeadlineKind, Route
from restitution.records import record
from restitution.rules import CPL_113, ECONOMIC_CRIME_15, MPS_RULES_179
from restitution.rules.finding import Status
from restitution.rules.reason import Figure, Money, Reason, Wordable, say


def _r(key: str, /, **params: object) -> Reason:
    return Reason(f"plan.route.history.{key}", **params)


def _dl(route: str, what: str, date: dt.date, kind: DeadlineKind, text: Reason, today: dt.date) -> Deadline:
    return Deadline(f"{route}.{what}", date, route, kind, text, missed=kind != "earliest" and date < today)


@record
class Named:
    """A body the case names in English and Chinese, worded in the reader's language, else `fallback`."""

    en: str | None
    zh: str | None
    fallback: Wordable | str  # a Reason, or a name to print as it is

    def word(self, words: Catalogue) -> str:
        first, second = (self.zh, self.en) if words.language.chinese else (self.en, self.zh)
        return first or second or say(self.fallback, words)


def pardon_authority(case: Case) -> Named:
    """Who receives the written pardon, as documents/pardon_letter.py addresses it: the body the
    settlement names, else the unit the report is recorded with, else the competent police body."""
    from restitution.rules import police_route

    st, p = case.settlement, case.proceedings
    r = p.police_report if p else None
    fallback: Wordable = _r("pardon.authority")
    if case.supplier.region in ("mainland", "hong_kong"):
        pr = police_route(case)
        fallback = (Reason("rules.police.body.mainland", bureau=pr.bureau) if pr.region == "mainland"
                    else Reason("rules.police.body.hong_kong"))
    for en, zh in ((st.handling_authority, st.handling_authority_zh) if st else (None, None),
                   (r.authority, r.authority_zh) if r else (None, None)):
        if en or zh:
            return Named(en, zh, fallback)
    return Named(None, None, fallback)


def covered_on(s: Settlement, amount: Decimal) -> dt.date | None:
    """The day the receipts, in the order they arrived, first added up to `amount`; None if they never do."""
    total = Decimal("0")
    for r in sorted(s.received, key=lambda r: r.date):
        total += r.amount
        if total >= amount:
            return r.date
    return None


def paid_in_full_on(case: Case) -> dt.date | None:
    """The day the last of the settlement's agreed sum arrived, or None (no settlement, or money owed)."""
    s = case.settlement
    return covered_on(s, s.agreed_amount) if s is not None and s.received else None


def pardon(case: Case, st: Stage) -> Route | None:
    """The written pardon: not yet while money is owed (unless the case gives it early), then the next step."""
    s = case.settlement
    if s is None:
        return None
    name = _r("pardon.name")
    to = pardon_authority(case)
    signer = _r("pardon.signed_by_agent" if case.agent is not None else "pardon.signed_by_client")
    full = paid_in_full_on(case)
    if full is not None:
        why: tuple[Wordable, ...] = (_r("pardon.paid", amount=Money(s.agreed_amount, s.currency), date=full,
                                        authority=to), signer)
        return Route("pardon", name, "next", why)
    owed = Money(st.owed, s.currency)
    if s.pardon_before_full_payment and s.received:
        return Route("pardon", name, "next", (_r("pardon.early", owed=owed, authority=to), _r("pardon.signed_by_client")))
    return Route("pardon", name, "not_yet", (_r("pardon.owed", owed=owed),))


def settled(routes: list[Route]) -> list[Route]:
    """A settlement paid in full: every route still open for the same money is closed (the pardon stays)."""
    out = []
    for r in routes:
        if r.id != "pardon" and r.status in ("open", "next", "not_yet", "unknown"):
            why = _r("settled_civil") if r.id == "civil" else _r("settled")
            r = dataclasses.replace(r, status="closed", why=(why,), needs=(), deadlines=())
        out.append(r)
    return out


def _unit(case: Case) -> str:
    r = case.proceedings.police_report if case.proceedings else None
    return (r.authority_zh or r.authority or "") if r else ""


# The longest term of a coercive measure, in months, from the day it was decided [R: recalled from
# the Criminal Procedure Law (2018), not in domain.md; the decision itself gives the term].
MEASURE_MONTHS = {"bail": 12, "residential_surveillance": 6}


def measure_ends(case: Case, st: Stage, today: dt.date) -> list[Deadline]:
    """The end of each suspect's bail or residential surveillance still ahead, as dated items."""
    out = []
    for i, s in enumerate(st.suspects):
        months = MEASURE_MONTHS.get(s.measure)
        if months is None or s.measure_on is None:
            continue
        end = add_months(s.measure_on, months)
        if end >= today:  # a term already over says nothing about what the unit did next
            out.append(Deadline(f"police.measure{i}", end, "police", "ends", _r(
                f"measure_term.{s.measure}", name=Named(s.name, s.name_zh, s.name), date=s.measure_on), missed=False))
    return out


def supplement(case: Case, st: Stage) -> Route | None:
    """The supplementary submission the packet makes for the unit holding the report, as the next step."""
    if st.police not in ("reported", "opened") or st.settlement == "paid":
        return None
    r = case.proceedings.police_report if case.proceedings else None
    unit = Named(r.authority, r.authority_zh, _r("pardon.authority")) if r else _r("pardon.authority")
    # "open", not "next": the next steps rank it (plan/steps.py), after a default's demand
    return Route("supplement", _r("supplement.name", unit=unit), "open", (_r(f"supplement.{st.police}"),))


def civil(case: Case, st: Stage, base: Route, today: dt.date) -> Route:
    """The civil route once a case is opened on the same facts: only the sums a settlement made due."""
    if st.police != "opened":
        return base
    rules = base.rules + ("civil.parallel_criminal",)
    s = case.settlement
    late = overdue(case, today) if s is not None else ()
    if s is not None and late:
        amount = Figure(sum((a for _, _, a in late), Decimal("0")), 2)
        # not "open": whether a court takes a suit beside the criminal case is to be checked first
        return dataclasses.replace(base, name=_r("civil.settlement_name"), status="unknown", why=(
            _r("civil.parallel"), _r("civil.settlement_due", amount=amount, currency=s.currency)) + base.why,
            rules=rules)
    why = (_r("civil.parallel"),) + ((_r("civil.settlement_later"),) if s is not None else ())
    return dataclasses.replace(base, status="unknown", why=why, needs=(), rules=rules)


def police(case: Case, st: Stage, base: Route, today: dt.date) -> list[Route]:
    """The police route once a report is recorded, the supplementary submission while the unit
    holds it, and the reconsideration route after a refusal."""
    if not st.reported:
        return [base]
    assert st.filed_on is not None
    why: list[Wordable] = [_r("reported", unit=_unit(case), date=st.filed_on)]
    if st.receipt_no:
        why.append(_r("receipt", receipt=st.receipt_no))
    measures = [_r("measure", name=s.name_zh or s.name, measure=Reason(f"proceedings.measure.{s.measure}"),
                   date=s.measure_on or "—") for s in st.suspects if s.measure != "none"]
    deadlines: list[Deadline] = []
    full = paid_in_full_on(case)
    # once the agreed sum has arrived, what the police hear next is the pardon, not a request to recover
    pardon_next = _r("next_pardon", authority=pardon_authority(case), date=full) if full else None
    if st.police == "reported":
        status: Status = "pending"
        why += [_r("decision_pending", cite=ECONOMIC_CRIME_15), *measures, pardon_next or _r("next_supplement")]
        for days, date in zip((7, 30, 60), st.decision_due):
            deadlines.append(_dl("police", f"decision{days}", date, "deadline", _r("decision_due", days=days), today))
    elif st.police == "opened":
        status = "done"
        why += [_r("opened", date=st.opened_on, case_no=st.case_no or "—"), *measures, pardon_next or _r("next_pursue")]
    else:  # the report was made; its answer, a refusal, is what the next route contests
        status = "done"
        why += [_r("refused", date=st.refused_on), *measures]
    deadlines += measure_ends(case, st, today)
    rules = base.rules + (("police.measure_term",) if any(d.id.startswith("police.measure") for d in deadlines) else ())
    police_route = dataclasses.replace(base, status=status, why=tuple(why), needs=(), deadlines=tuple(deadlines),
                                       rules=rules)
    if st.police != "refused":
        extra = supplement(case, st)
        return [police_route] if extra is None else [police_route, extra]
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
