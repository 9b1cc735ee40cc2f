"""The PDF writer: a `Document` set with reportlab platypus.

Sizes and spacing come from the shared style sheets (styles.py), fonts from
the per-language stacks of `fonts.py`: every run is cut into spans of the
first font that has its characters, so every glyph is drawn by an embedded,
subset TrueType font and Chinese text stays searchable. Page numbers need the
page total, so a canvas collects the pages and draws header and footer when
the document is saved. Output is deterministic: reportlab's invariant mode,
a creation date taken from the document's date, no clock, no random ids.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import io
import math
import re
from functools import partial
from typing import BinaryIO

from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER, TA_JUSTIFY, TA_LEFT, TA_RIGHT
from reportlab.lib import textsplit as _rl_textsplit
from reportlab.lib.styles import ParagraphStyle
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate, Flowable, Frame, HRFlowable, Image, KeepTogether, ListFlowable, ListItem as RLListItem, PageTemplate,
    PageBreak as RLPageBreak, Paragraph as RLParagraph, Spacer, Table as RLTable, TableStyle,
)
from reportlab.platypus import paragraph as _rl_paragraph
from reportlab.platypus.doctemplate import LayoutError

from restitution.document import (
    Block, Cell, Columns, Container, Document, Heading, Inline, LineBreak, ListBlock,
    PageBreak, Paragraph, Rule, Run, Table, block_text, inline_text,
)
from restitution.errors import RestitutionError
from restitution.profile import font_families
from restitution.styles import MM, PAPERS, Style, StyleSheet, sheet_for
from restitution.writers.fonts import FontConfig, FontStack, MissingGlyphError, font_stack

_ALIGN = {"left": TA_LEFT, "center": TA_CENTER, "right": TA_RIGHT, "justify": TA_JUSTIFY}
# Han, kana, CJK punctuation and full-width forms: text that must wrap between characters.
_CJK = re.compile(r"[\u2E80-\u303F\u3040-\u30FF\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF\U00020000-\U0003FFFF]")
# Units a table column cannot be narrower than: one CJK character, or a run of other non-spaces.
_TOKEN = re.compile(_CJK.pattern + r"|[^\s" + _CJK.pattern[1:-1] + r"]+")
_PDF_LANG = {"en": "en", "zh": "zh-CN", "zh-Hant": "zh-Hant"}

# reportlab's list of characters that may not start a line is Japanese; add the Chinese
# full-width closing punctuation so a line never begins with "，" or "。」" (禁则). The CJK
# line breaker hangs such a character in the margin instead, as Chinese typesetting allows.
_NO_LINE_START = "，。、；：！？）》〉」』】〕”’…—．·％"
for _module in (_rl_paragraph, _rl_textsplit):  # the one-span and the many-span line breakers
    _module.ALL_CANNOT_START += "".join(c for c in _NO_LINE_START if c not in _module.ALL_CANNOT_START)

HIGHLIGHT = "#FFF0A0"  # untranslated text: visible on screen and on paper, still readable
GRID = colors.Color(0.55, 0.55, 0.55)
HEADER_FILL = colors.Color(0.93, 0.93, 0.93)
FURNITURE = colors.Color(0.35, 0.35, 0.35)
CELL_PAD = 4.0
COLUMN_GAP = 16.0
# Rows of a long table handed to reportlab at a time, and a height taller than any page
# (see _LongTable).
TABLE_CHUNK = 60
TALLER_THAN_A_PAGE = 2000.0


class PdfLayoutError(RestitutionError):
    """A block that cannot be placed on a page at all."""


def write_pdf(doc: Document, stream: BinaryIO, *, fonts: FontConfig | None = None) -> None:
    """Write `doc` as PDF to a binary stream."""
    name = f"“{doc.title}” ({doc.key}, {doc.lang})"
    try:
        _write(doc, stream, fonts or FontConfig())
    except MissingGlyphError as e:
        raise e.in_document(name) from None
    except LayoutError as e:
        raise PdfLayoutError(f"{name}: a block is too large to fit on one page "
                             f"(reportlab: {str(e).splitlines()[0][:120]})") from None


def _write(doc: Document, stream: BinaryIO, config: FontConfig) -> None:
    langs = doc.langs if doc.lang == "bilingual" else (doc.lang,)
    builder = _Builder(doc, config, langs)
    story = builder.letterhead() + builder.story()
    story = story or [Spacer(1, 1)]  # an empty document is still one (blank) page
    main = builder.ctx(langs[0])
    page = PAPERS[doc.paper]
    template = BaseDocTemplate(
        stream, pagesize=(page.width, page.height),
        leftMargin=page.left, rightMargin=page.right, topMargin=page.top, bottomMargin=page.bottom,
        title=doc.title, author="restitution", creator="restitution", subject=doc.key,
        invariant=1, initialFontName=main.stack.primary.face(), lang=_PDF_LANG.get(langs[0], "en"),
    )
    # A frame without reportlab's default 6 pt padding: the style sheet's margins are the margins.
    frame = Frame(page.left, page.bottom, builder.width, page.height - page.top - page.bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    template.addPageTemplates([PageTemplate("page", [frame])])
    furniture = _Furniture(doc, [builder.ctx(lang) for lang in langs], main)
    furniture.check()
    template.build(story, canvasmaker=partial(_NumberedCanvas, furniture=furniture))


# ---------------------------------------------------------------- styles and markup


class _Lang:
    """One language's style sheet and font stack, and the paragraph styles made from them."""

    def __init__(self, lang: str, config: FontConfig):
        self.lang = lang
        self.sheet: StyleSheet = sheet_for(lang)
        self.stack: FontStack = font_stack(lang, config)
        self.cjk = lang.startswith("zh")
        self._styles: dict[tuple, ParagraphStyle] = {}

    def style(self, name: str, align: str | None = None, cjk: bool = False, **changes) -> ParagraphStyle:
        key = (name, align, cjk or self.cjk, tuple(sorted(changes.items())))
        ps = self._styles.get(key)
        if ps is None:
            ps = self._styles[key] = self._make(self.sheet[name], name, align, cjk or self.cjk, changes)
        return ps

    def _make(self, s: Style, name: str, align: str | None, cjk: bool, changes: dict) -> ParagraphStyle:
        face = self.stack.primary.face(bold=s.bold)
        leading = changes.pop("leading", s.leading)
        return ParagraphStyle(
            f"{self.lang}.{name}", fontName=face, bulletFontName=face, fontSize=s.size,
            leading=s.size * leading, spaceBefore=s.space_before, spaceAfter=s.space_after,
            alignment=_ALIGN[align or s.align], firstLineIndent=s.first_line_indent,
            leftIndent=s.left_indent, keepWithNext=int(s.keep_with_next),
            # CJK wrapping breaks between Chinese characters and still between Latin words.
            wordWrap="CJK" if cjk else None, allowWidows=0, splitLongWords=1,
            textColor=colors.black, **changes,
        )

    def markup(self, inlines: tuple[Inline, ...], bold: bool = False) -> str:
        """reportlab paragraph markup of runs: literal text, one <font> span per font."""
        out = []
        for inline in inlines:
            if isinstance(inline, LineBreak):
                out.append("<br/>")
                continue
            segments = self.stack.segments(inline.text)
            if inline.untranslated and segments and len(segments[0][1]) > 1:
                # reportlab draws a paragraph of one single span by a shortcut that drops
                # the background colour: cut the first span in two to keep the highlight.
                (fam, text), rest = segments[0], segments[1:]
                segments = [(fam, text[0]), (fam, text[1:])] + rest
            spans = "".join(
                f'<font name="{fam.face(bold or inline.bold, inline.italic)}">{_escape(text)}</font>'
                for fam, text in segments
            )
            if inline.untranslated:
                spans = f'<span backColor="{HIGHLIGHT}">{spans}</span>'
            out.append(spans)
        return "".join(out)

    def paragraph(self, inlines: tuple[Inline, ...], name: str, align: str | None = None,
                  **changes) -> RLParagraph | Spacer:
        style = self.style(name, align, cjk=_has_cjk(inline_text(inlines)), **changes)
        if not any(isinstance(i, Run) and i.text.strip() for i in inlines):
            return Spacer(1, style.leading)  # an empty line kept as space, e.g. inside an address
        return _Paragraph(self.markup(inlines, bold=self.sheet[name].bold), style)

    def measure(self, inlines: tuple[Inline, ...], name: str) -> tuple[float, float]:
        """(narrowest, natural) width of text set in a style: its longest unbreakable token and line."""
        s = self.sheet[name]
        narrow = line = natural = 0.0
        for inline in inlines:
            if isinstance(inline, LineBreak):
                natural, line = max(natural, line), 0.0
                continue
            for fam, text in self.stack.segments(inline.text):
                face = fam.face(s.bold or inline.bold, inline.italic)
                line += stringWidth(text, face, s.size)
                for token in _TOKEN.findall(text):
                    narrow = max(narrow, stringWidth(token, face, s.size))
        return narrow, max(natural, line)


