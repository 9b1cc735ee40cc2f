"""Font families registered with reportlab: TrueType checks, embedding, synthetic italics
and a ToUnicode map that keeps emoji searchable."""
from __future__ import annotations

import hashlib
import io
import re
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping

from restitution.writers._font_config import BUNDLED_DIR, STYLES, FontConfigError, FontFamily

OBLIQUE_SLANT = 0.21  # tan(12 degrees)


def _style(bold: bool, italic: bool) -> str:
    return ("bold_italic" if italic else "bold") if bold else ("italic" if italic else "regular")


_lock = threading.RLock()


class LoadedFamily:
    """A family registered with reportlab: a face name per style and its character set.

    Missing italics are made on first use, so a document without italics never
    pays for the slanted copy.
    """

    def __init__(self, family: FontFamily, base: str):
        self.name = family.name
        self.base = base
        self._family = family
        self._faces: dict[str, str] = {}
        for style in ("regular", "bold"):
            path = family.path(style)
            if path is None:  # no bold face: bold text stays in the regular weight
                self._faces[style] = self._faces["regular"]
                continue
            self._faces[style] = f"{base}-{style.title()}"
            font = _register_face(self._faces[style], path, path)
            if style == "regular":
                self.chars = frozenset(cp for cp, gid in font.face.charToGlyph.items() if gid)
        self.cjk = 0x4E00 in self.chars
        # The family mapping behind reportlab's <b>/<i>, one entry per distinct face, made
        # when the face exists: mapping italic to the regular face up front (as
        # registerFontFamily does) makes reportlab read the regular face as "italic" and
        # swap in the slanted one once that is registered.
        addMapping(base, 0, 0, self._faces["regular"])
        if self._faces["bold"] != self._faces["regular"]:
            addMapping(base, 1, 0, self._faces["bold"])

    def has(self, char: str) -> bool:
        return ord(char) in self.chars

    def face(self, bold: bool = False, italic: bool = False) -> str:
        """The reportlab font name of a style (registering a missing italic on first use)."""
        style = _style(bold, italic)
        name = self._faces.get(style)
        if name is None:
            with _lock:
                name = self._faces.get(style)
                if name is None:
                    name = self._italic(style)
                    if name not in self._faces.values():
                        addMapping(self.base, 1 if bold else 0, 1, name)
                    self._faces[style] = name
        return name

    def _italic(self, style: str) -> str:
        fam = self._family
        upright = "bold" if style == "bold_italic" else "regular"
        path = fam.path(style)
        label = "BoldItalic" if style == "bold_italic" else "Italic"
        if path is not None:
            _register_face(f"{self.base}-{label}", path, path)
            return f"{self.base}-{label}"
        if self.cjk:
            return self.face(bold=upright == "bold")
        if style == "bold_italic" and fam.bold is None:
            return self.face(italic=True)
        source = fam.path(upright) or fam.regular
        _register_face(f"{self.base}-{label}", _oblique(source, label), source)
        return f"{self.base}-{label}"


_families: dict[tuple, LoadedFamily] = {}


def _check_file(path: Path) -> None:
    try:
        with open(path, "rb") as f:
            magic = f.read(4)
    except OSError as e:
        raise FontConfigError(f"cannot read font {path}: {e.strerror}") from None
    if magic == b"OTTO":
        raise FontConfigError(
            f"font {path} has PostScript (CFF) outlines, which reportlab cannot embed in a PDF; "
            "use the TrueType (.ttf) version of this font")
    if magic not in (b"\x00\x01\x00\x00", b"true", b"ttcf"):
        raise FontConfigError(f"{path} is not a TrueType font")


