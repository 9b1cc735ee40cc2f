"""Simplified → Traditional Chinese (Hong Kong usage) for HK documents.

OpenCC's ``s2hk`` gives Hong Kong vocabulary and forms, but its variant table
follows the glyph standard (常用字字形表: 户 温 兑 啓), which Hong Kong filings
do not write and which a reader takes for mainland forms; those few characters
are put back to the common Traditional forms (戶 溫 兌 啟). The trade-off: a
character-level table is blunter than a phrase table, so it lists only
characters whose glyph-standard form is never the one a filing means. A short
word table does the same for mainland words OpenCC keeps (电子邮箱 becomes
電郵地址, as Hong Kong writes it); only words whose Hong Kong form is settled.

Names as registered (a Hong Kong company's Chinese name, its director's) are
never converted: ``keep`` holds them, and the text between them alone is
converted, so 維港冠峰 stays 維港冠峰 even where OpenCC would write 峯. A name
typed in Simplified (`is_traditional` is False) is not as registered and is
converted like the rest: the best reading of it there is.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
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


@lru_cache(maxsize=1)
def _taiwan() -> opencc.OpenCC:
    import opencc

    # s2tw leaves Traditional variants that Hong Kong and Taiwan both write (峰, 戶) alone,
    # where s2hk and s2t would rewrite them (峯, 户): it changes only Simplified characters.
    return opencc.OpenCC("s2tw")


def is_traditional(text: str) -> bool:
    """`text` has no character that exists only in Simplified writing (贸, 黄, 户)."""
    return _taiwan().convert(text) == text


# OpenCC's phrase tables misread a few character pairs of legal prose as other
# words (折合 "convert to" as 摺合 "fold"; 人参 in 报案人参考 as ginseng).
# Legal documents never mean the other word, so undo those readings.
_CORRECTIONS = {"摺合": "折合", "人蔘": "人參"}
# 并发 is read as 併發 (併發症, a complication), but legal prose means 并 "and" before
# 发送/发出 (並發送). 併 stays where it is merging: 合併發票, 吞併, and in 併發症 itself.
_AND_SEND = re.compile("(?<![合吞兼歸])併發(?!症)")
# Simplified 系 is three Traditional characters: 系 (system, lineage), 係 (the copula
# of legal prose: 本案係, 證實係偽造, 係該公司法定代表人) and 繫 (to tie, which OpenCC
# already writes: 聯繫, 維繫). OpenCC writes the copula as 係 only in a few fixed
# phrases (確係, 係指), so a bare 系 is taken as the copula unless it is part of
# a system or lineage word. The trade-off: an unlisted 系 word (a faculty, 法律系)
# would read 係; these documents do not name one, and the copula is on every page.
_SYSTEM = re.compile("(?<![體派直旁譜世語母父嫡星水河陽院])系(?![統列譜所屬出]|主任)")
# Mainland words OpenCC leaves, where Hong Kong writes its own: 郵箱 is a post box there, an
# e-mail address is 電郵地址 (電郵 for short). Longest first. 賬戶 (HK 戶口 for a bank account, 帳戶 in
# its statutes) is left: which one a filing should use is not settled here.
_HK_TERMS = (("電子郵箱", "電郵地址"), ("郵箱", "電郵"))
# Glyph-standard variants a Hong Kong filing writes in their common form
# (賬戶, 開戶行, 保溫瓶, 兌換, 敬啟者).
_COMMON_FORMS = str.maketrans({"户": "戶", "温": "溫", "兑": "兌", "啓": "啟"})


def _convert(text: str) -> str:
    out = _converter().convert(text)
    for wrong, right in _CORRECTIONS.items():
        out = out.replace(wrong, right)
    out = _SYSTEM.sub("係", _AND_SEND.sub("並發", out))
    for mainland, hong_kong in _HK_TERMS:
        out = out.replace(mainland, hong_kong)
    return out.translate(_COMMON_FORMS)


def to_traditional(text: str, keep: Iterable[str] = ()) -> str:
    """`text` with Simplified characters and words in Hong Kong Traditional form;
    every occurrence of a string of `keep` (a registered name) is left as written."""
    if not isinstance(text, str):
        raise ValueError(f"to_traditional needs a str, not {type(text).__name__}")
    kept = sorted({k for k in keep if k}, key=len, reverse=True)  # longest first: a name within a name
    if not kept:
        return _convert(text)
    parts = re.split("(" + "|".join(map(re.escape, kept)) + ")", text)
    # re.split with one group: kept strings at the odd indices, text to convert at the even.
    return "".join(part if i % 2 else _convert(part) for i, part in enumerate(parts))


_QUOTED = re.compile("‘([^‘’“”]*)’")


def corner_quotes(text: str) -> str:
    """Chinese text with Hong Kong quotation marks: “…” as 「…」 and ‘…’ as 『…』.

    Only a paired ‘…’ becomes 『…』: a lone ’ is an apostrophe (O’Brien) in a Latin
    name and stays."""
    if not isinstance(text, str):
        raise ValueError(f"corner_quotes needs a str, not {type(text).__name__}")
    return _QUOTED.sub(r"『\1』", text).replace("“", "「").replace("”", "」")
