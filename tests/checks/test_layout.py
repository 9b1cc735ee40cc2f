"""The layout check (checks/layout.py): every PDF of every example passes it, LibreOffice's
export of every example DOCX passes it, and pages made to fail it fail it."""
from __future__ import annotations

import datetime as dt
import io
import shutil
import subprocess
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas
from tooling import needs_tool

from restitution import documents
from restitution.case import load_case
from restitution.checks import layout
from restitution.checks.continuity import addresses, kept
from restitution.checks.layout import Bands, PageWords, Word, check_pdf, expectations, lines, read_words
from restitution.document import Columns, Document, Paragraph, Run, Table
from restitution.formatting.breaks import NO_LINE_END, NO_LINE_START
from restitution.language import ZH
from restitution.pipeline.render import render_document
from restitution.writers.docx import write_docx
from restitution.writers.fonts import FontConfig, font_stack
from restitution.writers.pdf import write_pdf

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = sorted(p.stem for p in (ROOT / "examples").glob("*.yaml"))
LANGS = ("en", "zh", "bilingual")
DATE = dt.date(2026, 1, 15)

needs_poppler = needs_tool("pdftotext", what="poppler-utils")


@pytest.fixture(scope="module")
def rendered() -> dict[str, list[Document]]:
    """Every document that applies to each example, in every language, rendered once."""
    out: dict[str, list[Document]] = {}
    for name in EXAMPLES:
        case = load_case(ROOT / "examples" / f"{name}.yaml")
        out[name] = [render_document(case, key, lang, DATE)
                     for key in documents.applicable(case, DATE) for lang in LANGS]
    return out


@pytest.fixture(scope="module")
def known() -> dict[str, set[str]]:
    """The e-mail addresses and URLs each example holds."""
    found = {name: addresses(load_case(ROOT / "examples" / f"{name}.yaml")) for name in EXAMPLES}
    assert all(found.values())
    return found


def _pdf(doc: Document) -> bytes:
    out = io.BytesIO()
    write_pdf(doc, out)
    return out.getvalue()


@needs_poppler
@pytest.mark.parametrize("example", EXAMPLES)
def test_every_pdf_of_every_example_passes(rendered, known, example):
    """Header and footer bands, overlapping words, Chinese line starts and ends, the case's
    e-mail addresses and URLs cut only at their marks, no heading stranded at a page's foot and
    no signature block split, on every page of every document in en, zh and bilingual."""
    docs = rendered[example]
    assert len(docs) >= 15
    problems = [f"{doc.key} {doc.lang}: {p}" for doc in docs
                for p in check_pdf(_pdf(doc), *expectations(doc, "pdf"), known=known[example], keep=kept(doc))]
    assert problems == []


def _narrow_cells(doc: Document) -> bool:
    """Does the document hold a table of three or more columns inside bilingual columns (the
    bilingual case plan and chargeback letter), cells about five characters wide?"""
    def widest(blocks) -> int:
        return max([len(b.header) or max(map(len, b.rows), default=0) for b in blocks if isinstance(b, Table)]
                   + [widest(getattr(b, "blocks", ())) for b in blocks], default=0)
    return any(widest(half) >= 3 for b in doc.blocks if isinstance(b, Columns) for row in b.rows for half in row)


def _after_latin(pdf: bytes) -> set[str]:
    """The breaks between English and Chinese text that break the Chinese rule: a line starting
    with a closing mark under a line of its column ending in a letter or digit ("Example Card
    Services plc" / "，通过其…"), and a line ending with an opening mark above one starting with
    a letter or digit ("…载明其居住地（" / "proceedings.suspects[]…"). LibreOffice applies a DOCX's
    kinsoku lists only to text marked Chinese, and these breaks fall at the boundary; nothing a
    DOCX can carry moves them (writers/_docx_blocks.py)."""
    allowed = set()
    for page in read_words(pdf):
        rows = lines(page.words)
        for row in rows:
            text = layout.line_text(row)
            column = [r for r in rows if abs(r[0].x0 - row[0].x0) < 2]
            above = [r for r in column if r[0].bottom < row[0].top]
            below = [r for r in column if r[0].top > row[0].bottom]
            last = max(above, key=lambda r: r[0].bottom)[-1].text[-1:] if above else ""
            first = min(below, key=lambda r: r[0].top)[0].text[:1] if below else ""
            if text[0] in NO_LINE_START and last.isascii() and last.isalnum():
                allowed.add(f"page {page.number}: a line starts with “{text[0]}”: {layout._quote(text)}")
            if text[-1] in NO_LINE_END and first.isascii() and first.isalnum():
                allowed.add(f"page {page.number}: a line ends with “{text[-1]}”: {layout._quote(text)}")
    return allowed


