"""The layout check: what a reader sees on each page of a PDF, measured from the words it draws.

Three rules, each reported per page with the words at fault:
- the header and footer bands (the page's top and bottom margins) hold the page
  furniture and nothing else: no body line runs into the footer;
- no two words overlap (text printed over text);
- in Chinese text no line starts with a closing mark or ends with an opening
  one (GB/T 15834-2011, W3C clreq at the "basic" level);
- an e-mail address or URL of the case is printed whole, or cut only where
  the Chicago rule allows, and no heading or signature block is left at a
  page's foot: rules over consecutive lines and pages (`checks.continuity`).

Word boxes come from poppler's ``pdftotext -bbox``, a fast external reader
that knows nothing of how the PDF was made, so the same check runs on this
toolkit's PDFs and on LibreOffice's export of its DOCX files. The trade-off: a
system tool (poppler-utils) is needed, and its absence is a clear error, not a
pass. Lines are rebuilt from word boxes: words on one baseline, cut where a gap
wider than the text is tall separates columns or table cells.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import xml.etree.ElementTree as ET
from typing import TYPE_CHECKING, Callable, Iterable

from restitution.errors import EXIT_USAGE, RestitutionError
from restitution.formatting.breaks import NO_LINE_END, NO_LINE_START
from restitution.records import record

if TYPE_CHECKING:
    from restitution.checks.continuity import Kept
_CJK = re.compile(r"[\u3000-\u303F\u3400-\u9FFF\uF900-\uFAFF\uFF00-\uFFEF]")
TOLERANCE = 0.75  # points a glyph box may reach past a limit (rounding, hairline descenders)


class LayoutToolError(RestitutionError):
    """poppler's pdftotext is missing or cannot read the file."""

    exit_code = EXIT_USAGE


@record
class Word:
    text: str
    x0: float
    top: float
    x1: float
    bottom: float

    @property
    def height(self) -> float:
        return self.bottom - self.top


@record
class PageWords:
    number: int  # from 1
    width: float
    height: float
    words: tuple[Word, ...]


@record
class Bands:
    """The page's top and bottom margins in points: where only furniture may stand."""

    top: float
    bottom: float


# (page, pages) -> the texts the header and footer of that page may show.
Furniture = Callable[[int, int], Iterable[str]]


def read_words(pdf: bytes) -> list[PageWords]:
    """Every page's word boxes (top-down coordinates, points), read by pdftotext."""
    tool = shutil.which("pdftotext")
    if tool is None:
        raise LayoutToolError("the layout check reads pages with poppler's pdftotext, which is not "
                              "installed; install poppler-utils (or poppler) and run it again")
    done = subprocess.run([tool, "-bbox", "-enc", "UTF-8", "-", "-"], input=pdf,
                          capture_output=True, check=False)
    if done.returncode != 0:
        raise LayoutToolError(f"pdftotext cannot read the PDF: {done.stderr.decode(errors='replace')[:200]}")
    # The output is XHTML; its namespace is dropped so that tags read plainly.
    root = ET.fromstring(re.sub(rb'\sxmlns="[^"]*"', b"", done.stdout, count=1))
    pages = []
    for n, page in enumerate(root.iter("page"), start=1):
        words = tuple(_visible(Word(w.text or "", float(w.get("xMin", 0)), float(w.get("yMin", 0)),
                                    float(w.get("xMax", 0)), float(w.get("yMax", 0))))
                      for w in page.iter("word") if _FORMAT.sub("", w.text or "").strip())
        pages.append(PageWords(n, float(page.get("width", 0)), float(page.get("height", 0)), words))
    return pages


# Invisible format characters a word processor's export may carry as text (a zero-width space
# or joiner placed to steer line breaking).
_FORMAT = re.compile("[\u200b-\u200d\u2060\ufeff]")


def _visible(word: Word) -> Word:
    """A word without its invisible characters. LibreOffice's PDF gives each of them the
    advance of a glyph of its font that is never drawn, so the box of "Rao\u200d" reaches over
    the "，" printed after it; the box loses their share of its width."""
    text = _FORMAT.sub("", word.text)
    if text == word.text:
        return word
    share = (word.x1 - word.x0) * len(text) / len(word.text)
    if word.text[0] in "\u200b\u200c\u200d\u2060\ufeff":  # invisible characters lead: keep the right edge
        return Word(text, word.x1 - share, word.top, word.x1, word.bottom)
    return Word(text, word.x0, word.top, word.x0 + share, word.bottom)


