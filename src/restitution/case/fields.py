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
from restitution.case.characters import digit_problem, invisible_problem
from restitution.case.problems import did_you_mean
from restitution.case.spec import SCHEMA_VERSION, Field
from restitution.errors import printable, shown


class Invalid(ValueError):
    """The value of one key is wrong; the message says why."""


# YAML 1.2 booleans. yes/no/on/off are refused on purpose: in YAML 1.1 they
# were booleans, and a reader who expects that should be told, not guessed at.
TRUE = frozenset({"true", "True", "TRUE"})
FALSE = frozenset({"false", "False", "FALSE"})
_YAML11_BOOLS = frozenset({"yes", "no", "on", "off", "y", "n"})

# [0-9], never \d: Python's \d and int() also read Arabic-Indic and full-width digits.
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_NUMBER = re.compile(r"[+-]?([0-9]+)(?:\.([0-9]+))?")
_INT = re.compile(r"[+-]?([0-9]+)")
_CASE_ID = re.compile(r"[A-Za-z0-9._-]+")
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s.]+")
_SWIFT = re.compile(r"[A-Z]{6}[A-Z0-9]{2}(?:[A-Z0-9]{3})?")
_HK_COMPANY_NO = re.compile(r"[0-9]{1,8}")
# A CNIPA trademark registration number, or G + an international (Madrid) registration number
# extended to China ([R] on the G form: how the CNIPA register lists such a registration).
_TRADEMARK_NO = re.compile(r"G?[0-9]{1,10}")
_MAX_CASE_ID = 64
# A case id names the case's folder in a batch output folder, beside the files
# the batch itself writes there (batch/run.py, cli/batch.py): the manifest and
# the joint schedules "<USCC or HK number>_victims_schedule_<lang>.<ext>".
# Compared casefolded: on macOS and Windows "Batch_Manifest.JSON" is the same file.
# tests/batch checks that every top-level name a batch writes is refused here.
BATCH_MANIFEST = "batch_manifest.json"
SCHEDULE_MARK = "_victims_schedule_"
RESERVED_IDS = frozenset({BATCH_MANIFEST})
_DEVICE_NAMES = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(10)), *(f"lpt{i}" for i in range(10))})
# Amounts below a trillion (12 digits before the point) in any currency: more is a
# typo, not a claim. The bound also keeps every derived figure printable: the CNY
# equivalent (amount x cny_rate, a rate of at most 1,000) stays below 10^15, the
# limit of the amount-in-words formatters. Counted before any conversion, so a
# 5,000-digit number costs nothing.
MAX_INTEGER_DIGITS = 12
MAX_AMOUNT = Decimal(10) ** MAX_INTEGER_DIGITS
_MAX_INT_DIGITS = 9  # whole-number keys (deadline_days) are small counts
# Dates of a dispute: a supplier may have been registered long ago, and date
# arithmetic (a deadline 365 days on) must never leave the calendar.
MIN_YEAR, MAX_YEAR = 1900, 2100


def _show(text: str, limit: int = 40) -> str:
    """A value inside quotes already written by the caller: escaped, shortened, masked."""
    return shown(text, limit, quote=False)


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
        raise Invalid(f'must be an ISO date YYYY-MM-DD such as 2026-06-02, not {shown(value)}')
    year, month, day = (int(x) for x in value.split("-"))
    if not 1 <= month <= 12:
        raise Invalid(f"{value} is not a real date: there is no month {month}")
    if not MIN_YEAR <= year <= MAX_YEAR:
        raise Invalid(f"{value} is not a plausible date: the year must be from {MIN_YEAR} to {MAX_YEAR}")
    days = calendar.monthrange(year, month)[1]
    if not 1 <= day <= days:
        month_name = calendar.month_name[month]
        raise Invalid(f"{value} is not a real date: {month_name} {year} has {days} days")
    return dt.date(year, month, day)


def _decimal(f: Field, raw: str, what: str) -> Decimal:
    value = raw.strip()
    m = _NUMBER.fullmatch(value)
    if not m:
        if re.fullmatch(r"[+-]?[0-9,]+(\.[0-9]+)?", value):
            raise Invalid(f'write {what} without thousands separators, e.g. 25000.00, not {shown(value)}')
        raise Invalid(f'must be a number such as 25000.00, not {shown(value)}')
    whole, frac = m.group(1), m.group(2) or ""
    if len(whole.lstrip("0")) > MAX_INTEGER_DIGITS:
        raise Invalid(f"too large: more than {MAX_INTEGER_DIGITS} digits before the decimal point "
                      f"(the limit is {MAX_AMOUNT:,} less one cent)")
    if len(frac) > f.places:
        raise Invalid(f"at most {f.places} decimal places allowed, found {len(frac)} ({_show(value)})")
    # From here the value is a decimal of at most 12 digits before the point: an
    # amount, not a card number, so it is printed as it is.
    try:
        number = Decimal(value)
    except InvalidOperation:  # pragma: no cover - the pattern above admits only valid decimals
        raise Invalid(f'must be a number, not {shown(value)}') from None
    if number < 0 or (number == 0 and not f.allow_zero):
        raise Invalid(f"must be {'zero or more' if f.allow_zero else 'positive'}, found {value}")
    if f.maximum is not None and number > f.maximum:
        raise Invalid(f"must be at most {f.maximum:,}, found {value}")
    return number


