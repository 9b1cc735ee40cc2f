"""The PDF writer, on documents built directly from the document model."""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest
from tooling import needs_tool
from pypdf import PdfReader

from restitution import writers
from restitution.document import (
    Cell, Columns, Container, Document, Heading, LineBreak, ListBlock, ListItem, PageBreak, Paragraph,
    Rule, Run, Table,
)
from restitution.errors import RestitutionError
from restitution.writers.fonts import MissingGlyphError
from restitution.writers.pdf import write_pdf

AMOUNT_ZH = "人民币壹万贰仟叁佰肆拾伍元陆角柒分"
LITERAL = "*Star* <Trading> & [Co](x) 5 < 6 > 4 &amp;"


def P(*parts, style="body", align=None) -> Paragraph:
    return Paragraph(tuple(Run(p) if isinstance(p, str) else p for p in parts), style, align)


def H(level: int, text: str) -> Heading:
    return Heading(level, (Run(text),))


def C(text: str) -> Cell:
    return Cell((Run(text),))


def english() -> Document:
    return Document(
        key="demand_letter", lang="en", title="Demand for Repayment", date=dt.date(2026, 11, 20),
        case_id="NW-2026-0042", langs=("en",),
        blocks=(
            Container("letterhead", (P("Example & Partners Law Firm", LineBreak(), "1 Example Road, Beijing"),)),
            Container("address", (P("Shenzhen Glory Tech Co., Ltd.", LineBreak(), "深圳市荣耀示例科技有限公司",
                                    LineBreak(), "88 Example Street, Bao'an District, Shenzhen"),)),
            Container("right", (P("Beijing, 20 November 2026"),)),
            H(1, "Demand for Repayment"),
            H(2, "1. Facts"),
            P("On 2 June 2026 our client, ", Run("Northwind Trading LLC", bold=True),
              ", ordered 2,000 LED panels from you and paid ", Run("USD 25,000.00", bold=True),
              ". You confirmed the order in writing and then stopped answering. " * 4,
              Run("Time is of the essence.", italic=True)),
            P(LITERAL),
            ListBlock((ListItem((P("Repay USD 25,000.00 within seven days."),)),
                       ListItem((P("Confirm the repayment in writing."),
                                 ListBlock((ListItem((P("by email"),)), ListItem((P("by letter"),)))))),
                       ), ordered=True),
            ListBlock((ListItem((P("Sales contract GT-0602"),)), ListItem((P("Bank statements"),)))),
            Rule(),
            Container("note", (P("This letter is sent without prejudice to our client's other rights."),)),
            Container("signature", (P("Li Ming", LineBreak(), "Attorney at law", LineBreak(),
                                      "Signature: ______________________"),)),
        ),
    )


def chinese(paragraphs: int = 14) -> Document:
    body = ("委托人因与深圳市荣耀示例科技有限公司买卖合同诈骗一事，特委托示例律师事务所李明律师为代理人，"
            "代为向公安机关报案、控告，申请复议、复核，申请立案监督，签收法律文书，代为和解、调解，"
            "代为接收退赔款项，并代为签署谅解书。涉案金额为" + AMOUNT_ZH + "。")
    return Document(
        key="power_of_attorney", lang="zh", title="授权委托书", date=dt.date(2026, 11, 20),
        case_id="NW-2026-0042", langs=("zh",),
        blocks=(
            H(1, "授权委托书"),
            P("委托人：北风贸易有限责任公司（Northwind Trading LLC）", style="body"),
            H(2, "一、委托事项"),
            *(P(body) for _ in range(paragraphs)),
            P(Run("【待译】After the balance was paid the seller stopped answering.", untranslated=True,
                  key="outcome.summary")),
            Container("signature", (P("委托人（签字、盖章）：", LineBreak(), "日期：2026年11月20日"),)),
        ),
    )


