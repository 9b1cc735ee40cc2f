"""The case plan as a document / 案件计划 (docs/plan.md).

The plan of ``restitution plan`` (``restitution.plan.make_plan``), set as a
document a lawyer can hand over or file: the classification and why, each
route with its status, reasons, needs and deadlines, every dated deadline in
order with the missed ones marked, and the rules used with their source and
confidence. The document's date is the day the plan is measured against.

The plan holds facts and reasons (catalogue keys with their facts); the
templates word them with the ``say`` filter, through the rendering's
catalogue, so a firm's ``phrases/`` folder rewords the plan as it rewords a
template. Values the templates read as ``x``:

- ``label``, ``why``, ``fraud_signs``, ``dispute_signs``, ``citations``: the
  classification (citations with their version).
- ``routes``: per route ``name``, ``status`` (the plan's status key),
  ``status_label``, ``why``, ``needs``, ``deadlines`` (rows as below),
  ``next_date`` (its first date on or after the plan's day, or None) and
  ``citations``.
- ``deadlines``: every dated item, sorted by date: ``date``, ``what``,
  ``route`` (the route's name), ``missed``, ``state`` (e.g. "12 days left",
  "missed 33 days ago", "first day").
- ``missed``: how many deadlines have passed.
- ``steps``: the open routes in the order to act on them (plan/steps.py), the
  first being the next step: ``name``, ``date`` and ``weekday``, ``deadline``
  (False: no last day, act now), ``day_off`` (a weekend or PRC holiday, as a
  reason, or None) and ``note``.
- ``rules``: ``id``, ``text``, ``source``, ``confidence`` ("C", "S", "R") and
  ``confidence_label``.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from restitution.case.model import Case
from restitution.language.catalogue import Catalogue
from restitution.documents import DocumentSpec
from restitution.language import Language, get
from restitution.plan import Deadline, Plan, Route, make_plan
from restitution.plan.steps import day_off, next_steps
from restitution.records import record
from restitution.rules.citations import Citation
from restitution.rules.reason import Reason, Wordable, bundled, say
from restitution.rules.table import Grounds, Rule


def _d(name: str, **params: Any) -> Reason:
    return Reason(f"plan.document.{name}", **params)


def _days(n: int) -> Reason:
    return _d("days.one" if n == 1 else "days.many", n=n)


def deadline_reason(d: Deadline, today: dt.date) -> Reason:
    """How a dated item stands on `today`."""
    delta = (d.date - today).days
    if d.kind == "earliest":
        return _d("state.opens_in", days=_days(delta)) if delta > 0 else _d("state.open_since")
    if d.paid_on is not None:  # an instalment covered by the money received: never "due", whatever its day
        return _d("state.paid", date=d.paid_on)
    if d.missed:  # an instalment the seller did not pay is its default ("overdue"), not a step missed
        return _d("state.overdue" if d.kind == "due" else "state.missed", days=_days(-delta))
    what = _d(f"state.{d.kind}") if d.kind in ("due", "ends") else _d("state.last_day")
    if delta == 0:
        return _d("state.today", what=what)
    return _d("state.left", what=what, days=_days(delta))


def deadline_state(d: Deadline, today: dt.date, lang: Language | str) -> str:
    """How a dated item stands on `today`, in words (the bundled wording of `lang`)."""
    return say(deadline_reason(d, today), bundled(get(lang)))


@record
class DeadlineRow:
    date: dt.date
    what: Reason
    route: Reason  # the route's name; settlement instalments belong to no route
    missed: bool
    kind: str
    state: Reason  # how it stands on the plan's day
    day_off: Reason | None = None  # a last day on a weekend or PRC holiday


@record
class StepView:
    name: Reason
    date: dt.date
    weekday: Reason
    deadline: bool
    day_off: Reason | None
    note: Reason | None


def _day_off(day: dt.date) -> Reason | None:
    kind = day_off(day)
    return None if kind is None else Reason(f"plan.steps.day_off.{kind}")


def _weekday(day: dt.date) -> Reason:
    return Reason("plan.steps.weekday." + ("monday", "tuesday", "wednesday", "thursday", "friday",
                                          "saturday", "sunday")[day.weekday()])


@record
class RouteView:
    id: str
    name: Reason
    status: str
    status_label: Reason
    why: tuple[Wordable, ...]
    needs: tuple[Reason, ...]
    deadlines: tuple[DeadlineRow, ...]
    next_date: dt.date | None
    citations: tuple[Citation, ...]


@record
class RuleRow:
    id: str
    text: Rule
    source: Grounds  # what the rule rests on, worded by the template's say
    confidence: str
    confidence_label: Reason


@record
class CasePlanContext:
    """The plan as the templates read it: facts and reasons, worded by the template's ``say``."""

    plan: Plan
    today: dt.date
    conclusion: str
    label: Reason
    why: Reason
    fraud_signs: tuple[Reason, ...]
    dispute_signs: tuple[Reason, ...]
    citations: tuple[Citation, ...]
    routes: tuple[RouteView, ...]
    deadlines: tuple[DeadlineRow, ...]
    missed: int  # last days passed (the seller's unpaid instalments are `overdue`)
    rules: tuple[RuleRow, ...]
    steps: tuple[StepView, ...] = ()
    overdue: int = 0  # instalments due from the seller and unpaid on the plan's day


