"""The firm profile: letterhead, logo and fonts from ``firm.yaml`` in a template folder.

A firm's template folder (``--templates DIR`` or ``RESTITUTION_TEMPLATES``)
overrides bundled templates file by file; a ``firm.yaml`` at its top also
gives the firm's paper::

    letterhead:
      en: [Example & Partners LLP, 1 Example Road, Beijing]
      zh: [示例律师事务所, 北京市示例路1号]
    logo: logo.png            # PNG or JPEG, relative to the folder
    logo_height_mm: 15        # optional, 5 to 50 (default 15)
    fonts:                    # optional TrueType files, relative to the folder
      latin: {regular: fonts/Firm-Regular.ttf, bold: fonts/Firm-Bold.ttf}
      cjk: {regular: fonts/FirmSC-Regular.ttf}

Every key is optional. `load_profile` reads and checks the file, reporting
every problem at once with its line and key (an unknown key, a missing file,
a logo Pillow cannot decode, a font that is not TrueType or cannot be
embedded), and keeps the logo's bytes so that writers never touch the disk.
`render.render_document` puts the profile on the `Document`; the PDF writer
draws the letterhead at the top of the first page and puts the fonts first
in its stacks, the DOCX writer puts the letterhead in the first-page header
and names the font families in its styles.
"""
from __future__ import annotations

import io
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from restitution.errors import ErrorList, Location, RestitutionError

FILE_NAME = "firm.yaml"
LANG_KEYS = ("en", "zh", "zh-Hant")
LOGO_FORMATS = ("PNG", "JPEG")
LOGO_HEIGHT_MM = 15.0
LOGO_HEIGHT_RANGE = (5.0, 50.0)
MAX_LINES = 8
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
_TOP_KEYS = ("letterhead", "logo", "logo_height_mm", "fonts")
_FONT_ROLES = ("latin", "cjk")
_FONT_KEYS = ("regular", "bold", "name")
# A character each role's font must have: a Latin font that cannot set "A",
# or a CJK font without 中, is the wrong file.
_PROBE = {"latin": "A", "cjk": "中"}


class ProfileError(RestitutionError):
    """A problem in a firm profile (firm.yaml or a file it names)."""


@dataclass(frozen=True)
class Logo:
    data: bytes  # the file's bytes, as read when the profile was loaded
    format: str  # "PNG" or "JPEG"
    width_px: int
    height_px: int
    height_mm: float
    path: Path

    @property
    def width_mm(self) -> float:
        return self.height_mm * self.width_px / self.height_px


@dataclass(frozen=True)
class ProfileFont:
    role: str  # "latin" or "cjk"
    name: str  # the family name, as Word looks it up (from the font, or firm.yaml's ``name``)
    regular: Path
    bold: Path | None = None


@dataclass(frozen=True)
class Profile:
    folder: Path
    letterhead: dict[str, tuple[str, ...]] = field(default_factory=dict)
    logo: Logo | None = None
    latin: ProfileFont | None = None
    cjk: ProfileFont | None = None

    def lines(self, lang: str) -> tuple[str, ...]:
        """The letterhead lines for a language: its own, else the nearest one given.

        Chinese documents take ``zh`` (Hong Kong ones ``zh-Hant``, else ``zh``
        in Traditional characters), else ``en``; English ones ``en``, else ``zh``.
        """
        lh = self.letterhead
        if lang == "zh-Hant":
            if "zh-Hant" in lh:
                return lh["zh-Hant"]
            if "zh" in lh:
                from restitution.formatting import to_traditional

                return tuple(to_traditional(line) for line in lh["zh"])
            return lh.get("en", ())
        if lang.startswith("zh"):
            return lh.get("zh") or lh.get("en", ())
        return lh.get("en") or lh.get("zh", ())

    def letterhead_inlines(self, langs: tuple[str, ...] | list[str]) -> list[tuple[str, tuple]]:
        """(language, inlines) of the letterhead for each distinct set of lines: the firm's
        name (the first line) in bold, the other lines after line breaks. Both writers
        set these, so a bilingual document shows each language's lines once."""
        from restitution.document import LineBreak, Run

        out: list[tuple[str, tuple]] = []
        shown: list[tuple[str, ...]] = []
        for lang in langs:
            lines = self.lines(lang)
            if not lines or lines in shown:  # one language's lines standing in for both
                continue
            shown.append(lines)
            inlines: list = [Run(lines[0], bold=True)]
            for line in lines[1:]:
                inlines += [LineBreak(), Run(line)]
            out.append((lang, tuple(inlines)))
        return out

    @property
    def has_letterhead(self) -> bool:
        return bool(self.letterhead) or self.logo is not None

    def fonts(self, lang: str) -> tuple[ProfileFont, ...]:
        """The firm's fonts in the order a language tries them: CJK first for Chinese."""
        order = (self.cjk, self.latin) if lang.startswith("zh") else (self.latin, self.cjk)
        return tuple(f for f in order if f is not None)


