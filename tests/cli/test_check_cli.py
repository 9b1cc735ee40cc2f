"""`restitution check` through the CLI: structure, variables, glossary, override folders."""
from __future__ import annotations

from pathlib import Path

from tooling import needs_tool

from restitution.pipeline.templating import bundled_templates

from cli_runner import run

ROOT = Path(__file__).resolve().parents[2]
NORTHWIND = str(ROOT / "examples" / "northwind-vanished.yaml")



def override(tmp_path: Path, lang: str, name: str, text: str) -> Path:
    folder = tmp_path / "firm"
    (folder / lang).mkdir(parents=True, exist_ok=True)
    (folder / lang / name).write_text(text, encoding="utf-8")
    return folder


def test_bundled_templates_pass():
    r = run("check", NORTHWIND)
    assert r.exit_code == 0, r.output
    assert "ok: templates agree on 1 case(s)" in r.output


def test_structure_mismatch_is_reported(tmp_path):
    zh = (bundled_templates() / "zh" / "power_of_attorney.md.j2").read_text(encoding="utf-8")
    folder = override(tmp_path, "zh", "power_of_attorney.md.j2", zh + "\n额外的一段。\n")
    r = run("check", "--templates", str(folder), NORTHWIND)
    assert r.exit_code == 1
    assert "power_of_attorney: the en template has" in r.output and "no counterpart" in r.output


def test_unknown_variable_is_reported_with_its_line(tmp_path):
    en = (bundled_templates() / "en" / "power_of_attorney.md.j2").read_text(encoding="utf-8")
    folder = override(tmp_path, "en", "power_of_attorney.md.j2", en + "\n{{ case.supplier.nmae }}\n")
    line = en.count("\n") + 2
    r = run("check", "--templates", str(folder), NORTHWIND)
    assert r.exit_code == 1
    assert f"templates/en/power_of_attorney.md.j2:{line}: Supplier has no attribute 'nmae'" in r.output


def test_glossary_in_override_folder_is_used(tmp_path):
    folder = override(tmp_path, "en", "unused.md.j2", "")
    (folder / "glossary.yaml").write_text("- en: Power of Attorney\n  zh: 全权委托书\n", encoding="utf-8")
    r = run("check", "--templates", str(folder), NORTHWIND)
    assert r.exit_code == 1 and "全权委托书" in r.output


@needs_tool("pdftotext", what="poppler-utils")
def test_layout_check_passes_on_the_bundled_templates():
    r = run("check", "--layout", NORTHWIND)
    assert r.exit_code == 0, r.output
    assert "every page of every document is laid out cleanly" in r.output


def test_layout_problems_are_located_and_exit_1(monkeypatch):
    from restitution.checks import layout

    monkeypatch.setattr(layout, "check_pdf", lambda pdf, bands, furniture, **rules: [
        "page 2: text in the footer band: “Article 46 of the Criminal”"])
    r = run("check", "--layout", NORTHWIND)
    assert r.exit_code == 1
    assert ("northwind-vanished.yaml: power_of_attorney (bilingual): page 2: text in the footer band: "
            "“Article 46 of the Criminal”") in r.output


def test_layout_check_without_pdftotext_says_what_to_install(monkeypatch):
    from restitution.checks import layout

    monkeypatch.setattr(layout.shutil, "which", lambda name: None)
    r = run("check", "--layout", NORTHWIND)
    assert r.exit_code == 2
    assert "poppler-utils" in r.output
