"""Tables in the PDF: column widths shared by content, and long tables laid out in chunks."""
from __future__ import annotations

import math
from functools import partial
from typing import Any, TypeAlias, Unpack, cast

from reportlab.lib import colors
from reportlab.platypus import Flowable, Table as RLTable, TableStyle

from restitution.document import Cell, Table
from restitution.writers._pdf_style import GRID, Lang

HEADER_FILL = colors.Color(0.93, 0.93, 0.93)
CELL_PAD = 4.0
# Rows of a long table handed to reportlab at a time, and a height taller than any page
# (see LongTable).
TABLE_CHUNK = 60
TALLER_THAN_A_PAGE = 2000.0

# One TableStyle command: its name, the first and the last cell (column, row), its values.
TableCommand: TypeAlias = tuple[str, tuple[int, int], tuple[int, int], Unpack[tuple[Any, ...]]]


def split_height(points: float) -> int:
    """`points` as reportlab's `splitInRow`, a height in points. Its stubs type the
    parameter int, but reportlab only compares it with heights, which are floats."""
    return cast(int, points)


def table(block: Table, ctx: Lang, width: float, page_height: float, chunked: bool = True):
    """The flowable of a table; one of more than TABLE_CHUNK rows is laid out in chunks
    unless `chunked` is false (inside a table cell, where reportlab wants a plain table)."""
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
        sizes[0] = [(max(lo, min(hi, keep)), max(kept, min(hi, keep)), hi) for lo, kept, hi in sizes[0]]
    widths = balance(sizes, width)
    data = [[ctx.paragraph(c.inlines, n, c.align) for c in r] for r, n in zip(rows, names)]
    commands: list[TableCommand] = [
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
                   splitByRow=1, splitInRow=split_height(page_height * 0.4), hAlign="LEFT",
                   spaceBefore=space / 2, spaceAfter=space * 1.5)
    if len(data) > TABLE_CHUNK and chunked:
        head = 1 if block.header else 0
        return LongTable(make, data[:head], [(r, None) for r in data[head:]], space / 2, space * 1.5)
    return make(data)


class LongTable(Flowable):
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
        return [done, LongTable(self.make, self.header, left, 0, self.spaceAfter)]

    def drawOn(self, canvas, x, y, _sW=0):
        self._last[1].drawOn(canvas, x, y, _sW)  # the frame wraps before it draws: all rows fit


def balance(cells: list[list[tuple[float, float, float]]], width: float) -> list[float]:
    """Column widths filling `width`, shared by content like an HTML auto-layout table; each
    cell measured (narrowest, kept, natural) (`Lang.measure`). A column is as wide as its
    widest unit kept whole ("2026年7月20日") where every column can be; where not (a table of
    many columns), each gets the same part of the way from its narrowest to that."""
    pad = 2 * CELL_PAD + 1
    n = len(cells[0]) if cells else 1
    # An unbreakable token wider than this is split by reportlab rather than starving other columns.
    cap = width * 0.22
    hard = [_narrowest(max((r[i][0] for r in cells), default=0), cap) + pad for i in range(n)]
    soft = [max(_narrowest(max((r[i][1] for r in cells), default=0), cap) + pad, hard[i]) for i in range(n)]
    spare, wanted = width - sum(hard), sum(soft) - sum(hard)
    part = 1.0 if wanted <= 0 or spare >= wanted else max(0.0, spare / wanted)
    lo = [h + (s - h) * part for h, s in zip(hard, soft)]
    hi = [max(max((r[i][2] for r in cells), default=0) + pad, lo[i]) for i in range(n)]
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
