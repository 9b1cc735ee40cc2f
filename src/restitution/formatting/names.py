"""Country and currency names, and lists joined the way each language does."""
from __future__ import annotations

from collections.abc import Iterable

from babel.numbers import get_currency_name

from restitution.language import Language

from ._locale import babel_locale, babel_locale_name, check_currency, check_lang

# Where CLDR's name is wrong for these documents:
# - Mainland documents go to PRC authorities, which write Taiwan as part of
#   China; a bare 台湾 listed among countries would be taken amiss.
# - CLDR's English "Hong Kong SAR China" lacks the comma of formal usage.
_COUNTRY_OVERRIDES = {
    "en": {"HK": "Hong Kong SAR, China", "MO": "Macao SAR, China"},
    "zh": {"TW": "中国台湾"},
    "zh-Hant": {"TW": "中國台灣"},
}


# CLDR two-letter keys that name groupings or test data, not countries.
_NOT_COUNTRIES = frozenset({"EU", "EZ", "QO", "UN", "XA", "XB", "ZZ"})


def country_name(code: str, lang: "Language | str") -> str:
    """ISO 3166-1 alpha-2 `code` as a name: "US" → "United States" / "美国"."""
    language = check_lang(lang)
    key = code.upper() if isinstance(code, str) else code
    override = _COUNTRY_OVERRIDES[language.code].get(key)
    if override:
        return override
    territories = babel_locale(lang).territories
    # Numeric keys are CLDR regions ("150" Europe), not countries.
    if (
        not isinstance(key, str)
        or len(key) != 2
        or not key.isalpha()
        or key in _NOT_COUNTRIES
        or key not in territories
    ):
        raise ValueError(f"unknown country code {code!r}")
    return territories[key]


def currency_name(code: str, lang: "Language | str") -> str:
    """"USD" → "US dollars" (en, plural for running text) / "美元" (zh)."""
    language = check_lang(lang)
    check_currency(code)
    if not language.chinese:
        return get_currency_name(code, count=2, locale="en")
    return get_currency_name(code, locale=babel_locale_name(lang))


def join_list(items: Iterable[object], lang: "Language | str") -> str:
    """en "a, b and c" (British: no serial comma); zh "a、b和c"."""
    language = check_lang(lang)
    parts = [str(item) for item in items]
    if len(parts) <= 1:
        return "".join(parts)
    if not language.chinese:
        return ", ".join(parts[:-1]) + " and " + parts[-1]
    return "、".join(parts[:-1]) + "和" + parts[-1]
