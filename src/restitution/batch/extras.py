"""What `batch --bundle --plan --ics` adds to each case's packet, and the firm's one calendar.

The bundle and the plan of a case are made in the worker that renders the
case and written with its packet, in one publication: a case folder is
either complete (documents, guide, bundle, plan) or as it was.

Trade-off: the bundle is made in memory here, where `restitution bundle`
streams it to a temporary file. A batch's bundle joins its packet's single
atomic write, and a bundle is bounded (`bundle.assemble.MAX_BUNDLE_PAGES`);
for a case with thousands of pages of evidence, `bundle` alone stays the
lighter way.
"""
from __future__ import annotations

import datetime as dt
import io
import json
from pathlib import Path

from restitution.case.model import Case

BUNDLE = "evidence_bundle"
PLAN = "case_plan"


def bundle_files(case: Case, date: dt.date, templates: Path | None) -> list[tuple[str, bytes]]:
    """The bundle PDF and its manifest, named as `restitution bundle` names them."""
    import hashlib
    from functools import partial

    from restitution.bundle import manifest as manifest_mod
    from restitution.bundle import render_index
    from restitution.bundle.assemble import make_bundle
    from restitution.bundle.write import bundle_name, manifest_name

    index = partial(render_index, templates=templates) if templates else None
    buf = io.BytesIO()
    layout = make_bundle(case, buf, date=date, index=index)
    pdf = buf.getvalue()
    manifest = manifest_mod.dumps(manifest_mod.manifest(
        case.id, layout, date, bundle_name(case), hashlib.sha256(pdf).hexdigest(), len(pdf)))
    return [(bundle_name(case), pdf), (manifest_name(case), manifest)]


def plan_files(case: Case, date: dt.date, lang: str = "en") -> list[tuple[str, bytes]]:
    """The plan as `restitution plan` prints it (text) and as JSON, for the case's folder."""
    from restitution.plan import make_plan, plan_to_json, plan_to_text

    plan = make_plan(case, date)
    data = json.dumps(plan_to_json(plan), ensure_ascii=False, indent=2) + "\n"
    from restitution.plan.steps import next_steps

    return [(f"{case.id}_plan_{lang}.txt", plan_to_text(plan, lang, next_steps(case, plan)).encode("utf-8")),
            (f"{case.id}_plan.json", data.encode("utf-8"))]


def combined_calendar(cases: list[Case], date: dt.date, remind_days: int, lang: str = "en") -> tuple[bytes, int]:
    """One iCalendar file of every case's deadlines, each with a reminder `remind_days`
    before; and the number of events."""
    from restitution.plan import make_plan, plans_to_ics

    plans = [make_plan(c, date) for c in sorted(cases, key=lambda c: c.id)]
    return plans_to_ics(plans, lang, remind_days=remind_days), sum(len(p.deadlines) for p in plans)


def summarise_skips(skips: list[tuple[str, str, str]]) -> list[str]:
    """(case, document, why) as one line per (document, why), with the count of cases, in first-seen order."""
    seen: dict[tuple[str, str], list[str]] = {}
    for case_name, key, why in skips:
        seen.setdefault((key, why), []).append(case_name)
    out = []
    for (key, why), names in seen.items():
        who = names[0] if len(names) == 1 else f"{len(names)} cases"
        out.append(f"skipped {key} ({who}): {why}")
    return out
