"""The plan as JSON (keys documented in docs/plan.md), terminal text, and an iCalendar file."""
from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from typing import Any

from icalendar import Calendar, Event

from restitution.plan.model import Deadline, Plan, Route, Sign
from restitution.rules import Citation

JSON_SCHEMA_VERSION = 1

STATUS = {
    "open": ("OPEN", "可行"),
    "not_yet": ("NOT YET", "尚未开始"),
    "missed": ("MISSED", "已错过"),
    "closed": ("CLOSED", "不适用"),
    "unknown": ("CHECK", "待确认"),
}


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"


def _bi(en: Any, zh: Any) -> dict[str, Any]:
    return {"en": en, "zh": zh}


def _cite(c: Citation) -> dict[str, Any]:
    return {"law": c.law, "version": c.version, "article": c.article, "en": c.en(), "zh": c.zh()}


def _sign(s: Sign) -> dict[str, Any]:
    return {"key": s.key, "text": _bi(s.text_en, s.text_zh)}


def _deadline(d: Deadline) -> dict[str, Any]:
    return {"id": d.id, "date": d.date.isoformat(), "route": d.route, "kind": d.kind,
            "missed": d.missed, "what": _bi(d.text_en, d.text_zh)}


def _route(r: Route) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": _bi(r.name_en, r.name_zh),
        "status": r.status,
        "payment": r.payment,
        "why": _bi(list(r.why_en), list(r.why_zh)),
        "needs": _bi(list(r.needs_en), list(r.needs_zh)),
        "deadlines": [d.id for d in r.deadlines],
        "citations": [_cite(c) for c in r.citations],
        "rules": list(r.rules),
    }


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """A JSON-ready dict; money as strings with two places, dates as ISO strings."""
    c = plan.classification
    loss = c.loss
    return {
        "schema": JSON_SCHEMA_VERSION,
        "case_id": plan.case_id,
        "today": plan.today.isoformat(),
        "classification": {
            "conclusion": c.conclusion,
            "label": _bi(c.label_en, c.label_zh),
            "why": _bi(c.why_en, c.why_zh),
            "fraud_signs": [_sign(s) for s in c.fraud_signs],
            "dispute_signs": [_sign(s) for s in c.dispute_signs],
            "loss": {
                "amount_cny": _money(loss.amount_cny),
                "art224_threshold_cny": _money(Decimal("20000")),
                "art224_reached": loss.art224_reached,
                "art266_threshold_cny": _money(loss.art266.amount),
                "art266_provincial": loss.art266.provincial,
                "art266_source": loss.art266.source,
                "art266_confidence": loss.art266.confidence,
                "art266_reached": loss.art266_reached,
                "note": _bi(loss.note_en, loss.note_zh),
            },
            "citations": [_cite(x) for x in c.citations],
            "rules": list(c.rules),
        },
        "routes": [_route(r) for r in plan.routes],
        "deadlines": [_deadline(d) for d in plan.deadlines],
        "rules": [{"id": r.id, "text": _bi(r.text_en, r.text_zh), "source": r.source,
                   "confidence": r.confidence} for r in plan.rules],
    }


class _Writer:
    def __init__(self, lang: str):
        self.zh = lang == "zh"
        self.lines: list[str] = []

    def line(self, text: str = "", indent: int = 0) -> None:
        pad = " " * indent
        if not text:
            self.lines.append("")
        elif self.zh:  # textwrap counts CJK characters as one column: leave Chinese unwrapped
            self.lines.append(pad + text)
        else:
            self.lines.extend(textwrap.wrap(text, 92, initial_indent=pad, subsequent_indent=pad + "  "))

    def items(self, head: str, items: tuple[str, ...] | list[str], indent: int) -> None:
        if not items:
            return
        self.line(head, indent)
        for item in items:
            self.line(f"- {item}", indent + 2)


