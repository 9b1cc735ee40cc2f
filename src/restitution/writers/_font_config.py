"""Which fonts: the bundled families, the user's folders and families, and the errors
a font can cause. Nothing here touches reportlab."""
from __future__ import annotations

import os
import re
import unicodedata
from pathlib import Path

from restitution.errors import EXIT_USAGE, RestitutionError, redact
from restitution.language import Language, get as get_language
from restitution.records import record

ENV_VAR = "RESTITUTION_FONT_DIR"
BUNDLED_DIR = Path(__file__).resolve().parent.parent / "fonts"

STYLES = ("regular", "bold", "italic", "bold_italic")
_SUFFIXES = {
    "": "regular", "regular": "regular", "roman": "regular", "book": "regular",
    "bold": "bold", "italic": "italic", "oblique": "italic",
    "bolditalic": "bold_italic", "boldoblique": "bold_italic",
}
_FONT_FILE = re.compile(r"^(?P<family>.+?)(?:[-_ ](?P<style>[A-Za-z]+))?$")


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
        # The context is case text: numbers in it (a passport, an account) are masked.
        near = f" (near “{redact(context)}”)" if context else ""
        super().__init__(
            f"the character {char!r} ({self.codepoint} {name}){where}{near} is in none of the "
            f"fonts {', '.join(families)}; put a TrueType font that has it in a folder and set "
            f"{ENV_VAR} to that folder (or pass a FontConfig)"
        )

    def in_document(self, document: str) -> "MissingGlyphError":
        return MissingGlyphError(self.char, self.families, document, self.context)


@record
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


def stack_lang(language: "Language | str") -> str:
    """The bundled stack a language uses (`Language.fonts`: both Chinese variants use the
    Chinese one). A code is looked up strictly: the evidence bundle still passes codes."""
    return get_language(language).fonts


@record
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

    def stack(self, language: "Language | str") -> tuple[FontFamily, ...]:
        return self.user_families() + tuple(BUNDLED[n] for n in BUNDLED_STACKS[stack_lang(language)])


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
        assert m is not None, "the pattern matches every non-empty stem"
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