class _Paragraph(RLParagraph):
    """A paragraph that breaks its lines once per width. reportlab wraps the same paragraph
    again and again at the same width (table row heights, split attempts, keep-together
    measuring, drawing a cell), and line breaking is most of a PDF's cost."""

    _wrapped: tuple | None = None

    def wrap(self, availWidth, availHeight):
        w = self._wrapped
        if w is not None and w[0] == availWidth and w[1] is self.frags:
            self.width, self.height, self.blPara, self._wrapWidths = availWidth, w[2], w[3], w[4]
            return availWidth, w[2]
        result = super().wrap(availWidth, availHeight)
        # Breaking replaces the fragments by its word list, from which the next wrap would
        # start and break alike; except after cutting a long word (or hyphenating), where
        # each wrap adds empty pieces that reach the page: such a paragraph is wrapped again.
        if hasattr(self, "blPara") and not (getattr(self, "_splitLongWordCount", 0)
                                            or getattr(self, "_hyphenations", 0)):
            self._wrapped = (availWidth, self.frags, self.height, self.blPara, self._wrapWidths)
        return result


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def _has_cjk(text: str) -> bool:
    return _CJK.search(text) is not None


# ---------------------------------------------------------------- blocks


class _Builder:
    """Turns blocks into flowables, choosing each block's language in a bilingual document."""

    def __init__(self, doc: Document, config: FontConfig, langs: tuple[str, ...]):
        self.doc = doc
        self.config = config
        self.langs = langs
        self._contexts: dict[str, _Lang] = {}
        page = PAPERS[doc.paper]
        self.width = page.width - page.left - page.right
        self.height = page.height - page.top - page.bottom
        self._in_columns = False  # building the cells of bilingual columns

    def story(self) -> list:
        out: list = []
        for block in self.doc.blocks:
            out.extend(self.block(block, self._lang_of(block), self.width))
        return out

    def ctx(self, lang: str) -> _Lang:
        ctx = self._contexts.get(lang)
        if ctx is None:
            ctx = self._contexts[lang] = _Lang(lang, self._config(lang))
        return ctx

    def _config(self, lang: str) -> FontConfig:
        """The firm profile's fonts (in the language's order) before the configured ones."""
        firm = font_families(self.doc.profile, lang)
        if not firm:
            return self.config
        return dataclasses.replace(self.config, families=firm + self.config.families)

    def letterhead(self) -> list:
        """The firm's letterhead from its profile, at the top of the first page only: the
        logo, then each language's lines (the firm's name in bold), then a rule."""
        profile = self.doc.profile
        if profile is None or not profile.has_letterhead:
            return []
        flows: list = []
        if profile.logo is not None:
            logo = profile.logo
            height = logo.height_mm * MM
            width = height * logo.width_px / logo.height_px
            if width > self.width:
                width, height = self.width, self.width * logo.height_px / logo.width_px
            image = Image(io.BytesIO(logo.data), width=width, height=height)
            image.hAlign = "CENTER"
            flows += [image, Spacer(1, 4)]
        shown: list[tuple[str, ...]] = []
        for lang in self.langs:
            lines = profile.lines(lang)
            if not lines or lines in shown:  # one language's lines standing in for both
                continue
            shown.append(lines)
            inlines: list[Inline] = [Run(lines[0], bold=True)]
            for line in lines[1:]:
                inlines += [LineBreak(), Run(line)]
            flows.append(self.ctx(lang).paragraph(tuple(inlines), "letterhead"))
        flows.append(HRFlowable(width="100%", thickness=0.6, color=GRID, spaceBefore=3, spaceAfter=14))
        return [KeepTogether(flows)]

    def _lang_of(self, block: Block) -> _Lang:
        if len(self.langs) == 1:
            return self.ctx(self.langs[0])
        # Interleaved bilingual text: a block with Chinese in it is the Chinese half.
        zh = next((lang for lang in self.langs if lang.startswith("zh")), self.langs[-1])
        other = next((lang for lang in self.langs if lang != zh), self.langs[0])
        return self.ctx(zh if _has_cjk(block_text(block)) else other)

    def block(self, block: Block, ctx: _Lang, width: float, body: str = "body") -> list:
        """Flowables of one block; `body` is the style that plain paragraphs take here."""
        if isinstance(block, Heading):
            return [ctx.paragraph(block.inlines, block.style)]
        if isinstance(block, Paragraph):
            return [self.paragraph(block, ctx, body)]
        if isinstance(block, ListBlock):
            return [self.list(block, ctx, width, 0)]
        if isinstance(block, Table):
            return [self.table(block, ctx, width)]
        if isinstance(block, Container):
            return self.container(block, ctx, width)
        if isinstance(block, Columns):
            return [self.columns(block, width)]
        if isinstance(block, PageBreak):
            return [RLPageBreak()]
        if isinstance(block, Rule):
            return [HRFlowable(width="100%", thickness=0.5, color=GRID, spaceBefore=4, spaceAfter=10)]
        raise TypeError(f"unknown block {block!r}")  # pragma: no cover - the Block union is closed

    # lists: "1." then "a." / "（1）", bullets "•" then "–"
    def list(self, block: ListBlock, ctx: _Lang, width: float, depth: int) -> ListFlowable:
        style = ctx.sheet["list"]
        indent = style.size * (2.0 if ctx.cjk else 1.8)
        items = []
        for item in block.items:
            flows: list = []
            for b in item.blocks:
                if isinstance(b, ListBlock):
                    flows.append(self.list(b, ctx, width - indent, depth + 1))
                else:
                    flows.extend(self.block(b, ctx, width - indent, body="list"))
            items.append(RLListItem(flows or [Spacer(1, style.size * style.leading)]))
        if block.ordered:
            kind, fmt = ("1", "（%s）") if depth % 2 and ctx.cjk else ("a" if depth % 2 else "1", "%s.")
            last = fmt % (block.start + len(block.items) - 1)
            face = ctx.stack.primary.face()
            indent = max(indent, stringWidth(last, face, style.size) + style.size * 0.6)
            opts = dict(bulletType=kind, start=block.start, bulletFormat=fmt)
        else:
            char = "•" if depth % 2 == 0 else "–"
            face = ctx.stack.segments(char)[0][0].face()
            opts = dict(bulletType="bullet", start=char)
        return ListFlowable(items, leftIndent=indent, bulletFontName=face, bulletFontSize=style.size,
                            spaceAfter=style.space_after if depth == 0 else 0, **opts)

    def table(self, block: Table, ctx: _Lang, width: float) -> RLTable:
        ncols = max([len(block.header)] + [len(r) for r in block.rows])
        rows = [block.header] if block.header else []
        rows += list(block.rows)
        rows = [tuple(r) + (Cell(()),) * (ncols - len(r)) for r in rows]
        names = ["table_header" if block.header and i == 0 else "table" for i in range(len(rows))]
        sizes = [[ctx.measure(c.inlines, n) for c in r] for r, n in zip(rows, names)]
        if block.header:
            # A short heading such as 页码 may break between any two characters; keep up to
            # four characters' width together so a narrow column is not read top to bottom.
            keep = 4 * ctx.sheet["table_header"].size
            sizes[0] = [(max(lo, min(hi, keep)), hi) for lo, hi in sizes[0]]
        widths = _balance(sizes, width)
        data = [[ctx.paragraph(c.inlines, n, c.align) for c in r] for r, n in zip(rows, names)]
        commands = [
            ("GRID", (0, 0), (-1, -1), 0.4, GRID),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PAD), ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("TOPPADDING", (0, 0), (-1, -1), CELL_PAD * 0.75), ("BOTTOMPADDING", (0, 0), (-1, -1), CELL_PAD),
            ("FONT", (0, 0), (-1, -1), ctx.stack.primary.face(), ctx.sheet["table"].size),
        ]
        if block.header:
            commands.append(("BACKGROUND", (0, 0), (-1, 0), HEADER_FILL))
        space = ctx.sheet["body"].space_after
        # Rows stay whole unless one is too tall to be worth moving (splitInRow is a minimum height).
        make = partial(RLTable, colWidths=widths, style=TableStyle(commands), repeatRows=1 if block.header else 0,
                       splitByRow=1, splitInRow=self.height * 0.4, hAlign="LEFT",
                       spaceBefore=space / 2, spaceAfter=space * 1.5)
        if len(data) > TABLE_CHUNK and not self._in_columns:
            head = 1 if block.header else 0
            return _LongTable(make, data[:head], [(r, None) for r in data[head:]], space / 2, space * 1.5)
        return make(data)

    def container(self, block: Container, ctx: _Lang, width: float) -> list:
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

    def _in(self, block: Block, ctx: _Lang, width: float, body: str, **changes) -> list:
        if isinstance(block, Paragraph):
            return [self.paragraph(block, ctx, body, **changes)]
        return self.block(block, ctx, width, body)

    def paragraph(self, block: Paragraph, ctx: _Lang, body: str, **changes) -> RLParagraph | Spacer:
        name = body if block.style == "body" else block.style
        align = block.align
        # In a half-width column justified English leaves rivers of space: set it flush left.
        if self._in_columns and not ctx.cjk and (align or ctx.sheet[name].align) == "justify":
            align = "left"
        return ctx.paragraph(block.inlines, name, align, **changes)

    def columns(self, block: Columns, width: float) -> RLTable:
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
        return RLTable(data, colWidths=[col + COLUMN_GAP, col], style=TableStyle(commands),
                       splitByRow=1, splitInRow=lines, hAlign="LEFT")

    def _cell(self, blocks: tuple[Block, ...], ctx: _Lang, width: float) -> list:
        return [f for b in blocks if not isinstance(b, PageBreak) for f in self.block(b, ctx, width)]


