"""Layout rules over consecutive lines and pages, read from word boxes (`checks.layout`).

- An e-mail address or URL of the case is printed whole, or cut only where the
  Chicago Manual of Style allows (`url_break`): a line ending in the first part
  of an address whose next line in the same column goes on with the rest of it
  ("lily.brightway@163.exampl" / "e") is reported.
- No heading is the last text of a page (or of a column of bilingual text)
  while its text starts the next page, and no signature block is split over
  two pages (`check_kept`). Which lines are headings and signature blocks is
  read from the document model (`kept`), not guessed from bold text.

The trade-off: "the next line in the same column" is the nearest line below
sharing some of the line's width, which follows bilingual columns and table
cells but not an address or a block running on to the next page's other
column; and a text of the model is found on the page by its characters, spaces
squashed, so two blocks of the same text cannot be told apart.
"""
from __future__ import annotations

import dataclasses
from typing import Iterable

from restitution.checks.layout import Bands, PageWords, Word, _squash, line_text, lines
from restitution.formatting.breaks import ADDRESS, url_break
from restitution.records import record

def addresses(value) -> set[str]:
    """Every e-mail address and URL in a case (or any tree of dataclasses, mappings,
    sequences and strings), without the punctuation that may close a sentence after it."""
    found: set[str] = set()
    stack = [value]
    while stack:
        item = stack.pop()
        if isinstance(item, str):
            found.update(a.rstrip(".,;:)") for a in ADDRESS.findall(item))
        elif dataclasses.is_dataclass(item) and not isinstance(item, type):
            stack.extend(getattr(item, f.name) for f in dataclasses.fields(item))
        elif isinstance(item, dict):
            stack.extend(item.values())
        elif isinstance(item, (list, tuple, set, frozenset)):
            stack.extend(item)
    return found


def check_addresses(pages: list[PageWords], known: Iterable[str]) -> list[str]:
    """Addresses cut at a place `url_break` does not allow: a line ending in the first part of
    an address whose next line in the same column goes on with the rest of it
    ("lily.brightway@163.exampl" / "e"). An address that runs on to the next page is not
    followed there."""
    known = sorted({a for a in known if len(a) > 1}, key=len, reverse=True)
    problems = []
    for page in pages:
        rows = lines(page.words)
        texts = [_squash(line_text(r)) for r in rows]
        for i, text in enumerate(texts):
            below = _next_in_column(rows, i)
            if below is None:
                continue
            for address in known:
                cut = _cut_at(text, texts[below], address)
                if cut is not None and not url_break(address, cut):
                    problems.append(f"page {page.number}: {address} is cut after "
                                    f"“{address[:cut]}”, not before a slash, a period, the @ or a hyphen")
                    break
    return problems


def _cut_at(line: str, below: str, address: str) -> int | None:
    """Where `address` is cut when `line` ends with its first part and `below` goes on with
    the next part: the index of the first character moved down, or None."""
    for at in range(len(address) - 1, 0, -1):
        head, tail = address[:at], address[at:]
        # The next line holds the rest, or the next part when the address is cut again.
        if line.endswith(head) and (below.startswith(tail) or (len(below) > 1 and tail.startswith(below))):
            return at
    return None


def _next_in_column(rows: list[list[Word]], i: int) -> int | None:
    """The nearest line below line i that shares some of its width: the next line of the same
    column (the other column's lines, beside it, share none)."""
    row = rows[i]
    x0, x1, bottom = row[0].x0, row[-1].x1, row[0].bottom
    best = None
    for j, other in enumerate(rows):
        if other[0].bottom <= bottom + 0.5 or other[0].x0 >= x1 or other[-1].x1 <= x0:
            continue
        if best is None or other[0].bottom < rows[best][0].bottom:
            best = j
    return best


@record
class Kept:
    """Texts that must not end a page: headings (and run-in headings, "**Notes**"), and the
    paragraphs of each signature block, in order."""

    headings: tuple[str, ...] = ()
    signatures: tuple[tuple[str, ...], ...] = ()


