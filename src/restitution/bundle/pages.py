"""The pages the bundle draws itself: stamps and cover sheets.

A stamp sits in the band at the bottom of a page (see `exhibits.geometry`):
the exhibit and its page on the left, the Bates number on the right, shrunk
to fit on a narrow page. A cover sheet introduces each exhibit in English
and Chinese. (An image exhibit's own page is made in `exhibits.images`.)
"""
from __future__ import annotations

import io
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Iterator

from restitution.bundle import fonts
from restitution.exhibits.geometry import BAND, GAP, MARGIN, MM, PAGE_H, PAGE_W, STAMP_INSET, STAMP_SIZE
from restitution.case.model import Case, Exhibit
from restitution.exhibits import KIND_LABELS, ExhibitInfo, ExhibitError, location
from restitution.language import get as get_language

MIN_STAMP_SIZE = 4.0


@dataclass(frozen=True)
class Stamp:
    bates: str  # "NW-2026-0042-000123"
    label: str  # "Exhibit 3 p. 2 / 证据3 第2页"


def exhibit_label(number: int, page: int | None) -> str:
    if page is None:
        return f"Exhibit {number} cover / 证据{number} 封面"
    return f"Exhibit {number} p. {page} / 证据{number} 第{page}页"


def index_label(page: int) -> str:
    return f"Evidence index p. {page} / 证据目录 第{page}页"


def draw_stamp(canvas, width: float, stamp: Stamp, band: float = BAND) -> None:
    """Draw a stamp in the band [0, band] of a page `width` wide."""
    size = min(STAMP_SIZE, band * 0.5)
    inset = min(STAMP_INSET, width * 0.04)
    left = fonts.width(stamp.label, size)
    right = fonts.width(stamp.bates, size, bold=True)
    room = width - 2 * inset - size * 2  # at least two ems between the two texts
    if left + right > room:
        size = max(MIN_STAMP_SIZE, size * room / (left + right))
    y = band / 2 - size * 0.35
    canvas.saveState()
    canvas.setFillColorRGB(0, 0, 0)
    fonts.draw(canvas, inset, y, stamp.label, size)
    fonts.draw(canvas, width - inset, y, stamp.bates, size, bold=True, align="right")
    canvas.restoreState()


# ---------------------------------------------------------------- cover sheet


def _pages_text(first: int, last: int, pages: int) -> tuple[str, str]:
    en = f"{first}–{last} (this cover and {pages} page{'s' if pages != 1 else ''})"
    zh = f"第{first}–{last}页（本封面及{pages}页）"
    return en, zh


def _rows(case: Case, exhibit: Exhibit, info: ExhibitInfo, first: int, last: int) -> list[tuple[str, str, list[tuple[str, str]]]]:
    """(label, label_zh, [(text, lang), ...]) per row of the cover's table."""
    kind_en, kind_zh = KIND_LABELS.get(exhibit.kind, (exhibit.kind, exhibit.kind))
    rows = [("Kind", "类别", [(kind_en, "en"), (kind_zh, "zh")])]
    if exhibit.date:
        rows.append(("Date", "日期", [(exhibit.date.isoformat(), "en")]))
    if exhibit.source or exhibit.source_zh:
        rows.append(("Source", "来源", [(t, lang) for t, lang in ((exhibit.source, "en"), (exhibit.source_zh, "zh")) if t]))
    if exhibit.purpose or exhibit.purpose_zh:
        rows.append(("Offered to prove", "证明目的",
                     [(t, lang) for t, lang in ((exhibit.purpose, "en"), (exhibit.purpose_zh, "zh")) if t]))
    rows.append(("Original or copy", "原件或复印件",
                 [("Original held / 原件", "en")] if exhibit.original else [("Copy / 复印件", "en")]))
    en, zh = _pages_text(first, last, info.pages)
    rows.append(("Pages in this bundle", "本册页码", [(en, "en"), (zh, "zh")]))
    rows.append(("File", "文件", [(info.file, "en")]))
    rows.append(("SHA-256 fingerprint", "SHA-256 校验值", [(info.sha256, "hash")]))
    return rows


def _cover_flowables(case: Case, exhibit: Exhibit, info: ExhibitInfo, first: int, last: int, scale: float):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    def style(size: float, lang: str, align: int = 0) -> ParagraphStyle:
        return ParagraphStyle(f"c{size}{lang}{align}", fontName=fonts.stack(lang).primary.face(),
                              fontSize=size * scale, leading=size * scale * 1.35, alignment=align,
                              wordWrap="CJK" if get_language(lang).chinese else None)

    def para(text: str, size: float, lang: str, bold: bool = False, align: int = 0) -> Paragraph:
        return Paragraph(fonts.markup(text, lang, bold), style(size, lang, align))

    head = [para(f"Exhibit {exhibit.number}", 26, "en", True, 1), para(f"证据{exhibit.number}", 26, "zh", True, 1)]
    titles = [para(exhibit.title, 15, "en", True, 1)]
    if exhibit.title_zh:
        titles.append(para(exhibit.title_zh, 15, "zh", True, 1))
    data = []
    for label, label_zh, values in _rows(case, exhibit, info, first, last):
        cell_label = [para(label, 9.5, "en", True), para(label_zh, 9.5, "zh", True)]
        # The 64-digit fingerprint is set smaller so that it stays on one line.
        data.append([cell_label, [para(text, 8.5, "en") if lang == "hash" else para(text, 10.5, lang)
                                  for text, lang in values]])
    label_w = 42 * MM
    table = Table(data, colWidths=[label_w, PAGE_W - 2 * MARGIN - label_w])
    table.setStyle(TableStyle([
        ("VALIGN", (0, 0), (-1, -1), "TOP"),
        ("LINEBELOW", (0, 0), (-1, -1), 0.4, colors.grey),
        ("LINEABOVE", (0, 0), (-1, 0), 0.8, colors.black),
        ("TOPPADDING", (0, 0), (-1, -1), 5 * scale),
        ("BOTTOMPADDING", (0, 0), (-1, -1), 5 * scale),
    ]))
    return head, titles, table


def draw_cover(canvas, case: Case, exhibit: Exhibit, info: ExhibitInfo, first: int, last: int) -> None:
    """Draw the cover sheet of an exhibit on the current page (the stamp is drawn by the caller)."""
    width = PAGE_W - 2 * MARGIN
    room = PAGE_H - MARGIN - (BAND + GAP)
    # A long purpose or title shrinks the type rather than spilling onto a second cover page.
    for scale in (1.0, 0.9, 0.8, 0.7, 0.6):
        head, titles, table = _cover_flowables(case, exhibit, info, first, last, scale)
        heights = [f.wrap(width, room)[1] for f in head + titles] + [table.wrap(width, room)[1]]
        total = sum(heights) + 18 * MM * scale
        if total <= room:
            break
    else:
        raise ExhibitError(f"exhibit {exhibit.number}: the title, source and purpose are too long for the "
                           "cover sheet; shorten them", location(case, exhibit, "purpose"))
    y = PAGE_H - MARGIN - 10 * MM * scale
    for f, h in zip(head + titles, heights):
        y -= h
        f.drawOn(canvas, MARGIN, y)
        if f is head[-1]:
            y -= 8 * MM * scale
    table.drawOn(canvas, MARGIN, y - heights[-1] - 6 * MM * scale)
