"""Pairing an English and a Chinese document block by block.

Bilingual documents have no templates of their own: the two language
versions are rendered separately and paired, interleaved or side by side.
That only works when both templates produce the same block structure, so a
mismatch is an error naming the first differing block.
"""
from __future__ import annotations

from dataclasses import replace

from restitution.document import (
    Block,
    Columns,
    Container,
    Document,
    Heading,
    ListBlock,
    PageBreak,
    Paragraph,
    Run,
    Table,
    block_text,
)
from restitution.errors import TemplateError

LAYOUTS = ("columns", "interleaved")
# A table wider than this is unreadable in half a page: in the column layout it
# is set full width, English then Chinese, between the column runs.
MAX_COLUMN_TABLE = 3
# A list longer than this gets one column row per item pair: one cell holding a
# thousand items is re-measured by the PDF writer at every page break.
MAX_COLUMN_LIST = 20

PREVAILS = {
    "en": "This document is made in English and Chinese. Should the two versions differ, "
          "the Chinese version prevails for use in the People's Republic of China.",
    "zh": "本文件以中文和英文书就。两种文本如有不一致，在中华人民共和国境内使用时以中文文本为准。",
}


def shape(block: Block) -> str:
    """What must match between the two languages: kind, level and counts."""
    if isinstance(block, Heading):
        return f"heading {block.level}"
    if isinstance(block, Paragraph):
        return f"paragraph ({block.style})"
    if isinstance(block, ListBlock):
        return f"{'ordered' if block.ordered else 'bulleted'} list of {len(block.items)} items"
    if isinstance(block, Table):
        return f"table of {len(block.header)} columns x {len(block.rows)} rows"
    if isinstance(block, Container):
        return f"::: {block.kind} container of {len(block.blocks)} blocks"
    return type(block).__name__.lower()


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


def pair(en: Document, zh: Document, layout: str = "columns", prevails: bool = True) -> Document:
    """One bilingual document from the two language versions."""
    if layout not in LAYOUTS:
        raise TemplateError(f"unknown bilingual layout {layout!r}; use one of {', '.join(LAYOUTS)}")
    check_pair(en, zh)
    notes: list[tuple[Block, Block]] = []
    if prevails and zh.lang == "zh":
        notes.append((Paragraph((Run(PREVAILS["en"]),), style="note"),
                      Paragraph((Run(PREVAILS["zh"]),), style="note")))
    blocks: list[Block] = []
    if layout == "interleaved":
        for a, b in list(zip(en.blocks, zh.blocks)) + notes:
            blocks.extend([a] if isinstance(a, PageBreak) else [a, b])
    else:
        rows: list[tuple[tuple[Block, ...], tuple[Block, ...]]] = []
        for a, b in list(zip(en.blocks, zh.blocks)) + notes:
            full_width = isinstance(a, Table) and len(a.header) > MAX_COLUMN_TABLE
            if isinstance(a, PageBreak) or full_width:
                if rows:
                    blocks.append(Columns(tuple(rows), (en.lang, zh.lang)))
                    rows = []
                blocks.extend([a] if isinstance(a, PageBreak) else [a, b])
            elif isinstance(a, ListBlock) and len(a.items) > MAX_COLUMN_LIST:
                rows.extend(((_one_item(a, i),), (_one_item(b, i),)) for i in range(len(a.items)))
            else:
                rows.append(((a,), (b,)))
        if rows:
            blocks.append(Columns(tuple(rows), (en.lang, zh.lang)))
    return replace(
        en,
        lang="bilingual",
        title=f"{en.title} / {zh.title}",
        blocks=tuple(blocks),
        langs=(en.lang, zh.lang),
    )
