"""The supplier's former names and the registered trademarks of counterfeit goods (case/marks.py)."""
from __future__ import annotations

import datetime as dt

import pytest

from restitution.case import loads_case
from restitution.case.schema import case_schema

from .helpers import MINIMAL, VALID, edit, one_error

FORMER = """  district_zh: 宝安区
  former_names:
    - name_zh: 深圳市旧名电子有限公司
      name: Shenzhen Oldname Electronics Co., Ltd.
      changed_on: 2026-06-12
"""
MARKS = """  kind: counterfeit
  trademarks:
    - mark: Vorstahl
      registration_no: 12345678
      owner: Vorstahl GmbH
    - mark: VX
      registration_no: G1234567
"""


def test_former_names_and_trademarks_load():
    text = edit("  district_zh: 宝安区\n", FORMER)
    text = edit("  kind: not_delivered\n", MARKS, text)
    case = loads_case(text, "case.yaml", VALID, check_files=False)
    (former,) = case.supplier.former_names
    assert (former.name_zh, former.name, former.changed_on) == (
        "深圳市旧名电子有限公司", "Shenzhen Oldname Electronics Co., Ltd.", dt.date(2026, 6, 12))
    first, second = case.outcome.trademarks
    # an unquoted number is read as the identifier it is, never as an integer
    assert (first.mark, first.registration_no, first.owner, first.international) == (
        "Vorstahl", "12345678", "Vorstahl GmbH", False)
    assert (second.registration_no, second.international, second.owner) == ("G1234567", True, None)


def test_a_former_name_needs_a_name():
    text = edit("  district_zh: 宝安区\n", "  district_zh: 宝安区\n  former_names:\n    - changed_on: 2026-06-12\n")
    line, path, message = one_error(text, check_files=False)
    assert (line, path) == (17, "supplier.former_names[0]")  # the line of the entry
    assert "name_zh" in message and "name" in message


@pytest.mark.parametrize("value", ["第12345678号", "12 345 678", "G", "0", "TM-1"])
def test_a_registration_number_is_digits_or_g_and_digits(value):
    text = edit("  kind: not_delivered\n", f"  kind: counterfeit\n  trademarks:\n    - mark: Vorstahl\n"
                                            f"      registration_no: \"{value}\"\n")
    line, path, message = one_error(text, check_files=False)
    assert path == "outcome.trademarks[0].registration_no"
    assert "CNIPA register" in message


def test_a_trademark_needs_its_mark():
    text = edit("  kind: not_delivered\n", "  kind: counterfeit\n  trademarks:\n    - registration_no: 1234\n")
    line, path, message = one_error(text, check_files=False)
    assert path == "outcome.trademarks[0].mark"


def test_the_schema_declares_both_keys():
    schema = case_schema()
    text = repr(schema)
    assert "former_names" in text and "trademarks" in text and "^G?[0-9]{1,10}$" in text
