"""The case file: loading, validation and the typed, immutable `Case`.

    from restitution.case import load_case
    case = load_case("case.yaml")        # raises ErrorList listing every problem

`case_schema()` gives the JSON Schema of the format for YAML editors.
"""
from __future__ import annotations

from restitution.case.load import load_case, loads_case
from restitution.case.model import EVIDENCE_KINDS, Case
from restitution.case.schema import case_schema
from restitution.case.yamlsource import MAX_BYTES

__all__ = ["Case", "EVIDENCE_KINDS", "MAX_BYTES", "case_schema", "load_case", "loads_case"]
