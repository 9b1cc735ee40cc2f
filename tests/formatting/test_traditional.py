"""Simplified → Hong Kong Traditional conversion."""
import pytest

from restitution.formatting import to_traditional


@pytest.mark.parametrize(
    "simplified,traditional",
    [
        ("人民币", "人民幣"),
        ("贰万陆仟亿", "貳萬陸仟億"),
        ("香港警务处", "香港警務處"),
        ("美元", "美元"),
        ("诈骗罪", "詐騙罪"),
        ("Exhibit 3 证据", "Exhibit 3 證據"),
        ("", ""),
    ],
)
def test_to_traditional(simplified, traditional):
    assert to_traditional(simplified) == traditional


def test_rejects_non_text():
    with pytest.raises(ValueError):
        to_traditional(None)


def test_legal_phrases_opencc_misreads_are_corrected():
    from restitution.formatting import to_traditional

    assert to_traditional("折合人民币") == "折合人民幣"
    assert to_traditional("报案人参考") == "報案人參考"
