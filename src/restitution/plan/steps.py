"""The order to act in: the next step first, with its date, then the rest (issue 16, point 17).

The routes of a plan say what is open; a client needs to know what to do
first. The order is a practitioner's, marked [R]:

1. a card dispute whose last day is close (`CLOSE_DAYS`), or whose earliest
   reading (120 days from the processing date) has already passed: a missed
   issuer deadline cannot be cured, whatever else is pending;
2. the police report(s) and the platform's own claim (Trade Assurance) or a
   12315 report: they freeze or trace money and cost nothing to start;
3. the demand letter: after the report when the seller has vanished, since
   a letter would only warn it to move the money (rules.demand); and after it
   whenever the letter is also addressed to a company that received the money
   (a payee with its registration), which the letter would warn first. The
   supplementary submission to the unit that already holds a report follows
   it: a settlement's default is demanded of the debtor, then told to the unit;
4. the rest (card disputes not yet close, payment-app disputes, the civil
   route, reports at home, the written pardon), by date. Once the agreed sum has
   arrived the pardon's step names the act: handed to the body that has the case.

A route that cannot be taken yet for want of a key (a demand letter with no account to pay
into) is named by what to add first, so the next step is never a document the toolkit refuses.

Each step carries its date: its next last day, or the plan's day when it has
none ("now"); a date on a weekend or a PRC public holiday is flagged, since
a bureau or a bank may not act that day and the step is best done before.
Trade-off: the holiday calendar is the PRC one (the `holidays` library's
offline data) for every step, including a foreign issuer's last day, where it
only warns; the issuer's own calendar is not known to the case file.
"""
from __future__ import annotations

import datetime as dt

from restitution.case.model import Case
from restitution.plan.model import Plan, Route
from restitution.plan.history import paid_in_full_on, pardon_authority
from restitution.plan.routes import demand_missing
from restitution.records import record
from restitution.rules.demand import seller_vanished
from restitution.rules.payee import is_person, payees
from restitution.rules.reason import Reason

CLOSE_DAYS = 45  # a card dispute ending within this many days of the plan's day goes first [R]

_REPORTS = ("police", "police_payee", "police_resident", "reconsideration", "trade_assurance", "samr_12315")
_CARD = ("chargeback.", "fcba.", "s75.", "payapp.")
_ACTIONABLE = ("open", "next")


@record
class Holder:
    """An account holder named in the plan's language: its Chinese name in Chinese, else its own."""

    name: str | None
    name_zh: str | None

    def word(self, words) -> str:
        chinese = words.language.chinese and self.name_zh
        return (self.name_zh if chinese else self.name or self.name_zh) or ""


def addressed_payee(case: Case) -> Holder | None:
    """The first company other than the supplier that received the money and that the demand letter
    addresses as well (documents/_personal_accounts.recipients: a holder with its USCC), or None."""
    for p in payees(case):
        if p.account.holder_uscc and not is_person(p.account):
            return Holder(p.account.holder, p.account.holder_zh)
    return None


@record
class Step:
    route: str  # the route id
    name: Reason  # the route's name
    date: dt.date  # its next last day, or the plan's day ("now")
    deadline: bool  # True: `date` is a last day; False: no deadline, act now
    day_off: str | None  # "saturday", "sunday" or "holiday" when the last day `date` falls on one
    note: Reason | None = None  # why it stands where it does, when that is not obvious


def day_off(day: dt.date) -> str | None:
    """"saturday", "sunday" or "holiday" (a PRC public holiday) for `day`, else None."""
    from restitution.holiday_calendar import holiday_name

    if holiday_name(day):
        return "holiday"
    return {5: "saturday", 6: "sunday"}.get(day.weekday())


def _last_day(route: Route, today: dt.date) -> dt.date | None:
    days = [d.date for d in route.deadlines if d.kind not in ("earliest", "ends") and not d.missed and d.date >= today]
    return min(days) if days else None


def _report_rank(route: Route) -> int:
    """The police first, then the platform's claim and 12315 (the order of `_REPORTS`)."""
    for i, prefix in enumerate(_REPORTS):
        if route.id.startswith(prefix):
            return i
    return len(_REPORTS)


def _conservative_passed(route: Route) -> dt.date | None:
    """The day a card dispute's earliest reading ended, if it has (rules.chargeback)."""
    return next((d.date for d in route.deadlines if d.id.endswith(".conservative") and d.missed), None)


def _group(route: Route, today: dt.date) -> int:
    last = _last_day(route, today)
    if route.id.startswith(_CARD):
        urgent = _conservative_passed(route) is not None
        return 0 if urgent or (last is not None and (last - today).days <= CLOSE_DAYS) else 3
    if route.id.startswith(_REPORTS):
        return 1
    if route.id in ("demand_letter", "supplement"):
        return 2
    return 3


def next_steps(case: Case, plan: Plan) -> list[Step]:
    """The open routes in the order to act on them; the first is the next step."""
    today = plan.today
    open_routes = [r for r in plan.routes if r.status in _ACTIONABLE]
    ranked = sorted(enumerate(open_routes), key=lambda ir: (
        _group(ir[1], today), ir[1].id == "supplement", _last_day(ir[1], today) or dt.date.max, _report_rank(ir[1]),
        ir[0]))
    reporting = any(r.id.startswith("police") for r in open_routes)
    steps = []
    for _, r in ranked:
        last = _last_day(r, today)
        date = last or today
        note = None
        if r.id == "demand_letter" and reporting and addressed_payee(case) is not None:
            note = Reason("plan.steps.payee_first", holder=addressed_payee(case))
        elif r.id == "demand_letter" and reporting and seller_vanished(case):
            note = Reason("plan.steps.report_first")
        elif _conservative_passed(r) is not None:
            note = Reason("plan.steps.conservative_passed", date=_conservative_passed(r))
        elif _group(r, today) == 0:
            note = Reason("plan.steps.close", days=(date - today).days)
        name = r.name
        if r.id == "pardon" and paid_in_full_on(case) is not None:
            # the step names the act: the pardon handed to the body with the case, against the money received
            name = Reason("plan.steps.pardon", authority=pardon_authority(case), date=paid_in_full_on(case))
        if r.id == "demand_letter" and demand_missing(case):
            # the letter cannot be made yet: the step is to add what it lacks
            name = Reason(f"plan.steps.add.{demand_missing(case)[0]}")
        # Only a last day is moved to the working day before; "now" on a Sunday is still now.
        steps.append(Step(r.id, name, date, last is not None, day_off(date) if last else None, note))
    return steps
