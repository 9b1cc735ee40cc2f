"""Bold and italic next to Chinese: CommonMark's emphasis rules, made CJK-friendly.

CommonMark decides whether a ``**`` opens or closes emphasis from the
characters on either side ("flanking"). A closing ``**`` that follows
punctuation must be followed by a space or more punctuation, which English
provides (``**Late.** The``) and Chinese never does: ``**未按时发货。**合同``
printed its asterisks. This module replaces markdown-it's emphasis scanner
with the amendment proposed to CommonMark for this (spec issue 650; the rule
jgm tried in cmark and the markdown-cjk-friendly plugins implement): where the
character on either side of the run is a CJK character, the punctuation part
of the flanking test is waived. The whitespace part stays, so ``** x`` still
cannot open and ``x **`` still cannot close.

It also records every ``**``/``__`` the parser left as text (an unbalanced
pair in a template or a catalogue phrase, or one with a space inside), so
that `markup.parse` refuses to print literal asterisks. Text from the case
never takes part: it is backslash-escaped before it reaches Markdown.

Trade-off: "CJK" is decided as the proposal does, from East Asian Width (W, F,
H) plus Hangul, with emoji left out by code-point range rather than from the
Emoji_Presentation property, which `unicodedata` does not expose; an emoji
next to a delimiter therefore follows plain CommonMark. Underscore runs of
four or more are fill-in blanks (``（编号：______）``), never emphasis: plain
CommonMark would pair two blanks of one line into bold text and lose both.
"""
from __future__ import annotations

import unicodedata

from markdown_it import MarkdownIt
from markdown_it.common.utils import isMdAsciiPunct, isPunctChar, isWhiteSpace
from markdown_it.rules_inline.state_inline import Delimiter, Scanned, StateInline

STRAY_KEY = "stray_emphasis"  # where the parse's env collects unbalanced runs
_MARKERS = ("*", "_")
_BLANK = 4  # an underscore run this long is a blank to fill in, not emphasis
_HANGUL = ((0x1100, 0x11FF), (0x3130, 0x318F), (0xA960, 0xA97F), (0xAC00, 0xD7FF))
_EMOJI = ((0x1F000, 0x1FAFF), (0x2600, 0x27BF))


def is_cjk(ch: str) -> bool:
    """A Chinese, Japanese or Korean character or full-width mark (。，：（ included)."""
    code = ord(ch)
    if any(lo <= code <= hi for lo, hi in _EMOJI):
        return False
    if any(lo <= code <= hi for lo, hi in _HANGUL):
        return True
    return unicodedata.east_asian_width(ch) in ("W", "F", "H") and not isWhiteSpace(code)


def scan_delims(state: StateInline, start: int, can_split_word: bool) -> Scanned:
    """markdown-it's `StateInline.scanDelims` with the CJK amendment (see the module)."""
    src, maximum = state.src, state.posMax
    marker = src[start]
    last = src[start - 1] if start > 0 else " "  # the line's edges count as spaces
    pos = start
    while pos < maximum and src[pos] == marker:
        pos += 1
    following = src[pos] if pos < maximum else " "

    last_punct = isMdAsciiPunct(ord(last)) or isPunctChar(last)
    next_punct = isMdAsciiPunct(ord(following)) or isPunctChar(following)
    last_space, next_space = isWhiteSpace(ord(last)), isWhiteSpace(ord(following))
    cjk = is_cjk(last) or is_cjk(following)

    left = not next_space and (not next_punct or last_space or last_punct or cjk)
    right = not last_space and (not last_punct or next_space or next_punct or cjk)
    can_open = left and (can_split_word or not right or last_punct)
    can_close = right and (can_split_word or not left or next_punct)
    return Scanned(can_open, can_close, pos - start)


def _tokenize(state: StateInline, silent: bool) -> bool:
    """markdown-it's emphasis tokenizer, calling `scan_delims`; each marker's offset in
    the inline source is kept on its token so that a stray run can be quoted."""
    start = state.pos
    marker = state.src[start]
    if silent or marker not in _MARKERS:
        return False
    scanned = scan_delims(state, start, marker == "*")
    if marker == "_" and scanned.length >= _BLANK:
        # a blank to fill in: two of them in one line must not pair into emphasis
        state.pending += marker * scanned.length
        state.pos += scanned.length
        return True
    for i in range(scanned.length):
        token = state.push("text", "", 0)
        token.content = marker
        token.meta = {"emphasis_at": start + i}
        state.delimiters.append(Delimiter(
            marker=ord(marker), length=scanned.length, token=len(state.tokens) - 1,
            end=-1, open=scanned.can_open, close=scanned.can_close))
    state.pos += scanned.length
    return True


def _collect_strays(state: StateInline) -> None:
    """After emphasis has paired its delimiters: the runs of two or more markers still
    plain text (escaped markers never become delimiters, so they are not among them)."""
    lists = [state.delimiters] + [m["delimiters"] for m in state.tokens_meta if m and "delimiters" in m]
    for delimiters in lists:
        run: list[int] = []  # offsets of the unpaired markers of the current run
        previous: Delimiter | None = None
        for d in delimiters:
            token = state.tokens[d.token]
            unpaired = chr(d.marker) in _MARKERS and token.type == "text" and token.content == chr(d.marker)
            same_run = previous is not None and d.marker == previous.marker and d.token == previous.token + 1
            if not same_run:
                _report(state, run, previous)
                run = []
            if unpaired:
                run.append(token.meta.get("emphasis_at", 0))
            previous = d
        _report(state, run, previous)


def _report(state: StateInline, run: list[int], d: Delimiter | None) -> None:
    if d is None or len(run) < 2:
        return
    at = run[0]
    snippet = state.src[max(0, at - 12):at + len(run) + 12].replace("\n", " ")
    state.env.setdefault(STRAY_KEY, []).append((chr(d.marker) * len(run), snippet))


def cjk_emphasis(md: MarkdownIt) -> None:
    """The plugin: CJK-friendly emphasis, and unpaired runs collected in the parse's env."""
    md.inline.ruler.at("emphasis", _tokenize)
    md.inline.ruler2.after("emphasis", STRAY_KEY, _collect_strays)
