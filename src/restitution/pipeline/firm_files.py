"""A firm's logo and font files, opened the way rendering opens them.

`restitution check --templates` and every render call these, so a logo bomb
or a damaged font is refused once, with the firm.yaml line that names it,
instead of failing deep inside a writer (Pillow's DecompressionBombError,
reportlab's IndexError while subsetting). The cost is reading each file
whole once per process (`profile_for` caches the profile): a 10 MB CJK font
is checked glyph by glyph in about 0.1 s.
"""
from __future__ import annotations

import io
import struct
import warnings
from pathlib import Path
from typing import Any

LOGO_FORMATS = ("PNG", "JPEG")
MAX_LOGO_PIXELS = 16_000_000
# A character each role's font must have: a "CJK" font without Chinese is the wrong file.
_PROBE = {"latin": "A", "cjk": "中"}


class Unusable(ValueError):
    """Why a logo or a font file cannot be used; the caller adds where it is named."""


def check_logo(data: bytes, name: str) -> tuple[str, tuple[int, int]]:
    """(format, (width, height)) of a logo that decodes fully and is a PNG or JPEG of bounded size."""
    from PIL import Image, UnidentifiedImageError

    try:
        with warnings.catch_warnings():
            # Pillow warns, then refuses, past its own bomb limit; ours is lower and said first.
            warnings.simplefilter("error", Image.DecompressionBombWarning)
            with Image.open(io.BytesIO(data)) as img:
                fmt, size = img.format, img.size
                if size[0] * size[1] > MAX_LOGO_PIXELS:
                    raise Unusable(f"the logo {name} is {size[0]:,} × {size[1]:,} pixels; a logo may "
                                   f"have at most {MAX_LOGO_PIXELS:,} pixels (scale it down)")
                img.load()  # decode the pixels: a truncated file fails here, not in a writer
    except (Image.DecompressionBombError, Image.DecompressionBombWarning):
        raise Unusable(f"the logo {name} has more pixels than any logo needs (a decompression "
                       f"bomb?); a logo may have at most {MAX_LOGO_PIXELS:,} pixels") from None
    except Unusable:
        raise
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError, struct.error, EOFError) as e:
        raise Unusable(f"the logo {name} cannot be decoded as an image ({e}); use a PNG or JPEG file") from None
    if fmt not in LOGO_FORMATS:
        raise Unusable(f"the logo {name} is a {fmt} image; use a PNG or JPEG file")
    if size[0] < 1 or size[1] < 1:
        raise Unusable(f"the logo {name} has no pixels")
    return fmt, size


def truetype_family(file: Path, role: str) -> str:
    """The family name of a TrueType file that reportlab can embed (role: latin or cjk)."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    with open(file, "rb") as f:
        magic = f.read(4)
    if magic == b"OTTO":
        raise Unusable(f"{file.name} has PostScript (CFF) outlines, which cannot be embedded in a PDF; "
                       "use the TrueType (.ttf) version of the font")
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        raise Unusable(f"{file.name} is not a TrueType font file (.ttf)")
    try:
        font = TTFontFile(str(file))  # what the PDF writer's TTFont reads
        _check_glyphs(font)
        # A sample subset, the way the PDF writer embeds the font.
        font.makeSubset(sorted(font.charToGlyph)[:256])
    except Exception as e:  # TTFError, and struct or index errors from a damaged table
        raise Unusable(f"{file.name} is damaged and cannot be embedded in a PDF ({e or type(e).__name__}); "
                       "use an undamaged copy of the font") from None
    if ord(_PROBE[role]) not in font.charToGlyph:
        what = "Latin letters" if role == "latin" else "Chinese characters"
        raise Unusable(f"{file.name} has no {what}; is it the right file for fonts.{role}?")
    family = font.familyName
    return (family.decode("latin-1") if isinstance(family, bytes) else str(family)).strip() or file.stem


class DamagedFont(ValueError):
    pass


def _check_glyphs(font: Any) -> None:
    """Every glyph's outline record lies inside the glyf table, and every part a composite
    glyph names exists: what reportlab's subsetting reads, for all glyphs at once, since
    a document may use any of them (a damaged glyph there is an IndexError at writing)."""
    glyf = font.get_table("glyf")
    pos = font.glyphPos
    count = len(pos) - 1
    for gid in range(count):
        start, end = pos[gid], pos[gid + 1]
        if not 0 <= start <= end <= len(glyf):
            raise DamagedFont(f"glyph {gid} lies outside the glyf table")
        if end - start < 10:
            if end > start:
                raise DamagedFont(f"glyph {gid} is truncated")
            continue
        if struct.unpack_from(">h", glyf, start)[0] >= 0:
            continue
        at, more = start + 10, True
        while more:
            if at + 4 > end:
                raise DamagedFont(f"composite glyph {gid} is truncated")
            flags, part = struct.unpack_from(">HH", glyf, at)
            if part >= count:
                raise DamagedFont(f"composite glyph {gid} names glyph {part}, which does not exist")
            at += 4 + (4 if flags & 0x0001 else 2)
            at += 2 if flags & 0x0008 else 4 if flags & 0x0040 else 8 if flags & 0x0080 else 0
            more = bool(flags & 0x0020)
