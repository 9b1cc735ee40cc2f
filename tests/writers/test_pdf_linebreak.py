"""Chinese line breaking in the PDF (writers/_pdf_linebreak.py): GB/T 15834-2011 and clreq
"basic", URLs and e-mail addresses, balanced titles; read back from the pages."""
from __future__ import annotations

import io

import pytest
from tooling import needs_tool

from restitution.checks.continuity import check_addresses
from restitution.checks.layout import NO_LINE_END, NO_LINE_START, check_chinese_lines, line_text, lines, read_words
from restitution.document import Columns, Document, Heading, Paragraph, Run
from restitution.writers._pdf_linebreak import choose
from restitution.writers._textflow import allowed
from restitution.writers.pdf import write_pdf

needs_poppler = needs_tool("pdftotext", what="poppler-utils")


def chars(text: str) -> list[str]:
    return list(text)


@pytest.mark.parametrize("text, at, ok", [
    ("报案人。", 3, False),      # 。 may not start a line
    ("账号（3301", 3, False),   # （ may not end one
    ("美元）。", 2, False),
    ("中文文本", 2, True),
    ("Trading LLC", 7, True),   # at the space
    ("Trading LLC", 3, False),  # inside a word
    ("等待——回复", 3, False),   # inside ——
    ("10,000.00元", 9, False),  # a number and its unit
    ("美国Northwind", 2, True),  # where Chinese meets Latin
])
def test_allowed(text, at, ok):
    assert allowed(chars(text), at) is ok


def test_a_closing_mark_pulls_the_character_before_it_along():
    text = chars("甲乙丙丁。戊")
    # 。 does not fit (index 4): the break moves before 丁, which goes down with it.
    assert choose(text, [1.0] * len(text), 0, 4, 4.0) == 3


def test_an_opening_mark_goes_down_with_what_follows():
    text = chars("甲乙丙（丁）")
    assert choose(text, [1.0] * len(text), 0, 4, 4.0) == 3


def test_a_word_that_fits_a_line_moves_whole():
    text = chars("邮箱：lily@163.example")
    widths = [1.0] * len(text)
    assert choose(text, widths, 0, 10, 20.0) == 3  # after "：", before the address


def test_a_word_longer_than_a_line_is_cut_at_a_dot_slash_or_at():
    text = chars("邮箱：lily.brightway@163.example.com")
    widths = [1.0] * len(text)
    b = choose(text, widths, 0, 18, 18.0)
    assert "".join(text[:b]) == "邮箱：lily.brightway"  # before the "@"
    assert "".join(text[:choose(text, widths, 0, 16, 16.0)]) == "邮箱：lily"  # before the "."


def test_a_number_longer_than_a_line_is_cut_into_even_parts():
    # A 26-digit WeChat Pay reference in a cell 25 digits wide: cut where full, it left
    # "8" alone on the second line, which reads as a number of its own.
    ref = chars("10000499012026081212345678")
    widths = [1.0] * len(ref)
    assert choose(ref, widths, 0, 25, 25.0) == 13
    # three lines' worth: parts of eight, nine and nine, the rest cut again evenly
    assert choose(ref, widths, 0, 10, 10.0) == 8
    assert choose(ref, widths, 8, 18, 10.0) == 17
    # the share is measured from the line's start, a bracket no line may end with included
    text = chars("（10000499012026081212345678）")
    assert choose(text, [1.0] * len(text), 0, 25, 25.0) == 14


def test_a_number_that_fits_a_line_moves_whole():
    text = chars("凭证号10000499012026081212345678")
    assert choose(text, [1.0] * len(text), 0, 20, 28.0) == 3  # after 号, the number whole below


def _doc(*blocks, lang="zh") -> Document:
    return Document(key="k", lang=lang, title="标题", blocks=tuple(blocks))


def _lines(doc: Document) -> list[str]:
    out = io.BytesIO()
    write_pdf(doc, out)
    return [line_text(line) for page in read_words(out.getvalue()) for line in lines(page.words)]


PUNCTUATED = ("报案人于2026年6月2日与深圳市荣耀示例科技有限公司（以下简称“被报案人”）签订《销售合同》"
              "（合同编号：GT-0602），合同总价25,000.00美元（大写：美元贰万伍仟元整），被报案人承诺于"
              "2026年7月10日前发货。")


