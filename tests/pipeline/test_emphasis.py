"""CJK-friendly emphasis and the refusal of unpaired markers (pipeline/emphasis.py, via markup.parse)."""
from __future__ import annotations

import pytest

from restitution.document import Paragraph, Run
from restitution.errors import TemplateError
from restitution.pipeline.emphasis import is_cjk
from restitution.pipeline.markup import parse
from restitution.pipeline.templating import escape_md


def runs(text: str) -> list[tuple[str, bool, bool]]:
    [para] = parse(text)
    assert isinstance(para, Paragraph)
    return [(r.text, r.bold, r.italic) for r in para.inlines if isinstance(r, Run)]


@pytest.mark.parametrize("text, bold, rest", [
    ("**未按时发货。**合同约定贵司", "未按时发货。", "合同约定贵司"),          # 。 then a Han letter
    ("**产品质量不符合合同约定的标准。**贵司", "产品质量不符合合同约定的标准。", "贵司"),
    ("**注意：**正文", "注意：", "正文"),
    ("**付款（电汇）**已到账", "付款（电汇）", "已到账"),                    # closing bracket
    ("**報案人：**陳大文", "報案人：", "陳大文"),                            # Traditional
    ("**「重要」**です", "「重要」", "です"),
])
def test_bold_ending_in_chinese_punctuation_closes_before_a_chinese_letter(text, bold, rest):
    assert runs(text) == [(bold, True, False), (rest, False, False)]


def test_bold_opening_after_a_chinese_letter_before_a_bracket():
    assert runs("贵司**（卖方）**应") == [("贵司", False, False), ("（卖方）", True, False), ("应", False, False)]


def test_english_emphasis_is_plain_commonmark():
    assert runs("**Late.** The seller") == [("Late.", True, False), (" The seller", False, False)]
    assert runs("a *b* c") == [("a ", False, False), ("b", False, True), (" c", False, False)]
    # a space inside the markers still stops them, as in CommonMark
    with pytest.raises(TemplateError):
        parse("a ** b ** c")


@pytest.mark.parametrize("blank", [
    "日期：______年____月____日",
    "（报案编号：______）与（日期：______）",   # two blanks in one line do not pair into bold
    "签字：__________________",
])
def test_fill_in_blanks_stay_underscores(blank):
    assert runs(blank) == [(blank, False, False)]


@pytest.mark.parametrize("text, marks", [
    ("**未按时发货。合同", "**"),
    ("合同**", "**"),
    ("中__文", "__"),
    ("x****y", "****"),
])
def test_an_unpaired_marker_is_an_error_not_asterisks_on_the_page(text, marks):
    with pytest.raises(TemplateError) as err:
        parse(text)
    assert f"'{marks}'" in err.value.message and "\\" + marks[0] in err.value.message


@pytest.mark.parametrize("data", ["**Star** Trading", "a__b", "___", "*", "**未按时。**合同"])
def test_case_text_is_escaped_and_prints_exactly(data):
    # what a case holds reaches Markdown escaped: never emphasis, never refused
    assert runs("前" + escape_md(data) + "后") == [("前" + data + "后", False, False)]


def test_cjk_characters():
    assert all(is_cjk(c) for c in "中文。，：（）「」한글ｱ")
    assert not any(is_cjk(c) for c in "a.:( \u3000\U0001F600")