def money(f: Field, raw: str) -> Decimal:
    return _decimal(f, raw, "amounts")


def decimal(f: Field, raw: str) -> Decimal:
    return _decimal(f, raw, "numbers")


def integer(f: Field, raw: str) -> int:
    value = raw.strip()
    m = _INT.fullmatch(value)
    if not m:
        raise Invalid(f'must be a whole number, not {shown(value)}')
    if len(m.group(1).lstrip("0")) > _MAX_INT_DIGITS:
        # int() of thousands of digits is slow, and Python refuses beyond 4,300.
        raise Invalid(f"too large: more than {_MAX_INT_DIGITS} digits"
                      + (f" (at most {f.maximum})" if f.maximum is not None else ""))
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
    raise Invalid(f'must be true or false, not {shown(value)}')


def enum(f: Field, raw: str) -> str:
    value = raw.strip()
    if value in f.choices:
        return value
    hint = did_you_mean(value, f.choices)
    raise Invalid(f'{shown(value)} is not one of {", ".join(f.choices)}{hint}')


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
        found = "a space" if bad == " " else f'"{printable(bad)}"'
        raise Invalid(f'only letters, digits, ".", "_" and "-" are allowed; found {found}')
    if value.startswith("."):
        raise Invalid("must not start with a dot (it names output files)")
    if value.endswith("."):
        raise Invalid("must not end with a dot (Windows drops it, so two cases would share a folder)")
    if len(value) > _MAX_CASE_ID:
        raise Invalid(f"must be at most {_MAX_CASE_ID} characters, found {len(value)}")
    folded = value.casefold()
    if folded in RESERVED_IDS or SCHEDULE_MARK in folded:
        raise Invalid(f'"{value}" is the name of a file the batch command writes beside the case folders; '
                      "choose another id")
    if folded.split(".")[0] in _DEVICE_NAMES:
        raise Invalid(f'"{value}" is a device name on Windows and cannot name a folder; choose another id')
    return value


def email(f: Field, raw: str) -> str:
    value = line(f, raw)
    if not _EMAIL.fullmatch(value):
        # The user's own address is quoted to help find the typo; a number typed here is not.
        raise Invalid(f'{shown(value, address_ok=True)} is not an e-mail address')
    return value


def url(f: Field, raw: str) -> str:
    value = line(f, raw)
    if not re.match(r"https?://[^\s/]+\.[^\s]+", value):
        raise Invalid(f'must be a web address starting with https:// or http://, not {shown(value)}')
    return value


def swift(f: Field, raw: str) -> str:
    value = line(f, raw)
    if not _SWIFT.fullmatch(value):
        raise Invalid(f'{shown(value)} is not a SWIFT/BIC code (8 or 11 letters and digits, e.g. FEXBUS33)')
    return value


def hk_company_no(f: Field, raw: str) -> str:
    value = line(f, raw)
    if not _HK_COMPANY_NO.fullmatch(value):
        raise Invalid(f'must be the Companies Registry number (up to 8 digits), not {shown(value)}')
    if not value.strip("0"):
        raise Invalid("must be the Companies Registry number, not zero")
    return value


def trademark_no(f: Field, raw: str) -> str:
    value = line(f, raw)
    if not _TRADEMARK_NO.fullmatch(value) or not value.lstrip("G").strip("0"):
        raise Invalid(f"must be the registration number as the CNIPA register gives it: digits (e.g. 12345678), "
                      f"or G and the international registration number (e.g. G1234567); not {shown(value)}")
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
    "trademark_no": trademark_no,
    "file": file_path,
}


_FREE_TEXT = frozenset({"text", "line"})
_DIGITS_ONLY_ASCII = frozenset(CONVERTERS) - _FREE_TEXT


def convert(f: Field, raw: str) -> object:
    free = f.kind in _FREE_TEXT
    problem = invisible_problem(raw, free_text=free)
    if problem is None and f.kind in _DIGITS_ONLY_ASCII:
        problem = digit_problem(raw)
    if problem:
        raise Invalid(problem)
    return CONVERTERS[f.kind](f, raw)
