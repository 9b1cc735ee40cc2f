"""Style sheets: semantic style names mapped to sizes, weights and spacing.

Both writers read the same sheet, so a DOCX and a PDF of one document look
alike. Fonts are named by role ("body", "heading"); each writer maps roles to
concrete faces (bundled TrueType for PDF, installed faces for DOCX).

Chinese sizes follow common law-firm practice (domain.md §G, [S]): body 小四
(12 pt) at 1.5 lines, first line indented two characters, titles 小二; A4
with Word's default margins. English uses an 11 pt serif.

Sheets are keyed by `Language.sheet`; a document's page (paper and margins)
comes from its main language's sheet (`StyleSheet.page`), so Chinese margins
are one entry here. The words of the page furniture (the footer "Page 1 of 5")
are not looks: they live in the phrase catalogue (``common.page_footer``).
"""
from __future__ import annotations

from dataclasses import replace

from restitution.errors import UsageError
from restitution.language import Language
from restitution.records import record

MM = 72 / 25.4  # points per millimetre


@record
class Style:
    size: float  # points
    bold: bool = False
    italic: bool = False
    role: str = "body"  # font role: "body" or "heading"
    leading: float = 1.25  # line height as a multiple of size
    space_before: float = 0.0  # points
    space_after: float = 6.0  # points
    align: str = "justify"  # left | center | right | justify
    first_line_indent: float = 0.0  # points
    left_indent: float = 0.0  # points
    keep_with_next: bool = False


@record
class Page:
    width: float
    height: float
    top: float
    bottom: float
    left: float
    right: float


A4 = Page(210 * MM, 297 * MM, 25.4 * MM, 25.4 * MM, 31.8 * MM, 31.8 * MM)
LETTER = Page(8.5 * 72, 11 * 72, 25.4 * MM, 25.4 * MM, 25.4 * MM, 25.4 * MM)
PAPERS = {"A4": A4, "Letter": LETTER}


@record
class Margins:
    top: float
    bottom: float
    left: float
    right: float


@record
class StyleSheet:
    lang: str  # the sheet's key (Language.sheet)
    styles: dict[str, Style]
    # Margins replacing the paper's own (PAPERS); None: the paper's.
    margins: Margins | None = None

    def __getitem__(self, name: str) -> Style:
        try:
            return self.styles[name]
        except KeyError:
            raise KeyError(f"style sheet {self.lang!r} has no style {name!r}") from None

    def page(self, paper: str) -> Page:
        """The page of a document in this sheet's language on `paper` (A4, Letter)."""
        page = PAPERS.get(paper)
        if page is None:
            raise UsageError(f"unknown paper {paper!r}; use one of {', '.join(PAPERS)}")
        if self.margins is None:
            return page
        m = self.margins
        return replace(page, top=m.top, bottom=m.bottom, left=m.left, right=m.right)


def _sheet(lang: str, body: Style, title: float, h1: float, h2: float, small: float) -> StyleSheet:
    styles = {
        "body": body,
        "title": replace(body, size=title, bold=True, role="heading", align="center",
                         first_line_indent=0, space_before=0, space_after=title * 0.9, keep_with_next=True),
        "subtitle": replace(body, size=body.size, align="center", first_line_indent=0,
                            space_after=body.size, keep_with_next=True),
        "heading1": replace(body, size=h1, bold=True, role="heading", align="left", first_line_indent=0,
                            space_before=h1 * 0.8, space_after=h1 * 0.4, keep_with_next=True),
        "heading2": replace(body, size=h2, bold=True, role="heading", align="left", first_line_indent=0,
                            space_before=h2 * 0.6, space_after=h2 * 0.3, keep_with_next=True),
        "list": replace(body, first_line_indent=0, space_after=body.space_after / 2),
        "table": replace(body, size=small, leading=1.2, align="left", first_line_indent=0, space_after=0),
        "table_header": replace(body, size=small, leading=1.2, bold=True, align="left",
                                first_line_indent=0, space_after=0),
        "note": replace(body, size=small, leading=1.3, first_line_indent=0),
        "signature": replace(body, align="left", first_line_indent=0, space_after=body.size * 0.6),
        "address": replace(body, align="left", first_line_indent=0, space_after=0),
        "right": replace(body, align="right", first_line_indent=0),
        "center": replace(body, align="center", first_line_indent=0),
        "letterhead": replace(body, size=small, align="center", first_line_indent=0, space_after=0),
        "keep": body,
        "footer": replace(body, size=small - 0.5, align="center", first_line_indent=0, space_after=0),
    }
    return StyleSheet(lang=lang, styles=styles)


EN = _sheet(
    "en",
    Style(size=11, leading=1.3, space_after=7),
    title=16, h1=12.5, h2=11, small=9.5,
)

ZH = _sheet(
    "zh",
    Style(size=12, leading=1.5, space_after=4, first_line_indent=24),
    title=18, h1=14, h2=12, small=10.5,
)

SHEETS = {"en": EN, "zh": ZH, "zh-Hant": replace(ZH, lang="zh-Hant")}


def sheet_for(language: Language) -> StyleSheet:
    """The sheet of a language (every `Language.sheet` is a key here: tests/writers check it)."""
    return SHEETS[language.sheet]
