"""The Word styles of the DOCX writer, and the styled base package carrying them.

Every semantic style of the style sheet becomes a named paragraph style
("Title", "Heading 1", "Body Text", "Signature Block" ...), so changing the
look in Word means changing a style, not hunting direct formatting. A
bilingual document gets a second family for its other language ("Body Text
(zh)"). Document defaults, settings and the font table follow the main
language.

Line spacing is the style sheet's leading in points, at least ("at least 18 pt"
for 12 pt text at 1.5), as in the PDF, not a multiple: Word and LibreOffice
multiply the font's own line height, which varies by font (Noto Serif CJK's
is 1.45 em, SimSun's about 1.3), so the same letter ran a page longer in the
DOCX than in the PDF. The trade-off: text made smaller in Word keeps the
spacing of the old size until the style's spacing is changed too (a larger
size still gets the room it needs, which a fixed spacing would cut).

Languages are named in the DOCX by `Language.ooxml_tag` only (``w:lang``, the
theme language, the core properties): "zh-HK", never "zh-Hant-HK", which Word
does not know. Every style names its ``w:lang``: Latin letters are English in
either language's blocks (a Chinese letter's "Alibaba.com" is spell-checked as
English, as Chinese Word does), and Han characters are in the document's
Chinese language, so a Hong Kong document's are "zh-HK" throughout, the
English blocks' included.

Defining the styles costs more than most bodies, so the styled package of
each set of languages is built once per process, kept as bytes, and read
back for every document (`open_package`).
"""
from __future__ import annotations

import io
from dataclasses import replace

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_LINE_SPACING
from docx.shared import Pt

from restitution import styles
from restitution.formatting.breaks import NO_LINE_END, NO_LINE_START
from restitution.document import Document, languages
from restitution.language import EN, ZH, ZH_HANT, Language
from restitution.records import record
from restitution.writers import _ooxml, _ooxml_package

# Word names of the style sheet's semantic styles; "keep" is body text.
STYLE_NAMES = {
    "title": "Title", "subtitle": "Subtitle", "heading1": "Heading 1", "heading2": "Heading 2",
    "body": "Body Text", "keep": "Body Text", "list": "List Paragraph", "table": "Table Text",
    "table_header": "Table Heading", "note": "Note", "signature": "Signature Block",
    "address": "Address", "right": "Right Aligned", "center": "Centered",
    "letterhead": "Letterhead", "footer": "Footer",
}
RULE_STYLE = "Horizontal Rule"
OUTLINE_LEVELS = {"heading1": 0, "heading2": 1}

# (Latin face, East Asian face) by font role. Chinese body text is set in
# 宋体 and headings in 黑体 (domain.md §G); Hong Kong documents use the
# traditional-character faces. Keyed by the language itself rather than by
# `Language.fonts` (the bundled PDF stack, one for both Chinese variants): Word
# names installed faces, and Hong Kong text wants Traditional-shaped ones.
_SIMPLIFIED = {"body": ("Times New Roman", "SimSun"), "heading": ("Times New Roman", "SimHei")}
FONTS: dict[Language, dict[str, tuple[str, str]]] = {
    EN: _SIMPLIFIED,  # Chinese names in English text: the Simplified faces, as before
    ZH: _SIMPLIFIED,
    ZH_HANT: {"body": ("Times New Roman", "PMingLiU"), "heading": ("Times New Roman", "Microsoft JhengHei")},
}

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}


@record
class Side:
    """One language of the document: its style sheet, fonts, languages and style names."""

    lang: Language
    sheet: styles.StyleSheet
    suffix: str  # "" for the document's main language, " (zh)" for the other
    # The firm profile's (Latin, East Asian) families; they replace the defaults for every role.
    firm: tuple[str | None, str | None] = (None, None)
    # The language of Han characters in this document (w:lang/@w:eastAsia).
    han: Language = ZH

    @property
    def east_asian(self) -> bool:
        return self.lang.chinese

    @property
    def w_lang(self) -> tuple[str, str]:
        """(Latin text, East Asian text) languages of this side's ``w:lang``."""
        return EN.ooxml_tag, self.han.ooxml_tag

    def fonts(self, role: str) -> tuple[str, str]:
        latin, east_asia = FONTS[self.lang][role]
        return self.firm[0] or latin, self.firm[1] or east_asia

    def style_name(self, key: str) -> str:
        if key == "rule":
            return RULE_STYLE + self.suffix
        return STYLE_NAMES.get(key, key.replace("_", " ").title()) + self.suffix