@needs_poppler
@pytest.mark.parametrize("shift", range(0, 24, 3))
def test_no_line_starts_or_ends_with_a_forbidden_mark(shift):
    """The same punctuated text, shifted a character at a time, in a full and a narrow column."""
    text = "甲" * shift + PUNCTUATED * 3
    doc = _doc(Paragraph((Run(text),)),
               Columns((((Paragraph((Run("English"),)),), (Paragraph((Run(text),)),)),), ("en", "zh")))
    found = _lines(doc)
    assert len(found) > 10
    assert not [t for t in found if t[0] in NO_LINE_START or t[-1] in NO_LINE_END]


@needs_poppler
def test_an_email_address_is_not_cut_when_it_fits():
    found = _lines(_doc(Paragraph((Run("联系人：王涛，销售经理，电子邮箱：lily.brightway@163.example"
                                       "，微信号：tony_glory，电话：+86 138 0000 0000"),))))
    joined = [t.replace(" ", "") for t in found]
    assert any("lily.brightway@163.example" in t for t in joined), joined


@needs_poppler
def test_a_long_url_breaks_after_a_double_slash_or_before_a_slash_dot_or_hyphen():
    url = "https://gloryexample.en.alibaba.example/store/products/led-panel-600x600/specifications/index"
    found = _lines(Document(key="k", lang="bilingual", title="t", langs=("en", "zh"), blocks=(
        Columns((((Paragraph((Run("Store"),)),), (Paragraph((Run("网上店铺：" + url),)),)),), ("en", "zh")),)))
    parts = found[1:-1]  # between the English cell and the footer
    assert len(parts) >= 3 and parts[0].startswith("网上店铺：")
    assert "".join(parts).removeprefix("网上店铺：") == url
    for first, second in zip(parts, parts[1:]):
        assert first.endswith("//") or second.startswith(("/", ".", "@", "-")), (first, second)


ADDRESS = "lily.brightway@163.example"
EMAIL_TEXT = f"Contact: Wang Tao, sales manager, e-mail {ADDRESS}, WeChat tony_glory"


def _english_column(text: str) -> Document:
    return Document(key="k", lang="bilingual", title="t", langs=("en", "zh"), blocks=(
        Columns((((Paragraph((Run(text),)),), (Paragraph((Run("联系人"),)),)),), ("en", "zh")),))


def _narrow_column_lines(text: str) -> list[str]:
    """The English column's lines of a bilingual page, 12 pt wide or so less than the address."""
    return [t for t in _lines(_english_column(text)) if t != "联系人" and not t.startswith("Page")]


@needs_poppler
@pytest.mark.parametrize("prefix", ["", "To", "Send to the", "Written notice to the seller at"])
def test_an_address_longer_than_an_english_column_is_cut_only_at_its_marks(prefix):
    """English text with no Chinese: reportlab's own breaker cut an address anywhere
    ("lily.brightway@163.exampl" / "e"); now only before "." or "@", nothing else cut."""
    long = "lily.brightway.customer.service.department@163.example"
    text = f"{prefix} {long} or by post".strip()
    found = _narrow_column_lines(text)
    assert not any(long in t for t in found)  # longer than the column: it is cut
    assert long in "".join(found).replace(" ", "")  # and nothing of it is lost
    # No other word is cut: the words read back are those written, once the address's pieces
    # (the line ends and starts it was cut at) are put back together.
    words = [w for t in found for w in t.split()]
    start = next(i for i, w in enumerate(words) if long.startswith(w))
    end = start + 1
    while "".join(words[start:end]) != long:
        end += 1
    assert words[:start] + [long] + words[end:] == text.split()
    assert check_addresses(read_words(_pdf(_english_column(text))), [long]) == []


@needs_poppler
def test_reportlabs_own_breaker_fails_the_address_check(monkeypatch):
    """With reportlab's breaker put back, the same column cuts the address inside a word and
    the layout check says so: the check can fail."""
    from reportlab.platypus import Paragraph as RLParagraph

    from restitution.writers import _pdf_style

    long = "lily.brightway.customer.service.department@163.example"
    monkeypatch.setattr(_pdf_style._Paragraph, "breakLines", RLParagraph.breakLines)
    problems = check_addresses(read_words(_pdf(_english_column(f"E-mail {long} or by post"))), [long])
    assert problems and "is cut after" in problems[0], problems


@needs_poppler
def test_an_english_paragraph_with_a_long_address_is_still_justified():
    words = "The seller wrote from an address that is far too long for one line of text here: "
    doc = Document(key="k", lang="en", title="t", blocks=(
        Paragraph((Run(words * 2 + "https://www.example.com/" + "a" * 120 + " and then stopped. " + words),)),))
    pages = read_words(_pdf(doc))
    rows = [line for line in lines(pages[0].words) if len(line) > 4]
    right = [line[-1].x1 for line in rows[:-1]]  # every line but the last reaches the margin
    assert max(right) - min(right) < 2.0, right


