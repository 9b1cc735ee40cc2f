"""The keys of the case file as tables, read from the model's one declaration.

`ROOT` is the format of docs/case-format.md in code: the loader (build.py)
walks it to convert and check every value, and `case_schema()` turns it
into a JSON Schema, so the two cannot drift apart. It is not written here
but read from the dataclasses of model.py (keys.section_of), so the model
the documents read cannot drift from either. Conditional rules (a mainland
supplier needs a USCC, a card payment needs `card`) live in conditions.py.
Keys marked `added` extend the shared format; the format promises that
added keys never change the meaning of existing ones.
"""
from __future__ import annotations

from typing import Iterator

from restitution.case import model
from restitution.case.keys import Field, Section, section_of

__all__ = ["Field", "ROOT", "SCHEMA_VERSION", "Section", "walk"]

SCHEMA_VERSION = 1

ROOT: Section = section_of(model.Case)


def walk(section: Section = ROOT, prefix: str = "") -> Iterator[tuple[str, Field]]:
    """Every (key path, Field) of the format, lists written as `key[]`."""
    for key, f in section.fields.items():
        path = f"{prefix}.{key}" if prefix else key
        yield path, f
        if f.section is not None:
            yield from walk(f.section, path + ("[]" if f.kind == "list" else ""))
