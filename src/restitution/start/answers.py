"""Checking one typed answer: dates, amounts, codes, files; each check returns a message or None.

The interview runs these as the user types (the terminal shows the message
and refuses Enter until it is gone), so a wrong USCC or date is fixed at the
question, not after seven runs of `validate`. They reuse the loader's own
checks (`case.codes`, `case.evidence`), so an answer accepted here is
accepted by the loader. An empty answer always passes: every question can be
skipped and answered later in the file.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal, InvalidOperation
from pathlib import Path
from typing import Callable

from restitution.case import codes
from restitution.case.evidence import resolve_file
from restitution.case.fields import Invalid

Check = Callable[[str], "str | None"]

CASE_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$")
LAST4 = re.compile(r"^\d{4}$")

# What cannot be bound, by suffix: the medium an exhibit file of this type is provided as.
VIDEO = frozenset({".mp4", ".mov", ".avi", ".mkv", ".webm", ".m4v", ".3gp", ".wmv"})
AUDIO = frozenset({".mp3", ".m4a", ".wav", ".ogg", ".aac", ".amr", ".flac", ".opus"})


def optional(check: Check) -> Check:
    return lambda text: None if not text.strip() else check(text.strip())


def date(text: str) -> str | None:
    try:
        dt.date.fromisoformat(text)
    except ValueError:
        return "write the date as YYYY-MM-DD, e.g. 2026-06-05"
    if not re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
        return "write the date as YYYY-MM-DD, e.g. 2026-06-05"
    return None


def amount(text: str) -> str | None:
    try:
        value = Decimal(text.replace(",", ""))
    except InvalidOperation:
        return "write the amount in figures, e.g. 17500.00 (no currency sign)"
    if not value.is_finite() or value <= 0:
        return "the amount must be more than 0"
    if value != value.quantize(Decimal("0.01")):
        return "at most 2 decimal places"
    return None


def rate(text: str) -> str | None:
    try:
        value = Decimal(text)
    except InvalidOperation:
        return "write the rate as a number, e.g. 7.10"
    return None if value.is_finite() and value > 0 else "the rate must be more than 0"


def uscc(text: str) -> str | None:
    problem = codes.uscc_problem(text)
    return None if problem is None else f"the code {problem}"


def country(text: str) -> str | None:
    return codes.country_problem(text)


def currency(text: str) -> str | None:
    return codes.currency_problem(text)


def case_id(text: str) -> str | None:
    return None if CASE_ID.match(text) else "use letters, digits, '.', '_' or '-' (it names the output files)"


def last4(text: str) -> str | None:
    return None if LAST4.match(text) else "the last 4 digits only (never the whole card number)"


def one_of(choices: tuple[str, ...]) -> Check:
    return lambda text: None if text in choices else f"answer one of: {', '.join(choices)}"


def evidence_file(base_dir: Path) -> Check:
    """A path relative to the case file's folder, that exists there."""
    def check(text: str) -> str | None:
        try:
            resolve_file(text, base_dir)
        except Invalid as err:
            return str(err)
        return None
    return check


def medium_of(path: str) -> str:
    """The medium a file is provided as: a bindable file, or a recording provided separately."""
    from restitution.exhibits.files import SUFFIXES

    suffix = Path(path).suffix.lower()
    if suffix in SUFFIXES:
        return "file"
    return "video" if suffix in VIDEO else "audio" if suffix in AUDIO else "other"


def yes(text: str) -> bool | None:
    """y/yes -> True, n/no -> False, empty -> None (skipped)."""
    t = text.strip().lower()
    return None if not t else t in ("y", "yes")
