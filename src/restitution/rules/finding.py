"""The answer a rule function gives: does a remedy apply, why, what it needs, by when."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from restitution.rules.citations import Citation


@dataclass(frozen=True)
class Finding:
    # True: the remedy is available; False: it is not; None: the case file cannot tell
    applies: bool | None
    why_en: tuple[str, ...]
    why_zh: tuple[str, ...]
    needs_en: tuple[str, ...] = ()
    needs_zh: tuple[str, ...] = ()
    deadline: dt.date | None = None  # last day to act, when the case gives the dates
    deadline_en: str = ""  # what the deadline is, in words
    deadline_zh: str = ""
    citations: tuple[Citation, ...] = ()
    rules: tuple[str, ...] = ()  # ids in restitution.rules.RULES

    def status(self, today: dt.date) -> str:
        """"open", "closed" (does not apply), "missed" (deadline passed) or "unknown"."""
        if self.applies is False:
            return "closed"
        if self.applies is None:
            return "unknown"
        if self.deadline is not None and today > self.deadline:
            return "missed"
        return "open"
