"""Rules both writers share (writers/_textflow.py): break places, addresses made breakable for
a word processor, titles balanced by hand, run-in headings."""
from __future__ import annotations

import pytest

from restitution.checks.continuity import url_break
from restitution.document import Paragraph, Run
from restitution.writers._textflow import (
    WJ,
    ZWSP,
    allowed,
    balanced_break,
    breakable_addresses,
    breakable_numbers,
    breakable_words,
    ems,
    labelled,
    loose,
    name_safe_break,
    splits_name,
    units,
    url_point,
)


def test_a_long_address_gets_break_opportunities_at_the_chicago_points_only():
    address = "lily.brightway@163-mail.example"
    out = breakable_addresses(f"电子邮箱：{address}，微信", room_ems=10)
    marked = out[len("电子邮箱："):-len("，微信")]
    assert marked.replace(ZWSP, "").replace(WJ, "") == address
    # Each ZWSP stands where url_break allows a cut, and every such place has one.
    plain, cuts = "", set()
    for ch in marked:
        if ch == ZWSP:
            cuts.add(len(plain))
        elif ch != WJ:
            plain += ch
    assert cuts == {i for i in range(1, len(address)) if url_break(address, i)}
    assert cuts == {4, 14, 18, 23}  # .brightway @163 -mail .example
    assert "-" + WJ in marked  # never after the hyphen


def test_an_address_that_fits_is_left_as_written():
    assert breakable_addresses("E-mail: jane@northwind.example.", room_ems=40) == "E-mail: jane@northwind.example."
    # Only its hyphens are joined to what follows.
    assert breakable_addresses("li.ming@example-law.example", room_ems=40) == f"li.ming@example-{WJ}law.example"


def test_text_without_addresses_is_unchanged():
    text = "合同总价25,000.00美元（大写：美元贰万伍仟元整），被报案人承诺发货。e-mail me"
    assert breakable_addresses(text, room_ems=3) == text


def test_a_word_too_long_for_its_cell_gets_break_opportunities_before_its_marks():
    out = breakable_words("询问笔录。（police.statement_in_person）", room_ems=5)
    assert out == f"询问笔录。（police{ZWSP}.statement{ZWSP}_in{ZWSP}_person）"
    # "（police" fits the cell: the bracket stays with the first part of the word.
    assert ems("（police") <= 5


def test_words_that_fit_and_addresses_are_left_to_their_own_rules():
    assert breakable_words("（police.statement_in_person）", room_ems=30) == "（police.statement_in_person）"
    assert breakable_words("（法释〔2013〕8号）", room_ems=5) == "（法释〔2013〕8号）"
    # Never before a word's last mark or inside a number.
    assert breakable_words("No. 10.4/4837", room_ems=1) == "No. 10.4/4837"
    text = "邮箱：lily.brightway_cs@163-mail.example，微信"
    assert breakable_words(text, room_ems=5) == text  # breakable_addresses cuts it, at Chicago points only


TITLE = "关于深圳市荣耀示例科技有限公司涉嫌合同诈骗的报案材料"


def test_a_number_wider_than_its_cell_is_cut_into_even_parts():
    ref = "10000499012026081212345678"  # 26 digits, 15.6 ems estimated
    assert breakable_numbers(f"凭证号{ref}", 12.0) == f"凭证号{ref[:13]}{ZWSP}{ref[13:]}"
    assert breakable_numbers(ref, 7.0).split(ZWSP) == [ref[:9], ref[9:18], ref[18:]]
    # one that fits moves to the next line whole and copies exactly; short numbers are never marked
    assert breakable_numbers(f"凭证号{ref}", 20.0) == f"凭证号{ref}"
    assert breakable_numbers("2026年8月12日 18,600.00元", 2.0) == "2026年8月12日 18,600.00元"


def test_a_chinese_title_a_little_over_a_line_breaks_into_two_even_lines():
    title = "关于供应商收取货款后失联并伪造发货单据涉嫌合同诈骗的报案材料"
    at = balanced_break(title, line_ems=20)
    assert at is not None
    assert abs(ems(title[:at]) - ems(title[at:])) <= 1
    assert allowed(title, at)


