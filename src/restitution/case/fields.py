"""Converting one scalar of the case file (always text) into its typed value.

A converter takes the field's declaration and the text as written, and
returns the value or raises `Invalid` with a message. Messages quote the
offending value only where that is safe: a card or account number written
into the wrong field is never echoed back.
"""
from __future__ import annotations

import calendar
import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from typing import Callable

from restitution.case import codes
from restitution.case.problems import did_you_mean
from restitution.case.spec import SCHEMA_VERSION, Field


class Invalid(ValueError):
    """The value of one key is wrong; the message says why."""


# YAML 1.2 booleans. yes/no/on/off are refused on purpose: in YAML 1.1 they
# were booleans, and a reader who expects that should be told, not guessed at.
TRUE = frozenset({"true", "True", "TRUE"})
FALSE = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n"})

_DATE = re.compile(r"\d{4}-\d{2}-\d{2}")
_NUMBER = re.compile(r"[+-]?(\d+)(?:\.(\d+))?")
_INT = re.compile(r"[+-]?\d+")
_CASE_ID = re.compile(r"[A-Za-z0-9._-]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_SWIFT = re.compile(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
_HK_COMPANY_NO = re.compile(r"\d{1,8}")
_MAX_INTEGER_DIGITS = 15  # a trillion in any currency is a typo, not a claim
_MAX_CASE_ID = 64


def _show(text: str, limit: int = 40) -> str:
    return text if len(text) <= limit else text[: limit - 1] + "…"


# Free text is set in one paragraph, and a paragraph of hundreds of pages costs the
# PDF writer minutes (measured in benchmarks/LIMITS.md): beyond this, evidence belongs
# in an exhibit, not in the case file.
MAX_TEXT = 20_000
MAX_LINE = 1_000


def _length(value: str, limit: int, what: str) -> str:
    if len(value) > limit:
        raise Invalid(f"is {len(value):,} characters long; {what} may have at most {limit:,} "
                      "(put longer material into an exhibit)")
    return value


def text(f: Field, raw: str) -> str:
    # Block scalars keep a final newline; a value is its visible text.
    return _length(raw.strip(), MAX_TEXT, "a text")


def line(f: Field, raw: str) -> str:
    value = _length(raw.strip(), MAX_LINE, "a one-line value")
    if "\n" in value:
        raise Invalid("must be a single line")
    if "\t" in value:
        raise Invalid("must not contain a tab character")
    return value


def ident(f: Field, raw: str) -> str:
    return line(f, raw)


def date(f: Field, raw: str) -> dt.date:
    value = raw.strip()
    if not _DATE.fullmatch(value):
        raise Invalid(f'must be an ISO date YYYY-MM-DD such as 2026-06-02, not "{_show(value)}"')
    year, month, day = (int(x) for x in value.split("-"))
    if not 1 <= month <= 12:
        raise Invalid(f"{value} is not a real date: there is no month {month}")
    if year < 1900:
        raise Invalid(f"{value} is not a plausible date")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_name = calendar.month_name[month]
        raise Invalid(f"{value} is not a real date: {month_name} {year} has {days} days")
    return dt.date(year, month, day)


def _decimal(f: Field, raw: str, what: str) -> Decimal:
    value = raw.strip()
    m = _NUMBER.fullmatch(value)
    if not m:
        if re.fullmatch(r"[+-]?[\d,]+(\.\d+)?", value):
            raise Invalid(f'write {what} without thousands separators, e.g. 25000.00, not "{_show(value)}"')
        raise Invalid(f'must be a number such as 25000.00, not "{_show(value)}"')
    whole, frac = m.group(1), m.group(2) or ""
    if len(whole.lstrip("0")) > _MAX_INTEGER_DIGITS:
        raise Invalid(f"too large: more than {_MAX_INTEGER_DIGITS} digits before the decimal point")
    if len(frac) > f.places:
        raise Invalid(f"at most {f.places} decimal places allowed, found {len(frac)} ({_show(value)})")
    try:
        number = Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        raise Invalid(f'must be a number, not "{_show(value)}"') from None
    if number < 0 or (number == 0 and not f.allow_zero):
        raise Invalid(f"must be {'zero or more' if f.allow_zero else 'positive'}, found {_show(value)}")
    return number


def money(f: Field, raw: str) -> Decimal:
    return _decimal(f, raw, "amounts")


def decimal(f: Field, raw: str) -> Decimal:
    return _decimal(f, raw, "numbers")


def integer(f: Field, raw: str) -> int:
    value = raw.strip()
    if not _INT.fullmatch(value):
        raise Invalid(f'must be a whole number, not "{_show(value)}"')
    number = int(value)
    if f.minimum is not None and number < f.minimum:
        raise Invalid(f"must be at least {f.minimum}, found {number}")
    if f.maximum is not None and number > f.maximum:
        raise Invalid(f"must be at most {f.maximum}, found {number}")
    return number


def schema_version(f: Field, raw: str) -> int:
    number = integer(f, raw)
    if number != SCHEMA_VERSION:
        raise Invalid(f"schema {number} is not supported; this version of restitution reads schema {SCHEMA_VERSION}")
    return number


def boolean(f: Field, raw: str) -> bool:
    value = raw.strip()
    if value in TRUE:
        return True
    if value in FALSE:
        return False
    if value.lower() in _YAML11_BOOLS:
        meant = "true" if value.lower() in {"yes", "on", "y"} else "false"
        raise Invalid(f'must be true or false; write {meant} instead of "{value}"')
    raise Invalid(f'must be true or false, not "{_show(value)}"')


def enum(f: Field, raw: str) -> str:
    value = raw.strip()
    if value in f.choices:
        return value
    hint = did_you_mean(value, f.choices)
    raise Invalid(f'"{_show(value)}" is not one of {", ".join(f.choices)}{hint}')


def currency(f: Field, raw: str) -> str:
    value = raw.strip()
    problem = codes.currency_problem(value)
    if problem:
        raise Invalid(problem)
    return value


def country(f: Field, raw: str) -> str:
    value = raw.strip()
    problem = codes.country_problem(value)
    if problem:
        raise Invalid(problem)
    return value


def uscc(f: Field, raw: str) -> str:
    value = raw.strip()
    problem = codes.uscc_problem(value)
    if problem:
        raise Invalid(problem)
    return value


def last4(f: Field, raw: str) -> str:
    value = raw.strip()
    if not (len(value) == 4 and value.isascii() and value.isdigit()):
        # Never echo: people paste the whole card number here.
        raise Invalid("must be exactly 4 digits (only the last four of the card number)")
    return value


def case_id(f: Field, raw: str) -> str:
    value = raw.strip()
    if not value:
        raise Invalid("must not be empty")
    bad = next((ch for ch in value if not _CASE_ID.fullmatch(ch) or not ch.isascii()), None)
    if bad is not None:
        shown = "a space" if bad == " " else f'"{bad}"'
        raise Invalid(f'only letters, digits, ".", "_" and "-" are allowed; found {shown}')
    if value.startswith("."):
        raise Invalid("must not start with a dot (it names output files)")
    if len(value) > _MAX_CASE_ID:
        raise Invalid(f"must be at most {_MAX_CASE_ID} characters, found {len(value)}")
    return value


def email(f: Field, raw: str) -> str:
    value = line(f, raw)
    if not _EMAIL.fullmatch(value):
        raise Invalid(f'"{_show(value)}" is not an e-mail address')
    return value


def url(f: Field, raw: str) -> str:
    value = line(f, raw)
    if not re.match(r"https?://[^\s/]+\.[^\s]+", value):
        raise Invalid(f'must be a web address starting with https:// or http://, not "{_show(value)}"')
    return value


def swift(f: Field, raw: str) -> str:
    value = line(f, raw)
    if not _SWIFT.fullmatch(value):
        raise Invalid(f'"{_show(value)}" is not a SWIFT/BIC code (8 or 11 letters and digits, e.g. FEXBUS33)')
    return value


def hk_company_no(f: Field, raw: str) -> str:
    value = line(f, raw)
    if not _HK_COMPANY_NO.fullmatch(value):
        raise Invalid(f'must be the Companies Registry number (up to 8 digits), not "{_show(value)}"')
    return value


def file_path(f: Field, raw: str) -> str:
    return line(f, raw)


CONVERTERS: dict[str, Callable[[Field, str], object]] = {
    "text": text,
    "line": line,
    "ident": ident,
    "date": date,
    "money": money,
    "decimal": decimal,
    "int": integer,
    "schema": schema_version,
    "bool": boolean,
    "enum": enum,
    "currency": currency,
    "country": country,
    "uscc": uscc,
    "last4": last4,
    "case_id": case_id,
    "email": email,
    "url": url,
    "swift": swift,
    "hk_company_no": hk_company_no,
    "file": file_path,
}


def convert(f: Field, raw: str) -> object:
    return CONVERTERS[f.kind](f, raw)
