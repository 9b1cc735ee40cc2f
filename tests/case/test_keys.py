"""One declaration per key: the model's fields give the loader's tables, the schema and the `Case`."""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
import types
from decimal import Decimal
from pathlib import Path
from typing import Literal, Union, get_args, get_origin, get_type_hints

import pytest

from restitution.case import case_schema, keys, loads_case, model
from restitution.case.fields import convert
from restitution.case.spec import ROOT, Field, Section, walk

from .helpers import VALID

# A value every converter accepts, per kind; a few keys need a particular one so
# that the conditions between keys hold (a card payment has a card, a mainland
# supplier a USCC, the goods add up to the total).
SAMPLES = {
    "text": "Some text.", "line": "A line", "ident": "ID-0012", "date": "2026-06-02", "money": "1.00",
    "decimal": "1", "bool": "true", "currency": "USD", "country": "NO", "uscc": "91440300MA5G7K2Q1G",
    "last4": "4242", "case_id": "T-1", "email": "a@b.example", "url": "https://shop.example",
    "swift": "FEXBUS33", "hk_company_no": "1234567", "trademark_no": "12345678", "file": "evidence/x.pdf", "schema": "1",
}
OVERRIDES = {"payments[].method": "card", "proceedings.suspects[].id_no": "11010519491231002X",
             "proceedings.suspects[].measure": "summoned", "proceedings.chargebacks[].payment": "0",
             "settlement.payers[].id_no": "E12345678", "settlement.payers[].role": "guarantor",
             # a travel permit is held by an individual from Hong Kong, Macao or Taiwan only
             "client.kind": "individual", "client.country": "HK"}


def _sample(path: str, f: Field) -> str:
    if path in OVERRIDES:
        return OVERRIDES[path]
    if f.kind == "enum":
        return f.choices[0]
    if f.kind == "int":
        return str(f.minimum or 1)
    return SAMPLES[f.kind]


def _every_key(section: Section = ROOT, prefix: str = "", indent: str = "") -> str:
    """A case file giving every key of the format, lists with one entry."""
    out = []
    for key, f in section.fields.items():
        path = f"{prefix}.{key}" if prefix else key
        if f.kind == "section":
            out.append(f"{indent}{key}:\n" + _every_key(f.entries, path, indent + "  "))
        elif f.kind == "list":
            body = _every_key(f.entries, path + "[]", indent + "    ")
            out.append(f"{indent}{key}:\n{indent}  - " + body[len(indent) + 4:])
        else:
            out.append(f"{indent}{key}: {_sample(path, f)}\n")
    return "".join(out)


def _value_at(case: model.Case, path: str) -> object:
    value: object = case
    for part in path.split("."):
        value = getattr(value, part.removesuffix("[]"))
        if part.endswith("[]"):
            assert isinstance(value, tuple) and value, path
            value = value[0]
    return value


def test_every_declared_key_loads_into_its_attribute():
    """A key declared on the model is read, located and set on the `Case`, with no other edit."""
    case = loads_case(_every_key(), "case.yaml", VALID, check_files=False)
    seen = {re.sub(r"\[\d+\]", "[]", path) for path in case.where}
    for path, f in walk():
        assert path in seen, path
        value = _value_at(case, path)
        assert value is not None and value != (), path
        if f.kind == "bool":
            assert value is True, path  # given as true: not the default false


def _admits(hint: object, value: object) -> bool:
    if get_origin(hint) in (Union, types.UnionType):
        return any(_admits(a, value) for a in get_args(hint))
    if get_origin(hint) is Literal:
        return value in get_args(hint)
    return isinstance(value, hint)  # type: ignore[arg-type]


def _classes(cls: type = model.Case):
    yield cls
    hints = get_type_hints(cls)
    for f in dataclasses.fields(cls):
        spec = f.metadata.get(keys.KEY)
        if spec is not None and spec.kind in ("section", "list"):
            yield from _classes(keys.entry_class(hints[f.name], spec.kind, f.name))


