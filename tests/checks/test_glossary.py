"""The glossary of fixed legal terms."""
from __future__ import annotations

import pytest

from restitution.checks.glossary import Term, check_glossary, load_glossary
from restitution.errors import TemplateError
from restitution.pipeline.templating import bundled_templates

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


# ---------------------------------------------------------------- phrase catalogues


def _phrases(root, lang, text):
    folder = root / lang / "phrases"
    folder.mkdir(parents=True)
    (folder / "t.yaml").write_text(text, encoding="utf-8")


def test_catalogue_pairs_keep_to_the_glossary(tmp_path):
    from restitution.checks.catalogues import check_catalogues
    from restitution.checks.glossary import Term

    _phrases(tmp_path, "en", 'poa: "a special power of attorney"\n')
    _phrases(tmp_path, "zh", 'poa: "全权代理授权书"\n')
    terms = [Term("special power of attorney", "特别授权", ("全权代理",), line=3)]
    assert check_catalogues([tmp_path], terms) == [
        "zh/phrases/t.yaml:1 t.poa: the English text uses 'special power of attorney' but the Chinese text "
        "lacks '特别授权' (glossary.yaml:3)",
        "zh/phrases/t.yaml:1 t.poa: the Chinese text uses '全权代理'; the glossary fixes '特别授权' for "
        "'special power of attorney' (glossary.yaml:3)",
    ]


def test_catalogue_key_missing_in_chinese_is_reported(tmp_path):
    from restitution.checks.catalogues import check_catalogues

    _phrases(tmp_path, "en", 'a: "x"\nb: "{n} days"\n')
    _phrases(tmp_path, "zh", 'a: "甲"\n')
    assert check_catalogues([tmp_path], []) == ["en/phrases/t.yaml:2 t.b: not in the zh catalogue"]


def test_bundled_catalogues_pass_the_check():
    from restitution.checks.catalogues import check_catalogues
    from restitution.checks.glossary import load_glossary
    from restitution.pipeline.templating import bundled_templates

    root = bundled_templates()
    assert check_catalogues([root], load_glossary(root / "glossary.yaml")) == []
