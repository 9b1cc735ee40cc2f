"""Fonts for the PDF writer (and the evidence bundle): loading, registration, fallback.

Every language has a *stack* of font families. Each character of the text is
set in the first family of the stack that has a glyph for it, so Latin text in
an English document uses Noto Serif, Chinese names inside it Noto Serif SC,
a stray Hebrew word DejaVu Sans, and an emoji (monochrome) Noto Emoji. A character that no family has is an error
(`MissingGlyphError`), never a blank box in a legal document.

Users add fonts in two ways, both placed *first* in every stack:

- the environment variable ``RESTITUTION_FONT_DIR``: one folder (or several,
  separated by ``os.pathsep``) of TrueType files named ``<Family>-Regular.ttf``
  (or ``<Family>.ttf``), and optionally ``<Family>-Bold.ttf``,
  ``<Family>-Italic.ttf``, ``<Family>-BoldItalic.ttf``; families are taken in
  alphabetical order;
- the Python API: ``FontConfig(families=(FontFamily(...),), dirs=(...))``.

Fonts are registered with reportlab once per process; reportlab embeds the
subset of glyphs a document uses. No italic faces are bundled: Latin-only
families get a synthetic oblique (outlines slanted 12 degrees, built once in
memory), while families with Chinese characters stay upright in italic runs,
because slanted Chinese reads as a typesetting error, not as emphasis.
"""
from __future__ import annotations

import hashlib
import io
import os
import re
import threading
import unicodedata
from dataclasses import dataclass
from pathlib import Path

from reportlab.lib.fonts import addMapping

from restitution.errors import EXIT_USAGE, RestitutionError

ENV_VAR = "RESTITUTION_FONT_DIR"
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "fonts"

STYLES = ("regular", "bold", "italic", "bold_italic")
_SUFFIXES = {
    "": "regular", "regular": "regular", "roman": "regular", "book": "regular",
    "bold": "bold", "italic": "italic", "oblique": "italic",
    "bolditalic": "bold_italic", "boldoblique": "bold_italic",
}
_FONT_FILE = re.compile(r"^(?P<family>.+?)(?:[-_ ](?P<style>[A-Za-z]+))?$")
OBLIQUE_SLANT = 0.21  # tan(12 degrees)


class FontError(RestitutionError):
    """A font problem the user can fix."""


class FontConfigError(FontError):
    """A font folder or file that cannot be used (wrong path, CFF outlines, no embedding)."""

    exit_code = EXIT_USAGE


class MissingGlyphError(FontError):
    """A character that none of the fonts of a stack can draw."""

    def __init__(self, char: str, families: tuple[str, ...], document: str | None = None,
                 context: str | None = None):
        self.char = char
        self.codepoint = f"U+{ord(char):04X}"
        self.families = families
        self.document = document
        self.context = context
        name = unicodedata.name(char, "unnamed character")
        where = f" in {document}" if document else ""
        near = f" (near “{context}”)" if context else ""
        super().__init__(
            f"the character {char!r} ({self.codepoint} {name}){where}{near} is in none of the "
            f"fonts {', '.join(families)}; put a TrueType font that has it in a folder and set "
            f"{ENV_VAR} to that folder (or pass a FontConfig)"
        )

    def in_document(self, document: str) -> "MissingGlyphError":
        return MissingGlyphError(self.char, self.families, document, self.context)


# ---------------------------------------------------------------- configuration


@dataclass(frozen=True)
class FontFamily:
    """One family: a regular face and optional bold / italic faces (TrueType files)."""

    name: str
    regular: Path
    bold: Path | None = None
    italic: Path | None = None
    bold_italic: Path | None = None

    def path(self, style: str) -> Path | None:
        return getattr(self, style)


BUNDLED = {
    "NotoSerif": FontFamily("NotoSerif", BUNDLED_DIR / "NotoSerif-Regular.ttf",
                            BUNDLED_DIR / "NotoSerif-Bold.ttf"),
    "NotoSerifSC": FontFamily("NotoSerifSC", BUNDLED_DIR / "NotoSerifSC-Regular.ttf",
                              BUNDLED_DIR / "NotoSerifSC-Bold.ttf"),
    "DejaVuSans": FontFamily("DejaVuSans", BUNDLED_DIR / "DejaVuSans.ttf"),
    # Monochrome emoji, last: only what the other families lack (see tools/build_fonts.py).
    "NotoEmoji": FontFamily("NotoEmoji", BUNDLED_DIR / "NotoEmoji-Regular.ttf"),
}
BUNDLED_STACKS = {
    "en": ("NotoSerif", "NotoSerifSC", "DejaVuSans", "NotoEmoji"),
    "zh": ("NotoSerifSC", "NotoSerif", "DejaVuSans", "NotoEmoji"),
}


def stack_lang(lang: str) -> str:
    """The bundled stack a language uses: every Chinese variant uses the Chinese stack."""
    return "zh" if lang.startswith("zh") else "en"


