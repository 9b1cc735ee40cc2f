"""Page furniture: the firm's letterhead on the first page, the header of later pages,
the footer "Page 1 of N", and a draft's watermark across every page.

Page numbers need the page total, so a canvas collects the pages and draws header and
footer when the document is saved.
"""
from __future__ import annotations

import datetime as dt
import io
import math
from typing import TYPE_CHECKING, Callable

from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import HRFlowable, Image, KeepTogether, Spacer

from restitution.document import Document
from restitution.language import Language, get as get_language
from restitution.styles import MM, Page

if TYPE_CHECKING:
    from restitution.pipeline.profile import Profile
from restitution.writers._furniture import footer_parts, footer_text, watermark_text
from restitution.writers._pdf_bidi import visual_text
from restitution.writers._pdf_style import GRID, Lang

FURNITURE = colors.Color(0.35, 0.35, 0.35)
# Light enough to read the text under it, dark enough to survive a photocopy.
WATERMARK = colors.Color(0.55, 0.55, 0.55, alpha=0.28)


def letterhead(profile: Profile | None, langs: tuple[Language, ...], ctx: Callable[[Language], Lang],
               width: float) -> list:
    """The firm's letterhead from its profile, at the top of the first page only: the
    logo, then each language's lines (the firm's name in bold), then a rule."""
    if profile is None or not profile.has_letterhead:
        return []
    flows: list = []
    if profile.logo is not None:
        logo = profile.logo
        height = logo.height_mm * MM
        logo_width = height * logo.width_px / logo.height_px
        if logo_width > width:
            logo_width, height = width, width * logo.height_px / logo.width_px
        image = Image(io.BytesIO(logo.data), width=logo_width, height=height)
        image.hAlign = "CENTER"
        flows += [image, Spacer(1, 4)]
    for code, inlines in profile.letterhead_inlines([lang.code for lang in langs]):
        flows.append(ctx(get_language(code)).paragraph(inlines, "letterhead"))
    flows.append(HRFlowable(width="100%", thickness=0.6, color=GRID, spaceBefore=3, spaceAfter=14))
    return [KeepTogether(flows)]


class Furniture:
    """The footer page label ("Page 1 of 2", "第 1 页 共 2 页") and the header of later pages."""

    def __init__(self, doc: Document, page: Page, main: Lang):
        self.doc = doc
        self.page = page
        self.main = main
        self.size = main.sheet["footer"].size
        self.header_size = self.size - 1
        self.footers = [footer_parts(doc, language) for language in doc.langs]
        self.watermark = watermark_text(doc)

    def label(self, page: int, pages: int) -> str:
        """Each language's footer phrase, the main language's first."""
        return " / ".join(footer_text(parts, page, pages) for parts in self.footers)

    def check(self) -> None:
        """Fail before layout, not while saving, when the title or case id has a glyph no font has."""
        self.main.stack.check(self.label(1, 1) + self.doc.title + (self.doc.case_id or "") + "…"
                              + (self.watermark or ""))

    def _draw(self, canv: Canvas, text: str, x: float, y: float, size: float, align: str) -> None:
        segs = [(fam.face(), t) for fam, t in self.main.stack.segments(visual_text(self.main.shape(text)))]
        total = sum(stringWidth(t, face, size) for face, t in segs)
        x = {"left": x, "center": x - total / 2, "right": x - total}[align]
        for face, t in segs:
            canv.setFont(face, size)
            canv.drawString(x, y, t)
            x += stringWidth(t, face, size)

    def _fit(self, text: str, width: float, size: float) -> str:
        def w(s: str) -> float:
            return sum(stringWidth(t, fam.face(), size) for fam, t in self.main.stack.segments(self.main.shape(s)))
        if w(text) <= width:
            return text
        while text and w(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def _draw_watermark(self, canv: Canvas, text: str) -> None:
        """`text` corner to corner through the middle of the page, over the content (a
        fill under it would hide behind table shading), translucent."""
        p = self.page
        angle = math.degrees(math.atan2(p.height, p.width))
        width_1pt = sum(stringWidth(t, f.face(), 1) for f, t in self.main.stack.segments(self.main.shape(text)))
        size = min(110.0, 0.7 * math.hypot(p.width, p.height) / max(width_1pt, 1e-6))
        canv.saveState()
        canv.translate(p.width / 2, p.height / 2)
        canv.rotate(angle)
        canv.setFillColor(WATERMARK)
        segs = [(fam.face(), t) for fam, t in self.main.stack.segments(visual_text(self.main.shape(text)))]
        # A text object of its own, spacing reset: the page's last justified line may have
        # left character and word spacing set in the text state, which would stretch the mark.
        obj = canv.beginText(-width_1pt * size / 2, -size * 0.35)
        obj.setCharSpace(0)
        obj.setWordSpace(0)
        obj.setHorizScale(100)
        for face, t in segs:
            obj.setFont(face, size)
            obj.textOut(t)
        canv.drawText(obj)
        canv.restoreState()

    def draw(self, canv: Canvas, page: int, pages: int) -> None:
        p = self.page
        if self.watermark:
            self._draw_watermark(canv, self.watermark)
        canv.saveState()
        canv.setFillColor(FURNITURE)
        self._draw(canv, self.label(page, pages), p.width / 2, p.bottom * 0.45, self.size, "center")
        if page > 1:  # the first page carries the title and letterhead itself
            y = p.height - p.top * 0.55
            right = p.width - p.right
            case = self.doc.case_id or ""
            case_w = sum(stringWidth(t, f.face(), self.header_size)
                         for f, t in self.main.stack.segments(self.main.shape(case)))
            title = self._fit(self.doc.title, right - p.left - case_w - 24, self.header_size)
            self._draw(canv, title, p.left, y, self.header_size, "left")
            if case:
                self._draw(canv, case, right, y, self.header_size, "right")
            canv.setStrokeColor(GRID)
            canv.setLineWidth(0.4)
            canv.line(p.left, y - 4, right, y - 4)
        canv.restoreState()


class NumberedCanvas(Canvas):
    """Holds every page until the end, when the total page count is known."""

    def __init__(self, *args, furniture: Furniture, **kwargs):
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._saved_pages: list[dict] = []
        date = furniture.doc.date or dt.date(2000, 1, 1)
        stamp = f"D:{date.year:04d}{date.month:02d}{date.day:02d}000000+00'00'"
        self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        # What Canvas.showPage does after writing the page: a private method the stubs leave out.
        self._startPage()  # type: ignore[attr-defined]

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._furniture.draw(self, self.getPageNumber(), total)
            super().showPage()
        super().save()
