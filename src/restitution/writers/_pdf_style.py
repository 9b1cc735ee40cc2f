"""One language's paragraph styles and the reportlab markup of its runs.

Sizes and spacing come from the shared style sheets (styles.py), fonts from the
per-language stacks of `fonts.py`: every run is cut into spans of the first font
that has its characters, so every glyph is drawn by an embedded, subset TrueType
font and Chinese text stays searchable.
"""
from __future__ import annotations

import re
from typing import Literal

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import Paragraph as RLParagraph, Spacer
from reportlab.platypus import paragraph as _rl_paragraph

from restitution.document import Inline, LineBreak, Run, inline_text
from restitution.language import Language
from restitution.styles import Style, StyleSheet, sheet_for
from restitution.writers._pdf_bidi import shape, visual_lines
from restitution.writers._pdf_linebreak import balance, split_lines
from restitution.writers._textflow import units
from restitution.writers.fonts import FontConfig, FontStack, font_stack

# reportlab's alignment codes, as its ParagraphStyle types them.
_ALIGN: dict[str, Literal[0, 1, 2, 4]] = {
    "left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
# Han, kana, CJK punctuation and full-width forms: text that must wrap between characters.
_CJK = re.compile(r"[\u2E80-\u303F\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\U00020000-\U0003FFFF]")
# Units a table column cannot be narrower than: one CJK character, or a run of other non-spaces.
_TOKEN = re.compile(_CJK.pattern + r"|[^\s" + _CJK.pattern[1:-1] + r"]+")

HIGHLIGHT = "#FFF0A0"  # untranslated text: visible on screen and on paper, still readable
GRID = colors.Color(0.55, 0.55, 0.55)


class Lang:
    """One language's style sheet and font stack, and the paragraph styles made from them."""

    def __init__(self, language: Language, config: FontConfig):
        self.language = language
        self.sheet: StyleSheet = sheet_for(language)
        self.stack: FontStack = font_stack(language, config)
        self.cjk = language.chinese
        self._styles: dict[tuple, ParagraphStyle] = {}

    def style(self, name: str, align: str | None = None, cjk: bool = False, **changes) -> ParagraphStyle:
        key = (name, align, cjk or self.cjk, tuple(sorted(changes.items())))
        ps = self._styles.get(key)
        if ps is None:
            ps = self._styles[key] = self._make(self.sheet[name], name, align, cjk or self.cjk, changes)
        return ps

    def _make(self, s: Style, name: str, align: str | None, cjk: bool, changes: dict) -> ParagraphStyle:
        face = self.stack.primary.face(bold=s.bold)
        leading = changes.pop("leading", s.leading)
        attrs = dict(
            fontName=face, bulletFontName=face, fontSize=s.size,
            leading=s.size * leading, spaceBefore=s.space_before, spaceAfter=s.space_after,
            alignment=_ALIGN[align or s.align], firstLineIndent=s.first_line_indent,
            leftIndent=s.left_indent, keepWithNext=int(s.keep_with_next),
            # CJK wrapping breaks between Chinese characters and still between Latin words.
            wordWrap="CJK" if cjk else None, allowWidows=0, splitLongWords=1,
            textColor=colors.black,
        )
        return ParagraphStyle(f"{self.language.code}.{name}", **(attrs | changes))

    def markup(self, inlines: tuple[Inline, ...], bold: bool = False) -> str:
        """reportlab paragraph markup of runs: literal text, one <font> span per font."""
        out = []
        for inline in inlines:
            if isinstance(inline, LineBreak):
                out.append("<br/>")
                continue
            segments = self.stack.segments(self.shape(inline.text))
            if inline.untranslated and segments and len(segments[0][1]) > 1:
                # reportlab draws a paragraph of one single span by a shortcut that drops
                # the background colour: cut the first span in two to keep the highlight.
                (fam, text), rest = segments[0], segments[1:]
                segments = [(fam, text[0]), (fam, text[1:])] + rest
            spans = "".join(
                f'<font name="{fam.face(bold or inline.bold, inline.italic)}">{_escape(text)}</font>'
                for fam, text in segments
            )
            if inline.untranslated:
                spans = f'<span backColor="{HIGHLIGHT}">{spans}</span>'
            out.append(spans)
        return "".join(out)

    def shape(self, text: str) -> str:
        """Arabic letters in their joining forms, where a font of the stack has them."""
        return shape(text, lambda c: self.stack.family_for(c) is not None)

    def paragraph(self, inlines: tuple[Inline, ...], name: str, align: str | None = None,
                  **changes) -> RLParagraph | Spacer:
        # Line breaking follows the characters, not the language: an English paragraph
        # quoting a Chinese name must still break between the Chinese characters.
        style = self.style(name, align, cjk=has_cjk(inline_text(inlines)), **changes)
        if not any(isinstance(i, Run) and i.text.strip() for i in inlines):
            return Spacer(1, style.leading)  # an empty line kept as space, e.g. inside an address
        kind = _Balanced if name == "title" else _Paragraph
        return kind(self.markup(inlines, bold=self.sheet[name].bold), style)

    def measure(self, inlines: tuple[Inline, ...], name: str) -> tuple[float, float, float]:
        """(narrowest, kept, natural) width of text set in a style: its longest token no line can
        break inside (a word, a Chinese character), its longest unit no line should break inside
        (`_textflow.units`: "2026年7月20日", "10,050.00欧元"), and its longest line."""
        s = self.sheet[name]
        narrow = kept = line = natural = 0.0
        for inline in inlines:
            if isinstance(inline, LineBreak):
                natural, line = max(natural, line), 0.0
                continue
            shaped = self.shape(inline.text)
            wraps_cjk = has_cjk(shaped)  # as `paragraph` chooses the line breaker
            faces: list[str] = []  # the face of each character, for units across fonts
            for fam, text in self.stack.segments(shaped):
                face = fam.face(s.bold or inline.bold, inline.italic)
                line += stringWidth(text, face, s.size)
                for token in _TOKEN.findall(text):
                    narrow = max(narrow, stringWidth(token, face, s.size))
                faces.extend([face] * len(text))
            if wraps_cjk:  # Chinese: the units its line breaking keeps whole ("2026年7月20日")
                for a, z in units(shaped):
                    kept = max(kept, sum(stringWidth(shaped[i], faces[i], s.size) for i in range(a, z)))
        return narrow, max(narrow, kept), max(natural, line)


class _Paragraph(RLParagraph):
    """A paragraph that breaks its lines once per width. reportlab wraps the same paragraph
    again and again at the same width (table row heights, split attempts, keep-together
    measuring, drawing a cell), and line breaking is most of a PDF's cost."""

    _wrapped: tuple | None = None
    _own_breaks = False  # the lines came from `split_lines` (a Latin word longer than the line)

    def __init__(self, text, style, *args, **kwargs):
        super().__init__(text, style, *args, **kwargs)
        self._source = self.frags  # reportlab's breaking replaces them by its word list

    def wrap(self, availWidth, availHeight):
        w = self._wrapped
        if w is not None and w[0] == availWidth and w[1] is self.frags:
            self.width, self.height, self.blPara, self._wrapWidths = availWidth, w[2], w[3], w[4]
            return availWidth, w[2]
        result = super().wrap(availWidth, availHeight)
        # Breaking replaces the fragments by its word list, from which the next wrap would
        # start and break alike; except after cutting a long word (or hyphenating), where
        # each wrap adds empty pieces that reach the page: such a paragraph is wrapped again.
        if hasattr(self, "blPara") and not (getattr(self, "_splitLongWordCount", 0)
                                            or getattr(self, "_hyphenations", 0)):
            self._wrapped = (availWidth, self.frags, self.height, self.blPara, self._wrapWidths)
        return result

    def breakLines(self, width):
        # Latin text: reportlab's breaker, unless a word (an e-mail address, a URL) is longer than
        # the line, which it would cut anywhere; then the lines are broken by `split_lines`.
        widths = list(width) if isinstance(width, (list, tuple)) else [width]
        if self._own_breaks and hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara  # the first part of a split paragraph keeps its lines
        if not _long_word(self._source, min(widths)):
            return super().breakLines(width)
        self.frags = self._source
        self._own_breaks = True
        _rl_paragraph._handleBulletWidth(self.bulletText, self.style, widths)
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return split_lines(self.frags, widths, auto not in ("", "off"), spaces=True)

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if self._own_breaks and parts and parts[0] is not self:
            parts[0]._own_breaks = True
        return parts

    def breakLinesCJK(self, maxWidths):
        # reportlab's own CJK breaker, with the break chosen by Chinese rules (_pdf_linebreak).
        if not isinstance(maxWidths, (list, tuple)):
            maxWidths = [maxWidths]
        if hasattr(self, "blPara") and getattr(self, "_splitpara", 0):
            return self.blPara  # the second part of a split paragraph keeps its lines
        _rl_paragraph._handleBulletWidth(self.bulletText, self.style, maxWidths)
        auto = getattr(self, "autoLeading", getattr(self.style, "autoLeading", ""))
        return split_lines(self.frags, maxWidths, auto not in ("", "off"))

    def draw(self):
        # Lines are broken in logical order; those with right-to-left text are drawn in visual order.
        broken = self.blPara
        self.blPara = visual_lines(broken)
        try:
            super().draw()
        finally:
            self.blPara = broken


class _Balanced(_Paragraph):
    """A title: when it takes two lines or more, they are of similar length (the narrowest
    measure that keeps the number of lines), still centred on the full width, instead of
    a full first line and a word or two left alone on the second."""

    def breakLines(self, width):
        return balance(super().breakLines, width)

    def breakLinesCJK(self, maxWidths):
        return balance(super().breakLinesCJK, maxWidths)


def _long_word(frags: list, width: float) -> bool:
    """Does a run of text without a space need more than `width`? Measured only for runs long
    enough to (a glyph of a Latin face is narrower than an em), so most paragraphs cost a scan."""
    run: list[tuple[str, str, float]] = []  # (text, font, size) pieces of the current run
    for frag in frags + [None]:
        text = getattr(frag, "text", "") if frag is not None else " "
        if getattr(frag, "lineBreak", False):
            text = " "
        pieces = text.split(" ") if text else [""]
        for i, piece in enumerate(pieces):
            if i:  # a space ends the run
                if sum(len(t) * size for t, _, size in run) > width and \
                        sum(stringWidth(t, font, size) for t, font, size in run) > width:
                    return True
                run = []
            if piece and frag is not None:
                run.append((piece, frag.fontName, frag.fontSize))
    return False


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None
