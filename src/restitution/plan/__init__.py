"""The case plan: what the case is, which routes to the money are open, and every deadline.

``make_plan(case, today)`` computes a `Plan` from the case and the rules in
`restitution.rules`; ``plan_to_json``, ``plan_to_text`` and ``plan_to_ics``
present it (docs/plan.md documents the JSON keys).
"""
from __future__ import annotations

import datetime as dt

from restitution.case.model import Case
from restitution.plan.classify import classify
from restitution.plan.model import Classification, Deadline, Plan, Route, Sign
from restitution.plan.routes import all_routes, settlement_dues
from restitution.rules import RULES


def make_plan(case: Case, today: dt.date) -> Plan:
    cls = classify(case)
    routes = all_routes(case, cls, today)
    deadlines = [d for r in routes for d in r.deadlines] + settlement_dues(case, today)
    deadlines.sort(key=lambda d: (d.date, d.id))
    used = set(cls.rules)
    for r in routes:
        used.update(r.rules)
    return Plan(case.id, today, cls, tuple(routes), tuple(deadlines),
                tuple(rule for rule in RULES if rule.id in used))


_OUTPUT = ("plan_to_ics", "plan_to_json", "plan_to_text", "plans_to_ics")


def __getattr__(name: str):
    # The presenters import icalendar (about 17 ms); a render that only needs the plan's
    # steps (the packet guide) does not pay for it.
    if name in _OUTPUT:
        from restitution.plan import output

        return getattr(output, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = ["Classification", "Deadline", "Plan", "Route", "Sign", "make_plan", "plan_to_ics", "plans_to_ics",
           "plan_to_json", "plan_to_text"]
