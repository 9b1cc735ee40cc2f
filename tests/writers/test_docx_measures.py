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
    # each column its word's share: "C：已证实" (4.8 em with the space Word adds after "C") on one line
    assert min(widths) - 216 >= 4.8 * 10.5 * 20
    assert widths[0] == widths[1]


def test_a_date_or_an_amount_sets_its_columns_floor_not_a_whole_line():
    """A date is a unit no line may break inside: its column is at least as wide, where a line
    of Chinese text without a space used to count as one word and take the room of the others."""
    rows = [row("付款日期", "金额", "付款方式", "凭证号", "证据"),
            row("2026年7月20日", "10,050.00欧元", "电汇", "SWIFT MT103 BNPAFRPP-260720-44812", "证据3")]
    widths = column_widths(rows, 9638, 10.5)
    twips = lambda ems: ems * 10.5 * 20 + 216  # noqa: E731
    assert widths[0] >= twips(7.5) and widths[1] >= twips(7.5) and widths[4] >= twips(2.8)


def test_columns_that_can_all_have_their_word_keep_their_proportions():
    rows = [row("No.", "Description", "Pages"), row("1", "Bank transfer receipt for the deposit paid", "2")]
    widths = column_widths(rows, 9000, 10.5)
    assert sum(widths) == 9000 and widths[1] > widths[0] + widths[2]
