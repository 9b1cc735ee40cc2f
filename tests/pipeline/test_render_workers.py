"""`produce` with worker processes: the same files, and the error a run without them raises."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from restitution.case import load_case
from restitution.pipeline.render import produce
from restitution.writers import pdf
from restitution.writers.pdf import PdfLayoutError

NORTHWIND = Path(__file__).resolve().parents[2] / "examples" / "northwind-vanished.yaml"
WHEN = dt.date(2026, 11, 20)
DOCS = ["power_of_attorney", "evidence_index"]


def make(jobs: int):
    return produce(load_case(NORTHWIND), DOCS, ["en", "zh", "bilingual"], ["docx", "pdf"], WHEN, jobs=jobs)


def test_workers_write_the_same_files_in_the_same_order():
    alone, shared = make(1), make(2)
    assert len(alone.files) == 12
    assert [name for name, _ in shared.files] == [name for name, _ in alone.files]
    assert shared.files == alone.files


def test_a_failing_file_raises_as_without_workers(monkeypatch):
    write = pdf.write_pdf

    def failing(doc, stream, **kw):
        if (doc.key, doc.lang) in {("power_of_attorney", "zh"), ("evidence_index", "en")}:
            raise PdfLayoutError(f"cannot place {doc.key} {doc.lang}")
        return write(doc, stream, **kw)

    monkeypatch.setattr(pdf, "write_pdf", failing)  # the forked workers inherit it
    for jobs in (1, 2):
        with pytest.raises(PdfLayoutError, match="cannot place power_of_attorney zh"):
            make(jobs)


def test_a_packet_renders_each_documents_markdown_once(monkeypatch):
    """The check for untranslated fields renders the Chinese Markdown first; the models reuse it.
    Outside `produce` nothing is kept."""
    from restitution.pipeline import render

    calls: list[tuple[str, str]] = []
    real = render._render_markdown

    def counted(case, key, lang, date, **kw):
        calls.append((key, lang))
        return real(case, key, lang, date, **kw)

    monkeypatch.setattr(render, "_render_markdown", counted)
    case = load_case(NORTHWIND)
    produce(case, DOCS, ["en", "zh", "bilingual"], ["pdf"], WHEN, jobs=1)
    assert sorted(calls) == sorted({(key, lang) for key in DOCS for lang in ("en", "zh")})
    assert render._RENDERED is None
    calls.clear()
    render.render_markdown(case, DOCS[0], "en", WHEN)
    render.render_markdown(case, DOCS[0], "en", WHEN)
    assert calls == [(DOCS[0], "en")] * 2
