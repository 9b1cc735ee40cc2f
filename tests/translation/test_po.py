"""translation.po: the exchange as gettext PO."""
from __future__ import annotations

import datetime as dt

import pytest

from restitution.errors import RestitutionError
from restitution.translation import po
from restitution.translation.xliff import Unit

UNITS = [Unit("facts[0].text", 'He said "next week".\nThen nothing.', "他说“下周”。\n此后再无回音。", note="case.yaml line 9"),
         Unit("facts[1].text", 'He said "next week".\nThen nothing.', None)]  # same English, another field


def test_round_trip_keeps_each_field_apart():
    data = po.write(UNITS, "case.yaml", dt.date(2026, 11, 20))
    back = po.read(data, "case.po")
    assert [(u.path, u.source, u.target or None) for u in back] == [(u.path, u.source, u.target) for u in UNITS]
    assert b"EMAIL@ADDRESS" not in data and b"#. case.yaml line 9" in data


def test_same_input_same_bytes():
    when = dt.date(2026, 11, 20)
    assert po.write(UNITS, "case.yaml", when) == po.write(UNITS, "case.yaml", when)


def test_unreadable_file_is_located():
    with pytest.raises(RestitutionError) as err:
        po.read(b"garbage\n", "case.po")
    assert str(err.value).startswith("case.po: is not a PO file")
