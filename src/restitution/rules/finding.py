"""The answer a rule function gives: does a remedy apply, why, what it needs, by when.

Why, what it needs and what the deadline is are `Reason` values (catalogue
keys with their facts), worded in a language by whoever prints them.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from restitution.records import record
from restitution.rules.citations import Citation
from restitution.rules.reason import Reason

# Where a remedy stands on a day: available ("open"), not available ("closed"),
# "missed" (its last day passed), "not_yet" (too early to file), or "unknown"
# (the case file cannot tell); from the case's history (plan/history.py): "done",
# "pending" (filed, awaiting the other side) or "next" (the step to take now).
Status = Literal["open", "not_yet", "missed", "closed", "unknown", "done", "pending", "next"]


@record
class Finding:
    # True: the remedy is available; False: it is not; None: the case file cannot tell
    applies: bool | None
    why: tuple[Reason, ...]
    needs: tuple[Reason, ...] = ()
    deadline: dt.date | None = None  # last day to act, when the case gives the dates
    deadline_rule: Reason | None = None  # what the deadline is, in words
    citations: tuple[Citation, ...] = ()
    rules: tuple[str, ...] = ()  # ids in restitution.rules.RULES

    def status(self, today: dt.date) -> Status:
        """"open", "closed" (does not apply), "missed" (deadline passed) or "unknown"."""
        if self.applies is False:
            return "closed"
        if self.applies is None:
            return "unknown"
        if self.deadline is not None and today > self.deadline:
            return "missed"
        return "open"
