"""Pairing en and zh documents block by block."""
from __future__ import annotations

from dataclasses import replace

import pytest

from restitution.pipeline.bilingual import pair
from restitution.document import Columns, Document, PageBreak
from restitution.errors import TemplateError
from restitution.language import EN, ZH, ZH_HANT
from restitution.pipeline.markup import parse
from restitution.pipeline.templating import bundled_templates


def doc(lang, text):
    return Document("poa", lang, "T" if lang == "en" else "标题", parse(text), langs=(lang,))


def test_columns_pair_each_block_and_add_the_prevailing_clause():
    out = pair(doc("en", "# A\n\nb\n"), doc("zh", "# 甲\n\n乙\n"))
    assert out.lang == "bilingual" and out.langs == (EN, ZH)
    assert out.title == "T / 标题"
    (cols,) = out.blocks
    assert isinstance(cols, Columns) and len(cols.rows) == 3
    assert "Chinese version prevails" in cols.rows[-1][0][0].inlines[0].text
    assert "以中文文本为准" in cols.rows[-1][1][0].inlines[0].text


def test_interleaved_alternates_languages():
    out = pair(doc("en", "# A\n\nb\n"), doc("zh", "# 甲\n\n乙\n"), layout="interleaved")
    texts = [b.inlines[0].text for b in out.blocks[:4]]
    assert texts == ["A", "甲", "b", "乙"]
    # Each block says which half it is: the writers read this, they do not guess.
    assert [b.lang for b in out.blocks] == [EN, ZH, EN, ZH, EN, ZH]


def test_english_block_full_of_chinese_is_still_english():
    en = doc("en", "To: 深圳市荣耀示例科技有限公司（深圳荣耀）\n")
    zh = doc("zh", "致：深圳市荣耀示例科技有限公司\n")
    for layout in ("interleaved", "columns"):
        out = pair(en, zh, layout=layout, prevails=False)
        if layout == "interleaved":
            assert [b.lang for b in out.blocks] == [EN, ZH]
        else:
            (cols,) = out.blocks
            assert cols.langs == (EN, ZH)
            assert [(left[0].lang, right[0].lang) for left, right in cols.rows] == [(EN, ZH)]


def test_prevailing_clause_only_beside_simplified_chinese_and_from_the_catalogue(tmp_path):
    hk = pair(doc("en", "a\n"), doc("zh-Hant", "甲\n"), layout="interleaved")
    assert [b.lang for b in hk.blocks] == [EN, ZH_HANT]  # Hong Kong: no PRC clause
    firm = tmp_path / "firm"
    (firm / "en" / "phrases").mkdir(parents=True)
    (firm / "en" / "phrases" / "bilingual.yaml").write_text('prevails: "The Chinese text governs."\n',
                                                           encoding="utf-8")
    en = replace(doc("en", "a\n"), template_roots=(firm, bundled_templates()))
    zh = replace(doc("zh", "甲\n"), template_roots=(firm, bundled_templates()))
    out = pair(en, zh, layout="interleaved")
    notes = [b for b in out.blocks if getattr(b, "style", "") == "note"]
    assert [(n.lang, n.inlines[0].text) for n in notes] == [
        (EN, "The Chinese text governs."),
        (ZH, "本文件以中文和英文书就。两种文本如有不一致，在中华人民共和国境内使用时以中文文本为准。"),
    ]


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
    assert [b.lang for b in out.blocks] == [EN, EN, ZH, EN]


def test_long_lists_get_one_column_row_per_item_keeping_their_numbers():
    n = 25
    en = doc("en", "".join(f"{i}. item {i}\n" for i in range(1, n + 1)))
    zh = doc("zh", "".join(f"{i}. 第{i}项\n" for i in range(1, n + 1)))
    (cols,) = pair(en, zh, prevails=False).blocks
    assert len(cols.rows) == n
    left, right = cols.rows[7]
    assert left[0].start == 8 and left[0].items[0].blocks[0].inlines[0].text == "item 8"
    assert right[0].start == 8 and right[0].items[0].blocks[0].inlines[0].text == "第8项"
