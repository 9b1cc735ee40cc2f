"""Blocks of a `Document` as Word paragraphs, runs, lists and tables.

Paragraphs take the named style of their semantic style (`_docx_styles`);
runs name their fonts too (Latin and East Asian), because Word, WPS and
LibreOffice disagree on how far a style's East Asian face reaches. Lists get
numbering definitions of their own, tables fixed column widths, and
side-by-side bilingual columns a borderless two-column table. Each block takes
the side (style family, fonts, ``w:lang``) of its own language
(`document.language_of`); the writer never guesses it from the characters.

Line breaking is the word processor's; the writer gives it what it needs to
follow the rules of `_textflow`: a break opportunity (U+200B) at the Chicago
points of an e-mail address or URL estimated longer than its line, which
LibreOffice otherwise cuts anywhere ("lily.brightway@163.exam" / "ple"), a word
joiner (U+2060) after an address's hyphens, after which it would break
("qiantang-" / "law.example"), and a title estimated between one and two lines
broken by hand into two of similar length (a manual break in a centred
paragraph, which neither application stretches). The trade-off of both
characters: they are invisible and take no room, but they are characters:
copying such an address out of the document copies them too, and a mail
client may refuse the pasted address. U+200B therefore goes only into
addresses too long for their line (mostly in narrow table cells and bilingual
columns), U+2060 only into addresses with a hyphen. Word's soft hyphen would
show a hyphen, which reads as part of the address, and its "no-width optional
break" (U+200C) is not a break opportunity to LibreOffice.

Chinese line breaking: the settings carry the lists of marks no line may start
or end with, for the document's Chinese (``w:noLineBreaksBefore/After``), and
paragraphs have ``w:kinsoku`` on; Word and LibreOffice then keep those marks
off line starts and ends between Chinese characters. ECMA-376 (Part 1,
17.15.1.59-60) applies those lists only to text flagged in their language, so
where Chinese meets Latin text the break falls under the Latin text's rules
(English), in Word by the standard and in LibreOffice as measured. What the
writer can still do: a word of Latin text estimated wider than its line (a
rule's key in a narrow table cell, "（police.statement_in_person）") gets a
break opportunity before each ".", "_" and "/" (`_textflow.breakable_words`);
without one LibreOffice ends the line after "（" and cuts the word anywhere,
with them it keeps the bracket with the word's first part. The cost is that of the address
hints: the key copied out of the document carries U+200B. Not in a table inside bilingual
columns: its cells hold about five characters, and every hint tried in them (these, or word
joiners) made LibreOffice 7.4's layout of the bilingual case plan loop for minutes, where the
plain text converts in seconds. What does not work, as measured over the examples' DOCX files:
a word joiner (U+2060) between a mark and the Latin text next to it changed no line break and
hung LibreOffice on one case plan; U+FEFF and a zero-width joiner did no better; marking the
Latin text Chinese makes LibreOffice cut Latin words anywhere ("Guangz" / "hou"). What remains
is a mark next to Latin text across a break: a closing mark after a Latin word ("Example Card
Services plc" / "，通过其…") or an opening mark before one ("…居住地（" /
"proceedings…"), breaks between English and Chinese text that nothing in a DOCX moves.

Headings kept with what follows: a heading paragraph carries the style's
keep-with-next, which both applications honour between paragraphs; in
bilingual columns a row of headings joins the row after it (`kept_rows`), and
LibreOffice moves the joined row to the next page whole. A last row of
headings, followed by a table at the full width (an exhibit list, the
payments), is the case LibreOffice got wrong: it reads tables with nothing
between them as one table, and does not always keep the last row of a table
with what follows (at some of the heights the writer's test sweeps), so the
heading row ended a page whose next began with the table. The row is
therefore a table of its own, every paragraph in it kept with the next
(ECMA-376 w:keepNext; Word keeps a row whose paragraphs all are with what
follows it, and LibreOffice keeps such a one-row table with the next block),
with a paragraph one point high, kept with the next too, between it and the
tables around it (`_apart`). Its row does not carry w:cantSplit: LibreOffice
reads a table whose every row may not split as a table that may not split, and
then lets the heading stay at the page's foot (measured); the headings' own
keep-lines-together keeps a wrapped heading whole. The trade-off: a point of
extra space on each side of the heading row, and an empty paragraph in the file
that a lawyer editing it may delete (the heading row then joins the table above
it again).
"""
from __future__ import annotations

import re
from copy import deepcopy
from dataclasses import replace
from typing import assert_never

from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_COLOR_INDEX
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt, Twips
from docx.text.run import Run as DocxRun