def sides_of(doc: Document) -> dict[Language, Side]:
    """A side for every language the document's blocks are in, its main language first."""
    found = languages(doc)
    han = next((lang for lang in found if lang.chinese), ZH)
    profile = doc.profile
    firm = ((profile.latin.name if profile.latin else None, profile.cjk.name if profile.cjk else None)
            if profile is not None else (None, None))
    return {lang: Side(lang, styles.sheet_for(lang), "" if i == 0 else f" ({lang.code})", firm, han)
            for i, lang in enumerate(found)}


# The styled base package of each set of languages, with the style ids its paragraphs and
# tables take (and each type's default), found on first use. Reading the saved package back
# gives the same parts as building it again.
_BASES: dict[tuple, tuple[bytes, dict]] = {}


def open_package(sides: dict[Language, Side]):
    """A new python-docx document from the styled base of `sides`, and its style ids."""
    key = tuple((s.lang, s.suffix, s.firm, s.han, repr(s.sheet)) for s in sides.values())
    base = _BASES.get(key)
    if base is None:
        base = _BASES[key] = (_saved_or_built(repr(key), sides), {})
    # Every document, the first one too, starts from the saved base: one path, same bytes.
    package = docx.Document(io.BytesIO(base[0]))
    return package, StyleIds(package, base[1])


def _saved_or_built(description: str, sides: dict[Language, Side]) -> bytes:
    """The base package from the cache folder (`_docx_base_cache`), else built and saved."""
    import zipfile

    from restitution.writers import _docx_base_cache

    data = _docx_base_cache.load(description)
    if data is not None:
        try:
            if zipfile.ZipFile(io.BytesIO(data)).testzip() is None:
                return data
        except (zipfile.BadZipFile, OSError, EOFError):
            pass  # torn or foreign: build it again, and overwrite it
    data = _StyledBase(list(sides.values())).build()
    _docx_base_cache.store(description, data)
    return data


