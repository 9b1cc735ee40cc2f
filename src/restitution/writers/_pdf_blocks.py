"""Blocks of the document model turned into reportlab flowables."""
from __future__ import annotations

import dataclasses
import math

from reportlab.platypus import (
    HRFlowable, KeepTogether, ListFlowable, PageBreak as RLPageBreak,
    Paragraph as RLParagraph, Spacer, Table as RLTable, TableStyle,
)

from restitution.document import (
    Block, Columns, Container, Document, Heading, ListBlock, PageBreak, Paragraph, Rule, Table, block_text,
)
from restitution.profile import font_families
from restitution.styles import PAPERS
from restitution.writers._pdf_lists import list_flowable
from restitution.writers._pdf_page import letterhead
from restitution.writers._pdf_style import GRID, Lang, has_cjk
from restitution.writers._pdf_tables import table
from restitution.writers.fonts import FontConfig

COLUMN_GAP = 16.0


class Builder:
    """Turns blocks into flowables, choosing each block's language in a bilingual document."""

    def __init__(self, doc: Document, config: FontConfig, langs: tuple[str, ...]):
        self.doc = doc
        self.config = config
        self.langs = langs
        self._contexts: dict[str, Lang] = {}
        page = PAPERS[doc.paper]
        self.width = page.width - page.left - page.right
        self.height = page.height - page.top - page.bottom
        self._in_columns = False  # building the cells of bilingual columns

    def story(self) -> list:
        out: list = []
        for block in self.doc.blocks:
            out.extend(self.block(block, self._lang_of(block), self.width))
        return out

    def letterhead(self) -> list:
        return letterhead(self.doc.profile, self.langs, self.ctx, self.width)

    def ctx(self, lang: str) -> Lang:
        ctx = self._contexts.get(lang)
        if ctx is None:
            ctx = self._contexts[lang] = Lang(lang, self._config(lang))
        return ctx

    def _config(self, lang: str) -> FontConfig:
        """The firm profile's fonts (in the language's order) before the configured ones."""
        firm = font_families(self.doc.profile, lang)
        if not firm:
            return self.config
        return dataclasses.replace(self.config, families=firm + self.config.families)

    def _lang_of(self, block: Block) -> Lang:
        if len(self.langs) == 1:
            return self.ctx(self.langs[0])
        # Interleaved bilingual text: a block with Chinese in it is the Chinese half.
        zh = next((lang for lang in self.langs if lang.startswith("zh")), self.langs[-1])
        other = next((lang for lang in self.langs if lang != zh), self.langs[0])
        return self.ctx(zh if has_cjk(block_text(block)) else other)

    def block(self, block: Block, ctx: Lang, width: float, body: str = "body") -> list:
        """Flowables of one block; `body` is the style that plain paragraphs take here."""
        if isinstance(block, Heading):
            return [ctx.paragraph(block.inlines, block.style)]
        if isinstance(block, Paragraph):
            return [self.paragraph(block, ctx, body)]
        if isinstance(block, ListBlock):
            return [self.list(block, ctx, width, 0)]
        if isinstance(block, Table):
            return [table(block, ctx, width, self.height, chunked=not self._in_columns)]
        if isinstance(block, Container):
            return self.container(block, ctx, width)
        if isinstance(block, Columns):
            return [self.columns(block, width)]
        if isinstance(block, PageBreak):
            return [RLPageBreak()]
        if isinstance(block, Rule):
            return [HRFlowable(width="100%", thickness=0.5, color=GRID, spaceBefore=4, spaceAfter=10)]
        raise TypeError(f"unknown block {block!r}")  # pragma: no cover - the Block union is closed

    def list(self, block: ListBlock, ctx: Lang, width: float, depth: int) -> ListFlowable:
        return list_flowable(block, ctx, width, depth, self.height,
                             lambda b, w: self.block(b, ctx, w, body="list"))

    def container(self, block: Container, ctx: Lang, width: float) -> list:
        kind = block.kind
        if kind == "signature":
            # Room above the block and between its lines for a handwritten signature and seal.
            flows = [f for b in block.blocks for f in self._in(b, ctx, width, "signature", leading=2.1)]
            size = ctx.sheet["signature"].size
            return self._keep([Spacer(1, size * 1.5)] + flows)
        body = kind if kind in ("address", "right", "center", "note", "letterhead") else "body"
        flows = [f for b in block.blocks for f in self._in(b, ctx, width, body)]
        if kind == "letterhead":
            flows.append(HRFlowable(width="100%", thickness=0.6, color=GRID, spaceBefore=3, spaceAfter=14))
            return self._keep(flows)
        if kind == "keep":
            return self._keep(flows)
        return flows

    def _keep(self, flows: list) -> list:
        # reportlab cannot split a KeepTogether inside a table cell; in columns the row's
        # minimum split height keeps a short block together instead.
        return flows if self._in_columns else [KeepTogether(flows)]

    def _in(self, block: Block, ctx: Lang, width: float, body: str, **changes) -> list:
        if isinstance(block, Paragraph):
            return [self.paragraph(block, ctx, body, **changes)]
        return self.block(block, ctx, width, body)

    def paragraph(self, block: Paragraph, ctx: Lang, body: str, **changes) -> RLParagraph | Spacer:
        name = body if block.style == "body" else block.style
        align = block.align
        # In a half-width column justified English leaves rivers of space: set it flush left.
        if self._in_columns and not ctx.cjk and (align or ctx.sheet[name].align) == "justify":
            align = "left"
        return ctx.paragraph(block.inlines, name, align, **changes)

    def columns(self, block: Columns, width: float) -> _ColumnsTable:
        left, right = (self.ctx(lang) for lang in block.langs)
        col = (width - COLUMN_GAP) / 2
        self._in_columns = True
        try:
            data = [[self._cell(blocks, ctx, col) for blocks, ctx in ((row[0], left), (row[1], right))]
                    for row in block.rows]
        finally:
            self._in_columns = False
        # A cell drops its last paragraph's space after, so the rows get it back as padding.
        gap = max(ctx.sheet["body"].space_after for ctx in (left, right))
        commands = [
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
                              splitByRow=1, splitInRow=lines, hAlign="LEFT")
        table.page_height, table.line = self.height, lines / 3
        return table

    def _cell(self, blocks: tuple[Block, ...], ctx: Lang, width: float) -> list:
        return [f for b in blocks if not isinstance(b, PageBreak) for f in self.block(b, ctx, width)]


class _ColumnsTable(RLTable):
    """The bilingual columns. reportlab will not split a row where less than `splitInRow`
    would go to the next page (or a paragraph would leave a widow there), and moves the row
    on; a row taller than a page then fails the same way at the top of the next page
    ("too large to fit on one page"). There the split moves up a line at a time instead."""

    page_height = line = math.inf  # set on each table; reportlab makes the parts of a split

    def split(self, availWidth, availHeight):
        parts = super().split(availWidth, availHeight)
        if not parts and availHeight >= self.page_height - 1e-6:
            for more in range(1, 7):
                parts = super().split(availWidth, availHeight - more * self.line)
                if parts:
                    break
        for part in parts:
            part.page_height, part.line = self.page_height, self.line
        return parts
