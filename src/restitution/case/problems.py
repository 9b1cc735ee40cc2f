"""Collecting the problems of one case file so they are reported together.

Loading never stops at the first mistake: every stage adds what it finds to
a `Problems` collector, and the loader raises one `ErrorList` at the end,
sorted by line, so a user fixes a file in one round instead of ten.
"""
from __future__ import annotations

import difflib
from typing import Iterable

from restitution.errors import CaseError, ErrorList, Location, RestitutionError
from restitution.records import record


@record
class Finding:
    """One problem of a case file (named apart from checks.variables.Problem, a template's)."""

    line: int | None
    path: str | None
    message: str


# Beyond this many problems a file is not a case file with mistakes but the
# wrong file; listing (and computing suggestions for) more helps nobody.
MAX_PROBLEMS = 200


class Problems:
    def __init__(self) -> None:
        self._items: list[Finding] = []
        self.dropped = 0

    @property
    def full(self) -> bool:
        return len(self._items) >= MAX_PROBLEMS

    def add(self, line: int | None, path: str | None, message: str) -> None:
        if self.full:
            self.dropped += 1
            return
        self._items.append(Finding(line, path or None, message))

    def __len__(self) -> int:
        return len(self._items) + self.dropped

    def __bool__(self) -> bool:
        return bool(self._items)

    def __iter__(self):
        return iter(self._items)

    def error_list(self, filename: str) -> ErrorList:
        # Stable sort: problems on one line keep the order they were found in.
        items = sorted(self._items, key=lambda p: p.line if p.line is not None else 0)
        seen: set[Finding] = set()
        errors: list[RestitutionError] = []
        for p in items:
            if p in seen:
                continue
            seen.add(p)
            errors.append(CaseError(p.message, Location(filename, p.line, p.path)))
        if self.dropped:
            errors.append(CaseError(f"{self.dropped} more problems not listed; fix the ones above first", Location(filename)))
        return ErrorList(errors)


def suggest(word: str, choices: Iterable[str], *, cutoff: float = 0.6) -> str | None:
    """The nearest of `choices` to `word`, for "did you mean ...?"."""
    choices = list(choices)
    lowered = {c.lower(): c for c in choices}
    if word.lower() in lowered:
        return lowered[word.lower()]
    found = difflib.get_close_matches(word.lower(), list(lowered), n=1, cutoff=cutoff)
    return lowered[found[0]] if found else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """' Did you mean "x"?' or an empty string."""
    best = suggest(word, choices)
    return f'; did you mean "{best}"?' if best else ""
