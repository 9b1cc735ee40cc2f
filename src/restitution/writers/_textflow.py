"""Where a line may break and which blocks stay together: rules both writers share.

The PDF writer breaks every line itself (`_pdf_linebreak`); a DOCX leaves line
breaking to Word or LibreOffice and can only give them hints: a break
opportunity inside a long address, a title broken by hand into balanced
lines, a run-in heading kept with its text. Both read the rules from here, a
module free of reportlab and python-docx, so that the DOCX writer does not load
the PDF library and the two writers cannot drift apart.

The rules:
- a line may end between two Chinese characters, at a space, or where Chinese
  meets Latin text; never before a mark that may not start a line or after one
  that may not end it (GB/T 15834-2011, clreq "basic": `checks.layout`), never
  inside —— or ……, never between a number and its unit;
- nor inside a unit a reader keeps whole (`kept`): a label and its number ("证据3"), an amount
  and its currency ("10,050.00欧元", "人民币268.00元"), an account number's digit groups
  ("842 117 530"), and in a narrow measure (a table cell) a Chinese date ("2026年7月20日");
  a table's column is made wide enough for its longest such unit (`units`), and only a unit
  longer than the line is cut, where the rules of script and punctuation (`loose`) allow;
- an e-mail address or URL longer than the line is cut by the Chicago rule
  (`checks.continuity.url_break`), another word of Latin text longer than
  the line (a rule's key) before its ".", "_" or "/" (`breakable_words`), a
  reference ("MA-PO-2026-031") in the PDF after a hyphen;
  a number longer than the line (a payment reference) is cut into parts of
  even length, never leaving a digit alone;
- a short paragraph all in bold followed by another block is a run-in heading
  ("**Notes**") kept with what follows, as a heading is; a row of bilingual
  columns holding only headings joins the row after it (`kept_rows`), so that
  the rows' split across pages cannot leave it alone at a page's foot.

The trade-off in the DOCX: the widths a title is balanced on and an address is
measured against are estimates (an em for a Chinese character, 0.6 em for a
Latin one), not the word processor's own metrics; a title whose estimate is
close to the line is left to the word processor.
"""
from __future__ import annotations

import math
import re
import unicodedata
from typing import Iterator

from restitution.formatting.breaks import ADDRESS, url_break
from restitution.formatting.breaks import NO_LINE_END, NO_LINE_START, cjk
from restitution.document import Block, Heading, Paragraph, inline_text

PAIRED = frozenset("—…⋯")  # —— and …… are one mark of two halves
ZWSP = "\u200b"  # a break opportunity Word and LibreOffice both honour, drawn as nothing
WJ = "\u2060"  # word joiner: no break on either side
LATIN_EM = 0.6  # estimated width of a Latin character in ems (a Chinese face's Latin is wider than Times)
RUN_IN_HEADING = 80  # characters: a bold paragraph longer than this is emphasis, not a heading


def latin(ch: str) -> bool:
    """Part of a word that is not broken: not a space, not Chinese, not a break mark."""
    return bool(ch) and not ch.isspace() and not cjk(ch) and ch not in PAIRED


def allowed(text, b: int, dates: bool = True) -> bool:
    """May a line end before text[b]? (0 < b < len(text)); `text` a string or list of characters.
    Where a unit a reader keeps whole (`kept`) is longer than the line, `loose` says where
    it may still be cut; `dates`: a Chinese date is such a unit too."""
    return loose(text, b) and not kept(text, b, dates)


def loose(text, b: int) -> bool:
    """The break rules of punctuation and script: at a space, between Chinese characters, where
    Chinese meets Latin text, never inside a word, —— or ……, nor between a number and its unit."""
    before, after = text[b - 1], text[b]
    if after.isspace():
        return True  # a break at a space (the space is dropped)
    if before.isspace():
        return after not in NO_LINE_START
    if after in NO_LINE_START or before in NO_LINE_END:
        return False
    if before == after and before in PAIRED:
        return False
    if before.isdigit() and (cjk(after) or after in "%‰℃"):
        return False  # a number and its unit: 10,000.00元, 3日
    return not (latin(before) and latin(after))


