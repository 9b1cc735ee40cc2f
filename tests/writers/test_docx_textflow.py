"""What the DOCX gives Word and LibreOffice for line breaking and keeping blocks together
(writers/_docx_blocks.py, _ooxml.py with _textflow.py), read from the XML and, where LibreOffice
is installed, from its PDF export."""
from __future__ import annotations

import io
import zipfile

import docx
import pytest
from docx.oxml.ns import qn
from tooling import libreoffice_pdf, needs_tool

from restitution.checks.continuity import check_addresses
from restitution.checks.layout import check_chinese_lines, read_words
from restitution.document import Cell, Columns, Document, Heading, Paragraph, Run, Table
from restitution.writers._textflow import WJ, ZWSP
from restitution.writers.docx import write_docx

TITLE = "关于深圳市荣耀示例科技有限公司涉嫌合同诈骗的报案材料"
ADDRESS = "lily.brightway.customer.service@163-mail.example"
PUNCTUATED = ("报案人于2026年6月2日与深圳市荣耀示例科技有限公司（以下简称“被报案人”）签订《销售合同》"
              "（合同编号：GT-0602），合同总价25,000.00美元（大写：美元贰万伍仟元整），被报案人承诺于"
              "2026年7月10日前发货。该公司收款后即失去联系，“客服”不再回复，网店已关闭。")


def render(doc: Document) -> bytes:
    out = io.BytesIO()
    write_docx(doc, out)
    return out.getvalue()


def part(data: bytes, name: str) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return z.read(name).decode()


def zh(*blocks, lang="zh") -> Document:
    return Document(key="k", lang=lang, title="标题", blocks=tuple(blocks), langs=(lang,))


def test_settings_carry_the_chinese_line_breaking_lists_in_schema_order():
    settings = part(render(zh(Paragraph((Run("正文。"),)))), "word/settings.xml")
    d = docx.Document(io.BytesIO(render(zh(Paragraph((Run("正文。"),))))))
    after = d.settings.element.find(qn("w:noLineBreaksAfter"))
    before = d.settings.element.find(qn("w:noLineBreaksBefore"))
    assert after.get(qn("w:lang")) == before.get(qn("w:lang")) == "zh-CN"
    assert set("（《“【") <= set(after.get(qn("w:val"))) and not set("。）") & set(after.get(qn("w:val")))
    assert set("。，、：；！？）》”") <= set(before.get(qn("w:val")))
    # CT_Settings: characterSpacingControl, (printTwoOnOne, strictFirstAndLastChars),
    # noLineBreaksAfter, noLineBreaksBefore, savePreviewPicture ...
    order = [settings.index(t) for t in ("<w:characterSpacingControl", "<w:noLineBreaksAfter",
                                         "<w:noLineBreaksBefore", "<w:compat")]
    assert order == sorted(order)
    assert '<w:kinsoku w:val="1"/>' in part(render(zh(Paragraph((Run("正文。"),)))), "word/styles.xml")


def test_hong_kong_documents_use_words_traditional_chinese_list():
    d = docx.Document(io.BytesIO(render(zh(Paragraph((Run("正文。"),)), lang="zh-Hant"))))
    assert d.settings.element.find(qn("w:noLineBreaksBefore")).get(qn("w:lang")) == "zh-TW"


def _paragraph(data: bytes, start: str):
    d = docx.Document(io.BytesIO(data))
    cells = [p for t in d.tables for row in t.rows for c in row.cells for p in c.paragraphs]
    return next(p for p in list(d.paragraphs) + cells if p.text.replace(ZWSP, "").startswith(start))


def test_a_long_chinese_title_is_broken_by_hand_into_two_even_lines():
    """The police report's title, a character or two longer than the line: LibreOffice left
    "材料" alone on the second line."""
    p = _paragraph(render(zh(Heading(1, (Run(TITLE),)))), "关于")
    first, second = p.text.split("\n")
    # near even, and the supplier's name not cut: after 公司 (lawyer4 N11), not "…有限 / 公司…"
    assert (first, second) == ("关于深圳市荣耀示例科技有限公司", "涉嫌合同诈骗的报案材料")
    assert p.style.name.startswith("Title")


def test_a_title_that_fits_is_left_whole():
    p = _paragraph(render(zh(Heading(1, (Run("律师函"),)))), "律师函")
    assert "\n" not in p.text


def test_an_address_too_long_for_its_cell_gets_break_opportunities_one_that_fits_none():
    table = Table((Cell((Run("项目"),)), Cell((Run("内容"),)), Cell((Run("备注"),))),
                  ((Cell((Run("邮箱"),)), Cell((Run(ADDRESS),)), Cell((Run("卖方客服的邮箱，已停止回复"),))),))
    data = render(zh(table, Paragraph((Run("邮箱：jane@northwind.example"),))))
    cell = _paragraph(data, "lily")
    assert cell.text.replace(ZWSP, "").replace(WJ, "") == ADDRESS
    assert cell.text.count(ZWSP) == 6  # before . . . . @ and the hyphen; the hyphen is joined after it
    assert ZWSP not in _paragraph(data, "邮箱：").text