@pytest.mark.parametrize("title, first", [
    (TITLE, "关于深圳市荣耀示例科技有限公司"),  # not "…科技有限 / 公司涉嫌…" (lawyer4 N11)
    ("关于东莞市恒信工具科技有限公司涉嫌合同诈骗的报案材料", "关于东莞市恒信工具科技有限公司"),
    ("关于浙江示例控股集团有限公司涉嫌合同诈骗的报案材料", "关于浙江示例控股集团有限公司"),  # not after 集团
    ("關於深圳市示例電子科技集團涉嫌合同詐騙的報案書", "關於深圳市示例電子科技集團"),  # Traditional script
])
def test_a_title_breaks_after_a_name_rather_than_inside_it(title, first):
    for line in (16, 18, 20):
        at = balanced_break(title, line)
        assert at is not None and title[:at] == first, (line, title[:at])


def test_a_name_is_cut_only_when_keeping_it_whole_would_unbalance_the_title_too_far():
    title = "关于深圳市示例电子科技有限公司涉嫌合同诈骗及虚构交易事实的报案材料"
    # "…有限公司" ends 15 of 33 characters in: near enough to even, so the name stays whole
    assert name_safe_break(title, title.index("公司")) == title.index("公司") + 2
    assert splits_name(title, title.index("公司")) and not splits_name(title, title.index("公司") + 2)
    far = "关于甲有限公司涉嫌合同诈骗及虚构交易事实并伪造发货单据的报案材料"  # the name ends 7 of 32 in
    b = balanced_break(far, 20)
    assert b is not None and not splits_name(far, b)  # no name under the balanced break: balanced
    assert name_safe_break(far, far.index("公司")) == far.index("公司")  # too far from even: kept as is


@pytest.mark.parametrize("title, line", [
    (TITLE, 30),          # fits one line
    (TITLE, 12),          # needs three
    (TITLE, 25.5),        # too close to the line to call
    ("Report of suspected contract fraud by Shenzhen Glory Tech Co., Ltd.", 30),  # Latin: a guess
])
def test_titles_left_to_the_word_processor(title, line):
    assert balanced_break(title, line) is None


def test_a_title_never_breaks_before_a_closing_mark_or_after_an_opening_one():
    title = "关于（深圳市荣耀示例科技有限公司）涉嫌合同诈骗的报案材料《补充》"
    for line in (18, 19, 20, 21, 22):
        at = balanced_break(title, line)
        if at is not None:
            assert allowed(title, at), (line, title[:at], title[at:])


def test_run_in_headings():
    notes = Paragraph((Run("Notes", bold=True),))
    body = Paragraph((Run("Text."),))
    long = Paragraph((Run("x" * 81, bold=True),))
    assert [label for _, label in labelled((notes, body, notes))] == [True, False, False]
    assert [label for _, label in labelled((long, body))] == [False, False]


@pytest.mark.parametrize("text, unit", [
    ("支付定金10,050.00欧元。", "10,050.00欧元。"),        # an amount and its currency name
    ("货款30,000.00澳大利亚元整", "30,000.00澳大利亚元"),
    ("损失人民币268,161.14元。", "人民币268,161.14元。"),   # the name before the figure
    ("付款日期2026年7月20日起", "2026年7月20日"),         # a Chinese date
    ("（见证据3）", "证据3）"),                           # a label and its number
    ("注册号：RCS Lyon 842 117 530", "842 117 530"),       # an account number's digit groups
])
def test_a_unit_a_reader_keeps_whole_has_no_break_inside(text, unit):
    at = text.index(unit)
    assert not [b for b in range(at + 1, at + len(unit)) if allowed(text, b)]
    assert unit in [text[a:z] for a, z in units(text)]


def test_what_is_not_a_unit_still_breaks():
    assert allowed("于2026年7月", 1)                       # before a year
    assert allowed("支付尾款23,450.00欧元", 4)              # before an amount
    assert allowed("2026年7月10日至10月9日", 10)           # between two dates
    assert allowed("20日起不再回复", 4)                     # a day is not an amount: no currency after it
    assert allowed("电话 138", 2)                          # a word and a number
    # A full line may cut a date after 年 or 月 rather than end six characters short.
    assert allowed("2026年7月20日", 7, dates=False) and not allowed("2026年7月20日", 7)


def test_loose_still_forbids_what_punctuation_forbids():
    assert loose("10,050.00欧元", 10) and not allowed("10,050.00欧元", 10)
    assert not loose("美元）。", 2) and not loose("10,000.00元", 9)


def test_a_reference_is_cut_after_a_hyphen_an_address_before_it():
    ref = list("MA-PO-2026-031")
    assert [b for b in range(1, len(ref)) if url_point(ref, b)] == [3, 6, 11]
    url = list("https://led-panel.example")
    assert url_point(url, 11) and not url_point(url, 12)  # "https://led" / "-panel"
