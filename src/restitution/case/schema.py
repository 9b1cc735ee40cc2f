"""The JSON Schema (draft 2020-12) of the case file, generated from spec.ROOT (the keys declared in model.py).

Meant for YAML editors (completion, hover text, early warnings). The loader
stays the authority: it also checks what a schema cannot express (the USCC
check digit, real calendar dates, the goods total, evidence paths). Editors
read YAML with implicit types, so identifiers such as registration numbers
also accept numbers here; the loader reads them as text.
"""
from __future__ import annotations

from restitution.case import codes
from restitution.case.spec import ROOT, SCHEMA_VERSION, Field, Section

SCHEMA_ID = f"urn:restitution:case-file:{SCHEMA_VERSION}"


def _number(places: int, allow_zero: bool) -> dict:
    frac = f"(\\.\\d{{1,{places}}})?" if places else ""
    out: dict = {"type": ["number", "string"], "pattern": f"^[0-9]{{1,12}}{frac}$"}
    out["minimum" if allow_zero else "exclusiveMinimum"] = 0
    return out


def _scalar(f: Field) -> dict:
    k = f.kind
    if k in ("text", "line", "file"):
        return {"type": "string", "minLength": 1}
    if k == "ident":
        return {"type": ["string", "integer"]}
    if k == "date":
        return {"type": "string", "format": "date", "pattern": r"^((19|20)[0-9]{2}|2100)-[0-9]{2}-[0-9]{2}$"}
    if k in ("money", "decimal"):
        out = _number(f.places, f.allow_zero)
        if f.maximum is not None:
            out["maximum"] = f.maximum
        return out
    if k == "int":
        whole: dict = {"type": "integer"}
        if f.minimum is not None:
            whole["minimum"] = f.minimum
        if f.maximum is not None:
            whole["maximum"] = f.maximum
        return whole
    if k == "schema":
        return {"const": SCHEMA_VERSION}
    if k == "bool":
        return {"type": "boolean"}
    if k == "enum":
        return {"type": "string", "enum": list(f.choices)}
    if k == "currency":
        return {"type": "string", "enum": sorted(codes.currencies())}
    if k == "country":
        return {"type": "string", "enum": sorted(codes.countries())}
    if k == "uscc":
        return {"type": "string", "pattern": "^[0-9A-HJ-NPQRTUWXY]{18}$"}
    if k == "last4":
        return {"type": ["string", "integer"], "pattern": r"^[0-9]{4}$"}
    if k == "case_id":
        return {"type": "string", "pattern": "^[A-Za-z0-9_-][A-Za-z0-9._-]{0,63}$"}
    if k == "email":
        return {"type": "string", "format": "email"}
    if k == "url":
        return {"type": "string", "format": "uri", "pattern": "^https?://"}
    if k == "swift":
        return {"type": "string", "pattern": "^[A-Z]{6}[A-Z0-9]{2}([A-Z0-9]{3})?$"}
    if k == "hk_company_no":
        return {"type": ["string", "integer"], "pattern": r"^[0-9]{1,8}$"}
    if k == "trademark_no":
        return {"type": ["string", "integer"], "pattern": r"^G?[0-9]{1,10}$"}
    raise ValueError(f"no schema for field kind {k!r}")


def _nullable(schema: dict) -> dict:
    # `key: null` (or `key:`) means "not given" to the loader.
    if "const" in schema:
        return schema
    out = dict(schema)
    types = out.get("type")
    if types is not None:
        types = types if isinstance(types, list) else [types]
        out["type"] = [*types, "null"]
    if "enum" in out:
        out["enum"] = [*out["enum"], None]
    return out


def _field(f: Field) -> dict:
    if f.kind == "section":
        out = _section(f.entries)
    elif f.kind == "list":
        out = {"type": "array", "items": _section(f.entries)}
        if f.nonempty:
            out["minItems"] = 1
    else:
        out = _scalar(f)
    out = {"description": f.doc, **out}
    return out if f.required else _nullable(out)


def _section(section: Section) -> dict:
    out: dict = {
        "title": section.title,
        "description": section.doc,
        "type": "object",
        "properties": {key: _field(f) for key, f in section.fields.items()},
        "additionalProperties": False,
    }
    required = [key for key, f in section.fields.items() if f.required]
    if required:
        out["required"] = required
    return out


def case_schema() -> dict:
    """The JSON Schema of the case file, as a dict ready for `json.dumps`."""
    schema = _section(ROOT)
    props = schema["properties"]
    # Rules that depend on another key's value, as if/then pairs.
    props["supplier"]["allOf"] = [
        {
            "if": {"properties": {"region": {"const": "mainland"}}, "required": ["region"]},
            "then": {"required": ["uscc", "province_zh", "city_zh", "district_zh"]},
        },
        {
            "if": {"properties": {"region": {"const": "hong_kong"}}, "required": ["region"]},
            "then": {"required": ["hk_company_no", "address"]},
        },
    ]
    props["payments"]["items"]["allOf"] = [
        {
            "if": {"properties": {"method": {"const": "card"}}, "required": ["method"]},
            "then": {"required": ["card"]},
        }
    ]
    props["order"]["anyOf"] = [{"required": ["total"]}, {"required": ["goods"]}]
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": SCHEMA_ID,
        **schema,
    }
