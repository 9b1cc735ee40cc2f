"""Simplified → Traditional Chinese (Hong Kong standard) for HK documents."""
from __future__ import annotations

from functools import lru_cache
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    # Loading the conversion dictionaries is the slow part; do it once, and
    # only when a Traditional document is actually rendered (importing opencc
    # is not free either, so `validate` does not pay for it).
    import opencc

    return opencc.OpenCC("s2hk")


# OpenCC's phrase tables misread a few character pairs of legal prose as other
# words (折合 "convert to" as 摺合 "fold"; 人参 in 报案人参考 as ginseng).
# Legal documents never mean the other word, so undo those readings.
_CORRECTIONS = {"摺合": "折合", "人蔘": "人參"}


def to_traditional(text: str) -> str:
    """`text` with Simplified characters and words in Hong Kong Traditional form."""
    if not isinstance(text, str):
        raise ValueError(f"to_traditional needs a str, not {type(text).__name__}")
    out = _converter().convert(text)
    for wrong, right in _CORRECTIONS.items():
        out = out.replace(wrong, right)
    return out
