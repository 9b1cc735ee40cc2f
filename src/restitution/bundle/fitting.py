"""Making a page from another PDF ready for its stamp.

Such a page may have any size, an origin other than (0, 0), a crop box and a
/Rotate entry. One transformation of its content turns it upright (as a
viewer showed it), moves its visible area to the origin and shrinks it just
enough to free the stamp band at the bottom, so the stamp never covers what
the page shows. The content stream is rewritten once, and link annotations
move with the content.
"""
from __future__ import annotations

from pypdf import PageObject, Transformation
from pypdf.generic import ArrayObject, FloatObject, NameObject, RectangleObject

from restitution.bundle.geometry import BAND

_BOXES = ("/BleedBox", "/TrimBox", "/ArtBox")


def _visible(page: PageObject) -> tuple[float, float, float, float]:
    """The crop box clipped to the media box, as (left, bottom, right, top)."""
    mb, cb = page.mediabox, page.cropbox
    left, bottom = max(float(mb.left), float(cb.left)), max(float(mb.bottom), float(cb.bottom))
    right, top = min(float(mb.right), float(cb.right)), min(float(mb.top), float(cb.top))
    if right - left < 1 or top - bottom < 1:  # a crop box outside the page: show the media box
        left, bottom, right, top = float(mb.left), float(mb.bottom), float(mb.right), float(mb.top)
    return left, bottom, right, top


def upright_size(page: PageObject) -> tuple[float, float]:
    """The size of the page as shown, i.e. after its /Rotate."""
    left, bottom, right, top = _visible(page)
    w, h = right - left, top - bottom
    return (h, w) if page.rotation % 180 == 90 else (w, h)


def band_for(height: float) -> float:
    """The stamp band of a page: the full band, or less on a very short page (a till receipt)."""
    return min(BAND, height * 0.1)


def fit(page: PageObject, shrink: bool = True) -> tuple[float, float, float]:
    """Turn `page` upright at the origin and free the stamp band; returns (width, height, band)."""
    left, bottom, right, top = _visible(page)
    rotation = page.rotation % 360
    w, h = upright_size(page)
    band = band_for(h)
    # Centre the visible area on the origin, turn it clockwise by /Rotate, put it back
    # with its lower-left corner at the origin, then shrink it above the band.
    t = (Transformation()
         .translate(-(left + right) / 2, -(bottom + top) / 2)
         .rotate(-rotation)
         .translate(w / 2, h / 2))
    if shrink:
        s = (h - band) / h
        t = t.scale(s, s).translate(w * (1 - s) / 2, band)
    if t.ctm != (1, 0, 0, 1, 0, 0):
        page.add_transformation(t)
        _move_annotations(page, t)
    if rotation:
        page.rotation = 0
    box = RectangleObject((0, 0, w, h))
    page[NameObject("/MediaBox")] = box
    page[NameObject("/CropBox")] = RectangleObject((0, 0, w, h))
    for name in _BOXES:
        if name in page:
            del page[NameObject(name)]
    return w, h, band


def _move_annotations(page: PageObject, t: Transformation) -> None:
    annots = page.get("/Annots")
    if annots is None:
        return
    for ref in annots.get_object():
        annot = ref.get_object()
        rect = annot.get("/Rect")
        if rect is None or len(rect) != 4:
            continue
        x1, y1, x2, y2 = (float(v) for v in rect)
        corners = [t.apply_on((x, y)) for x in (x1, x2) for y in (y1, y2)]
        xs, ys = [c[0] for c in corners], [c[1] for c in corners]
        annot[NameObject("/Rect")] = ArrayObject(FloatObject(v) for v in (min(xs), min(ys), max(xs), max(ys)))
        if "/QuadPoints" in annot:
            del annot[NameObject("/QuadPoints")]  # the rectangle above is enough for a viewer
