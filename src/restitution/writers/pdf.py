"""The PDF writer: a `Document` set with reportlab platypus.

This module assembles the document: page size, margins, the one body frame, the
story of flowables and the page furniture. The pieces live beside it:
`_pdf_style` (paragraph styles and the markup of runs, per language),
`_pdf_blocks` (blocks to flowables), `_pdf_lists` (numbers, bullets, items that
split across pages), `_pdf_tables` (column widths, long tables), `_pdf_page`
(letterhead, header, footer), `_pdf_linebreak` (where lines of Chinese text
may break, balanced titles) and `_pdf_bidi` (Hebrew and Arabic in visual
order). Output is deterministic: reportlab's invariant mode, a creation date
taken from the document's date, no clock, no random ids.
"""
from __future__ import annotations

from functools import partial
from typing import TYPE_CHECKING, BinaryIO, Sequence

from reportlab.platypus import BaseDocTemplate, Frame, PageTemplate, Spacer
from reportlab.platypus.doctemplate import LayoutError

from restitution.document import Document
from restitution.errors import RestitutionError
from restitution.writers._pdf_blocks import Builder
from restitution.writers._pdf_page import Furniture, NumberedCanvas
from restitution.writers.fonts import FontConfig, MissingGlyphError

if TYPE_CHECKING:
    from restitution.language import Language


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


def prepare_pdf(doc: Document, *, fonts: FontConfig | None = None) -> None:
    """Register (once per process) the regular and bold faces of the first font families of
    `doc`'s languages: reading and hashing a 10.8 MB Chinese face costs about 25 ms."""
    for lang in doc.langs:
        _first_faces(lang, fonts)


def preload_pdf(modes: Sequence[str]) -> None:
    """`prepare_pdf` for documents of the output `modes` (en, zh, bilingual) before any model
    exists; the Chinese of a Hong Kong case is read when its first document is written."""
    from restitution.language import BILINGUAL, EN, ZH

    for mode in modes:
        for lang in (EN, ZH) if mode == BILINGUAL else (EN,) if mode == "en" else (ZH,):
            _first_faces(lang, None)


def _first_faces(lang: Language, fonts: FontConfig | None) -> None:
    # A Latin document's Chinese fallback family is left unread: its text rarely reaches it.
    from restitution.writers.fonts import font_stack

    stack = font_stack(lang, fonts)
    for family in stack.families[:2]:
        if family is stack.primary or (family.cjk and lang.chinese):
            family.face(bold=False)
            family.face(bold=True)


def _write(doc: Document, stream: BinaryIO, config: FontConfig) -> None:
    builder = Builder(doc, config)
    story = builder.letterhead() + builder.story()
    story = story or [Spacer(1, 1)]  # an empty document is still one (blank) page
    main = builder.ctx(doc.language)
    page = builder.page
    # /Lang is the main language's BCP 47 tag (Language.tag); blocks in the other language of
    # a bilingual document are not tagged, as reportlab writes no structure tree.
    template = BaseDocTemplate(
        stream, pagesize=(page.width, page.height),
        leftMargin=page.left, rightMargin=page.right, topMargin=page.top, bottomMargin=page.bottom,
        title=doc.title, author="restitution", creator="restitution", subject=doc.key,
        invariant=1, initialFontName=main.stack.primary.face(), lang=doc.language.tag,
    )
    # A frame without reportlab's default 6 pt padding: the style sheet's margins are the margins.
    frame = Frame(page.left, page.bottom, builder.width, page.height - page.top - page.bottom,
                  leftPadding=0, rightPadding=0, topPadding=0, bottomPadding=0, id="body")
    template.addPageTemplates([PageTemplate("page", [frame])])
    furniture = Furniture(doc, page, main)
    furniture.check()
    from restitution.exhibits.images import binary_streams

    with binary_streams():
        template.build(story, canvasmaker=partial(NumberedCanvas, furniture=furniture))

