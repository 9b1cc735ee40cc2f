"""Chinese punctuation in the case's own text: full-width where Chinese is written.

A lawyer or client typing Chinese on an English keyboard writes straight
quotes and half-width commas (`回复称"下周发货",此后`); a Chinese document
prints them as “下周发货”，此后. This module is applied where case text
enters a Chinese document (the template layer's output of every value), so
the templates and catalogues, already written in full-width punctuation,
are never touched.

The trade-off is between catching every half-width mark and never damaging
what must stay exactly as written. A mark is converted only when it touches
a Chinese character (or Chinese punctuation), or, for a pair of brackets or
quotes, when what it encloses is Chinese; URLs and e-mail addresses are set
aside first, and a mark between two ASCII letters or digits (1,000.00; 12:30;
PO-2026-118) touches no Chinese and stays. So `Baltic Amber (Europe) OÜ`,
`O'Brien` and `"GLORYTECH SZ"` inside a Chinese sentence are left as the
registry or the bank wrote them, at the price that an English quotation
inside Chinese text keeps its straight quotes.

Hong Kong Traditional documents use 「」 (and 『』 inside them) where the
Mainland uses “” (‘’), per the Hong Kong government's usage.
"""
from __future__ import annotations

import functools
import re

# Han ideographs (with extension A and compatibility ones) and the full-width
# punctuation of CJK text: what counts as "Chinese" next to a mark.
_HAN = "\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
_CJK_PUNCT = "\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2018\u2019\u201c\u201d"
# What is never changed: web addresses and e-mail addresses.
_NOT_URL = f"\\s<>\"{_HAN}{_CJK_PUNCT}"


@functools.cache
def _patterns() -> tuple[re.Pattern[str], re.Pattern[str], re.Pattern[str]]:
    """(Chinese, Han, protected addresses), compiled on first use: classes over some 28,000
    characters cost about 4 ms to compile, which a document with no Chinese never pays."""
    return (
        re.compile(f"[{_HAN}{_CJK_PUNCT}]"),
        re.compile(f"[{_HAN}]"),
        re.compile(
            # An address ends before a space, a Chinese character, or the ASCII
            # punctuation that closes the sentence it stands in (as linkifiers do).
            rf"(?:(?:https?|ftp)://|www\.)[^{_NOT_URL}]+?(?=[,.;:!?)]*(?:[{_NOT_URL}]|$))"
            r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9.-]*[A-Za-z0-9]\.[A-Za-z]{2,}"
        ),
    )

_FULL = {",": "，", ":": "：", ";": "；", "?": "？", "!": "！", "(": "（", ")": "）"}
_MARKS = re.compile(r"[,:;?!]")
_PAIR = re.compile(r"\(([^()\n]*)\)")
_DOUBLE = re.compile(r'"([^"\n]*)"')
# A single-quoted passage: the opening quote not inside a word (an apostrophe is).
_SINGLE = re.compile(r"(?<![A-Za-z0-9])'([^'\n]*)'(?![A-Za-z0-9])")

_QUOTES = {False: ("“", "”", "‘", "’"), True: ("「", "」", "『", "』")}


def _chinese(ch: str) -> bool:
    return bool(ch) and _patterns()[0].match(ch) is not None


def _fix(part: str, traditional: bool) -> str:
    """One stretch of text with no URL or e-mail address in it."""
    open2, close2, open1, close1 = _QUOTES[traditional]
    han = _patterns()[1]

    def quoted(opening: str, closing: str):
        def sub(m: re.Match[str]) -> str:
            inner = m.group(1)
            if han.search(inner):
                return f"{opening}{inner}{closing}"
            return m.group(0)
        return sub

    part = _SINGLE.sub(quoted(open1, close1), part)
    part = _DOUBLE.sub(quoted(open2, close2), part)

    def bracket(m: re.Match[str]) -> str:
        start, end = m.start(), m.end()
        before = part[start - 1] if start else ""
        after = part[end] if end < len(part) else ""
        if han.search(m.group(1)) or _chinese(before) or _chinese(after):
            return f"（{m.group(1)}）"
        return m.group(0)

    part = _PAIR.sub(bracket, part)

    out: list[str] = []
    i, n = 0, len(part)
    while i < n:
        ch = part[i]
        if _MARKS.match(ch):
            before = out[-1] if out else ""
            j = i + 1
            while j < n and part[j] == " ":
                j += 1
            after = part[j] if j < n else ""
            # "1,000" and "12:30": a mark between digits belongs to the number.
            if _chinese(before) or (_chinese(after) and not (before.isdigit() and after.isdigit())):
                while out and out[-1] == " ":
                    out.pop()
                out.append(_FULL[ch])
                i = j  # the full-width mark carries its own space
                continue
        out.append(ch)
        i += 1
    return "".join(out)


def chinese_punctuation(text: str, *, traditional: bool = False) -> str:
    """`text` with the half-width punctuation around its Chinese made full-width."""
    if not isinstance(text, str):
        raise ValueError(f"chinese_punctuation needs a str, not {type(text).__name__}")
    if text.isascii() or not _patterns()[1].search(text) or not re.search(r"[\"',:;?!()]", text):
        return text  # nothing Chinese, or nothing to convert: the common case, kept cheap
    pieces, last = [], 0
    for m in _patterns()[2].finditer(text):
        pieces.append(_fix(text[last:m.start()], traditional))
        pieces.append(m.group(0))
        last = m.end()
    pieces.append(_fix(text[last:], traditional))
    return "".join(pieces)