def test_each_kind_converts_to_the_attribute_type():
    """Kind and annotation sit on one line but are two words: they must agree."""
    checked = 0
    for cls in _classes():
        hints = get_type_hints(cls)
        for f in dataclasses.fields(cls):
            spec = f.metadata.get(keys.KEY)
            if spec is None or spec.kind in ("section", "list"):
                continue
            if spec.kind == "enum" and not spec.choices:
                spec = dataclasses.replace(spec, choices=tuple(get_args(_no_none(hints[f.name]))))
            value = convert(spec, _sample("", spec))
            if spec.kind == "file":
                value = Path(str(value))  # conditions.py resolves the path as written
            assert _admits(hints[f.name], value), (cls.__name__, f.name, spec.kind, value)
            checked += 1
    assert checked == sum(1 for _, f in walk() if f.kind not in ("section", "list"))


def _no_none(hint: object) -> object:
    args = [a for a in get_args(hint) if a is not type(None)]
    return args[0] if get_origin(hint) in (Union, types.UnionType) else hint


def test_schema_order_is_the_declaration_order():
    assert list(case_schema()["properties"]) == [f.name for f in dataclasses.fields(model.Case)
                                                  if keys.KEY in f.metadata]
    client = case_schema()["properties"]["client"]["properties"]
    assert list(client)[:4] == ["kind", "name", "name_zh", "country"]


def test_enum_choices_come_from_the_literal():
    assert ROOT.fields["payments"].entries.fields["card"].entries.fields["network"].choices == get_args(model.CardNetwork)
    assert ROOT.fields["evidence"].entries.fields["kind"].choices == model.EVIDENCE_KINDS


def test_computed_attributes_are_not_keys():
    exhibit = ROOT.fields["evidence"].entries.fields
    assert "number" not in exhibit and "file_text" not in exhibit
    assert "source" not in ROOT.fields and "where" not in ROOT.fields


def test_filled_in_keys_are_optional_in_the_file_but_always_set():
    claim = ROOT.fields["claim"]
    assert not claim.required and not claim.entries.fields["amount"].required
    with pytest.raises(TypeError):
        model.Claim(currency="USD")  # type: ignore[call-arg]  # amount is always set by the loader


def test_a_new_key_is_one_line():
    @dataclass_section("Thing")
    class Thing:
        """A thing."""

        name: str = keys.line("Its name.", required=True)
        vat_no: str | None = keys.ident("VAT number.", added=True)

    table = keys.section_of(Thing)
    assert table == Section("Thing", "A thing.", {
        "name": Field("line", "Its name.", required=True),
        "vat_no": Field("ident", "VAT number.", added=True),
    })
    assert Thing(name="x").vat_no is None


def dataclass_section(title: str):
    def make(cls):
        return dataclasses.dataclass(frozen=True, kw_only=True)(keys.section(title)(cls))
    return make


def test_misdeclared_sections_are_refused_at_import():
    with pytest.raises(TypeError, match="needs a docstring"):
        dataclass_section("X")(type("X", (), {"__annotations__": {}}))

    @dataclass_section("Bad list")
    class BadList:
        """Entries typed as a list, not a tuple."""

        items: list[model.Fact] = keys.entries()

    with pytest.raises(TypeError, match=r"typed tuple\[X, \.\.\.\]"):
        keys.section_of(BadList)

    @dataclass_section("Bad enum")
    class BadEnum:
        """An enum without its words."""

        colour: str | None = keys.choice("Colour.")

    with pytest.raises(TypeError, match="Literal"):
        keys.section_of(BadEnum)


def test_positional_constructors_kept_where_code_uses_them():
    assert model.GoodsLine("Lamp", Decimal(2), "pcs", Decimal("1.50"), description_zh="灯").amount == Decimal("3.00")
    assert model.Fact(dt.date(2026, 6, 2), "Signed.", "签约。").text_zh == "签约。"
    assert model.Instalment(dt.date(2026, 6, 2), Decimal(1)).amount == Decimal(1)
    assert model.Receipt(dt.date(2026, 6, 2), Decimal(1), "REF").reference == "REF"
