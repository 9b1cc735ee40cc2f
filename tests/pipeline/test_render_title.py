"""A document's title is its template's own ``{% set title %}``: metadata, header, bilingual title."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from factories import make_case

from restitution.errors import TemplateError
from restitution.pipeline.render import render_document

DATE = dt.date(2026, 11, 20)
BUNDLED = Path(__file__).resolve().parents[2] / "templates"


def test_titles_come_from_the_templates_in_each_language():
    case = make_case()
    assert render_document(case, "power_of_attorney", "en", DATE).title == "Power of Attorney"
    assert render_document(case, "power_of_attorney", "zh", DATE).title == "授权委托书"
    assert render_document(case, "power_of_attorney", "bilingual", DATE).title == "Power of Attorney / 授权委托书"


def test_a_firm_template_sets_its_own_title(tmp_path):
    source = (BUNDLED / "en" / "settlement_agreement.md.j2").read_text(encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "settlement_agreement.md.j2").write_text(
        source.replace('{% set title = "Settlement Agreement" %}', '{% set title = "Restitution Agreement" %}'),
        encoding="utf-8")
    from restitution.case import load_case

    case = load_case(Path(__file__).resolve().parents[2] / "examples" / "lotus-settlement.yaml")
    # as drafted before signing (a signed agreement is cited, not drafted again)
    case = dataclasses.replace(case, settlement=dataclasses.replace(case.settlement, signed_on=None,
                                                                    supplier_signed=None))
    assert render_document(case, "settlement_agreement", "en", DATE, templates=tmp_path).title == \
        "Restitution Agreement"


def test_a_firm_template_written_before_titles_takes_its_first_heading(tmp_path):
    source = (BUNDLED / "en" / "power_of_attorney.md.j2").read_text(encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "power_of_attorney.md.j2").write_text(
        source.replace('{% set title = "Power of Attorney" %}\n', "").replace("# Power of Attorney", "# Special Power of Attorney"),
        encoding="utf-8")
    assert render_document(make_case(), "power_of_attorney", "en", DATE, templates=tmp_path).title == \
        "Special Power of Attorney"


def test_a_template_without_a_title_or_a_heading_is_a_located_error(tmp_path):
    source = (BUNDLED / "en" / "power_of_attorney.md.j2").read_text(encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "power_of_attorney.md.j2").write_text(
        source.replace('{% set title = "Power of Attorney" %}\n', "").replace("# Power of Attorney", "**Power of Attorney**"),
        encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        render_document(make_case(), "power_of_attorney", "en", DATE, templates=tmp_path)
    assert str(err.value).startswith("templates/en/power_of_attorney.md.j2: sets no title; begin it with "
                                     '{% set title = "…" %}')
