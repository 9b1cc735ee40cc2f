"""`batch --bundle --plan --ics`: per case the bundle and the plan, one calendar with reminders."""
from __future__ import annotations

import datetime as dt
import json
from pathlib import Path

from click.testing import CliRunner
from icalendar import Calendar

from restitution.batch.extras import combined_calendar, summarise_skips
from restitution.case import load_case
from restitution.cli import cli
from restitution.plan import make_plan

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
DATE = dt.date(2026, 11, 20)


def test_batch_writes_bundle_plan_and_one_calendar(tmp_path):
    out, ics = tmp_path / "out", tmp_path / "deadlines.ics"
    r = CliRunner().invoke(cli, ["batch", str(ROOT / "examples"), "-o", str(out), "--doc", "power_of_attorney",
                                 "--lang", "en", "--format", "pdf", "--date", DATE.isoformat(),
                                 "--bundle", "--plan", "--ics", str(ics), "--remind-days", "10"])
    assert r.exit_code == 0, r.output
    cases = [load_case(p) for p in EXAMPLES]
    for case in cases:
        folder = out / case.id
        for name in ("evidence_bundle.pdf", "manifest.json", "plan_en.txt", "plan.json"):
            assert (folder / f"{case.id}_{name}").is_file(), name
        assert (folder / f"{case.id}_evidence_bundle.pdf").read_bytes().startswith(b"%PDF-")
        assert json.loads((folder / f"{case.id}_plan.json").read_text())["case_id"] == case.id
    cal = Calendar.from_ical(ics.read_bytes())
    events = list(cal.walk("VEVENT"))
    expected = sorted(f"{c.id}.{d.id}@restitution" for c in cases for d in make_plan(c, DATE).deadlines)
    assert sorted(str(e["uid"]) for e in events) == expected and expected
    paid = {f"{c.id}.{d.id}@restitution" for c in cases for d in make_plan(c, DATE).deadlines if d.paid_on}
    assert paid  # the settlement example has a received instalment: no reminder of money already in
    for e in events:
        alarms = [c for c in e.subcomponents if c.name == "VALARM"]
        if str(e["uid"]) in paid:
            assert not alarms
            continue
        assert len(alarms) == 1
        assert alarms[0]["trigger"].dt == -dt.timedelta(days=10)
        assert alarms[0]["action"] == "DISPLAY"


def test_the_calendar_is_refused_before_any_work_when_it_exists(tmp_path):
    ics = tmp_path / "deadlines.ics"
    ics.write_text("keep")
    r = CliRunner().invoke(cli, ["batch", str(EXAMPLES[0]), "-o", str(tmp_path / "out"), "--ics", str(ics)])
    assert r.exit_code == 1
    assert ics.read_text() == "keep"
    assert not (tmp_path / "out").exists()


def test_combined_calendar_counts_every_deadline():
    cases = [load_case(p) for p in EXAMPLES]
    data, n = combined_calendar(cases, DATE, 3)
    assert n == sum(len(make_plan(c, DATE).deadlines) for c in cases)
    paid = sum(1 for c in cases for d in make_plan(c, DATE).deadlines if d.paid_on)
    assert len(list(Calendar.from_ical(data).walk("VALARM"))) == n - paid


def test_skips_are_summarised_once_per_reason():
    lines = summarise_skips([("a.yaml", "chargeback_letter", "no card"), ("b.yaml", "chargeback_letter", "no card"),
                             ("b.yaml", "pardon_letter", "no settlement")])
    assert lines == ["skipped chargeback_letter (2 cases): no card", "skipped pardon_letter (b.yaml): no settlement"]
