"""Numbers and money in figures."""
from decimal import Decimal

import pytest

from restitution.formatting import format_money, format_number


@pytest.mark.parametrize("lang", ["en", "zh", "zh-Hant"])
@pytest.mark.parametrize(
    "n,places,text",
    [
        (2000, None, "2,000"),
        (Decimal("12.50"), None, "12.50"),
        (Decimal("1234567.891"), None, "1,234,567.891"),
        (Decimal("0"), None, "0"),
        (Decimal("999"), 2, "999.00"),
        (Decimal("2.345"), 2, "2.35"),  # half up, not half even
        (Decimal("2.5"), 0, "3"),
        (Decimal("-1234.5"), 1, "-1,234.5"),
        (Decimal("7.10"), None, "7.10"),
    ],
)
def test_format_number(n, places, text, lang):
    assert format_number(n, lang, places) == text


@pytest.mark.parametrize("bad", [1.5, "2000", Decimal("Infinity")])
def test_format_number_rejects(bad):
    with pytest.raises(ValueError):
        format_number(bad, "en")


def test_format_number_rejects_negative_places():
    with pytest.raises(ValueError):
        format_number(5, "en", places=-1)


@pytest.mark.parametrize(
    "amount,currency,en,zh,hant",
    [
        ("25000", "USD", "USD 25,000.00", "25,000.00美元", "25,000.00美元"),
        ("177500", "CNY", "CNY 177,500.00", "人民币177,500.00元", "人民幣177,500.00元"),
        ("1409.5", "EUR", "EUR 1,409.50", "1,409.50欧元", "1,409.50歐元"),
        ("99.99", "GBP", "GBP 99.99", "99.99英镑", "99.99英鎊"),
        ("16409.02", "HKD", "HKD 16,409.02", "16,409.02港元", "16,409.02港元"),
        ("2500000", "JPY", "JPY 2,500,000", "2,500,000日元", "2,500,000日圓"),
        ("0", "USD", "USD 0.00", "0.00美元", "0.00美元"),
    ],
)
def test_format_money(amount, currency, en, zh, hant):
    value = Decimal(amount)
    assert format_money(value, currency, "en") == en
    assert format_money(value, currency, "zh") == zh
    assert format_money(value, currency, "zh-Hant") == hant


def test_format_money_accepts_int():
    assert format_money(7500, "USD", "en") == "USD 7,500.00"


@pytest.mark.parametrize(
    "amount,currency",
    [(Decimal("100.50"), "JPY"), (Decimal("1.005"), "USD"), (Decimal("-5"), "USD"), (Decimal("5"), "ABC")],
)
def test_format_money_never_rounds_or_guesses(amount, currency):
    with pytest.raises(ValueError):
        format_money(amount, currency, "en")
