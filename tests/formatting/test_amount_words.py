"""English number words and amounts in words in each language."""
from decimal import Decimal

import pytest

from restitution.formatting import amount_in_words, number_to_words


@pytest.mark.parametrize(
    "n,words",
    [
        (0, "zero"),
        (7, "seven"),
        (13, "thirteen"),
        (21, "twenty-one"),
        (90, "ninety"),
        (100, "one hundred"),
        (105, "one hundred and five"),
        (999, "nine hundred and ninety-nine"),
        (1000, "one thousand"),
        (1005, "one thousand and five"),
        (1100, "one thousand one hundred"),
        (1409, "one thousand four hundred and nine"),
        (25000, "twenty-five thousand"),
        (101000, "one hundred and one thousand"),
        (177500, "one hundred and seventy-seven thousand five hundred"),
        (1000010, "one million and ten"),
        (2_000_000_000, "two billion"),
        (3_000_000_000_042, "three trillion and forty-two"),
        (
            999_999_999_999_999,
            "nine hundred and ninety-nine trillion nine hundred and ninety-nine billion "
            "nine hundred and ninety-nine million nine hundred and ninety-nine thousand "
            "nine hundred and ninety-nine",
        ),
    ],
)
def test_number_to_words(n, words):
    assert number_to_words(n) == words


@pytest.mark.parametrize("bad", [-1, 10**15, Decimal("5"), 2.0, True])
def test_number_to_words_rejects(bad):
    with pytest.raises(ValueError):
        number_to_words(bad)


@pytest.mark.parametrize(
    "amount,currency,words",
    [
        ("25000", "USD", "twenty-five thousand US dollars"),
        ("1409.50", "USD", "one thousand four hundred and nine US dollars and fifty cents"),
        ("1", "USD", "one US dollar"),
        ("1.01", "USD", "one US dollar and one cent"),
        ("0.50", "EUR", "zero euros and fifty cents"),
        ("6007.14", "EUR", "six thousand and seven euros and fourteen cents"),
        ("2.99", "GBP", "two British pounds and ninety-nine pence"),
        ("100.01", "GBP", "one hundred British pounds and one penny"),
        ("16409.02", "HKD", "sixteen thousand four hundred and nine Hong Kong dollars and two cents"),
        ("2500000", "JPY", "two million five hundred thousand Japanese yen"),
        ("177500.00", "CNY", "one hundred and seventy-seven thousand five hundred Chinese yuan"),
    ],
)
def test_english(amount, currency, words):
    assert amount_in_words(Decimal(amount), currency, "en") == words


@pytest.mark.parametrize(
    "amount,currency,words",
    [
        ("177500", "CNY", "人民币壹拾柒万柒仟伍佰元整"),
        ("1409.50", "CNY", "人民币壹仟肆佰零玖元伍角"),
        ("25000", "USD", "美元贰万伍仟元整"),
        ("6007.14", "EUR", "欧元陆仟零柒元壹角肆分"),
        ("325.04", "GBP", "英镑叁佰贰拾伍元零肆分"),
        ("16409.02", "HKD", "港元壹万陆仟肆佰零玖元零贰分"),
        ("2500000", "JPY", "日元贰佰伍拾万元整"),
    ],
)
def test_simplified(amount, currency, words):
    assert amount_in_words(Decimal(amount), currency, "zh") == words


@pytest.mark.parametrize(
    "amount,currency,words",
    [
        ("177500", "CNY", "人民幣壹拾柒萬柒仟伍佰元整"),
        ("25000", "USD", "美元貳萬伍仟元整"),
        ("16409.02", "HKD", "港元壹萬陸仟肆佰零玖元零貳分"),
        ("6007.14", "EUR", "歐元陸仟零柒元壹角肆分"),
        ("100000001", "GBP", "英鎊壹億零壹元整"),
        ("2500000", "JPY", "日圓貳佰伍拾萬元整"),
    ],
)
def test_traditional(amount, currency, words):
    assert amount_in_words(Decimal(amount), currency, "zh-Hant") == words


@pytest.mark.parametrize(
    "amount,currency,lang",
    [
        (Decimal("100.5"), "JPY", "en"),  # yen has no minor unit
        (Decimal("1.005"), "USD", "zh"),
        (Decimal("-1"), "USD", "en"),
        (Decimal("1"), "XYZ", "en"),
        (Decimal("1"), "USD", "fr"),
        (1.5, "USD", "en"),
    ],
)
def test_rejects(amount, currency, lang):
    with pytest.raises(ValueError):
        amount_in_words(amount, currency, lang)


def test_error_names_only_the_value():
    with pytest.raises(ValueError) as info:
        amount_in_words(Decimal("123.456"), "USD", "en")
    assert "123.456" in str(info.value)
