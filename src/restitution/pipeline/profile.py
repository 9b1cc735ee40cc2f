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
The folder is less trusted than the program (often a shared drive), so
firm.yaml is read with the case file's YAML reader (`case.yamlsource`: no
tags, anchors or aliases, at most 32 levels, control characters reported),
is at most 64 KB, and every file it names must lie inside the folder once
links are followed, with no ``..``. A logo has at most 16 megapixels (a
4,000 × 4,000 logo decodes to 64 MB; a decompression bomb of a few KB would
otherwise decode to gigabytes) and 5 MB; a font at most 50 MB (a full CJK
font is 10 to 25 MB). Fonts are opened the way the PDF writer opens them,
every glyph's outline record is checked, and a sample is subset, so a
damaged font fails here, located, and not later inside reportlab.

`render.render_document` puts the profile on the `Document`; the PDF writer
draws the letterhead at the top of the first page and puts the fonts first
in its stacks, the DOCX writer puts the letterhead in the first-page header
and names the font families in its styles.
"""
from __future__ import annotations

import os
import re
import stat
from dataclasses import field
from pathlib import Path, PurePosixPath
from typing import Any

from restitution.case import yamlsource as ys
from restitution.case.problems import Problems
from restitution.errors import ErrorList, Location, RestitutionError
from restitution.language import Language
from restitution.language import get as get_language
from restitution.pipeline import firm_files
from restitution.pipeline.templating import inside
from restitution.records import record

FILE_NAME = "firm.yaml"
LANG_KEYS = ("en", "zh", "zh-Hant")
LOGO_HEIGHT_MM = 15.0
LOGO_HEIGHT_RANGE = (5.0, 50.0)
MAX_LINES = 8
MAX_BYTES = 64 * 1024  # firm.yaml: real ones are under 2 KB
MAX_LOGO_BYTES = 5 * 1024 * 1024
MAX_FONT_BYTES = 50 * 1024 * 1024
_CONTROL = ys.FORBIDDEN
_TOP_KEYS = ("letterhead", "logo", "logo_height_mm", "fonts")
_FONT_ROLES = ("latin", "cjk")
_FONT_KEYS = ("regular", "bold", "name")


class ProfileError(RestitutionError):
    """A problem in a firm profile (firm.yaml or a file it names)."""


@record
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


@record
class ProfileFont:
    role: str  # "latin" or "cjk"
    name: str  # the family name, as Word looks it up (from the font, or firm.yaml's ``name``)
    regular: Path
    bold: Path | None = None


@record
class Profile:
    folder: Path
    letterhead: dict[str, tuple[str, ...]] = field(default_factory=dict)
    logo: Logo | None = None
    latin: ProfileFont | None = None
    cjk: ProfileFont | None = None

    def lines(self, lang: "Language | str") -> tuple[str, ...]:
        """The letterhead lines for a language: its own, else the nearest one given.

        Chinese documents take their own lines, else those of the language they are
        converted from (Hong Kong ones: ``zh`` in Traditional characters), else
        ``en``; English ones ``en``, else ``zh``.
        """
        language = get_language(lang)
        lh = self.letterhead
        if language.code in lh:
            return lh[language.code]
        if language.converted_from in lh:
            from restitution.formatting import to_traditional

            return tuple(to_traditional(line) for line in lh[language.converted_from])
        return lh.get("zh" if not language.chinese else "en", ())

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

    def fonts(self, lang: "Language | str") -> tuple[ProfileFont, ...]:
        """The firm's fonts in the order a language tries them: CJK first for Chinese."""
        order = (self.cjk, self.latin) if get_language(lang).chinese else (self.latin, self.cjk)
        return tuple(f for f in order if f is not None)


# ---------------------------------------------------------------- finding the profile


def profile_folder(templates: Path | None = None) -> Path | None:
    """The firm's template folder: ``templates``, else RESTITUTION_TEMPLATES, else None."""
    from restitution.pipeline.templating import template_dirs

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


Node = ys.Node
Pair = tuple[int, Node]  # (the key's line, the value)


