"""Turning a checked tree of values into the frozen `Case` of model.py.

Only called when no problem was found, so every required value is present
and of the right type; absent optional keys take the dataclass defaults.
The nested classes come from the same field declarations the loader walked
(keys.KEY metadata and the field types), so a new key or section needs no
code here. An empty mapping given for an optional section (`card: {}`)
counts as absent. Values the loader computed beside the keys
(`Exhibit.number`, `file_text`) are passed through as they are.
"""
from __future__ import annotations

import dataclasses
from functools import cache
from pathlib import Path
from typing import Any, get_type_hints

from restitution.case import model
from restitution.case.keys import KEY, entry_class


@cache
def _nested(cls: type) -> dict[str, tuple[str, type, bool]]:
    """For each section or list key of `cls`: its kind, entry class, and whether it has a default."""
    hints = get_type_hints(cls)
    out: dict[str, tuple[str, type, bool]] = {}
    for f in dataclasses.fields(cls):
        spec = f.metadata.get(KEY)
        if spec is not None and spec.kind in ("section", "list"):
            has_default = f.default is not dataclasses.MISSING or f.default_factory is not dataclasses.MISSING
            out[f.name] = (spec.kind, entry_class(hints[f.name], spec.kind, f"{cls.__name__}.{f.name}"), has_default)
    return out


def _make(cls: type, values: dict[str, Any]) -> Any:
    nested = _nested(cls)
    args: dict[str, Any] = {}
    for name, value in values.items():
        if name not in nested:
            args[name] = value
            continue
        kind, entry, has_default = nested[name]
        if kind == "list":
            args[name] = tuple(_make(entry, item) for item in value or ())
        elif value or not has_default:
            args[name] = _make(entry, value or {})
    return cls(**args)


def assemble(tree: dict[str, Any], where: dict[str, int], source: Path | None,
             outside_allowed: bool = False) -> model.Case:
    case: model.Case = _make(model.Case, {**tree, "source": source, "where": dict(where),
                                          "outside_allowed": outside_allowed})
    return case
