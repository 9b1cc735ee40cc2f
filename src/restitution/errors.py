"""Errors that carry a location and an exit code.

Every problem the user can fix is a `RestitutionError`: it prints as
``file:line key.path: message`` and maps to an exit code (1 for content,
2 for usage). Several problems found in one pass travel together as an
`ErrorList`, so the user sees all of them at once.
"""
from __future__ import annotations

from dataclasses import dataclass

EXIT_CONTENT = 1
EXIT_USAGE = 2


@dataclass(frozen=True)
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
        return " ".join(parts)


class RestitutionError(Exception):
    """A problem the user can fix; never shown with a traceback."""

    exit_code = EXIT_CONTENT

    def __init__(self, message: str, location: Location | None = None):
        super().__init__(message)
        self.message = message
        self.location = location

    def __str__(self) -> str:
        loc = str(self.location) if self.location else ""
        return f"{loc}: {self.message}" if loc else self.message

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

    def __init__(self, errors: list[RestitutionError]):
        self.errors = list(errors)
        super().__init__("; ".join(str(e) for e in self.errors))
        codes = {e.exit_code for e in self.errors}
        self.exit_code = max(codes) if codes else EXIT_CONTENT

    def lines(self) -> list[str]:
        out: list[str] = []
        for e in self.errors:
            out.extend(e.lines())
        return out