def lines(words: Iterable[Word]) -> list[list[Word]]:
    """Words grouped into lines as read: one baseline, left to right, cut at column gaps."""
    rows: list[list[Word]] = []
    for word in sorted(words, key=lambda w: (w.bottom, w.x0)):
        row = rows[-1] if rows else None
        # Same baseline: bottoms within a fifth of the text's height (mixed sizes on one line).
        if row is not None and abs(row[-1].bottom - word.bottom) <= 0.2 * max(word.height, row[-1].height):
            row.append(word)
        else:
            rows.append([word])
    out: list[list[Word]] = []
    for row in rows:
        row.sort(key=lambda w: w.x0)
        line = [row[0]]
        for word in row[1:]:
            if word.x0 - line[-1].x1 > 1.2 * max(word.height, line[-1].height):
                out.append(line)
                line = [word]
            else:
                line.append(word)
        out.append(line)
    return out


def line_text(line: list[Word]) -> str:
    return " ".join(w.text for w in line)


def check_bands(page: PageWords, pages: int, bands: Bands, furniture: Furniture) -> list[str]:
    """Lines inside the header or footer band that are not the page's furniture."""
    allowed = [_squash(t) for t in furniture(page.number, pages)]
    problems = []
    for line in lines(page.words):
        # A line is in a band when its middle is: a font's box may reach a little past the
        # margin where the line itself does not.
        middle = (min(w.top for w in line) + max(w.bottom for w in line)) / 2
        where = ("footer" if middle > page.height - bands.bottom
                 else "header" if middle < bands.top else None)
        if where is None or _is_furniture(_squash(line_text(line)), allowed):
            continue
        problems.append(f"page {page.number}: text in the {where} band: {_quote(line_text(line))}")
    return problems


def _is_furniture(text: str, allowed: list[str]) -> bool:
    # A running head too long for the line is cut and ends in "…": a prefix of its text.
    return any(text == a or (text.endswith("…") and a.startswith(text[:-1])) for a in allowed)


def check_overlaps(page: PageWords) -> list[str]:
    """Pairs of words whose boxes overlap: text printed over text."""
    words = sorted(page.words, key=lambda w: w.top)
    problems = []
    for i, a in enumerate(words):
        for b in words[i + 1:]:
            if b.top >= a.bottom - TOLERANCE:
                break  # sorted by top: no later word reaches up into `a`
            dx = min(a.x1, b.x1) - max(a.x0, b.x0)
            dy = min(a.bottom, b.bottom) - max(a.top, b.top)
            if dx > TOLERANCE and dy > 0.25 * min(a.height, b.height):
                problems.append(f"page {page.number}: {_quote(a.text)} overlaps {_quote(b.text)}")
    return problems


def check_chinese_lines(page: PageWords) -> list[str]:
    """Lines of Chinese text that start with a closing mark or end with an opening one."""
    problems = []
    for line in lines(page.words):
        text = line_text(line)
        if not _CJK.search(text):
            continue
        if text[0] in NO_LINE_START:
            problems.append(f"page {page.number}: a line starts with “{text[0]}”: {_quote(text)}")
        if text[-1] in NO_LINE_END:
            problems.append(f"page {page.number}: a line ends with “{text[-1]}”: {_quote(text)}")
    return problems


def gaps(row: list[Word]) -> list[float]:
    """The spaces between the words of a row, left to right, in ems of the text."""
    row = sorted(row, key=lambda w: w.x0)
    return [(b.x0 - a.x1) / max(a.height, b.height, 1e-6) for a, b in zip(row, row[1:])]


