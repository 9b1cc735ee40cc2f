"""Language and currency checks shared by the formatting functions."""
from decimal import Decimal

import pytest

from restitution.language import LANGUAGES
from restitution.formatting._locale import check_amount, check_lang, minor_digits


def test_langs():
    assert tuple(LANGUAGES) == ("en", "zh", "zh-Hant")
    for lang in LANGUAGES:
        assert check_lang(lang).code == lang
        assert check_lang(check_lang(lang)) is check_lang(lang)


@pytest.mark.parametrize("bad", ["zh-Hans", "ZH", "zh_Hant", "", None])
def test_unknown_lang(bad):
    with pytest.raises(ValueError):
        check_lang(bad)


@pytest.mark.parametrize("code,digits", [("USD", 2), ("EUR", 2), ("GBP", 2), ("HKD", 2), ("CNY", 2), ("JPY", 0)])
def test_minor_digits(code, digits):
    assert minor_digits(code) == digits


def test_check_amount_normalises_to_currency_precision():
    assert str(check_amount(Decimal("12.5"), "USD")) == "12.50"
    assert str(check_amount(Decimal("1000.00"), "JPY")) == "1000"
    assert str(check_amount(3, "EUR")) == "3.00"