def kept(doc) -> Kept:
    """The headings and signature blocks of a rendered `Document` (restitution.document)."""
    from restitution.document import Columns, Container, Heading, ListBlock, Paragraph, block_text
    from restitution.writers._textflow import labelled

    headings: list[str] = []
    signatures: list[tuple[str, ...]] = []

    def visit(blocks) -> None:
        for block, label in labelled(blocks):
            if isinstance(block, Heading) or (label and isinstance(block, Paragraph)):
                headings.append(_squash(block_text(block)))
            elif isinstance(block, Container):
                if block.kind == "signature":
                    signatures.append(tuple(_squash(block_text(b)) for b in block.blocks if block_text(b).strip()))
                visit(block.blocks)
            elif isinstance(block, Columns):
                for left, right in block.rows:
                    visit(left)
                    visit(right)
            elif isinstance(block, ListBlock):
                for item in block.items:
                    visit(item.blocks)

    visit(doc.blocks)
    return Kept(tuple(h for h in headings if h), tuple(s for s in signatures if s))


def check_kept(pages: list[PageWords], bands: Bands, rules: Kept) -> list[str]:
    """A heading left at the foot of a page (or of a column) with its text on the next page,
    and a signature block split over two pages: seen from the last line of each column of a
    page and the first lines of the next page below it."""
    problems = []
    for page, after in zip(pages, pages[1:]):
        rows = [r for r in lines(page.words) if _in_body(r, page, bands)]
        below = [r for r in lines(after.words) if _in_body(r, after, bands)]
        if not below:
            continue
        for i, row in enumerate(rows):
            if _next_in_column(rows, i) is not None:
                continue  # not the last line of its column
            text = _squash(line_text(row))
            heading = next((h for h in rules.headings if _ends(h, rows, i)), None)
            if heading is not None:
                problems.append(f"page {page.number}: the heading “{heading[:40]}” is the last text of the "
                                f"page; its text starts page {after.number}")
                continue
            follow = _first_below(below, row)
            for block in rules.signatures:
                whole = "".join(block)
                at = whole.find(text) if len(text) >= 2 else -1
                if at < 0 or follow is None:
                    continue
                rest = whole[at + len(text):]
                if rest and rest.startswith(_squash(line_text(follow))[:max(2, min(len(rest), 8))]):
                    problems.append(f"page {page.number}: the signature block “{block[0][:30]}” is split "
                                    f"over pages {page.number} and {after.number}")
                    break
    return problems


def _ends(heading: str, rows: list[list[Word]], i: int) -> bool:
    """Is line i the heading, or the last line of a heading that wraps: the lines above it in
    its column, read upwards, make up the heading exactly?"""
    text = ""
    at: int | None = i
    while at is not None and len(text) < len(heading):
        text = _squash(line_text(rows[at])) + text
        if not heading.endswith(text):
            return False
        at = _prev_in_column(rows, at)
    return text == heading


def _prev_in_column(rows: list[list[Word]], i: int) -> int | None:
    """The nearest line above line i that shares some of its width."""
    row = rows[i]
    x0, x1, bottom = row[0].x0, row[-1].x1, row[0].bottom
    found = [j for j, r in enumerate(rows) if r[0].bottom < bottom - 0.5 and r[0].x0 < x1 and r[-1].x1 > x0]
    return max(found, key=lambda j: rows[j][0].bottom) if found else None


def _in_body(row: list[Word], page: PageWords, bands: Bands) -> bool:
    middle = (min(w.top for w in row) + max(w.bottom for w in row)) / 2
    return bands.top <= middle <= page.height - bands.bottom


def _first_below(rows: list[list[Word]], above: list[Word]) -> list[Word] | None:
    """The first line of the next page in the column of `above` (sharing some of its width)."""
    x0, x1 = above[0].x0, above[-1].x1
    found = [r for r in rows if r[0].x0 < x1 and r[-1].x1 > x0]
    return min(found, key=lambda r: r[0].bottom) if found else None
