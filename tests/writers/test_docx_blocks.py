"""Headings kept with the table after them in bilingual columns (writers/_docx_blocks.py):
read from the XML and, where LibreOffice is installed, from its PDF export, with the layout
check's kept-heading rule (checks/continuity.py)."""
from __future__ import annotations

import io

import docx
import pytest
from docx.enum.text import WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Pt
from docx.text.paragraph import Paragraph as DocxParagraph
from tooling import libreoffice_pdf, needs_tool

from restitution.checks.continuity import kept
from restitution.checks.layout import check_pdf, expectations
from restitution.document import Cell, Columns, Document, Heading, LineBreak, PageBreak, Paragraph, Run, Table
from restitution.language import EN, ZH
from restitution.writers import _docx_blocks
from restitution.writers.docx import write_docx

HEADINGS = ((Heading(2, (Run("3. Payments"),)),), (Heading(2, (Run("三、付款情况"),)),))


def _rows(n: int):
    return tuple(((Paragraph((Run(f"Line {i} of the English column."),)),), (Paragraph((Run(f"中文栏第{i}行。"),)),))
                 for i in range(n))


def _payments(lang, head: tuple[str, str, str]) -> Table:
    """A table at the full width whose header row is tall (its second cell six lines), so that
    a heading row left above it at a page's foot is easy to come by."""
    tall = Cell(tuple(x for _ in range(6) for x in (Run(head[1]), LineBreak()))[:-1])
    row = (Cell((Run("1"),)), Cell((Run("2026-06-05"),)), Cell((Run("USD 7,500.00"),)))
    return Table((Cell((Run(head[0]),)), tall, Cell((Run(head[2]),))), (row,) * 3, lang=lang)


EN_TABLE = _payments(EN, ("No.", "Date", "Amount"))
ZH_TABLE = _payments(ZH, ("序号", "日期", "金额"))


def _doc(*blocks) -> Document:
    return Document(key="k", lang="bilingual", title="t", langs=(EN, ZH), blocks=tuple(blocks))


def render(doc: Document) -> bytes:
    out = io.BytesIO()
    write_docx(doc, out)
    return out.getvalue()


def _body(data: bytes) -> list:
    d = docx.Document(io.BytesIO(data))
    return [c for c in d.element.body if c.tag in (qn("w:p"), qn("w:tbl"))]


def _kind(element) -> str:
    return "table" if element.tag == qn("w:tbl") else DocxParagraph(element, None).text or "hairline"


def _is_hairline(element) -> bool:
    p = DocxParagraph(element, None)
    f = p.paragraph_format
    return (p.text == "" and f.keep_with_next is True and f.line_spacing == Pt(1)
            and f.line_spacing_rule == WD_LINE_SPACING.EXACTLY and f.space_before == f.space_after == 0)


def test_a_last_row_of_headings_is_a_table_of_its_own_kept_with_the_table_after_it():
    """Between tables, a paragraph a point high: Word and LibreOffice would otherwise read the
    heading row as the last row of the columns table, or the first of the table after it."""
    body = _body(render(_doc(Columns(_rows(2) + (HEADINGS,)), EN_TABLE, ZH_TABLE)))
    assert [_kind(e) for e in body] == ["table", "hairline", "table", "hairline", "table", "hairline", "table"]
    assert _is_hairline(body[1]) and _is_hairline(body[3]) and _is_hairline(body[5])
    rows = body[2].findall(qn("w:tr"))
    assert len(rows) == 1
    paragraphs = [DocxParagraph(p, None) for p in rows[0].iter(qn("w:p"))]
    assert [p.text for p in paragraphs] == ["3. Payments", "三、付款情况"]
    assert all(p.paragraph_format.keep_with_next for p in paragraphs)
    # A row that may not split makes LibreOffice drop the table's keep-with-next.
    assert rows[0].find(f"{qn('w:trPr')}/{qn('w:cantSplit')}") is None


def test_columns_not_ending_in_headings_stay_one_table():
    body = _body(render(_doc(Columns((HEADINGS,) + _rows(2)))))
    assert [_kind(e) for e in body] == ["table"]
    assert len(body[0].findall(qn("w:tr"))) == 2  # the heading row joined to the row after it


def test_a_table_right_after_a_table_stays_a_table_of_its_own():
    """The English and the Chinese table of a bilingual document: with nothing between them, Word
    and LibreOffice read them as one table, the Chinese header a plain row in the middle."""
    body = _body(render(_doc(EN_TABLE, ZH_TABLE)))
    assert [_kind(e) for e in body] == ["table", "hairline", "table"]
    assert _is_hairline(body[1])
    body = _body(render(_doc(Columns(_rows(2)), EN_TABLE)))
    assert [_kind(e) for e in body] == ["table", "hairline", "table"]


def test_a_page_break_before_a_heading_row_goes_on_the_hairline_before_it():
    body = _body(render(_doc(Paragraph((Run("Before."),)), PageBreak(), Columns((HEADINGS,)), EN_TABLE)))
    assert [_kind(e) for e in body] == ["Before.", "hairline", "table", "hairline", "table"]
    assert DocxParagraph(body[1], None).paragraph_format.page_break_before is True


def _sweep() -> Document:
    """The heading row at every height a page's foot can cut it at: sections on pages of their
    own, each with one more row of text in the columns above the heading row than the last."""
    blocks: list = []
    for n in range(28, 60):
        blocks += [PageBreak(), Paragraph((Run("Section"),)), Columns(_rows(n) + (HEADINGS,)), EN_TABLE, ZH_TABLE]
    return _doc(*blocks[1:])


_export = libreoffice_pdf


@needs_tool("soffice pdftotext", "libreoffice pdftotext", what="LibreOffice (soffice) and poppler-utils")
@pytest.mark.slow
def test_libreoffice_keeps_the_heading_row_with_the_table_and_did_not_without_the_hairlines(tmp_path, monkeypatch):
    """LibreOffice's export passes the kept-heading rule at every height; written without the
    paragraphs that keep the heading row a table of its own, it leaves a heading row at the
    foot of a page whose next begins with its table, and the rule says so."""
    doc = _sweep()
    problems = check_pdf(_export(tmp_path, render(doc), "kept"), *expectations(doc, "docx"), chinese=False,
                         keep=kept(doc))
    assert problems == []

    monkeypatch.setattr(_docx_blocks.BlockWriter, "_apart", lambda self, sink, always=False: None)
    problems = check_pdf(_export(tmp_path, render(doc), "bare"), *expectations(doc, "docx"), chinese=False,
                         keep=kept(doc))
    assert any("the heading “3.Payments” is the last text of the page" in p for p in problems), problems


def test_a_party_block_has_no_first_line_indent_in_either_unit():
    """A paragraph of lines ended by hand (a party block): its first line starts where the others
    do. Both units are set, as the Chinese body style's indent in characters would otherwise win."""
    doc = Document(key="k", lang="zh", title="t", langs=(ZH,), blocks=(
        Paragraph((Run("投诉人：Olivia Nguyen"), LineBreak(), Run("国籍：澳大利亚"))),
        Paragraph((Run("正文。"),))))
    body = [c for c in _body(render(doc)) if c.tag == qn("w:p")]
    party, text = body[0], body[1]
    ind = party.find(qn("w:pPr")).find(qn("w:ind"))
    assert ind.get(qn("w:firstLine")) == "0" and ind.get(qn("w:firstLineChars")) == "0"
    own = text.find(qn("w:pPr")).find(qn("w:ind"))
    assert own is None  # a paragraph of running text keeps its style's indent
