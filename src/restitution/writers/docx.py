"""The DOCX writer: a `Document` as a Word file a lawyer can restyle.

Every semantic style of the style sheet becomes a named paragraph style
("Title", "Heading 1", "Body Text", "Signature Block" ...), so changing the
look in Word means changing a style, not hunting direct formatting. A
bilingual document gets a second family for its other language ("Body Text
(zh)"). Runs name their fonts too (Latin and East Asian), because Word,
WPS and LibreOffice disagree on how far a style's East Asian face reaches.

Same `Document`, same bytes: core properties come from the document, and the
zip is packed with fixed timestamps (see `_ooxml.package_bytes`).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import string
import unicodedata
from copy import deepcopy
from dataclasses import dataclass, replace
from typing import BinaryIO

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH, WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Mm, Pt, Twips
from docx.text.run import Run as DocxRun

from restitution import styles
from restitution.document import (
    CONTAINER_KINDS, Block, Cell, Columns, Container, Document, Heading, Inline, LineBreak,
    ListBlock, PageBreak, Paragraph, Rule, Run, Table, block_text,
)
from restitution.errors import CaseError, Location, OutputError, TemplateError, UsageError
from restitution.writers import _ooxml

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
# traditional-character faces.
FONTS = {
    "zh-Hant": {"body": ("Times New Roman", "PMingLiU"), "heading": ("Times New Roman", "Microsoft JhengHei")},
    "default": {"body": ("Times New Roman", "SimSun"), "heading": ("Times New Roman", "SimHei")},
}
# w:lang values: Latin text is English everywhere; the East Asian language
# picks the glyph variants Word uses for CJK characters.
EAST_ASIAN_LANG = {"zh-Hant": "zh-HK"}

ALIGN = {"left": WD_ALIGN_PARAGRAPH.LEFT, "center": WD_ALIGN_PARAGRAPH.CENTER,
         "right": WD_ALIGN_PARAGRAPH.RIGHT, "justify": WD_ALIGN_PARAGRAPH.JUSTIFY}

KEPT_TOGETHER = {"signature", "keep", "address", "letterhead"}
FOOTER_SEPARATOR = "  ·  "
HEADER_FILL = "F2F2F2"
SHORT_ROW = 600  # half-em units: a dozen lines of a narrow column
NO_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)

# Characters XML 1.0 cannot carry; lxml would refuse them with a traceback.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_CJK = re.compile("[\u3000-\u303f\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uff00-\uffef]")
_LATIN = re.compile("[A-Za-z]")


def write_docx(doc: Document, stream: BinaryIO) -> None:
    """Write `doc` as a DOCX package to the binary `stream`."""
    data = _Builder(doc).build()
    try:
        stream.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write the DOCX file: {exc.strerror or exc}") from None


@dataclass(frozen=True)
class _Side:
    """One language of the document: its style sheet, fonts and style names."""

    lang: str
    sheet: styles.StyleSheet
    suffix: str  # "" for the document's main language, " (zh)" for the other
    # The firm profile's (Latin, East Asian) families; they replace the defaults for every role.
    firm: tuple[str | None, str | None] = (None, None)

    @property
    def east_asian(self) -> bool:
        return self.lang.startswith("zh")

    def fonts(self, role: str) -> tuple[str, str]:
        latin, east_asia = FONTS.get(self.lang, FONTS["default"])[role]
        return self.firm[0] or latin, self.firm[1] or east_asia

    def style_name(self, key: str) -> str:
        if key == "rule":
            return RULE_STYLE + self.suffix
        return STYLE_NAMES.get(key, key.replace("_", " ").title()) + self.suffix


@dataclass(frozen=True)
class _Ctx:
    side: _Side
    width: int  # twips available to tables
    override: str | None = None  # style of the enclosing container
    auto_side: bool = False  # bilingual, outside columns: choose the side per block


class _Sink:
    """Where blocks go: the document body or a table cell.

    A cell always holds a paragraph: a new cell starts with an empty one,
    and python-docx adds one after a nested table. The next paragraph
    written reuses it rather than leaving a blank line.
    """

    def __init__(self, parent, cell: bool = False):
        self.parent = parent
        self.cell = cell
        self.fresh = parent.paragraphs[0] if cell else None

    def paragraph(self):
        if self.fresh is not None:
            p, self.fresh = self.fresh, None
            return p
        return self.parent.add_paragraph()

    def table(self, rows: int, cols: int):
        if self.fresh is not None:
            self.fresh._p.getparent().remove(self.fresh._p)
            self.fresh = None
        table = self.parent.add_table(rows, cols)
        if self.cell:
            self.fresh = self.parent.paragraphs[-1]
        return table


# The styled base package (style sheets, defaults, font table) of each set of languages,
# saved once per process: defining the styles costs more than most bodies, and reading
# the saved package back gives the same parts as building it again. With each base, the
# style ids its paragraphs and tables take (and each type's default), found on first use.
_BASES: dict[tuple, tuple[bytes, dict]] = {}


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.out = None  # the package, read from the base in build()
        self.sides = self._sides(doc)
        self.main = next(iter(self.sides.values()))
        self.pending_break = False
        self.keep_groups: list[list] = []
        self.defined: dict[str, object] = {}
        self.style_ids: dict[str, str | None] = {}
        self.character_styles: dict[str, list] | None = None

    # ------------------------------------------------------------ setup

    @staticmethod
    def _sides(doc: Document) -> dict[str, _Side]:
        langs = [doc.lang] if doc.lang in styles.SHEETS else []
        langs += list(doc.langs)
        stack = list(doc.blocks)
        while stack:  # every language a Columns block names gets its styles
            b = stack.pop()
            if isinstance(b, Columns):
                langs += list(b.langs)
                stack += [x for left, right in b.rows for x in left + right]
            elif isinstance(b, Container):
                stack += list(b.blocks)
        unique = list(dict.fromkeys(langs)) or ["en"]
        profile = doc.profile
        firm = ((profile.latin.name if profile.latin else None, profile.cjk.name if profile.cjk else None)
                if profile is not None else (None, None))
        return {lang: _Side(lang, styles.sheet_for(lang), "" if i == 0 else f" ({lang})", firm)
                for i, lang in enumerate(unique)}

    def build(self) -> bytes:
        page = self._paper()
        key = tuple((s.lang, s.suffix, s.firm, repr(s.sheet)) for s in self.sides.values())
        base = _BASES.get(key)
        if base is None:
            self.out = docx.Document()
            _ooxml.prune_template_parts(self.out)
            for side in self.sides.values():
                self._define_styles(side)
            self._defaults()
            base = _BASES[key] = (_ooxml.package_bytes(self.out, compress=False), {})
        # Every document, the first one too, starts from the saved base: one path, same bytes.
        self.out = docx.Document(io.BytesIO(base[0]))
        self.style_ids = base[1]
        self._page(page)
        ctx = _Ctx(self.main, self.text_width, auto_side=len(self.sides) > 1)
        body = _Sink(self.out)
        for block in self.doc.blocks:
            self._block(block, body, ctx)
        self._letterhead()
        self._footer()
        self._properties()
        return _ooxml.package_bytes(self.out)

    def _paper(self) -> styles.Page:
        page = styles.PAPERS.get(self.doc.paper)
        if page is None:
            raise UsageError(f"unknown paper {self.doc.paper!r}; use one of {', '.join(styles.PAPERS)}")
        self.text_width = round((page.width - page.left - page.right) * _ooxml.TWIPS_PER_PT)
        return page

    def _page(self, page: styles.Page) -> None:
        section = self.out.sections[0]
        section.page_width, section.page_height = Pt(page.width), Pt(page.height)
        section.top_margin, section.bottom_margin = Pt(page.top), Pt(page.bottom)
        section.left_margin, section.right_margin = Pt(page.left), Pt(page.right)
        section.header_distance = section.footer_distance = Pt(page.bottom / 2)

    def _defaults(self) -> None:
        main, body = self.main, self.main.sheet["body"]
        latin, east_asia = main.fonts("body")
        ea_lang = EAST_ASIAN_LANG.get(main.lang, "zh-CN")
        _ooxml.set_doc_defaults(self.out.styles.element, latin, east_asia, body.size, "en-US", ea_lang)
        _ooxml.set_settings(self.out.settings.element, "en-US", ea_lang,
                            compress_punctuation=main.east_asian)
        _ooxml.register_fonts(self.out, sorted({f for s in self.sides.values()
                                                for role in ("body", "heading") for f in s.fonts(role)}))
        normal = self.out.styles["Normal"]
        _ooxml.clear_style(normal)
        self._apply(normal, replace(body, first_line_indent=0, space_after=0, align="left"), main)
        for elm in (self.out.styles.element, self.out.element):
            _ooxml.strip_rsids(elm)

    def _define_styles(self, side: _Side) -> None:
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

    def _style_id(self, name: str, kind=WD_STYLE_TYPE.PARAGRAPH) -> str | None:
        """What ``paragraph.style = name`` (or a table's) stores, looked up once per base
        package: python-docx scans every style of the template for the default on each assignment."""
        try:
            return self.style_ids[name]
        except KeyError:
            style = self.out.styles[name]
            if style.type != kind:
                raise ValueError(f"assigned style is type {style.type}, need type {kind}")
            default = self.style_ids.get(kind, False)  # by id: the base is read anew for each document
            if default is False:
                found = self.out.styles.default(kind)
                default = self.style_ids[kind] = None if found is None else found.style_id
            sid = self.style_ids[name] = None if style.style_id == default else style.style_id
            return sid

    def _apply(self, style, st: styles.Style, side: _Side) -> None:
        latin, east_asia = side.fonts(st.role)
        rpr = _ooxml.style_rpr(style)
        _ooxml.set_fonts(rpr, latin, east_asia, east_asian_text=side.east_asian)
        font = style.font
        font.size, font.bold, font.italic = Pt(st.size), st.bold, st.italic
        fmt = style.paragraph_format
        fmt.alignment = ALIGN[st.align]
        fmt.space_before, fmt.space_after = Pt(st.space_before), Pt(st.space_after)
        fmt.line_spacing = st.leading
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

    # ------------------------------------------------------------ blocks

    def _block(self, block: Block, sink: _Sink, ctx: _Ctx) -> None:
        if ctx.auto_side and not isinstance(block, (Columns, Container)):
            ctx = replace(ctx, side=self._side_of(block, ctx.side))
        if isinstance(block, Heading):
            p = self._paragraph(sink, ctx.side, block.style)
            self._inlines(p, block.inlines, ctx.side, "heading")
        elif isinstance(block, Paragraph):
            key = ctx.override if ctx.override and block.style == "body" else block.style
            p = self._paragraph(sink, ctx.side, key, block.align)
            self._inlines(p, block.inlines, ctx.side, ctx.side.sheet[key].role)
        elif isinstance(block, ListBlock):
            self._list(block, sink, ctx, depth=0)
        elif isinstance(block, Table):
            self._table(block, sink, ctx)
        elif isinstance(block, Container):
            self._container(block, sink, ctx)
        elif isinstance(block, Columns):
            self._columns(block, sink, ctx)
        elif isinstance(block, PageBreak):
            self.pending_break = True
        elif isinstance(block, Rule):
            self._paragraph(sink, ctx.side, "rule")
        else:
            raise TemplateError(f"the DOCX writer cannot write a {type(block).__name__} block")

    def _side_of(self, block: Block, default: _Side) -> _Side:
        """In an interleaved bilingual document, a block mostly in Chinese
        takes the Chinese style sheet, any other block the main one."""
        text = block_text(block)
        cjk, latin = len(_CJK.findall(text)), len(_LATIN.findall(text))
        if cjk and cjk * 2 >= latin:
            return next((s for s in self.sides.values() if s.east_asian), default)
        return self.main

    def _paragraph(self, sink: _Sink, side: _Side, key: str, align: str | None = None):
        if key != "rule" and key not in side.sheet.styles:
            known = ", ".join(sorted(side.sheet.styles))
            raise TemplateError(f"style {key!r} is not in the {side.lang!r} style sheet (known: {known})")
        p = sink.paragraph()
        sid = self._style_id(side.style_name(key))
        if p._p.pPr is None:  # a new paragraph: what the style setter builds, without its schema walk
            ppr = OxmlElement("w:pPr")
            if sid is not None:
                ppr.append(OxmlElement("w:pStyle", attrs={qn("w:val"): sid}))
            p._p.insert(0, ppr)
        else:
            p._p.style = sid
        if align:
            p.alignment = ALIGN[align]
        if self.pending_break:
            # A break before the next paragraph, not an empty paragraph holding
            # a break: that would leave a blank line at the top of the page.
            p.paragraph_format.page_break_before = True
            self.pending_break = False
        for group in self.keep_groups:
            group.append(p)
        return p

    def _inlines(self, p, inlines: tuple[Inline, ...], side: _Side, role: str) -> None:
        latin, east_asia = side.fonts(role)
        for inline in inlines:
            if isinstance(inline, LineBreak):
                r = p.add_run()
                r.add_break()
                look = (latin, east_asia, side.east_asian, False, False, False)
            else:
                r = p.add_run(_checked(inline))
                look = (latin, east_asia, side.east_asian, inline.bold, inline.italic, inline.untranslated)
            rpr = _RUN_PROPS.get(look)
            if rpr is None:
                rpr = _RUN_PROPS[look] = _run_properties(*look)
            r._r.insert(0, deepcopy(rpr))  # a new run's w:rPr is its first child

    # ------------------------------------------------------------ lists

    def _list(self, block: ListBlock, sink: _Sink, ctx: _Ctx, depth: int) -> None:
        side = ctx.side
        key = "note" if ctx.override == "note" else "list"
        levels = _list_levels(block, side, side.sheet[key].size)
        num_id = _ooxml.add_list_numbering(self.out.part.numbering_part.element, levels)
        level = min(depth, len(levels) - 1)
        for item in block.items:
            numbered = False
            for b in item.blocks or (Paragraph(()),):
                if isinstance(b, (Paragraph, Heading)):
                    p = self._paragraph(sink, side, key, getattr(b, "align", None))
                    if not numbered:
                        _ooxml.set_numbering(p._p.get_or_add_pPr(), num_id, level)
                        numbered = True
                    else:  # a further paragraph of the item aligns with its text
                        p.paragraph_format.left_indent = Twips(levels[level]["left"])
                        p.paragraph_format.first_line_indent = Pt(0)
                    self._inlines(p, b.inlines, side, "body")
                    continue
                if not numbered:  # an item opening with a nested list still shows its number
                    p = self._paragraph(sink, side, key)
                    _ooxml.set_numbering(p._p.get_or_add_pPr(), num_id, level)
                    numbered = True
                if isinstance(b, ListBlock):
                    self._list(b, sink, ctx, depth + 1)
                else:
                    self._block(b, sink, ctx)

    # ------------------------------------------------------------ tables

    def _table(self, block: Table, sink: _Sink, ctx: _Ctx) -> None:
        body = [list(r) for r in block.rows]
        ncols = max([len(block.header)] + [len(r) for r in body])
        if ncols == 0:
            return
        rows = ([list(block.header)] if block.header else []) + body
        rows = [r + [Cell(())] * (ncols - len(r)) for r in rows]
        table = sink.table(len(rows), ncols)
        table._tbl.tblStyle_val = self._style_id("Table Grid", WD_STYLE_TYPE.TABLE)
        _ooxml.set_table_borders(table, size_eighths=4)
        _ooxml.set_table_widths(table, _column_widths(rows, ctx.width, ctx.side.sheet["table_header"].size))
        for i, (row, cells) in enumerate(zip(table.rows, rows)):
            header = i == 0 and bool(block.header)
            if header:
                _ooxml.set_repeat_header(row)
            if header or _short_row(cells):
                # An exhibit's row reads as one entry; only a row too long
                # for a page may break across pages.
                _ooxml.set_cant_split(row)
            for cell, content in zip(row.cells, cells):
                if header:
                    _ooxml.set_cell_shading(cell, HEADER_FILL)
                cell_sink = _Sink(cell, cell=True)
                key = "table_header" if header else "table"
                p = self._paragraph(cell_sink, ctx.side, key, content.align)
                if header:
                    p.paragraph_format.keep_with_next = True  # never a header alone at a page foot
                self._inlines(p, content.inlines, ctx.side, "body")

    def _columns(self, block: Columns, sink: _Sink, ctx: _Ctx) -> None:
        if not block.rows:
            return
        table = sink.table(len(block.rows), 2)
        _ooxml.set_table_borders(table, size_eighths=0)
        gap = 144  # 0.1 in of cell margin on each side of each column
        _ooxml.set_cell_margins(table, gap, gap)
        half = ctx.width // 2
        _ooxml.set_table_widths(table, [half, ctx.width - half])
        sides = [self.sides[lang] for lang in block.langs]
        for row, pair in zip(table.rows, block.rows):
            for cell, side, blocks in zip(row.cells, sides, pair):
                cell_sink = _Sink(cell, cell=True)
                cell_ctx = _Ctx(side, half - 2 * gap, ctx.override)
                for b in blocks:
                    self._block(b, cell_sink, cell_ctx)

    # ------------------------------------------------------------ containers

    def _container(self, block: Container, sink: _Sink, ctx: _Ctx) -> None:
        if block.kind not in CONTAINER_KINDS:
            raise TemplateError(f"unknown container {block.kind!r}; known: {', '.join(CONTAINER_KINDS)}")
        inner = replace(ctx, override=ctx.override if block.kind == "keep" else block.kind)
        kept = block.kind in KEPT_TOGETHER
        if kept:
            self.keep_groups.append([])
        for b in block.blocks:
            self._block(b, sink, inner)
        if kept:
            paragraphs = self.keep_groups.pop()
            for i, p in enumerate(paragraphs):
                p.paragraph_format.keep_together = True
                if i < len(paragraphs) - 1:
                    p.paragraph_format.keep_with_next = True

    # ------------------------------------------------------------ page and package

    def _letterhead(self) -> None:
        """The firm's letterhead (firm profile) in the first page's header: the logo, each
        language's lines with the firm's name in bold, a rule under the last line."""
        profile = self.doc.profile
        if profile is None or not profile.has_letterhead:
            return
        section = self.out.sections[0]
        section.different_first_page_header_footer = True
        header = section.first_page_header
        paragraphs = []

        def paragraph(side: _Side):
            p = header.paragraphs[0] if not paragraphs else header.add_paragraph()
            p._p.style = self._style_id(side.style_name("letterhead"))
            paragraphs.append(p)
            return p

        if profile.logo is not None:
            logo = profile.logo
            height = Mm(logo.height_mm)
            width = round(height * logo.width_px / logo.height_px)
            max_width = Twips(self.text_width)
            if width > max_width:
                width, height = max_width, round(max_width * logo.height_px / logo.width_px)
            p = paragraph(self.main)
            p.paragraph_format.space_after = Pt(4)
            p.add_run().add_picture(io.BytesIO(logo.data), width=width, height=height)
        shown: list[tuple[str, ...]] = []
        for side in self.sides.values():
            lines = profile.lines(side.lang)
            if not lines or lines in shown:  # one language's lines standing in for both
                continue
            shown.append(lines)
            inlines: list[Inline] = [Run(lines[0], bold=True)]
            for line in lines[1:]:
                inlines += [LineBreak(), Run(line)]
            self._inlines(paragraph(side), tuple(inlines), side, "body")
        _ooxml.set_bottom_border(paragraphs[-1]._p.get_or_add_pPr(), size_eighths=5, space_pt=4,
                                 color="8C8C8C")
        self._footer(section.first_page_footer)

    def _footer(self, footer=None) -> None:
        footer = footer if footer is not None else self.out.sections[0].footer
        p = footer.paragraphs[0]
        p._p.style = self._style_id(self.main.style_name("footer"))
        for i, side in enumerate(self.sides.values()):
            latin, east_asia = side.fonts("body")

            def text(s: str, side=side) -> None:
                r = p.add_run(s)
                _ooxml.set_fonts(_ooxml.run_properties(r), latin, east_asia, east_asian_text=side.east_asian)

            if i:
                text(FOOTER_SEPARATOR)
            rpr = _ooxml.fonts_rpr(latin, east_asia, east_asian_text=side.east_asian)
            for literal, field, _, _ in string.Formatter().parse(side.sheet.page_label):
                if literal:
                    text(literal)
                if field:
                    _ooxml.add_field(p, {"page": "PAGE", "pages": "NUMPAGES"}[field], "1", rpr)

    def _properties(self) -> None:
        props = self.out.core_properties
        when = (dt.datetime.combine(self.doc.date, dt.time(), dt.timezone.utc)
                if self.doc.date else NO_DATE)
        props.title = _checked(Run(self.doc.title))
        props.author = props.last_modified_by = "restitution"
        props.created = props.modified = when
        props.revision = 1
        props.category = self.doc.key
        props.comments = props.subject = props.keywords = ""
        props.language = "zh-CN" if self.main.east_asian else "en-US"
        _ooxml.set_app_properties(self.out)


# ---------------------------------------------------------------- helpers


def _checked(run: Run) -> str:
    bad = _BAD_XML.search(run.text)
    if bad is None:
        return run.text
    code = f"U+{ord(bad.group()):04X}"
    message = f"the text contains the control character {code}, which a Word file cannot hold; remove it"
    if run.key:
        raise CaseError(message, Location(path=run.key))
    raise TemplateError(message)


# A run's properties by (fonts, East Asian text, bold, italic, untranslated): built once by
# python-docx, then copied into each run; building them element by element was most of a run's cost.
_RUN_PROPS: dict[tuple, object] = {}


def _run_properties(latin: str, east_asia: str, east_asian_text: bool, bold: bool, italic: bool,
                    untranslated: bool):
    r = DocxRun(OxmlElement("w:r"), None)
    if bold:
        r.bold = True
    if italic:
        r.italic = True
    if untranslated:
        r.font.highlight_color = WD_COLOR_INDEX.YELLOW
    _ooxml.set_fonts(_ooxml.run_properties(r), latin, east_asia, east_asian_text=east_asian_text)
    return r._r.rPr


def _display_width(text: str) -> int:
    """Width in half-em units: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _short_row(cells: list[Cell]) -> bool:
    return all(_display_width("".join(x.text for x in c.inlines if isinstance(x, Run))) <= SHORT_ROW
               for c in cells)


def _column_widths(rows: list[list[Cell]], total: int, size: float) -> list[int]:
    """Column widths proportional to content, but never narrower than the
    longest word, so "No.", "Pages" and dates stay on one line and the
    descriptions wrap."""
    ncols = len(rows[0])
    natural, longest = [2] * ncols, [1] * ncols
    for row in rows:
        for i, cell in enumerate(row):
            text = "".join(x.text if isinstance(x, Run) else "\n" for x in cell.inlines)
            for line in text.split("\n"):
                natural[i] = max(natural[i], min(_display_width(line), 60))
                for word in line.split():
                    longest[i] = max(longest[i], min(_display_width(word), 24))
    # 0.6 em per half-em unit plus one spare unit covers bold headers and
    # wider substitute faces; 216 twips are the cell's left and right margins.
    floor = [round((w + 1) * size * 0.6 * _ooxml.TWIPS_PER_PT) + 216 for w in longest]
    widths = [0] * ncols
    fixed: set[int] = set()
    while True:  # give narrow columns their floor, share the rest by content
        free = [i for i in range(ncols) if i not in fixed]
        room = total - sum(widths[i] for i in fixed)
        weight = sum(natural[i] for i in free)
        for i in free:
            widths[i] = room * natural[i] // weight
        short = [i for i in free if widths[i] < floor[i]]
        if not short or len(short) == len(free):
            break
        for i in short:
            widths[i] = floor[i]
            fixed.add(i)
    widths[-1] += total - sum(widths)
    return widths


_ORDERED = {
    "en": [("decimal", "%{n}."), ("lowerLetter", "(%{n})"), ("lowerRoman", "(%{n})")],
    "zh": [("decimal", "%{n}."), ("decimal", "（%{n}）"), ("decimalEnclosedCircle", "%{n}")],
}
_BULLETS = ["•", "◦", "▪"]


def _list_levels(block: ListBlock, side: _Side, size: float) -> list[dict]:
    """Nine numbering levels for one list. Each hanging indent is wide enough
    for a two-digit marker plus a gap, so "10." never pushes its text."""
    formats = _ORDERED["zh" if side.east_asian else "en"]
    step = 2 * size if side.east_asian else 18.0
    levels, left = [], 0.0
    for i in range(9):
        if block.ordered:
            fmt, pattern = formats[i % len(formats)]
            text = pattern.format(n=i + 1)
            sample = pattern.format(n="").replace("%", "") + ("10" if fmt == "decimal" else "iv")
        else:
            fmt, text = "bullet", _BULLETS[i % len(_BULLETS)]
            sample = text
        # A level's marker starts where its parent's text does.
        hanging = max(step, (_display_width(sample) / 2 + 0.6) * size)
        left += hanging
        levels.append({
            "fmt": fmt, "text": text, "start": block.start if block.ordered else 1,
            "left": round(left * _ooxml.TWIPS_PER_PT),
            "hanging": round(hanging * _ooxml.TWIPS_PER_PT),
            "font": side.fonts("body")[0],
        })
    return levels
