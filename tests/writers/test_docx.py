"""The DOCX writer, checked by reopening its output with python-docx.

Documents are built straight from the model's dataclasses, so these tests
depend on nothing but document.py and styles.py.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import shutil
import subprocess
import zipfile

import docx
import pytest
from tooling import needs_tool
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX, WD_LINE_SPACING
from docx.oxml.ns import qn
from docx.shared import Mm, Pt
from hypothesis import given, settings
from hypothesis import strategies as st

from restitution import styles, writers
from restitution.document import (
    Cell, Columns, Container, Document, Heading, LineBreak, ListBlock, ListItem, PageBreak,
    Paragraph, Rule, Run, Table,
)
from restitution.errors import CaseError, OutputError, TemplateError
from restitution.language import EN, ZH
from restitution.writers.docx import write_docx

DATE = dt.date(2026, 11, 20)
NASTY = "*Star* <Trading> & [Co](x)"
ZH_FACTS = "深圳市荣耀示例科技有限公司（以下简称“贵司”）于2026年6月5日收到我方货款，至今未交付货物。"


def para(text: str, style: str = "body", align=None) -> Paragraph:
    return Paragraph((Run(text),), style, align)


def item(*blocks) -> ListItem:
    return ListItem(tuple(blocks))


EN_BLOCKS = (
    Container("letterhead", (para("Example & Partners Law Firm"),)),
    Heading(1, (Run("Demand Letter"),)),
    Container("right", (para("20 November 2026"),)),
    Heading(2, (Run("1. Facts"),)),
    Paragraph((Run("The supplier "), Run(NASTY, bold=True), Run(" received "), Run("USD 25,000.00", italic=True),
               Run(". Goods: "), Run("【待译】LED panel light", untranslated=True, key="order.goods[0].description"),
               LineBreak(), Run("Second line."))),
    Heading(3, (Run("1.1 Payments"),)),
    ListBlock((item(para("Deposit of USD 7,500.00"), ListBlock((item(para("wire FT26156XYZ")),), ordered=True)),
               item(para("Balance of USD 17,500.00"), para("paid by card ending 4242"))), ordered=True, start=3),
    ListBlock((item(para("bullet one")), item(para("bullet two"))), ordered=False),
    Rule(),
    Table((Cell((Run("No."),)), Cell((Run("Date"),)), Cell((Run("Description"),)), Cell((Run("Pages"),), "right")),
          tuple((Cell((Run(str(i)),)), Cell((Run("2026-06-05"),)),
                 Cell((Run("Bank transfer receipt for the deposit paid to the supplier"),)),
                 Cell((Run(str(i)),), "right")) for i in range(1, 4))),
    Container("note", (para("Notarise and apostille this power of attorney before use in China."),)),
    PageBreak(),
    Container("signature", (para("For and on behalf of Northwind Trading LLC"), para("Signature: ____________"),
                            para("Jane Doe, Chief Executive Officer"))),
)

ZH_BLOCKS = (
    Heading(1, (Run("律师函"),)),
    Heading(2, (Run("一、事实"),)),
    Paragraph((Run(ZH_FACTS),)),
    ListBlock((item(para("退还全部货款。")), item(para("赔偿损失。"))), ordered=True),
    Container("signature", (para("委托人（签字）："), para("日期：2026年11月20日"))),
)


def en_doc(**changes) -> Document:
    fields = dict(key="demand_letter", lang="en", title="Demand Letter", blocks=EN_BLOCKS, date=DATE,
                  paper="A4", langs=("en",))
    fields.update(changes)
    return Document(**fields)


def zh_doc(**changes) -> Document:
    fields = dict(key="demand_letter", lang="zh", title="律师函", blocks=ZH_BLOCKS, date=DATE,
                  paper="A4", langs=("zh",))
    fields.update(changes)
    return Document(**fields)


def columns_doc() -> Document:
    rows = ((EN_BLOCKS[1:2], ZH_BLOCKS[0:1]), (EN_BLOCKS[3:5], ZH_BLOCKS[1:3]), ((EN_BLOCKS[6],), (ZH_BLOCKS[3],)))
    return Document("demand_letter", "bilingual", "Demand Letter 律师函", (Columns(rows),), DATE,
                    langs=("en", "zh"))


def render(doc: Document) -> bytes:
    out = io.BytesIO()
    write_docx(doc, out)
    return out.getvalue()


def reopen(data: bytes):
    return docx.Document(io.BytesIO(data))


def body_paragraphs(d):
    """Every paragraph of the body in document order, table cells included."""
    from docx.text.paragraph import Paragraph as DocxParagraph

    return [DocxParagraph(p, d._body) for p in d.element.body.iter(qn("w:p"))]


def text_of(d) -> str:
    return "\n".join(p.text for p in body_paragraphs(d))


def find(d, text: str):
    return next(p for p in body_paragraphs(d) if text in p.text)


@pytest.fixture(scope="module")
def en():
    return reopen(render(en_doc()))


@pytest.fixture(scope="module")
def zh():
    return reopen(render(zh_doc()))


@pytest.fixture(scope="module")
def bi():
    return reopen(render(columns_doc()))


# ---------------------------------------------------------------- text and styles


def test_registered_in_the_writer_registry():
    writer = writers.get("docx")
    assert writer.write is write_docx and writer.extension == ".docx"


def test_text_survives_literally(en):
    text = text_of(en)
    assert NASTY in text
    assert "The supplier *Star* <Trading> & [Co](x) received USD 25,000.00." in text
    assert "Example & Partners Law Firm" in text
    assert "Bank transfer receipt for the deposit paid to the supplier" in text


def test_blocks_get_named_styles(en):
    assert find(en, "Demand Letter").style.name == "Title"
    assert find(en, "1. Facts").style.name == "Heading 1"
    assert find(en, "1.1 Payments").style.name == "Heading 2"
    assert find(en, "The supplier").style.name == "Body Text"
    assert find(en, "Notarise").style.name == "Note"
    assert find(en, "Jane Doe").style.name == "Signature Block"
    assert find(en, "Example & Partners").style.name == "Letterhead"
    assert find(en, "20 November 2026").style.name == "Right Aligned"


def test_styles_follow_the_style_sheet(en, zh):
    for d, sheet in ((en, styles.EN), (zh, styles.ZH)):
        for name, key in (("Title", "title"), ("Heading 1", "heading1"), ("Body Text", "body"), ("Note", "note")):
            style, spec = d.styles[name], sheet[key]
            assert style.font.size == Pt(spec.size)
            assert bool(style.font.bold) == spec.bold
            fmt = style.paragraph_format
            assert fmt.space_after == Pt(spec.space_after)
            # The leading in points, at least, as in the PDF: a multiple of the font's own line height
            # made a Chinese letter a page longer in LibreOffice (Noto Serif CJK's line is 1.45 em).
            assert fmt.line_spacing_rule == WD_LINE_SPACING.AT_LEAST
            assert fmt.line_spacing.pt == pytest.approx(spec.size * spec.leading, abs=0.05)
    assert zh.styles["Body Text"].paragraph_format.first_line_indent == Pt(24)
    assert zh.styles["Title"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert en.styles["Heading 1"].paragraph_format.keep_with_next
    assert en.styles["Heading 1"].element.pPr.find(qn("w:outlineLvl")).get(qn("w:val")) == "0"
    # Theme colours and borders of the template's Title are gone.
    assert en.styles["Title"].element.rPr.find(qn("w:color")) is None


def test_zh_body_indent_is_two_characters(zh):
    ind = zh.styles["Body Text"].element.pPr.find(qn("w:ind"))
    assert ind.get(qn("w:firstLineChars")) == "200"


def test_runs_bold_italic_highlight_and_breaks(en):
    p = find(en, "The supplier")
    runs = {r.text: r for r in p.runs}
    assert runs[NASTY].bold and not runs["The supplier "].bold
    assert runs["USD 25,000.00"].italic
    assert runs["【待译】LED panel light"].font.highlight_color == WD_COLOR_INDEX.YELLOW
    assert runs["The supplier "].font.highlight_color is None
    assert p._p.find(".//" + qn("w:br")) is not None
    assert "\nSecond line." in p.text


# ---------------------------------------------------------------- fonts and languages


def _fonts(rpr):
    return rpr.find(qn("w:rFonts"))


def test_east_asian_fonts_in_defaults_styles_and_runs(zh):
    defaults = zh.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert _fonts(defaults).get(qn("w:eastAsia")) == "SimSun"
    assert _fonts(defaults).get(qn("w:ascii")) == "Times New Roman"
    assert _fonts(defaults).get(qn("w:eastAsiaTheme")) is None
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-CN"
    assert _fonts(zh.styles["Body Text"].element.rPr).get(qn("w:eastAsia")) == "SimSun"
    assert _fonts(zh.styles["Heading 1"].element.rPr).get(qn("w:eastAsia")) == "SimHei"
    assert _fonts(zh.styles["Title"].element.rPr).get(qn("w:eastAsia")) == "SimHei"
    body_run = find(zh, "深圳市").runs[0]._r
    assert _fonts(body_run.rPr).get(qn("w:eastAsia")) == "SimSun"
    assert _fonts(body_run.rPr).get(qn("w:hint")) == "eastAsia"
    heading_run = find(zh, "律师函").runs[0]._r
    assert _fonts(heading_run.rPr).get(qn("w:eastAsia")) == "SimHei"


def test_english_document_names_chinese_faces_too(en):
    # An English letter still prints the supplier's Chinese name.
    run = find(en, "The supplier").runs[0]._r
    assert _fonts(run.rPr).get(qn("w:ascii")) == "Times New Roman"
    assert _fonts(run.rPr).get(qn("w:eastAsia")) == "SimSun"
    assert _fonts(run.rPr).get(qn("w:hint")) is None


def test_hong_kong_documents_use_traditional_faces():
    d = reopen(render(zh_doc(lang="zh-Hant", langs=("zh-Hant",))))
    assert _fonts(d.styles["Body Text"].element.rPr).get(qn("w:eastAsia")) == "PMingLiU"
    defaults = d.styles.element.find(qn("w:docDefaults")).find(qn("w:rPrDefault")).find(qn("w:rPr"))
    assert defaults.find(qn("w:lang")).get(qn("w:eastAsia")) == "zh-HK"


def test_font_table_lists_the_chinese_faces():
    with zipfile.ZipFile(io.BytesIO(render(zh_doc()))) as z:
        table = z.read("word/fontTable.xml").decode("utf-8")
    assert 'w:name="SimSun"' in table and "宋体" in table and 'w:name="SimHei"' in table


# ---------------------------------------------------------------- page


def test_page_size_and_margins(en):
    section = en.sections[0]
    assert abs(section.page_width - Mm(210)) < Mm(0.1)
    assert abs(section.page_height - Mm(297)) < Mm(0.1)
    assert abs(section.left_margin - Pt(styles.A4.left)) < Mm(0.1)
    assert abs(section.top_margin - Pt(styles.A4.top)) < Mm(0.1)


def test_letter_paper():
    section = reopen(render(en_doc(paper="Letter"))).sections[0]
    assert abs(section.page_width - Pt(612)) < Pt(0.1) and abs(section.page_height - Pt(792)) < Pt(0.1)


def _footer_fields(d) -> tuple[str, list[str]]:
    footer = d.sections[0].footer
    instr = [t.text.strip() for t in footer._element.iter(qn("w:instrText"))]
    return "".join(p.text for p in footer.paragraphs), instr


def test_footer_page_fields(en, zh, bi):
    text, instr = _footer_fields(en)
    assert instr == ["PAGE", "NUMPAGES"] and text == "Page 1 of 1"
    text, instr = _footer_fields(zh)
    assert instr == ["PAGE", "NUMPAGES"] and text == "第 1 页 共 1 页"
    text, instr = _footer_fields(bi)
    assert instr == ["PAGE", "NUMPAGES"] * 2
    assert "Page 1 of 1" in text and "第 1 页 共 1 页" in text
    fld = [c.get(qn("w:fldCharType")) for c in en.sections[0].footer._element.iter(qn("w:fldChar"))]
    assert fld == ["begin", "separate", "end"] * 2


def test_page_break_is_a_break_before_the_next_paragraph(en):
    assert find(en, "For and on behalf").paragraph_format.page_break_before
    assert not any(p._p.find(".//" + qn("w:br")) is not None and not p.text.strip() for p in body_paragraphs(en))


def test_trailing_page_break_adds_no_blank_page():
    d = reopen(render(en_doc(blocks=(para("Only page."), PageBreak()))))
    assert [p.text for p in d.paragraphs] == ["Only page."]


def test_rule_is_a_bottom_border_style(en):
    rule = next(p for p in body_paragraphs(en) if p.style.name == "Horizontal Rule")
    assert rule.text == ""
    border = rule.style.element.pPr.find(qn("w:pBdr")).find(qn("w:bottom"))
    assert border.get(qn("w:val")) == "single"


# ---------------------------------------------------------------- containers and lists


def test_signature_is_kept_together(en):
    sig = [p for p in body_paragraphs(en) if p.style.name == "Signature Block"]
    assert len(sig) == 3
    assert all(p.paragraph_format.keep_together for p in sig)
    assert [bool(p.paragraph_format.keep_with_next) for p in sig] == [True, True, False]


def test_alignment_override_and_container_alignment(en):
    d = reopen(render(en_doc(blocks=(para("centred", align="center"), Container("center", (para("x"),))))))
    assert d.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.CENTER
    assert d.paragraphs[1].style.name == "Centered"
    assert d.styles["Centered"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.CENTER


def _numbering(d, p):
    numpr = p._p.pPr.find(qn("w:numPr"))
    if numpr is None:
        return None
    num_id = numpr.find(qn("w:numId")).get(qn("w:val"))
    ilvl = int(numpr.find(qn("w:ilvl")).get(qn("w:val")))
    numbering = d.part.numbering_part.element
    num = numbering.num_having_numId(int(num_id))
    abstract_id = num.abstractNumId.val
    abstract = next(a for a in numbering.findall(qn("w:abstractNum"))
                    if a.get(qn("w:abstractNumId")) == str(abstract_id))
    lvl = abstract.findall(qn("w:lvl"))[ilvl]
    return (num_id, ilvl, lvl.find(qn("w:numFmt")).get(qn("w:val")), lvl.find(qn("w:lvlText")).get(qn("w:val")),
            int(lvl.find(qn("w:start")).get(qn("w:val"))))


def test_lists_use_real_numbering(en):
    first = _numbering(en, find(en, "Deposit"))
    nested = _numbering(en, find(en, "wire FT26156XYZ"))
    second = _numbering(en, find(en, "Balance"))
    bullet = _numbering(en, find(en, "bullet one"))
    assert first[1:] == (0, "decimal", "%1.", 3)  # starts where the template said
    assert second == first  # same list, next number
    assert nested[1:] == (1, "lowerLetter", "(%2)", 1) and nested[0] != first[0]
    assert bullet[2:4] == ("bullet", "•") and bullet[0] != first[0]
    continuation = find(en, "paid by card ending 4242")
    assert _numbering(en, continuation) is None
    assert continuation.paragraph_format.left_indent > 0
    assert find(en, "Deposit").style.name == "List Paragraph"


def test_chinese_lists_use_chinese_markers():
    blocks = (ListBlock((item(para("一项"), ListBlock((item(para("分项")),), ordered=True)),), ordered=True),)
    d = reopen(render(zh_doc(blocks=blocks)))
    assert _numbering(d, find(d, "分项"))[3] == "（%2）"


# ---------------------------------------------------------------- tables and columns


def test_table_header_repeats_and_has_a_grid(en):
    table = en.tables[0]
    rows = table._tbl.tr_lst
    assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    assert all(r.trPr.find(qn("w:tblHeader")) is None for r in rows[1:])
    assert all(r.trPr.find(qn("w:cantSplit")) is not None for r in rows)  # short rows stay whole
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"single"}
    assert len(borders) == 6
    assert [c.text for c in table.rows[0].cells] == ["No.", "Date", "Description", "Pages"]
    assert table.rows[0].cells[0].paragraphs[0].style.name == "Table Heading"
    assert table.rows[1].cells[0].paragraphs[0].style.name == "Table Text"
    assert table.rows[1].cells[3].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.RIGHT


def test_a_row_longer_than_a_page_may_split():
    long = Table((Cell((Run("No."),)), Cell((Run("Text"),))), ((Cell((Run("1"),)), Cell((Run("word " * 400),))),))
    tr = reopen(render(en_doc(blocks=(long,)))).tables[0]._tbl.tr_lst[1]
    assert tr.trPr is None or tr.trPr.find(qn("w:cantSplit")) is None


def test_table_columns_fit_the_text_width(en):
    grid = [int(c.get(qn("w:w"))) for c in en.tables[0]._tbl.tblGrid.findall(qn("w:gridCol"))]
    assert sum(grid) == round((styles.A4.width - styles.A4.left - styles.A4.right) * 20)
    no, date, description, pages = grid
    assert description > date > no and pages < description  # wide where the text is long


def test_columns_are_a_borderless_two_column_table(bi):
    """Three rows of blocks; the first, of headings only, joined to the next (kept with it)."""
    assert len(bi.tables) == 1
    table = bi.tables[0]
    assert len(table.columns) == 2 and len(table.rows) == 2
    borders = table._tbl.tblPr.find(qn("w:tblBorders"))
    assert {b.get(qn("w:val")) for b in borders} == {"nil"}
    left, right = table.rows[0].cells
    assert left.paragraphs[0].text == "Demand Letter" and right.paragraphs[0].text == "律师函"
    assert NASTY in left.text and ZH_FACTS in right.text


def test_columns_use_each_language_style_sheet(bi):
    table = bi.tables[0]
    en_p = table.rows[0].cells[0].paragraphs[-1]
    zh_p = table.rows[0].cells[1].paragraphs[-1]
    assert en_p.style.name == "Body Text" and zh_p.style.name == "Body Text (zh)"
    assert bi.styles["Body Text (zh)"].font.size == Pt(styles.ZH["body"].size)
    assert bi.styles["Body Text"].font.size == Pt(styles.EN["body"].size)
    assert bi.styles["Heading 1 (zh)"].paragraph_format.first_line_indent == 0
    assert _fonts(zh_p.runs[0]._r.rPr).get(qn("w:hint")) == "eastAsia"
    # A list nested in a cell, followed by nothing, still ends the cell with a paragraph.
    assert all(c._tc[-1].tag == qn("w:p") for row in table.rows for c in row.cells)


def test_interleaved_bilingual_takes_each_blocks_own_language():
    # The English address names a Chinese company and the Chinese line quotes an English
    # one: the language is the block's, whatever characters dominate.
    en_address = Paragraph((Run("To: 深圳市荣耀示例科技有限公司（深圳荣耀）"),), lang=EN)
    zh_line = Paragraph((Run("Shenzhen Glory Tech Co., Ltd. 收"),), lang=ZH)
    doc = Document("demand_letter", "bilingual", "Demand Letter 律师函",
                   (para("The supplier has not delivered.", ), en_address, zh_line, para(ZH_FACTS)), DATE,
                   langs=("en", "zh"))
    d = reopen(render(doc))
    # Blocks without a language are in the document's first one.
    assert [p.style.name for p in d.paragraphs] == ["Body Text", "Body Text", "Body Text (zh)", "Body Text"]
    assert _fonts(d.paragraphs[2].runs[0]._r.rPr).get(qn("w:hint")) == "eastAsia"
    assert _fonts(d.paragraphs[1].runs[0]._r.rPr).get(qn("w:hint")) is None


def test_w_lang_core_properties_one_name_per_language():
    """Word's name of the language (Language.ooxml_tag) everywhere in the package: a Hong Kong
    document is zh-HK in its core properties, its defaults and every style, English blocks too."""
    for doc, main, han in ((en_doc(), "en-US", "zh-CN"), (zh_doc(), "zh-CN", "zh-CN"),
                           (zh_doc(lang="zh-Hant", langs=("zh-Hant",)), "zh-HK", "zh-HK"),
                           (Document("k", "bilingual", "t", (para("x"), para("甲", ) ), DATE,
                                     langs=("en", "zh-Hant")), "en-US", "zh-HK")):
        data = render(doc)
        assert reopen(data).core_properties.language == main
        with zipfile.ZipFile(io.BytesIO(data)) as z:
            xml = z.read("word/styles.xml").decode() + z.read("word/settings.xml").decode()
        found = set(re.findall(r'w:eastAsia="(zh-[^"]*)"', xml)) - {"SimSun", "PMingLiU"}
        assert found == {han}, doc.langs
        assert set(re.findall(r'<w:lang w:val="([^"]*)"', xml)) == {"en-US"}


# ---------------------------------------------------------------- determinism and package


def test_same_document_same_bytes():
    assert render(en_doc()) == render(en_doc())
    assert render(columns_doc()) == render(columns_doc())
    assert render(en_doc()) != render(en_doc(date=dt.date(2026, 11, 21)))


def test_package_is_repacked_with_fixed_times_and_order():
    with zipfile.ZipFile(io.BytesIO(render(zh_doc()))) as z:
        infos = z.infolist()
        names = [i.filename for i in infos]
        assert names[:2] == ["[Content_Types].xml", "_rels/.rels"]
        assert names[2:] == sorted(names[2:])
        assert {i.date_time for i in infos} == {(1980, 1, 1, 0, 0, 0)}
        # Leftovers of python-docx's template are not shipped.
        assert not any("thumbnail" in n or "customXml" in n or "stylesWithEffects" in n for n in names)
        assert b"rsid" not in z.read("word/styles.xml") and b"rsid" not in z.read("word/settings.xml")


def test_core_properties(zh):
    props = zh.core_properties
    assert props.title == "律师函" and props.author == "restitution"
    assert props.last_modified_by == "restitution" and props.revision == 1
    assert props.created == props.modified == dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)
    assert props.category == "demand_letter"


# ---------------------------------------------------------------- errors


def test_control_character_from_the_case_names_its_key():
    bad = Paragraph((Run("ACME\x0bLtd", key="supplier.name"),))
    with pytest.raises(CaseError) as err:
        render(en_doc(blocks=(bad,)))
    assert "supplier.name" in str(err.value) and "U+000B" in str(err.value)


def test_unknown_style_and_container_are_user_errors():
    with pytest.raises(TemplateError, match="'shout'"):
        render(en_doc(blocks=(para("x", style="shout"),)))
    with pytest.raises(TemplateError, match="'sidebar'"):
        render(en_doc(blocks=(Container("sidebar", (para("x"),)),)))


def test_unwritable_stream_is_an_output_error():
    class Full(io.RawIOBase):
        def writable(self):
            return True

        def write(self, b):
            raise OSError(28, "No space left on device")

    with pytest.raises(OutputError, match="No space left"):
        write_docx(en_doc(), Full())


_XML_TEXT = st.text(st.characters(blacklist_categories=("Cs", "Cc"), blacklist_characters="\ufffe\uffff"),
                    min_size=1, max_size=40)


@settings(max_examples=40, deadline=None)
@given(texts=st.lists(_XML_TEXT, min_size=1, max_size=3))
def test_any_printable_text_round_trips(texts):
    blocks = tuple(Paragraph((Run(t),)) for t in texts)
    d = reopen(render(en_doc(blocks=blocks)))
    assert [p.text for p in d.paragraphs] == texts


# ---------------------------------------------------------------- LibreOffice


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


@needs_tool("soffice pdftotext", "libreoffice pdftotext", what="LibreOffice (soffice) and pdftotext")
@pytest.mark.parametrize("make", [zh_doc, columns_doc], ids=["zh", "bilingual"])
def test_libreoffice_renders_the_chinese_text(tmp_path, make):
    source = tmp_path / "letter.docx"
    source.write_bytes(render(make()))
    # A private profile directory: parallel runs must not share one.
    profile = (tmp_path / "profile").as_uri()
    subprocess.run([_soffice(), f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)],
                   check=True, timeout=180, capture_output=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "letter.pdf"), "-"],
                          check=True, timeout=60, capture_output=True).stdout.decode("utf-8")
    compact = "".join(text.split())  # pdftotext spaces CJK next to digits
    assert "".join(ZH_FACTS.split()) in compact or "深圳市荣耀示例科技有限公司" in compact
    assert "律师函" in compact
    assert "第1页共1页" in compact


# ---------------------------------------------------------------- block languages


def _example(name: str, key: str, lang: str, layout: str = "columns") -> Document:
    from pathlib import Path

    from restitution.case import load_case
    from restitution.pipeline.render import render_document

    root = Path(__file__).resolve().parents[2]
    case = load_case(root / "examples" / f"{name}.yaml")
    return render_document(case, key, lang, DATE, layout=layout)


def test_interleaved_english_blocks_take_the_english_styles():
    """Same blocks as the PDF test: the English address and reference (full of Chinese) are in
    the English style family and fonts, their Chinese counterparts in the (zh) family."""
    d = reopen(render(_example("northwind-vanished", "demand_letter", "bilingual", layout="interleaved")))

    def paragraph(start: str):
        return next(p for p in d.paragraphs if p.text.startswith(start))

    for start in ("20 November 2026\nTo: Shenzhen Glory Tech", "Our ref.:"):
        p = paragraph(start)
        assert not p.style.name.endswith("(zh)"), (start, p.style.name)
        fonts = _fonts(p.runs[0]._r.rPr)
        assert fonts.get(qn("w:ascii")) == "Times New Roman" and fonts.get(qn("w:hint")) is None
    zh = paragraph("致：深圳市")
    assert zh.style.name.endswith("(zh)") and _fonts(zh.runs[0]._r.rPr).get(qn("w:hint")) == "eastAsia"
    lang = zh.style.element.rPr.find(qn("w:lang"))
    assert (lang.get(qn("w:val")), lang.get(qn("w:eastAsia"))) == ("en-US", "zh-CN")


def test_hong_kong_footer_is_traditional():
    data = render(_example("harbour-hk", "demand_letter", "zh"))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        footers = [z.read(n).decode() for n in z.namelist() if n.startswith("word/footer")]
    assert footers
    for xml in footers:
        text = "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
        assert text == "第 1 頁 共 1 頁"  # two live fields, shown as 1 until Word updates them
        assert "PAGE" in xml and "NUMPAGES" in xml
    assert reopen(data).core_properties.language == "zh-HK"


# ---------------------------------------------------------------- lines not stretched

PARTY = Paragraph((Run("委托人：北风贸易有限责任公司（Northwind Trading LLC）"), LineBreak(), Run("注册地：美国"),
                   LineBreak(), Run("授权签字人及联系人电子邮箱：ananya.rao.director@saffroncoast-imports.example"), LineBreak(),
                   Run("联系电话：+1 415 555 0100")))
JUSTIFIED = Paragraph((Run(ZH_FACTS * 3),))


def test_lines_ended_by_a_break_are_not_expanded():
    """Word's compatibility option (LibreOffice reads it too), and blocks of broken lines
    set flush left, so that a wrapped line inside them is not spread either."""
    data = render(zh_doc(blocks=(PARTY, JUSTIFIED)))
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        settings_xml = z.read("word/settings.xml").decode()
    assert "<w:doNotExpandShiftReturn/>" in settings_xml
    d = reopen(data)
    assert d.paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert d.paragraphs[1].alignment is None  # the style's: justified


def test_text_in_bilingual_columns_is_flush_left():
    rows = (((para("Place of incorporation: Estonia, registered under number 14922222 since 2021"),),
             (para("注册地：爱沙尼亚"),)),)
    d = reopen(render(Document("k", "bilingual", "t", (Columns(rows),), DATE, langs=("en", "zh"))))
    cells = d.tables[0].rows[0].cells
    assert cells[0].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT
    assert cells[1].paragraphs[0].alignment == WD_ALIGN_PARAGRAPH.LEFT


@needs_tool("soffice pdftotext", "libreoffice pdftotext", what="LibreOffice (soffice) and pdftotext")
def test_libreoffice_spreads_no_line_of_a_party_block(tmp_path):
    """The word-gap measure on LibreOffice's export: the party block's lines (ended by breaks,
    one wrapping) keep the gaps of set text; the justified paragraph beside them fills
    its lines, the check that the measure sees justification at all."""
    from restitution.checks.layout import check_stretched, gaps, line_text, lines, read_words

    source = tmp_path / "party.docx"
    source.write_bytes(render(zh_doc(blocks=(PARTY, JUSTIFIED))))
    subprocess.run([_soffice(), f"-env:UserInstallation={(tmp_path / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(tmp_path), str(source)],
                   check=True, timeout=180, capture_output=True)
    page = read_words((tmp_path / "party.pdf").read_bytes())[0]
    assert check_stretched(page) == []
    found = {line_text(line).replace(" ", ""): line for line in lines(page.words)}
    party = [line for text, line in found.items() if text.startswith(("注册地", "联系电话", "委托人", "授权签字人"))]
    assert len(party) == 4
    assert max(g for line in party for g in gaps(line) or [0.0]) < 1.0
    body = [line for text, line in found.items() if "深圳市" in text or "货物" in text]
    right = max(line[-1].x1 for line in body)
    assert sum(1 for line in body if abs(line[-1].x1 - right) < 2) >= 3  # justified: flush at both ends
