"""USCC check digits (GB 32100-2015), ISO 4217 currencies, ISO 3166-1 countries."""
from __future__ import annotations

import pytest

from restitution.case.codes import (
    USCC_CHARSET,
    countries,
    country_problem,
    currencies,
    currency_problem,
    uscc_check_digit,
    uscc_problem,
)

# Codes as published in the national enterprise credit system, and the
# example of the case-file format.
PUBLISHED = ["91330100716105852F", "9144030071526726XG", "91440300MA5G7K2Q1G"]


@pytest.mark.parametrize("code", PUBLISHED)
def test_published_codes_pass(code):
    assert uscc_problem(code) is None
    assert uscc_check_digit(code[:17]) == code[17]


def test_check_digit_arithmetic_by_hand():
    # 3^i mod 31 for i = 0..16, per the standard.
    weights = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
    body = "91440300MA5G7K2Q1"
    total = sum(USCC_CHARSET.index(c) * w for c, w in zip(body, weights))
    assert USCC_CHARSET[(31 - total % 31) % 31] == "G"


def test_check_value_31_is_written_as_zero():
    # Find a body whose weighted sum is a multiple of 31: its check digit is "0".
    body = "9144030000000000"
    for last in USCC_CHARSET:
        candidate = body + last
        total = sum(USCC_CHARSET.index(c) * pow(3, i, 31) for i, c in enumerate(candidate))
        if total % 31 == 0:
            assert uscc_check_digit(candidate) == "0"
            return
    pytest.fail("no body with a sum divisible by 31 in this range")


def test_uscc_messages():
    assert uscc_problem("91440300MA5G7K2Q1U") == "check digit should be G, not U"
    assert uscc_problem("91440300MA5G7K2Q1") == "must be 18 characters, found 17"
    assert uscc_problem("91440300ma5g7k2q1g") == "must be written in capitals (letters A-H J-N P-R T-U W-Y)"
    assert uscc_problem("91440300MA5G7K2Z1G").startswith('character "Z" at position 16 is not used in a USCC')


def test_currency_list_is_iso_money_only():
    assert {"USD", "EUR", "CNY", "HKD", "NOK"} <= currencies()
    assert not {"XAU", "XXX", "XTS"} & currencies()


def test_currency_messages():
    assert currency_problem("USD") is None
    assert currency_problem("usd") == 'currency codes are written in capitals: "USD"'
    assert currency_problem("USX") == 'unknown currency "USX" (not an ISO 4217 code); did you mean "USD"?'
    assert currency_problem("Euro") == 'must be an ISO 4217 code such as "EUR", not a name'
    assert currency_problem("RMB").startswith('unknown currency "RMB"')


def test_country_list_is_iso_3166_alpha_2():
    names = countries()
    assert names["NO"] == "Norway" and names["CN"] == "China" and names["HK"].startswith("Hong Kong")
    assert not {"EU", "UN", "ZZ", "XK", "AC"} & set(names)


def test_country_messages():
    assert country_problem("NO") is None
    assert country_problem("no") == 'country codes are written in capitals: "NO"'
    assert country_problem("UK") == '"UK" is not an ISO 3166-1 code; United Kingdom is "GB"'
    assert country_problem("Germany") == 'must be a two-letter ISO 3166-1 code: "DE"'
    assert country_problem("Germny") == 'must be a two-letter ISO 3166-1 code; did you mean "DE" (Germany)?'
    assert country_problem("EU").startswith('unknown country code "EU" (not ISO 3166-1 alpha-2)')