class _LongTable(Flowable):
    """A table of many rows that reportlab sees a page or two of rows at a time.

    reportlab measures and copies every remaining row of a table at each page break,
    so one table of N rows costs time in N squared (10,000 exhibits: minutes). Here
    only the next rows go into a reportlab table: enough not to fit in the space left,
    split there by reportlab as before; the rows it leaves over (with the heights it
    measured, a row cut in two included) go back in front of the ones not yet handed
    over. Same column widths and style throughout, the header only at the top of
    each page: it lays out as the one long table would.
    """

    def __init__(self, make, header: list, rows: list[tuple[list, float | None]],
                 space_before: float, space_after: float):
        super().__init__()
        self.make = make  # (cell rows, rowHeights=) -> a reportlab table, header included
        self.header = header  # [] or [header row]
        self.rows = rows  # (cells, measured height or None) of the rows still to lay out
        self.hAlign = "LEFT"
        self.spaceBefore, self.spaceAfter = space_before, space_after
        self._last: tuple | None = None

    def _table(self, aw: float, ah: float):
        """The reportlab table of the next rows: more than fill `ah` (or any page: keep-together
        groups measure with an endless height), or all the rest."""
        enough = min(ah, TALLER_THAN_A_PAGE)
        if self._last is not None and self._last[0] == aw:  # wrapped, now split: the same rows
            table, n, w, h = self._last[1:]
            if h > enough or n >= len(self.rows):
                return table, n, w, h
        n = TABLE_CHUNK
        while True:
            rows = self.rows[:n]
            table = self.make(self.header + [r for r, _ in rows],
                              rowHeights=[None] * len(self.header) + [h for _, h in rows])
            table.spaceBefore = self.spaceBefore  # none after a page break, as reportlab does
            w, h = table.wrapOn(self.canv, aw, ah)
            if h > enough or n >= len(self.rows):
                break
            n *= 2
        self._last = (aw, table, n, w, h)
        return table, n, w, h

    def wrap(self, aw, ah):
        _, _, w, h = self._table(aw, ah)
        return w, h

    def split(self, aw, ah):
        table, n, _, _ = self._table(aw, ah)
        parts = table.splitOn(self.canv, aw, ah)
        if len(parts) != 2:
            return parts  # [] nothing fits here; [table] all of it does
        done, rest = parts
        heads = len(self.header)
        left = list(zip(rest._cellvalues[heads:], rest._argH[heads:])) + self.rows[n:]
        return [done, _LongTable(self.make, self.header, left, 0, self.spaceAfter)]

    def drawOn(self, canvas, x, y, _sW=0):
        self._last[1].drawOn(canvas, x, y, _sW)  # the frame wraps before it draws: all rows fit