def _to_unicode_cmap(fontname: str, subset) -> str:
    """reportlab's ToUnicode CMap, with characters beyond U+FFFF written as the UTF-16
    surrogate pair the PDF format requires (reportlab writes <1F600>, which readers drop),
    so that emoji in a PDF can be searched and copied like every other character."""
    rows = [f"<{i:02X}> <{chr(v).encode('utf-16-be').hex().upper()}>" for i, v in enumerate(subset)]
    return "\n".join([
        "/CIDInit /ProcSet findresource begin", "12 dict begin", "begincmap", "/CIDSystemInfo",
        f"<< /Registry ({fontname})", f"/Ordering ({fontname})", "/Supplement 0", ">> def",
        f"/CMapName /{fontname} def", "/CMapType 2 def", "1 begincodespacerange",
        f"<00> <{len(subset) - 1:02X}>", "endcodespacerange", f"{len(subset)} beginbfchar",
        *rows, "endbfchar", "endcmap", "CMapName currentdict /CMap defineresource pop", "end", "end",
    ])


def _register_face(rl_name: str, source: Path | bytes, label: Path):
    from reportlab.pdfbase import pdfmetrics, ttfonts
    from reportlab.pdfbase.ttfonts import TTFError, TTFont

    ttfonts.makeToUnicodeCMap = _to_unicode_cmap
    if not isinstance(source, bytes):
        _check_file(source)
    try:
        font = TTFont(rl_name, io.BytesIO(source) if isinstance(source, bytes) else str(source))
    except TTFError as e:
        raise FontConfigError(f"font {label} cannot be embedded in a PDF: {e}") from None
    pdfmetrics.registerFont(font)
    return font


def _oblique(path: Path, label: str) -> bytes:
    """A slanted copy of a Latin TrueType face, standing in for a missing italic."""
    from fontTools.pens.transformPen import TransformPen
    from fontTools.pens.ttGlyphPen import TTGlyphPen
    from fontTools.ttLib import TTFont as FTFont

    ft = FTFont(str(path), recalcTimestamp=False)  # same bytes in every process
    glyf, hmtx = ft["glyf"], ft["hmtx"]
    slanted = {}
    for name in ft.getGlyphOrder():
        pen = TTGlyphPen(glyf)
        glyf[name].draw(TransformPen(pen, (1, 0, OBLIQUE_SLANT, 1, 0, 0)), glyf)  # decomposes composites
        slanted[name] = pen.glyph()
    for name, g in slanted.items():
        glyf[name] = g
        g.recalcBounds(glyf)
        hmtx[name] = (hmtx[name][0], getattr(g, "xMin", 0))
    ft["post"].italicAngle = -12.0
    ft["head"].macStyle |= 0x02
    ft["OS/2"].fsSelection = (ft["OS/2"].fsSelection | 0x01) & ~0x40
    # A face name of its own, so a PDF never shows two different fonts under one name.
    ps = re.sub(r"-(Regular|Bold)$", "", ft["name"].getDebugName(6) or path.stem) + "-" + label
    for rec in ft["name"].names:
        if rec.nameID == 6:
            rec.string = ps
        elif rec.nameID in (2, 17):
            rec.string = label.replace("BoldItalic", "Bold Italic")
    buf = io.BytesIO()
    ft.save(buf)
    return buf.getvalue()


def load_family(family: FontFamily) -> LoadedFamily:
    """Register a family's faces with reportlab (once per process) and read its cmap."""
    key = tuple((s, str(p), _stamp(p)) for s in STYLES if (p := family.path(s)) is not None)
    with _lock:
        hit = _families.get(key)
        if hit is None:
            bundled = all(p.parent == BUNDLED_DIR for s in STYLES if (p := family.path(s)) is not None)
            # User faces get a unique internal name: a folder may reuse a bundled family's name.
            base = family.name if bundled else f"{family.name}.{hashlib.sha1(repr(key).encode()).hexdigest()[:8]}"
            hit = _families[key] = LoadedFamily(family, base)
        return hit


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError as e:
        raise FontConfigError(f"cannot read font {path}: {e.strerror}") from None
    return (st.st_size, st.st_mtime_ns)
