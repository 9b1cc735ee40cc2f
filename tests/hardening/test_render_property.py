"""Any valid case renders: every applicable document, en/zh/bilingual, DOCX and PDF.

The only exception allowed is `DocumentNotApplicable` (from ``spec.check``);
every file must reopen (pypdf, python-docx).
"""
from __future__ import annotations

import datetime as dt
import io
import tempfile
from pathlib import Path

import docx
import pypdf
from hypothesis import given

from restitution import documents
from restitution.case import loads_case
from restitution.language import OUTPUT_MODES
from restitution.pipeline.render import render_document, to_bytes

from .cases import case_files
from .profiles import rendering

DATE = dt.date(2026, 11, 20)


def render_everything(case) -> list[tuple[str, str, str, bytes]]:
    out = []
    for key in documents.applicable(case):
        for lang in OUTPUT_MODES:
            doc = render_document(case, key, lang, DATE)
            for fmt in ("pdf", "docx"):
                out.append((key, lang, fmt, to_bytes(doc, fmt)))
    return out


def reopen(fmt: str, data: bytes) -> None:
    if fmt == "pdf":
        reader = pypdf.PdfReader(io.BytesIO(data), strict=True)
        assert len(reader.pages) >= 1
    else:
        d = docx.Document(io.BytesIO(data))
        assert d.paragraphs or d.tables


@rendering()
@given(case_files())
def test_every_valid_case_renders_every_document(drawn):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        drawn.write(folder)
        case = loads_case(drawn.text, "case.yaml", folder)
        files = render_everything(case)
        assert files, "at least the power of attorney or the demand letter applies"
        for key, lang, fmt, data in files:
            reopen(fmt, data)
