"""The pages the bundle draws itself: stamps and cover sheets.

A stamp sits in the band at the bottom of a page (see `exhibits.geometry`):
the exhibit and its page on the left, the Bates number on the right, shrunk
to fit on a narrow page. A cover sheet introduces each exhibit in English
and Chinese. (An image exhibit's own page is made in `exhibits.images`.)
"""
from __future__ import annotations

from typing import Literal

from restitution.bundle import fonts
from restitution.exhibits.geometry import BAND, GAP, MARGIN, MM, PAGE_H, PAGE_W, STAMP_INSET, STAMP_SIZE
from restitution.case.model import Case, Exhibit
from restitution.exhibits import ExhibitInfo, ExhibitError, location
from restitution.documents.evidence_index import kind_names
from restitution.exhibits.wording import bilingual
from restitution.language import get as get_language
from restitution.records import record

MIN_STAMP_SIZE = 4.0
Align = Literal[0, 1, 2, 4]  # reportlab's left, centre, right, justify


@record
class Stamp:
    bates: str  # "NW-2026-0042-000123"
    label: str  # "Exhibit 3 p. 2 / 证据3 第2页" (bundle.stamp.* in both languages)


def exhibit_label(number: int, page: int | None) -> str:
    if page is None:
        return bilingual().pair("bundle.stamp.cover", number=number)
    return bilingual().pair("bundle.stamp.page", number=number, page=page)


def index_label(page: int) -> str:
    return bilingual().pair("bundle.stamp.index", page=page)


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
    words = bilingual()
    key = "bundle.cover.page_range" if pages != 1 else "bundle.cover.page_range_one"
    return words.en(key, first=first, last=last, pages=pages), words.zh(key, first=first, last=last, pages=pages)


Row = tuple[str, str, list[tuple[str, str]]]


def _rows(case: Case, exhibit: Exhibit, info: ExhibitInfo, first: int, last: int) -> list[Row]:
    """(label, label_zh, [(text, lang), ...]) per row of the cover's table."""
    words = bilingual()

    def row(name: str, values: list[tuple[str, str]]) -> Row:
        key = f"bundle.cover.{name}"
        return words.en(key), words.zh(key), values

    kind_en, kind_zh = kind_names(words.en, exhibit.kind, case.supplier.region)
    rows = [row("kind", [(kind_en, "en"), (kind_zh, "zh")])]
    if exhibit.date:
        rows.append(row("date", [(exhibit.date.isoformat(), "en")]))
    if exhibit.source or exhibit.source_zh:
        rows.append(row("source", _source(exhibit)))
    if exhibit.purpose or exhibit.purpose_zh:
        rows.append(row("purpose", [(t, lang) for t, lang in ((exhibit.purpose, "en"), (exhibit.purpose_zh, "zh")) if t]))
    held = "bundle.cover.original" if exhibit.original else "bundle.cover.copy"
    rows.append(row("original_or_copy", [(words.pair(held), "en")]))
    en, zh = _pages_text(first, last, info.pages)
    rows.append(row("pages", [(en, "en"), (zh, "zh")]))
    if info.path is not None:  # a physical sample provided separately has no file
        # the fingerprint identifies the file; its local name and size are not for a filed page
        rows.append(row("sha256", [(info.sha256, "hash")]))
    return rows


def _source(exhibit: Exhibit) -> list[tuple[str, str]]:
    """The exhibit's source in both languages: a keyed source worded by the catalogues
    (with their default terms for the parties), else the case's text as given."""
    from restitution.pipeline.casetext import keyed_source, party_terms, source_key

    words = bilingual()
    key = source_key(exhibit.source)
    if key is None:
        return [(t, lang) for t, lang in ((exhibit.source, "en"), (exhibit.source_zh, "zh")) if t]
    zh = exhibit.source_zh or keyed_source(key, words.zh, party_terms(words.zh))
    return [(keyed_source(key, words.en, party_terms(words.en)), "en"), (zh, "zh")]


def _cover_flowables(case: Case, exhibit: Exhibit, info: ExhibitInfo, first: int, last: int, scale: float):
    from reportlab.lib import colors
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph, Table, TableStyle

    def style(size: float, lang: str, align: Align = 0) -> ParagraphStyle:
        return ParagraphStyle(f"c{size}{lang}{align}", fontName=fonts.stack(lang).primary.face(),
                              fontSize=size * scale, leading=size * scale * 1.35, alignment=align,
                              wordWrap="CJK" if get_language(lang).chinese else None)

    def para(text: str, size: float, lang: str, bold: bool = False, align: Align = 0) -> Paragraph:
        return Paragraph(fonts.markup(text, lang, bold), style(size, lang, align))

    words = bilingual()
    head = [para(words.en("common.exhibit", number=exhibit.number), 26, "en", True, 1),
            para(words.zh("common.exhibit", number=exhibit.number), 26, "zh", True, 1)]
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


# ---------------------------------------------------------------- placeholder page


def draw_placeholder(canvas, exhibit: Exhibit, info: ExhibitInfo) -> None:
    """The page that holds the place of an exhibit provided separately (a video, a sample):
    what it is, in both languages, and the file's size and fingerprint when there is one."""
    from reportlab.lib.styles import ParagraphStyle
    from reportlab.platypus import Paragraph

    words = bilingual()

    def para(text: str, size: float, lang: str, bold: bool = False, align: Align = 0) -> Paragraph:
        return Paragraph(fonts.markup(text, lang, bold),
                         ParagraphStyle(f"p{size}{lang}{align}", fontName=fonts.stack(lang).primary.face(),
                                        fontSize=size, leading=size * 1.4, alignment=align,
                                        wordWrap="CJK" if get_language(lang).chinese else None))

    flow = [para(words.en("common.exhibit", number=exhibit.number) + " – " + words.en("bundle.placeholder.title"),
                 20, "en", True, 1),
            para(words.zh("common.exhibit", number=exhibit.number) + " " + words.zh("bundle.placeholder.title"),
                 20, "zh", True, 1)]
    for lang, cat in (("en", words.en), ("zh", words.zh)):
        flow.append(para(cat("bundle.placeholder.body", medium=cat(f"evidence.medium.{exhibit.medium}")), 12, lang))
        if info.path is None:  # with a file, its SHA-256 below identifies it (no local name or size)
            flow.append(para(cat("bundle.placeholder.none"), 11, lang))
    if info.sha256:
        flow.append(para(f"SHA-256: {info.sha256}", 8.5, "en"))
    width = PAGE_W - 2 * MARGIN
    y = PAGE_H - MARGIN - 30 * MM
    for f in flow:
        h = f.wrap(width, PAGE_H)[1]
        y -= h + 4 * MM
        f.drawOn(canvas, MARGIN, y)
