"""The JSON Schema generated from the format."""
from __future__ import annotations

import json

from restitution.case import case_schema
from restitution.case.spec import ROOT, walk


def _at(schema: dict, path: str) -> dict:
    node = schema
    for part in path.split("."):
        if part.endswith("[]"):
            node = node["properties"][part[:-2]]["items"]
        else:
            node = node["properties"][part]
    return node


def test_draft_2020_12_and_serialisable():
    schema = case_schema()
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert json.loads(json.dumps(schema)) == schema
    assert schema["additionalProperties"] is False
    assert set(schema["required"]) == {"schema", "case", "client", "supplier", "order", "payments", "outcome"}


def test_every_key_has_a_description():
    schema = case_schema()
    for path, _ in walk():
        node = _at(schema, path.replace("[].", "[]."))
        assert node["description"], path


def test_enums_and_patterns():
    schema = case_schema()
    assert _at(schema, "payments")["minItems"] == 1
    method = _at(schema, "payments").get("items")["properties"]["method"]
    assert "trade_assurance" in method["enum"] and None not in method["enum"]  # required
    assert _at(schema, "order.platform")["enum"] == ["alibaba", "other", None]  # optional: null allowed
    assert _at(schema, "supplier.region")["enum"] == ["mainland", "hong_kong", "other"]
    assert "NO" in _at(schema, "client.country")["enum"]
    assert "CNY" in _at(schema, "order.currency")["enum"]
    assert _at(schema, "evidence")["items"]["properties"]["kind"]["enum"] == list(
        ROOT.fields["evidence"].section.fields["kind"].choices
    )
    assert _at(schema, "schema") == {"description": "Format version of the case file; must be 1.", "const": 1}


def test_conditional_requirements():
    schema = case_schema()
    rules = _at(schema, "supplier")["allOf"]
    assert rules[0]["then"]["required"] == ["uscc", "province_zh", "city_zh", "district_zh"]
    assert rules[1]["then"]["required"] == ["hk_company_no", "address"]
    assert _at(schema, "payments")["items"]["allOf"][0]["then"]["required"] == ["card"]
