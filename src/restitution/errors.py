"""Errors that carry a location and an exit code.

Every problem the user can fix is a `RestitutionError`: it prints as
``file:line key.path: message`` and maps to an exit code (1 for content,
2 for usage). Several problems found in one pass travel together as an
`ErrorList`, so the user sees all of them at once.

Messages go to a terminal and into logs, so text that came from a user's
file passes through two helpers here before it is quoted: `printable` (no
control character, escape sequence or invisible direction mark reaches the
terminal: they are written as ``\\x1b``, ``\\u202e``) and `shown` (a value
that looks like an account, card, passport or identity number is reduced to
its last four characters). `RestitutionError.__str__` applies `printable`
once more as a net, so a message built elsewhere cannot smuggle an escape
sequence either. The trade-off of `shown`: a heuristic, erring on the side
of hiding — a reference such as ``FT26156XYZ`` typed into a date field is
masked too, which costs the user a look at line N of their own file.
"""
from __future__ import annotations

import re
import unicodedata
from collections.abc import Sequence

from restitution.records import record

EXIT_CONTENT = 1
EXIT_USAGE = 2

# C0 and C1 controls (ESC starts terminal sequences), DEL, and the invisible format
# characters (Unicode category Cf: direction marks, overrides, zero-width characters)
# and line separators, which reorder or hide what a message shows.
_UNPRINTABLE = re.compile(r"[\x00-\x1f\x7f-\x9f\u2028\u2029]|[^\x00-\x7f]")
_KEEP_IN_MESSAGES = "\n\t"


def _escape(ch: str) -> str:
    n = ord(ch)
    return f"\\x{n:02x}" if n < 0x100 else f"\\u{n:04x}" if n < 0x10000 else f"\\U{n:08x}"


def printable(text: str, limit: int | None = None, *, keep: str = "") -> str:
    """`text` with every control and invisible format character escaped, cut to `limit`
    characters with an ellipsis. Letters of any script are kept as they are."""
    if limit is not None and len(text) > limit:
        text = text[: limit - 1] + "…"

    def repl(m: re.Match) -> str:
        ch = m.group()
        if ch in keep:
            return ch
        if ord(ch) > 0x9F and ch not in "\u2028\u2029" and unicodedata.category(ch) != "Cf":
            return ch
        return _escape(ch)

    return _UNPRINTABLE.sub(repl, text)


# A run of 9 or more digits, spaces, dots or dashes allowed between them: card numbers
# (12-19), bank accounts and IBANs, Chinese identity numbers (18), phone numbers. Dates
# (05/06/2026) and amounts (25000.005) have at most 8 digits in a run and stay visible.
_DIGIT_RUN = re.compile(r"\d(?:[ .\-]?\d){8,}")
# A word of 6 or more capitals and digits with at least 3 digits and one letter:
# passport numbers (P9X41Q77Z), IBANs, HKID numbers, tax numbers.
_CODE_WORD = re.compile(r"\b(?=[A-Z0-9]*[A-Z])(?=(?:[A-Z]*[0-9]){3})[A-Z0-9]{6,}\b")


def looks_sensitive(text: str, *, address_ok: bool = False) -> bool:
    """True when `text` may hold an account, card, passport or identity number, or
    (unless `address_ok`, for the e-mail field itself) an e-mail address."""
    return bool(_DIGIT_RUN.search(text) or _CODE_WORD.search(text.upper()) or ("@" in text and not address_ok))


def mask(text: str) -> str:
    """A sensitive value as it may be printed: only its last four characters."""
    compact = re.sub(r"[\s.\-/]", "", text)  # "DE89 3704 ... 00" ends in "3000", not "0 00"
    return f"…{printable(compact[-4:])}" if len(compact) > 4 else "…"


def shown(value: str, limit: int = 40, *, quote: bool = True, address_ok: bool = False) -> str:
    """A user's value as a message may quote it, in double quotes: escaped, shortened,
    and reduced to its last four characters when it looks like a personal number."""
    q = '"' if quote else ""
    if looks_sensitive(value, address_ok=address_ok):
        return f"{q}{mask(value)}{q} (shown in part: it may be a personal number or address)"
    return f"{q}{printable(value, limit)}{q}"


def redact(text: str, limit: int | None = None) -> str:
    """Free text for a message (the words around a bad character, say), with every
    word that holds 4 or more digits, or an @, replaced by "…", and every control
    escaped. Stricter than `shown`: such an excerpt is often cut in the middle of a
    number, and a fragment of an identity number is still part of it."""
    text = _DIGIT_RUN.sub("…", text)
    text = re.sub(r"[^\s,;:()“”\"']+", lambda m: "…" if _redacted_word(m.group()) else m.group(), text)
    return printable(text, limit)


def _redacted_word(word: str) -> bool:
    return "@" in word or sum(ch.isdigit() for ch in word) >= 4 or bool(_CODE_WORD.fullmatch(word.upper()))


@record
class Location:
    file: str | None = None
    line: int | None = None
    path: str | None = None  # key path such as "payments[1].card.last4"

    def __str__(self) -> str:
        head = ""
        if self.file:
            head = self.file if self.line is None else f"{self.file}:{self.line}"
        elif self.line is not None:
            head = f"line {self.line}"
        parts = [p for p in (head, self.path) if p]
        return printable(" ".join(parts))


class RestitutionError(Exception):
    """A problem the user can fix; never shown with a traceback."""

    exit_code = EXIT_CONTENT

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        loc = str(self.location) if self.location else ""
        message = printable(self.message, keep=_KEEP_IN_MESSAGES)
        return f"{loc}: {message}" if loc else message

    def lines(self) -> list[str]:
        return [str(self)]


class UsageError(RestitutionError):
    exit_code = EXIT_USAGE


class CaseError(RestitutionError):
    """One problem in a case file."""


class TemplateError(RestitutionError):
    """A template that cannot be compiled or rendered (syntax, sandbox, undefined)."""


class DocumentNotApplicable(RestitutionError):
    """The case lacks what a document needs (e.g. no card payment for a chargeback letter)."""


class OutputError(RestitutionError):
    """Writing would overwrite a file, or a target cannot be written."""


class ErrorList(RestitutionError):
    """Several errors reported together, in file order."""

    def __init__(self, errors: Sequence[RestitutionError]):
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))
        codes = {e.exit_code for e in self.errors}
        self.exit_code = max(codes) if codes else EXIT_CONTENT

    def lines(self) -> list[str]:
        out: list[str] = []
        for e in self.errors:
            out.extend(e.lines())
        return out
