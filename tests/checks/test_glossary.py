"""The glossary of fixed legal terms."""
from __future__ import annotations

import pytest

from restitution.checks.glossary import Term, check_glossary, load_glossary
from restitution.errors import TemplateError
from restitution.templating import bundled_templates

TERMS = [Term("written pardon", "谅解书", ("原谅书",), 3)]


def test_term_used_in_english_must_be_used_in_chinese():
    assert check_glossary(TERMS, "a written pardon", "谅解书") == []
    (msg,) = check_glossary(TERMS, "a Written Pardon", "一份声明")
    assert "'written pardon'" in msg and "谅解书" in msg and "glossary.yaml:3" in msg


def test_traditional_form_is_accepted():
    assert check_glossary(TERMS, "a written pardon", "諒解書") == []


def test_avoided_rendering_is_reported():
    (msg,) = check_glossary(TERMS, "", "原谅书")
    assert "原谅书" in msg


def test_bundled_glossary_loads():
    terms = load_glossary(bundled_templates() / "glossary.yaml")
    assert any(t.en == "Power of Attorney" and t.zh == "授权委托书" for t in terms)


def test_bad_glossary_is_located(tmp_path):
    path = tmp_path / "glossary.yaml"
    path.write_text("- en: a\n  zh: 甲\n- en: b\n", encoding="utf-8")
    with pytest.raises(TemplateError) as err:
        load_glossary(path)
    assert err.value.location.line == 3
