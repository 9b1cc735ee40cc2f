"""Numbers and money in figures.

Both English and Chinese group thousands with "," and use "." for
decimals; Babel supplies the symbols so that the locale stays the source.
Money shows exactly the currency's minor digits (USD 2, JPY 0) and is never
rounded: an amount finer than the currency allows is an error.
"""
from __future__ import annotations

from decimal import ROUND_HALF_UP, Decimal

from babel.numbers import format_decimal, get_currency_name

from restitution.language import Language

from ._locale import babel_locale_name, check_amount, check_lang, minor_digits


def format_number(n: Decimal | int, lang: "Language | str", places: int | None = None) -> str:
    """`n` with thousands separators: "2,000", "12.50".

    Without `places` the number keeps the decimals it has (Decimal("12.50")
    gives "12.50"); with `places` it is rounded half up to that many.
    """
    check_lang(lang)
    if isinstance(n, bool) or not isinstance(n, (Decimal, int)):
        raise ValueError(f"format_number needs a Decimal or int, not {type(n).__name__}")
    value = Decimal(n)
    if not value.is_finite():
        raise ValueError(f"number {value} is not finite")
    if places is None:
        exponent = value.as_tuple().exponent
        assert isinstance(exponent, int)  # finite, checked above
        places = max(0, -exponent)
    elif places < 0:
        raise ValueError(f"places must be 0 or more, not {places}")
    value = value.quantize(Decimal(1).scaleb(-places), rounding=ROUND_HALF_UP)
    pattern = "#,##0" + ("." + "0" * places if places else "")
    # The value is already at its final precision, so Babel only lays it out.
    return format_decimal(value, format=pattern, locale=babel_locale_name(lang))


def format_money(amount: Decimal | int, currency: str, lang: "Language | str") -> str:
    """Money in figures: "USD 25,000.00", "人民币177,500.00元", "25,000.00美元"."""
    language = check_lang(lang)
    value = check_amount(amount, currency)
    figures = format_number(value, language, places=minor_digits(currency))
    if not language.chinese:
        return f"{currency} {figures}"
    name = get_currency_name(currency, locale=babel_locale_name(lang))
    if currency == "CNY":
        # Mainland usage puts 人民币 before the figure and 元 after it.
        return f"{name}{figures}元"
    return f"{figures}{name}"
