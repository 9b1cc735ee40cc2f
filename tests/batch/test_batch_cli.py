"""`restitution batch`: validation first, a failing case, duplicates, schedules, manifest."""
from __future__ import annotations

import hashlib
import json
import re
import shutil
from pathlib import Path

import pytest


from cli_runner import run

ROOT = Path(__file__).resolve().parents[2]



@pytest.fixture
def cases(tmp_path) -> Path:
    """Two examples and a second victim of the Northwind supplier, in one folder."""
    folder = tmp_path / "cases"
    shutil.copytree(ROOT / "examples", folder)
    for extra in folder.glob("*.yaml"):
        if extra.stem not in ("northwind-vanished", "meridian-junk"):
            extra.unlink()
    text = (folder / "northwind-vanished.yaml").read_text(encoding="utf-8")
    # another client (name, registration) with its own transfer: the same client and payment
    # twice is one loss counted twice, and refused (test_a_victim_entered_twice_is_refused)
    second = text.replace("id: NW-2026-0042", "id: NW-2026-0043").replace(
        "name: Northwind Trading LLC", "name: Southwind Imports LLC", 1).replace(
        'registration_no: "C4410021"', 'registration_no: "C5520032"', 1).replace(
        '"FT26156XYZ"', '"FT26156ABC"', 1)
    (folder / "southwind.yaml").write_text(second, encoding="utf-8")
    return folder


ARGS = ("--doc", "power_of_attorney", "--lang", "en", "--lang", "zh", "--format", "pdf", "--date", "2026-11-20")


def test_batch_writes_one_folder_per_case_a_schedule_and_a_manifest(cases, tmp_path):
    out = tmp_path / "out"
    r = run("batch", str(cases), "-o", str(out), "-j", "2", *ARGS)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["MJ-2026-0107", "NW-2026-0042", "NW-2026-0043"]
    schedules = sorted(p.name for p in out.glob("*_victims_schedule_*"))
    assert len(schedules) == 2 and all(s.endswith(".pdf") for s in schedules)
    manifest = json.loads((out / "batch_manifest.json").read_text())
    for entry in manifest["files"]:
        assert hashlib.sha256((out / entry["path"]).read_bytes()).hexdigest() == entry["sha256"]
    assert len(manifest["files"]) == 3 * (2 + 2) + 2  # per case: 2 documents, the guide and README.txt
    assert r.output.strip().splitlines()[-1].startswith("3 cases, 14 files in ")


def test_schedule_lists_both_victims_and_the_total(cases, tmp_path):
    from pypdf import PdfReader

    out = tmp_path / "out"
    assert run("batch", str(cases), "-o", str(out), "-j", "1", *ARGS).exit_code == 0
    (zh,) = out.glob("*_victims_schedule_zh.pdf")
    text = "".join(p.extract_text() for p in PdfReader(zh).pages)
    assert "被害人及损失情况一览表" in text and "涉嫌合同诈骗一案" in text
    # the victims by their registration numbers, not the firm's case numbers
    assert "C4410021" in text and "C5520032" in text and "NW-2026-0042" not in text
    # each loss as its police report states it: payment by payment at each day's central parity
    assert "人民币357,687.50元" in text and "人民币355,000.00元" not in text


def test_a_victim_entered_twice_is_refused(cases, tmp_path):
    """The same client and the same payment in two case files: one loss, refused with both located."""
    text = (cases / "northwind-vanished.yaml").read_text(encoding="utf-8")
    (cases / "northwind-again.yaml").write_text(text.replace("id: NW-2026-0042", "id: NW-2026-0099"), encoding="utf-8")
    out = tmp_path / "out"
    r = run("batch", str(cases), "-o", str(out), *ARGS)
    assert r.exit_code == 1
    assert "payments[0]: the same client and the same payment as in" in r.output
    assert "one loss would be counted twice" in r.output and "(case NW-2026-00" in r.output
    assert not out.exists()
    # without the schedule, nothing is counted
    assert run("batch", str(cases), "-o", str(out), "--no-schedule", *ARGS).exit_code == 0


