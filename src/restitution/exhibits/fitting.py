"""Binding a page from another PDF: isolated, clipped, upright, shrunk above its stamp.

A page of an exhibit comes from the other side of the dispute, so nothing it
holds may reach the stamp or act on the reader. Each such page becomes a new
page of the bundle whose content is three parts, in this order:

1. the exhibit's own content streams as one form XObject. A form runs in a
   graphics state of its own: a clip it leaves open (``0 0 1 1 re W n q``),
   text render mode 3, a colour or an unbalanced ``Q`` end with it. The
   form's /BBox is the page's visible box (crop box within media box), so
   what lies below the crop box is never shown;
2. the page's visible annotations flattened into the same placement (their
   appearance streams drawn as forms), so an annotation placed off the page
   is clipped away like everything else; the annotations themselves are not
   carried over (see `sanitize` for what is recorded);
3. the stamp, last, in a band the first two cannot reach: they are drawn
   under a clip to the area above the band, in the bundle page's own
   coordinates, whatever the exhibit's transformation does.

Placement: one transformation turns the visible area upright (as a viewer
showed it, /Rotate applied), moves it to the origin and shrinks it just
enough to free the band. The exhibit's content stream bytes are reused as
they are when the page has a single one (no decoding), so a 2,000-page
bundle costs what it did when the streams were only wrapped.
"""
from __future__ import annotations

import math

from pypdf import PageObject, Transformation
from pypdf.generic import (ArrayObject, DecodedStreamObject, DictionaryObject, EncodedStreamObject, FloatObject,
                           IndirectObject, NameObject, RectangleObject, StreamObject)

from restitution.exhibits.geometry import BAND
from restitution.exhibits import UnusableFile

MAX_SIDE = 14_400.0  # points: 200 inches, the largest page PDF 1.7 allows without /UserUnit
MAX_ANNOTATIONS = 2_000  # per page; more are dropped (and recorded), a page does not need them to be read

# Keys never followed when cloning an exhibit's resources: they lead back into the page tree
# (and from there to the whole document) or to actions; nothing on the page needs them.
CLONE_IGNORE = ("/Parent", "/P", "/Pg", "/Annots", "/AA", "/OpenAction", "/JS", "/EF", "/StructParents",
                "/Names", "/AcroForm", "/Dests", "/Outlines")


def _box(page: PageObject, name: str) -> tuple[float, float, float, float]:
    box = page.mediabox if name == "/MediaBox" else page.cropbox
    vals = (float(box.left), float(box.bottom), float(box.right), float(box.top))
    if not all(math.isfinite(v) for v in vals):
        raise UnusableFile(f"has an unusable {name}")
    return min(vals[0], vals[2]), min(vals[1], vals[3]), max(vals[0], vals[2]), max(vals[1], vals[3])


def visible(page: PageObject) -> tuple[float, float, float, float]:
    """The crop box clipped to the media box, as (left, bottom, right, top); `UnusableFile` if empty."""
    mb = _box(page, "/MediaBox")
    cb = _box(page, "/CropBox")
    left, bottom, right, top = max(mb[0], cb[0]), max(mb[1], cb[1]), min(mb[2], cb[2]), min(mb[3], cb[3])
    if right - left < 1 or top - bottom < 1:  # a crop box outside the page: show the media box
        left, bottom, right, top = mb
    w, h = right - left, top - bottom
    if w < 1 or h < 1 or w > MAX_SIDE or h > MAX_SIDE:
        raise UnusableFile(f"measures {w:g} x {h:g} points (its /MediaBox is {[round(v, 2) for v in mb]}); "
                           f"a page must be between 1 and {MAX_SIDE:g} points on each side")
    return left, bottom, right, top


def rotation(page: PageObject) -> int:
    """/Rotate as 0, 90, 180 or 270; a value that is not a multiple of 90 is ignored, as viewers do."""
    try:
        r = int(page.get("/Rotate", 0) or 0)
    except (TypeError, ValueError):
        return 0
    return r % 360 if r % 90 == 0 else 0


def upright_size(page: PageObject) -> tuple[float, float]:
    """The size of the page as shown, i.e. after its /Rotate."""
    left, bottom, right, top = visible(page)
    w, h = right - left, top - bottom
    return (h, w) if rotation(page) % 180 == 90 else (w, h)


def band_for(height: float) -> float:
    """The stamp band of a page: the full band, or less on a very short page (a till receipt)."""
    return min(BAND, height * 0.1)