class _Checker:
    def __init__(self, folder: Path):
        self.folder = folder
        self.file = str(folder / FILE_NAME)
        self.errors: list[RestitutionError] = []

    def error(self, line: int | None, path: str | None, message: str) -> None:
        self.errors.append(ProfileError(message, Location(self.file, line, path)))

    def mapping(self, node: Node, path: str | None, allowed: tuple[str, ...]) -> dict[str, Pair]:
        if not isinstance(node, ys.Mapping):
            self.error(node.line, path, f"must be a mapping of keys ({', '.join(allowed)})")
            return {}
        out: dict[str, Pair] = {}
        for entry in node.entries:
            key = entry.key
            where = f"{path}.{ys.show_key(key)}" if path else ys.show_key(key)
            if key not in allowed:
                shown = ys.show_key(key)  # a key with control characters is shown escaped
                label = repr(key) if shown == key else shown
                self.error(entry.key_line, where, f"unknown key {label}; known keys: {', '.join(allowed)}")
            else:
                out[key] = (entry.key_line, entry.value)
        return out

    def text(self, node: Node, path: str, line: str | None = None) -> str | None:
        value = node.text if isinstance(node, ys.Scalar) else None
        if line is not None:
            value = line
        if value is None or value.strip() == "":
            self.error(node.line, path, "must be a non-empty text")
            return None
        return value.strip()

    def file_path(self, node: Node, path: str, what: str, limit: int) -> Path | None:
        """The file a value names, inside the template folder once every link is followed."""
        value = self.text(node, path)
        if value is None:
            return None
        rel = PurePosixPath(value.replace("\\", "/"))
        if rel.is_absolute() or value.startswith("~") or re.match(r"[A-Za-z]:", value):
            self.error(node.line, path, f"give the {what} relative to the template folder, not as an absolute path")
            return None
        if ".." in rel.parts:
            self.error(node.line, path, f"the {what} {value!r} goes up out of the template folder (..); "
                                        "put the file inside the folder and name it from there")
            return None
        full = self.folder.joinpath(*rel.parts)
        if not os.path.lexists(full):
            self.error(node.line, path, f"{what} {value!r} not found in the template folder {self.folder}")
            return None
        if not inside(self.folder, full):
            self.error(node.line, path, f"{what} {value!r} is a link to a file outside the template folder; "
                                        "copy the file into the folder instead of linking to it")
            return None
        try:
            st = os.stat(full)
        except OSError as e:
            self.error(node.line, path, f"{what} {value!r} cannot be read: {e.strerror}")
            return None
        if not stat.S_ISREG(st.st_mode):
            self.error(node.line, path, f"{what} {value!r} is not a regular file")
            return None
        if st.st_size > limit:
            self.error(node.line, path, f"{what} {value!r} is {st.st_size / 1048576:.1f} MB; "
                                        f"a {what} may be at most {limit // 1048576} MB")
            return None
        return Path(os.path.realpath(full))


# yamlsource speaks of "a case file"; here the file is firm.yaml.
_WORDING = (("in a case file", "in firm.yaml"), ("a case file holds", "firm.yaml holds"))


def _read_tree(c: _Checker, path: Path) -> Node | None:
    """firm.yaml as located nodes (see `case.yamlsource`), or a `ProfileError` naming every problem."""
    where = Location(c.file)
    if not inside(c.folder, path):
        raise ProfileError("is a link to a file outside the template folder; copy the file into the folder",
                           where)
    try:
        st = os.stat(path)
        if not stat.S_ISREG(st.st_mode):
            raise ProfileError("is not a regular file", where)
        if st.st_size > MAX_BYTES:
            raise ProfileError(f"is {st.st_size:,} bytes; firm.yaml may be at most {MAX_BYTES:,} bytes "
                               "(a letterhead, a logo and fonts)", where)
        with open(path, "rb") as f:
            data = f.read(MAX_BYTES + 1)
    except OSError as e:
        raise ProfileError(f"cannot read the file: {e.strerror}", where) from None
    problems = Problems()
    text = ys.decode(data, problems)
    root = ys.parse(text, problems) if text is not None else None
    if problems:
        errors: list[RestitutionError] = []
        for p in sorted(problems, key=lambda p: p.line or 0):
            message = p.message
            for old, new in _WORDING:
                message = message.replace(old, new)
            errors.append(ProfileError(message, Location(c.file, p.line, p.path)))
        raise errors[0] if len(errors) == 1 else ErrorList(errors)
    return root


def load_profile(folder: Path) -> Profile | None:
    """The profile in ``folder/firm.yaml``; None when the folder has none.

    Raises `ProfileError` (or an `ErrorList` of them) naming the line and key of
    every problem.
    """
    folder = Path(folder)
    path = folder / FILE_NAME
    if not os.path.lexists(path):
        return None
    c = _Checker(folder)
    root = _read_tree(c, path)
    if root is None or (isinstance(root, ys.Scalar) and root.is_null):
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
        for role, (_, value_node) in c.mapping(top["fonts"][1], "fonts", _FONT_ROLES).items():
            font = _font(c, role, value_node)
            if font is not None:
                fonts[role] = font
    if c.errors:
        c.errors.sort(key=lambda e: (e.location.line or 0) if e.location else 0)
        raise c.errors[0] if len(c.errors) == 1 else ErrorList(c.errors)
    return Profile(folder, letterhead, logo, fonts.get("latin"), fonts.get("cjk"))


