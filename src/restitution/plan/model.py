"""The case plan as plain, immutable values: classification, routes, deadlines."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Literal

from restitution.rules import Citation, LossCheck, Rule

Conclusion = Literal["contract_fraud", "fraud", "civil_dispute"]
Status = Literal["open", "not_yet", "missed", "closed", "unknown"]
DeadlineKind = Literal["deadline", "earliest", "due"]


@dataclass(frozen=True)
class Sign:
    key: str  # the indicator's key in the case file, or the outcome it comes from
    text_en: str
    text_zh: str


@dataclass(frozen=True)
class Classification:
    conclusion: Conclusion
    label_en: str
    label_zh: str
    why_en: str
    why_zh: str
    fraud_signs: tuple[Sign, ...]
    dispute_signs: tuple[Sign, ...]
    loss: LossCheck
    citations: tuple[Citation, ...]
    rules: tuple[str, ...]


@dataclass(frozen=True)
class Deadline:
    id: str  # stable: "<route id>.<what>", used for calendar UIDs
    date: dt.date
    route: str  # the route id it belongs to
    kind: DeadlineKind  # a last day, the first day something may be done, or an instalment due
    text_en: str  # what to do by (or from) that day
    text_zh: str
    missed: bool  # a last day or an instalment that passed before today


@dataclass(frozen=True)
class Route:
    id: str  # "trade_assurance", "chargeback.p2", "police", ...
    name_en: str
    name_zh: str
    status: Status
    why_en: tuple[str, ...]
    why_zh: tuple[str, ...]
    needs_en: tuple[str, ...] = ()
    needs_zh: tuple[str, ...] = ()
    deadlines: tuple[Deadline, ...] = ()
    citations: tuple[Citation, ...] = ()
    rules: tuple[str, ...] = ()
    payment: int | None = None  # 1-based index into payments, for per-payment routes


@dataclass(frozen=True)
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
