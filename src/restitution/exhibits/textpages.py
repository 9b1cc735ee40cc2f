"""Typesetting plain text (and e-mail rendered as text) onto A4 pages.

One layout serves both the page count printed in the evidence index and the
pages of the bundle, so the two can never disagree. The layout is a simple,
fast line breaker: Latin text breaks at spaces, Chinese between any two
characters (closing punctuation never starts a line, opening punctuation
never ends one), and a word wider than the line is cut. Line breaks and
leading spaces of the source are kept: in evidence, layout is content.

Characters are set with the bundled font stack. A character that no bundled
font has (a rare CJK Extension B character, say) is printed as a visible ``[U+20000]``
rather than dropped, so the text stays a faithful, searchable copy.
"""
from __future__ import annotations

import itertools
import math
import unicodedata
from pathlib import Path
from typing import Iterator

from restitution.exhibits.geometry import FRAME_H, FRAME_W, FRAME_X, FRAME_Y
from restitution.exhibits import UnusableFile
from restitution.records import record

# Bounds that keep any text exhibit to seconds (benchmarks/LIMITS.md): layout is linear at
# about a million characters a second, and runs twice (page count for the index, then the pages).
MAX_TEXT_BYTES = 5 * 1024 * 1024  # about 1,000 pages of ordinary text
MAX_LINE_CHARS = 100_000  # about 25 pages for one line: more is data, not something to read

