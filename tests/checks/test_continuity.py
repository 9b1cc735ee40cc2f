"""Rules over consecutive lines and pages (checks/continuity.py): addresses cut only at their
marks, headings not stranded at a page's foot, signature blocks not split; each shown to fail
on a page made to fail it."""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from reportlab.pdfgen.canvas import Canvas
from tooling import needs_tool

from restitution.case import load_case
from restitution.checks.continuity import Kept, addresses, check_addresses, check_kept, kept, url_break
from restitution.checks.layout import Bands, read_words
from restitution.document import Container, Document, Heading, Paragraph, Run

ROOT = Path(__file__).resolve().parents[2]
needs_poppler = needs_tool("pdftotext", what="poppler-utils")
BANDS = Bands(72, 72)


def _pages(*pages) -> bytes:
    """A PDF of A4 pages, each drawn by a function of the canvas."""
    out = io.BytesIO()
    canvas = Canvas(out, pagesize=(595, 842))
    for n, draw in enumerate(pages, start=1):
        canvas.setFont("Helvetica", 10)
        canvas.drawCentredString(297, 30, f"Page {n} of {len(pages)}")
        draw(canvas)
        canvas.showPage()
    canvas.save()
    return out.getvalue()


def _page(draw) -> bytes:
    return _pages(draw)


def _lines_at(texts: list[str], top: float = 700, x: float = 90):
    def draw(c):
        for i, text in enumerate(texts):
            c.drawString(x, top - 14 * i, text)
    return draw


# ---------------------------------------------------------------- e-mail addresses and URLs


@pytest.mark.parametrize("address, cut, ok", [
    ("lily.brightway@163.example", 14, True),     # before the @
    ("lily.brightway@163.example", 4, True),      # before a period
    ("lily.brightway@163.example", 15, False),    # after the @
    ("lily.brightway@163.example", 25, False),    # inside a word: "exampl" / "e"
    ("https://shop.example/store/item", 8, True),   # after the double slash
    ("https://shop.example/store/item", 7, False),  # inside it
    ("https://shop.example/store/item", 6, False),  # before it
    ("https://shop.example/store/item", 20, True),  # before a single slash
    ("https://shop.example/store/item", 21, False),  # after it
    ("li.ming@example-law.example", 15, True),    # before a hyphen
    ("li.ming@example-law.example", 16, False),   # after it: it would read as a word hyphenated
])
def test_url_break(address, cut, ok):
    assert url_break(address, cut) is ok


def test_addresses_of_a_case():
    case = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    found = addresses(case)
    assert {"jane.doe@northwind.example", "https://gloryexample.en.alibaba.example"} <= found
    assert all("@" in a or a.startswith(("http", "www.")) for a in found)


def _two_columns(left: list[str], right: list[str]) -> bytes:
    def draw(c):
        for i, text in enumerate(left):
            c.drawString(90, 700 - 14 * i, text)
        for i, text in enumerate(right):
            c.drawString(320, 700 - 14 * i, text)
    return _page(draw)


@needs_poppler
def test_an_address_cut_inside_a_word_fails():
    """The next line of the same column is followed, past the other column's line beside it."""
    pdf = _two_columns(["E-mail: lily.brightway@163.exampl", "e, or by post"], ["电子邮箱", "或邮寄"])
    assert check_addresses(read_words(pdf), ["lily.brightway@163.example"]) == [
        "page 1: lily.brightway@163.example is cut after “lily.brightway@163.exampl”, "
        "not before a slash, a period, the @ or a hyphen"]


@needs_poppler
def test_an_address_cut_at_its_marks_passes():
    pdf = _two_columns(["E-mail: lily.brightway", "@163", ".example, or by post"], ["x", "y", "z"])
    assert check_addresses(read_words(pdf), ["lily.brightway@163.example"]) == []


# ---------------------------------------------------------------- headings and signature blocks

RULES = Kept(headings=("4.Evidence", "Signingandcertifyingthepowerofattorney"),
             signatures=(("FortheClient:", "Signature:____________", "JaneDoe,ChiefExecutiveOfficer"),))


@needs_poppler
def test_a_heading_at_a_page_foot_with_its_text_on_the_next_page_fails():
    pdf = _pages(_lines_at(["Some text of section 3.", "4. Evidence"], top=100),
                 _lines_at(["Exhibit 1: the contract."]))
    assert check_kept(read_words(pdf), BANDS, RULES) == [
        "page 1: the heading “4.Evidence” is the last text of the page; its text starts page 2"]


@needs_poppler
def test_a_wrapped_heading_at_a_page_foot_fails_and_a_kept_one_passes():
    stranded = _pages(_lines_at(["Text.", "Signing and certifying the", "power of attorney"], top=110),
                      _lines_at(["Sign before a notary."]))
    assert len(check_kept(read_words(stranded), BANDS, RULES)) == 1
    kept_together = _pages(_lines_at(["Text.", "4. Evidence", "Exhibit 1: the contract."], top=110),
                           _lines_at(["Exhibit 2."]))
    assert check_kept(read_words(kept_together), BANDS, RULES) == []


@needs_poppler
def test_a_line_that_only_ends_like_a_heading_is_not_one():
    """A table cell ending "power of attorney" under a line "the" is not the heading's last line."""
    pdf = _pages(_lines_at(["the", "power of attorney"], top=100), _lines_at(["Next."]))
    assert check_kept(read_words(pdf), BANDS, RULES) == []


@needs_poppler
def test_a_signature_block_split_over_two_pages_fails():
    pdf = _pages(_lines_at(["Body text.", "For the Client:", "Signature: ____________"], top=110),
                 _lines_at(["Jane Doe, Chief Executive Officer"]))
    assert check_kept(read_words(pdf), BANDS, RULES) == [
        "page 1: the signature block “FortheClient:” is split over pages 1 and 2"]
    whole = _pages(_lines_at(["Body text."], top=110),
                   _lines_at(["For the Client:", "Signature: ____________", "Jane Doe, Chief Executive Officer"]))
    assert check_kept(read_words(whole), BANDS, RULES) == []


def test_kept_reads_headings_run_in_headings_and_signature_blocks_from_the_model():
    doc = Document(key="k", lang="en", title="t", blocks=(
        Heading(2, (Run("1. Facts"),)),
        Paragraph((Run("Notes", bold=True),)),
        Paragraph((Run("Text."),)),
        Container("signature", (Paragraph((Run("For the Client:"),)), Paragraph((Run("Jane Doe"),)))),
    ))
    assert kept(doc) == Kept(headings=("1.Facts", "Notes"), signatures=(("FortheClient:", "JaneDoe"),))
