"""大写 amounts: the domain.md §G vectors, the chosen conventions, and a
round-trip property test through an independent parser."""
from decimal import Decimal

import pytest
from hypothesis import given
from hypothesis import strategies as st

from restitution.formatting import daxie

# domain.md §G, with the first of two allowed forms where there is a choice.
DOMAIN_VECTORS = [
    ("1409.50", "人民币壹仟肆佰零玖元伍角"),
    ("6007.14", "人民币陆仟零柒元壹角肆分"),
    ("1680.32", "人民币壹仟陆佰捌拾元零叁角贰分"),
    ("107000.53", "人民币壹拾万柒仟元零伍角叁分"),
    ("16409.02", "人民币壹万陆仟肆佰零玖元零贰分"),
    ("325.04", "人民币叁佰贰拾伍元零肆分"),
]


@pytest.mark.parametrize("figure,words", DOMAIN_VECTORS)
def test_domain_vectors(figure, words):
    assert daxie(Decimal(figure)) == words


@pytest.mark.parametrize(
    "figure,words",
    [
        ("25000", "人民币贰万伍仟元整"),
        ("25000.00", "人民币贰万伍仟元整"),
        ("177500", "人民币壹拾柒万柒仟伍佰元整"),
        ("12345.67", "人民币壹万贰仟叁佰肆拾伍元陆角柒分"),
        ("0.05", "人民币伍分"),
        ("0.50", "人民币伍角"),
        ("0.55", "人民币伍角伍分"),
        ("0", "人民币零元整"),
        ("10", "人民币壹拾元整"),
        ("15", "人民币壹拾伍元整"),
        ("110", "人民币壹佰壹拾元整"),
        ("1010", "人民币壹仟零壹拾元整"),
        ("1000.10", "人民币壹仟元零壹角"),
        ("100000", "人民币壹拾万元整"),
        ("10010000", "人民币壹仟零壹万元整"),
        ("10000100", "人民币壹仟万零壹佰元整"),
        ("100000001", "人民币壹亿零壹元整"),
        ("110000000", "人民币壹亿壹仟万元整"),
        ("101000000", "人民币壹亿零壹佰万元整"),
        ("1000000000000", "人民币壹万亿元整"),
        ("1000100000000", "人民币壹万零壹亿元整"),
        ("1000000010000", "人民币壹万亿零壹万元整"),
        (
            "9999999999999.99",
            "人民币玖万玖仟玖佰玖拾玖亿玖仟玖佰玖拾玖万玖仟玖佰玖拾玖元玖角玖分",
        ),
    ],
)
def test_conventions(figure, words):
    assert daxie(Decimal(figure)) == words


def test_int_and_prefix():
    assert daxie(25000, prefix="美元") == "美元贰万伍仟元整"
    assert daxie(Decimal("3.20"), prefix="") == "叁元贰角"


@pytest.mark.parametrize(
    "bad", [Decimal("-0.01"), Decimal("1.005"), Decimal("10") ** 16, Decimal("NaN"), 1.5, "100", True]
)
def test_rejects(bad):
    with pytest.raises(ValueError):
        daxie(bad)


def test_three_places_with_trailing_zero_is_fine():
    # The value has two places even though the literal has three.
    assert daxie(Decimal("1.500")) == "人民币壹元伍角"


# An independent inverse: reads 大写 back into a number of 分.
_DIGIT = {c: i for i, c in enumerate("零壹贰叁肆伍陆柒捌玖")}
_PLACE = {"拾": 10, "佰": 100, "仟": 1000}


def _parse_section(text):
    total = 0
    i = 0
    while i < len(text):
        ch = text[i]
        if ch == "零":
            i += 1
            continue
        digit = _DIGIT[ch]
        place = 1
        if i + 1 < len(text) and text[i + 1] in _PLACE:
            place = _PLACE[text[i + 1]]
            i += 1
        total += digit * place
        i += 1
    return total


def _parse_integer(text):
    if "亿" in text:
        high, low = text.split("亿")
        return _parse_integer(high) * 10**8 + _parse_integer(low)
    if "万" in text:
        high, low = text.split("万")
        return _parse_section(high) * 10**4 + _parse_section(low)
    return _parse_section(text)


def parse_daxie(text, prefix="人民币"):
    assert text.startswith(prefix)
    body = text[len(prefix):]
    if body.endswith("整"):
        body = body[:-1]
        assert body.endswith("元")
    integer, sep, fraction = body.partition("元")
    if not sep:
        integer, fraction = "", body
    cents = _parse_integer(integer) * 100
    fraction = fraction.lstrip("零")
    if "角" in fraction:
        jiao, fraction = fraction.split("角")
        cents += _DIGIT[jiao] * 10
    if fraction:
        assert fraction.endswith("分")
        cents += _DIGIT[fraction[:-1]]
    return Decimal(cents) / 100


@given(st.integers(min_value=0, max_value=10**18 - 1))
def test_round_trip(cents):
    amount = Decimal(cents) / 100
    words = daxie(amount)
    assert parse_daxie(words) == amount
    body = words[len("人民币"):]
    assert set(body) <= set("零壹贰叁肆伍陆柒捌玖拾佰仟万亿元角分整")
    assert "零零" not in body
    # 整 exactly when the amount ends at 元, and never after 角 or 分.
    assert body.endswith("整") == (cents % 100 == 0)
    assert "角整" not in body and "分整" not in body
    if cents:
        assert not body.startswith("零")
        for unit in "元万亿":
            assert "零" + unit not in body
    # Every 拾 carries its digit (壹拾, not 拾).
    assert all(body[i - 1] in _DIGIT for i, ch in enumerate(body) if ch == "拾")


@given(st.decimals(min_value=0, max_value=Decimal("9999999999999.99"), places=2))
def test_round_trip_other_prefix(amount):
    assert parse_daxie(daxie(amount, prefix="美元"), prefix="美元") == amount