def kept(text, b: int, dates: bool = True) -> bool:
    """Is text[b-1:b+1] inside a unit a reader keeps whole: a label and its number ("证据3"), a
    Chinese date ("2026年7月20日") when `dates`, an amount and its currency ("10,050.00欧元",
    "人民币268.00元"), the digit groups of an account number ("842 117 530")?"""
    before, after = text[b - 1], text[b]
    if after == " " or before == " ":
        return _grouped(text, b if after == " " else b - 1)
    if after.isdigit():
        if before in "年月" and not dates:
            return False
        return _han(before) and (before == "币" or _short_number(text, b))
    if _han(before) and _han(after):
        # the word before a label's number ("证据" of "证据3"), not a date's end ("日至10月")
        return ((before not in "年月日" and b + 1 < len(text) and text[b + 1].isdigit()
                 and _short_number(text, b + 1)) or _in_currency(text, b) or _yuan_before(text, b))
    return False


def _han(ch: str) -> bool:
    return "\u4e00" <= ch <= "\u9fff"


def _grouped(text, at: int) -> bool:
    """Is text[at], a space, one between two groups of digits ("842 117 530", "+86 138 0000")?
    An account or telephone number a reader copies whole: a break there reads as two numbers."""
    return (0 < at < len(text) - 1 and text[at] == " " and text[at - 1].isdigit()
            and text[at + 1].isdigit())


def _yuan_before(text, b: int) -> bool:
    """Is text[b-1:b+1] inside "人民币" written before a figure ("人民币268,161.14元")?"""
    for first in (b - 2, b - 1):
        if first >= 0 and "".join(text[first:first + 3]) == "人民币":
            return first + 3 < len(text) and text[first + 3].isdigit()
    return False


def _short_number(text, b: int) -> bool:
    """Does a number of at most three digits, not an amount, start at text[b]? After a Chinese
    character it is a label's or a date's ("证据3", "第12条", "7月20日"), read with the word before
    it; a year or an amount may start a line ("于" / "2026年", "货款" / "23,450.00欧元")."""
    end = b
    while end < len(text) and text[end].isdigit():
        end += 1
    if end - b > 3:
        return False
    return not (end + 1 < len(text) and text[end] in ",." and text[end + 1].isdigit())


# Where a Chinese currency name after an amount ends (元 of 欧元 and 澳大利亚元, 英镑, 瑞士法郎,
# 瑞典克朗, 卢布, 印度卢比, 比索, 泰铢, 越南盾, 里拉, 兰特, 林吉特, 迪拉姆, 里亚尔, 新台币, 兹罗提).
_CURRENCY_END = frozenset("元镑郎朗布比索铢盾拉特姆尔币提")
_CURRENCY_LONGEST = 6  # 阿联酋迪拉姆


def _in_currency(text, b: int) -> bool:
    """Is text[b-1:b+1] inside the currency name after an amount ("10,050.00欧/元")? The name is
    the Chinese characters after a number written with a separator (an amount, not "20日") up to
    the first that ends a currency's name."""
    start = b - 1
    while start > 0 and _han(text[start - 1]) and b - start < _CURRENCY_LONGEST:
        start -= 1
    if start == 0 or not text[start - 1].isdigit():
        return False
    digits = start - 1
    while digits > 0 and (text[digits - 1].isdigit() or text[digits - 1] in ",."):
        digits -= 1
    if not any(c in ",." for c in text[digits:start]):
        return False
    if any(c in _CURRENCY_END for c in text[start:b]):
        return False  # the name ended before b
    end = b
    while end < len(text) and end - start < _CURRENCY_LONGEST and _han(text[end]):
        if text[end] in _CURRENCY_END:
            return True
        end += 1
    return False


def units(text: str) -> Iterator[tuple[int, int]]:
    """(start, end) of each piece of `text` no line may break inside (`allowed`), spaces left out:
    what a table's column must be wide enough for."""
    start = 0
    for b in range(1, len(text) + 1):
        if b == len(text) or allowed(text, b):
            piece = text[start:b]
            if piece.strip():
                first = start + len(piece) - len(piece.lstrip())
                yield first, start + len(piece.rstrip())
            start = b


def url_point(text, b: int) -> bool:
    """A place to cut a word longer than a line: after "//", before "/", "." or "@"; in a word
    that is not an address (an order number "MA-PO-2026-031") after a hyphen, not before it,
    which would leave the reference's first part alone ("MA" / "-PO-2026-031")."""
    if "-" in (text[b - 1], text[b]) and not _address(text, b):
        return text[b - 1] == "-" and text[b] not in NO_LINE_START
    near = "".join(text[max(0, b - 2):b + 2])  # the rule looks two characters either side
    return url_break(near, min(b, 2)) and text[b] not in NO_LINE_START


