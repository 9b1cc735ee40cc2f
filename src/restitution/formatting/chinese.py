"""Simplified → Traditional Chinese (Hong Kong standard) for HK documents."""
from __future__ import annotations

from functools import lru_cache

import opencc


@lru_cache(maxsize=1)
def _converter() -> opencc.OpenCC:
    # Loading the conversion dictionaries is the slow part; do it once, and
    # only when a Traditional document is actually rendered.
    return opencc.OpenCC("s2hk")


def to_traditional(text: str) -> str:
    """`text` with Simplified characters and words in Hong Kong Traditional form."""
    if not isinstance(text, str):
        raise ValueError(f"to_traditional needs a str, not {type(text).__name__}")
    return _converter().convert(text)
