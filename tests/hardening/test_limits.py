"""The loader's limits: refused quickly, with a message that says what the limit is."""
from __future__ import annotations

import json

import pytest

from restitution.case import loads_case
from restitution.errors import ErrorList

from .helpers import BASE_TEXT, VALID, replace_once


def _refused(text: str) -> list[str]:
    with pytest.raises(ErrorList) as info:  # time and memory: benchmarks/limits.py
        loads_case(text, "case.yaml", VALID)
    return info.value.lines()


def test_a_list_of_more_than_1000_entries_is_refused():
    rows = "".join(f"  - date: 2026-06-02\n    text: Fact {i}\n" for i in range(1001))
    text = replace_once(BASE_TEXT, "facts:                             # the chronology used by the demand letter and the police memo\n",
                        "facts:\n" + rows + "  # the original facts follow\n")
    lines = _refused(text)
    assert any(line.startswith("case.yaml:112 facts: has 1,003 entries; a list in a case file may have at most 1,000")
               for line in lines), lines


def test_a_text_longer_than_20000_characters_is_refused():
    text = replace_once(BASE_TEXT, "    text: The parties signed sales contract GT-0602.",
                        f"    text: {json.dumps('x ' * 10_001)}")
    assert _refused(text) == ["case.yaml:116 facts[1].text: is 20,001 characters long; a text may have at most "
                              "20,000 (put longer material into an exhibit)"]


def test_a_file_just_over_the_size_limit_says_so_exactly():
    text = BASE_TEXT + "#" * (2 * 1024 * 1024)
    lines = _refused(text)
    assert len(lines) == 1 and "MB; the limit for a case file is 2 MB" in lines[0]
    assert "2.0 MB;" not in lines[0]