def _address(text, b: int) -> bool:
    """Is the word of Latin text around text[b] an e-mail address or a URL?"""
    start, end = b, b
    while start > 0 and latin(text[start - 1]):
        start -= 1
    while end < len(text) and latin(text[end]):
        end += 1
    word = "".join(text[start:end])
    return "@" in word or "//" in word or word.startswith("www.")


def ems(text: str) -> float:
    """Estimated width of `text` in ems: wide (Chinese, full-width) characters one, others `LATIN_EM`."""
    return sum(1.0 if unicodedata.east_asian_width(c) in "WF" else LATIN_EM for c in text)


def breakable_addresses(text: str, room_ems: float) -> str:
    """`text` with a zero-width break opportunity at each place `url_break` allows inside every
    e-mail address or URL estimated wider than `room_ems`, and a word joiner after every
    address's hyphens, where it allows none. An address without a hyphen that fits is left as
    written, so that it copies and pastes exactly."""
    def mark(match) -> str:
        address = match.group()
        # A word joiner after each hyphen, in every address: Word and LibreOffice break Latin
        # text after a hyphen, which reads as a word hyphenated ("qiantang-" / "law.example").
        joined = address.replace("-", "-" + WJ)
        # An em to spare: a mark that may not start a line ("，") comes down with the address.
        if ems(address) + 1.0 <= room_ems:
            return joined
        return "".join((ZWSP if url_break(address, i) else "") + c + (WJ if c == "-" else "")
                       for i, c in enumerate(address))
    return ADDRESS.sub(mark, text)


# A run of digits long enough to be a reference or account number (a WeChat Pay reference has 26).
_NUMBER = re.compile(r"\d{12,}")


def breakable_numbers(text: str, room_ems: float) -> str:
    """`text` with a zero-width break opportunity cutting every run of digits estimated wider than
    `room_ems` into parts of even length: cut where full, a 26-digit reference leaves a digit or
    two alone on the last line, which reads as a number of its own. A number that fits is left
    whole (it moves to the next line whole), so that it copies and pastes exactly."""
    def mark(match) -> str:
        number = match.group()
        if ems(number) + 1.0 <= room_ems or room_ems <= 0:
            return number
        parts = math.ceil((ems(number) + 1.0) / room_ems)
        size = math.ceil(len(number) / parts)
        return ZWSP.join(number[i:i + size] for i in range(0, len(number), size))
    return _NUMBER.sub(mark, text)


# A word of Latin letters, digits and marks between Chinese text or spaces: a rule's key
# ("police.statement_in_person"), a citation ("〔2013〕8"), a code.
_LATIN_WORD = re.compile(r"[^\s\u2E80-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\u200b\u2060]{2,}")
_CODE_POINTS = "._/"  # where a word too long for the line is cut: before these, as in an address


def breakable_words(text: str, room_ems: float) -> str:
    """`text` with a zero-width break opportunity before each ".", "_" or "/" inside every word
    of Latin text (not an address: `breakable_addresses`) estimated wider than `room_ems` less
    an em. LibreOffice, meeting such a word after "（" in a narrow table cell, ends the line
    after the bracket, which no line may end with, and then cuts the word anywhere ("（" /
    "police.statement_in_perso" / "n）"); given places inside it, it keeps the bracket with
    the word's first part ("（police" / ".statement_in" / "_person）")."""
    def mark(match) -> str:
        word = match.group()
        if ems(word) + 1.0 <= room_ems or ADDRESS.search(word):
            return word
        # Only between a letter or digit and a letter: never "No" / "." nor "10" / ".4".
        return "".join((ZWSP if 0 < i < len(word) - 1 and c in _CODE_POINTS and word[i - 1].isalnum()
                        and word[i + 1].isalpha() else "") + c
                       for i, c in enumerate(word))
    return _LATIN_WORD.sub(mark, text)


# The end of a Chinese organisation's name: a break after it keeps the name on one line. Not a
# 集团 or 公司 the name goes on from (集团有限公司, 有限公司深圳分公司).
_NAME_END = re.compile(r"(?:公司|集团|集團)(?!有限|股份|公司|[^\s，。、；：（）]{0,6}分公司)")
# Where a name in a title starts: after 关于 or 致, a mark, a space, Latin text, or another name.
_NAME_START = re.compile(r"关于|關於|致|[\s，。、；：（）《》“”]")
# Other word boundaries of a title: after 的, before 涉嫌.
_WORD_END = re.compile(r"的|(?=涉嫌)")  # the same in Traditional script
TITLE_SLACK = 0.15  # a name kept whole may make the longer line up to 65% of the title, not more


