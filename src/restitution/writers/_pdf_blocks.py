"""Blocks of the document model turned into reportlab flowables.

Each block is set in the style sheet and font stack of its own language
(`document.language_of`): the model says which, the writer does not guess.
"""
from __future__ import annotations

import dataclasses
import math
from typing import assert_never

from reportlab.platypus import (
    Flowable, HRFlowable, KeepTogether, ListFlowable, PageBreak as RLPageBreak,
    Paragraph as RLParagraph, Spacer, Table as RLTable, TableStyle,
)

from reportlab.platypus.flowables import _Container, _listWrapOn  # type: ignore[attr-defined]

from restitution.document import (
    Block, Columns, Container, Document, Heading, LineBreak, ListBlock, PageBreak, Paragraph, Rule, Table,
    language_of,
)
from restitution.language import Language
from restitution.styles import sheet_for
from restitution.writers._pdf_lists import list_flowable
from restitution.writers._pdf_page import letterhead
from restitution.writers._pdf_style import GRID, Lang
from restitution.writers._pdf_tables import TableCommand, split_height, table
from restitution.writers._textflow import heading_row, kept_rows, labelled
from restitution.writers.fonts import FontConfig

COLUMN_GAP = 16.0


class Builder:
    """Turns blocks into flowables, each in the style sheet and fonts of its language."""

    def __init__(self, doc: Document, config: FontConfig):
        self.doc = doc
        self.config = config
        self.langs = doc.langs
        self._contexts: dict[Language, Lang] = {}
        self.page = page = sheet_for(doc.language).page(doc.paper)
        self.width = page.width - page.left - page.right
        self.height = page.height - page.top - page.bottom
        self._in_columns = False  # building the cells of bilingual columns

    def story(self) -> list:
        out: list = []
        main = self.ctx(self.doc.language)
        for block, label in labelled(self.doc.blocks):
            flows = self.block(block, main, self.width)
            out.extend(_kept_with_next(flows) if label else flows)
        return _with_next(out, self.height)

    def letterhead(self) -> list:
        return letterhead(self.doc.profile, self.langs, self.ctx, self.width)

    def ctx(self, language: Language) -> Lang:
        ctx = self._contexts.get(language)
        if ctx is None:
            ctx = self._contexts[language] = Lang(language, self._config(language))
        return ctx

    def _config(self, language: Language) -> FontConfig:
        """The firm profile's fonts (in the language's order) before the configured ones."""
        if self.doc.profile is None:
            return self.config
        # Imported only for a firm's profile: the loader's module brings the case reader and Jinja.
        from restitution.pipeline.profile import font_families

        firm = font_families(self.doc.profile, language.code)
        if not firm:
            return self.config
        return dataclasses.replace(self.config, families=firm + self.config.families)

    def block(self, block: Block, ctx: Lang, width: float, body: str = "body") -> list:
        """Flowables of one block inside one in `ctx`'s language; `body` is the style that plain
        paragraphs take here."""
        if block.lang is not None and block.lang != ctx.language:
            ctx = self.ctx(language_of(block, ctx.language))
        match block:
            case Heading():
                return [ctx.paragraph(block.inlines, block.style)]
            case Paragraph():
                return [self.paragraph(block, ctx, body)]
            case ListBlock():
                return [self.list_block(block, ctx, width, 0)]
            case Table():
                return [table(block, ctx, width, self.height, chunked=not self._in_columns)]
            case Container():
                return self.container(block, ctx, width)
            case Columns():
                rows = kept_rows(block.rows)
                if len(rows) > 1 and heading_row(rows[-1]):
                    # A last row of headings is a table of its own, kept with what follows.
                    last = self.columns(dataclasses.replace(block, rows=rows[-1:]), width)
                    last.keepWithNext = 1
                    return [self.columns(dataclasses.replace(block, rows=rows[:-1]), width), last]
                return [self.columns(block, width)]
            case PageBreak():
                return [RLPageBreak()]
            case Rule():
                return [HRFlowable(width="100%", thickness=0.5, color=GRID, spaceBefore=4, spaceAfter=10)]
            case _:
                assert_never(block)

    def list_block(self, block: ListBlock, ctx: Lang, width: float, depth: int) -> ListFlowable:
        return list_flowable(block, ctx, width, depth, self.height,
                             lambda b, w: self.block(b, ctx, w, body="list"))

    def container(self, block: Container, ctx: Lang, width: float) -> list:
        kind = block.kind
        if kind == "signature":
            # Room above the block and above each of its lines for a handwritten signature and
            # seal; a line that wraps (a long company name) keeps the text's own leading.
            size = ctx.sheet["signature"].size
            flows = [f for b in block.blocks for f in self._in(b, ctx, width, "signature", spaceBefore=size * 1.2)]
            return self._keep([Spacer(1, size * 0.5)] + flows, whole=True)
        body = kind if kind in ("address", "right", "center", "note", "letterhead") else "body"
        flows = []
        for b, label in labelled(block.blocks):
            part = self._in(b, ctx, width, body)
            flows.extend(_kept_with_next(part) if label else part)
        if kind == "letterhead":
            flows.append(HRFlowable(width="100%", thickness=0.6, color=GRID, spaceBefore=3, spaceAfter=14))
            return self._keep(flows)
        if kind == "keep":
            return self._keep(flows)
        return flows

    def _keep(self, flows: list, whole: bool = False) -> list:
        # reportlab cannot split a KeepTogether inside a table cell; in columns the row's
        # minimum split height keeps a short block together instead, and a block that must
        # stay whole (a signature block) is one flowable that does not split.
        if self._in_columns:
            return [_Whole(flows)] if whole else flows
        return [KeepTogether(flows)]

    def _in(self, block: Block, ctx: Lang, width: float, body: str, **changes) -> list:
        if isinstance(block, Paragraph):
            return [self.paragraph(block, self.ctx(language_of(block, ctx.language)), body, **changes)]
        return self.block(block, ctx, width, body)

    def paragraph(self, block: Paragraph, ctx: Lang, body: str, **changes) -> RLParagraph | Spacer:
        name = body if block.style == "body" else block.style
        align = block.align
        # In a half-width column justified English leaves rivers of space; a block of lines
        # ended by manual breaks (a party or address block) would have each wrapped line
        # spread. Both are set flush left, as in the DOCX.
        by_hand = any(isinstance(i, LineBreak) for i in block.inlines)
        if (align or ctx.sheet[name].align) == "justify" and ((self._in_columns and not ctx.cjk) or by_hand):
            align = "left"
        if by_hand and ctx.sheet[name].first_line_indent:
            # A party block ("投诉人：…" / "国籍：…"): its lines start at one edge, not the first indented.
            changes.setdefault("firstLineIndent", 0)
        return ctx.paragraph(block.inlines, name, align, **changes)

    def columns(self, block: Columns, width: float) -> _ColumnsTable:
        left, right = (self.ctx(lang) for lang in block.langs)
        col = (width - COLUMN_GAP) / 2
        self._in_columns = True
        try:
            data = [[self._cell(blocks, ctx, col) for blocks, ctx in ((row[0], left), (row[1], right))]
                    for row in kept_rows(block.rows)]
        finally:
            self._in_columns = False
        # A cell drops its last paragraph's space after, so the rows get it back as padding.
        gap = max(ctx.sheet["body"].space_after for ctx in (left, right))
        commands: list[TableCommand] = [
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), 0), ("RIGHTPADDING", (0, 0), (-1, -1), 0),
            ("TOPPADDING", (0, 0), (-1, -1), 0), ("BOTTOMPADDING", (0, 0), (-1, -1), gap),
            ("RIGHTPADDING", (0, 0), (0, -1), COLUMN_GAP),
            ("FONT", (0, 0), (-1, -1), left.stack.primary.face(), left.sheet["body"].size),
        ]
        # Rows split across pages (at least three lines on each side of the break), so a long
        # clause pair does not leave half a page empty.
        lines = 3 * max(ctx.sheet["body"].size * ctx.sheet["body"].leading for ctx in (left, right))
        table = _ColumnsTable(data, colWidths=[col + COLUMN_GAP, col], style=TableStyle(commands),
                              splitByRow=1, splitInRow=split_height(lines), hAlign="LEFT")
        table.page_height, table.line = self.height, lines / 3
        return table

    def _cell(self, blocks: tuple[Block, ...], ctx: Lang, width: float) -> list:
        return [f for b in blocks if not isinstance(b, PageBreak) for f in self.block(b, ctx, width)]


