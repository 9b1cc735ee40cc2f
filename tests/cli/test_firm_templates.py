"""A firm's template folder (--templates / RESTITUTION_TEMPLATES) through the commands."""
from __future__ import annotations

import io
import shutil
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader


from cli_runner import run

ROOT = Path(__file__).resolve().parents[2]
NORTHWIND = ROOT / "examples" / "northwind-vanished.yaml"
FIRM = ROOT / "examples" / "firm-templates"
OWN_CLOSING = "A proposal to pay in instalments will be considered only if the first instalment"



def render(out: Path, *extra: str, env=None):
    return run("render", str(NORTHWIND), "--doc", "demand_letter", "--date", "2026-11-20",
               "-o", str(out), *extra, env=env)


def pdf_text(path: Path) -> list[str]:
    return [p.extract_text() for p in PdfReader(io.BytesIO(path.read_bytes())).pages]


def test_render_uses_the_firm_folder(tmp_path):
    out = tmp_path / "out"
    r = render(out, "--templates", str(FIRM))
    assert r.exit_code == 0, r.output
    en = pdf_text(out / "NW-2026-0042_demand_letter_en.pdf")
    flat = " ".join(" ".join(en).split())
    assert OWN_CLOSING in flat  # the overridden English template
    assert en[0].startswith("Example & Partners Law Firm")  # the letterhead tops the first page
    zh = pdf_text(out / "NW-2026-0042_demand_letter_zh.pdf")
    assert "示例律师事务所\n北京市朝阳区示例路1号" in zh[0]
    d = docx.Document(str(out / "NW-2026-0042_demand_letter_bilingual.docx"))
    header = [p.text.split("\n")[0] for p in d.sections[0].first_page_header.paragraphs]
    assert header == ["", "Example & Partners Law Firm", "示例律师事务所"]  # logo, then en and zh lines


def test_environment_variable_does_the_same(tmp_path):
    out = tmp_path / "out"
    r = render(out, "--lang", "en", "--format", "pdf", env={"RESTITUTION_TEMPLATES": str(FIRM)})
    assert r.exit_code == 0, r.output
    en = pdf_text(out / "NW-2026-0042_demand_letter_en.pdf")
    assert en[0].startswith("Example & Partners Law Firm") and OWN_CLOSING in " ".join(" ".join(en).split())


def test_without_the_folder_nothing_changes(tmp_path):
    out = tmp_path / "out"
    r = render(out, "--lang", "en", "--format", "pdf", env={"RESTITUTION_TEMPLATES": ""})
    assert r.exit_code == 0, r.output
    en = " ".join(pdf_text(out / "NW-2026-0042_demand_letter_en.pdf"))
    assert OWN_CLOSING not in " ".join(en.split()) and "disputes@example-law.example" not in en


def test_a_broken_profile_stops_the_command_with_its_location(tmp_path):
    firm = tmp_path / "firm"
    shutil.copytree(FIRM, firm)
    (firm / "firm.yaml").write_text("letterhead:\n  en: [Firm]\nlogo: logo.svg\n", encoding="utf-8")
    out = tmp_path / "out"
    r = render(out, "--templates", str(firm))
    assert r.exit_code == 1
    assert "firm.yaml:3 logo: logo file 'logo.svg' not found in the template folder" in r.output
    assert not out.exists() or not any(out.iterdir())  # nothing written


def test_preview_reads_the_firm_folder(tmp_path):
    r = run("preview", str(NORTHWIND), "--doc", "demand_letter", "--date", "2026-11-20", "--width", "200",
            "--templates", str(FIRM))
    assert r.exit_code == 0, r.output
    assert "A proposal to pay in instalments" in r.output


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_case_plan_renders_from_the_command_line(tmp_path, lang):
    out = tmp_path / "out"
    r = run("render", str(NORTHWIND), "--doc", "case_plan", "--lang", lang, "--format", "pdf",
            "--date", "2026-11-20", "-o", str(out), "--templates", str(FIRM))
    assert r.exit_code == 0, r.output
    pages = pdf_text(out / f"NW-2026-0042_case_plan_{lang}.pdf")
    assert ("Case Plan" if lang == "en" else "案件计划") in pages[0]
    assert ("Example & Partners Law Firm" if lang == "en" else "示例律师事务所") in pages[0]


def test_bundle_index_has_no_letterhead_as_the_client_submits_it(tmp_path):
    # The evidence index is signed by the client as submitter (提交人): the firm does not speak.
    out = tmp_path / "out"
    r = run("bundle", str(NORTHWIND), "-o", str(out), "--date", "2026-11-20", "--templates", str(FIRM))
    assert r.exit_code == 0, r.output
    first = pdf_text(out / "NW-2026-0042_evidence_bundle.pdf")[0]
    assert first.startswith("Evidence Index") and "1 Example Road" not in first


def test_letterhead_only_where_the_firm_speaks(tmp_path):
    out = tmp_path / "out"
    r = run("render", str(NORTHWIND), "-o", str(out), "--date", "2026-11-20", "--templates", str(FIRM),
            "--doc", "demand_letter", "--doc", "chargeback_letter", "--doc", "power_of_attorney",
            "--lang", "en", "--format", "pdf")
    assert r.exit_code == 0, r.output
    letter = pdf_text(out / "NW-2026-0042_demand_letter_en.pdf")[0]
    assert letter.startswith("Example & Partners Law Firm")  # claim.sender: agent, a 律师函
    assert " ".join(letter.split()).count("1 Example Road") == 1  # printed once, not the template's too
    for client_doc in ("chargeback_letter", "power_of_attorney"):
        first = pdf_text(out / f"NW-2026-0042_{client_doc}_en.pdf")[0]
        assert "Example & Partners Law Firm\n1 Example Road" not in first, client_doc
        assert not first.startswith("Example & Partners Law Firm"), client_doc


def test_batch_uses_the_firm_folder(tmp_path):
    out = tmp_path / "out"
    r = run("batch", str(NORTHWIND), "-o", str(out), "-j", "1", "--doc", "demand_letter", "--lang", "en",
            "--format", "pdf", "--date", "2026-11-20", "--templates", str(FIRM))
    assert r.exit_code == 0, r.output
    en = pdf_text(out / "NW-2026-0042" / "NW-2026-0042_demand_letter_en.pdf")
    assert en[0].startswith("Example & Partners Law Firm") and OWN_CLOSING in " ".join(" ".join(en).split())


def test_batch_stops_on_a_broken_profile(tmp_path):
    firm = tmp_path / "firm"
    firm.mkdir()
    (firm / "firm.yaml").write_text("letterhead:\n  de: [Kanzlei]\n", encoding="utf-8")
    r = run("batch", str(NORTHWIND), "-o", str(tmp_path / "out"), "-j", "1", "--templates", str(firm))
    assert r.exit_code == 1
    assert "firm.yaml:2 letterhead.de: unknown key 'de'" in r.output
    assert not (tmp_path / "out").exists()
