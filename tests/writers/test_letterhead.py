"""The firm profile in both writers: letterhead, logo and fonts."""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import shutil
from pathlib import Path

import docx
import pytest
from docx.oxml.ns import qn
from PIL import Image
from pypdf import PdfReader

from restitution.document import Columns, Document, Heading, PageBreak, Paragraph, Run
from restitution.pipeline.profile import load_profile
from restitution.writers.docx import write_docx
from restitution.writers.pdf import write_pdf

FONTS = Path(__file__).resolve().parents[2] / "src" / "restitution" / "fonts"
DATE = dt.date(2026, 11, 20)
FIRM_EN = "Example & Partners Law Firm"
FIRM_ZH = "示例律师事务所"


@pytest.fixture(scope="module")
def firm(tmp_path_factory) -> Path:
    d = tmp_path_factory.mktemp("firm")
    (d / "fonts").mkdir()
    shutil.copy(FONTS / "DejaVuSans.ttf", d / "fonts" / "DejaVuSans.ttf")
    shutil.copy(FONTS / "NotoSerifSC-Regular.ttf", d / "fonts" / "FirmSC.ttf")
    Image.new("RGB", (200, 80), (22, 48, 92)).save(d / "logo.png")
    (d / "firm.yaml").write_text(
        "letterhead:\n"
        f"  en: ['{FIRM_EN}', 1 Example Road, Beijing]\n"
        f"  zh: [{FIRM_ZH}, 北京市示例路1号]\n"
        "logo: logo.png\n"
        "fonts:\n"
        "  latin: fonts/DejaVuSans.ttf\n"
        "  cjk: {regular: fonts/FirmSC.ttf, name: Firm Song}\n", encoding="utf-8")
    return d


def body(text: str) -> Paragraph:
    return Paragraph((Run(text),))


def document(lang: str, profile, pages: int = 2) -> Document:
    text = "Body text of the letter." if lang == "en" else "函件正文。"
    blocks = [Heading(1, (Run("Demand Letter" if lang == "en" else "律师函"),)), body(text)]
    for _ in range(pages - 1):
        blocks += [PageBreak(), body(text)]
    return Document(key="demand_letter", lang=lang, title="Demand Letter", blocks=tuple(blocks), date=DATE,
                    case_id="NW-2026-0042", langs=(lang,), profile=profile)


def pdf_of(doc: Document) -> PdfReader:
    buf = io.BytesIO()
    write_pdf(doc, buf)
    return PdfReader(io.BytesIO(buf.getvalue()))


def docx_of(doc: Document):
    buf = io.BytesIO()
    write_docx(doc, buf)
    return docx.Document(io.BytesIO(buf.getvalue())), buf.getvalue()


# ---------------------------------------------------------------- PDF


def test_pdf_letterhead_on_the_first_page_only(firm):
    reader = pdf_of(document("en", load_profile(firm)))
    first, second = (p.extract_text() for p in reader.pages)
    assert FIRM_EN in first and "1 Example Road" in first
    assert first.index(FIRM_EN) < first.index("Demand Letter")  # at the top, above the title
    assert FIRM_EN not in second
    assert len(reader.pages[0].images) == 1 and len(reader.pages[1].images) == 0


def test_pdf_letterhead_follows_the_language(firm):
    profile = load_profile(firm)
    zh = pdf_of(document("zh", profile)).pages[0].extract_text()
    assert FIRM_ZH in zh and FIRM_EN not in zh
    hant = pdf_of(dataclasses.replace(document("zh", profile), lang="zh-Hant", langs=("zh-Hant",)))
    assert "示例律師事務所" in hant.pages[0].extract_text()


def test_bilingual_pdf_has_both_letterheads(firm):
    profile = load_profile(firm)
    doc = Document(key="demand_letter", lang="bilingual", title="Demand Letter / 律师函",
                   blocks=(Columns(((( body("Body text."),), (body("正文。"),)),)),), date=DATE,
                   case_id="NW-2026-0042", langs=("en", "zh"), profile=profile)
    text = pdf_of(doc).pages[0].extract_text()
    assert FIRM_EN in text and FIRM_ZH in text


def test_pdf_uses_the_firm_fonts_first(firm):
    reader = pdf_of(document("en", load_profile(firm), pages=1))
    fonts = {str(f["/BaseFont"]) for f in reader.pages[0]["/Resources"]["/Font"].values()}
    assert any("DejaVuSans" in f for f in fonts), fonts
    assert not any("NotoSerif-" in f for f in fonts), fonts  # Latin text no longer needs the bundled serif


def test_pdf_without_profile_has_no_letterhead(firm):
    reader = pdf_of(document("en", None, pages=1))
    assert FIRM_EN not in reader.pages[0].extract_text() and not reader.pages[0].images


def test_pdf_with_profile_is_reproducible(firm):
    a, b = io.BytesIO(), io.BytesIO()
    write_pdf(document("en", load_profile(firm)), a)
    write_pdf(document("en", load_profile(firm)), b)
    assert a.getvalue() == b.getvalue()


# ---------------------------------------------------------------- DOCX


def test_docx_letterhead_in_the_first_page_header(firm):
    d, _ = docx_of(document("en", load_profile(firm)))
    section = d.sections[0]
    assert section.different_first_page_header_footer
    header = section.first_page_header
    text = "\n".join(p.text for p in header.paragraphs)
    assert FIRM_EN in text and "1 Example Road" in text and FIRM_ZH not in text
    assert header.paragraphs[1].runs[0].bold  # the firm's name
    assert len(header.part._element.findall(".//" + qn("w:drawing"))) == 1  # the logo
    assert all(p.style.name == "Letterhead" for p in header.paragraphs)
    assert not any(p.text for p in section.header.paragraphs)  # later pages: no letterhead
    # the page number is on the first page too
    for footer in (section.footer, section.first_page_footer):
        assert "PAGE" in footer.part._element.xml


def test_docx_names_the_firm_fonts(firm):
    d, _ = docx_of(document("zh", load_profile(firm)))
    fonts = d.styles["Body Text"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == "DejaVu Sans" and fonts.get(qn("w:eastAsia")) == "Firm Song"
    heading = d.styles["Heading 1"].element.rPr.find(qn("w:rFonts"))
    assert heading.get(qn("w:eastAsia")) == "Firm Song"
    header = "\n".join(p.text for p in d.sections[0].first_page_header.paragraphs)
    assert FIRM_ZH in header


def test_docx_without_profile_keeps_default_fonts_and_header():
    d, _ = docx_of(document("en", None))
    assert not d.sections[0].different_first_page_header_footer
    fonts = d.styles["Body Text"].element.rPr.find(qn("w:rFonts"))
    assert fonts.get(qn("w:ascii")) == "Times New Roman"


def test_docx_with_profile_is_reproducible(firm):
    _, a = docx_of(document("en", load_profile(firm)))
    _, b = docx_of(document("en", load_profile(firm)))
    assert a == b
