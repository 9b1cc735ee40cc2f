"""The packet guide and README.txt written beside every packet (render and batch).

`guide_files` renders the registered ``packet_guide`` document for the
documents a render made, in the client's language (``case.language``), as
``{id}_guide_{lang}.pdf``, and a short ``README.txt`` listing the files in
the order to act on them. Both are part of the packet's one atomic write.

Trade-off: a by-product of every render rather than one more document in
the packet loop. A guide describes the packet, so it must come after it,
know which documents were made, and exist once per packet (not once per
language and format asked for); as a registered document its templates are
still checked like any other, and ``render --doc packet_guide`` still works.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from restitution.case.model import Case

if TYPE_CHECKING:
    from restitution.document import Document

README = "README.txt"


def guide_name(case: Case) -> str:
    return f"{case.id}_guide_{case.case.language}.pdf"


def guide_names(case: Case) -> list[str]:
    """The names `guide_files` writes, for a check of the targets before any work."""
    return [guide_name(case), README]


def guide_files(case: Case, docs: Iterable[str], date: dt.date, *, templates: Path | None = None
                ) -> list[tuple[str, bytes]]:
    from restitution.pipeline.render import to_bytes

    (name, doc), readme = guide_model(case, docs, date, templates=templates)
    return [(name, to_bytes(doc, "pdf")), readme]


def guide_model(case: Case, docs: Iterable[str], date: dt.date, *, templates: Path | None = None
                ) -> tuple[tuple[str, Document], tuple[str, bytes]]:
    """(the guide's file name and document model, (README.txt, its bytes)): the model is written
    as PDF by the caller (`guide_files`, or the writer process of a render)."""
    from restitution.documents.packet_guide import context
    from restitution.language.catalogue import catalogue
    from restitution.pipeline.render import render_document
    from restitution.pipeline.templating import template_dirs

    lang = case.case.language
    made = tuple(docs)
    words = catalogue(lang, tuple(template_dirs(templates)))
    x = context(case, words, date, made)
    extra = {f.name: getattr(x, f.name) for f in dataclasses.fields(x)}  # the whole context: made once
    doc = render_document(case, "packet_guide", lang, date, templates=templates, extra=extra)
    return (guide_name(case), doc), (README, _readme(case, x, words).encode("utf-8"))


def _readme(case: Case, x, words) -> str:
    lines = [words("guide.readme.head", case_id=case.id, date=x.today.isoformat()), "",
             words("guide.readme.guide", guide=guide_name(case)), "", words("guide.readme.order")]
    for n, s in enumerate(x.steps, 1):
        when = f" ({words('guide.readme.deadline', date=s.due[0].date.isoformat())})" if s.due else ""
        lines.append(f"  {n}. {case.id}_{s.key}_*: {words('guide.doc.' + s.key)}{when}")
        lines.append(f"     {words('guide.label.to')}: {s.to}")
    if x.kept:
        lines.append(words("guide.readme.kept"))
        lines += [f"  - {case.id}_{k}_*: {words('guide.doc.' + k)}" for k in x.kept]
    return "\n".join(lines) + "\n"