# ---------------------------------------------------------------- finding the profile


def profile_folder(templates: Path | None = None) -> Path | None:
    """The firm's template folder: ``templates``, else RESTITUTION_TEMPLATES, else None."""
    from restitution.templating import template_dirs

    overrides = template_dirs(templates)[:-1]  # the last one is the bundled folder
    return overrides[0] if overrides else None


_cache: dict[tuple, Profile | None] = {}


def profile_for(templates: Path | None = None) -> Profile | None:
    """The profile of the template folder in use, or None when it has no firm.yaml.

    Loaded once per process while firm.yaml is unchanged (a batch renders
    hundreds of documents with one profile).
    """
    folder = profile_folder(templates)
    if folder is None:
        return None
    path = folder / FILE_NAME
    try:
        st = path.stat()
    except OSError:
        return None
    key = (str(path.resolve()), st.st_size, st.st_mtime_ns)
    if key not in _cache:
        _cache[key] = load_profile(folder)
    return _cache[key]


# ---------------------------------------------------------------- loading


class _Checker:
    def __init__(self, folder: Path):
        self.folder = folder
        self.file = str(folder / FILE_NAME)
        self.errors: list[RestitutionError] = []

    def error(self, node: yaml.Node | None, path: str | None, message: str) -> None:
        line = node.start_mark.line + 1 if node is not None else None
        self.errors.append(ProfileError(message, Location(self.file, line, path)))

    def mapping(self, node: yaml.Node, path: str | None, allowed: tuple[str, ...]) -> dict[str, tuple[yaml.Node, yaml.Node]]:
        if not isinstance(node, yaml.MappingNode):
            self.error(node, path, f"must be a mapping of keys ({', '.join(allowed)})")
            return {}
        out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
        for key_node, value_node in node.value:
            key = key_node.value if isinstance(key_node, yaml.ScalarNode) else None
            where = f"{path}.{key}" if path and key else (key or path)
            if key not in allowed:
                self.error(key_node, where, f"unknown key {key!r}; known keys: {', '.join(allowed)}")
            elif key in out:
                self.error(key_node, where, "given twice")
            else:
                out[key] = (key_node, value_node)
        return out

    def text(self, node: yaml.Node, path: str) -> str | None:
        if not isinstance(node, yaml.ScalarNode) or node.value.strip() == "":
            self.error(node, path, "must be a non-empty text")
            return None
        bad = _CONTROL.search(node.value)
        if bad:
            self.error(node, path, f"contains the control character U+{ord(bad.group()):04X}; remove it")
            return None
        return node.value.strip()

    def file_path(self, node: yaml.Node, path: str, what: str) -> Path | None:
        value = self.text(node, path)
        if value is None:
            return None
        p = Path(value)
        if p.is_absolute():
            self.error(node, path, f"give the {what} relative to the template folder, not as an absolute path")
            return None
        full = self.folder / p
        if not full.is_file():
            self.error(node, path, f"{what} {value!r} not found in the template folder {self.folder}")
            return None
        return full