def bilingual() -> Document:
    rows = (
        ((H(1, "Power of Attorney"),), (H(1, "授权委托书"),)),
        ((P("The principal, Northwind Trading LLC, appoints Li Ming of Example & Partners Law Firm "
            "as its agent in the matter of the contract fraud committed by Shenzhen Glory Tech Co., Ltd. " * 3),),
         (P("委托人北风贸易有限责任公司特委托示例律师事务所李明律师为代理人，办理深圳市荣耀示例科技有限公司"
            "合同诈骗一事。" * 3),)),
        ((ListBlock((ListItem((P("to report the crime;"),)), ListItem((P("to receive restitution."),))),
                    ordered=True),),
         (ListBlock((ListItem((P("报案、控告；"),)), ListItem((P("代为接收退赔款项。"),))), ordered=True),)),
    )
    closing = (
        ((Table((C("Item"), C("Amount")), ((C("Advance"), C("USD 7,500.00")),)),
          Container("signature", (P("Principal (signature and seal):", LineBreak(), "Date:"),))),
         (Table((C("项目"), C("金额")), ((C("预付款"), C("7,500.00美元")),)),
          Container("signature", (P("委托人（签字、盖章）：", LineBreak(), "日期："),)))),
    )
    return Document(
        key="power_of_attorney", lang="bilingual", title="Power of Attorney / 授权委托书",
        date=dt.date(2026, 11, 20), case_id="NW-2026-0042", langs=("en", "zh"),
        blocks=(Columns(rows * 4 + closing), P("Interleaved English paragraph."),
                P("中文段落：" + AMOUNT_ZH + "。")),
    )


def long_table(rows: int = 60) -> Document:
    header = tuple(C(t) for t in ("No.", "Exhibit", "Date", "What it proves", "SHA-256"))
    body = tuple(
        (C(str(i)), C(f"Bank statement page {i} & wire confirmation"), C("2026-06-05"),
         C("Payment of the advance to the supplier's account " * (1 + i % 3)), C("9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"))
        for i in range(1, rows + 1))
    return Document(key="evidence_index", lang="en", title="Evidence Index", date=dt.date(2026, 11, 20),
                    case_id="NW-2026-0042", langs=("en",),
                    blocks=(H(1, "Evidence Index"), Table(header, body), PageBreak(), P("Signed.")))


def render(doc: Document, **kw) -> bytes:
    buf = io.BytesIO()
    write_pdf(doc, buf, **kw)
    return buf.getvalue()


def pages_text(data: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(data)).pages]


def font_names(data: bytes) -> set[str]:
    """BaseFont of every font resource on every page, including those of form XObjects."""
    names: set[str] = set()
    for page in PdfReader(io.BytesIO(data)).pages:
        fonts = page.get("/Resources", {}).get_object().get("/Font", {})
        for ref in fonts.get_object().values():
            names.add(str(ref.get_object()["/BaseFont"]))
    return names


def squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


# ---------------------------------------------------------------- registry and basics


def test_registered_as_pdf():
    writer = writers.get("pdf")
    assert writer.extension == ".pdf" and writer.write is write_pdf


def test_english_document_text_and_footer():
    data = render(english())
    assert data.startswith(b"%PDF-")
    texts = pages_text(data)
    full = "\n".join(texts)
    assert "Demand for Repayment" in full and "Northwind Trading LLC" in full
    assert "深圳市荣耀示例科技有限公司" in squash(full)
    n = len(texts)
    for i, text in enumerate(texts, 1):
        assert f"Page {i} of {n}" in text


def test_literal_text_survives_markup():
    full = " ".join(pages_text(render(english())))
    assert LITERAL in full


def test_chinese_text_extractable_and_footer_total():
    data = render(chinese())
    texts = pages_text(data)
    assert len(texts) >= 2
    full = squash("".join(texts))
    assert "授权委托书" in full and AMOUNT_ZH in full and "【待译】" in full
    for i, text in enumerate(texts, 1):
        assert f"第{i}页共{len(texts)}页" in squash(text)
    # later pages carry a running header with the title and the case id
    assert "NW-2026-0042" not in texts[0] and "NW-2026-0042" in texts[1]


