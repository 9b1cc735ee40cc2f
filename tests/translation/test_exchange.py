"""translation.exchange: units out of a case, and what import accepts."""
from __future__ import annotations

import datetime as dt

import pytest

from restitution.case import load_case
from restitution.errors import RestitutionError
from restitution.translation import exchange
from restitution.translation.xliff import Unit

from translation.helpers import copy_examples, drop_twins

WHEN = dt.date(2026, 11, 20)


@pytest.fixture
def case_path(tmp_path):
    path = copy_examples(tmp_path) / "northwind-vanished.yaml"
    drop_twins(path, ("summary",))
    return path


def test_units_carry_state_and_line(case_path):
    case = load_case(case_path)
    units = {u.path: u for u in exchange.units(case, WHEN)}
    summary = units["outcome.summary"]
    assert summary.target is None and summary.note.endswith("outcome.summary_zh (not yet translated)")
    assert f"line {case.line_of('outcome.summary')}" in summary.note
    fact = units["facts[0].text"]
    assert fact.target == case.facts[0].text_zh and fact.source == case.facts[0].text


def test_value_at(case_path):
    case = load_case(case_path)
    obj, name = exchange.value_at(case, "order.goods[0].description")
    assert obj is case.order.goods[0] and name == "description"
    for bad in ("order.goods[5].description", "nothing.here", "facts[0].nope", "facts[0]"):
        with pytest.raises(LookupError):
            exchange.value_at(case, bad)


def test_apply_writes_only_new_or_changed_chinese(case_path):
    case = load_case(case_path)
    data = case_path.read_bytes()
    found = [Unit("outcome.summary", case.outcome.summary, "  买方付款后，卖方失联。 ", line=5),
             Unit("facts[0].text", case.facts[0].text, case.facts[0].text_zh, line=6),
             Unit("facts[1].text", case.facts[1].text, None, line=7)]
    result = exchange.apply(case, data, found, "x.xlf")
    assert result.changed == ["outcome.summary_zh"] and result.untouched == 1
    text = result.data.decode()
    assert "  summary_zh: 买方付款后，卖方失联。\n" in text  # trimmed
    assert len(text.splitlines()) == len(data.decode().splitlines()) + 1


def test_apply_refuses_every_bad_unit_at_once(case_path):
    case = load_case(case_path)
    found = [Unit("outcome.summary", "Something else", "译文", line=3),
             Unit("client.country", case.client.country, "美国", line=4)]
    with pytest.raises(RestitutionError) as err:
        exchange.apply(case, case_path.read_bytes(), found, "x.xlf")
    lines = err.value.lines()
    assert lines[0].startswith("x.xlf:3 outcome.summary: the English source no longer matches the case")
    assert lines[1].startswith("x.xlf:4 client.country: is not a text field with a Chinese twin")