from restitution.document import (
    CONTAINER_KINDS, Block, Cell, Columns, Container, Heading, Inline, LineBreak, ListBlock,
    PageBreak, Paragraph, Rule, Run, Table, language_of,
)
from restitution.errors import CaseError, Location, TemplateError
from restitution.language import Language
from restitution.records import record
from restitution.writers import _ooxml
from restitution.writers._docx_measures import column_widths, list_levels, short_row
from restitution.writers._docx_styles import ALIGN, Side, StyleIds
from restitution.writers._textflow import (
    balanced_break, breakable_addresses, breakable_numbers, breakable_words, heading_row, kept_rows, labelled,
)

KEPT_TOGETHER = {"signature", "keep", "address", "letterhead"}
HEADER_FILL = "F2F2F2"

# Characters XML 1.0 cannot carry; lxml would refuse them with a traceback.
_BAD_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


@record
class Ctx:
    side: Side  # the language of the enclosing block (or of the document)
    width: int  # twips available to tables
    override: str | None = None  # style of the enclosing container
    column: bool = False  # inside bilingual columns


class Sink:
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


class BlockWriter:
    """Writes blocks into one python-docx document, keeping what spans blocks:
    a pending page break and the paragraphs of open kept-together containers."""

    def __init__(self, out, sides: dict[Language, Side], style_ids: StyleIds):
        self.out = out
        self.sides = sides
        self.main = next(iter(sides.values()))
        self.style_ids = style_ids
        self.pending_break = False
        self.keep_groups: list[list] = []
        self.last = None  # the last paragraph written

    def blocks(self, blocks: tuple[Block, ...], sink: Sink, ctx: Ctx) -> None:
        """Blocks in order; a run-in heading ("**Notes**") is kept with the block after it."""
        for block, label in labelled(blocks):
            self.block(block, sink, ctx)
            if label and self.last is not None:
                self.last.paragraph_format.keep_with_next = True

    def block(self, block: Block, sink: Sink, ctx: Ctx) -> None:
        if block.lang is not None and block.lang != ctx.side.lang:
            ctx = replace(ctx, side=self.sides[block.lang])
        match block:
            case Heading():
                p = self.paragraph(sink, ctx.side, block.style)
                inlines = block.inlines
                if block.style == "title":
                    inlines = _balanced(inlines, ctx.width / _ooxml.TWIPS_PER_PT / ctx.side.sheet["title"].size)
                self.inlines(p, inlines, ctx.side, "heading", ctx.width)
            case Paragraph():
                key = ctx.override if ctx.override and block.style == "body" else block.style
                p = self.paragraph(sink, ctx.side, key, _align(block, ctx, key))
                if any(isinstance(i, LineBreak) for i in block.inlines):  # a party block: one left edge
                    _ooxml.set_no_first_line_indent(p._p.get_or_add_pPr())
                self.inlines(p, block.inlines, ctx.side, ctx.side.sheet[key].role, ctx.width)
            case ListBlock():
                self._list(block, sink, ctx, depth=0)
            case Table():
                self._table(block, sink, ctx)
            case Container():
                self._container(block, sink, ctx)
            case Columns():
                self._columns(block, sink, ctx)
            case PageBreak():
                self.pending_break = True
            case Rule():
                self.paragraph(sink, ctx.side, "rule")
            case _:
                assert_never(block)

    def paragraph(self, sink: Sink, side: Side, key: str, align: str | None = None):
        if key != "rule" and key not in side.sheet.styles:
            known = ", ".join(sorted(side.sheet.styles))
            raise TemplateError(f"style {key!r} is not in the {side.lang!r} style sheet (known: {known})")
        p = sink.paragraph()
        sid = self.style_ids.get(side.style_name(key))
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
        self.last = p
        return p

    def inlines(self, p, inlines: tuple[Inline, ...], side: Side, role: str, room: int | None = None,
                narrow: bool = False) -> None:
        """Runs of `inlines` in `p`; `room`: the line's width in twips, against which e-mail
        addresses and URLs are measured (`_textflow.breakable_addresses`), and long numbers and
        other words of Latin text unless `narrow` (a table's cell inside bilingual columns)."""
        latin, east_asia = side.fonts(role)
        # Measured in the body's size, the largest a long address is set in.
        room_ems = None if room is None else room / _ooxml.TWIPS_PER_PT / side.sheet["body"].size
        for inline in inlines:
            if isinstance(inline, LineBreak):
                r = p.add_run()
                r.add_break()
                rpr = run_rpr(latin, east_asia, side.east_asian)
            else:
                text = checked(inline)
                if room_ems is not None:
                    if not narrow:  # hints in a table inside bilingual columns made LibreOffice loop
                        text = breakable_numbers(breakable_words(text, room_ems), room_ems)
                    text = breakable_addresses(text, room_ems)
                r = p.add_run(text)
                rpr = run_rpr(latin, east_asia, side.east_asian, inline.bold, inline.italic,
                              inline.untranslated)
            r._r.insert(0, deepcopy(rpr))  # a new run's w:rPr is its first child

    # ------------------------------------------------------------ lists

    def _list(self, block: ListBlock, sink: Sink, ctx: Ctx, depth: int) -> None:
        side = ctx.side
        key = "note" if ctx.override == "note" else "list"
        levels = list_levels(block, side, side.sheet[key].size)
        num_id = _ooxml.add_list_numbering(self.out.part.numbering_part.element, levels)
        level = min(depth, len(levels) - 1)
        for item in block.items:
            numbered = False
            for b in item.blocks or (Paragraph(()),):
                if isinstance(b, (Paragraph, Heading)):
                    own = self.sides[language_of(b, side.lang)]
                    align = (_align(b, replace(ctx, side=own), key) if isinstance(b, Paragraph)
                             else getattr(b, "align", None))
                    p = self.paragraph(sink, own, key, align)
                    if not numbered:
                        _ooxml.set_numbering(p._p.get_or_add_pPr(), num_id, level)
                        numbered = True
                    else:  # a further paragraph of the item aligns with its text
                        p.paragraph_format.left_indent = Twips(levels[level]["left"])
                        p.paragraph_format.first_line_indent = Pt(0)
                    self.inlines(p, b.inlines, own, "body", ctx.width - levels[level]["left"])
                    continue
                if not numbered:  # an item opening with a nested list still shows its number
                    p = self.paragraph(sink, side, key)
                    _ooxml.set_numbering(p._p.get_or_add_pPr(), num_id, level)
                    numbered = True
                if isinstance(b, ListBlock):
                    self._list(b, sink, ctx, depth + 1)
                else:
                    self.block(b, sink, ctx)

    # ------------------------------------------------------------ tables

    def _table(self, block: Table, sink: Sink, ctx: Ctx) -> None:
        body = [list(r) for r in block.rows]
        ncols = max([len(block.header)] + [len(r) for r in body])
        if ncols == 0:
            return
        rows = ([list(block.header)] if block.header else []) + body
        rows = [r + [Cell(())] * (ncols - len(r)) for r in rows]
        # A table right after a table (a bilingual document's English table, then its Chinese one)
        # would be read as one with it: its header row then neither shaded nor repeated.
        self._apart(sink)
        table = sink.table(len(rows), ncols)
        table._tbl.tblStyle_val = self.style_ids.get("Table Grid", WD_STYLE_TYPE.TABLE)
        _ooxml.set_table_borders(table, size_eighths=4)
        widths = column_widths(rows, ctx.width, ctx.side.sheet["table_header"].size)
        _ooxml.set_table_widths(table, widths)
        for i, (row, cells) in enumerate(zip(table.rows, rows)):
            header = i == 0 and bool(block.header)
            if header:
                _ooxml.set_repeat_header(row)
            if (header or short_row(cells)) and not ctx.column:
                # An exhibit's row reads as one entry; only a row too long
                # for a page may break across pages. Not in bilingual columns: there the
                # outer row splits across pages, and an inner row that may not split is
                # printed past the page's foot (LibreOffice) instead.
                _ooxml.set_cant_split(row)
            for cell, content, width in zip(row.cells, cells, widths):
                if header:
                    _ooxml.set_cell_shading(cell, HEADER_FILL)
                cell_sink = Sink(cell, cell=True)
                key = "table_header" if header else "table"
                p = self.paragraph(cell_sink, ctx.side, key, content.align)
                if header:
                    p.paragraph_format.keep_with_next = True  # never a header alone at a page foot
                self.inlines(p, content.inlines, ctx.side, "body", width - 216, ctx.column)  # less the cell's margins

    def _columns(self, block: Columns, sink: Sink, ctx: Ctx) -> None:
        # A row of headings joins the row after it, as in the PDF (`kept_rows`): LibreOffice
        # does not keep one row with the next, and moves a joined row of headings and tables
        # or text whole. A last row of headings (what follows is outside the columns: a table at the
        # full width) is a table of its own, kept with the next block (module docstring).
        rows = kept_rows(block.rows)
        if not rows:
            return
        if not heading_row(rows[-1]):
            self._column_table(rows, block, sink, ctx)
            return
        if len(rows) > 1:
            self._column_table(rows[:-1], block, sink, ctx)
        self._apart(sink)
        heading = self._column_table(rows[-1:], block, sink, ctx).rows[0]
        for cell in heading.cells:
            for p in cell.paragraphs:
                p.paragraph_format.keep_with_next = True
        self._apart(sink, always=True)

    def _column_table(self, rows, block: Columns, sink: Sink, ctx: Ctx):
        """`rows` of `block` as a borderless two-column table."""
        table = sink.table(len(rows), 2)
        _ooxml.set_table_borders(table, size_eighths=0)
        gap = 144  # 0.1 in of cell margin on each side of each column
        _ooxml.set_cell_margins(table, gap, gap)
        half = ctx.width // 2
        _ooxml.set_table_widths(table, [half, ctx.width - half])
        sides = [self.sides[lang] for lang in block.langs]  # every Columns language has a side
        for row, pair in zip(table.rows, rows):
            if any(isinstance(b, Container) and b.kind in KEPT_TOGETHER for b in pair[0] + pair[1]):
                _ooxml.set_cant_split(row)  # a signature block: LibreOffice keeps nothing together in a cell
            for cell, side, blocks in zip(row.cells, sides, pair):
                cell_sink = Sink(cell, cell=True)
                cell_ctx = Ctx(side, half - 2 * gap, ctx.override, column=True)
                self.blocks(blocks, cell_sink, cell_ctx)
        return table

    def _apart(self, sink: Sink, always: bool = False) -> None:
        """A paragraph a point high, kept with the next block, after a table that must stay a
        table of its own (`always`), or before one when a table precedes it (both applications
        join adjacent tables into one, whose rows are not kept with each other) or a page break
        is pending."""
        if not (always or self.pending_break or _ooxml.ends_with_table(sink.parent)):
            return
        p = sink.paragraph()
        _ooxml.set_hairline(p._p.get_or_add_pPr())
        if self.pending_break:  # a table cannot carry a page break; the hairline before it can
            p.paragraph_format.page_break_before = True
            self.pending_break = False

    # ------------------------------------------------------------ containers

    def _container(self, block: Container, sink: Sink, ctx: Ctx) -> None:
        if block.kind not in CONTAINER_KINDS:
            raise TemplateError(f"unknown container {block.kind!r}; known: {', '.join(CONTAINER_KINDS)}")
        inner = replace(ctx, override=ctx.override if block.kind == "keep" else block.kind)
        kept = block.kind in KEPT_TOGETHER
        if kept:
            self.keep_groups.append([])
        self.blocks(block.blocks, sink, inner)
        if kept:
            paragraphs = self.keep_groups.pop()
            for i, p in enumerate(paragraphs):
                p.paragraph_format.keep_together = True
                if i < len(paragraphs) - 1:
                    p.paragraph_format.keep_with_next = True


