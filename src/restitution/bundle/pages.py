"""The pages the bundle draws itself: stamps, cover sheets and image pages.

A stamp sits in the band at the bottom of a page (see `geometry`): the
exhibit and its page on the left, the Bates number on the right, shrunk to
fit on a narrow page. A cover sheet introduces each exhibit in English and
Chinese. An image gets a page of its own, turned upright by its EXIF
orientation and never enlarged beyond its natural size.
"""
from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from restitution.bundle import fonts
from restitution.bundle.geometry import BAND, GAP, MARGIN, MM, PAGE_H, PAGE_W, STAMP_INSET, STAMP_SIZE
from restitution.case.model import Case, Exhibit
from restitution.exhibits import KIND_LABELS, ExhibitInfo, ExhibitError, location
from restitution.language import get as get_language

DEFAULT_DPI = 150  # an image's natural size when its file gives no sensible resolution
MIN_STAMP_SIZE = 4.0


@dataclass(frozen=True)
class Stamp:
    bates: str  # "NW-2026-0042-000123"
    label: str  # "Exhibit 3 p. 2 / 证据3 第2页"


def exhibit_label(number: int, page: int | None) -> str:
    if page is None:
        return f"Exhibit {number} cover / 证据{number} 封面"
    return f"Exhibit {number} p. {page} / 证据{number} 第{page}页"


def index_label(page: int) -> str:
    return f"Evidence index p. {page} / 证据目录 第{page}页"


def draw_stamp(canvas, width: float, stamp: Stamp, band: float = BAND) -> None:
    """Draw a stamp in the band [0, band] of a page `width` wide."""
    size = min(STAMP_SIZE, band * 0.5)
    inset = min(STAMP_INSET, width * 0.04)
    left = fonts.width(stamp.label, size)
    right = fonts.width(stamp.bates, size, bold=True)
    room = width - 2 * inset - size * 2  # at least two ems between the two texts
    if left + right > room:
        size = max(MIN_STAMP_SIZE, size * room / (left + right))
    y = band / 2 - size * 0.35
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    fonts.draw(canvas, inset, y, stamp.label, size)
    fonts.draw(canvas, width - inset, y, stamp.bates, size, bold=True, align="right")
    canvas.restoreState()


@contextmanager
def binary_streams() -> Iterator[None]:
    """reportlab ASCII85-encodes streams by default, in pure Python without its C accelerator:
    a third of the bundle's time went there for photos. Binary streams are a quarter smaller too."""
    from reportlab import rl_config

    old = rl_config.useA85
    rl_config.useA85 = 0
    try:
        yield
    finally:
        rl_config.useA85 = old


# ---------------------------------------------------------------- cover sheet


def _pages_text(first: int, last: int, pages: int) -> tuple[str, str]:
    en = f"{first}–{last} (this cover and {pages} page{'s' if pages != 1 else ''})"
    zh = f"第{first}–{last}页（本封面及{pages}页）"
    return en, zh


def _rows(case: Case, exhibit: Exhibit, info: ExhibitInfo, first: int, last: int) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(label, label_zh, [(text, lang), ...]) per row of the cover's table."""
    kind_en, kind_zh = KIND_LABELS.get(exhibit.kind, (exhibit.kind, exhibit.kind))
    rows = [("Kind", "类别", [(kind_en, "en"), (kind_zh, "zh")])]
    if exhibit.date:
        rows.append(("Date", "日期", [(exhibit.date.isoformat(), "en")]))
    if exhibit.source or exhibit.source_zh:
        rows.append(("Source", "来源", [(t, lang) for t, lang in ((exhibit.source, "en"), (exhibit.source_zh, "zh")) if t]))
    if exhibit.purpose or exhibit.purpose_zh:
        rows.append(("Offered to prove", "证明目的",
                     [(t, lang) for t, lang in ((exhibit.purpose, "en"), (exhibit.purpose_zh, "zh")) if t]))
    rows.append(("Original or copy", "原件或复印件",
                 [("Original held / 原件", "en")] if exhibit.original else [("Copy / 复印件", "en")]))
    en, zh = _pages_text(first, last, info.pages)
    rows.append(("Pages in this bundle", "本册页码", [(en, "en"), (zh, "zh")]))
    rows.append(("File", "文件", [(info.file, "en")]))
    rows.append(("SHA-256 fingerprint", "SHA-256 校验值", [(info.sha256, "hash")]))
    return rows


def _cover_flowables(case: Case, exhibit: Exhibit, info: ExhibitInfo, first: int, last: int, scale: float):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    def style(size: float, lang: str, align: int = 0) -> ParagraphStyle:
        return ParagraphStyle(f"c{size}{lang}{align}", fontName=fonts.stack(lang).primary.face(),
                              fontSize=size * scale, leading=size * scale * 1.35, alignment=align,
                              wordWrap="CJK" if get_language(lang).chinese else None)

    def para(text: str, size: float, lang: str, bold: bool = False, align: int = 0) -> Paragraph:
        return Paragraph(fonts.markup(text, lang, bold), style(size, lang, align))

    head = [para(f"Exhibit {exhibit.number}", 26, "en", True, 1), para(f"证据{exhibit.number}", 26, "zh", True, 1)]
    titles = [para(exhibit.title, 15, "en", True, 1)]
    if exhibit.title_zh:
        titles.append(para(exhibit.title_zh, 15, "zh", True, 1))
    data = []
    for label, label_zh, values in _rows(case, exhibit, info, first, last):
        cell_label = [para(label, 9.5, "en", True), para(label_zh, 9.5, "zh", True)]
        # The 64-digit fingerprint is set smaller so that it stays on one line.
        data.append([cell_label, [para(text, 8.5, "en") if lang == "hash" else para(text, 10.5, lang)
                                  for text, lang in values]])
    label_w = 42 * MM
    table = Table(data, colWidths=[label_w, PAGE_W - 2 * MARGIN - label_w])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 5 * scale),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * scale),
    ]))
    return head, titles, table


def draw_cover(canvas, case: Case, exhibit: Exhibit, info: ExhibitInfo, first: int, last: int) -> None:
    """Draw the cover sheet of an exhibit on the current page (the stamp is drawn by the caller)."""
    width = PAGE_W - 2 * MARGIN
    room = PAGE_H - MARGIN - (BAND + GAP)
    # A long purpose or title shrinks the type rather than spilling onto a second cover page.
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
        head, titles, table = _cover_flowables(case, exhibit, info, first, last, scale)
        heights = [f.wrap(width, room)[1] for f in head + titles] + [table.wrap(width, room)[1]]
        total = sum(heights) + 18 * MM * scale
        if total <= room:
            break
    else:
        raise ExhibitError(f"exhibit {exhibit.number}: the title, source and purpose are too long for the "
                           "cover sheet; shorten them", location(case, exhibit, "purpose"))
    y = PAGE_H - MARGIN - 10 * MM * scale
    for f, h in zip(head + titles, heights):
        y -= h
        f.drawOn(canvas, MARGIN, y)
        if f is head[-1]:
            y -= 8 * MM * scale
    table.drawOn(canvas, MARGIN, y - heights[-1] - 6 * MM * scale)


# ---------------------------------------------------------------- images


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