@needs_tool("soffice pdftotext", "libreoffice pdftotext", what="LibreOffice (soffice) and poppler-utils")
@pytest.mark.slow
def test_libreoffice_export_of_every_example_docx_passes(rendered, known, tmp_path):
    """All DOCX files converted in one LibreOffice run (its start-up is most of the cost).
    Bands, overlapping words, spread lines, the case's addresses cut only at their marks, no
    heading stranded at a page's foot and no signature block split (a heading row of bilingual
    columns followed by a table: tests/writers/test_docx_blocks.py), and Chinese line starts and
    ends, with two allowances, both LibreOffice's (writers/_docx_blocks.py): a mark next to
    Latin text across a line break (`_after_latin`), and the Chinese rule not at all where a table of three columns
    stands in a bilingual column (`_narrow_cells`): its cells hold five characters, and any break
    hint the writer tried there made LibreOffice's layout loop for minutes."""
    sources = {}
    for example, docs in rendered.items():
        for doc in docs:
            path = tmp_path / f"{example}.{doc.key}.{doc.lang}.docx"
            with path.open("wb") as out:
                write_docx(doc, out)
            sources[path.with_suffix(".pdf").name] = (doc, known[example])
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    assert soffice is not None
    subprocess.run([soffice, f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path / "pdf"),
                    *sorted(str(p) for p in tmp_path.glob("*.docx"))],
                   check=True, timeout=1800, capture_output=True)
    problems, allowed = [], 0
    for name, (doc, addresses_of_case) in sorted(sources.items()):
        pdf = (tmp_path / "pdf" / name).read_bytes()
        found = check_pdf(pdf, *expectations(doc, "docx"), chinese=not _narrow_cells(doc), known=addresses_of_case,
                          keep=kept(doc))
        residue = _after_latin(pdf)
        problems += [f"{name}: {p}" for p in found if p not in residue]
        allowed += sum(1 for p in found if p in residue)
    assert problems == []
    assert allowed <= 6  # four lines in the examples today: an allowance, not a way round the rule


# ---------------------------------------------------------------- pages that fail


def _page(draw) -> bytes:
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(595, 842))
    canvas.setFont("Helvetica", 10)
    canvas.drawCentredString(297, 30, "Page 1 of 1")
    draw(canvas)
    canvas.showPage()
    canvas.save()
    return out.getvalue()


BANDS = Bands(72, 72)


def _furniture(page: int, pages: int) -> list[str]:
    return [f"Page {page} of {pages}"]


@needs_poppler
def test_a_clean_page_passes():
    assert check_pdf(_page(lambda c: c.drawString(90, 700, "Body text inside the frame.")),
                     BANDS, _furniture) == []


@needs_poppler
def test_body_text_in_the_footer_band_fails():
    def draw(c):
        c.drawString(90, 100, "The last line in the frame")
        c.drawString(90, 50, "and one that ran into the footer")
    assert check_pdf(_page(draw), BANDS, _furniture) == [
        "page 1: text in the footer band: “and one that ran into the footer”"]


@needs_poppler
def test_text_printed_over_the_footer_fails_twice():
    problems = check_pdf(_page(lambda c: c.drawString(250, 30, "Procedure")), BANDS, _furniture)
    assert any("footer band" in p for p in problems)
    assert any("overlaps" in p for p in problems)