def plan_to_text(plan: Plan, lang: str = "en") -> str:
    if lang not in ("en", "zh"):
        raise ValueError(f"unknown language {lang!r}")
    zh = lang == "zh"
    pick = (lambda en, z: z) if zh else (lambda en, z: en)
    w = _Writer(lang)
    c = plan.classification
    w.line(pick(f"Case plan {plan.case_id}, as of {plan.today.isoformat()}",
                f"案件计划 {plan.case_id}（截至{plan.today.isoformat()}）"))
    w.line()
    w.line(pick("CLASSIFICATION: ", "案件定性：") + pick(c.label_en, c.label_zh))
    w.line(pick(c.why_en, c.why_zh), 2)
    none = pick("none", "无")
    w.line(pick("Fraud signs: ", "诈骗迹象：") + ("" if c.fraud_signs else none), 2)
    for s in c.fraud_signs:
        w.line(f"+ {pick(s.text_en, s.text_zh)}", 4)
    w.line(pick("Dispute signs: ", "纠纷迹象：") + ("" if c.dispute_signs else none), 2)
    for s in c.dispute_signs:
        w.line(f"- {pick(s.text_en, s.text_zh)}", 4)
    if c.citations:
        w.line(pick("Cites: ", "依据：") + pick("; ", "；").join(x.text(lang) for x in c.citations), 2)
    w.line()
    w.line(pick("ROUTES", "追偿途径"))
    for r in plan.routes:
        w.line(f"[{STATUS[r.status][1 if zh else 0]}] {pick(r.name_en, r.name_zh)}", 2)
        for why in pick(r.why_en, r.why_zh):
            w.line(why, 6)
        w.items(pick("Needs:", "所需材料："), pick(r.needs_en, r.needs_zh), 6)
        if r.citations:
            w.line(pick("Cites: ", "依据：") + pick("; ", "；").join(x.text(lang) for x in r.citations), 6)
    w.line()
    w.line(pick("DEADLINES", "期限"))
    if not plan.deadlines:
        w.line(pick("No dated deadline follows from the case file yet.", "根据案件文件尚无可确定日期的期限。"), 2)
    for d in plan.deadlines:
        if d.missed:
            mark = pick("MISSED", "已错过")
        elif d.kind == "earliest":
            mark = pick("from", "起")
        elif d.kind == "due":
            mark = pick("due", "应付")
        else:
            mark = pick("by", "截止")
        w.line(f"{d.date.isoformat()}  {mark:<6} {pick(d.text_en, d.text_zh)}  [{d.route}]", 2)
    w.line()
    w.line(pick("RULES USED (confidence: C confirmed, S secondary, R to check)",
                "所用规则（可信度：C已证实，S单一来源，R待核）"))
    for rule in plan.rules:
        w.line(f"[{rule.confidence}] {rule.id}: {pick(rule.text_en, rule.text_zh or rule.text_en)} "
               f"({rule.source})", 2)
    w.line()
    w.line(pick("A screening aid built from the case file, not legal advice: check [S] and [R] "
                "rules, the exact police bureau name and the issuer's own deadlines.",
                "本计划依据案件文件生成，仅供筛查参考，不构成法律意见；请核实标注S、R的规则、公安机关确切名称及发卡行自身期限。"))
    return "\n".join(w.lines) + "\n"


def plan_to_ics(plan: Plan, lang: str = "en") -> bytes:
    """One all-day event per deadline; same plan, same bytes (UIDs and DTSTAMP are derived)."""
    zh = lang == "zh"
    routes = {r.id: r for r in plan.routes}
    cal = Calendar()
    cal.add("prodid", "-//restitution//case plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    stamp = dt.datetime.combine(plan.today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    for d in plan.deadlines:
        route = routes.get(d.route)
        route_name = (route.name_zh if zh else route.name_en) if route else d.route
        what = d.text_zh if zh else d.text_en
        event = Event()
        event.add("uid", f"{plan.case_id}.{d.id}@restitution")
        event.add("dtstamp", stamp)
        event.add("dtstart", d.date)
        event.add("dtend", d.date + dt.timedelta(days=1))
        prefix = ("已错过：" if zh else "MISSED: ") if d.missed else ""
        event.add("summary", f"{prefix}{plan.case_id} {route_name}: {what}")
        body = [what]
        if route is not None:
            body += list(route.why_zh if zh else route.why_en)
            needs = route.needs_zh if zh else route.needs_en
            if needs:
                body.append(("所需材料：" if zh else "Needs: ") + "; ".join(needs))
        event.add("description", "\n".join(body))
        event.add("categories", [d.route])
        event.add("transp", "TRANSPARENT")
        cal.add_component(event)
    return cal.to_ical()
