"""The commented case file written from the interview's answers."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

import yaml

from restitution.start.casefile import Draft, Missing, case_text, scalar


def test_scalars_keep_their_type_when_read_back():
    for value in ("NO", "0042", "yes", "a: b", "# not a comment", "深圳市", "null"):
        assert yaml.safe_load(f"k: {scalar(value)}")["k"] == value
    assert scalar(Decimal("7500.00")) == "7500.00"
    assert scalar(dt.date(2026, 6, 5)) == "2026-06-05"
    assert scalar(True) == "true"


def test_missing_required_answers_are_commented_out_and_listed():
    draft = Draft(tree={"schema": 1, "supplier": {"name": "Glory", "uscc": Missing("18-character USCC")},
                        "payments": [{"date": dt.date(2026, 6, 5), "method": Missing("wire, card")}]},
                  notes={"supplier.name": "the name it traded under"},
                  headers={"payments": ["one entry per payment"]})
    text = case_text(draft)
    assert text.startswith("# yaml-language-server: $schema=case.schema.json\n")
    assert "  # uscc:   # TO FILL IN (required): 18-character USCC" in text
    assert "  name: Glory  # the name it traded under" in text
    assert "# one entry per payment\npayments:\n  - date: 2026-06-05\n" in text
    assert draft.missing() == [("supplier.uscc", "18-character USCC"), ("payments[0].method", "wire, card")]
    tree = yaml.safe_load(text)
    assert tree == {"schema": 1, "supplier": {"name": "Glory"}, "payments": [{"date": dt.date(2026, 6, 5)}]}
