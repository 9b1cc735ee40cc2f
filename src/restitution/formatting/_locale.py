"""Document languages and the Babel locales and currency facts behind them.

A document's language is a `restitution.language.Language` (or its code:
"en", "zh" Simplified mainland, "zh-Hant" Traditional Hong Kong standard),
which names its Babel locale. Babel data is loaded lazily and cached, so
importing this module does no locale lookups.
"""
from __future__ import annotations

from decimal import Decimal
from functools import lru_cache

from babel import Locale
from babel.numbers import get_currency_precision

from restitution.language import LANGUAGES, Language


def check_lang(lang: "Language | str") -> Language:
    """The language of `lang` (a Language or its code), else raise ValueError."""
    if isinstance(lang, Language):
        return lang
    found = LANGUAGES.get(lang) if isinstance(lang, str) else None
    if found is None:
        raise ValueError(f"unknown language {lang!r}; expected one of {', '.join(LANGUAGES)}")
    return found


def babel_locale_name(lang: "Language | str") -> str:
    # zh-Hant documents are Hong Kong documents, so their names follow the
    # Hong Kong variant (港幣, 加幣) rather than Taiwan's: the Language says so.
    return check_lang(lang).babel_locale


def babel_locale(lang: "Language | str") -> Locale:
    return _babel_locale(babel_locale_name(lang))


@lru_cache(maxsize=None)
def _babel_locale(name: str) -> Locale:
    return Locale.parse(name)


def check_currency(code: str) -> str:
    """Return the ISO 4217 code if Babel knows it, else raise ValueError.

    Babel's own lookups echo an unknown code back, which would print e.g.
    "XYZ" where a currency name belongs; this check stops that.
    """
    if not isinstance(code, str) or code not in babel_locale("en").currencies:
        raise ValueError(f"unknown currency code {code!r}")
    return code


@lru_cache(maxsize=None)
def minor_digits(code: str) -> int:
    """Decimal places of the currency's minor unit (2 for USD, 0 for JPY)."""
    return get_currency_precision(check_currency(code))


def check_amount(amount: Decimal | int, code: str) -> Decimal:
    """A non-negative money amount with no finer precision than the currency's.

    Money is never rounded here: an amount the currency cannot express
    (JPY 100.50, USD 1.005) is an error, not a silently different figure.
    """
    if isinstance(amount, bool) or not isinstance(amount, (Decimal, int)):
        raise ValueError(f"amount must be a Decimal or int, not {type(amount).__name__}")
    value = Decimal(amount)
    if not value.is_finite():
        raise ValueError(f"amount {value} is not a finite number")
    if value < 0:
        raise ValueError(f"amount {value} is negative")
    places = minor_digits(code)
    step = Decimal(1).scaleb(-places)
    if value != value.quantize(step):
        raise ValueError(f"amount {value} has more than {places} decimal places for {code}")
    return value.quantize(step)
