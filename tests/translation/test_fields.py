"""translation.fields: what the Chinese documents print, and the refusal's lines."""
from __future__ import annotations

import datetime as dt

from restitution.case import load_case
from restitution.errors import ErrorList
from restitution.translation import fields

from translation.helpers import EXAMPLES, copy_examples, drop_twins

WHEN = dt.date(2026, 11, 20)


def test_every_printed_field_once_in_file_order():
    case = load_case(EXAMPLES / "northwind-vanished.yaml")
    printed = fields.printed(case, WHEN)
    paths = [f.path for f in printed]
    assert len(paths) == len(set(paths))
    assert "facts[0].text" in paths and "outcome.summary" in paths and "evidence[0].purpose" in paths
    lines = [case.line_of(p) for p in paths]
    assert lines == sorted(lines)
    assert not [f for f in printed if f.missing]  # the example is fully translated
    fact = next(f for f in printed if f.path == "facts[0].text")
    assert fact.english == case.facts[0].text and fact.chinese == case.facts[0].text_zh


def test_only_the_documents_asked_for():
    case = load_case(EXAMPLES / "northwind-vanished.yaml")
    index = {f.path for f in fields.printed(case, WHEN, ["evidence_index"])}
    everything = {f.path for f in fields.printed(case, WHEN)}
    assert "evidence[0].title" in index and "facts[0].text" not in index
    assert index < everything


def test_refusal_names_each_missing_twin_at_its_english_line(tmp_path):
    folder = copy_examples(tmp_path)
    path = folder / "northwind-vanished.yaml"
    lines = drop_twins(path, ("text", "summary"))
    case = load_case(path)
    missing = fields.untranslated(case, WHEN)
    assert [f.twin for f in missing] == ["outcome.summary_zh"] + [f"facts[{i}].text_zh" for i in range(9)]
    err = fields.refusal(case, missing)
    assert isinstance(err, ErrorList)
    out = err.lines()
    assert len(out) == 10
    for line, text in zip(lines, out):
        assert text.startswith(f"northwind-vanished.yaml:{line} ")
        assert text.endswith(": missing; the Chinese documents need it (add it to the case file, or use "
                             "--draft to make drafts)")
    assert out[1].split()[1] == "facts[0].text_zh:"
