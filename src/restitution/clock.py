"""The date printed on documents: --date, else SOURCE_DATE_EPOCH, else today.

Fixing the date is what makes a rendering reproducible byte for byte.
"""
from __future__ import annotations

import datetime as dt
import os

from restitution.errors import UsageError


def parse_date(text: str, option: str = "--date") -> dt.date:
    try:
        return dt.date.fromisoformat(text.strip())
    except ValueError:
        raise UsageError(f"{option} {text!r}: not a date; write it as YYYY-MM-DD, e.g. 2026-11-20") from None


def document_date(explicit: str | None = None, option: str = "--date") -> dt.date:
    if explicit:
        return parse_date(explicit, option)
    epoch = os.environ.get("SOURCE_DATE_EPOCH")
    if epoch:
        try:
            return dt.datetime.fromtimestamp(int(epoch), tz=dt.timezone.utc).date()
        except (ValueError, OverflowError, OSError):
            raise UsageError(f"SOURCE_DATE_EPOCH {epoch!r}: not a number of seconds since 1970") from None
    return dt.date.today()
