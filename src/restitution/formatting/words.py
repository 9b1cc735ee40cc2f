"""Amounts in words: English number words and the per-language dispatch.

English follows British legal drafting: "and" after hundred and before a
final part under one hundred ("one thousand and five"), hyphens in 21–99,
short-scale millions/billions/trillions, no commas between groups. An amount
reads "<units> <currency name> and <minor> cents"; the currency name is
Babel's plural ("US dollars", "euros") or singular for exactly one; a zero
major part is written ("zero euros and fifty cents") so the currency is
never lost; currencies without a minor unit (JPY, KRW) never take cents.

Chinese uses 大写 (see `daxie`), led by the Chinese currency name:
人民币…, 美元…, with the 元/角/分 pattern for every currency.
"""
from __future__ import annotations

from decimal import Decimal

from babel.numbers import get_currency_name

from restitution.language import Language

from ._locale import check_amount, check_lang, minor_digits
from .chinese import to_traditional
from .daxie import daxie

_ONES = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen "
    "fourteen fifteen sixteen seventeen eighteen nineteen"
).split()
_TENS = "_ _ twenty thirty forty fifty sixty seventy eighty ninety".split()
_SCALES = ((10**12, "trillion"), (10**9, "billion"), (10**6, "million"), (10**3, "thousand"))
LIMIT = 10**15

# Minor units that are not "cents" in idiomatic English: (singular, plural).
_MINOR_NAMES = {"GBP": ("penny", "pence")}


def _under_hundred(n: int) -> str:
    if n < 20:
        return _ONES[n]
    tens, ones = divmod(n, 10)
    return _TENS[tens] + (f"-{_ONES[ones]}" if ones else "")


def _under_thousand(n: int) -> str:
    hundreds, rest = divmod(n, 100)
    if not hundreds:
        return _under_hundred(rest)
    words = f"{_ONES[hundreds]} hundred"
    return words + (f" and {_under_hundred(rest)}" if rest else "")


def number_to_words(n: int) -> str:
    """A whole number from 0 to 999,999,999,999,999 in English words."""
    if isinstance(n, bool) or not isinstance(n, int):
        raise ValueError(f"number_to_words needs an int, not {type(n).__name__}")
    if not 0 <= n < LIMIT:
        raise ValueError(f"number {n} is out of range (0 to {LIMIT - 1})")
    if n == 0:
        return "zero"
    parts = []
    for size, name in _SCALES:
        count, n = divmod(n, size)
        if count:
            parts.append(f"{_under_thousand(count)} {name}")
    if n:
        # British usage: "one thousand and five", "two million and ten".
        if parts and n < 100:
            parts.append("and")
        parts.append(_under_thousand(n))
    return " ".join(parts)


def _minor_name(code: str, count: int) -> str:
    singular, plural = _MINOR_NAMES.get(code, ("cent", "cents"))
    return singular if count == 1 else plural


def amount_in_words(amount: Decimal | int, currency: str, lang: "Language | str") -> str:
    """`amount` of `currency` in words for a document in `lang`.

    en: "one thousand four hundred and nine US dollars and fifty cents";
    zh: "人民币壹仟肆佰零玖元伍角", "美元贰万伍仟元整";
    zh-Hant: the same in Traditional characters with Hong Kong currency names
    ("人民幣壹拾柒萬柒仟伍佰元整", "日圓貳萬伍仟元整").
    """
    language = check_lang(lang)
    value = check_amount(amount, currency)
    if not language.chinese:
        places = minor_digits(currency)
        major = int(value)
        minor = int((value - major).scaleb(places))
        # CLDR's count forms capitalise only proper nouns ("US dollars",
        # "euros", "Japanese yen"), which is what running text wants.
        name = get_currency_name(currency, count=major, locale="en")
        words = f"{number_to_words(major)} {name}"
        if minor:
            words += f" and {number_to_words(minor)} {_minor_name(currency, minor)}"
        return words
    prefix = get_currency_name(currency, locale=language.babel_locale)
    if language.traditional:
        return prefix + to_traditional(daxie(value, prefix=""))
    return daxie(value, prefix=prefix)