def test_bilingual_columns_and_footer():
    texts = pages_text(render(bilingual()))
    full = squash("".join(texts))
    assert "PowerofAttorney" in full and "授权委托书" in full and "代为接收退赔款项" in full
    assert "Interleavedparagraph" not in full and "InterleavedEnglishparagraph" in full
    for i, text in enumerate(texts, 1):
        assert f"Page{i}of{len(texts)}/第{i}页共{len(texts)}页" in squash(text)
    assert "7,500.00美元" in full and "委托人（签字、盖章）：" in full and "Principal(signatureandseal):" in full


def test_table_spans_pages_with_repeated_header():
    texts = pages_text(render(long_table()))
    assert len(texts) >= 3
    table_pages = [squash(t) for t in texts if "Bankstatement" in squash(t)]
    assert len(table_pages) >= 2
    header = "No.ExhibitDateWhatitprovesSHA-256"
    assert table_pages[0].startswith("EvidenceIndex" + header)
    for text in table_pages[1:]:  # the header row repeats on every page the table reaches
        assert text.startswith(header), text[:80]
    assert "Bankstatementpage60&wireconfirmation" in squash(" ".join(texts))
    # the page break after the table: the last page holds only the closing line
    assert squash(texts[-1]).startswith("Signed.")


def _with_tall_row(doc: Document, at: int) -> Document:
    """`doc` with one row of its table taller than a page, which reportlab cuts in two."""
    from dataclasses import replace

    table = doc.blocks[1]
    rows = list(table.rows)
    rows[at] = (C(str(at)), C("Tall " + "word " * 1500), C("2026-06-05"), C("x"), C("y"))
    return replace(doc, blocks=(doc.blocks[0], replace(table, rows=tuple(rows))) + doc.blocks[2:])


@pytest.mark.parametrize("make", [lambda: long_table(300), lambda: _with_tall_row(long_table(200), 70)])
def test_long_table_laid_out_in_parts_as_one_table(make, monkeypatch):
    """A long table reaches reportlab a page or two of rows at a time (its cost would grow
    with the square of the rows): the pages read as those of one reportlab table."""
    from restitution.writers import _pdf_tables

    parts = pages_text(render(make()))
    monkeypatch.setattr(_pdf_tables, "TABLE_CHUNK", 10**6)
    whole = pages_text(render(make()))
    assert len(parts) > 5 and parts == whole


def _list_document(lang: str, *items: Paragraph) -> Document:
    return Document(key="k", lang=lang, title="Facts", langs=(lang,),
                    blocks=(ListBlock(tuple(ListItem((item,)) for item in items), ordered=True),))


def _long_fact(lang: str, size: int = 15_000) -> str:
    """Numbered sentences, so that a lost or repeated piece shows."""
    sentence = ("Fact {:04d}: the seller confirmed the order and then stopped answering. " if lang == "en"
                else "第{:04d}句：卖方确认了订单，随后不再回复。")
    text, i = "", 0
    while len(text) < size:
        text, i = text + sentence.format(i), i + 1
    return text


def _body_text(data: bytes, title: str) -> str:
    """The text of every page without the running header and the footer, squashed."""
    texts = pages_text(data)
    out = []
    for i, text in enumerate(texts, 1):
        s = squash(text).removesuffix(title if i > 1 else "")
        for footer in (f"Page{i}of{len(texts)}", f"第{i}页共{len(texts)}页"):
            s = s.removesuffix(footer)
        out.append(s)
    return "".join(out)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_list_item_longer_than_a_page_splits_across_pages(lang):
    fact = _long_fact(lang)
    data = render(_list_document(lang, P("A short first fact."), P(fact), P("A short last fact.")))
    assert len(pages_text(data)) >= 4
    assert _body_text(data, "Facts") == squash("1.A short first fact.2." + fact + "3.A short last fact.")