def _letterhead(c: _Checker, entry: Pair | None) -> dict[str, tuple[str, ...]]:
    if entry is None:
        return {}
    out: dict[str, tuple[str, ...]] = {}
    langs = c.mapping(entry[1], "letterhead", LANG_KEYS)
    if isinstance(entry[1], ys.Mapping) and not entry[1].entries:
        c.error(entry[1].line, "letterhead", "give the lines in at least one language (en, zh)")
    for lang, (_, node) in langs.items():
        path = f"letterhead.{lang}"
        if isinstance(node, ys.Scalar) and not node.is_null:  # a block of lines: "|" in YAML
            raw = [line.strip() for line in node.text.splitlines() if line.strip()]
            lines = [c.text(node, path, line) for line in raw]
            if not raw:
                c.error(node.line, path, "is empty; give the firm's name and address lines")
        elif isinstance(node, ys.Sequence):
            lines = [c.text(item, f"{path}[{i}]") for i, item in enumerate(node.items)]
            if not lines:
                c.error(node.line, path, "is an empty list; give the firm's name and address lines")
        else:
            c.error(node.line, path, "must be a list of lines")
            continue
        if len(lines) > MAX_LINES:
            c.error(node.line, path, f"has {len(lines)} lines; a letterhead holds at most {MAX_LINES}")
        valid = [line for line in lines if line is not None]  # None: a line reported above
        if lines and len(valid) == len(lines):
            out[lang] = tuple(valid)
    return out


def _logo_height(c: _Checker, entry: Pair | None) -> float:
    if entry is None:
        return LOGO_HEIGHT_MM
    node = entry[1]
    lo, hi = LOGO_HEIGHT_RANGE
    try:
        value = float(node.text) if isinstance(node, ys.Scalar) and len(node.text) < 40 else None
    except ValueError:
        value = None
    if value is None or not lo <= value <= hi:
        c.error(node.line, "logo_height_mm", f"must be a number of millimetres from {lo:g} to {hi:g}")
        return LOGO_HEIGHT_MM
    return value


def _logo(c: _Checker, node: Node, height_mm: float) -> Logo | None:
    path = c.file_path(node, "logo", "logo file", MAX_LOGO_BYTES)
    if path is None:
        return None
    data = path.read_bytes()
    try:
        fmt, (width, height) = firm_files.check_logo(data, path.name)
    except firm_files.Unusable as e:
        c.error(node.line, "logo", str(e))
        return None
    return Logo(data, fmt, width, height, height_mm, path)


def _font(c: _Checker, role: str, node: Node) -> ProfileFont | None:
    base = f"fonts.{role}"
    if isinstance(node, ys.Scalar):  # shorthand: just the regular face
        keys: dict[str, Pair] = {"regular": (node.line, node)}
    else:
        keys = c.mapping(node, base, _FONT_KEYS)
        if isinstance(node, ys.Mapping) and "regular" not in keys:
            c.error(node.line, f"{base}.regular", "is missing: every font needs its regular face")
    faces: dict[str, Path] = {}
    names: dict[str, str] = {}
    for style in ("regular", "bold"):
        if style not in keys:
            continue
        value_node = keys[style][1]
        where = base if value_node is node else f"{base}.{style}"
        path = c.file_path(value_node, where, "font file", MAX_FONT_BYTES)
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


def _truetype(c: _Checker, node: Node, path: str, file: Path, role: str) -> str | None:
    """The family name of a TrueType file that reportlab can embed, or None after an error."""
    try:
        return firm_files.truetype_family(file, role)
    except firm_files.Unusable as e:
        c.error(node.line, path, str(e))
        return None


def font_families(profile: Profile | None, lang: str) -> tuple[Any, ...]:
    """The profile's fonts as `writers.fonts.FontFamily` values, in the language's order."""
    if profile is None:
        return ()
    from restitution.writers.fonts import FontFamily

    return tuple(FontFamily(re.sub(r"[^A-Za-z0-9_]", "", f.name) or f.role, f.regular, f.bold)
                 for f in profile.fonts(lang))
