"""PRC public holidays, from the `holidays` library, kept on disk by year.

Two questions need the PRC calendar: whether the central parity was published
on a payment's rate date (`rules.facts.rate_day_problem`) and whether a plan's
last day falls on a day off (`plan.steps.day_off`). The `holidays` package
answers both, but importing it loads every country it knows (about 300 modules,
40 to 65 ms here), which every `render` and `validate` would pay for a handful
of dates.

So a year's holidays, once computed, are written to the user's cache folder
(`restitution.cache`) as JSON and read back in well under a millisecond. The
entry's name carries what decides its content: the installed `holidays`
release (its dist-info folder) and a hash of its China module, so a new
release or a patched calendar gives a new entry. The trade-off is one small
file per year used; a missing, corrupt or unwritable folder only means
importing `holidays` as before, never a different answer.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
from functools import lru_cache
from pathlib import Path

from restitution import cache
from restitution.cache import cache_dir

# A year's calendar that `holidays` cannot compute (outside its data) is stored as this.
_UNKNOWN = None


def holiday_name(day: dt.date) -> str | None:
    """The English name of the PRC public holiday on `day`, or None (a working day, a
    weekend, or a year the calendar does not cover)."""
    year = _year(day.year)
    return None if year is None else year.get(day.isoformat())


@lru_cache(maxsize=None)
def _year(year: int) -> dict[str, str] | None:
    path = _entry(year)
    if path is not None:
        try:
            stored = json.loads(path.read_text(encoding="utf-8"))
            if stored is None or isinstance(stored, dict):
                return stored
        except (OSError, ValueError):
            pass  # missing or torn: compute it again, and rewrite it
    days = _compute(year)
    if path is not None:
        _store(path, days)
    return days


def _compute(year: int) -> dict[str, str] | None:
    import holidays

    try:
        calendar = holidays.country_holidays("CN", years=year)
        return {day.isoformat(): name for day, name in sorted(calendar.items())}
    except (NotImplementedError, KeyError, ValueError):  # a year outside the calendar's data
        return _UNKNOWN


@lru_cache(maxsize=1)
def _release() -> str | None:
    """What decides the calendar: the installed release and its China module, or None
    when the package cannot be found without importing it."""
    from importlib.util import find_spec

    spec = find_spec("holidays")
    if spec is None or spec.origin is None:
        return None
    package = Path(spec.origin).parent
    try:
        china = (package / "countries" / "china.py").read_bytes()
        dists = sorted(p.name for p in package.parent.glob("holidays-*.dist-info"))
    except OSError:
        return None
    h = hashlib.sha256(china)
    h.update("\0".join(dists).encode())
    return h.hexdigest()[:20]


def _entry(year: int) -> Path | None:
    release = _release()
    if release is None:
        return None
    try:
        return cache_dir("holidays") / f"CN-{release}-{year}.json"
    except Exception:  # no usable cache folder on this platform: compute every time
        return None


def _store(path: Path, days: dict[str, str] | None) -> None:
    cache.store(path, json.dumps(days, ensure_ascii=False).encode("utf-8"))
