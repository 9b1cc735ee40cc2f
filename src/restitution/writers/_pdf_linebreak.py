"""Line breaking of text that holds Chinese, by the rules of GB/T 15834-2011 and W3C clreq.

reportlab's CJK line breaker cuts wherever the line is full: it hangs one closing
mark in the margin, lets a line end with an opening bracket, and cuts a Latin
word, an e-mail address or a number anywhere. This one chooses the break, by
the rules of `_textflow` (shared with the DOCX writer):

- between two Chinese characters, at a space, or where Chinese meets Latin text;
- never before a mark that may not start a line (。，、：；！？ closing quotes,
  brackets and title marks), never after one that may not end it (opening
  ones), never inside —— or ……, never between a number and the unit after it:
  such characters are pushed to the next line (clreq "basic" level; the
  standard prefers pushing to compressing in this writer, as the line is then
  justified);
- a Latin word, URL or e-mail address moves whole to the next line; only one
  longer than a line is cut, and then by the Chicago Manual of Style's rule
  (`checks.continuity.url_break`): after "//", before a single "/", a "." or the
  "@", with no hyphen added.

Latin text with no Chinese in it is broken here too when it holds a word
longer than the line (an e-mail address in a half-width column), where
reportlab's own breaker would cut it anywhere (`splitLongWords`); such
lines count their spaces as word spaces (`split_lines(spaces=True)`) so that
justification still spreads them.

The trade-off: a line can end a character or two short, which justification
spreads; lines keep reportlab's own representation (`makeCJKParaLine`), so
drawing, splitting across pages and right-to-left reordering are unchanged.
"""
from __future__ import annotations

import math

# Private parts of reportlab's CJK line breaker, which the stubs leave out.
from reportlab.platypus.paragraph import ParaLines, cjkU, makeCJKParaLine  # type: ignore[attr-defined]
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.rl_config import _FUZZ

from restitution.formatting.breaks import NO_LINE_END, NO_LINE_START
from restitution.writers._textflow import allowed, loose, name_safe_break, url_point
from restitution.writers._textflow import latin as _latin


# A measure narrower than this many ems (a table cell, a bilingual column) keeps a Chinese date
# whole; a full line may break it after 年 or 月, as Word does, rather than end up to six
# characters short (a Chinese line is not spread: it has no word spaces).
DATES_KEPT_BELOW = 24


def choose(text: list[str], widths: list[float], start: int, over: int, max_width: float) -> int:
    """Where the line from `start` breaks, `over` being the first character that does not
    fit: the index the next line starts at (start < result <= over)."""
    em = max(widths[start:over + 1], default=0.0)  # a Chinese character's width, where there is one
    dates = max_width < DATES_KEPT_BELOW * em
    for b in range(over, start, -1):
        if allowed(text, b, dates):
            # A word longer than a line is cut in it (below) rather than pushed whole.
            if not _long_word(text, widths, b, over, max_width):
                return b
            break
    for b in range(over, start, -1):
        if _latin(text[b - 1]) and _latin(text[b]) and url_point(text, b):
            return b
    for b in range(over, start, -1):
        if allowed(text, b, dates):
            return b
    for b in range(over, start, -1):
        if loose(text, b):  # a unit kept whole ("2026年7月20日") longer than the line
            return b
    # Nothing allowed (a word longer than a narrow cell): cut inside the word, into even
    # parts, still keeping closing marks off the line start and opening ones off its end;
    # at worst where full.
    even = _even_cut(text, widths, start, over, max_width)
    if even:
        return even
    for b in range(over, start, -1):
        if text[b] not in NO_LINE_START and text[b - 1] not in NO_LINE_END:
            return b
    return max(over, start + 1)


def _even_cut(text: list[str], widths: list[float], start: int, over: int, max_width: float) -> int | None:
    """Where a word longer than a line (a 26-digit payment reference, an account number) is
    cut so that its parts are of even length, the line from `start` being its first: cut
    where full, it would leave one or two characters alone on the last line, which a reader
    takes for a separate number. None when `over` is not inside a word."""
    if not (_latin(text[over - 1]) and _latin(text[over])):
        return None
    end = over
    while end < len(text) and (_latin(text[end]) or text[end] in NO_LINE_START):
        end += 1  # a closing mark after the word goes down with its last part
    rest = sum(widths[start:end])
    parts = math.ceil(rest / max_width - _FUZZ)  # lines the rest of the word takes at the least
    share = rest / max(parts, 1) + _FUZZ
    used = 0.0
    for b in range(start, over):
        used += widths[b]
        if used > share:
            break
    else:
        return None
    for b in range(b, start, -1):  # the last character that still fits the share ends the line
        if text[b] not in NO_LINE_START and text[b - 1] not in NO_LINE_END:
            return b
    return None


def _long_word(text: list[str], widths: list[float], b: int, over: int, max_width: float) -> bool:
    """Does a Latin word run from before `over` back to b and on past a whole line?"""
    if not (_latin(text[over - 1]) and _latin(text[over])) or b >= over:
        return False
    end = over
    while end < len(text) and _latin(text[end]):
        end += 1
    first = b
    while first < over and text[first].isspace():
        first += 1
    return sum(widths[first:end]) > max_width + _FUZZ