class StyleIds:
    """What ``paragraph.style = name`` (or a table's) stores, looked up once per base
    package: python-docx scans every style of the template for the default on each
    assignment."""

    def __init__(self, package, known: dict):
        self.package = package
        self.known = known  # shared by every document of the base

    def get(self, name: str, kind=WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        try:
            return self.known[name]
        except KeyError:
            style = self.package.styles[name]
            if style.type != kind:
                raise ValueError(f"assigned style is type {style.type}, need type {kind}")
            default = self.known.get(kind, False)  # by id: the base is read anew for each document
            if default is False:
                found = self.package.styles.default(kind)
                default = self.known[kind] = None if found is None else found.style_id
            sid = self.known[name] = None if style.style_id == default else style.style_id
            return sid


class _StyledBase:
    """Builds the base package: python-docx's template, pruned, with the styles of
    every side, document defaults, settings and font table of the first."""

    def __init__(self, sides: list[Side]):
        self.sides = sides
        self.main = sides[0]
        self.out = docx.Document()
        self.defined: dict[str, object] = {}
        self.character_styles: dict[str, list] | None = None

    def build(self) -> bytes:
        _ooxml_package.prune_template_parts(self.out)
        for side in self.sides:
            self._define_styles(side)
        self._defaults()
        return _ooxml_package.package_bytes(self.out, compress=False)

    def _defaults(self) -> None:
        main, body = self.main, self.main.sheet["body"]
        latin, east_asia = main.fonts("body")
        lang, ea_lang = main.w_lang
        _ooxml.set_doc_defaults(self.out.styles.element, latin, east_asia, body.size, lang, ea_lang)
        _ooxml.set_settings(self.out.settings.element, lang, ea_lang,
                            compress_punctuation=main.east_asian)
        # Word's built-in lists differ by version; these are the marks the layout check holds
        # every page to, with the units and currency signs Word's own lists add.
        _ooxml.set_kinsoku(self.out.settings.element, ea_lang, "".join(sorted(NO_LINE_START | set("%‰℃"))),
                           "".join(sorted(NO_LINE_END | set("$£¥"))))
        _ooxml_package.register_fonts(self.out, sorted({f for s in self.sides
                                                        for role in ("body", "heading") for f in s.fonts(role)}))
        normal = self.out.styles["Normal"]
        _ooxml.clear_style(normal)
        self._apply(normal, replace(body, first_line_indent=0, space_after=0, align="left"), main)
        for elm in (self.out.styles.element, self.out.element):
            _ooxml_package.strip_rsids(elm)

    def _define_styles(self, side: Side) -> None:
        sheet = side.sheet
        for key, st in sheet.styles.items():
            if key == "keep":
                continue
            style = self._style(side.style_name(key))
            self._apply(style, st, side)
            if key in OUTLINE_LEVELS:
                _ooxml.set_outline_level(style.element.get_or_add_pPr(), OUTLINE_LEVELS[key])
            if key in ("title", "subtitle", "heading1", "heading2"):
                style.next_paragraph_style = self._style(side.style_name("body"))
        body = sheet["body"]
        rule = self._style(side.style_name("rule"))
        self._apply(rule, replace(body, size=4, leading=1.0, space_before=0, first_line_indent=0,
                                  space_after=body.space_after + body.size / 2, align="left"), side)
        _ooxml.set_bottom_border(rule.element.get_or_add_pPr())

    def _style(self, name: str):
        """A paragraph style by name: the template's, cleared on first use, or a new one."""
        if name in self.defined:
            return self.defined[name]
        try:
            style = self.out.styles[name]
            _ooxml.clear_style(style)
        except KeyError:
            style = self.out.styles.add_style(name, WD_STYLE_TYPE.PARAGRAPH)
            style.base_style = self.out.styles["Normal"]
            style.quick_style = True
        self.defined[name] = style
        return style

    def _apply(self, style, st: styles.Style, side: Side) -> None:
        latin, east_asia = side.fonts(st.role)
        rpr = _ooxml.style_rpr(style)
        _ooxml.set_fonts(rpr, latin, east_asia, east_asian_text=side.east_asian)
        _ooxml.set_lang(rpr, *side.w_lang)
        font = style.font
        font.size, font.bold, font.italic = Pt(st.size), st.bold, st.italic
        fmt = style.paragraph_format
        fmt.alignment = ALIGN[st.align]
        fmt.space_before, fmt.space_after = Pt(st.space_before), Pt(st.space_after)
        # The leading in points, at least (as the PDF's): a multiple would be of the font's own line
        # height, which differs by font (Noto Serif CJK's is 1.45 em), and the pages with it.
        fmt.line_spacing, fmt.line_spacing_rule = Pt(st.size * st.leading), WD_LINE_SPACING.AT_LEAST
        fmt.left_indent = Pt(st.left_indent)
        fmt.first_line_indent = Pt(st.first_line_indent)
        fmt.keep_with_next = st.keep_with_next
        fmt.keep_together = st.keep_with_next  # headings are never split either
        fmt.widow_control = True
        if side.east_asian and st.first_line_indent:
            _ooxml.set_first_line_chars(style.element.get_or_add_pPr(), round(st.first_line_indent / st.size))
        linked = _ooxml.linked_style_id(style)
        if linked:
            for other in self._character_styles().get(linked, ()):
                _ooxml.copy_rpr(style, other)

    def _character_styles(self) -> dict[str, list]:
        """The template's character styles by id, read once (only paragraph styles are added)."""
        if self.character_styles is None:
            self.character_styles = {}
            for other in self.out.styles:
                if other.type == WD_STYLE_TYPE.CHARACTER:
                    self.character_styles.setdefault(other.style_id, []).append(other)
        return self.character_styles