def _balance(cells: list[list[tuple[float, float]]], width: float) -> list[float]:
    """Column widths filling `width`, shared by content like an HTML auto-layout table."""
    pad = 2 * CELL_PAD + 1
    n = len(cells[0]) if cells else 1
    # An unbreakable token wider than this is split by reportlab rather than starving other columns.
    cap = width * 0.2
    lo = [_narrowest(max((r[i][0] for r in cells), default=0), cap) + pad for i in range(n)]
    hi = [max(max((r[i][1] for r in cells), default=0) + pad, lo[i]) for i in range(n)]
    if sum(hi) <= width:
        return [h + (width - sum(hi)) * h / sum(hi) for h in hi]
    if sum(lo) >= width:
        return [w * width / sum(lo) for w in lo]
    room, want = width - sum(lo), sum(h - l for h, l in zip(hi, lo))
    return [l + room * (h - l) / want for h, l in zip(hi, lo)]


def _narrowest(token: float, cap: float) -> float:
    """A column's least width: its longest token, or for one longer than `cap` (a hash, a URL)
    the width that cuts it into equal lines, plus a character's slack for the cuts."""
    if token <= cap:
        return token
    return token / math.ceil(token / cap) + 6


# ---------------------------------------------------------------- page furniture


class _Furniture:
    """The footer page label ("Page 1 of 2", "第 1 页 共 2 页") and the header of later pages."""

    def __init__(self, doc: Document, langs: list[_Lang], main: _Lang):
        self.doc = doc
        self.page = PAPERS[doc.paper]
        self.langs = langs
        self.main = main
        self.size = main.sheet["footer"].size
        self.header_size = self.size - 1

    def label(self, page: int, pages: int) -> str:
        return " / ".join(ctx.sheet.page_footer(page, pages) for ctx in self.langs)

    def check(self) -> None:
        """Fail before layout, not while saving, when the title or case id has a glyph no font has."""
        self.main.stack.check(self.label(1, 1) + self.doc.title + (self.doc.case_id or "") + "…")

    def _draw(self, canv: Canvas, text: str, x: float, y: float, size: float, align: str) -> None:
        segs = [(fam.face(), t) for fam, t in self.main.stack.segments(text)]
        total = sum(stringWidth(t, face, size) for face, t in segs)
        x = {"left": x, "center": x - total / 2, "right": x - total}[align]
        for face, t in segs:
            canv.setFont(face, size)
            canv.drawString(x, y, t)
            x += stringWidth(t, face, size)

    def _fit(self, text: str, width: float, size: float) -> str:
        def w(s: str) -> float:
            return sum(stringWidth(t, fam.face(), size) for fam, t in self.main.stack.segments(s))
        if w(text) <= width:
            return text
        while text and w(text + "…") > width:
            text = text[:-1]
        return text.rstrip() + "…"

    def draw(self, canv: Canvas, page: int, pages: int) -> None:
        p = self.page
        canv.saveState()
        canv.setFillColor(FURNITURE)
        self._draw(canv, self.label(page, pages), p.width / 2, p.bottom * 0.45, self.size, "center")
        if page > 1:  # the first page carries the title and letterhead itself
            y = p.height - p.top * 0.55
            right = p.width - p.right
            case = self.doc.case_id or ""
            case_w = sum(stringWidth(t, f.face(), self.header_size) for f, t in self.main.stack.segments(case))
            title = self._fit(self.doc.title, right - p.left - case_w - 24, self.header_size)
            self._draw(canv, title, p.left, y, self.header_size, "left")
            if case:
                self._draw(canv, case, right, y, self.header_size, "right")
            canv.setStrokeColor(GRID)
            canv.setLineWidth(0.4)
            canv.line(p.left, y - 4, right, y - 4)
        canv.restoreState()


class _NumberedCanvas(Canvas):
    """Holds every page until the end, when the total page count is known."""

    def __init__(self, *args, furniture: _Furniture, **kwargs):
        super().__init__(*args, **kwargs)
        self._furniture = furniture
        self._saved_pages: list[dict] = []
        date = furniture.doc.date or dt.date(2000, 1, 1)
        stamp = f"D:{date.year:04d}{date.month:02d}{date.day:02d}000000+00'00'"
        self.setDateFormatter(lambda *_: stamp)

    def showPage(self) -> None:
        self._saved_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self) -> None:
        total = len(self._saved_pages)
        for state in self._saved_pages:
            self.__dict__.update(state)
            self._furniture.draw(self, self._pageNumber, total)
            super().showPage()
        super().save()
