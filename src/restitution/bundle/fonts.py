"""The fonts the bundle draws with: the PDF writer's stacks, used from reportlab.

Text from the case (titles, purposes) goes through the stacks strictly: a
character no font has is the writer's `MissingGlyphError`, raised before
anything is written. Text from an exhibit is the evidence itself and is
handled by `textpages` (a visible code point instead of a missing glyph).
"""
from __future__ import annotations

import os
from functools import lru_cache
from xml.sax.saxutils import escape

from restitution.writers.fonts import ENV_VAR, FontStack
from restitution.writers.fonts import font_stack as _writer_stack


def font_stack(lang: str) -> FontStack:
    # The writer's lookup re-reads the font configuration on every call; a bundle
    # asks thousands of times, so the answer is kept per language and font folder.
    return _cached_stack(lang, os.environ.get(ENV_VAR, ""))


@lru_cache(maxsize=16)
def _cached_stack(lang: str, font_dirs: str) -> FontStack:
    return _writer_stack(lang)


def text_stack() -> FontStack:
    """Latin first: most exhibit text is English; Chinese falls through to Noto Serif SC."""
    return font_stack("en")


def stack(lang: str) -> FontStack:
    return font_stack(lang)


def width(text: str, size: float, lang: str = "en", bold: bool = False) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return sum(stringWidth(seg, fam.face(bold), size) for fam, seg in font_stack(lang).segments(text))


def draw(canvas, x: float, y: float, text: str, size: float, lang: str = "en", bold: bool = False,
         align: str = "left") -> float:
    """Draw one line of mixed-script text; returns its width."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    segments = font_stack(lang).segments(text)
    total = sum(stringWidth(seg, fam.face(bold), size) for fam, seg in segments)
    if align == "right":
        x -= total
    elif align == "center":
        x -= total / 2
    for fam, seg in segments:
        canvas.setFont(fam.face(bold), size)
        canvas.drawString(x, y, seg)
        x += stringWidth(seg, fam.face(bold), size)
    return total


def markup(text: str, lang: str = "en", bold: bool = False) -> str:
    """reportlab Paragraph markup setting each run of `text` in the face that has it."""
    return "".join(f'<font face="{fam.face(bold)}">{escape(seg)}</font>'
                   for fam, seg in font_stack(lang).segments(text))