def load_profile(folder: Path) -> Profile | None:
    """The profile in ``folder/firm.yaml``; None when the folder has none.

    Raises `ProfileError` (or an `ErrorList` of them) naming the line and key of
    every problem.
    """
    folder = Path(folder)
    path = folder / FILE_NAME
    if not path.is_file():
        return None
    c = _Checker(folder)
    try:
        text = path.read_bytes().decode("utf-8-sig")
    except UnicodeDecodeError:
        raise ProfileError("not valid UTF-8; save the file as UTF-8", Location(c.file)) from None
    except OSError as e:
        raise ProfileError(f"cannot read the file: {e.strerror}", Location(c.file)) from None
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.MarkedYAMLError as e:
        mark = e.problem_mark or e.context_mark
        raise ProfileError(f"YAML cannot be read: {e.problem or e.context}",
                           Location(c.file, mark.line + 1 if mark else None)) from None
    if root is None or (isinstance(root, yaml.ScalarNode) and root.value.strip() == ""):
        return Profile(folder)
    top = c.mapping(root, None, _TOP_KEYS)
    letterhead = _letterhead(c, top.get("letterhead"))
    height = _logo_height(c, top.get("logo_height_mm"))
    logo = None
    if "logo" in top:
        logo = _logo(c, top["logo"][1], height)
    elif "logo_height_mm" in top:
        c.error(top["logo_height_mm"][0], "logo_height_mm", "is given without a logo")
    fonts: dict[str, ProfileFont] = {}
    if "fonts" in top:
        for role, (key_node, value_node) in c.mapping(top["fonts"][1], "fonts", _FONT_ROLES).items():
            font = _font(c, role, value_node)
            if font is not None:
                fonts[role] = font
    if c.errors:
        c.errors.sort(key=lambda e: (e.location.line or 0) if e.location else 0)
        raise c.errors[0] if len(c.errors) == 1 else ErrorList(c.errors)
    return Profile(folder, letterhead, logo, fonts.get("latin"), fonts.get("cjk"))


def _letterhead(c: _Checker, entry: tuple[yaml.Node, yaml.Node] | None) -> dict[str, tuple[str, ...]]:
    if entry is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    langs = c.mapping(entry[1], "letterhead", LANG_KEYS)
    if isinstance(entry[1], yaml.MappingNode) and not entry[1].value:
        c.error(entry[1], "letterhead", "give the lines in at least one language (en, zh)")
    for lang, (_, node) in langs.items():
        path = f"letterhead.{lang}"
        if isinstance(node, yaml.ScalarNode):  # a block of lines: "|" in YAML
            raw = [line.strip() for line in node.value.splitlines() if line.strip()]
            lines = [c.text(yaml.ScalarNode(node.tag, line, node.start_mark, node.end_mark), path)
                     for line in raw]
            if not raw:
                c.error(node, path, "is empty; give the firm's name and address lines")
        elif isinstance(node, yaml.SequenceNode):
            lines = [c.text(item, f"{path}[{i}]") for i, item in enumerate(node.value)]
            if not lines:
                c.error(node, path, "is an empty list; give the firm's name and address lines")
        else:
            c.error(node, path, "must be a list of lines")
            continue
        if len(lines) > MAX_LINES:
            c.error(node, path, f"has {len(lines)} lines; a letterhead holds at most {MAX_LINES}")
        if lines and all(line is not None for line in lines):
            out[lang] = tuple(lines)  # type: ignore[arg-type]
    return out


def _logo_height(c: _Checker, entry: tuple[yaml.Node, yaml.Node] | None) -> float:
    if entry is None:
        return LOGO_HEIGHT_MM
    node = entry[1]
    lo, hi = LOGO_HEIGHT_RANGE
    try:
        value = float(node.value) if isinstance(node, yaml.ScalarNode) else None
    except ValueError:
        value = None
    if value is None or not lo <= value <= hi:
        c.error(node, "logo_height_mm", f"must be a number of millimetres from {lo:g} to {hi:g}")
        return LOGO_HEIGHT_MM
    return value