def split_lines(frags: list, max_widths: list[float], calc_bounds: bool, spaces: bool = False) -> ParaLines:
    """reportlab's `cjkFragSplit`, breaking at the places `choose` allows; `spaces`: the
    lines' spaces are its word spaces, which justification widens (Latin text)."""
    glyphs: list = []
    for f in frags:
        text = f.text.decode("utf8") if isinstance(f.text, bytes) else f.text
        _glyphs(f, text, glyphs) if text else glyphs.append(cjkU("", f, "utf8"))
    text = [str(g) for g in glyphs]
    widths = [float(g.width) for g in glyphs]
    padded = text + [""]  # `choose` may look one past the last character
    lines: list = []
    start = i = 0
    used = 0.0
    max_width = max_widths[0]
    n = len(glyphs)
    while i < n:
        forced = hasattr(glyphs[i].frag, "lineBreak")
        used += widths[i]
        if not forced and not (used > max_width + _FUZZ and i > start):
            i += 1
            continue
        if forced:
            end = nxt = i + 1
        else:
            nxt = choose(padded, widths, start, i, max_width)
            end = nxt
            while end > start + 1 and text[end - 1].isspace():
                end -= 1  # the space at a break is not drawn at the line's end
            while nxt < n and text[nxt].isspace():
                nxt += 1
        width = sum(widths[start:end])
        lines.append(_line(glyphs[start:end], text[start:end], max_width, width, forced, calc_bounds, spaces))
        max_width = max_widths[min(len(lines), len(max_widths) - 1)]
        start = i = nxt
        used = 0.0
    if start < n:
        width = sum(widths[start:])
        lines.append(_line(glyphs[start:], text[start:], max_width, width, False, calc_bounds, spaces))
    return ParaLines(kind=1, lines=lines)


# The width of each character in each font and size, measured once per process: a packet
# measures the same few thousand characters tens of thousands of times.
_WIDTHS: dict[tuple[str, float], dict[str, float]] = {}


def _glyphs(frag, text: str, out: list) -> None:
    """reportlab's `cjkU` of each character of `text` in `frag`, as `cjkFragSplit` makes
    them, with each width looked up rather than measured again."""
    if hasattr(frag, "cbDefn"):  # an inline object: its own width (reportlab's rule)
        out.extend(cjkU(t, frag, "utf8") for t in text)
        return
    table = _WIDTHS.setdefault((frag.fontName, frag.fontSize), {})
    for t in text:
        width = table.get(t)
        if width is None:
            width = table[t] = stringWidth(t, frag.fontName, frag.fontSize)
        glyph = str.__new__(cjkU, t)
        glyph._frag, glyph._width = frag, width
        out.append(glyph)


def _line(glyphs: list, text: list[str], max_width: float, width: float, forced: bool, calc_bounds: bool,
          spaces: bool):
    line = makeCJKParaLine(glyphs, max_width, width, max_width - width, forced, calc_bounds)
    if spaces:
        # reportlab justifies a line by widening its word spaces, counted from `wordCount`
        # (one for a line of Chinese, which has none).
        line.wordCount = 1 + sum(1 for t in text if t == " ")
    return line


def balance(breaker, width):
    """Lines from `breaker(width)` (a paragraph's own line breaking) made even: broken at the
    narrowest width that gives no more lines, each line's spare room then measured against
    the full width again, so that alignment (centring) is unchanged. Two lines that would cut
    an organisation's name break after it instead, when that is near enough to even (`_name_kept`)."""
    full = width[0] if isinstance(width, (list, tuple)) else width
    broken = breaker(width)
    count = len(broken.lines)
    if count < 2:
        return broken
    low, high = full / count, full
    for _ in range(10):  # to within a thousandth of the width: finer cannot be seen
        middle = (low + high) / 2
        if len(breaker([middle]).lines) <= count:
            high = middle
        else:
            low = middle
    broken = breaker([high])
    kept = _name_kept(breaker, broken, full) if count == 2 and broken.kind == 1 else None
    if kept is not None:
        return kept
    extra = full - high
    if broken.kind == 0:  # one font: (spare room, words) pairs
        broken.lines = [(room + extra, words) for room, words in broken.lines]
    else:
        for line in broken.lines:
            line.extraSpace += extra
    return broken


def _line_text(line) -> str:
    return "".join(getattr(w, "text", "") for w in line.words)


def _name_kept(breaker, broken, full: float):
    """Two balanced lines that cut a name ("…科技有限 / 公司涉嫌…") broken instead after the
    name's end (`_textflow.name_safe_break`): the first line given the narrowest width that
    takes the text up to there, the second the full width; None to keep the balanced lines."""
    first = _line_text(broken.lines[0])
    text = first + _line_text(broken.lines[1])
    at = name_safe_break(text, len(first))
    if at == len(first):
        return None
    low, high = 0.0, full
    for _ in range(12):
        middle = (low + high) / 2
        if len(_line_text(breaker([middle, full]).lines[0])) >= at:
            high = middle
        else:
            low = middle
    kept = breaker([high, full])
    if len(kept.lines) != 2 or _line_text(kept.lines[0]) != text[:at]:
        return None  # the rules allow no break there at these widths
    kept.lines[0].extraSpace += full - high  # centred on the full width, as the second line is
    return kept