@needs_poppler
def test_text_in_the_header_band_fails_but_the_running_head_passes():
    def draw(c):
        c.drawString(90, 800, "Power of Attorney")
        c.drawString(90, 790, "A stray line")
    problems = check_pdf(_page(draw), BANDS, lambda n, t: _furniture(n, t) + ["Power of Attorney"])
    assert problems == ["page 1: text in the header band: “A stray line”"]


@needs_poppler
def test_a_running_head_cut_short_is_furniture():
    problems = check_pdf(_page(lambda c: c.drawString(90, 800, "Power of Att…")), BANDS,
                         lambda n, t: ["Page 1 of 1", "Power of Attorney"])
    assert problems == []


@needs_poppler
def test_chinese_line_starting_with_a_closing_mark_fails():
    face = font_stack(ZH, FontConfig()).primary.face()

    def draw(c):
        c.setFont(face, 12)
        c.drawString(90, 700, "报案人于2026年6月2日与深圳市荣耀示例科技有限公司（")
        c.drawString(90, 682, "，合同总价25,000.00美元")
    problems = check_pdf(_page(draw), BANDS, _furniture)
    assert [p.split(":")[1].strip() for p in problems] == ["a line ends with “（”", "a line starts with “，”"]


@needs_poppler
def test_the_writer_without_its_column_split_fails_the_check(monkeypatch):
    """reportlab's own split inside a bilingual row printed item 8 of the power of attorney
    over the footer; with it put back, the check finds the text in the footer band."""
    from reportlab.platypus import Table

    from restitution.writers import _pdf_blocks

    case = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    doc = render_document(case, "power_of_attorney", "bilingual", DATE)
    monkeypatch.setattr(_pdf_blocks._ColumnsTable, "_splitCell", Table._splitCell)
    monkeypatch.setattr(_pdf_blocks, "_overflows", lambda table: False)
    problems = check_pdf(_pdf(doc), *expectations(doc, "pdf"))
    assert any("text in the footer band" in p for p in problems), problems


def test_missing_pdftotext_is_a_clear_error(monkeypatch):
    monkeypatch.setattr(layout.shutil, "which", lambda name: None)
    with pytest.raises(layout.LayoutToolError, match="poppler"):
        layout.read_words(b"%PDF-1.4")


# ---------------------------------------------------------------- lines from word boxes


def W(text: str, x0: float, bottom: float, size: float = 10) -> Word:
    return Word(text, x0, bottom - size, x0 + 6 * len(text), bottom)


def test_lines_follow_the_baseline_and_cut_at_column_gaps():
    words = [W("right", 300, 100), W("left", 90, 100.5), W("column", 120, 100.5), W("next", 90, 114)]
    assert [[w.text for w in line] for line in lines(words)] == [["left", "column"], ["right"], ["next"]]


def test_overlap_needs_a_real_intersection():
    page = PageWords(1, 595, 842, (W("abc", 90, 100), W("def", 108.5, 100), W("ghi", 90, 110.5)))
    assert layout.check_overlaps(page) == []
    page = PageWords(1, 595, 842, (W("abc", 90, 100), W("def", 100, 100)))
    assert layout.check_overlaps(page) == ["page 1: “abc” overlaps “def”"]


def test_english_lines_are_not_held_to_chinese_rules():
    page = PageWords(1, 595, 842, (W("(quoted", 90, 100), W("”", 90, 114)))
    assert layout.check_chinese_lines(page) == []


def test_expectations_of_a_document():
    doc = Document(key="k", lang="en", title="Power of Attorney", case_id="NW-1",
                   blocks=(Paragraph((Run("x"),)),))
    bands, furniture = expectations(doc, "pdf")
    assert bands.top > 50 and bands.bottom > 50
    assert list(furniture(1, 3)) == ["Page 1 of 3"]
    assert list(furniture(2, 3)) == ["Page 2 of 3", "Power of Attorney", "NW-1"]
    assert list(expectations(doc, "docx")[1](2, 3)) == ["Page 2 of 3"]