def _logo(c: _Checker, node: yaml.Node, height_mm: float) -> Logo | None:
    path = c.file_path(node, "logo", "logo file")
    if path is None:
        return None
    from PIL import Image, UnidentifiedImageError

    data = path.read_bytes()
    try:
        with Image.open(io.BytesIO(data)) as img:
            fmt, size = img.format, img.size
            img.load()  # decode the pixels: a truncated file fails here, not in a writer
    except (UnidentifiedImageError, OSError, SyntaxError, ValueError) as e:
        c.error(node, "logo", f"the logo {path.name} cannot be decoded as an image ({e}); use a PNG or JPEG file")
        return None
    if fmt not in LOGO_FORMATS:
        c.error(node, "logo", f"the logo {path.name} is a {fmt} image; use a PNG or JPEG file")
        return None
    if size[0] < 1 or size[1] < 1:
        c.error(node, "logo", f"the logo {path.name} has no pixels")
        return None
    return Logo(data, fmt, size[0], size[1], height_mm, path)


def _font(c: _Checker, role: str, node: yaml.Node) -> ProfileFont | None:
    base = f"fonts.{role}"
    if isinstance(node, yaml.ScalarNode):  # shorthand: just the regular face
        keys = {"regular": (node, node)}
    else:
        keys = c.mapping(node, base, _FONT_KEYS)
        if isinstance(node, yaml.MappingNode) and "regular" not in keys:
            c.error(node, f"{base}.regular", "is missing: every font needs its regular face")
    faces: dict[str, Path] = {}
    names: dict[str, str] = {}
    for style in ("regular", "bold"):
        if style not in keys:
            continue
        value_node = keys[style][1]
        where = base if value_node is node else f"{base}.{style}"
        path = c.file_path(value_node, where, "font file")
        if path is None:
            continue
        family = _truetype(c, value_node, where, path, role)
        if family is not None:
            faces[style], names[style] = path, family
    name = None
    if "name" in keys:
        name = c.text(keys["name"][1], f"{base}.name")
    if "regular" not in faces:
        return None
    return ProfileFont(role, name or names["regular"], faces["regular"], faces.get("bold"))


def _truetype(c: _Checker, node: yaml.Node, path: str, file: Path, role: str) -> str | None:
    """The family name of a TrueType file that reportlab can embed, or None after an error."""
    from reportlab.pdfbase.ttfonts import TTFontFile

    with open(file, "rb") as f:
        magic = f.read(4)
    if magic == b"OTTO":
        c.error(node, path, f"{file.name} has PostScript (CFF) outlines, which cannot be embedded in a PDF; "
                            "use the TrueType (.ttf) version of the font")
        return None
    if magic not in (b"\x00\x01\x00\x00", b"true"):
        c.error(node, path, f"{file.name} is not a TrueType font file (.ttf)")
        return None
    try:
        font = TTFontFile(str(file))
    except Exception as e:  # TTFError, and struct or index errors from a damaged table
        c.error(node, path, f"{file.name} cannot be used: {e}")
        return None
    if ord(_PROBE[role]) not in font.charToGlyph:
        what = "Latin letters" if role == "latin" else "Chinese characters"
        c.error(node, path, f"{file.name} has no {what}; is it the right file for fonts.{role}?")
        return None
    family = font.familyName
    return (family.decode("latin-1") if isinstance(family, bytes) else str(family)).strip() or file.stem


def font_families(profile: Profile | None, lang: str) -> tuple[Any, ...]:
    """The profile's fonts as `writers.fonts.FontFamily` values, in the language's order."""
    if profile is None:
        return ()
    from restitution.writers.fonts import FontFamily

    return tuple(FontFamily(re.sub(r"[^A-Za-z0-9_]", "", f.name) or f.role, f.regular, f.bold)
                 for f in profile.fonts(lang))
