"""An image exhibit on a page of its own, and the reportlab setting the bundle writes with.

The image is turned upright by its EXIF orientation and never enlarged
beyond its natural size. A JPEG is bound byte for byte: its orientation is
applied by the placement transform, never by re-encoding (the bound bytes
must be the evidence's bytes). Other images are decoded and flattened.
"""
from __future__ import annotations

import io
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator

from restitution.exhibits.geometry import BAND, GAP, MARGIN, PAGE_H, PAGE_W

DEFAULT_DPI = 150  # an image's natural size when its file gives no sensible resolution


@contextmanager
def binary_streams() -> Iterator[None]:
    """reportlab ASCII85-encodes streams by default, in pure Python without its C accelerator:
    a third of the bundle's time went there for photos, and a tenth of a packet's PDF time.
    A PDF is a binary file anyway (its header says so); binary streams are smaller too, and
    every reader decodes both. Used by the bundle and by the PDF writer."""
    from reportlab import rl_config

    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old


# Orientation (EXIF 0x0112) -> where the stored image's corners (0,0), (1,0), (0,1) land in the upright
# picture, in PDF unit-square coordinates (y up). Pillow's exif_transpose turns the pixels the same way.
_ORIENT = {
    1: ((0, 0), (1, 0), (0, 1)),
    2: ((1, 0), (0, 0), (1, 1)),  # mirrored left-right
    3: ((1, 1), (0, 1), (1, 0)),  # turned 180°
    4: ((0, 1), (1, 1), (0, 0)),  # mirrored top-bottom
    5: ((1, 1), (1, 0), (0, 1)),  # transposed
    6: ((0, 1), (0, 0), (1, 1)),  # turned 90° clockwise
    7: ((0, 0), (0, 1), (1, 0)),  # transversed
    8: ((1, 0), (1, 1), (0, 0)),  # turned 90° anticlockwise
}


def orientation(img) -> int:
    try:
        value = int(img.getexif().get(0x0112, 1))
    except Exception:  # a damaged EXIF block: show the pixels as stored
        return 1
    return value if value in _ORIENT else 1


def open_image(path: Path):
    """`Image.open` without Pillow's DecompressionBombWarning: `exhibits` checks the size itself."""
    import warnings

    from PIL import Image

    with warnings.catch_warnings():
        warnings.simplefilter("ignore", Image.DecompressionBombWarning)
        return Image.open(path)


def _load_image(path: Path):
    """(source, stored size, dpi, orientation): a JPEG is its own file, byte for byte; others are decoded.

    A JPEG is never re-encoded, not even to turn it upright: its EXIF
    orientation is applied by the placement transform instead (`image_page`),
    so the bundle holds the evidence's own bytes. Other images are decoded,
    turned upright and flattened onto white where they are transparent.
    """
    from PIL import Image, ImageOps

    img = open_image(path)
    dpi = img.info.get("dpi")
    if img.format == "JPEG" and img.mode in ("RGB", "L", "CMYK"):
        size, turn = img.size, orientation(img)
        img.close()
        return str(path), size, dpi, turn
    with img:
        img.load()
        upright = ImageOps.exif_transpose(img)
    if upright.mode in ("RGBA", "LA", "PA") or (upright.mode == "P" and "transparency" in upright.info):
        rgba = upright.convert("RGBA")
        flat = Image.new("RGB", rgba.size, "white")
        flat.paste(rgba, mask=rgba.getchannel("A"))
        upright = flat
    elif upright.mode not in ("RGB", "L"):
        upright = upright.convert("RGB")
    return upright, upright.size, dpi, 1


def image_page_size(path: Path) -> tuple[float, float]:
    """The size of the page `image_page` makes, read from the header without decoding the image."""
    with open_image(path) as img:
        w, h = img.size
        if orientation(img) in (5, 6, 7, 8):  # orientations that swap width and height
            w, h = h, w
    return (PAGE_H, PAGE_W) if w > h else (PAGE_W, PAGE_H)


def image_page(path: Path) -> bytes:
    """A one-page PDF showing the image in the frame, landscape for a wide image; no text on it."""
    from reportlab.lib.utils import ImageReader
    from reportlab.pdfgen.canvas import Canvas

    source, (px_w, px_h), dpi, turn = _load_image(path)
    if turn in (5, 6, 7, 8):
        px_w, px_h = px_h, px_w  # the upright picture's size
    try:
        res = float(dpi[0]) if dpi else 0.0
    except (TypeError, ValueError, IndexError):
        res = 0.0
    if not 72 <= res <= 1200:
        res = DEFAULT_DPI
    page_w, page_h = (PAGE_H, PAGE_W) if px_w > px_h else (PAGE_W, PAGE_H)
    frame_w, frame_h = page_w - 2 * MARGIN, page_h - MARGIN - (BAND + GAP)
    natural_w, natural_h = px_w * 72 / res, px_h * 72 / res
    scale = min(1.0, frame_w / natural_w, frame_h / natural_h)
    w, h = natural_w * scale, natural_h * scale
    x = (page_w - w) / 2
    y = BAND + GAP + (frame_h - h)  # top of the frame, centred across
    buf = io.BytesIO()
    with binary_streams():
        canvas = Canvas(buf, pagesize=(page_w, page_h), invariant=1, pageCompression=1)
        (x0, y0), (x1, y1), (x2, y2) = _ORIENT[turn]
        # The stored image's unit square onto the upright picture's box: the corners above.
        canvas.transform((x1 - x0) * w, (y1 - y0) * h, (x2 - x0) * w, (y2 - y0) * h, x + x0 * w, y + y0 * h)
        # A JPEG goes in by file name: reportlab then copies its bytes as they are, where an
        # ImageReader would first decode every pixel to fingerprint it (550 MB for 48 megapixels).
        canvas.drawImage(source if isinstance(source, str) else ImageReader(source), 0, 0, 1, 1)
        canvas.showPage()
        canvas.save()
    return buf.getvalue()
