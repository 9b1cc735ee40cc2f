"""Font families registered with reportlab: TrueType checks, embedding, synthetic italics
and a ToUnicode map that keeps emoji searchable.

A family is registered when it is first used, not when its stack is built: the trade-off
is a lock and a check on every face lookup, against never reading the fallback
families a document does not reach (see `LoadedFamily`). The parsed metrics of each
face come from `_font_cache`."""
from __future__ import annotations

import hashlib
import io
import re
import threading
from pathlib import Path

from reportlab.lib.fonts import addMapping

from restitution.writers._font_cache import make_font, read_face
from restitution.writers._font_config import BUNDLED_DIR, STYLES, FontConfigError, FontFamily

OBLIQUE_SLANT = 0.21  # tan(12 degrees)


def _style(bold: bool, italic: bool) -> str:
    return ("bold_italic" if italic else "bold") if bold else ("italic" if italic else "regular")


_lock = threading.RLock()


class LoadedFamily:
    """A family registered with reportlab: a face name per style and its character set.

    Nothing is read until the family is needed: the regular face is registered the first
    time a face name or the character set is asked for, and every other face the first
    time it is asked for, so a stack's fallback families (the 10.8 MB Chinese faces
    behind an English document) cost nothing until a character falls through to them,
    and an English document quoting a Chinese name reads no Chinese bold. Missing
    italics are made on first use, so a document without italics never pays for the
    slanted copy.
    """

    def __init__(self, family: FontFamily, base: str):
        self.name = family.name
        self.base = base
        self._family = family
        self._faces: dict[str, str] = {}
        self._chars: frozenset[int] | None = None

    def _load(self) -> None:
        """Register the regular face (and read its character set), once."""
        if self._chars is not None:
            return
        with _lock:
            if self._chars is not None:
                return
            name = f"{self.base}-Regular"
            font = _register_face(name, self._family.regular, self._family.regular)
            # The family mapping behind reportlab's <b>/<i>, one entry per distinct face, made
            # when the face exists: mapping italic to the regular face up front (as
            # registerFontFamily does) makes reportlab read the regular face as "italic" and
            # swap in the slanted one once that is registered.
            addMapping(self.base, 0, 0, name)
            self._faces["regular"] = name
            self._chars = frozenset(cp for cp, gid in font.face.charToGlyph.items() if gid)

    @property
    def chars(self) -> frozenset[int]:
        """The code points the regular face has a glyph for (registers the family)."""
        if self._chars is None:
            self._load()
        assert self._chars is not None
        return self._chars

    @property
    def cjk(self) -> bool:
        return 0x4E00 in self.chars

    def has(self, char: str) -> bool:
        return ord(char) in self.chars

    def face(self, bold: bool = False, italic: bool = False) -> str:
        """The reportlab font name of a style (registering the face, or making a missing
        italic, on first use)."""
        if self._chars is None:
            self._load()
        style = _style(bold, italic)
        name = self._faces.get(style)
        if name is None:
            with _lock:
                name = self._faces.get(style)
                if name is None and style == "bold":
                    name = self._bold()
                elif name is None:
                    name = self._italic(style)
                    if name not in self._faces.values():
                        addMapping(self.base, 1 if bold else 0, 1, name)
                self._faces[style] = name
        return name

    def _bold(self) -> str:
        path = self._family.bold
        if path is None:  # no bold face: bold text stays in the regular weight
            return self._faces["regular"]
        name = f"{self.base}-Bold"
        _register_face(name, path, path)
        addMapping(self.base, 1, 0, name)
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
    try:
        if isinstance(source, bytes):
            font = TTFont(rl_name, io.BytesIO(source))
        else:
            _check_file(source)
            font = make_font(rl_name, read_face(source))
    except TTFError as e:
        raise FontConfigError(f"font {label} cannot be embedded in a PDF: {e}") from None
    except OSError as e:
        raise FontConfigError(f"cannot read font {label}: {e.strerror}") from None
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
    """The family, once per process; a bundled family is registered with reportlab when
    first used, a user's family at once."""
    key = tuple((s, str(p), _stamp(p)) for s in STYLES if (p := family.path(s)) is not None)
    with _lock:
        hit = _families.get(key)
        if hit is None:
            bundled = all(p.parent == BUNDLED_DIR for s in STYLES if (p := family.path(s)) is not None)
            # User faces get a unique internal name: a folder may reuse a bundled family's name.
            base = family.name if bundled else f"{family.name}.{hashlib.sha1(repr(key).encode()).hexdigest()[:8]}"
            hit = LoadedFamily(family, base)
            if not bundled:
                # A user's font is checked (and registered) at once, so a folder with a bad
                # file fails before any work, wherever the family sits in the stack.
                hit.chars
            _families[key] = hit
        return hit


def _stamp(path: Path) -> tuple[int, int]:
    try:
        st = path.stat()
    except OSError as e:
        raise FontConfigError(f"cannot read font {path}: {e.strerror}") from None
    return (st.st_size, st.st_mtime_ns)