def check_stretched(page: PageWords) -> list[str]:
    """Chinese lines spread across the column, a justified line that ended early:
    "注 册 地 ： 美 国". Seen as three or more gaps wider than an em, all about as wide,
    between words that are mostly single characters (the spread cuts a line into its
    characters). A table row's cells are words of several characters, so they do not
    count; the same spreading of English words cannot be told from a table row by word
    boxes alone, and is not checked here."""
    problems = []
    rows: dict[float, list[Word]] = {}
    for line in lines(page.words):
        rows.setdefault(round(line[0].bottom, 0), []).extend(line)
    for row in rows.values():
        wide = [g for g in gaps(row) if g > 1.0]
        single = sum(1 for w in row if len(w.text) == 1 and _CJK.match(w.text))
        if len(wide) >= 3 and max(wide) <= 1.25 * min(wide) and single * 4 >= len(row) * 3:
            problems.append(f"page {page.number}: a stretched line (gaps of {min(wide):.1f} em): "
                            f"{_quote(line_text(sorted(row, key=lambda w: w.x0)))}")
    return problems


def check_pdf(pdf: bytes, bands: Bands, furniture: Furniture, chinese: bool = True,
              known: Iterable[str] = (), keep: Kept | None = None) -> list[str]:
    """Every layout problem of a PDF, page by page; `chinese`: Chinese line starts and ends
    too; `known`: the e-mail addresses and URLs the text may hold (`addresses`); `keep`: the
    headings and signature blocks that must not end a page (`kept`)."""
    pages = read_words(pdf)
    problems: list[str] = []
    for page in pages:
        problems += check_bands(page, len(pages), bands, furniture)
        problems += check_overlaps(page)
        problems += check_stretched(page)
        if chinese:
            problems += check_chinese_lines(page)
    from restitution.checks.continuity import check_addresses, check_kept

    problems += check_addresses(pages, known)
    return problems + (check_kept(pages, bands, keep) if keep is not None else [])


def _squash(text: str) -> str:
    return re.sub(r"\s+", "", text)


def _quote(text: str) -> str:
    return f"“{text[:60]}{'…' if len(text) > 60 else ''}”"


def expectations(doc, fmt: str) -> tuple[Bands, Furniture]:
    """The bands and furniture of a rendered `Document` (restitution.document) written as
    `fmt` ("pdf", or "docx" for a word processor's PDF export of the DOCX)."""
    from restitution.styles import sheet_for
    from restitution.writers._furniture import footer_parts, footer_text
    from restitution.writers.docx import FOOTER_SEPARATOR

    page = sheet_for(doc.language).page(doc.paper)
    parts = [footer_parts(doc, language) for language in doc.langs]
    joint = " / " if fmt == "pdf" else FOOTER_SEPARATOR
    # A DOCX carries the firm's letterhead in the first page's header (the PDF in its body).
    letterhead = []
    if fmt == "docx" and doc.profile is not None:
        for _, inlines in doc.profile.letterhead_inlines([lang.code for lang in doc.langs]):
            letterhead += "".join(getattr(i, "text", "\n") for i in inlines).split("\n")

    def furniture(number: int, pages: int) -> list[str]:
        texts = [joint.join(footer_text(p, number, pages) for p in parts)]
        if fmt == "pdf" and number > 1:
            texts += [doc.title, doc.case_id or ""]
        return texts + letterhead

    return Bands(page.top, page.bottom), furniture


def check_layout(case_files, templates=None) -> list[str]:
    """`restitution check --layout`: every document `restitution check` renders for each case
    (`checks.checked_documents`), in en, zh and bilingual, written as PDF with the templates in use (a firm's own, `templates`) and
    checked page by page. Located as "case: document (language): page N: what"."""
    import io

    from restitution.checks import checked_documents
    from restitution.checks.continuity import addresses, kept
    from restitution.pipeline.render import render_document
    from restitution.writers.pdf import write_pdf

    problems: list[str] = []
    for case_file, key, case, when in checked_documents(case_files, problems):
        done: dict = {}
        for lang in ("en", "zh", "bilingual"):
            where = f"{case_file.name}: {key} ({lang})"
            try:
                doc = render_document(case, key, lang, when, templates=templates, done=done)
                out = io.BytesIO()
                write_pdf(doc, out)
            except RestitutionError as err:
                problems.extend(f"{where}: {line}" for line in err.lines())
                continue
            problems.extend(f"{where}: {p}" for p in check_pdf(out.getvalue(), *expectations(doc, "pdf"),
                                                               known=addresses(case), keep=kept(doc)))
    return problems