def _num(v: float) -> str:
    return f"{float(v):.6f}".rstrip("0").rstrip(".") or "0"


def _stream(writer, data: bytes) -> IndirectObject:
    stream = DecodedStreamObject()
    stream.set_data(data)
    return writer._add_object(stream)  # pypdf's way to make an indirect object; no public alias


def _ref(writer, obj) -> IndirectObject:
    """An indirect reference in `writer` to a clone of `obj` (a reader's object)."""
    clone = obj.clone(writer, ignore_fields=CLONE_IGNORE)
    ref = getattr(clone, "indirect_reference", None)
    if ref is not None and ref.pdf is writer:
        return ref
    return writer._add_object(clone)


def _content_form(writer, page: PageObject, box: tuple[float, float, float, float]) -> IndirectObject:
    """The page's content streams as one form XObject whose /BBox is the visible box."""
    contents = page.get("/Contents")
    obj = contents.get_object() if contents is not None else None
    plain = {"/Filter", "/DecodeParms"}
    if isinstance(obj, StreamObject) and not (set(obj.keys()) - plain - {"/Length"}):
        # One stream: its encoded bytes as they are, under a dictionary of our own.
        form: StreamObject = EncodedStreamObject() if "/Filter" in obj else DecodedStreamObject()
        form._data = obj._data  # noqa: SLF001 - the encoded bytes, not decoded and encoded again
        for key in plain & set(obj.keys()):
            form[NameObject(key)] = obj[key].clone(writer)
    else:
        parts = list(obj) if isinstance(obj, ArrayObject) else ([obj] if obj is not None else [])
        data = b"\n".join(p.get_object().get_data() for p in parts if isinstance(p.get_object(), StreamObject))
        plain_form = DecodedStreamObject()
        plain_form.set_data(data)
        form = plain_form.flate_encode() if len(data) > 256 else plain_form
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): RectangleObject(box),
        NameObject("/Matrix"): ArrayObject(FloatObject(v) for v in (1, 0, 0, 1, 0, 0)),
    })
    resources = page.get("/Resources")
    if resources is not None and isinstance(resources.get_object(), DictionaryObject):
        form[NameObject("/Resources")] = _ref(writer, resources.get_object())
    group = page.get("/Group")
    if group is not None and isinstance(group.get_object(), DictionaryObject):
        form[NameObject("/Group")] = group.get_object().clone(writer, ignore_fields=CLONE_IGNORE)
    return writer._add_object(form)


def _appearance(annot: DictionaryObject):
    """The normal appearance stream an annotation shows, or None."""
    ap = annot.get("/AP")
    ap = ap.get_object() if ap is not None else None
    if not isinstance(ap, DictionaryObject):
        return None
    n = ap.get("/N")
    n = n.get_object() if n is not None else None
    if isinstance(n, DictionaryObject) and not isinstance(n, StreamObject):
        state = annot.get("/AS")
        chosen = n.get(state) if state is not None else None
        n = chosen.get_object() if chosen is not None else None
    return n if isinstance(n, StreamObject) and "/BBox" in n else None


def _rect(value) -> tuple[float, float, float, float] | None:
    try:
        x1, y1, x2, y2 = (float(v) for v in value)
    except (TypeError, ValueError):
        return None
    if not all(math.isfinite(v) for v in (x1, y1, x2, y2)):
        return None
    return min(x1, x2), min(y1, y2), max(x1, x2), max(y1, y2)


def _flatten(writer, annot: DictionaryObject) -> tuple[str, IndirectObject] | None:
    """``(matrix, form)`` drawing `annot`'s appearance at its /Rect, as a viewer does (PDF 32000 12.5.5)."""
    flags = int(annot.get("/F", 0) or 0) if isinstance(annot.get("/F", 0), (int, float)) else 0
    if flags & (2 | 32):  # Hidden, NoView: a viewer does not draw it
        return None
    ap = _appearance(annot)
    rect = _rect(annot.get("/Rect"))
    bbox = _rect(ap.get("/BBox")) if ap is not None else None
    if ap is None or rect is None or bbox is None:
        return None
    try:
        m = [float(v) for v in ap.get("/Matrix", [1, 0, 0, 1, 0, 0])][:6]
    except (TypeError, ValueError):
        return None
    if len(m) != 6 or not all(math.isfinite(v) for v in m):
        return None
    corners = [(m[0] * x + m[2] * y + m[4], m[1] * x + m[3] * y + m[5]) for x in bbox[::2] for y in bbox[1::2]]
    xs, ys = [c[0] for c in corners], [c[1] for c in corners]
    bw, bh = max(xs) - min(xs), max(ys) - min(ys)
    if bw <= 0 or bh <= 0:
        return None
    sx, sy = (rect[2] - rect[0]) / bw, (rect[3] - rect[1]) / bh
    a = (sx, 0, 0, sy, rect[0] - min(xs) * sx, rect[1] - min(ys) * sy)
    ref = _ref(writer, ap)
    form = ref.get_object()
    assert isinstance(form, StreamObject), "a clone of the appearance stream `ap`"
    form[NameObject("/Type")] = NameObject("/XObject")
    form[NameObject("/Subtype")] = NameObject("/Form")
    return " ".join(_num(v) for v in a), ref


