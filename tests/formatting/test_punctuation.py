"""Chinese punctuation in case text: full-width around Chinese, untouched elsewhere."""
from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from restitution.formatting import chinese_punctuation as cp


@pytest.mark.parametrize("before, after", [
    ('供应商最后一次回复称"下周发货",此后再无回应', "供应商最后一次回复称“下周发货”，此后再无回应"),
    ("卖方称'正品尾货'", "卖方称‘正品尾货’"),
    ("数量:2000件;单价:12.50美元", "数量：2000件；单价：12.50美元"),
    ("是否发货?没有!", "是否发货？没有！"),
    ("LED面板灯(600x600 mm),共2,000件", "LED面板灯（600x600 mm），共2,000件"),
    ("货物(见证据3)", "货物（见证据3）"),
    ("你好, 世界", "你好，世界"),  # the full-width comma carries its own space
])
def test_half_width_marks_touching_chinese_become_full_width(before, after):
    assert cp(before) == after


@pytest.mark.parametrize("text", [
    "网址：https://gloryexample.en.alibaba.com/shop?id=1,2;x=(y)",
    "邮箱：tony.glory@gmail.com",
    "金额1,000.00美元，时间12:30",
    "订单PO-2026-118",
    "Baltic Amber (Europe) OÜ",  # a name in Latin letters stays as registered
    "O'Brien & Sons",
    'The supplier said "next week".',  # English text: no Chinese, nothing changes
])
def test_urls_addresses_numbers_and_latin_text_untouched(text):
    assert cp(text) == text


def test_url_ends_before_the_sentence_punctuation_after_it():
    assert cp("见https://a.example/x,请核实") == "见https://a.example/x，请核实"
    assert cp("发至a@b.example,未回复") == "发至a@b.example，未回复"


def test_apostrophe_inside_a_word_is_not_a_quote():
    assert cp("O'Brien先生称'已发货'") == "O'Brien先生称‘已发货’"


def test_hong_kong_uses_corner_brackets():
    assert cp('回覆稱"下週發貨",此後', traditional=True) == "回覆稱「下週發貨」，此後"
    assert cp("稱'正品'", traditional=True) == "稱『正品』"


def test_unpaired_quote_is_left_for_the_translator():
    assert cp('他说"下周') == '他说"下周'


@given(st.text(alphabet=st.characters(codec="ascii")))
def test_text_without_chinese_is_never_changed(text):
    assert cp(text) == text


@given(st.text())
def test_only_punctuation_changes(text):
    out = cp(text)
    strip = lambda s: "".join(ch for ch in s if ch.isalnum())  # noqa: E731
    assert strip(out) == strip(text)


def test_refuses_non_text():
    with pytest.raises(ValueError):
        cp(12)  # type: ignore[arg-type]
