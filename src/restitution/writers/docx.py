"""The DOCX writer: a `Document` as a Word file a lawyer can restyle.

This module assembles the document: a package from the styled base
(`_docx_styles`), the page, the body (`_docx_blocks`), the firm's letterhead,
the footer with page numbers, and the core properties. Raw OOXML lives in
`_ooxml` and `_ooxml_package`.

Same `Document`, same bytes: core properties come from the document, and the
zip is packed with fixed timestamps (see `_ooxml_package.package_bytes`).
"""
from __future__ import annotations

import datetime as dt
import io
from copy import deepcopy
from typing import BinaryIO, Sequence

from docx.shared import Mm, Pt, Twips
from docx.text.paragraph import Paragraph as DocxParagraph

from restitution import styles
from restitution.document import Document, Run
from restitution.errors import OutputError
from restitution.writers import _ooxml, _ooxml_package
from restitution.writers._docx_blocks import BlockWriter, Ctx, Sink, checked, run_rpr
from restitution.writers._docx_styles import Side, open_package, sides_of
from restitution.writers._furniture import footer_parts, watermark_text
from restitution.writers._ooxml_watermark import watermark_paragraph

FOOTER_SEPARATOR = "  ·  "
NO_DATE = dt.datetime(1980, 1, 1, tzinfo=dt.timezone.utc)


def write_docx(doc: Document, stream: BinaryIO) -> None:
    """Write `doc` as a DOCX package to the binary `stream`."""
    data = _Builder(doc).build()
    try:
        stream.write(data)
    except OSError as exc:
        raise OutputError(f"cannot write the DOCX file: {exc.strerror or exc}") from None


def prepare_docx(doc: Document) -> None:
    """Build (once per process) the styled base package documents like `doc` start from."""
    open_package(sides_of(doc))


def preload_docx(modes: Sequence[str]) -> None:
    """Nothing to load before a model exists beyond this module's imports (python-docx,
    lxml): a styled base depends on the document's languages and the firm's fonts."""


class _Builder:
    def __init__(self, doc: Document):
        self.doc = doc
        self.sides = sides_of(doc)
        self.main = next(iter(self.sides.values()))

    def build(self) -> bytes:
        page = self._paper()  # an unknown paper fails before the base is built
        self.footers = [(self.sides[lang], footer_parts(self.doc, lang)) for lang in self.doc.langs]
        self.out, self.style_ids = open_package(self.sides)
        self._page(page)
        blocks = BlockWriter(self.out, self.sides, self.style_ids)
        ctx = Ctx(self.main, self.text_width)
        body = Sink(self.out)
        blocks.blocks(self.doc.blocks, body, ctx)
        self._letterhead(blocks)
        self._footer()
        self._watermark()
        self._properties()
        return _ooxml_package.package_bytes(self.out)

    def _paper(self) -> styles.Page:
        page = self.main.sheet.page(self.doc.paper)
        self.text_width = round((page.width - page.left - page.right) * _ooxml.TWIPS_PER_PT)
        return page

    def _page(self, page: styles.Page) -> None:
        section = self.out.sections[0]
        section.page_width, section.page_height = Pt(page.width), Pt(page.height)
        section.top_margin, section.bottom_margin = Pt(page.top), Pt(page.bottom)
        section.left_margin, section.right_margin = Pt(page.left), Pt(page.right)
        section.header_distance = section.footer_distance = Pt(page.bottom / 2)

    def _letterhead(self, blocks: BlockWriter) -> None:
        """The firm's letterhead (firm profile) in the first page's header: the logo, each
        language's lines with the firm's name in bold, a rule under the last line."""
        profile = self.doc.profile
        if profile is None or not profile.has_letterhead:
            return
        section = self.out.sections[0]
        section.different_first_page_header_footer = True
        header = section.first_page_header
        paragraphs: list[DocxParagraph] = []

        def paragraph(side: Side):
            p = header.paragraphs[0] if not paragraphs else header.add_paragraph()
            p._p.style = self.style_ids.get(side.style_name("letterhead"))
            paragraphs.append(p)
            return p

        if profile.logo is not None:
            logo = profile.logo
            height: int = Mm(logo.height_mm)
            width: int = round(height * logo.width_px / logo.height_px)
            max_width = Twips(self.text_width)
            if width > max_width:
                width, height = max_width, round(max_width * logo.height_px / logo.width_px)
            p = paragraph(self.main)
            p.paragraph_format.space_after = Pt(4)
            p.add_run().add_picture(io.BytesIO(logo.data), width=width, height=height)
        by_code = {side.lang.code: side for side in self.sides.values()}
        for code, inlines in profile.letterhead_inlines(list(by_code)):
            blocks.inlines(paragraph(by_code[code]), inlines, by_code[code], "body")
        _ooxml.set_bottom_border(paragraphs[-1]._p.get_or_add_pPr(), size_eighths=5, space_pt=4,
                                 color="8C8C8C")
        self._footer(section.first_page_footer)

    def _footer(self, footer=None) -> None:
        """Each language's footer phrase ("Page {page} of {pages}") with live page fields."""
        footer = footer if footer is not None else self.out.sections[0].footer
        p = footer.paragraphs[0]
        p._p.style = self.style_ids.get(self.main.style_name("footer"))
        for i, (side, parts) in enumerate(self.footers):
            rpr = run_rpr(*side.fonts("body"), side.east_asian)

            def text(s: str, rpr=rpr) -> None:
                p.add_run(s)._r.insert(0, deepcopy(rpr))

            if i:
                text(FOOTER_SEPARATOR)
            for literal, field in parts:
                if field is None:
                    text(literal)
                else:
                    _ooxml.add_field(p, {"page": "PAGE", "pages": "NUMPAGES"}[field], "1", rpr)

    def _watermark(self) -> None:
        """A draft's mark across every page: in each header the section uses (the
        letterhead's first-page header too). Its font is a Chinese side's East Asian
        font, which also has Latin letters."""
        text = watermark_text(self.doc)
        if text is None:
            return
        section = self.out.sections[0]
        chinese = [side for side in self.sides.values() if side.east_asian]
        font = chinese[0].fonts("body")[1] if chinese else self.main.fonts("body")[0]
        page = self.main.sheet.page(self.doc.paper)
        width = (page.width - page.left - page.right) * 1.15
        headers = [section.header]
        if section.different_first_page_header_footer:
            headers.append(section.first_page_header)
        for number, header in enumerate(headers, start=1):
            header._element.append(watermark_paragraph(text, font, width, width / max(len(text) * 0.6, 1),
                                                       number))

    def _properties(self) -> None:
        props = self.out.core_properties
        when = (dt.datetime.combine(self.doc.date, dt.time(), dt.timezone.utc)
                if self.doc.date else NO_DATE)
        props.title = checked(Run(self.doc.title))
        props.author = props.last_modified_by = "restitution"
        props.created = props.modified = when
        props.revision = 1
        props.category = self.doc.key
        props.comments = props.subject = props.keywords = ""
        props.language = self.main.lang.ooxml_tag
        _ooxml_package.set_app_properties(self.out)