def test_a_failing_case_does_not_stop_the_others(cases, tmp_path):
    (cases / "zz_bad.yaml").write_text("schema: 1\ncase:\n  id: bad id!\n", encoding="utf-8")
    out = tmp_path / "out"
    r = run("batch", str(cases), "-o", str(out), "-j", "2", *ARGS)
    assert r.exit_code == 1
    assert "zz_bad.yaml" in r.output and "case.id" in r.output
    assert "1 case failed: zz_bad.yaml" in r.output
    assert len([p for p in out.iterdir() if p.is_dir()]) == 3


def test_duplicate_ids_are_refused_before_anything_is_written(cases, tmp_path):
    shutil.copy(cases / "southwind.yaml", cases / "southwind-copy.yaml")
    out = tmp_path / "out"
    r = run("batch", str(cases), "-o", str(out), *ARGS)
    assert r.exit_code == 1
    assert "NW-2026-0043" in r.output and "also used by" in r.output
    assert not out.exists()


def test_dry_run_writes_nothing(cases, tmp_path):
    out = tmp_path / "out"
    r = run("batch", str(cases), "-o", str(out), "--dry-run", *ARGS)
    assert r.exit_code == 0 and "nothing written" in r.output
    assert not out.exists()


def test_second_run_needs_force(cases, tmp_path):
    out = tmp_path / "out"
    assert run("batch", str(cases), "-o", str(out), "-j", "1", *ARGS).exit_code == 0
    r = run("batch", str(cases), "-o", str(out), "-j", "1", *ARGS)
    assert r.exit_code == 1 and "--force" in r.output
    assert run("batch", str(cases), "-o", str(out), "-j", "1", "--force", *ARGS).exit_code == 0


def test_ids_differing_only_in_capitals_are_duplicates(cases, tmp_path):
    text = (cases / "southwind.yaml").read_text(encoding="utf-8")
    (cases / "southwind-lower.yaml").write_text(text.replace("id: NW-2026-0043", "id: nw-2026-0043"), encoding="utf-8")
    out = tmp_path / "out"
    r = run("batch", str(cases), "-o", str(out), *ARGS)
    assert r.exit_code == 1
    assert "southwind.yaml:7 case.id: case id 'NW-2026-0043' is also used by southwind-lower.yaml" in r.output
    assert "ids differing only in capitals name one folder" in r.output
    assert not out.exists()


def _hk_case(folder: Path, name: str, case_id: str, number: str) -> None:
    text = (ROOT / "examples" / "harbour-hk.yaml").read_text(encoding="utf-8")
    assert 'hk_company_no: "3217845"' in text
    text = text.replace('hk_company_no: "3217845"', f'hk_company_no: "{number}"', 1)
    old_id = next(line for line in text.splitlines() if line.strip().startswith("id:")).split(":", 1)[1].strip()
    (folder / name).write_text(text.replace(f"id: {old_id}", f"id: {case_id}", 1), encoding="utf-8")


def test_hong_kong_numbers_with_and_without_leading_zero_are_one_supplier(tmp_path):
    folder = tmp_path / "hk"
    shutil.copytree(ROOT / "examples", folder)
    for f in folder.glob("*.yaml"):
        f.unlink()
    _hk_case(folder, "a.yaml", "HK-A", "3217845")
    _hk_case(folder, "b.yaml", "HK-B", "03217845")
    b = (folder / "b.yaml").read_text(encoding="utf-8")  # another victim, with its own transfers
    (folder / "b.yaml").write_text(b.replace("U46909MH2021PTC999901", "U46909MH2021PTC999902").replace(
        "SCI/TT/", "SCB/TT/"), encoding="utf-8")
    out = tmp_path / "out"
    r = run("batch", str(folder), "-o", str(out), "-j", "1", *ARGS)
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.glob("*_victims_schedule_*")) == [
        "HK03217845_victims_schedule_en.pdf", "HK03217845_victims_schedule_zh.pdf"]


def test_no_case_id_can_take_a_name_the_batch_writes_at_the_top(cases, tmp_path):
    from restitution.case.fields import Invalid, case_id
    from restitution.case.spec import ROOT as SPEC

    out = tmp_path / "out"
    assert run("batch", str(cases), "-o", str(out), "-j", "1", *ARGS).exit_code == 0
    own = [p.name for p in out.iterdir() if not p.is_dir()]
    assert "batch_manifest.json" in own and len(own) == 3
    field = SPEC.fields["case"].section.fields["id"]
    for name in own:
        for variant in (name, name.upper(), name.lower()):
            with pytest.raises(Invalid):
                case_id(field, variant)


