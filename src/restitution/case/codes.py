"""Identifier checks: USCC (GB 32100-2015), ISO 4217 currencies, ISO 3166-1 countries.

Each check returns None when the value is right and otherwise a message
that says what is wrong and, where there is one, the likely fix.
"""
from __future__ import annotations

from functools import lru_cache

from babel import Locale
from babel.numbers import list_currencies

from restitution.case.problems import suggest
from restitution.errors import shown

# GB 32100-2015: the 31 characters of the code, in the order of their values.
USCC_CHARSET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
USCC_LENGTH = 18

# Babel's territories include codes that ISO 3166-1 has not assigned to a
# country: exceptional reservations (AC, CP, CQ, DG, EA, IC, TA), groupings
# (EU, EZ, UN, QO) and user-assigned codes (XA, XB, XK, ZZ).
_NOT_ISO_COUNTRIES = frozenset({"AC", "CP", "CQ", "DG", "EA", "IC", "TA", "EU", "EZ", "UN", "QO", "XA", "XB", "XK", "ZZ"})
# ISO 4217 "X" codes that are not money: precious metals, units of account,
# the testing code and "no currency".
_NOT_MONEY = frozenset({"XAG", "XAU", "XPD", "XPT", "XBA", "XBB", "XBC", "XBD", "XDR", "XSU", "XUA", "XTS", "XXX"})
# Tried first for "did you mean": a typo for USD should not suggest UZS.
_TRADE_CURRENCIES = ("USD", "EUR", "CNY", "GBP", "HKD", "JPY", "AUD", "CAD", "CHF", "SGD", "AED", "INR", "KRW", "NZD", "SEK", "NOK", "DKK", "PLN", "BRL", "MXN", "ZAR", "TRY", "SAR", "ILS", "RUB")
# Codes people write that ISO does not use, and the code they mean.
_COUNTRY_ALIASES = {"UK": "GB", "EL": "GR"}


def uscc_check_digit(first17: str) -> str:
    """The 18th character of a unified social credit code (GB 32100-2015).

    Weights are 3^i mod 31 for positions i = 0..16; the check value is
    31 - (sum mod 31), and 31 itself is written as 0.
    """
    total = sum(USCC_CHARSET.index(ch) * pow(3, i, 31) for i, ch in enumerate(first17))
    value = 31 - total % 31
    return USCC_CHARSET[0 if value == 31 else value]


def uscc_problem(code: str) -> str | None:
    if len(code) != USCC_LENGTH:
        return f"must be {USCC_LENGTH} characters, found {len(code)}"
    if code != code.upper() and _uscc_chars_ok(code.upper()):
        # Not echoed: an 18-character identity number typed here would be.
        return "must be written in capitals (letters A-H J-N P-R T-U W-Y)"
    for position, ch in enumerate(code, start=1):
        if ch not in USCC_CHARSET:
            return (
                f'character "{ch}" at position {position} is not used in a USCC '
                "(allowed: 0-9 and A-H J-N P-R T-U W-Y; I, O, S, V and Z never occur)"
            )
    expected = uscc_check_digit(code[:17])
    if code[17] != expected:
        return f"check digit should be {expected}, not {code[17]}"
    return None


def same_uscc(a: object, b: object) -> bool:
    """Two values name one registered company: the same USCC (a code is written in capitals, so
    only surrounding spaces are ignored). Anything not a code names none."""
    return isinstance(a, str) and isinstance(b, str) and bool(a.strip()) and a.strip() == b.strip()


def _uscc_chars_ok(code: str) -> bool:
    return all(ch in USCC_CHARSET for ch in code)


@lru_cache(maxsize=1)
def currencies() -> frozenset[str]:
    return frozenset(c for c in list_currencies() if len(c) == 3 and c.isalpha() and c not in _NOT_MONEY)


@lru_cache(maxsize=1)
def countries() -> dict[str, str]:
    """ISO 3166-1 alpha-2 code -> English name."""
    names = Locale("en").territories
    return {
        code: name
        for code, name in names.items()
        if len(code) == 2 and code.isalpha() and code not in _NOT_ISO_COUNTRIES
    }


def currency_problem(code: str) -> str | None:
    if code in currencies():
        return None
    if code.upper() in currencies():
        return f'currency codes are written in capitals: "{code.upper()}"'
    named = _currency_by_name(code)
    if named:
        return f'must be an ISO 4217 code such as "{named}", not a name'
    best = suggest(code.upper(), _TRADE_CURRENCIES, cutoff=0.6) or suggest(code.upper(), sorted(currencies()), cutoff=0.6)
    hint = f'; did you mean "{best}"?' if best else ""
    return f'unknown currency {shown(code)} (not an ISO 4217 code){hint}'


