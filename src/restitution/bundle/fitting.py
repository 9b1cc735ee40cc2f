"""Making a page from another PDF ready for its stamp, and stamping it.

Such a page may have any size, an origin other than (0, 0), a crop box and a
/Rotate entry. One transformation of its content turns it upright (as a
viewer showed it), moves its visible area to the origin and shrinks it just
enough to free the stamp band at the bottom, so the stamp never covers what
the page shows. Link annotations move with the content.

Both steps leave the page's own content streams untouched: the transformation
is a ``q … cm`` stream before them and a ``Q`` after, and the stamp is a form
XObject drawn by one more stream. pypdf's `add_transformation` and
`merge_page` would parse and rewrite every content stream instead, which was
most of the time of a 2,000-page bundle.
"""
from __future__ import annotations

from pypdf import PageObject, Transformation
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, FloatObject, IndirectObject,
                           NameObject, RectangleObject)

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
        _wrap_contents(page, t.ctm)
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


def _stream(writer, data: bytes) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)  # pypdf's way to make an indirect object; no public alias


def _contents(page: PageObject) -> list:
    """The page's content streams as a list of indirect references."""
    contents = page.get("/Contents")
    if contents is None:
        return []
    obj = contents.get_object()
    if isinstance(obj, ArrayObject):
        return list(obj)
    return [contents if isinstance(contents, IndirectObject) else page.indirect_reference.pdf._add_object(obj)]


def _wrap_contents(page: PageObject, ctm) -> None:
    writer = page.indirect_reference.pdf
    matrix = " ".join(f"{float(v):.6f}".rstrip("0").rstrip(".") for v in ctm).encode()
    page[NameObject("/Contents")] = ArrayObject(
        [_stream(writer, b"q " + matrix + b" cm\n")] + _contents(page) + [_stream(writer, b"\nQ\n")])


def stamp(page: PageObject, stamp_page: PageObject) -> None:
    """Draw `stamp_page` (a page of the same size) over `page` as a form XObject."""
    writer = page.indirect_reference.pdf
    parts = stamp_page["/Contents"].get_object()
    data = b"\n".join(p.get_object().get_data() for p in parts) if isinstance(parts, ArrayObject) else parts.get_data()
    form = DecodedStreamObject()
    form.set_data(data)
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): RectangleObject(stamp_page.mediabox),
        # Cloned once per source document: every stamp shares the one embedded font.
        NameObject("/Resources"): stamp_page["/Resources"].clone(writer),
    })
    # The page's resource dictionaries are often shared between its pages: copy before adding.
    resources = DictionaryObject(page.get("/Resources", DictionaryObject()).get_object())
    xobjects = DictionaryObject(resources.get("/XObject", DictionaryObject()).get_object())
    name, n = "/RestitutionStamp", 1
    while name in xobjects:  # a page stamped before, e.g. from an earlier bundle
        n += 1
        name = f"/RestitutionStamp{n}"
    xobjects[NameObject(name)] = writer._add_object(form)
    resources[NameObject("/XObject")] = xobjects
    page[NameObject("/Resources")] = resources
    page[NameObject("/Contents")] = ArrayObject(_contents(page) + [_stream(writer, f"q {name} Do Q\n".encode())])


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
