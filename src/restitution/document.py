"""The document model: the one contract between rendering and writing.

A `Document` is a tree of small immutable blocks carrying semantic style
names (``title``, ``heading1``, ``body``, ``signature`` ...), never fonts or
sizes: a writer maps those names through its style sheet. `dump()` prints the
tree as stable, readable text for golden tests.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Literal, Union

if TYPE_CHECKING:
    from restitution.profile import Profile

Align = Literal["left", "center", "right", "justify"]

# Containers a template may open with ``::: name`` (see docs/templates.md).
CONTAINER_KINDS = ("signature", "address", "right", "center", "note", "letterhead", "keep")


@dataclass(frozen=True)
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    # ``untranslated`` marks text shown behind the 【待译】 marker, so a
    # preview can highlight it; ``key`` is the case key path it came from.
    untranslated: bool = False
    key: str | None = None


@dataclass(frozen=True)
class LineBreak:
    pass


Inline = Union[Run, LineBreak]


@dataclass(frozen=True)
class Heading:
    level: int  # 1 = document title, 2 = section, 3 = subsection
    inlines: tuple[Inline, ...]

    @property
    def style(self) -> str:
        return {1: "title", 2: "heading1"}.get(self.level, "heading2")


@dataclass(frozen=True)
class Paragraph:
    inlines: tuple[Inline, ...]
    style: str = "body"
    align: Align | None = None  # None: the style sheet decides


@dataclass(frozen=True)
class ListItem:
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class ListBlock:
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1


@dataclass(frozen=True)
class Cell:
    inlines: tuple[Inline, ...]
    align: Align | None = None


@dataclass(frozen=True)
class Table:
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    style: str = "table"


@dataclass(frozen=True)
class Container:
    """A fenced ``::: kind`` block: signature, address, right, center, note ..."""

    kind: str
    blocks: tuple["Block", ...]


@dataclass(frozen=True)
class PageBreak:
    pass


@dataclass(frozen=True)
class Rule:
    pass


@dataclass(frozen=True)
class Columns:
    """Two texts side by side (bilingual two-column layout): one row per block pair."""

    rows: tuple[tuple[tuple["Block", ...], tuple["Block", ...]], ...]
    langs: tuple[str, str] = ("en", "zh")


Block = Union[Heading, Paragraph, ListBlock, Table, Container, PageBreak, Rule, Columns]


@dataclass(frozen=True)
class Document:
    key: str  # "power_of_attorney"
    lang: str  # "en" | "zh" | "zh-Hant" | "bilingual"
    title: str
    blocks: tuple[Block, ...]
    date: dt.date | None = None
    case_id: str | None = None
    paper: Literal["A4", "Letter"] = "A4"
    # Languages whose style sheets the writers need (a bilingual document has two).
    langs: tuple[str, ...] = ("en",)
    meta: dict[str, str] = field(default_factory=dict, compare=False)
    # The firm's letterhead, logo and fonts (firm.yaml in the template folder); page
    # furniture the writers add, not content: dumps and comparisons ignore it.
    profile: "Profile | None" = field(default=None, compare=False, repr=False)


# ---------------------------------------------------------------- plain text


def inline_text(inlines: tuple[Inline, ...]) -> str:
    return "".join("\n" if isinstance(i, LineBreak) else i.text for i in inlines)


def block_text(block: Block) -> str:
    """The visible text of a block, for previews and tests."""
    if isinstance(block, (Heading, Paragraph)):
        return inline_text(block.inlines)
    if isinstance(block, ListBlock):
        return "\n".join(
            "\n".join(block_text(b) for b in item.blocks) for item in block.items
        )
    if isinstance(block, Table):
        lines = [" | ".join(inline_text(c.inlines) for c in block.header)]
        lines += [" | ".join(inline_text(c.inlines) for c in row) for row in block.rows]
        return "\n".join(lines)
    if isinstance(block, Container):
        return "\n".join(block_text(b) for b in block.blocks)
    if isinstance(block, Columns):
        return "\n".join(
            "\n".join(block_text(b) for b in left + right) for left, right in block.rows
        )
    return ""


def document_text(doc: Document) -> str:
    return "\n".join(t for t in (block_text(b) for b in doc.blocks) if t)


# ---------------------------------------------------------------- golden dump


def _fmt_inlines(inlines: tuple[Inline, ...]) -> str:
    out = []
    for i in inlines:
        if isinstance(i, LineBreak):
            out.append("⏎")
            continue
        marks = "".join(m for m, on in (("b", i.bold), ("i", i.italic), ("u", i.untranslated)) if on)
        out.append(f"[{marks}]{i.text}[/{marks}]" if marks else i.text)
    return "".join(out)


def _dump_block(block: Block, depth: int, out: list[str]) -> None:
    pad = "  " * depth
    if isinstance(block, Heading):
        out.append(f"{pad}{block.style}: {_fmt_inlines(block.inlines)}")
    elif isinstance(block, Paragraph):
        align = f" ({block.align})" if block.align else ""
        out.append(f"{pad}{block.style}{align}: {_fmt_inlines(block.inlines)}")
    elif isinstance(block, ListBlock):
        kind = f"ordered from {block.start}" if block.ordered else "bullets"
        out.append(f"{pad}list {kind}:")
        for item in block.items:
            out.append(f"{pad}  -")
            for b in item.blocks:
                _dump_block(b, depth + 2, out)
    elif isinstance(block, Table):
        out.append(f"{pad}{block.style} {len(block.header)} columns x {len(block.rows)} rows:")
        out.append(f"{pad}  | " + " | ".join(_fmt_inlines(c.inlines) for c in block.header) + " |")
        for row in block.rows:
            out.append(f"{pad}  | " + " | ".join(_fmt_inlines(c.inlines) for c in row) + " |")
    elif isinstance(block, Container):
        out.append(f"{pad}::: {block.kind}")
        for b in block.blocks:
            _dump_block(b, depth + 1, out)
    elif isinstance(block, PageBreak):
        out.append(f"{pad}--- page break ---")
    elif isinstance(block, Rule):
        out.append(f"{pad}--- rule ---")
    elif isinstance(block, Columns):
        out.append(f"{pad}columns {block.langs[0]} | {block.langs[1]}:")
        for left, right in block.rows:
            out.append(f"{pad}  row:")
            for b in left:
                _dump_block(b, depth + 2, out)
            out.append(f"{pad}  |")
            for b in right:
                _dump_block(b, depth + 2, out)
    else:  # pragma: no cover - the Block union is closed
        raise TypeError(f"unknown block {block!r}")


def dump(doc: Document) -> str:
    """Readable, stable text of the whole tree (golden files)."""
    head = [
        f"document {doc.key} [{doc.lang}] paper={doc.paper}",
        f"title: {doc.title}",
        f"date: {doc.date.isoformat() if doc.date else '-'}",
        "",
    ]
    body: list[str] = []
    for b in doc.blocks:
        _dump_block(b, 0, body)
    return "\n".join(head + body) + "\n"
