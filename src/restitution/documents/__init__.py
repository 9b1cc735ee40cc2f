"""The registry of documents.

Each document is a module here that defines ``SPEC``, a `DocumentSpec`:
its key, titles, paper, which languages it has, ``check(case)`` (raises
`DocumentNotApplicable` naming what the case lacks) and ``context(case,
words, date)``, the derived values the templates read as ``x``.

``words`` is the `Catalogue` of the rendering (``words.language`` is the
`Language`; ``words("parties.id.uscc")`` a phrase of the bundled catalogues or
of the firm's override folder). A context computes facts: which party, which
amount, which date, which rule applies. Where Python must assemble words (a
list of labels, a name with its other-language form beside it) it takes them
from ``words``; a sentence the document prints belongs in its template.

A context returns a frozen dataclass (one type per document, named in its
return annotation), so that ``restitution check`` can follow ``x.…`` in the
templates through its fields as it follows ``case.…``. The pipeline may pass
further values with ``extra=`` (the bundle's ``page_ranges``): they replace
fields of the same name (`with_extra`).

Modules are imported lazily so that listing documents costs nothing.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from dataclasses import field
from typing import Any, Callable, Mapping

from restitution.case.model import Case
from restitution.errors import DocumentNotApplicable, TemplateError, UsageError
from restitution.language.catalogue import Catalogue
from restitution.records import record

# key -> module under restitution.documents. Order is the order of a packet.
DOCUMENTS: dict[str, str] = {
    "power_of_attorney": "power_of_attorney",
    "demand_letter": "demand_letter",
    "police_report": "police_report",
    "supplementary_submission": "supplementary_submission",
    "reconsideration_application": "reconsideration_application",
    "police_report_payee": "police_report_payee",
    "police_report_resident": "police_report_resident",
    "chargeback_letter": "chargeback_letter",
    "evidence_index": "evidence_index",
    "settlement_agreement": "settlement_agreement",
    "pardon_letter": "pardon_letter",
    "trade_assurance_claim": "trade_assurance_claim",
    "platform_fraud_report": "platform_fraud_report",
    "samr_complaint": "samr_complaint",
    "case_plan": "case_plan",
    "case_notes": "case_notes",
    "victims_schedule": "victims_schedule",
    "packet_guide": "packet_guide",
    # more documents are registered here, one line each
}


def _no_check(case: Case) -> None:
    return None


@record
class NoContext:
    """The context of a document whose templates read only ``case``."""


def _no_context(case: Case, words: Catalogue, date: dt.date) -> NoContext:
    return NoContext()


@record
class DocumentSpec:
    key: str
    # its title is the template's own {% set title = "…" %} (templates/<lang>/<key>.md.j2)
    check: Callable[[Case], None] = _no_check
    context: Callable[[Case, Catalogue, dt.date], Any] = _no_context
    # paper per case: A4 for documents going to China, the client's paper otherwise
    paper: Callable[[Case], str] = field(default=lambda case: "A4")
    # Chinese variant for a case: "zh", or "zh-Hant" (e.g. Hong Kong police)
    zh_variant: Callable[[Case], str] = field(default=lambda case: "zh")
    # whether the packet (render with no --doc) includes it for this case
    in_packet: Callable[[Case], bool] = field(default=lambda case: True)
    # why the packet leaves out a document the case could make, when the user must be told
    # (render and validate print it as a skip); None when in_packet says nothing worth saying
    left_out: Callable[[Case], str | None] = field(default=lambda case: None)
    # Fields of the context one case cannot give, which the command making the
    # document passes as ``extra`` (the victims schedule's supplier group), and
    # that command, named when the document is asked for without them.
    needs: tuple[str, ...] = ()
    made_by: str = ""
    # What the command line must say when the document is made (a claim that can be
    # produced and still be weak): English lines, reported by the pipeline for every
    # command that renders the document.
    warnings: Callable[[Case, dt.date], list[str]] = field(default=lambda case, date: [])
    # Whether the firm sends or signs it for this case (a 律师函): only then is a firm
    # profile's letterhead printed on it, in place of the template's own letterhead lines.
    firm_speaks: Callable[[Case], bool] = field(default=lambda case: False)
    # A condition that depends on the document's date (a settlement instalment already overdue):
    # checked wherever the date is known (rendering, the packet), raising DocumentNotApplicable.
    check_on: Callable[[Case, dt.date], None] = field(default=lambda case, date: None)
    # The document's own terms say which language version prevails (a contract, a power of
    # attorney): its bilingual version gets no note of the pairing's own, which would be a
    # second clause on the same question (pipeline/bilingual.py).
    language_clause: bool = False
    # Whether its pages carry the case's internal file number in the running header: the client's
    # and the firm's own papers (plan, notes, guide) do; nothing sent out or filed does (a letter,
    # a page filed with the police or a court, a notarised power of attorney, an agreement): the
    # number is the firm's, of no use to the receiver.
    file_reference: bool = False
    # The reference a sent letter prints in its own head, repeated in the running header of its
    # later pages in place of the file number: a 律师函's 发函号 (domain.md §D); None for none.
    own_reference: Callable[[Case, dt.date], str | None] = field(default=lambda case, date: None)


def check(spec: DocumentSpec, case: Case, extra: Mapping[str, Any] | None = None,
          date: dt.date | None = None) -> None:
    """Raise `DocumentNotApplicable` when the case (and `extra`) cannot make the document
    (dated `date`, when given)."""
    missing = [name for name in spec.needs if not extra or name not in extra]
    if missing:
        raise DocumentNotApplicable(f"{spec.key} is made by {spec.made_by}; it cannot be rendered from one case")
    spec.check(case)
    if date is not None:
        spec.check_on(case, date)


def make_context(spec: DocumentSpec, case: Case, words: Catalogue, date: dt.date,
                 extra: Mapping[str, Any] | None = None) -> Any:
    """The value the templates read as ``x``: ``spec.context`` with `extra` fields replaced.
    An `extra` that gives every field is the context itself, and ``spec.context`` is not run:
    the packet guide's, which `restitution.guide` has made for the documents of the packet
    (run again, it would read every document's module to find them: about 20 ms)."""
    if extra:
        made = context_type(spec)
        names = [f.name for f in dataclasses.fields(made)] if made is not None else None
        if made is not None and names is not None and set(names) <= set(extra):
            return made(**{name: extra[name] for name in names})
    x = spec.context(case, words, date)
    return with_extra(x, extra) if extra else x


def with_extra(x: Any, extra: Mapping[str, Any]) -> Any:
    """`x` with the fields of `extra` replaced (a dict context is updated)."""
    if isinstance(x, Mapping):
        return {**x, **extra}
    if not dataclasses.is_dataclass(x) or isinstance(x, type):
        raise TemplateError(f"a document context is a dataclass, not {type(x).__name__}")
    names = {f.name for f in dataclasses.fields(x)}
    unknown = sorted(set(extra) - names)
    if unknown:
        raise TemplateError(f"{type(x).__name__} has no field {', '.join(unknown)} to replace")
    return dataclasses.replace(x, **extra)


def context_type(spec: DocumentSpec) -> type | None:
    """The dataclass a document's context returns (its return annotation), or None."""
    import typing

    try:
        ret = typing.get_type_hints(spec.context).get("return")
    except Exception:  # an annotation that cannot be resolved: do not follow x.…
        return None
    return ret if isinstance(ret, type) and dataclasses.is_dataclass(ret) else None


def available() -> list[str]:
    return list(DOCUMENTS)


def applicable(case: Case, date: dt.date | None = None) -> list[str]:
    """The documents one case can make (dated `date`, when given), in packet order (what `check` lets through)."""
    out = []
    for key in DOCUMENTS:
        try:
            check(get(key), case, date=date)
        except DocumentNotApplicable:
            continue
        out.append(key)
    return out


def packet(case: Case, date: dt.date | None = None) -> list[str]:
    """The documents the default packet (render with no --doc) makes for this case: those its
    stage puts in the packet (``in_packet``) and the case can make (``check``)."""
    return [key for key in applicable(case, date) if get(key).in_packet(case)]


def get(key: str) -> DocumentSpec:
    module = DOCUMENTS.get(key)
    if module is None:
        known = ", ".join(DOCUMENTS)
        raise UsageError(f"unknown document {key!r}; known documents: {known}")
    return importlib.import_module(f"restitution.documents.{module}").SPEC
