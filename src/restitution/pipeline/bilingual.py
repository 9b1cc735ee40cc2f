"""Pairing an English and a Chinese document block by block.

Bilingual documents have no templates of their own: the two language
versions are rendered separately and paired, interleaved or side by side.
That only works when both templates produce the same block structure, so a
mismatch is an error naming the first differing block.

The pairing knows which half each block comes from and says so: every block
it places carries its language (`Block.lang`), in both layouts, so the writers
set an English address naming a Chinese company in the English style and
fonts rather than guessing from its characters.
"""
from __future__ import annotations

from dataclasses import replace
from typing import assert_never

from restitution.document import (
    Block,
    Columns,
    Container,
    Document,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    Rule,
    Run,
    Table,
    block_text,
    words,
)
from restitution.errors import TemplateError
from restitution.language import ZH, Language

LAYOUTS = ("columns", "interleaved")
# A table wider than this is unreadable in half a page: in the column layout it
# is set full width, English then Chinese, between the column runs.
MAX_COLUMN_TABLE = 3
# A list longer than this gets one column row per item pair: one cell holding a
# thousand items is re-measured by the PDF writer at every page break.
MAX_COLUMN_LIST = 20
# The note saying which version prevails (phrase catalogue ``bilingual.prevails``) is
# added under documents paired with Simplified Chinese, the version used in the PRC.
PREVAILS_KEY = "bilingual.prevails"


def shape(block: Block) -> str:
    """What must match between the two languages: kind, level and counts."""
    match block:
        case Heading():
            return f"heading {block.level}"
        case Paragraph():
            return f"paragraph ({block.style})"
        case ListBlock():
            return f"{'ordered' if block.ordered else 'bulleted'} list of {len(block.items)} items"
        case Table():
            return f"table of {len(block.header)} columns x {len(block.rows)} rows"
        case Container():
            return f"::: {block.kind} container of {len(block.blocks)} blocks"
        case PageBreak() | Rule() | Columns():
            return type(block).__name__.lower()
        case _:
            assert_never(block)


def _preview(block: Block) -> str:
    text = block_text(block).replace("\n", " ")
    return text if len(text) <= 40 else text[:39] + "…"


def check_pair(en: Document, zh: Document) -> None:
    """Raise a `TemplateError` naming the first block where the two structures differ."""
    for i, (a, b) in enumerate(zip(en.blocks, zh.blocks), start=1):
        if shape(a) != shape(b):
            raise TemplateError(
                f"{en.key}: the en and {zh.lang} templates differ at block {i}: "
                f"{shape(a)} «{_preview(a)}» vs {shape(b)} «{_preview(b)}»"
            )
    if len(en.blocks) != len(zh.blocks):
        longer, n = (en, len(zh.blocks)) if len(en.blocks) > len(zh.blocks) else (zh, len(en.blocks))
        extra = longer.blocks[n]
        raise TemplateError(
            f"{en.key}: the en template has {len(en.blocks)} blocks and the {zh.lang} template "
            f"{len(zh.blocks)}; block {n + 1} ({shape(extra)} «{_preview(extra)}») has no counterpart"
        )


def _one_item(block: ListBlock, i: int) -> ListBlock:
    """Item `i` of a list as a list of its own, numbered as it was."""
    return replace(block, items=(block.items[i],), start=block.start + i)


def _in(block: Block, language: Language) -> Block:
    """`block` marked as written in `language` (a block that already says keeps its own)."""
    return block if block.lang is not None else replace(block, lang=language)


def pair(en: Document, zh: Document, layout: str = "columns", prevails: bool = True) -> Document:
    """One bilingual document from the two language versions, every block marked with its language."""
    if layout not in LAYOUTS:
        raise TemplateError(f"unknown bilingual layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    check_pair(en, zh)
    left, right = en.language, zh.language
    pairs = [(_in(a, left), _in(b, right)) for a, b in zip(en.blocks, zh.blocks)]
    if prevails and right == ZH:
        note = PREVAILS_KEY
        pairs.append((Paragraph((Run(words(en, left)(note)),), style="note", lang=left),
                      Paragraph((Run(words(zh, right)(note)),), style="note", lang=right)))
    blocks: list[Block] = []
    if layout == "interleaved":
        for a, b in pairs:
            blocks.extend([a] if isinstance(a, PageBreak) else [a, b])
    else:
        rows: list[tuple[tuple[Block, ...], tuple[Block, ...]]] = []
        for a, b in pairs:
            full_width = isinstance(a, Table) and len(a.header) > MAX_COLUMN_TABLE
            if isinstance(a, PageBreak) or full_width:
                if rows:
                    blocks.append(Columns(tuple(rows), (left, right), lang=left))
                    rows = []
                blocks.extend([a] if isinstance(a, PageBreak) else [a, b])
            elif isinstance(a, ListBlock) and isinstance(b, ListBlock) and len(a.items) > MAX_COLUMN_LIST:
                rows.extend(((_one_item(a, i),), (_one_item(b, i),)) for i in range(len(a.items)))
            else:
                rows.append(((a,), (b,)))
        if rows:
            blocks.append(Columns(tuple(rows), (left, right), lang=left))
    return replace(
        en,
        lang="bilingual",
        title=f"{en.title} / {zh.title}",
        blocks=tuple(blocks),
        langs=(left, right),
        draft=en.draft or zh.draft,
        furniture=tuple({c.language: c for c in en.furniture + zh.furniture}.values()),
    )
