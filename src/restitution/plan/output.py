"""The plan as JSON (keys documented in docs/plan.md), terminal text, and an iCalendar file.

The plan holds facts and reasons; this module words them at the edge through
the bundled phrase catalogues (``plan.text.*``, ``plan.ics.*`` and the
reasons' own keys). The JSON carries both English and Chinese, as it always
has, so its keys do not change.
"""
from __future__ import annotations

import datetime as dt
import textwrap
from decimal import Decimal
from typing import TYPE_CHECKING, Any

from icalendar import Alarm, Calendar, Event

from restitution.language import EN, ZH, Language, get
from restitution.language.catalogue import Catalogue
from restitution.plan.model import Deadline, Plan, Route, Sign

if TYPE_CHECKING:
    from restitution.plan.steps import Step
from restitution.rules import ART224_THRESHOLD_CNY, Citation
from restitution.rules.reason import bundled, say, say_all

JSON_SCHEMA_VERSION = 2  # 2: rules[].source is {en, zh}, the laws and rules cited


def _money(value: Decimal | None) -> str | None:
    return None if value is None else f"{value:.2f}"  # JSON: a plain decimal string, not a formatted amount


class _Both:
    """Words a value in English and in Chinese, for the JSON's {"en", "zh"} pairs."""

    def __init__(self) -> None:
        self.en, self.zh = bundled(EN), bundled(ZH)

    def __call__(self, value: Any) -> dict[str, Any]:
        return {"en": say(value, self.en), "zh": say(value, self.zh)}

    def all(self, values: Any) -> dict[str, Any]:
        return {"en": say_all(values, self.en), "zh": say_all(values, self.zh)}


def _cite(c: Citation, bi: _Both) -> dict[str, Any]:
    return {"law": c.law, "version": c.version, "article": c.article, **bi(c)}


def _sign(s: Sign, bi: _Both) -> dict[str, Any]:
    return {"key": s.key, "text": bi(s.text)}


def _deadline(d: Deadline, bi: _Both) -> dict[str, Any]:
    return {"id": d.id, "date": d.date.isoformat(), "route": d.route, "kind": d.kind,
            "missed": d.missed, "paid_on": d.paid_on.isoformat() if d.paid_on else None, "what": bi(d.what)}


def _route(r: Route, bi: _Both) -> dict[str, Any]:
    return {
        "id": r.id,
        "name": bi(r.name),
        "status": r.status,
        "payment": r.payment,
        "why": bi.all(r.why),
        "needs": bi.all(r.needs),
        "deadlines": [d.id for d in r.deadlines],
        "citations": [_cite(c, bi) for c in r.citations],
        "rules": list(r.rules),
    }


def plan_to_json(plan: Plan) -> dict[str, Any]:
    """A JSON-ready dict; money as strings with two places, dates as ISO strings."""
    bi = _Both()
    c = plan.classification
    loss = c.loss
    return {
        "schema": JSON_SCHEMA_VERSION,
        "case_id": plan.case_id,
        "today": plan.today.isoformat(),
        "classification": {
            "conclusion": c.conclusion,
            "label": bi(c.label),
            "why": bi(c.why),
            "fraud_signs": [_sign(s, bi) for s in c.fraud_signs],
            "dispute_signs": [_sign(s, bi) for s in c.dispute_signs],
            "loss": {
                "amount_cny": _money(loss.amount_cny),
                "art224_threshold_cny": _money(ART224_THRESHOLD_CNY),
                "art224_reached": loss.art224_reached,
                "art266_threshold_cny": _money(loss.art266.amount),
                "art266_provincial": loss.art266.provincial,
                "art266_source": loss.art266.source,
                "art266_confidence": loss.art266.confidence,
                "art266_reached": loss.art266_reached,
                "note": bi(loss.note),
            },
            "citations": [_cite(x, bi) for x in c.citations],
            "rules": list(c.rules),
        },
        "routes": [_route(r, bi) for r in plan.routes],
        "deadlines": [_deadline(d, bi) for d in plan.deadlines],
        "rules": [{"id": r.id, "text": bi(r), "source": bi(r.grounds), "confidence": r.confidence}
                  for r in plan.rules],
    }


class _Writer:
    def __init__(self, language: Language):
        self.chinese = language.chinese
        self.lines: list[str] = []

    def line(self, text: str = "", indent: int = 0) -> None:
        pad = " " * indent
        if not text:
            self.lines.append("")
        elif self.chinese:  # textwrap counts CJK characters as one column: leave Chinese unwrapped
            self.lines.append(pad + text)
        else:
            self.lines.extend(textwrap.wrap(text, 92, initial_indent=pad, subsequent_indent=pad + "  "))

    def items(self, head: str, items: list[str], indent: int) -> None:
        if not items:
            return
        self.line(head, indent)
        for item in items:
            self.line(f"- {item}", indent + 2)


def _words(lang: Language | str | Catalogue) -> Catalogue:
    return lang if isinstance(lang, Catalogue) else bundled(get(lang))