def _deadline_row(d: Deadline, plan: Plan, names: dict[str, Reason]) -> DeadlineRow:
    # only a last day still ahead is worth a weekend warning
    off = _day_off(d.date) if d.kind == "deadline" and not d.missed else None
    return DeadlineRow(d.date, d.what, names.get(d.route, _d("settlement")), d.missed, d.kind,
                       deadline_reason(d, plan.today), off)


def _route(r: Route, plan: Plan, names: dict[str, Reason]) -> RouteView:
    upcoming = [d.date for d in r.deadlines if d.date >= plan.today]
    return RouteView(r.id, r.name, r.status, _d(f"status.{r.status}"), tuple(r.why), tuple(r.needs),
                     tuple(_deadline_row(d, plan, names) for d in r.deadlines),
                     min(upcoming) if upcoming else None, tuple(r.citations))


def plan_context(plan: Plan, case: Case | None = None) -> CasePlanContext:
    c = plan.classification
    names = {r.id: r.name for r in plan.routes}
    return CasePlanContext(
        plan=plan,
        today=plan.today,
        conclusion=c.conclusion,
        label=c.label,
        why=c.why,
        fraud_signs=tuple(s.text for s in c.fraud_signs),
        dispute_signs=tuple(s.text for s in c.dispute_signs),
        citations=tuple(c.citations),
        routes=tuple(_route(r, plan, names) for r in plan.routes),
        deadlines=tuple(_deadline_row(d, plan, names) for d in plan.deadlines),
        missed=sum(1 for d in plan.deadlines if d.missed and d.kind != "due"),
        overdue=sum(1 for d in plan.deadlines if d.missed and d.kind == "due"),
        rules=tuple(RuleRow(rule.id, rule, rule.grounds, rule.confidence, _d(f"confidence.{rule.confidence}"))
                    for rule in plan.rules),
        steps=() if case is None else tuple(
            StepView(st.name, st.date, _weekday(st.date), st.deadline,
                     Reason(f"plan.steps.day_off.{st.day_off}") if st.day_off else None, st.note)
            for st in next_steps(case, plan)),
    )


def context(case: Case, words: Catalogue, date: dt.date) -> CasePlanContext:
    # The plan's facts are the same in every language; the templates word them
    # through the rendering's catalogue (the `say` filter), so `words` is unused.
    return plan_context(make_plan(case, date), case)


SPEC = DocumentSpec(
    key="case_plan",
    file_reference=True,
    context=context,
    firm_speaks=lambda case: True,  # the firm's own analysis, handed to its client: its letterhead
)
