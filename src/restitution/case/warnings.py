"""The warnings channel: what a valid case file says that does not add up.

An error stops a command; a warning does not. A case file can be valid and
still state a flag its own dates contradict, leave a payment without proof,
or give an exchange-rate date on which no rate is published. `validate` and
`render` print each warning located like an error (``case.yaml:41
outcome.last_contact: …``) and exit 0; with ``--strict`` the warnings are
errors (exit 1, nothing written).

Checks are registered in `CHECKS` as ``"module:function"`` names, imported
when the channel runs, one line each, so that any part of the toolkit can
add one without this module importing it (and `validate` stays light). A
check takes the case and the date of the documents and returns
`CaseWarning` values. Trade-off: a check's messages are English lines for
the terminal, like errors, not catalogue phrases: they address the user of
the command, never a reader of a document.
"""
from __future__ import annotations

import datetime as dt
import importlib
from typing import Callable, Iterable

from restitution.case.model import Case
from restitution.errors import CaseError, ErrorList
from restitution.records import record


@record
class CaseWarning:
    path: str  # the key path the warning is about
    message: str  # what is wrong, and what to do

    def located(self, case: Case) -> str:
        """``file:line key.path: message``."""
        return f"{case.locate(self.path)}: {self.message}"


Check = Callable[[Case, dt.date], Iterable[CaseWarning]]

# "module:function" of every check, in the order they report.
CHECKS: tuple[str, ...] = (
    "restitution.case.crosscheck:indicators",
    "restitution.case.crosscheck:payment_proof",
    "restitution.case.crosscheck:rate_date",
    "restitution.case.crosscheck:payment_rates",
    "restitution.case.crosscheck:travel_permit",
    "restitution.case.crosscheck:settlement_signed",
    "restitution.case.crosscheck:signing_facts",
    "restitution.case.crosscheck:signatory_not_listed",
    "restitution.case.crosscheck:future_receipts",
    "restitution.rules.conduct:undeclared",
    "restitution.case.crosscheck:exhibit_language",
    "restitution.case.crosscheck:trademark_registration",
    "restitution.case.crosscheck:nonconformity_notice",
    "restitution.rules.residence:unrecorded_residence",
    # more checks are registered here, one line each
)


def _load(name: str) -> Check:
    module, _, attr = name.partition(":")
    return getattr(importlib.import_module(module), attr)


def collect(case: Case, date: dt.date) -> list[CaseWarning]:
    """Every warning of the case, each once, in the order of `CHECKS`."""
    seen: list[CaseWarning] = []
    for name in CHECKS:
        for w in _load(name)(case, date):
            if w not in seen:
                seen.append(w)
    return seen


def as_errors(case: Case, found: list[CaseWarning]) -> ErrorList:
    """The warnings as located errors, for ``--strict``."""
    return ErrorList([CaseError(f"{w.message} (a warning, an error under --strict)", case.locate(w.path))
                      for w in found])