def bind_page(writer, page: PageObject, stamp_page: PageObject, *, shrink: bool = True,
              annotations=None) -> PageObject:
    """Add `page` to `writer` as a new, isolated page stamped with `stamp_page` (of the upright size).

    `annotations(annot)` decides per annotation dictionary whether to flatten
    its appearance (see `sanitize.triage`); by default every visible one is.
    """
    left, bottom, right, top = visible(page)
    turn = rotation(page)
    w, h = (top - bottom, right - left) if turn % 180 == 90 else (right - left, top - bottom)
    band = band_for(h)
    # Centre the visible area on the origin, turn it clockwise by /Rotate, put it back
    # with its lower-left corner at the origin, then shrink it above the band.
    t = (Transformation()
         .translate(-(left + right) / 2, -(bottom + top) / 2)
         .rotate(-turn)
         .translate(w / 2, h / 2))
    floor = 0.0
    if shrink:
        s = (h - band) / h
        t = t.scale(s, s).translate(w * (1 - s) / 2, band)
        floor = band
    xobjects = DictionaryObject()
    xobjects[NameObject("/Exhibit")] = _content_form(writer, page, (left, bottom, right, top))
    ops = [b"q 0 " + _num(floor).encode() + b" " + _num(w).encode() + b" " + _num(h - floor).encode() + b" re W n",
           " ".join(_num(v) for v in t.ctm).encode() + b" cm",
           f"{_num(left)} {_num(bottom)} {_num(right - left)} {_num(top - bottom)} re W n".encode(),
           b"/Exhibit Do"]
    annots = page.get("/Annots")
    annots = annots.get_object() if annots is not None else None
    if isinstance(annots, ArrayObject):
        for k, ref in enumerate(annots[:MAX_ANNOTATIONS]):
            annot = ref.get_object()
            if not isinstance(annot, DictionaryObject) or (annotations is not None and not annotations(annot)):
                continue
            flat = _flatten(writer, annot)
            if flat is not None:
                name = f"/Annotation{k}"
                xobjects[NameObject(name)] = flat[1]
                ops.append(f"q {flat[0]} cm {name} Do Q".encode())
    ops.append(b"Q")
    target = writer.add_blank_page(w, h)
    target[NameObject("/Resources")] = DictionaryObject({
        NameObject("/XObject"): xobjects,
    })
    contents = ArrayObject([_stream(writer, b"\n".join(ops) + b"\n")])
    target[NameObject("/Contents")] = contents
    _stamp(writer, xobjects, contents, stamp_page)
    return target


def _stamp(writer, xobjects: DictionaryObject, contents: ArrayObject, stamp_page: PageObject) -> None:
    """Draw `stamp_page` (a page of the same size) over a page, last, as a form XObject.

    `xobjects` and `contents` are the page's /XObject resources and /Contents array.
    """
    parts = stamp_page["/Contents"].get_object()
    if isinstance(parts, ArrayObject):
        data = b"\n".join(p.get_object().get_data() for p in parts)
    else:
        assert isinstance(parts, StreamObject), "a stamp page has a content stream or an array of them"
        data = parts.get_data()
    form = DecodedStreamObject()
    form.set_data(data)
    form.update({
        NameObject("/Type"): NameObject("/XObject"),
        NameObject("/Subtype"): NameObject("/Form"),
        NameObject("/BBox"): RectangleObject(stamp_page.mediabox),
        # Cloned once per source document: every stamp shares the one embedded font.
        NameObject("/Resources"): stamp_page["/Resources"].clone(writer),
    })
    xobjects[NameObject("/Stamp")] = writer._add_object(form)
    contents.append(_stream(writer, b"q /Stamp Do Q\n"))
