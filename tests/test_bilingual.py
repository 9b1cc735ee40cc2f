"""Pairing en and zh documents block by block."""
from __future__ import annotations

import pytest

from restitution.bilingual import pair
from restitution.document import Columns, Document, PageBreak
from restitution.errors import TemplateError
from restitution.markup import parse


def doc(lang, text):
    return Document("poa", lang, "T" if lang == "en" else "标题", parse(text), langs=(lang,))


def test_columns_pair_each_block_and_add_the_prevailing_clause():
    out = pair(doc("en", "# A\n\nb\n"), doc("zh", "# 甲\n\n乙\n"))
    assert out.lang == "bilingual" and out.langs == ("en", "zh")
    assert out.title == "T / 标题"
    (cols,) = out.blocks
    assert isinstance(cols, Columns) and len(cols.rows) == 3
    assert "Chinese version prevails" in cols.rows[-1][0][0].inlines[0].text
    assert "以中文文本为准" in cols.rows[-1][1][0].inlines[0].text


def test_interleaved_alternates_languages():
    out = pair(doc("en", "# A\n\nb\n"), doc("zh", "# 甲\n\n乙\n"), layout="interleaved")
    texts = [b.inlines[0].text for b in out.blocks[:4]]
    assert texts == ["A", "甲", "b", "乙"]


def test_page_breaks_split_the_columns():
    out = pair(doc("en", "a\n\n::: pagebreak\n:::\n\nb\n"), doc("zh", "甲\n\n::: pagebreak\n:::\n\n乙\n"))
    assert [type(b) for b in out.blocks] == [Columns, PageBreak, Columns]


def test_structure_mismatch_names_the_first_differing_block():
    with pytest.raises(TemplateError) as err:
        pair(doc("en", "# A\n\nb\n\n- x\n"), doc("zh", "# 甲\n\n乙\n\n1. 丙\n"))
    assert "block 3" in err.value.message
    assert "bulleted list" in err.value.message and "ordered list" in err.value.message


def test_missing_block_is_reported():
    with pytest.raises(TemplateError) as err:
        pair(doc("en", "# A\n\nb\n"), doc("zh", "# 甲\n"))
    assert "block 2" in err.value.message and "no counterpart" in err.value.message


def test_wide_tables_leave_the_columns_and_go_full_width():
    table_en = "| a | b | c | d |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n"
    table_zh = "| 甲 | 乙 | 丙 | 丁 |\n|---|---|---|---|\n| 1 | 2 | 3 | 4 |\n"
    out = pair(doc("en", f"x\n\n{table_en}\ny\n"), doc("zh", f"甲\n\n{table_zh}\n乙\n"))
    kinds = [type(b).__name__ for b in out.blocks]
    assert kinds == ["Columns", "Table", "Table", "Columns"]
    assert out.blocks[1].header[0].inlines[0].text == "a" and out.blocks[2].header[0].inlines[0].text == "甲"


def test_long_lists_get_one_column_row_per_item_keeping_their_numbers():
    n = 25
    en = doc("en", "".join(f"{i}. item {i}\n" for i in range(1, n + 1)))
    zh = doc("zh", "".join(f"{i}. 第{i}项\n" for i in range(1, n + 1)))
    (cols,) = pair(en, zh, prevails=False).blocks
    assert len(cols.rows) == n
    left, right = cols.rows[7]
    assert left[0].start == 8 and left[0].items[0].blocks[0].inlines[0].text == "item 8"
    assert right[0].start == 8 and right[0].items[0].blocks[0].inlines[0].text == "第8项"
