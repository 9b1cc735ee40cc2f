"""The case plan as a document / 案件计划 (docs/plan.md).

The plan of ``restitution plan`` (``restitution.plan.make_plan``), set as a
document a lawyer can hand over or file: the classification and why, each
route with its status, reasons, needs and deadlines, every dated deadline in
order with the missed ones marked, and the rules used with their source and
confidence. The document's date is the day the plan is measured against.

The plan carries its English and Chinese texts side by side; the context
picks one language, so the two templates print the same values in the same
blocks. Values the templates read as ``x``:

- ``label``, ``why``, ``fraud_signs``, ``dispute_signs``, ``citations``: the
  classification in the document's language (citations with their version).
- ``routes``: per route ``name``, ``status`` (the plan's status key),
  ``status_label``, ``why``, ``needs``, ``deadlines`` (rows as below),
  ``next_date`` (its first date on or after the plan's day, or None) and
  ``citations``.
- ``deadlines``: every dated item, sorted by date: ``date``, ``what``,
  ``route`` (the route's name), ``missed``, ``state`` (e.g. "12 days left",
  "missed 33 days ago", "first day").
- ``missed``: how many deadlines have passed.
- ``rules``: ``id``, ``text``, ``source``, ``confidence`` ("C", "S", "R") and
  ``confidence_label``.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from restitution.case.model import Case
from restitution.documents import DocumentSpec
from restitution.plan import Deadline, Plan, Route, make_plan

STATUS = {
    "open": ("Open", "可行"),
    "not_yet": ("Not yet open", "尚未开始"),
    "missed": ("Missed", "已错过"),
    "closed": ("Not available", "不适用"),
    "unknown": ("To be checked", "待确认"),
}
CONFIDENCE = {
    "C": ("confirmed", "已证实"),
    "S": ("one secondary source", "单一来源"),
    "R": ("inference to be checked", "推断，待核实"),
}
# Settlement instalments belong to no route of the plan.
SETTLEMENT = ("Settlement", "和解协议")


def _zh(lang: str) -> bool:
    return lang.startswith("zh")


def _pick(lang: str, en: Any, zh: Any) -> Any:
    return zh if _zh(lang) else en


def _days(n: int, lang: str) -> str:
    if _zh(lang):
        return f"{n}日"
    return f"{n} day" if n == 1 else f"{n} days"


def deadline_state(d: Deadline, today: dt.date, lang: str) -> str:
    """How a dated item stands on `today`, in words."""
    delta = (d.date - today).days
    if d.kind == "earliest":
        if delta > 0:
            return _pick(lang, f"first day; opens in {_days(delta, lang)}", f"起始日；{_days(delta, lang)}后开始")
        return _pick(lang, "first day; open since then", "起始日；已可办理")
    if d.missed:
        return _pick(lang, f"MISSED {_days(-delta, lang)} ago", f"已错过{_days(-delta, lang)}")
    what = _pick(lang, "instalment due", "应付款日") if d.kind == "due" else _pick(lang, "last day", "最后期限")
    if d.kind == "due" and delta < 0:  # an instalment already covered by the payments received
        return _pick(lang, f"{what}; paid", f"{what}；已付")
    if delta == 0:
        return _pick(lang, f"{what}: today", f"{what}：今日")
    return _pick(lang, f"{what}; {_days(delta, lang)} left", f"{what}；尚余{_days(delta, lang)}")


def _deadline_row(d: Deadline, plan: Plan, names: dict[str, str], lang: str) -> dict[str, Any]:
    return {
        "date": d.date,
        "what": _pick(lang, d.text_en, d.text_zh),
        "route": names.get(d.route, _pick(lang, *SETTLEMENT)),
        "missed": d.missed,
        "kind": d.kind,
        "state": deadline_state(d, plan.today, lang),
    }


def _route(r: Route, plan: Plan, names: dict[str, str], lang: str) -> dict[str, Any]:
    upcoming = [d.date for d in r.deadlines if d.date >= plan.today]
    return {
        "id": r.id,
        "name": names[r.id],
        "status": r.status,
        "status_label": _pick(lang, *STATUS[r.status]),
        "why": list(_pick(lang, r.why_en, r.why_zh)),
        "needs": list(_pick(lang, r.needs_en, r.needs_zh)),
        "deadlines": [_deadline_row(d, plan, names, lang) for d in r.deadlines],
        "next_date": min(upcoming) if upcoming else None,
        "citations": [c.text(lang) for c in r.citations],
    }


def plan_context(plan: Plan, lang: str) -> dict[str, Any]:
    """The plan in one language, as the templates read it."""
    c = plan.classification
    names = {r.id: _pick(lang, r.name_en, r.name_zh) for r in plan.routes}
    return {
        "plan": plan,
        "today": plan.today,
        "conclusion": c.conclusion,
        "label": _pick(lang, c.label_en, c.label_zh),
        "why": _pick(lang, c.why_en, c.why_zh),
        "fraud_signs": [_pick(lang, s.text_en, s.text_zh) for s in c.fraud_signs],
        "dispute_signs": [_pick(lang, s.text_en, s.text_zh) for s in c.dispute_signs],
        "citations": [x.text(lang) for x in c.citations],
        "routes": [_route(r, plan, names, lang) for r in plan.routes],
        "deadlines": [_deadline_row(d, plan, names, lang) for d in plan.deadlines],
        "missed": sum(1 for d in plan.deadlines if d.missed),
        "rules": [{"id": rule.id, "text": _pick(lang, rule.text_en, rule.text_zh or f"【待译】{rule.text_en}"),
                   "source": rule.source, "confidence": rule.confidence,
                   "confidence_label": _pick(lang, *CONFIDENCE[rule.confidence])}
                  for rule in plan.rules],
    }


def context(case: Case, lang: str, date: dt.date) -> dict[str, Any]:
    return plan_context(make_plan(case, date), lang)


SPEC = DocumentSpec(
    key="case_plan",
    title={"en": "Case Plan", "zh": "案件计划"},
    context=context,
)
