"""Invisible format characters and digits other than 0-9, per kind of value."""
from __future__ import annotations

import unicodedata

import pytest

from restitution.case import loads_case
from restitution.case.characters import digit_problem, invisible_problem

from .helpers import MINIMAL, VALID, edit, errors_of, one_error

# Every Cf character the issue names, and the other zero-width ones.
FORMAT_CHARS = ["\u200e", "\u200f", "\u061c", "\ufeff", "\u200b", "\u200c", "\u200d", "\u2060", "\u00ad"]
# yamlsource refuses these in every value, with its own message.
OVERRIDES = ["\u202a", "\u202b", "\u202c", "\u202d", "\u202e", "\u2066", "\u2067", "\u2068", "\u2069"]
OTHER_DIGITS = ["\u0660", "\u06f5", "\u0967", "\uff15", "\U0001d7d8", "\u0e51"]  # Arabic-Indic, Persian, Devanagari, full-width, math, Thai

# (edit that puts X into one value, key path) for identifiers, numbers, dates and codes.
PLACES = [
    (("    method: wire\n", '    method: wire\n    reference: "FT26X156"\n'), "payments[0].reference", "FT26X156"),
    (("    method: wire\n", '    method: wire\n    to_account: "62220000"\n'), "payments[0].to_account", "62220000"),
    (("  country: US\n", '  country: US\n  phone: "+1 415 555 0100"\n'), "client.phone", "+1 415 555 0100"),
    (("  country: US\n", '  country: US\n  email: "jane@north.example"\n'), "client.email", "jane@north.example"),
    (("  country: US\n", '  country: US\n  registration_no: "C4410021"\n'), "client.registration_no", "C4410021"),
    (('  uscc: "91440300MA5G7K2Q1G"\n', '  uscc: "91440300MA5G7K2Q1G"\n'), "supplier.uscc", "91440300MA5G7K2Q1G"),
    (("    amount: 25000.00\n", '    amount: "25000.00"\n'), "payments[0].amount", "25000.00"),
    (("  date: 2026-06-02\n", '  date: "2026-06-02"\n'), "order.date", "2026-06-02"),
    (("  id: T-0001\n", '  id: "T-0001"\n'), "case.id", "T-0001"),
]


def _with(place, inserted: str) -> str:
    (old, new), _, value = place
    text = edit(old, new)
    return text.replace(f'"{value}"', f'"{value[:2]}{inserted}{value[2:]}"', 1)


@pytest.mark.parametrize("place", PLACES, ids=[p[1] for p in PLACES])
@pytest.mark.parametrize("ch", FORMAT_CHARS, ids=[f"U+{ord(c):04X}" for c in FORMAT_CHARS])
def test_format_characters_are_refused_in_identifiers_numbers_and_dates(place, ch):
    line, path, message = one_error(_with(place, ch))
    assert path == place[1]
    assert f"invisible character U+{ord(ch):04X} ({unicodedata.name(ch)}) at position 3" in message


@pytest.mark.parametrize("ch", OVERRIDES, ids=[f"U+{ord(c):04X}" for c in OVERRIDES])
def test_overrides_and_isolates_get_one_message_everywhere(ch):
    line, path, message = one_error(_with(PLACES[0], ch))
    assert path == "payments[0].reference" and message == f"control character U+{ord(ch):04X} is not allowed"


@pytest.mark.parametrize("ch", ["\u200e", "\u200f", "\u061c", "\u200c", "\u200d", "\u200b", "\u00ad"])
def test_free_text_keeps_the_format_characters_scripts_need(ch):
    # A Hebrew or Arabic name beside Latin text needs its direction marks; Persian needs ZWNJ.
    text = edit("  name: Northwind Trading LLC\n", f'  name: "שלום{ch} Trading"\n')
    text = edit("  address: 1200 Market St, San Francisco, CA 94103, USA\n",
                f'  address: "می{ch}خواهم 12"\n', text)
    case = loads_case(text, "case.yaml", VALID)
    assert case.client.name == f"שלום{ch} Trading" and ch in case.client.address


def test_free_text_refuses_other_format_characters():
    for ch in ("\ufeff", "\u206a", "\ufff9"):
        line, path, message = one_error(edit("  name: Northwind Trading LLC\n", f'  name: "North{ch}wind"\n'))
        assert (line, path) == (6, "client.name")
        assert message.startswith(f"invisible character U+{ord(ch):04X}") and "in text" in message


@pytest.mark.parametrize("place", PLACES[:3] + PLACES[6:8], ids=[p[1] for p in PLACES[:3] + PLACES[6:8]])
@pytest.mark.parametrize("digit", OTHER_DIGITS, ids=[f"U+{ord(c):04X}" for c in OTHER_DIGITS])
def test_only_ascii_digits_in_numbers_dates_and_identifiers(place, digit):
    (old, new), path, value = place
    text = edit(old, new).replace(f'"{value}"', f'"{value[:3]}{digit}{value[4:]}"', 1)
    assert one_error(text)[1:] == (path, f"digit U+{ord(digit):04X} ({unicodedata.name(digit)}) at position 4: "
                                         "write numbers, dates and identifiers with the digits 0-9")


def test_other_digits_in_every_numeric_kind():
    assert one_error(edit("  total: 25000.00\n", "  total: ７500.00\n"))[1:] == (
        "order.total", "digit U+FF17 (FULLWIDTH DIGIT SEVEN) at position 1: write numbers, dates and "
                       "identifiers with the digits 0-9")
    text = MINIMAL + "claim:\n  deadline_days: ١٥\n  cny_rate: ٧.10\n"
    assert {(p, m.split(" at ")[0]) for _, p, m in errors_of(text)} == {
        ("claim.deadline_days", "digit U+0661 (ARABIC-INDIC DIGIT ONE)"),
        ("claim.cny_rate", "digit U+0667 (ARABIC-INDIC DIGIT SEVEN)"),
    }


def test_helpers_name_the_position_of_what_cannot_be_seen():
    assert invisible_problem("12\u200e34", free_text=False).startswith("invisible character U+200E (LEFT-TO-RIGHT MARK) at position 3")
    assert invisible_problem("ab\u200ecd", free_text=True) is None
    assert invisible_problem("1234", free_text=False) is None
    assert digit_problem("75\u06600").startswith("digit U+0660")
    assert digit_problem("7500") is None and digit_problem("深圳7500") is None
