"""The registry of documents.

Each document is a module here that defines ``SPEC``, a `DocumentSpec`:
its key, titles, paper, which languages it has, ``check(case)`` (raises
`DocumentNotApplicable` naming what the case lacks) and ``context(case,
lang, date)``, the derived values the templates read as ``x``. Modules are
imported lazily so that listing documents costs nothing.
"""
from __future__ import annotations

import datetime as dt
import importlib
from dataclasses import dataclass, field
from typing import Any, Callable

from restitution.case.model import Case
from restitution.errors import UsageError

# key -> module under restitution.documents. Order is the order of a packet.
DOCUMENTS: dict[str, str] = {
    "power_of_attorney": "power_of_attorney",
    "demand_letter": "demand_letter",
    "police_report": "police_report",
    "chargeback_letter": "chargeback_letter",
    "evidence_index": "evidence_index",
    "settlement_agreement": "settlement_agreement",
    "pardon_letter": "pardon_letter",
    "trade_assurance_claim": "trade_assurance_claim",
    "platform_fraud_report": "platform_fraud_report",
    "samr_complaint": "samr_complaint",
    "case_plan": "case_plan",
    # more documents are registered here, one line each
}


def _no_check(case: Case) -> None:
    return None


def _no_context(case: Case, lang: str, date: dt.date) -> dict[str, Any]:
    return {}


@dataclass(frozen=True)
class DocumentSpec:
    key: str
    title: dict[str, str]  # per language: {"en": "Power of Attorney", "zh": "授权委托书"}
    check: Callable[[Case], None] = _no_check
    context: Callable[[Case, str, dt.date], dict[str, Any]] = _no_context
    # paper per case: A4 for documents going to China, the client's paper otherwise
    paper: Callable[[Case], str] = field(default=lambda case: "A4")
    # Chinese variant for a case: "zh", or "zh-Hant" (e.g. Hong Kong police)
    zh_variant: Callable[[Case], str] = field(default=lambda case: "zh")
    # whether the packet (render with no --doc) includes it for this case
    in_packet: Callable[[Case], bool] = field(default=lambda case: True)


def available() -> list[str]:
    return list(DOCUMENTS)


def get(key: str) -> DocumentSpec:
    module = DOCUMENTS.get(key)
    if module is None:
        known = ", ".join(DOCUMENTS)
        raise UsageError(f"unknown document {key!r}; known documents: {known}")
    return importlib.import_module(f"restitution.documents.{module}").SPEC
