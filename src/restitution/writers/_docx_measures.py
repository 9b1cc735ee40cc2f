"""Measures of the DOCX writer: column widths of tables and the indents of list levels.

Word and LibreOffice lay out a table with fixed column widths alike, so the
writer fixes them from the text: proportional to content, never narrower than
a column's longest word or other unit no line may break inside (`_textflow.units`:
a date, an amount with its currency), or, when that cannot be had for every column, than an
equal share. Widths are counted in half-em units (a Chinese character two, a
Latin one), an estimate that needs no font metrics; the trade-off is a column a
little wider or narrower than its text needs in a proportional face.
"""
from __future__ import annotations

import unicodedata

from restitution.document import Cell, ListBlock, Run
from restitution.writers import _ooxml
from restitution.writers._docx_styles import Side
from restitution.writers._textflow import units

SHORT_ROW = 600  # half-em units: a dozen lines of a narrow column


def display_width(text: str) -> int:
    """Width in half-em units: CJK and full-width characters count two."""
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _ems(text: str) -> float:
    """Estimated width of `text` in ems as Word and LibreOffice set it: a Chinese character one,
    another 0.6 (bold Latin headers), and a quarter em where Chinese meets Latin text or digits (the space both
    add there: ``w:autoSpaceDE``/``autoSpaceDN``, on by default)."""
    wide = [unicodedata.east_asian_width(c) in "WF" for c in text]
    changes = sum(1 for a, b, x, y in zip(wide, wide[1:], text, text[1:]) if a != b and not (x + y).isspace())
    return sum(1.0 if w else 0.6 for w in wide) + 0.25 * changes


def _lines(cell: Cell) -> list[str]:
    return "".join(x.text if isinstance(x, Run) else "\n" for x in cell.inlines).split("\n")


def short_row(cells: list[Cell]) -> bool:
    return all(sum(map(display_width, _lines(c))) <= SHORT_ROW for c in cells)


def column_widths(rows: list[list[Cell]], total: int, size: float) -> list[int]:
    """Column widths proportional to content, but never narrower than the
    longest word, so "No.", "Pages" and dates stay on one line and the
    descriptions wrap."""
    ncols = len(rows[0])
    natural, longest = [2] * ncols, [0.5] * ncols  # half-em units; ems
    for row in rows:
        for i, cell in enumerate(row):
            for line in _lines(cell):
                natural[i] = max(natural[i], min(display_width(line), 60))
                # Five ems of a line are kept together ("付款方式", "C：已证实": a column one
                # character wide is read top to bottom), and what no line may break inside
                # ("2026年7月20日", "证据3").
                longest[i] = max(longest[i], min(_ems(line), 5.0))
                for a, z in units(line):
                    longest[i] = max(longest[i], min(_ems(line[a:z]), 12.0))
    # Half an em to spare covers bold headers and wider substitute faces; 216 twips are the
    # cell's margins.
    floor = [round((w + 0.5) * size * _ooxml.TWIPS_PER_PT) + 216 for w in longest]
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
    # Too narrow for every column's longest word: none is left narrower than its word's share
    # of the width (a column one character wide stacks "可/信/度" and cannot keep "：" off a
    # line's start; a date's column in a table of seven), the others giving up room in proportion.
    low = [min(floor[i], floor[i] * total // sum(floor)) for i in range(ncols)]
    raised = {i for i in range(ncols) if widths[i] < low[i]}
    if raised:
        rest = [i for i in range(ncols) if i not in raised]
        room, weight = total - sum(low[i] for i in raised), sum(widths[i] for i in rest)
        for i in range(ncols):
            widths[i] = low[i] if i in raised else room * widths[i] // weight
    widths[-1] += total - sum(widths)
    return widths


# Numbering by level: Latin-script documents letter their sub-items, Chinese ones write （1） and ①.
_ORDERED_LATIN = [("decimal", "%{n}."), ("lowerLetter", "(%{n})"), ("lowerRoman", "(%{n})")]
_ORDERED_HAN = [("decimal", "%{n}."), ("decimal", "（%{n}）"), ("decimalEnclosedCircle", "%{n}")]
_BULLETS = ["•", "◦", "▪"]


def list_levels(block: ListBlock, side: Side, size: float) -> list[dict]:
    """Nine numbering levels for one list. Each hanging indent is wide enough
    for a two-digit marker plus a gap, so "10." never pushes its text."""
    formats = _ORDERED_HAN if side.east_asian else _ORDERED_LATIN
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
        hanging = max(step, (display_width(sample) / 2 + 0.6) * size)
        left += hanging
        levels.append({
            "fmt": fmt, "text": text, "start": block.start if block.ordered else 1,
            "left": round(left * _ooxml.TWIPS_PER_PT),
            "hanging": round(hanging * _ooxml.TWIPS_PER_PT),
            "font": side.fonts("body")[0],
        })
    return levels
