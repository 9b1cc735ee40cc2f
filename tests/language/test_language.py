from __future__ import annotations

import pytest

from restitution.errors import UsageError
from restitution.language import EN, LANGUAGES, ZH, ZH_HANT, check_mode, get


def test_each_language_has_one_bcp47_tag_and_script():
    assert {code: (lang.tag, lang.script) for code, lang in LANGUAGES.items()} == {
        "en": ("en", "Latn"), "zh": ("zh-Hans-CN", "Hans"), "zh-Hant": ("zh-Hant-HK", "Hant")}


def test_chinese_and_traditional():
    assert not EN.chinese and ZH.chinese and ZH_HANT.chinese
    assert ZH_HANT.traditional and not ZH.traditional


def test_hong_kong_reads_its_own_templates_then_the_simplified_ones_converted():
    assert ZH_HANT.template_dirs == ("zh-Hant", "zh")
    assert (ZH_HANT.converted_from, ZH_HANT.opencc) == ("zh", "s2hk.json")


def test_unknown_codes_are_usage_errors():
    assert get("zh") is ZH and get(ZH) is ZH
    with pytest.raises(UsageError, match="unknown language 'fr'; use one of en, zh, zh-Hant"):
        get("fr")
    with pytest.raises(UsageError, match="use one of en, zh, bilingual"):
        check_mode("zh-Hant")
