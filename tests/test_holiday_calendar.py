"""PRC public holidays kept on disk by year: the `holidays` library's answer, read back without importing it."""
from __future__ import annotations

import datetime as dt
import json
import subprocess
import sys
from pathlib import Path

import holidays
import pytest

from restitution import holiday_calendar

SRC = Path(__file__).resolve().parents[1] / "src"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(tmp_path / "cache"))
    holiday_calendar._year.cache_clear()
    yield tmp_path / "cache" / "holidays"
    holiday_calendar._year.cache_clear()


def _library(day: dt.date) -> str | None:
    return holidays.country_holidays("CN", years=day.year).get(day)


@pytest.mark.parametrize("day", [dt.date(2026, 10, 1), dt.date(2026, 10, 5), dt.date(2026, 2, 17),
                                 dt.date(2026, 6, 19), dt.date(2026, 10, 9), dt.date(2025, 1, 1)])
def test_the_answer_is_the_librarys(cache, day):
    assert holiday_calendar.holiday_name(day) == _library(day)
    holiday_calendar._year.cache_clear()  # a later process reads the saved year
    assert holiday_calendar.holiday_name(day) == _library(day)


def test_a_year_is_saved_once_and_read_back(cache, monkeypatch):
    assert holiday_calendar.holiday_name(dt.date(2026, 10, 1)) == "National Day"
    (entry,) = cache.iterdir()
    assert entry.name.startswith("CN-") and entry.name.endswith("-2026.json")
    holiday_calendar._year.cache_clear()

    def no_library(year):
        raise AssertionError("the saved year was not used")

    monkeypatch.setattr(holiday_calendar, "_compute", no_library)
    assert holiday_calendar.holiday_name(dt.date(2026, 10, 1)) == "National Day"
    assert holiday_calendar.holiday_name(dt.date(2026, 10, 12)) is None  # a working day


@pytest.mark.parametrize("bad", ["{not json", "[1, 2]", ""])
def test_a_torn_or_foreign_entry_is_computed_again_and_replaced(cache, bad):
    holiday_calendar.holiday_name(dt.date(2026, 10, 1))
    (entry,) = cache.iterdir()
    whole = entry.read_text(encoding="utf-8")
    entry.write_text(bad, encoding="utf-8")
    holiday_calendar._year.cache_clear()
    assert holiday_calendar.holiday_name(dt.date(2026, 10, 1)) == "National Day"
    assert json.loads(entry.read_text(encoding="utf-8")) == json.loads(whole)


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a file"
    blocker.write_text("x")
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(blocker))
    holiday_calendar._year.cache_clear()
    try:
        assert holiday_calendar.holiday_name(dt.date(2026, 10, 1)) == "National Day"
    finally:
        holiday_calendar._year.cache_clear()


def test_a_new_release_of_the_calendar_is_a_new_entry(cache, monkeypatch):
    holiday_calendar.holiday_name(dt.date(2026, 10, 1))
    holiday_calendar._year.cache_clear()
    monkeypatch.setattr(holiday_calendar, "_release", lambda: "another-release")
    holiday_calendar.holiday_name(dt.date(2026, 10, 1))
    assert len(list(cache.iterdir())) == 2


def test_a_saved_year_spares_the_import_of_the_library(cache):
    holiday_calendar.holiday_name(dt.date(2026, 10, 1))  # saved by this process
    code = ("import sys, datetime as dt\nfrom restitution.holiday_calendar import holiday_name\n"
            "print(holiday_name(dt.date(2026, 10, 1)), 'holidays' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                         env={"PYTHONPATH": str(SRC), "RESTITUTION_CACHE_DIR": str(cache.parent),
                              "PATH": "/usr/bin:/bin"})
    assert out.stdout.split() == ["National", "Day", "False"]