def test_a_case_that_cannot_be_written_is_recorded_and_the_others_go_on(cases, tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    (out / "MJ-2026-0107").write_text("a file where the case folder goes")
    r = run("batch", str(cases), "-o", str(out), "-j", "2", "--force", *ARGS)
    assert r.exit_code == 1
    assert f"error: meridian-junk.yaml: {out / 'MJ-2026-0107'}: exists and is not a folder" in r.output
    assert "1 case failed: meridian-junk.yaml" in r.output.strip().splitlines()[-1]
    manifest = json.loads((out / "batch_manifest.json").read_text())
    assert manifest["failed"] == ["meridian-junk.yaml"]
    assert sorted({e["path"].split("/")[0] for e in manifest["files"] if "/" in e["path"]}) == [
        "NW-2026-0042", "NW-2026-0043"]


@pytest.mark.parametrize("jobs", ["1", "2"])
def test_any_exception_in_a_case_is_recorded_and_the_others_go_on(cases, tmp_path, monkeypatch, jobs):
    from restitution.pipeline import render

    produce = render.produce

    def buggy(case, *a, **kw):
        if case.id == "NW-2026-0042":
            {}["a value of the case"]  # a bug: KeyError, not a RestitutionError
        return produce(case, *a, **kw)

    monkeypatch.setattr(render, "produce", buggy)  # forked workers inherit it
    out = tmp_path / "out"
    r = run("batch", str(cases), "-o", str(out), "-j", jobs, *ARGS)
    assert r.exit_code == 1
    line = next(x for x in r.output.splitlines() if x.startswith("error: northwind-vanished.yaml"))
    assert "internal error (KeyError at test_batch_cli.py:" in line
    assert "a value of the case" not in r.output  # the message may hold case data: never printed
    assert sorted(p.name for p in out.iterdir() if p.is_dir()) == ["MJ-2026-0107", "NW-2026-0043"]
    assert json.loads((out / "batch_manifest.json").read_text())["failed"] == ["northwind-vanished.yaml"]


def test_an_unwritable_output_folder_is_one_located_error(cases, tmp_path):
    (tmp_path / "afile").write_text("x")
    r = run("batch", str(cases), "-o", str(tmp_path / "afile" / "out"), "--force", *ARGS)
    assert r.exit_code == 1
    assert r.output.strip() == (f"error: {tmp_path / 'afile' / 'out'}: cannot be written: "
                                f"{tmp_path / 'afile'} is a file, not a folder; choose another output folder")


def test_document_warnings_are_reported_per_case(cases, tmp_path):
    # meridian-junk paid part of its Trade Assurance order off the platform and claims late:
    # the pipeline reports what the document's spec warns about, batch as render does.
    out = tmp_path / "out"
    r = run("batch", str(cases), "-o", str(out), "-j", "1", "--doc", "trade_assurance_claim", *ARGS)
    lines = [line for line in r.output.splitlines() if line.startswith("warning: meridian-junk.yaml: trade_assurance_claim: ")]
    assert any("paid outside the platform" in line for line in lines), r.output
    assert any("the claim window closed on 2026-10-22" in line for line in lines), r.output
    # and a case's own warnings, located (northwind's refused_escrow flag, contradicted by its platform payment)
    assert re.search(r"^warning: northwind-vanished\.yaml: line \d+ indicators\.refused_escrow: ", r.output, re.M), r.output


def test_second_run_is_refused_in_one_line_before_any_rendering(cases, tmp_path, monkeypatch):
    from restitution.batch import schedule
    from restitution.pipeline import render

    out = tmp_path / "out"
    assert run("batch", str(cases), "-o", str(out), "-j", "1", *ARGS).exit_code == 0

    def no_rendering(*a, **k):
        raise AssertionError("rendered although the outputs exist")

    monkeypatch.setattr(render, "produce", no_rendering)
    monkeypatch.setattr(schedule, "render_schedule", no_rendering)
    r = run("batch", str(cases), "-o", str(out), "-j", "1", *ARGS)
    assert r.exit_code == 1
    # 3 cases x (2 files, the guide and README.txt), 2 joint schedules, the manifest.
    assert r.output.strip().splitlines() == [f"error: 15 of 15 files exist in {out}/; use --force or another -o"]