def _pdf(doc: Document) -> bytes:
    out = io.BytesIO()
    write_pdf(doc, out)
    return out.getvalue()


@needs_poppler
def test_police_report_title_sits_on_balanced_lines():
    title = "关于深圳市荣耀示例科技有限公司涉嫌合同诈骗的报案材料"
    doc = _doc(Heading(1, (Run(title),)), Paragraph((Run("正文。"),)))
    out = io.BytesIO()
    write_pdf(doc, out)
    page = read_words(out.getvalue())[0]
    rows = [line for line in lines(page.words) if line_text(line).replace(" ", "") in title]
    assert len(rows) == 2 and "".join(line_text(r) for r in rows).replace(" ", "") == title
    # the name is not cut ("…科技有限 / 公司涉嫌…", lawyer4 N11): the break after it is near even
    assert [line_text(r).replace(" ", "") for r in rows] == ["关于深圳市荣耀示例科技有限公司", "涉嫌合同诈骗的报案材料"]
    assert check_chinese_lines(page) == []
    centres = [(r[0].x0 + r[-1].x1) / 2 for r in rows]
    assert abs(centres[0] - centres[1]) < 2.0  # both lines centred on the page


@needs_poppler
def test_a_title_with_no_name_under_its_break_stays_even():
    title = "关于供应商收取货款后失联并伪造发货单据涉嫌合同诈骗的报案材料"
    doc = _doc(Heading(1, (Run(title),)), Paragraph((Run("正文。"),)))
    page = read_words(_pdf(doc))[0]
    rows = [line for line in lines(page.words) if line_text(line).replace(" ", "") in title]
    a, b = (sum(w.x1 - w.x0 for w in row) for row in rows)
    assert len(rows) == 2 and abs(a - b) <= 18.5  # within one character (18 pt title)


@needs_poppler
def test_an_english_title_is_balanced_too():
    title = "Report of suspected contract fraud by Shenzhen Glory Tech Co., Ltd. to the public security bureau"
    doc = Document(key="k", lang="en", title="t", blocks=(Heading(1, (Run(title),)),))
    out = io.BytesIO()
    write_pdf(doc, out)
    rows = [line for line in lines(read_words(out.getvalue())[0].words)][:2]
    widths = [line[-1].x1 - line[0].x0 for line in rows]
    assert min(widths) > 0.75 * max(widths)


@needs_poppler
def test_table_cells_keep_dates_amounts_labels_and_references_whole():
    """A payments table of five columns (the police report's): its cells used to break
    "2026年7月/20日", "10,050.00欧/元" and "证据/3"; a reference is cut only after a hyphen."""
    from restitution.document import Cell, Table
    from restitution.language import ZH
    head = tuple(Cell((Run(t),)) for t in ("付款日期", "金额", "付款方式", "凭证号", "证据"))
    rows = tuple(tuple(Cell((Run(t),)) for t in row) for row in (
        ("2026年7月20日", "10,050.00欧元", "电汇", "SWIFT MT103 BNPAFRPP-260720-44812", "证据3"),
        ("2026年9月2日", "23,450.00欧元", "电汇", "SWIFT MT103 BNPAFRPP-260902-51907", "证据3"),
    ))
    found = [t.replace(" ", "") for t in _lines(Document(key="k", lang="zh", title="t", langs=(ZH,),
                                                         blocks=(Table(head, rows),)))]
    for unit in ("2026年7月20日", "10,050.00欧元", "23,450.00欧元", "证据3"):
        assert any(unit in t for t in found), (unit, found)
    assert not [t for t in found if t.startswith("-")], found


@needs_poppler
def test_a_party_block_has_one_left_edge():
    """A paragraph of lines ended by hand ("投诉人：…" / "国籍：…") is not indented on its first line."""
    from restitution.document import LineBreak
    from restitution.language import ZH
    out = io.BytesIO()
    write_pdf(Document(key="k", lang="zh", title="标题", langs=(ZH,), blocks=(
        Paragraph((Run("投诉人：Olivia Nguyen"), LineBreak(), Run("国籍：澳大利亚"))),
        Paragraph((Run("正文第一行缩进两个字符。"),)))), out)
    found = [line for page in read_words(out.getvalue()) for line in lines(page.words)]
    starts = {line_text(line)[:3]: min(w.x0 for w in line) for line in found}
    assert abs(starts["投诉人"] - starts["国籍："]) < 1
    assert starts["正文第"] > starts["国籍："] + 10  # a body paragraph keeps its indent