def _kept_with_next(flows: list) -> list:
    for flow in flows:
        flow.keepWithNext = 1  # reportlab reads it from the flowable before its style
    return flows


def _with_next(flows: list, page_height: float) -> list:
    """Each run of flowables kept with the next (headings, run-in headings) grouped with the
    flowable after it (`_KeptWithNext`). reportlab's own grouping leaves out a list (its
    KeepTogether takes no container) and moves a group taller than the room left whole to the
    next page; a heading then stayed alone at the foot of the page before a list."""
    out: list = []
    run: list = []
    for flow in flows:
        if getattr(flow, "getKeepWithNext", lambda: 0)() and not isinstance(flow, (RLPageBreak, Spacer)):
            run.append(flow)
            continue
        if run:
            for kept in run:
                kept.__dict__["keepWithNext"] = 0  # grouped here, not again by reportlab
            out.append(_KeptWithNext(run, flow, page_height))
            run = []
        else:
            out.append(flow)
    return out + run


class _KeptWithNext(_Container, Flowable):
    """Headings and the flowable after them: placed together where they fit; where they do not,
    the headings with the first part of the next flowable (a few lines, a list's first items,
    a table's first rows), or all of it moved on when not even that fits. At the top of a page
    the group is handed back to reportlab as it is."""

    def __init__(self, head: list, after, page_height: float):
        super().__init__()
        self._content = head + [after]
        self.head, self.after, self.page_height = head, after, page_height

    def wrap(self, availWidth, availHeight):
        self.width, self.height = _listWrapOn(self._content, availWidth, self.canv)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        if availHeight >= self.page_height - 1e-6:
            return list(self._content)  # a fresh page: nothing is gained by moving on
        # The frame puts the headings' space after and the next one's space before between them.
        head = _listWrapOn(self.head, availWidth, self.canv)[1] + self.head[-1].getSpaceAfter()
        room = availHeight - head - self.after.getSpaceBefore() - 1.0
        parts = self.after.splitOn(self.canv, availWidth, room) if room > 0 else []  # its canvas set, as a frame sets it
        # A list splits into its items without measuring them: the first must fit whole.
        if len(parts) < 2 or parts[0].wrapOn(self.canv, availWidth, room)[1] > room:
            return []  # not even a first part fits under the headings: all to the next page
        return list(self.head) + list(parts)


