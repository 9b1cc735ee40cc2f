"""Converting one scalar: dates, money, booleans, enums, identifiers."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import pytest

from restitution.case.fields import Invalid, convert
from restitution.case.spec import Field


def conv(kind: str, raw: str, **kw):
    return convert(Field(kind, "", **kw), raw)


def fails(kind: str, raw: str, **kw) -> str:
    with pytest.raises(Invalid) as info:
        conv(kind, raw, **kw)
    return str(info.value)


def test_dates():
    assert conv("date", "2024-02-29") == dt.date(2024, 2, 29)
    assert fails("date", "2026-02-30") == "2026-02-30 is not a real date: February 2026 has 28 days"
    assert fails("date", "2026-04-31") == "2026-04-31 is not a real date: April 2026 has 30 days"
    assert fails("date", "2026-00-10") == "2026-00-10 is not a real date: there is no month 0"
    assert fails("date", "2026-6-2") == 'must be an ISO date YYYY-MM-DD such as 2026-06-02, not "2026-6-2"'


def test_money_is_decimal_never_float():
    value = conv("money", "12.10")
    assert isinstance(value, Decimal) and value == Decimal("12.10") and str(value) == "12.10"
    assert conv("money", "0.1") + conv("money", "0.2") == Decimal("0.3")
    assert fails("money", "12.505") == "at most 2 decimal places allowed, found 3 (12.505)"
    assert fails("money", "-5") == "must be positive, found -5"
    assert fails("money", "0.00") == "must be positive, found 0.00"
    assert conv("money", "0", allow_zero=True) == Decimal("0")
    assert fails("money", "1e3") == 'must be a number such as 25000.00, not "1e3"'
    assert fails("money", "1,000") == 'write amounts without thousands separators, e.g. 25000.00, not "1,000"'
    assert fails("money", "1" * 13).startswith("too large: more than 12 digits before the decimal point")


def test_decimal_places_follow_the_field():
    assert conv("decimal", "7.123456", places=6) == Decimal("7.123456")
    assert fails("decimal", "2.1234", places=3) == "at most 3 decimal places allowed, found 4 (2.1234)"


def test_integers_with_bounds():
    assert conv("int", "15", minimum=1, maximum=365) == 15
    assert fails("int", "0", minimum=1) == "must be at least 1, found 0"
    assert fails("int", "400", maximum=365) == "must be at most 365, found 400"
    assert fails("int", "15.5") == 'must be a whole number, not "15.5"'


def test_booleans_are_true_or_false_only():
    assert conv("bool", "true") is True and conv("bool", "False") is False
    assert fails("bool", "yes") == 'must be true or false; write true instead of "yes"'
    assert fails("bool", "NO") == 'must be true or false; write false instead of "NO"'
    assert fails("bool", "1") == 'must be true or false, not "1"'


def test_enum_suggests_the_nearest_value():
    f = dict(choices=("wire", "card", "alipay"))
    assert conv("enum", "card", **f) == "card"
    assert fails("enum", "Wire", **f) == '"Wire" is not one of wire, card, alipay; did you mean "wire"?'
    assert fails("enum", "cheque", **f) == '"cheque" is not one of wire, card, alipay'


def test_identifiers_keep_leading_zeros_and_refuse_line_breaks():
    assert conv("ident", "0012345") == "0012345"
    assert fails("line", "two\nlines") == "must be a single line"
    assert conv("text", "two\nlines\n") == "two\nlines"


def test_last4_never_echoes_the_value():
    assert conv("last4", "0042") == "0042"
    message = fails("last4", "4111111111111111")
    assert message == "must be exactly 4 digits (only the last four of the card number)"
    assert "4111" not in message
    assert fails("last4", "42a1") == message


def test_case_id():
    assert conv("case_id", "NW-2026.0042_b") == "NW-2026.0042_b"
    assert fails("case_id", "NW/42") == 'only letters, digits, ".", "_" and "-" are allowed; found "/"'
    assert fails("case_id", "NW 42") == 'only letters, digits, ".", "_" and "-" are allowed; found a space'
    assert fails("case_id", "Nö-1") == 'only letters, digits, ".", "_" and "-" are allowed; found "ö"'
    assert fails("case_id", "..") == "must not start with a dot (it names output files)"
    assert fails("case_id", "x" * 65) == "must be at most 64 characters, found 65"


def test_small_formats():
    assert conv("swift", "FEXBUS33") == "FEXBUS33" and conv("swift", "DNBANOKKXXX") == "DNBANOKKXXX"
    assert fails("swift", "FEXBUS3").startswith('"FEXBUS3" is not a SWIFT/BIC code')
    assert conv("email", "a.b@example.com") == "a.b@example.com"
    assert fails("email", "a.b@example") == '"a.b@example" is not an e-mail address'
    assert conv("url", "https://x.en.alibaba.com") == "https://x.en.alibaba.com"
    assert conv("hk_company_no", "0123456") == "0123456"
    assert conv("schema", "1") == 1
    assert fails("schema", "2") == "schema 2 is not supported; this version of restitution reads schema 1"


def test_sizes_are_bounded_before_any_conversion():
    # Python's int() refuses 4,300+ digits with a ValueError: the digits are counted first.
    huge = "9" * 5000
    assert fails("int", huge, minimum=1, maximum=365) == "too large: more than 9 digits (at most 365)"
    assert fails("money", huge).startswith("too large: more than 12 digits before the decimal point")
    assert fails("decimal", huge + ".5", places=3).startswith("too large")
    assert fails("money", "0." + "1" * 5000).startswith("at most 2 decimal places allowed, found 5000 (")
    assert conv("money", "999999999999.99") == Decimal("999999999999.99")
    assert conv("money", "000000000000000025.00") == Decimal("25.00")  # leading zeros are not size
    assert fails("money", "1000000000000").startswith("too large: more than 12 digits")
    assert fails("decimal", "1000.000001", places=6, maximum=1000) == "must be at most 1,000, found 1000.000001"


def test_dates_stay_within_the_years_a_dispute_can_have():
    assert conv("date", "1900-01-01") == dt.date(1900, 1, 1) and conv("date", "2100-12-31") == dt.date(2100, 12, 31)
    for raw in ("9999-12-31", "2101-01-01", "1899-12-31", "0001-01-01"):
        assert fails("date", raw) == f"{raw} is not a plausible date: the year must be from 1900 to 2100"


def test_a_personal_number_in_the_wrong_field_is_not_echoed():
    secrets = {"4111 1111 1111 1111": "1111", "DE89370400440532013000": "3000", "P9X41Q77Z": "Q77Z",
               "440111198801011234": "1234", "+86 138 0000 0000": "0000"}
    for kind in ("date", "money", "int", "bool", "email", "url", "swift", "hk_company_no", "country", "currency",
                 "enum"):
        for secret, tail in secrets.items():
            message = fails(kind, secret, choices=("a", "b"))
            assert secret not in message and secret.replace(" ", "") not in message, (kind, message)
            if tail in message:
                assert f"…{tail}" in message
    # what a user typed that is no number stays visible, to be found and fixed
    assert fails("date", "05/06/2026").endswith('not "05/06/2026"')
    assert fails("swift", "FEXB-US33").startswith('"FEXB-US33" is not')


def test_messages_escape_terminal_controls():
    for kind in ("date", "money", "enum", "email", "country"):
        message = fails(kind, "\x1b[2J\x9bx", choices=("a",))
        assert "\x1b" not in message and "\x9b" not in message and "\\x1b[2J" in message