def _currency_by_name(text: str) -> str | None:
    if len(text) <= 3:
        return None
    names = Locale("en").currencies
    wanted = text.strip().lower()
    for code, name in names.items():
        if code in currencies() and name.lower() == wanted:
            return code
    return None


def country_problem(code: str) -> str | None:
    known = countries()
    if code in known:
        return None
    if code.upper() in _COUNTRY_ALIASES:
        alias = _COUNTRY_ALIASES[code.upper()]
        return f'"{code.upper()}" is not an ISO 3166-1 code; {known[alias]} is "{alias}"'
    if code.upper() in known:
        return f'country codes are written in capitals: "{code.upper()}"'
    if len(code) > 2:
        by_name = {name.lower(): c for c, name in known.items()}
        if code.strip().lower() in by_name:
            return f'must be a two-letter ISO 3166-1 code: "{by_name[code.strip().lower()]}"'
        best = suggest(code, list(by_name), cutoff=0.75)
        if best:
            return f'must be a two-letter ISO 3166-1 code; did you mean "{by_name[best]}" ({known[by_name[best]]})?'
        return f'must be a two-letter ISO 3166-1 code such as "US" or "DE", not {shown(code)}'
    best = suggest(code.upper(), sorted(known), cutoff=0.5)
    hint = f'; did you mean "{best}" ({known[best]})?' if best else ""
    return f'unknown country code {shown(code)} (not ISO 3166-1 alpha-2){hint}'


# Hong Kong Companies Registry numbers are 7 digits for older companies and 8 for
# newer ones, and are commonly written with leading zeros ("0123456", "03217845"):
# "3217845" and "03217845" are one company. The canonical form, used to compare
# numbers and to name a joint schedule, is the number zero-padded to 8 digits.
# The case keeps the number as written, and documents print it that way.
HK_COMPANY_DIGITS = 8


def hk_company_key(number: str) -> str:
    """The canonical form of a (validated, 1-8 digit) Hong Kong company number."""
    return number.strip().zfill(HK_COMPANY_DIGITS)


# GB 11643-1999 公民身份号码: 6-digit area code, 8-digit birth date, 3-digit
# sequence, check character per ISO 7064 MOD 11-2 (weights 2^(17-i) mod 11).
PRC_ID_LENGTH = 18
_PRC_ID_WEIGHTS = tuple(pow(2, 17 - i, 11) for i in range(17))
_PRC_ID_CHECK = "10X98765432"  # indexed by the weighted sum mod 11


def prc_id_check_digit(first17: str) -> str:
    return _PRC_ID_CHECK[sum(int(ch) * w for ch, w in zip(first17, _PRC_ID_WEIGHTS)) % 11]


def looks_like_prc_id(value: str) -> bool:
    """How an identity number is told from a passport number: a PRC resident identity
    number is all digits, the last one possibly X, and 15 (first generation, invalid since
    2013) or 18 long; no passport number is 15 or more digits long (the longest national
    passport numbers are 9 to 10 characters), so anything else is read as a passport."""
    body = value[:-1] if value[-1:] in "Xx" else value
    return len(value) >= 15 and body.isascii() and body.isdigit()


def prc_id_problem(value: str) -> str | None:
    """None for a valid 18-character identity number; a message otherwise (never echoing it)."""
    import datetime as dt

    if len(value) == 15:
        return ("a 15-digit identity number of the first generation is no longer valid (since 2013); "
                "give the 18-character number")
    if len(value) != PRC_ID_LENGTH:
        return f"an identity number (公民身份号码) has {PRC_ID_LENGTH} characters, found {len(value)}"
    if not value[:17].isdigit():
        return "only the last character of an identity number may be X"
    try:
        dt.date(int(value[6:10]), int(value[10:12]), int(value[12:14]))
    except ValueError:
        return "characters 7-14 of an identity number are the date of birth (YYYYMMDD) and are not a real date"
    expected = prc_id_check_digit(value[:17])
    if value[17].upper() != expected:
        return f"the check character (GB 11643-1999) should be {expected}, not {value[17]}: a digit is mistyped"
    if value[17] == "x":
        return "write the check character as a capital X"
    return None