SIZE = 10.0  # points
LEADING = 14.0
LINES_PER_PAGE = int(FRAME_H // LEADING)
TAB = "    "

# A span of text in one weight; a source line is a tuple of spans.
Span = tuple[str, bool]  # (text, bold)
SourceLine = tuple[Span, ...]

_CLOSING = set("，。、；：？！）》」』】〕〉…—·%,.;:?!)]}’”")
_OPENING = set("（《「『【〔〈([{‘“")
_IGNORABLE = {"Cc", "Cf", "Mn"}


@record
class _Unit:
    spans: tuple[Span, ...]
    width: float
    space: float  # width of trailing spaces, not counted at a line's end


class _Metrics:
    """Per-character font choice and width, cached: a bundle measures the same few thousand characters."""

    def __init__(self) -> None:
        from restitution.bundle.fonts import text_stack

        self.stack = text_stack()
        self._width: dict[tuple[str, bool], float] = {}
        self._clean: dict[str, str] = {}

    def clean(self, ch: str) -> str:
        hit = self._clean.get(ch)
        if hit is None:
            if ch == "\t":
                hit = TAB
            elif self.stack.family_for(ch) is not None:
                hit = ch
            elif unicodedata.category(ch) in _IGNORABLE:
                hit = ""  # control and format characters draw nothing
            else:
                hit = f"[U+{ord(ch):04X}]"
            self._clean[ch] = hit
        return hit

    def width(self, ch: str, bold: bool) -> float:
        key = (ch, bold)
        w = self._width.get(key)
        if w is None:
            from reportlab.pdfbase.pdfmetrics import stringWidth

            fam = self.stack.family_for(ch)
            w = stringWidth(ch, fam.face(bold), SIZE) if fam else 0.0
            self._width[key] = w
        return w


_metrics: _Metrics | None = None


def metrics() -> _Metrics:
    global _metrics
    if _metrics is None:
        _metrics = _Metrics()
    return _metrics


# ---------------------------------------------------------------- reading


def decode_text(data: bytes) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with a BOM as Windows Notepad writes it."""
    if data[:2] in (b"\xff\xfe", b"\xfe\xff"):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise UnusableFile("is not valid UTF-16 text") from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as e:
        raise UnusableFile(f"is not UTF-8 text (byte 0x{data[e.start]:02x} at offset {e.start}); "
                           "save it as UTF-8") from None


def plain_lines(text: str, bold: bool = False, what: str = "line") -> list[SourceLine]:
    """The lines of `text`; `UnusableFile` naming the first line longer than `MAX_LINE_CHARS`."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = text.split("\n")
    for number, line in enumerate(lines, 1):
        if len(line) > MAX_LINE_CHARS:
            raise UnusableFile(f"{what} {number} is {len(line):,} characters long; a line may have at most "
                               f"{MAX_LINE_CHARS:,} (break the text into lines, or print it to PDF)")
    return [((line, bold),) if line else () for line in lines]


def check_size(path: Path, what: str = "text file", limit: int = MAX_TEXT_BYTES) -> None:
    size = path.stat().st_size
    if size > limit:
        raise UnusableFile(f"the {what} is {size / 1024 / 1024:.1f} MB; the limit is {limit // 1024 // 1024} MB "
                           "(bind the part that matters, or print it to PDF)")


def text_lines(path: Path) -> list[SourceLine]:
    check_size(path)
    lines = plain_lines(decode_text(path.read_bytes()))
    while lines and not lines[-1]:
        lines.pop()
    if not lines:
        raise UnusableFile("the text file holds only blank lines")
    return lines


# ---------------------------------------------------------------- breaking


def _is_cjk(ch: str) -> bool:
    cp = ord(ch)
    return (0x2E80 <= cp <= 0x9FFF or 0xAC00 <= cp <= 0xD7AF or 0xF900 <= cp <= 0xFAFF
            or 0xFE30 <= cp <= 0xFE4F or 0xFF00 <= cp <= 0xFFEF or 0x20000 <= cp <= 0x3FFFF)


def _units(line: SourceLine, m: _Metrics) -> list[_Unit]:
    """Breakable units: a word with its trailing spaces, or one Chinese character."""
    units: list[_Unit] = []
    cur: list[tuple[str, bool]] = []  # (char, bold)
    glue_next = False  # the last unit ended with opening punctuation

    def flush() -> None:
        nonlocal cur
        if not cur:
            return
        units.append(_unit(cur, m))
        cur = []

    for text, bold in line:
        for raw in text:
            for ch in m.clean(raw):
                if ch == " ":
                    cur.append((ch, bold))
                    continue
                trailing_space = bool(cur) and cur[-1][0] == " "
                if ch in _CLOSING and cur and not trailing_space:
                    cur.append((ch, bold))
                elif _is_cjk(ch) or trailing_space:
                    if not glue_next:
                        flush()
                    cur.append((ch, bold))
                else:
                    if cur and _is_cjk(cur[-1][0]) and not glue_next:
                        flush()
                    cur.append((ch, bold))
                glue_next = ch in _OPENING
    flush()
    return units


def _spans(chars: list[tuple[str, bool]]) -> tuple[Span, ...]:
    """Characters with their weight as spans of one weight each, joined once (linear in the length)."""
    return tuple(("".join(ch for ch, _ in run), bold) for bold, run in
                 ((b, list(g)) for b, g in itertools.groupby(chars, key=lambda c: c[1])))


def _unit(chars: list[tuple[str, bool]], m: _Metrics) -> _Unit:
    n_space = len(chars) - len("".join(c for c, _ in chars).rstrip(" "))
    total = sum(m.width(c, b) for c, b in chars)
    space = sum(m.width(c, b) for c, b in chars[len(chars) - n_space:]) if n_space else 0.0
    return _Unit(_spans(chars), total - space if n_space else total, space)


def _split_wide(unit: _Unit, m: _Metrics, limit: float) -> list[_Unit]:
    """Cut a unit wider than the line into pieces that fit."""
    pieces: list[_Unit] = []
    chars: list[tuple[str, bool]] = []
    width = 0.0
    for text, bold in unit.spans:
        for ch in text:
            w = m.width(ch, bold)
            if width + w > limit and chars:
                pieces.append(_Unit(_spans(chars), width, 0.0))
                chars, width = [], 0.0
            chars.append((ch, bold))
            width += w
    pieces.append(_Unit(_spans(chars), width, 0.0))
    return pieces


def wrap(line: SourceLine, width: float = FRAME_W) -> list[tuple[Span, ...]]:
    """A source line as the visual lines it takes; an empty line takes one."""
    m = metrics()
    out: list[tuple[Span, ...]] = []
    cur: list[Span] = []
    used = 0.0
    pending_space = 0.0
    for unit in _units(line, m):
        parts = _split_wide(unit, m, width) if unit.width > width else [unit]
        for part in parts:
            if cur and used + pending_space + part.width > width:
                out.append(tuple(cur))
                cur, used, pending_space = [], 0.0, 0.0
            used += pending_space + part.width
            pending_space = part.space
            for span in part.spans:
                if cur and cur[-1][1] == span[1]:
                    cur[-1] = (cur[-1][0] + span[0], span[1])
                else:
                    cur.append(span)
    out.append(tuple(cur))
    return out


# ---------------------------------------------------------------- pages


def layout(lines: list[SourceLine]) -> Iterator[list[tuple[Span, ...]]]:
    """The pages of a text, each a list of visual lines; at least one page."""
    page: list[tuple[Span, ...]] = []
    produced = False
    for line in lines:
        for visual in wrap(line):
            if len(page) == LINES_PER_PAGE:
                yield page
                produced = True
                page = []
            page.append(visual)
    if page or not produced:
        yield page


def count_pages(lines: list[SourceLine]) -> int:
    total = sum(len(wrap(line)) for line in lines)
    return max(1, math.ceil(total / LINES_PER_PAGE))


def draw_page(canvas, page: list[tuple[Span, ...]]) -> None:
    """Draw one laid-out page in the frame of the current canvas page."""
    stack = metrics().stack
    text = canvas.beginText()
    y = FRAME_Y + FRAME_H - SIZE
    for visual in page:
        text.setTextOrigin(FRAME_X, y)
        for chunk, bold in visual:
            for fam, seg in stack.segments(chunk):
                text.setFont(fam.face(bold), SIZE, LEADING)
                text.textOut(seg)
        y -= LEADING
    canvas.drawText(text)
