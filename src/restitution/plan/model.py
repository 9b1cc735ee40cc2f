"""The case plan as plain, immutable values: classification, routes, deadlines.

What the plan says is held as `Reason` values (catalogue keys ``plan.*`` and
``rules.*`` with their facts); `restitution.plan.output` and the case-plan
document word them in a language.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from restitution.records import record
from restitution.rules import Citation, LossCheck, Rule
from restitution.rules.finding import Status
from restitution.rules.reason import Reason, Wordable

Conclusion = Literal["contract_fraud", "fraud", "civil_dispute"]
# "ends": a term the authorities run (a coercive measure), shown for the client to follow, never a day to act by
DeadlineKind = Literal["deadline", "earliest", "due", "ends"]


@record
class Sign:
    key: str  # the indicator's key in the case file, or the outcome it comes from

    @property
    def text(self) -> Reason:
        """What the sign says; it reads after "The supplier" / "供应商"."""
        return Reason(f"plan.sign.{self.key}")


@record
class Classification:
    conclusion: Conclusion
    label: Reason
    why: Reason
    fraud_signs: tuple[Sign, ...]
    dispute_signs: tuple[Sign, ...]
    loss: LossCheck
    citations: tuple[Citation, ...]
    rules: tuple[str, ...]


@record
class Deadline:
    id: str  # stable: "<route id>.<what>", used for calendar UIDs
    date: dt.date
    route: str  # the route id it belongs to
    kind: DeadlineKind  # a last day, the first day something may be done, or an instalment due
    what: Reason  # what to do by (or from) that day
    missed: bool  # a last day or an instalment that passed before today
    # an instalment covered by the receipts the case records: the day the receipt that covered it arrived
    paid_on: dt.date | None = None


@record
class Route:
    id: str  # "trade_assurance", "chargeback.p2", "police", ...
    name: Reason
    status: Status
    why: tuple[Wordable, ...]  # reasons, and sentences worded as one paragraph
    needs: tuple[Reason, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    citations: tuple[Citation, ...] = ()
    rules: tuple[str, ...] = ()
    payment: int | None = None  # 1-based index into payments, for per-payment routes


@record
class Plan:
    case_id: str
    today: dt.date
    classification: Classification
    routes: tuple[Route, ...]
    deadlines: tuple[Deadline, ...]  # every route's dated items, sorted by date then id
    rules: tuple[Rule, ...]  # the rules applied, in table order

    def route(self, route_id: str) -> Route:
        for r in self.routes:
            if r.id == route_id:
                return r
        raise KeyError(route_id)
