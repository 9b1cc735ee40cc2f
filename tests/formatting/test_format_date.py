"""Dates in English and Chinese (GB/T 9704-2012: never zero-padded)."""
import datetime

import pytest

from restitution.formatting import format_date


@pytest.mark.parametrize(
    "d,en,zh",
    [
        (datetime.date(2026, 1, 2), "2 January 2026", "2026年1月2日"),
        (datetime.date(2026, 6, 2), "2 June 2026", "2026年6月2日"),
        (datetime.date(2026, 11, 20), "20 November 2026", "2026年11月20日"),
        (datetime.date(2025, 12, 31), "31 December 2025", "2025年12月31日"),
    ],
)
def test_format_date(d, en, zh):
    assert format_date(d, "en") == en
    assert format_date(d, "zh") == zh
    assert format_date(d, "zh-Hant") == zh


def test_datetime_prints_its_date():
    assert format_date(datetime.datetime(2026, 3, 4, 23, 59), "zh") == "2026年3月4日"


@pytest.mark.parametrize("bad,lang", [("2026-01-02", "en"), (datetime.date(2026, 1, 2), "de")])
def test_rejects(bad, lang):
    with pytest.raises(ValueError):
        format_date(bad, lang)