def plan_to_text(plan: Plan, lang: Language | str | Catalogue = "en", steps: "list[Step] | None" = None) -> str:
    """The plan for a terminal, in a language (a code, a `Language`, or a catalogue to word it with);
    ``steps`` (plan/steps.py), when given, are printed first: the next step, then the rest in order."""
    words = _words(lang)
    w = _Writer(words.language)

    def t(key: str, **values: Any) -> str:
        return words(f"plan.text.{key}", **values)

    def cites(items: tuple[Citation, ...]) -> str:
        return t("cites", cites=t("cite_separator").join(say_all(items, words)))

    c = plan.classification
    w.line(t("title", case_id=plan.case_id, today=plan.today.isoformat()))
    w.line()
    w.line(t("classification", label=say(c.label, words)))
    w.line(say(c.why, words), 2)
    w.line(t("fraud_signs", signs="" if c.fraud_signs else t("none")), 2)
    for s in c.fraud_signs:
        w.line(f"+ {say(s.text, words)}", 4)
    w.line(t("dispute_signs", signs="" if c.dispute_signs else t("none")), 2)
    for s in c.dispute_signs:
        w.line(f"- {say(s.text, words)}", 4)
    if c.citations:
        w.line(cites(c.citations), 2)
    if steps:
        w.line()
        w.line(t("steps"))
        for n, st in enumerate(steps, 1):
            when = st.date.isoformat() + " " + words(f"plan.steps.weekday.{st.date.strftime('%A').lower()}")
            key = "step.by" if st.deadline else ("step.now" if n == 1 else "step.soon")
            parts = [t(key, n=n, name=say(st.name, words), date=when)]
            if st.day_off:
                parts.append(words(f"plan.steps.day_off.{st.day_off}"))
            parts += [say(r, words) for r in (st.note,) if r is not None]
            w.line(("" if words.language.chinese else " ").join(parts), 2)
    w.line()
    w.line(t("routes"))
    for r in plan.routes:
        w.line(f"[{t('status.' + r.status)}] {say(r.name, words)}", 2)
        for why in r.why:
            w.line(say(why, words), 6)
        w.items(t("needs"), say_all(r.needs, words), 6)
        if r.citations:
            w.line(cites(r.citations), 6)
    w.line()
    w.line(t("deadlines"))
    if not plan.deadlines:
        w.line(t("no_deadlines"), 2)
    for d in plan.deadlines:
        # An instalment the receipts cover is paid, before or after its day: "due" would read as owed.
        mark = (t("mark.paid") if d.paid_on else t("mark.overdue") if d.missed and d.kind == "due"
                else t("mark.missed") if d.missed else t(f"mark.{d.kind}"))
        w.line(f"{d.date.isoformat()}  {mark:<6} {say(d.what, words)}  [{d.route}]", 2)
    w.line()
    w.line(t("rules_used"))
    for rule in plan.rules:
        basis = rule.grounds.word(words)
        w.line(f"[{rule.confidence}] {rule.id}: {rule.word(words)}" + (f"（{basis}）" if w.chinese else f" ({basis})"), 2)
    w.line()
    w.line(t("footer"))
    return "\n".join(w.lines) + "\n"


def plan_to_ics(plan: Plan, lang: Language | str | Catalogue = "en", *, remind_days: int | None = None) -> bytes:
    """One all-day event per deadline; same plan, same bytes (UIDs and DTSTAMP are derived).
    With `remind_days`, each event carries a reminder (VALARM) that many days before."""
    return plans_to_ics([plan], lang, remind_days=remind_days)


def plans_to_ics(plans: list[Plan], lang: Language | str | Catalogue = "en", *,
                 remind_days: int | None = None) -> bytes:
    """One calendar for many cases (a firm's batch): every deadline of every plan, each
    event named by its case id; the UIDs stay unique as each holds the case id."""
    words = _words(lang)
    cal = Calendar()
    cal.add("prodid", "-//restitution//case plan//EN")
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    for plan in plans:
        for event in _events(plan, words, remind_days):
            cal.add_component(event)
    return cal.to_ical()


def _events(plan: Plan, words: Catalogue, remind_days: int | None) -> list[Event]:
    routes = {r.id: r for r in plan.routes}
    stamp = dt.datetime.combine(plan.today, dt.time(0, 0), tzinfo=dt.timezone.utc)
    out = []
    for d in plan.deadlines:
        route = routes.get(d.route)
        route_name = say(route.name, words) if route else d.route
        what = say(d.what, words)
        event = Event()
        event.add("uid", f"{plan.case_id}.{d.id}@restitution")
        event.add("dtstamp", stamp)
        event.add("dtstart", d.date)
        event.add("dtend", d.date + dt.timedelta(days=1))
        summary = words("plan.ics.summary", case_id=plan.case_id, route=route_name, what=what)
        if d.missed:  # the seller's instalment unpaid is its default, not a step the client missed
            summary = words("plan.ics.overdue" if d.kind == "due" else "plan.ics.missed", summary=summary)
        event.add("summary", summary)
        body = [what]
        if route is not None:
            body += say_all(route.why, words)
            if route.needs:
                body.append(words("plan.ics.needs", needs="; ".join(say_all(route.needs, words))))
        event.add("description", "\n".join(body))
        event.add("categories", [d.route])
        event.add("transp", "TRANSPARENT")
        if remind_days is not None and d.paid_on is None:  # no reminder of money already received
            alarm = Alarm()
            alarm.add("action", "DISPLAY")
            alarm.add("trigger", -dt.timedelta(days=remind_days))
            alarm.add("description", words("plan.ics.reminder", days=remind_days, summary=summary))
            event.add_component(alarm)
        out.append(event)
    return out