def test_a_run_in_heading_is_kept_with_the_next_paragraph():
    doc = zh(Paragraph((Run("注意事项", bold=True),)), Paragraph((Run("正文。"),)))
    assert _paragraph(render(doc), "注意事项").paragraph_format.keep_with_next is True
    assert not _paragraph(render(doc), "正文").paragraph_format.keep_with_next


# ---------------------------------------------------------------- LibreOffice's export


def _narrow(text: str) -> Document:
    """Chinese text in narrow table cells and a bilingual column, shifted a character at a time,
    an e-mail address longer than a cell in it."""
    text = f"邮箱：{ADDRESS}，{text}"
    rows = tuple((Cell((Run(str(i)),)), Cell((Run("甲" * i + text),)), Cell((Run("乙" * (7 - i) + text),)),
                  Cell((Run("丙" * i + text),)))
                 for i in range(8))
    table = Table((Cell((Run("号"),)), Cell((Run("事实"),)), Cell((Run("事实"),)), Cell((Run("事实"),))), rows)
    column = Columns(tuple(((Paragraph((Run("Facts"),)),), (Paragraph((Run("丁" * i + text),)),)) for i in range(4)),
                     ("en", "zh"))
    return Document(key="k", lang="bilingual", title="t", langs=("en", "zh"),
                    blocks=(table, column))


_export = libreoffice_pdf


@needs_tool("soffice pdftotext", "libreoffice pdftotext", what="LibreOffice (soffice) and poppler-utils")
@pytest.mark.slow
def test_libreoffice_keeps_the_marks_and_the_address_whole_and_cuts_it_without_the_hints(tmp_path):
    """Chinese text in narrow cells and a bilingual column: no line starts with a closing mark
    or ends with an opening one, and the address is cut only at its marks. Without the break
    opportunities in the address LibreOffice cuts it inside a word, and the check says so."""
    data = render(_narrow(PUNCTUATED))
    pages = read_words(_export(tmp_path, data, "kept"))
    problems = [p for page in pages for p in check_chinese_lines(page)] + check_addresses(pages, [ADDRESS])
    assert problems == []

    with zipfile.ZipFile(io.BytesIO(data)) as z, zipfile.ZipFile(tmp_path / "bare.zip", "w") as out:
        for item in z.infolist():
            body = z.read(item.filename)
            if item.filename == "word/document.xml":
                body = body.replace(ZWSP.encode(), b"").replace(WJ.encode(), b"")
            out.writestr(item, body)
    pages = read_words(_export(tmp_path, (tmp_path / "bare.zip").read_bytes(), "bare"))
    assert any("is cut after" in p for p in check_addresses(pages, [ADDRESS]))


def _rule_table() -> Document:
    """A case plan's table of rules in Chinese: each rule ends with its key in brackets, a word
    of Latin text wider than the cell."""
    keys = ("police.statement_in_person", "chargeback.window_120", "police.art224_threshold",
            "classify.capital_belongs_to_buyer", "chargeback.receipt_start")
    rows = tuple((Cell((Run("甲" * i + f"被害人可能需要本人到场或视频作询问笔录。（{key}）"),)),
                  Cell((Run("《公安机关办理刑事案件程序规定》（2020年修正）第一百七十八条"),)),
                  Cell((Run("C：已证实"),)))
                 for i in range(4) for key in keys)
    return zh(Table((Cell((Run("规则"),)), Cell((Run("出处"),)), Cell((Run("可信度"),))), rows))


@needs_tool("soffice pdftotext", "libreoffice pdftotext", what="LibreOffice (soffice) and poppler-utils")
@pytest.mark.slow
def test_libreoffice_keeps_a_bracket_with_a_long_key_and_ends_a_line_with_it_without_the_hints(tmp_path, monkeypatch):
    """Without break opportunities inside the key LibreOffice ends the line after "（" (a mark
    no line may end with) and cuts the key anywhere; with them, the check finds nothing."""
    from restitution.writers import _docx_blocks

    pages = read_words(_export(tmp_path, render(_rule_table()), "keys"))
    assert [p for page in pages for p in check_chinese_lines(page)] == []

    monkeypatch.setattr(_docx_blocks, "breakable_words", lambda text, room_ems: text)
    pages = read_words(_export(tmp_path, render(_rule_table()), "bare-keys"))
    assert any("a line ends with “（”" in p for page in pages for p in check_chinese_lines(page))