def splits_name(text: str, b: int) -> bool:
    """Does a break before text[b] cut an organisation's name ("…科技有限 / 公司")?"""
    for m in _NAME_END.finditer(text):
        if m.end() <= b:
            continue
        start = max([0] + [n.end() for n in _NAME_START.finditer(text, 0, m.start())]
                    + [n.end() for n in _NAME_END.finditer(text, 0, m.start())]
                    + [i + 1 for i in range(m.start()) if latin(text[i])])
        return start < b < m.end()
    return False


def name_safe_break(text: str, b: int) -> int:
    """`b`, a balanced break of a two-line title, or, when it cuts a name, the break after a name's
    end or at another word boundary nearest to balance, while the longer line stays within
    `TITLE_SLACK` of half the title; `b` when there is none."""
    if not splits_name(text, b):
        return b
    total = ems(text)
    ends = {m.end() for m in _NAME_END.finditer(text)} | {m.end() for m in _WORD_END.finditer(text)}
    best, best_gap = b, None
    for e in sorted(ends):
        if not 0 < e < len(text) or not allowed(text, e) or splits_name(text, e):
            continue
        left, right = ems(text[:e].rstrip()), ems(text[e:].lstrip())
        if max(left, right) > (0.5 + TITLE_SLACK) * total:
            continue
        if best_gap is None or abs(left - right) < best_gap:
            best, best_gap = e, abs(left - right)
    return best


def balanced_break(text: str, line_ems: float) -> int | None:
    """Where to break a title estimated wider than one line of `line_ems` but not than two, into
    two lines of similar width: the index the second line starts at (a space there is dropped),
    or None (it fits one line, needs more than two, is too close to call, is mostly Latin text,
    whose width is only guessed, or has no place). A name is not cut where a break after it
    is near enough to balance (`name_safe_break`)."""
    total = ems(text)
    if total <= line_ems * 1.05 or total > line_ems * 1.9:
        return None
    if sum(1 for c in text if unicodedata.east_asian_width(c) in "WF") < 0.7 * total:
        return None  # mostly Latin: the estimate is too rough to break by hand
    best, best_gap = None, None
    for b in range(1, len(text)):
        if not allowed(text, b):
            continue
        left, right = ems(text[:b].rstrip()), ems(text[b:].lstrip())
        if max(left, right) > line_ems * 0.95:
            continue
        gap = abs(left - right)
        if best_gap is None or gap < best_gap:
            best, best_gap = b, gap
    if best is None:
        return None
    kept = name_safe_break(text, best)
    fits = max(ems(text[:kept].rstrip()), ems(text[kept:].lstrip())) <= line_ems * 0.95
    return kept if fits else best


def labelled(blocks: tuple[Block, ...]) -> Iterator[tuple[Block, bool]]:
    """(block, is it a run-in heading kept with what follows): a short paragraph all in
    bold (**Notes**) before another block is a heading the templates write as text."""
    for i, block in enumerate(blocks):
        yield block, isinstance(block, Paragraph) and i + 1 < len(blocks) and _is_label(block)


Rows = tuple[tuple[tuple[Block, ...], tuple[Block, ...]], ...]


def kept_rows(rows: Rows) -> Rows:
    """Rows of bilingual columns with each row of headings only joined to the row after it."""
    out: list = []
    pending: tuple[tuple[Block, ...], tuple[Block, ...]] | None = None
    for i, (left, right) in enumerate(rows):
        if pending is not None:
            left, right = pending[0] + left, pending[1] + right
            pending = None
        if i + 1 < len(rows) and (left or right) and _headings_only(left) and _headings_only(right):
            pending = (left, right)
            continue
        out.append((left, right))
    return tuple(out)


def heading_row(row: tuple[tuple[Block, ...], tuple[Block, ...]]) -> bool:
    """A row of bilingual columns holding nothing but headings (after `kept_rows`, only the
    last row can be one: it is kept with the block after the columns)."""
    return bool(row[0] or row[1]) and _headings_only(row[0]) and _headings_only(row[1])


def _headings_only(blocks: tuple[Block, ...]) -> bool:
    return all(isinstance(b, Heading) or (isinstance(b, Paragraph) and _is_label(b)) for b in blocks)


def _is_label(block: Paragraph) -> bool:
    runs = [r for r in block.inlines if getattr(r, "text", "").strip()]
    return (bool(runs) and all(getattr(r, "bold", False) for r in runs)
            and len(inline_text(block.inlines)) <= RUN_IN_HEADING)