@dataclass(frozen=True)
class FontConfig:
    """The user's fonts, placed before the bundled ones in every stack.

    ``families`` come first, in the given order, then the families found in
    ``dirs``, then (when ``use_env``) those found in ``RESTITUTION_FONT_DIR``.
    """

    families: tuple[FontFamily, ...] = ()
    dirs: tuple[Path, ...] = ()
    use_env: bool = True

    def user_families(self) -> tuple[FontFamily, ...]:
        dirs = [Path(d) for d in self.dirs]
        if self.use_env:
            dirs += env_font_dirs()
        out = list(self.families)
        for d in dirs:
            out.extend(scan_font_dir(d))
        return tuple(out)

    def stack(self, lang: str) -> tuple[FontFamily, ...]:
        return self.user_families() + tuple(BUNDLED[n] for n in BUNDLED_STACKS[stack_lang(lang)])


def env_font_dirs() -> list[Path]:
    value = os.environ.get(ENV_VAR, "").strip()
    return [Path(p).expanduser() for p in value.split(os.pathsep) if p.strip()]


def scan_font_dir(folder: Path) -> list[FontFamily]:
    """Families in a folder, by the naming convention ``<Family>-<Style>.ttf``."""
    if not folder.is_dir():
        raise FontConfigError(f"font folder {folder} does not exist or is not a folder (set by {ENV_VAR} "
                              "or FontConfig.dirs)")
    faces: dict[str, dict[str, Path]] = {}
    for path in sorted(folder.iterdir()):
        if path.suffix.lower() not in (".ttf", ".otf", ".ttc") or not path.is_file():
            continue
        m = _FONT_FILE.match(path.stem)
        family, style = m.group("family"), (m.group("style") or "")
        if style.lower() not in _SUFFIXES:  # "Noto-Sans" is a family name, not a style
            family, style = path.stem, ""
        faces.setdefault(family, {})[_SUFFIXES[style.lower()]] = path
    if not faces:
        raise FontConfigError(f"font folder {folder} holds no .ttf files")
    out = []
    for family in sorted(faces):
        styles = faces[family]
        if "regular" not in styles:
            raise FontConfigError(
                f"font folder {folder}: family {family!r} has no regular face; name it "
                f"{family}-Regular.ttf or {family}.ttf")
        out.append(FontFamily(family, styles["regular"], styles.get("bold"),
                              styles.get("italic"), styles.get("bold_italic")))
    return out


# ---------------------------------------------------------------- registration


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
                        addMapping(self.base, int(bold), 1, name)
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


# ---------------------------------------------------------------- stacks


# Characters with nothing to draw: a font lacking them loses nothing. (Not every format
# character is invisible: the Arabic number signs are drawn, so this is a list, not a category.)
_INVISIBLE = (
    (0x00AD, 0x00AD), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xE0001, 0xE007F), (0xE0100, 0xE01EF),
)


def _invisible(char: str) -> bool:
    cp = ord(char)
    return unicodedata.category(char) == "Cc" or any(lo <= cp <= hi for lo, hi in _INVISIBLE)


class FontStack:
    """The families of one language, in order, and the per-character choice among them."""

    def __init__(self, lang: str, families: tuple[LoadedFamily, ...]):
        self.lang = lang
        self.families = families
        self.names = tuple(f.name for f in families)
        self.primary = families[0]
        self._choice: dict[str, LoadedFamily | None] = {}

    def family_for(self, char: str) -> LoadedFamily | None:
        try:
            return self._choice[char]
        except KeyError:
            pass
        cp = ord(char)
        found = next((f for f in self.families if cp in f.chars), None)
        self._choice[char] = found
        return found

    def segments(self, text: str) -> list[tuple[LoadedFamily, str]]:
        """Split text into runs of one family each; raise `MissingGlyphError` for a character none has."""
        out: list[tuple[LoadedFamily, str]] = []
        cur: LoadedFamily | None = None
        buf: list[str] = []
        for i, ch in enumerate(text):
            if ch in "\t\n\r":
                ch = " "
            fam = self.family_for(ch)
            if fam is None:
                if _invisible(ch):
                    continue
                raise MissingGlyphError(ch, self.names, context=text[max(0, i - 12): i + 13].strip() or None)
            if fam is not cur and buf:
                out.append((cur, "".join(buf)))
                buf = []
            cur = fam
            buf.append(ch)
        if buf:
            out.append((cur, "".join(buf)))
        return out

    def check(self, text: str) -> None:
        self.segments(text)


_stacks: dict[tuple, FontStack] = {}


def font_stack(lang: str, config: FontConfig | None = None) -> FontStack:
    """The registered stack of a language ("en", "zh", "zh-Hant"), user fonts first."""
    config = config or FontConfig()
    loaded = tuple(load_family(f) for f in config.stack(lang))
    key = (stack_lang(lang),) + tuple(f.base for f in loaded)
    with _lock:
        stack = _stacks.get(key)
        if stack is None:
            stack = _stacks[key] = FontStack(stack_lang(lang), loaded)
        return stack
