"""Hostile exhibits made at test time: PDFs written object by object, e-mails, images, huge texts.

`raw_pdf` writes a PDF from object bodies so a test can put exactly the
trick it tests into a page (an open clip, render mode 3, content below the
crop box, an annotation off the page, /Launch, an embedded .exe), which a
PDF library would refuse or tidy away.
"""
from __future__ import annotations

import subprocess
from pathlib import Path

RED_RECT = b"1 0 0 rg -2000 -2000 6000 6000 re f\n"  # paints everything red, the band included


def raw_pdf(path: Path, pages: list[dict], extra: list[bytes] = (), catalog_extra: bytes = b"") -> Path:
    """Write a PDF. Each page: ``content`` (bytes), optional ``media``/``crop`` boxes, ``annots``
    (object bodies, bytes), ``page_extra`` (bytes added to the page dictionary), ``resources_extra``.
    `extra` holds more object bodies, numbered after everything else (refer to them by number)."""
    objs: list[bytes] = []

    def add(body: bytes) -> int:
        objs.append(body)
        return len(objs)

    catalog = add(b"")  # filled below
    pages_id = add(b"")
    font = add(b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>")
    kids = []
    for page in pages:
        content = add(b"<< /Length %d >>\nstream\n" % len(page["content"]) + page["content"] + b"\nendstream")
        annot_ids = [add(a) for a in page.get("annots", [])]
        annots = b" /Annots [" + b" ".join(b"%d 0 R" % a for a in annot_ids) + b"]" if annot_ids else b""
        media = page.get("media", b"[0 0 612 792]")
        crop = b" /CropBox " + page["crop"] if "crop" in page else b""
        kids.append(add(b"<< /Type /Page /Parent %d 0 R /MediaBox %s%s /Contents %d 0 R /Resources << /Font << /F1 %d 0 R >> %s >>%s %s >>"
                        % (pages_id, media, crop, content, font, page.get("resources_extra", b""), annots,
                           page.get("page_extra", b""))))
    objs[catalog - 1] = b"<< /Type /Catalog /Pages %d 0 R %s >>" % (pages_id, catalog_extra)
    objs[pages_id - 1] = (b"<< /Type /Pages /Kids [" + b" ".join(b"%d 0 R" % k for k in kids)
                          + b"] /Count %d >>" % len(kids))
    for body in extra:
        add(body)
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = []
    for i, body in enumerate(objs, 1):
        offsets.append(len(out))
        out += b"%d 0 obj\n" % i + body + b"\nendobj\n"
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % (len(objs) + 1)
    out += b"".join(b"%010d 00000 n \n" % o for o in offsets)
    out += b"trailer\n<< /Size %d /Root 1 0 R >>\nstartxref\n%d\n%%%%EOF\n" % (len(objs) + 1, xref)
    path.write_bytes(bytes(out))
    return path


def red_ap(x1, y1, x2, y2) -> bytes:
    """A square annotation at [x1 y1 x2 y2] whose appearance paints it red."""
    w, h = x2 - x1, y2 - y1
    stream = b"1 0 0 rg 0 0 %d %d re f" % (w, h)
    return (b"<< /Type /Annot /Subtype /Square /Rect [%d %d %d %d] /AP << /N << /Type /XObject /Subtype /Form "
            b"/BBox [0 0 %d %d] /Length %d >>\nstream\n%s\nendstream >> >>" % (x1, y1, x2, y2, w, h, len(stream), stream))


def rasterise(pdf: Path, page: int, folder: Path, dpi: int = 72):
    """Page `page` (1-based) of `pdf` as an RGB Pillow image at `dpi`."""
    from PIL import Image

    prefix = folder / f"r{page}"
    subprocess.run(["pdftoppm", "-r", str(dpi), "-f", str(page), "-l", str(page), "-png", "-singlefile",
                    str(pdf), str(prefix)], check=True, capture_output=True)
    return Image.open(f"{prefix}.png").convert("RGB")
