"""`restitution render` through click's runner: files, refusals, exit codes."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest


from cli_runner import run

ROOT = Path(__file__).resolve().parents[2]
NORTHWIND = ROOT / "examples" / "northwind-vanished.yaml"



@pytest.fixture
def example(tmp_path) -> Path:
    """A copy of the examples folder, so tests can edit cases freely."""
    dest = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", dest)
    return dest


def test_power_of_attorney_in_every_language_and_format(tmp_path):
    out = tmp_path / "out"
    r = run("render", str(NORTHWIND), "--doc", "power_of_attorney", "-o", str(out), "--date", "2026-11-20")
    assert r.exit_code == 0, r.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(
        [f"NW-2026-0042_power_of_attorney_{lang}.{ext}"
         for lang in ("en", "zh", "bilingual") for ext in ("docx", "pdf")]
        + ["NW-2026-0042_guide_en.pdf", "README.txt"]  # the packet guide, with every render
    )
    assert "wrote 8 files" in r.output


def test_existing_files_are_not_overwritten_without_force(tmp_path):
    out = tmp_path / "out"
    args = ["render", str(NORTHWIND), "--doc", "power_of_attorney", "--lang", "en", "-o", str(out),
            "--date", "2026-11-20"]
    assert run(*args).exit_code == 0
    pdf = out / "NW-2026-0042_power_of_attorney_en.pdf"
    pdf.write_bytes(b"lawyer's edited copy")
    r = run(*args)
    assert r.exit_code == 1
    assert "4 of 4 files exist" in r.output and "--force" in r.output  # with the guide and README.txt
    assert pdf.read_bytes() == b"lawyer's edited copy"
    assert run(*args, "--force").exit_code == 0
    assert pdf.read_bytes().startswith(b"%PDF")


def test_no_guide_rerenders_one_document_and_keeps_the_packets_guide(tmp_path):
    out = tmp_path / "out"
    base = ["render", str(NORTHWIND), "-o", str(out), "--date", "2026-11-20", "--lang", "en", "--format", "pdf"]
    assert run(*base, "--doc", "power_of_attorney", "--doc", "demand_letter").exit_code == 0
    guide = out / "NW-2026-0042_guide_en.pdf"
    readme = (out / "README.txt").read_text(encoding="utf-8")
    before = guide.read_bytes()
    assert "demand_letter" in readme and "power_of_attorney" in readme
    r = run(*base, "--doc", "demand_letter", "--no-guide", "--force")
    assert r.exit_code == 0 and "wrote 1 files" in r.output
    assert guide.read_bytes() == before and (out / "README.txt").read_text(encoding="utf-8") == readme
    # Without --force, only the one document's file is in the way (the guide is not a target).
    r = run(*base, "--doc", "demand_letter", "--no-guide")
    assert r.exit_code == 1 and "demand_letter_en.pdf: exists already" in r.output


def test_same_input_same_bytes(tmp_path):
    for name in ("a", "b"):
        assert run("render", str(NORTHWIND), "--doc", "power_of_attorney", "-o", str(tmp_path / name),
                   "--date", "2026-11-20").exit_code == 0
    for f in (tmp_path / "a").iterdir():
        assert f.read_bytes() == (tmp_path / "b" / f.name).read_bytes(), f.name


@pytest.mark.parametrize("args, message", [
    (["--doc", "no_such_doc"], "unknown document"),
    (["--lang", "fr"], "--lang"),
    (["--format", "odt"], "unknown format"),
    (["--date", "2026-13-01"], "YYYY-MM-DD"),
])
def test_usage_errors_exit_2_and_write_nothing(tmp_path, args, message):
    out = tmp_path / "out"
    r = run("render", str(NORTHWIND), "-o", str(out), *args)
    assert r.exit_code == 2, r.output
    assert message in r.output
    assert not out.exists()


def test_missing_case_file_is_a_usage_error(tmp_path):
    r = run("render", str(tmp_path / "nope.yaml"))
    assert r.exit_code == 2 and "no such file" in r.output


def test_chargeback_without_card_payment_is_refused(example, tmp_path):
    case = example / "northwind-vanished.yaml"
    text = case.read_text(encoding="utf-8")
    # Make every payment a wire transfer: no basis for a chargeback letter any more.
    text = text.replace("method: card", "method: wire")
    import re
    text = re.sub(r"\n    card:\n(      .*\n)+", "\n", text)
    text = re.sub(r"\n    merchant_descriptor:.*", "", text)
    case.write_text(text, encoding="utf-8")
    out = tmp_path / "out"
    r = run("render", str(case), "--doc", "chargeback_letter", "-o", str(out))
    assert r.exit_code == 1, r.output
    assert "no card payment in this case (payments[].method: card)" in r.output
    assert not out.exists()
    # The default packet still renders, and says why the letter is missing.
    r = run("render", str(case), "-o", str(out), "--lang", "en", "--format", "pdf")
    assert r.exit_code == 0, r.output
    assert "skipped chargeback_letter" in r.output
    assert not list(out.glob("*chargeback*"))


def test_full_packet_of_every_example(tmp_path):
    for example in sorted((ROOT / "examples").glob("*.yaml")):
        out = tmp_path / example.stem
        r = run("render", str(example), "-o", str(out), "--date", "2026-11-20")
        assert r.exit_code == 0, r.output
        pdfs = list(out.glob("*.pdf"))
        assert len(pdfs) >= 9 and len(list(out.glob("*.docx"))) == len(pdfs) - 1  # the guide: PDF only


def test_warnings_are_printed_and_strict_writes_nothing(tmp_path):
    """northwind's refused_escrow flag is contradicted by its platform payment: a located warning;
    with --strict an error."""
    out = tmp_path / "out"
    args = ["render", str(NORTHWIND), "--doc", "police_report", "--lang", "zh", "--format", "pdf",
            "--date", "2026-11-20", "-o", str(out)]
    strict = run(*args, "--strict")
    assert strict.exit_code == 1 and not out.exists()
    assert "error: " in strict.stderr and "indicators.refused_escrow: the seller was paid through" in strict.stderr
    r = run(*args)
    assert r.exit_code == 0 and len(list(out.glob("*_police_report_zh.pdf"))) == 1
    assert "warning: " in r.stderr and "northwind-vanished.yaml:" in r.stderr and "indicators.refused_escrow" in r.stderr


@pytest.mark.parametrize("paper, size", [("letter", (612, 792)), ("A4", (595, 842))])
def test_paper_option_overrides_each_documents_paper(tmp_path, paper, size):
    import docx
    from pypdf import PdfReader

    out = tmp_path / "out"
    r = run("render", str(NORTHWIND), "--doc", "chargeback_letter", "--doc", "demand_letter", "--lang", "en",
            "--paper", paper, "-o", str(out), "--date", "2026-11-20")
    assert r.exit_code == 0, r.output
    for name in ("chargeback_letter", "demand_letter"):
        box = PdfReader(out / f"NW-2026-0042_{name}_en.pdf").pages[0].mediabox
        assert (round(float(box.width)), round(float(box.height))) == size
        section = docx.Document(str(out / f"NW-2026-0042_{name}_en.docx")).sections[0]
        assert round(section.page_width.pt) == size[0]


def test_unknown_paper_is_a_usage_error(tmp_path):
    r = run("render", str(NORTHWIND), "--paper", "legal", "-o", str(tmp_path / "out"))
    assert r.exit_code == 2 and "legal" in r.output
    assert not (tmp_path / "out").exists()


def test_rendering_again_is_refused_in_one_line_before_any_work(tmp_path, monkeypatch):
    from restitution.pipeline import render

    out = tmp_path / "out"
    args = ["render", str(NORTHWIND), "--doc", "power_of_attorney", "--doc", "demand_letter", "-o", str(out),
            "--date", "2026-11-20"]
    assert run(*args).exit_code == 0
    made = render.produce

    def no_rendering(*a, **k):
        raise AssertionError("rendered although the outputs exist")

    monkeypatch.setattr(render, "produce", no_rendering)
    r = run(*args)
    assert r.exit_code == 1
    assert r.output.strip().splitlines() == [f"error: 14 of 14 files exist in {out}/; use --force or another -o"]  # 12 + guide, README.txt
    # One file missing: still one line, counting what exists.
    (out / "NW-2026-0042_demand_letter_zh.docx").unlink()
    r = run(*args)
    assert r.output.strip().splitlines() == [f"error: 13 of 14 files exist in {out}/; use --force or another -o"]
    monkeypatch.setattr(render, "produce", made)
    assert run(*args, "--force").exit_code == 0


def test_the_targets_are_the_files_produced(case):
    import datetime as dt

    from restitution.pipeline.render import produce, targets

    docs = ["power_of_attorney", "demand_letter"]
    packet = produce(case, docs, ["en", "bilingual"], ["pdf", "docx"], dt.date(2026, 11, 20), draft=True)
    assert targets(case, docs, ["en", "bilingual"], ["pdf", "docx"]) == [n for n, _ in packet.files]
    default = produce(case, None, ["en"], ["docx"], dt.date(2026, 11, 20))
    assert targets(case, None, ["en"], ["docx"]) == [n for n, _ in default.files]
