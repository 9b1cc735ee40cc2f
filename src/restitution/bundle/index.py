"""The evidence index at the front of the bundle.

The index is the bilingual ``evidence_index`` document, rendered through the
same pipeline as every other document, told where each exhibit sits in the
bundle: ``page_ranges`` maps an exhibit's number to the first and last page
of the bundle it occupies (its cover sheet to its last page). Those pages
depend on how long the index itself is, so `settle` renders until the index
length and the ranges agree.
"""
from __future__ import annotations

import datetime as dt
import io
from pathlib import Path
from typing import Callable

from restitution.case.model import Case
from restitution.errors import RestitutionError

PageRanges = dict[int, tuple[int, int]]
IndexRenderer = Callable[[Case, dt.date, PageRanges], bytes]

MAX_ROUNDS = 12


def render_index(case: Case, date: dt.date, page_ranges: PageRanges, *, templates: Path | None = None,
                 draft: bool = False) -> bytes:
    """The bilingual evidence index as PDF bytes (`templates`: a firm's template folder;
    `draft`: an index with Chinese fields the case lacks is marked DRAFT / 草稿)."""
    from restitution import writers
    from restitution.pipeline.render import render_document

    doc = render_document(case, "evidence_index", "bilingual", date, templates=templates,
                          extra={"page_ranges": page_ranges}, draft=draft)
    buf = io.BytesIO()
    writers.get("pdf").write(doc, buf)
    return buf.getvalue()


def page_count(pdf: bytes) -> int:
    from pypdf import PdfReader

    return len(PdfReader(io.BytesIO(pdf)).pages)


def settle(ranges_for: Callable[[int], PageRanges], render: IndexRenderer, case: Case,
           date: dt.date) -> tuple[bytes, int]:
    """Render the index until its length agrees with the page ranges it prints.

    Returns the index and the number of pages it is given. More index pages
    only move exhibits later, so the length never shrinks as the loop goes
    on; should it come out shorter than a length already tried, that length
    is kept and the caller pads the index with blank pages, which keeps
    every printed range true.
    """
    pages = 1
    for _ in range(MAX_ROUNDS):
        pdf = render(case, date, ranges_for(pages))
        got = page_count(pdf)
        if got <= pages:
            return pdf, pages
        pages = got
    raise RestitutionError(f"the evidence index does not settle on a length after {MAX_ROUNDS} renderings")
