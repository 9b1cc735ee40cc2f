"""Lists in the PDF: numbers "1." then "a." / "（1）", bullets "•" then "–", and items
that split across pages however long they are."""
from __future__ import annotations

from typing import Callable

from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import ListFlowable, ListItem as RLListItem, Spacer
from reportlab.platypus.flowables import LIIndenter

from restitution.document import Block, ListBlock
from restitution.writers._pdf_style import Lang

JUSTIFY = 4  # reportlab's TA_JUSTIFY


def list_flowable(block: ListBlock, ctx: Lang, width: float, depth: int, page_height: float,
                  flows_of: Callable[[Block, float], list]) -> ListFlowable:
    """The list and its items; `flows_of(block, width)` makes the flowables of an item's
    other blocks."""
    style = ctx.sheet["list"]
    indent = style.size * (2.0 if ctx.cjk else 1.8)
    items = []
    for item in block.items:
        flows: list = []
        for b in item.blocks:
            if isinstance(b, ListBlock):
                flows.append(list_flowable(b, ctx, width - indent, depth + 1, page_height, flows_of))
            else:
                flows.extend(flows_of(b, width - indent))
        items.append(RLListItem(flows or [Spacer(1, style.size * style.leading)]))
    if block.ordered:
        kind, fmt = ("1", "（%s）") if depth % 2 and ctx.cjk else ("a" if depth % 2 else "1", "%s.")
        last = fmt % (block.start + len(block.items) - 1)
        face = ctx.stack.primary.face()
        indent = max(indent, stringWidth(last, face, style.size) + style.size * 0.6)
        opts = dict(bulletType=kind, start=block.start, bulletFormat=fmt)
    else:
        char = "•" if depth % 2 == 0 else "–"
        face = ctx.stack.segments(char)[0][0].face()
        opts = dict(bulletType="bullet", start=char)
    return _List(items, page_height, leftIndent=indent, bulletFontName=face, bulletFontSize=style.size,
                 spaceAfter=style.space_after if depth == 0 else 0, **opts)


class _List(ListFlowable):
    """A reportlab list whose item paragraphs are laid out by `_Item`."""

    def __init__(self, items: list, page_height: float, **kwargs):
        self._page_height = page_height
        super().__init__(items, **kwargs)

    def _makeLIIndenter(self, flowable, bullet, params=None):
        li = super()._makeLIIndenter(flowable, bullet, params)
        item = _Item(li._flowable, li._leftIndent, li._rightIndent, li._bullet, page_height=self._page_height)
        item.__dict__.update({k: v for k, v in li.__dict__.items() if k in ("spaceBefore", "spaceAfter")})
        return item


class _Item(LIIndenter):
    """A paragraph of a list item, indented, with the bullet on its first part.

    reportlab's item refuses a split that would leave one or two lines on the next page
    (two: justified text), so the whole item moves on. An item taller than a page then
    meets the same split at the top of the next page and the document fails ("too large
    to fit on one page"). Such an item moves one to three more lines over instead; an
    item that fits on a page still moves as a whole, as before.
    """

    # The attributes the indenter keeps for itself instead of its flowable; a private
    # reportlab list, which the stubs leave out.
    _IndenterAttrs = LIIndenter._IndenterAttrs + ["_page_height"]  # type: ignore[attr-defined]

    def __init__(self, flowable, leftIndent=0, rightIndent=0, bullet=None, *, page_height: float):
        super().__init__(flowable, leftIndent, rightIndent, bullet)
        self._page_height = page_height

    def split(self, aW, aH):
        f = self._flowable
        w = aW - self._leftIndent - self._rightIndent
        parts = f.split(w, aH)
        if len(parts) > 1 and hasattr(f, "blPara"):
            lines = len(f.blPara.lines)
            if _widowed(f, lines, parts[0]):
                parts = [] if lines * f.style.leading <= self._page_height else _fewer(f, w, aH, lines)
        return [_Item(p, self._leftIndent, self._rightIndent, p is parts[0] and self._bullet or None,
                      page_height=self._page_height) for p in parts]


def _widowed(f, lines: int, first) -> bool:
    """reportlab's rule for a list item: too few lines would go to the next page."""
    kept = len(first.blPara.lines)
    return (getattr(f.style, "alignment", None) == JUSTIFY and kept >= lines - 2) or kept == lines - 1


def _fewer(f, width: float, height: float, lines: int) -> list:
    """A split of paragraph `f` that leaves enough lines for the next page, or []."""
    for more in (1, 2, 3):
        parts = f.split(width, height - more * f.style.leading)
        if len(parts) > 1 and not _widowed(f, lines, parts[0]):
            return parts
    return []