# ---------------------------------------------------------------- runs


def checked(run: Run) -> str:
    """The run's text, or an error naming the character XML cannot hold (and its case key)."""
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


def run_rpr(latin: str, east_asia: str, east_asian_text: bool, bold: bool = False,
            italic: bool = False, untranslated: bool = False):
    """The shared ``w:rPr`` of runs with this look; copy it into a run, never move it."""
    look = (latin, east_asia, east_asian_text, bold, italic, untranslated)
    rpr = _RUN_PROPS.get(look)
    if rpr is None:
        # A detached run, only to build properties. python-docx types its element as a
        # CT_R (which OxmlElement("w:r") makes, typed as any element) and requires a
        # parent (asked only for a part, which building properties never does).
        r = DocxRun(OxmlElement("w:r"), None)  # type: ignore[arg-type]
        if bold:
            r.bold = True
        if italic:
            r.italic = True
        if untranslated:
            r.font.highlight_color = WD_COLOR_INDEX.YELLOW
        _ooxml.set_fonts(_ooxml.run_properties(r), latin, east_asia, east_asian_text=east_asian_text)
        rpr = _RUN_PROPS[look] = r._r.rPr
    return rpr


def _balanced(inlines: tuple[Inline, ...], line_ems: float) -> tuple[Inline, ...]:
    """A title of one run estimated between one and two lines wide, broken by hand into two
    lines of similar length at a place the rules allow (`_textflow.balanced_break`): Word and
    LibreOffice fill the first line and leave a character or two alone on the second."""
    if len(inlines) != 1 or not isinstance(inlines[0], Run):
        return inlines
    run = inlines[0]
    at = balanced_break(run.text, line_ems)
    if at is None:
        return inlines
    return (replace(run, text=run.text[:at].rstrip()), LineBreak(), replace(run, text=run.text[at:].lstrip()))


def _align(block: Paragraph, ctx: Ctx, key: str) -> str | None:
    """The paragraph's alignment where its style's would stretch lines. Word and LibreOffice
    spread every line of a justified paragraph that wraps, so a party or address block
    (lines ended by manual breaks, each wrapping only when too long: "注 册 号 码 ：")
    is set flush left, as is text in a half-width column."""
    style = ctx.side.sheet.styles.get(key)  # an unknown style is refused by `paragraph`
    if block.align or style is None or style.align != "justify":
        return block.align
    if any(isinstance(i, LineBreak) for i in block.inlines):
        return "left"
    if ctx.column:
        # Half a page is too narrow to justify: English leaves rivers, and Chinese holding a
        # code, an account or an e-mail address that wraps whole spreads the line before it.
        return "left"
    return None