def _lines(n: int) -> Paragraph:
    parts: list = ["Line 1"]
    for i in range(2, n + 1):
        parts += [LineBreak(), f"Line {i}"]
    return P(*parts)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_list_item_of_a_page_and_a_line_or_two(lang):
    """reportlab moves a list item on rather than leave one or two lines on the next page;
    an item one or two lines taller than a page met that rule again at the top of the next
    page and the document failed. Every line count around a page's worth now lays out."""
    for n in range(36, 60):  # a page holds 40 lines of a Chinese list, 50 of an English one
        data = render(_list_document(lang, _lines(n)))
        assert _body_text(data, "Facts") == squash("1." + "".join(f"Line {i}" for i in range(1, n + 1))), n


def test_long_list_items_in_bilingual_columns():
    """The same in bilingual columns, where a row one to three lines taller than a page failed."""
    def columns(left: Paragraph, right: Paragraph) -> Document:
        en, zh = ((ListBlock((ListItem((p,)),), ordered=True),) for p in (left, right))
        return Document(key="k", lang="bilingual", title="Facts", langs=("en", "zh"),
                        blocks=(Columns(((en, zh),)),))
    for n in range(36, 46):
        assert f"Line{n}" in squash("".join(pages_text(render(columns(_lines(n // 2), _lines(n))))))
    en, zh = _long_fact("en"), _long_fact("zh")
    texts = pages_text(render(columns(P(en), P(zh))))
    full = squash("".join(texts))
    assert len(texts) >= 10
    # (a sentence cut by a page break reads with the other column in between)
    for text in (en, zh):
        sentences = [squash(s) for s in re.split(r"(?<=[.。])", text) if s.strip()]
        missing = [s for s in sentences if s not in full]
        assert len(missing) <= len(texts) and sentences[-1] not in missing


def test_right_to_left_lines_keep_their_words():
    """Hebrew is put in visual order line by line, after the lines are broken: the first
    words stay on the first line (reordering the paragraph first would move the last
    words there), and each word reads back in logical order."""
    def word(i: int) -> str:
        return "ש" + "".join("אבגדהוזחטי"[int(d)] for d in str(i))
    words = [word(i) for i in range(300)]
    doc = Document(key="k", lang="en", title="t", langs=("en",),
                   blocks=(P("Heading words: " + " ".join(words) + " end."),))
    lines = [line for text in pages_text(render(doc)) for line in text.splitlines()]
    found = [[words.index(w) for w in line.split() if w in words] for line in lines]
    found = [f for f in found if f]
    assert len(found) > 5 and sorted(i for f in found for i in f) == list(range(300))
    assert all(max(a) < min(b) for a, b in zip(found, found[1:]))
    assert lines[0].startswith("Heading words:")


def test_no_line_starts_with_closing_punctuation():
    texts = pages_text(render(chinese(paragraphs=30)))
    lines = [line.strip() for text in texts for line in text.splitlines() if line.strip()]
    assert len(lines) > 60
    assert not [line for line in lines if line[0] in "，。、；：）》」"]


def test_untranslated_runs_are_highlighted():
    def content(doc: Document) -> bytes:
        return b"".join(page.get_contents().get_data() for page in PdfReader(io.BytesIO(render(doc))).pages)
    fill = b"1 .941176 .627451 rg"  # the highlight colour, #FFF0A0
    assert fill in content(chinese())
    plain = Document(key="k", lang="zh", title="t", langs=("zh",), blocks=(P("【待译】 as plain text"),))
    assert fill not in content(plain)
    for lang in ("en", "zh"):  # also when the run is the whole paragraph, in one font
        alone = Document(key="k", lang=lang, title="t", langs=(lang,),
                         blocks=(Paragraph((Run("【待译】Seller", untranslated=True),)),))
        assert fill in content(alone)


def test_traditional_chinese_and_empty_document():
    doc = Document(key="power_of_attorney", lang="zh-Hant", title="授權委託書", langs=("zh-Hant",),
                   blocks=(H(1, "授權委託書"), P("委託人北風貿易有限責任公司。")))
    assert "授權委託書" in squash(pages_text(render(doc))[0])
    empty = Document(key="k", lang="en", title="Empty", langs=("en",), blocks=())
    assert [t.strip() for t in pages_text(render(empty))] == ["Page 1 of 1"]


def test_user_font_config_comes_first(tmp_path):
    from restitution.writers.fonts import BUNDLED_DIR, FontConfig, FontFamily
    path = tmp_path / "House-Regular.ttf"
    path.write_bytes((BUNDLED_DIR / "DejaVuSans.ttf").read_bytes())
    config = FontConfig(families=(FontFamily("House", path),), use_env=False)
    names = font_names(render(english(), fonts=config))
    assert any(n.endswith("+DejaVuSans") for n in names)
    assert not any(n.endswith("+NotoSerif-Regular") for n in names)  # Latin now set in the user's font


def test_pdf_metadata():
    info = PdfReader(io.BytesIO(render(chinese()))).metadata
    assert info.title == "授权委托书"
    assert info.author == "restitution" and info.creator == "restitution"
    assert info["/CreationDate"].startswith("D:20261120")


# ---------------------------------------------------------------- fonts


@pytest.mark.parametrize("make", [english, chinese, bilingual, long_table])
def test_only_embedded_subset_fonts(make):
    names = font_names(render(make()))
    assert names
    for name in names:
        assert re.fullmatch(r"/[A-Z]{6}\+.+", name), name  # a subset tag means embedded subset
        assert not re.search(r"Helvetica|Times|Courier|Symbol|ZapfDingbats", name)


def test_italic_latin_uses_slanted_face():
    names = font_names(render(english()))
    assert any("NotoSerif-Italic" in n for n in names)


def test_missing_glyph_names_code_point_and_document():
    doc = Document(key="demand_letter", lang="zh", title="律师函", langs=("zh",),
                   blocks=(P("供应商名称：𠀀记贸易"),))
    with pytest.raises(MissingGlyphError) as err:
        render(doc)
    msg = str(err.value)
    assert isinstance(err.value, RestitutionError)
    assert "U+20000" in msg and "律师函" in msg and "RESTITUTION_FONT_DIR" in msg


def test_missing_glyph_in_table_cell_and_title():
    doc = english()
    bad_table = Document(key="x", lang="en", title="T", langs=("en",),
                         blocks=(Table((C("a"),), ((C("\U0002A6A5"),),)),))
    with pytest.raises(MissingGlyphError, match="U\\+2A6A5"):
        render(bad_table)
    bad_title = Document(key=doc.key, lang="en", title="Demand \U00020001", langs=("en",), blocks=doc.blocks)
    with pytest.raises(MissingGlyphError, match="U\\+20001"):
        render(bad_title)


# ---------------------------------------------------------------- determinism and speed


@pytest.mark.parametrize("make", [english, chinese, bilingual])
def test_same_document_same_bytes(make):
    assert render(make()) == render(make())


def test_same_bytes_across_processes():
    """Nothing process-dependent (hash seed, clock, the synthetic italic's build) reaches the file."""
    script = ("import hashlib, sys; sys.path[:0] = sys.argv[1:]; import test_pdf as t; "
              "print(hashlib.sha256(t.render(t.english()) + t.render(t.bilingual())).hexdigest())")
    digests = set()
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        out = subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), str(Path(__file__).parents[1])], env=env,
                             capture_output=True, text=True, check=True)
        digests.add(out.stdout.strip())
    digests.add(hashlib.sha256(render(english()) + render(bilingual())).hexdigest())
    assert len(digests) == 1


def test_different_date_different_creation_date():
    a, b = chinese(), chinese()
    b = Document(**{**b.__dict__, "date": dt.date(2026, 12, 1)})
    assert render(a) != render(b)


def test_two_page_chinese_is_small():
    # Its speed is measured in benchmarks/ (a timed assertion fails on a loaded machine).
    data = render(chinese())
    assert len(PdfReader(io.BytesIO(data)).pages) == 2
    assert len(data) < 100_000, len(data)


def test_letter_paper():
    doc = Document(**{**english().__dict__, "paper": "Letter"})
    box = PdfReader(io.BytesIO(render(doc))).pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == (612, 792)


# ---------------------------------------------------------------- poppler, when installed


needs_poppler = needs_tool("pdftotext pdffonts", what="poppler-utils")


@needs_poppler
@pytest.mark.parametrize("make", [english, chinese, bilingual, long_table])
def test_pdffonts_all_embedded(make, tmp_path):
    path = tmp_path / "out.pdf"
    path.write_bytes(render(make()))
    out = subprocess.run(["pdffonts", str(path)], capture_output=True, text=True, check=True).stdout
    rows = out.splitlines()[2:]
    assert rows
    for row in rows:
        # columns: name type encoding emb sub uni object ID
        assert re.search(r"\byes\s+yes\s+yes\s+\d+\s+\d+\s*$", row), row
        assert not re.search(r"Helvetica|Times|Courier", row), row


@needs_poppler
def test_pdftotext_chinese(tmp_path):
    path = tmp_path / "out.pdf"
    path.write_bytes(render(chinese()))
    out = subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                         check=True).stdout
    flat = squash(out)
    assert "授权委托书" in flat and AMOUNT_ZH in flat and "第2页共2页" in flat


# ---------------------------------------------------------------- block languages


def _fonts_of(data: bytes) -> list[tuple[str, str]]:
    """(font base name without subset prefix, text) of every text run, in reading order."""
    runs: list[tuple[str, str]] = []
    for page in PdfReader(io.BytesIO(data)).pages:
        def visit(text, cm, tm, font, size):
            if text.strip() and font is not None:
                runs.append((str(font.get("/BaseFont")).split("+")[-1], text))
        page.extract_text(visitor_text=visit)
    return runs


def _example(name: str, key: str, lang: str, layout: str = "columns") -> Document:
    from restitution.case import load_case
    from restitution.pipeline.render import render_document

    root = Path(__file__).resolve().parents[2]
    case = load_case(root / "examples" / f"{name}.yaml")
    return render_document(case, key, lang, dt.date(2026, 11, 20), layout=layout)


def test_interleaved_english_blocks_are_set_in_the_latin_face():
    """The English address names the supplier in Chinese, the reference number is Chinese:
    both are English blocks, set in the English stack (Noto Serif first), and their Chinese
    counterparts in the Chinese stack. The writer used to guess from "any CJK character"."""
    doc = _example("northwind-vanished", "demand_letter", "bilingual", layout="interleaved")
    runs = _fonts_of(render(doc))

    def face(start: str) -> str:
        return next(f for f, t in runs if t.startswith(start))

    assert face("To: Shenzhen Glory Tech").startswith("NotoSerif-")
    assert face("Our ref.:").startswith("NotoSerif-")
    assert face("致：深圳市").startswith("NotoSerifSC-")


def test_pdf_lang_is_the_bcp47_tag_of_the_main_language():
    from restitution.language import EN, ZH, ZH_HANT

    for lang in (EN, ZH, ZH_HANT):
        doc = Document(key="k", lang=lang.code, title="t", langs=(lang,), blocks=(P("甲 a"),))
        assert PdfReader(io.BytesIO(render(doc))).trailer["/Root"]["/Lang"] == lang.tag
    both = Document(key="k", lang="bilingual", title="t", langs=("en", "zh-Hant"), blocks=(P("a"),))
    assert PdfReader(io.BytesIO(render(both))).trailer["/Root"]["/Lang"] == "en"


def layout_pages(doc: Document, tmp_path: Path) -> list[str]:
    """The PDF of `doc` as poppler lays its text out, one string per page."""
    path = tmp_path / f"{doc.key}.pdf"
    path.write_bytes(render(doc))
    return subprocess.run(["pdftotext", "-layout", str(path), "-"], capture_output=True, text=True,
                          check=True).stdout.split("\f")[:-1]


@needs_poppler
def test_hong_kong_footer_is_traditional(tmp_path):
    """The footer comes from the zh-Hant catalogue (common.page_footer converted to 頁), on every page."""
    doc = _example("harbour-hk", "demand_letter", "zh")
    assert doc.language.code == "zh-Hant"
    pages = layout_pages(doc, tmp_path)
    assert len(pages) >= 2
    for n, page in enumerate(pages, start=1):
        last = [line.strip() for line in page.splitlines() if line.strip()][-1]
        assert last == f"第{n}頁共{len(pages)}頁", last  # pdftotext drops the spaces between CJK
    assert "页" not in "".join(pages)


@needs_poppler
def test_hong_kong_running_head_is_traditional(tmp_path):
    """Pages after the first carry the title in the header: in Traditional characters for a
    Hong Kong document, as its footer, and the heading's own word (報案書). A police filing
    carries no internal file number."""
    doc = _example("harbour-hk", "police_report", "zh")
    assert doc.language.code == "zh-Hant"
    pages = layout_pages(doc, tmp_path)
    assert len(pages) >= 2
    for page in pages[1:]:
        head = next(line for line in page.splitlines() if line.strip())
        assert head.split() == ["報案書"], head


def test_a_heading_kept_with_a_long_table_splits_the_table_at_a_page_foot():
    """A heading kept with its text (_KeptWithNext) cut the table after it without the
    canvas its split needs: a traceback for any evidence index long enough to start low on
    a page (seen with 100 exhibits). The heading now goes with the table's first rows."""
    base = long_table(60)
    filler = tuple(P(f"Paragraph {i}: " + "the supplier's dealings, as the exhibits show. " * 6) for i in range(9))
    header = tuple(C(t) for t in ("No.", "Exhibit"))
    body = tuple((C(str(i)), C(f"Record {i}")) for i in range(1, 120))
    doc = Document(key=base.key, lang="en", title=base.title, date=base.date, case_id=base.case_id, langs=("en",),
                   blocks=(H(1, "Evidence Index"),) + filler + (H(2, "Exhibits"), Table(header, body)))
    text = pages_text(render(doc))
    assert len(text) >= 3
    start = next(i for i, t in enumerate(text) if "Exhibits" in t)
    assert "Record 1" in text[start]  # the heading with the table's first rows
    assert "Record 119" in text[-1]


def test_table_columns_go_as_far_towards_their_kept_units_as_the_width_allows():
    from restitution.writers._pdf_tables import balance
    # (narrowest, kept whole, natural) of two columns: both kept widths fit, then neither does
    assert balance([[(10.0, 60.0, 80.0), (10.0, 40.0, 200.0)]], 300.0)[0] >= 60.0 + 9
    # room for part of the way only: both above their narrowest (10 + 9 of padding), the wider unit more so
    part = balance([[(10.0, 60.0, 60.0), (10.0, 40.0, 40.0)]], 78.0)
    assert sum(part) == pytest.approx(78.0) and part[0] > part[1] > 19.0
    # nothing kept wider than the narrowest, and too little room for even that: no division by nought
    assert sum(balance([[(50.0, 50.0, 50.0), (50.0, 50.0, 50.0)]], 60.0)) == pytest.approx(60.0)
