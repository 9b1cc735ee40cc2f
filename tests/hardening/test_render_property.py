"""Any valid case renders: every applicable document, en/zh/bilingual, DOCX and PDF.

The only exception allowed is `DocumentNotApplicable` (from ``spec.check``);
every file must reopen (pypdf, python-docx), and every PDF passes the layout check
(checks/layout.py) where poppler is installed.
"""
from __future__ import annotations

import datetime as dt
import io
import shutil
import tempfile
from pathlib import Path

import docx
import pypdf
from hypothesis import given

from restitution import documents
from restitution.case import loads_case
from restitution.checks.layout import check_pdf, expectations
from restitution.language import OUTPUT_MODES
from restitution.pipeline.render import render_document, to_bytes

from .cases import case_files
from .profiles import rendering

DATE = dt.date(2026, 11, 20)


def render_everything(case, layout: bool = False) -> list[tuple[str, str, str, bytes]]:
    """Every file; with `layout`, each PDF is also held to the layout check."""
    out = []
    for key in documents.applicable(case, DATE):
        for lang in OUTPUT_MODES:
            doc = render_document(case, key, lang, DATE)
            for fmt in ("pdf", "docx"):
                data = to_bytes(doc, fmt)
                if layout and fmt == "pdf":
                    assert check_pdf(data, *expectations(doc, "pdf")) == [], (key, lang)
                out.append((key, lang, fmt, data))
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
        files = render_everything(case, layout=shutil.which("pdftotext") is not None)
        assert files, "at least the power of attorney or the demand letter applies"
        for key, lang, fmt, data in files:
            reopen(fmt, data)
