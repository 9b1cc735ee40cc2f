"""Column widths of DOCX tables (writers/_docx_measures.py)."""
from __future__ import annotations

from restitution.document import Cell, Run
from restitution.writers._docx_measures import column_widths


def row(*texts: str) -> list[Cell]:
    return [Cell((Run(t),)) for t in texts]


def test_no_column_is_left_one_character_wide_when_every_column_is_short_of_its_word():
    """The case plan's rules table in a bilingual column: two long columns took nearly all
    the room and the third, "可信度" / "C：已证实", was one character wide."""
    long = "合同诈骗（《中华人民共和国刑法》（2023年修正）第二百二十四条）立案追诉标准为人民币二万元以上"
    rows = [row("规则", "出处", "可信度"), row(long, long, "C：已证实")]
    total = 3862
    widths = column_widths(rows, total, 10.5)
    assert sum(widths) == total
    assert min(widths) >= total // 3 - 1  # the smaller of its longest word and an equal share
    assert widths[0] == widths[1]


def test_columns_that_can_all_have_their_word_keep_their_proportions():
    rows = [row("No.", "Description", "Pages"), row("1", "Bank transfer receipt for the deposit paid", "2")]
    widths = column_widths(rows, 9000, 10.5)
    assert sum(widths) == 9000 and widths[1] > widths[0] + widths[2]
