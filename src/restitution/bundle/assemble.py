"""Binding the bundle: index, then for each exhibit a cover sheet and its pages, all stamped.

The work is done in two passes so that memory stays bounded by what pypdf's
writer itself holds:

1. reportlab draws, into one in-memory PDF, every page the bundle makes
   itself (cover sheets, typeset text and e-mail, each with its stamp) and a
   stamp-only page for every page taken from elsewhere (index, PDF exhibits,
   images). One document means the fonts are embedded once, not per page.
2. pypdf takes the pages in bundle order: drawn pages as they are; other
   pages rebuilt as isolated form XObjects, turned upright, shrunk to free
   the stamp band and stamped last (see `fitting`). Exhibit files are opened
   one at a time and let go; the objects each one brought in are scrubbed of
   active content (`sanitize`), and what was removed is kept in
   `Layout.removed` for the manifest. Any failure inside an exhibit is a
   located `ExhibitError`, never a traceback.

The output is deterministic: fixed /ID derived from the inputs, dates from
``--date`` only.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import re
from dataclasses import field
from typing import BinaryIO

from restitution import __version__
from restitution.bundle import pages
from restitution.exhibits import fitting, images, sanitize, textpages
from restitution.bundle import index as index_mod
from restitution.bundle.index import IndexRenderer, settle
from restitution.case.model import Case, Exhibit
from restitution.errors import DocumentNotApplicable, UsageError
from restitution.exhibits.wording import bilingual
from restitution.exhibits import (ExhibitError, ExhibitInfo, UnusableFile, exhibit_infos, location, open_pdf,
                                  quiet_pypdf)
from restitution.records import record

BATES_DIGITS = 6
# pypdf holds the whole bundle until it is written (about 30 KB a page, benchmarks/LIMITS.md):
# 20,000 pages stay under a gigabyte. Each exhibit alone is bounded by `exhibits.files.MAX_PDF_PAGES`.
MAX_BUNDLE_PAGES = 20_000
_PREFIX = re.compile(r"^[A-Za-z0-9][A-Za-z0-9._-]{0,39}$")


@record
class Placement:
    """Where an exhibit sits in the bundle (1-based page numbers)."""

    exhibit: Exhibit
    info: ExhibitInfo
    cover: int  # its cover sheet
    last: int  # its last page

    @property
    def first(self) -> int:
        """The first page of the exhibit itself, after the cover."""
        return self.cover + 1


@record
class Layout:
    prefix: str
    index_pages: int
    placements: tuple[Placement, ...]
    # Exhibit number -> what was taken out of it (active content), filled while binding.
    removed: dict[int, list[sanitize.Removal]] = field(default_factory=dict, compare=False)

    @property
    def total(self) -> int:
        return self.placements[-1].last if self.placements else self.index_pages

    def bates(self, page: int) -> str:
        return f"{self.prefix}-{page:0{BATES_DIGITS}d}"

    def page_ranges(self) -> dict[int, tuple[int, int]]:
        return {p.info.number: (p.cover, p.last) for p in self.placements}


def place(case: Case, infos: list[ExhibitInfo], index_pages: int, prefix: str) -> Layout:
    out = []
    page = index_pages
    for exhibit, info in zip(case.evidence, infos):
        cover = page + 1
        page = cover + info.pages
        out.append(Placement(exhibit, info, cover, page))
    return Layout(prefix, index_pages, tuple(out))


def check_prefix(prefix: str) -> str:
    if not _PREFIX.match(prefix):
        raise UsageError(f"--prefix {prefix!r}: use up to 40 letters, digits, '.', '_' or '-', starting with a "
                         "letter or digit")
    return prefix


def make_bundle(case: Case, stream: BinaryIO, *, date: dt.date, prefix: str | None = None,
                index: IndexRenderer | None = None, allow_outside: bool = False) -> Layout:
    """Write the bundle PDF of `case` to `stream`; return where everything landed.

    `index` renders the evidence index given the page ranges; by default the
    bilingual ``evidence_index`` document (`index.render_index`).
    """
    index = index or index_mod.render_index
    prefix = check_prefix(prefix or case.id)
    if not case.evidence:
        raise DocumentNotApplicable("the case lists no evidence to bind (evidence:)",
                                    case.locate("evidence"))
    infos = exhibit_infos(case, allow_outside=allow_outside)
    index_pdf, index_pages = settle(lambda n: place(case, infos, n, prefix).page_ranges(), index, case, date)
    layout = place(case, infos, index_pages, prefix)
    if layout.total > MAX_BUNDLE_PAGES:
        raise ExhibitError(f"the bundle would have {layout.total:,} pages; a bundle may have at most "
                           f"{MAX_BUNDLE_PAGES:,} (split the evidence into several cases or bundles)",
                           case.locate("evidence"))
    with quiet_pypdf():
        from pypdf import PdfReader

        index_reader = PdfReader(io.BytesIO(index_pdf))
        with images.binary_streams():
            drawn = _draw(case, layout, index_reader)
        writer = _bind(case, layout, index_reader, PdfReader(io.BytesIO(drawn)))
        _finish(writer, case, layout, date)
        writer.write(stream)
    return layout


# ---------------------------------------------------------------- pass 1: reportlab


def _draw(case: Case, layout: Layout, index_reader) -> bytes:
    """Every drawn page and every stamp page, in bundle order: page i of the result serves bundle page i+1."""
    from reportlab.pdfgen.canvas import Canvas

    from restitution.exhibits.geometry import PAGE_H, PAGE_W

    buf = io.BytesIO()
    canvas = Canvas(buf, pagesize=(PAGE_W, PAGE_H), invariant=1, pageCompression=1)
    page_no = 0

    def stamp_page(size: tuple[float, float], label: str, band: float | None = None) -> None:
        nonlocal page_no
        page_no += 1
        canvas.setPageSize(size)
        pages.draw_stamp(canvas, size[0], pages.Stamp(layout.bates(page_no), label),
                         fitting.band_for(size[1]) if band is None else band)
        canvas.showPage()

    for k in range(layout.index_pages):
        # An index shorter than the length it was given (see index.settle) is padded with blank pages.
        size = fitting.upright_size(index_reader.pages[k]) if k < len(index_reader.pages) else (PAGE_W, PAGE_H)
        stamp_page(size, pages.index_label(k + 1))
    for placement in layout.placements:
        exhibit, info = placement.exhibit, placement.info
        canvas.setPageSize((PAGE_W, PAGE_H))
        pages.draw_cover(canvas, case, exhibit, info, placement.cover, placement.last)
        stamp_page((PAGE_W, PAGE_H), pages.exhibit_label(info.number, None))
        made = 0
        try:
            if info.media == "pdf":
                reader = open_pdf(info.bound)
                for made, page in enumerate(reader.pages, 1):
                    stamp_page(fitting.upright_size(page), pages.exhibit_label(info.number, made))
            elif info.media == "image":
                made = 1
                stamp_page(images.image_page_size(info.bound), pages.exhibit_label(info.number, 1), band=None)
            elif info.media == "separate":
                made = 1
                canvas.setPageSize((PAGE_W, PAGE_H))
                pages.draw_placeholder(canvas, exhibit, info)
                stamp_page((PAGE_W, PAGE_H), pages.exhibit_label(info.number, 1))
            else:
                for made, laid_out in enumerate(_text_pages(info), 1):
                    canvas.setPageSize((PAGE_W, PAGE_H))
                    textpages.draw_page(canvas, laid_out)
                    stamp_page((PAGE_W, PAGE_H), pages.exhibit_label(info.number, made))
        except UnusableFile as e:
            raise ExhibitError(f"exhibit {info.number} ({info.file}): {e}", location(case, exhibit)) from None
        if made != info.pages:
            raise ExhibitError(f"exhibit {info.number} ({info.file}) changed while the bundle was being made; "
                               "run the command again", location(case, exhibit))
    canvas.save()
    return buf.getvalue()


def _text_pages(info: ExhibitInfo):
    from restitution.exhibits import email_text

    lines = textpages.text_lines(info.bound) if info.media == "text" else email_text.email_lines(info.bound)
    return textpages.layout(lines)


# ---------------------------------------------------------------- pass 2: pypdf


def _bind(case: Case, layout: Layout, index_reader, drawn):
    from pypdf import PdfReader, PdfWriter

    writer = PdfWriter()
    at = 0  # index into `drawn`, which holds one page per bundle page

    def foreign(page, shrink: bool = True, record: list[str] | None = None) -> None:
        nonlocal at
        triage = None if record is None else (lambda annot: sanitize.triage(annot, record))
        fitting.bind_page(writer, page, drawn.pages[at], shrink=shrink, annotations=triage)
        at += 1

    for k in range(layout.index_pages):
        if k < len(index_reader.pages):
            foreign(index_reader.pages[k])
        else:
            writer.add_page(drawn.pages[at])  # padding: a blank page with its stamp
            at += 1
    for placement in layout.placements:
        info = placement.info
        writer.add_page(drawn.pages[at])  # cover sheet
        at += 1
        if info.media == "pdf":
            removed: list[sanitize.Removal] = []
            start = len(writer._objects)  # noqa: SLF001 - pypdf has no public list of a writer's objects
            reader = None
            try:
                reader = open_pdf(info.bound)
                for number, page in enumerate(reader.pages, 1):
                    record = sanitize.page_actions(page)
                    foreign(page, record=record)
                    removed += [sanitize.Removal(number, what) for what in record]
                removed += [sanitize.Removal(None, f"{what} inside the file's resources")
                            for what in sanitize.scrub(writer._objects, start)]  # noqa: SLF001
            except (UnusableFile, RecursionError, MemoryError) as e:
                reason = str(e) if isinstance(e, UnusableFile) else "the PDF nests its objects too deeply"
                raise ExhibitError(f"exhibit {info.number} ({info.file}): {reason}", location(case, placement.exhibit)) from None
            except Exception as e:  # pypdf raises many types for damaged files
                raise ExhibitError(f"exhibit {info.number} ({info.file}): the PDF is damaged and cannot be bound "
                                   f"({type(e).__name__})", location(case, placement.exhibit)) from None
            finally:
                if reader is not None:
                    # Clones are remembered by id(reader); a later reader may get the same id.
                    writer.reset_translation(reader)
            if removed:
                layout.removed[info.number] = removed
        elif info.media == "image":
            # Drawn with the band already free: turned upright, never shrunk.
            foreign(PdfReader(io.BytesIO(images.image_page(info.bound))).pages[0], shrink=False)
        else:
            for _ in range(info.pages):
                writer.add_page(drawn.pages[at])
                at += 1
    return writer


def _finish(writer, case: Case, layout: Layout, date: dt.date) -> None:
    from pypdf.generic import ArrayObject, ByteStringObject

    words = bilingual()
    writer.add_outline_item(title=words.pair("bundle.outline.index"), page_number=0)
    for p in layout.placements:
        writer.add_outline_item(title=f"Exhibit {p.info.number} – {p.exhibit.title}", page_number=p.cover - 1)
    writer.page_mode = "/UseOutlines"
    stamp = f"D:{date:%Y%m%d}000000Z"
    writer.add_metadata({
        "/Title": f"{words.pair('bundle.title')} {case.id}",
        "/Creator": f"restitution {__version__}",
        "/Producer": f"restitution {__version__}",
        "/CreationDate": stamp,
        "/ModDate": stamp,
    })
    # A fixed file identifier derived from everything that decides the content (pypdf
    # has no public setter; it writes `_ID` as the trailer's /ID when it is set).
    seed = hashlib.sha256("\n".join(
        [case.id, date.isoformat(), layout.prefix, __version__] + [p.info.sha256 for p in layout.placements]
    ).encode()).digest()[:16]
    writer._ID = ArrayObject([ByteStringObject(seed), ByteStringObject(seed)])
