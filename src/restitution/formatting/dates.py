"""Dates as the documents print them (domain: GB/T 9704-2012 §7.3.5.4)."""
from __future__ import annotations

import datetime as _dt

from restitution.language import Language

from ._locale import check_lang

_MONTHS = (
    "January February March April May June July August September October November December"
).split()


def format_date(d: _dt.date, lang: "Language | str") -> str:
    """en "2 January 2026"; zh and zh-Hant "2026年1月2日" (never zero-padded)."""
    language = check_lang(lang)
    if not isinstance(d, _dt.date):
        raise ValueError(f"format_date needs a date, not {type(d).__name__}")
    if not language.chinese:
        # Day-month-year reads unambiguously on both sides of the Atlantic.
        return f"{d.day} {_MONTHS[d.month - 1]} {d.year}"
    return f"{d.year}年{d.month}月{d.day}日"