class _Whole(_Container, Flowable):
    """Flowables stacked as one that never splits: a signature block inside bilingual columns.
    (reportlab's KeepInFrame would report less than its height where it does not fit.)"""

    def __init__(self, flows: list):
        super().__init__()
        self._content = flows

    def wrap(self, availWidth, availHeight):
        self.width, self.height = _listWrapOn(self._content, availWidth, self.canv)
        return self.width, self.height

    def split(self, availWidth, availHeight):
        return []


class _ColumnsTable(RLTable):
    """The bilingual columns, split inside a row so that a long clause pair does not leave
    half a page empty.

    reportlab's split inside a row can overflow the frame: it fills the top half's cells up
    to the split height without the cell's bottom padding, and a paragraph or list split
    there may come out taller than asked, while the half row keeps the height asked for;
    the excess is printed into the footer. Each split is therefore measured, its cells'
    content against the row's height, and tried again a line higher until it fits. A row
    taller than a page, which reportlab moves on and then fails on at the top of the next
    page ("too large to fit on one page"), is split the same way."""

    page_height = line = math.inf  # set on each table; reportlab makes the parts of a split

    def split(self, availWidth, availHeight):
        at_top = availHeight >= self.page_height - 1e-6
        for more in range(13):
            height = availHeight - more * self.line
            if height < self.line:
                break
            parts = super().split(availWidth, height)
            if not parts and not at_top:
                return []  # reportlab's decision: the rest goes to the next page
            if parts and not _overflows(parts[0]):
                for part in parts:
                    part.page_height, part.line = self.page_height, self.line
                return parts
        return []

    def _splitCell(self, value, style, oldHeight, newHeight, width):
        """The cell's flowables cut at the split height: those that fit with the row's padding,
        then what fits of the next once split (a list splits into its items, a paragraph
        into lines), each piece measured after the cut; headings at the end of the first part
        go to the second."""
        if not isinstance(value, (list, tuple)):
            return super()._splitCell(value, style, oldHeight, newHeight, width)
        room = newHeight - style.topPadding - style.bottomPadding
        avail = width - style.leftPadding - style.rightPadding
        canv = getattr(self, "canv", None)
        queue, first = list(value), []
        used = 0.0
        for _ in range(200):  # each round places or splits one piece; a bound against a bad split
            if not queue:
                break
            flow = queue[0]
            before = flow.getSpaceBefore() if first else 0.0
            height = flow.wrapOn(canv, avail, room)[1]
            if used + before + height <= room + 1e-6:
                first.append(queue.pop(0))
                used += before + height + flow.getSpaceAfter()
                continue
            left = room - used - before
            parts = flow.splitOn(canv, avail, left) if left > 0 else []  # a table needs its canvas to split
            if not parts or (len(parts) == 1 and parts[0] is flow):
                break  # cannot be cut there (a list of one item unwraps to its item: go on)
            queue[0:1] = parts
        # A heading does not end the first part: it goes down with its text.
        while first and queue and first[-1].getKeepWithNext():
            queue.insert(0, first.pop())
        # Nothing of the cell fits: the split fails, as reportlab's does for a top-aligned cell.
        return (tuple(first), tuple(queue)) if first or not queue else []


def _overflows(table: RLTable) -> bool:
    """Does a cell's content need more height than its row was given?"""
    geom = table._listCellGeom  # type: ignore[attr-defined]
    widths = table._colWidths  # type: ignore[attr-defined]
    for r, row in enumerate(table._cellvalues):  # type: ignore[attr-defined]
        for c, value in enumerate(row):
            if not isinstance(value, (list, tuple)):
                continue
            style = table._cellStyles[r][c]  # type: ignore[attr-defined]
            need = geom(value, widths[c], style)[1] + style.topPadding + style.bottomPadding
            if need > table._rowHeights[r] + 0.5:  # type: ignore[attr-defined]
                return True
    return False
