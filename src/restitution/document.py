"""The document model: the one contract between rendering and writing.

A `Document` is a tree of small immutable blocks carrying semantic style
names (``title``, ``heading1``, ``body``, ``signature`` ...), never fonts or
sizes: a writer maps those names through its style sheet. `dump()` prints the
tree as stable, readable text for golden tests.

Every block carries its language (`lang`), so a writer picks the style sheet,
the fonts and the ``w:lang`` of a block from the model and never guesses from
its characters (an English address naming a Chinese company is still
English). ``None`` means the language of the enclosing block, and at the top
the document's first language (`Document.language`), which the pipeline sets;
the bilingual pairing sets the language of every block it places. A field
rather than a wrapper block: a wrapper would be one more block kind for every
writer, would double the blocks of an interleaved document, and would sit
between a heading and the paragraph it is kept with; a field changes nothing
in the tree's shape (`bilingual.shape`, keep-with-next, page breaks).

Block handling is exhaustive: each function over blocks is a ``match`` over
the closed `Block` union ending in ``assert_never``, so a new block kind that
a writer forgets is a type error (mypy), not a silently empty block.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Iterator, Literal, Union, assert_never

from restitution.language import EN, ZH, Language, get as get_language
from restitution.records import record

if TYPE_CHECKING:
    from restitution.language.catalogue import Catalogue
    from restitution.pipeline.profile import Profile

Align = Literal["left", "center", "right", "justify"]

# Containers a template may open with ``::: name`` (see docs/templates.md).
CONTAINER_KINDS = ("signature", "address", "right", "center", "note", "letterhead", "keep")


@record
class Run:
    text: str
    bold: bool = False
    italic: bool = False
    # ``untranslated`` marks text shown behind the 【待译】 marker, so a
    # preview can highlight it; ``key`` is the case key path it came from.
    untranslated: bool = False
    key: str | None = None


@record
class LineBreak:
    pass


Inline = Union[Run, LineBreak]


@record
class _Block:
    # Keyword-only, after each block's own fields: ``Paragraph(inlines, lang=ZH)``.
    lang: Language | None = field(default=None, kw_only=True)


@record
class Heading(_Block):
    level: int  # 1 = document title, 2 = section, 3 = subsection
    inlines: tuple[Inline, ...]

    @property
    def style(self) -> str:
        return {1: "title", 2: "heading1"}.get(self.level, "heading2")


@record
class Paragraph(_Block):
    inlines: tuple[Inline, ...]
    style: str = "body"
    align: Align | None = None  # None: the style sheet decides


@record
class ListItem:
    blocks: tuple["Block", ...]


@record
class ListBlock(_Block):
    items: tuple[ListItem, ...]
    ordered: bool = False
    start: int = 1


@record
class Cell:
    inlines: tuple[Inline, ...]
    align: Align | None = None


@record
class Table(_Block):
    header: tuple[Cell, ...]
    rows: tuple[tuple[Cell, ...], ...]
    style: str = "table"


@record
class Container(_Block):
    """A fenced ``::: kind`` block: signature, address, right, center, note ..."""

    kind: str
    blocks: tuple["Block", ...]


@record
class PageBreak(_Block):
    pass  # a break belongs to no language, but the pairing still sets one


@record
class Rule(_Block):
    pass


@record
class Columns(_Block):
    """Two texts side by side (bilingual two-column layout): one row per block pair."""

    rows: tuple[tuple[tuple["Block", ...], tuple["Block", ...]], ...]
    # The language of each column: of its blocks, and of its style sheet when a cell is empty.
    langs: tuple[Language, Language] = (EN, ZH)

    def __post_init__(self) -> None:
        left, right = self.langs
        object.__setattr__(self, "langs", (get_language(left), get_language(right)))


Block = Union[Heading, Paragraph, ListBlock, Table, Container, PageBreak, Rule, Columns]


@record
class Document:
    key: str  # "power_of_attorney"
    lang: str  # the output mode, as in file names: "en" | "zh" | "zh-Hant" | "bilingual"
    title: str
    blocks: tuple[Block, ...]
    date: dt.date | None = None
    case_id: str | None = None
    paper: Literal["A4", "Letter"] = "A4"
    # The document's languages, its main one first (a bilingual document has two); a block
    # without a language of its own is in the first. Codes are looked up (strictly) on creation.
    langs: tuple[Language, ...] = (EN,)
    meta: dict[str, str] = field(default_factory=dict, compare=False)
    # The firm's letterhead, logo and fonts (firm.yaml in the template folder); page
    # furniture the writers add, not content: dumps and comparisons ignore it.
    profile: "Profile | None" = field(default=None, compare=False, repr=False)
    # The template roots the document was rendered from (a firm's folder first): the
    # writers word their page furniture (the footer) from these roots' phrase catalogues.
    # Empty: the bundled templates only.
    template_roots: tuple[Path, ...] = field(default=(), compare=False, repr=False)
    # A draft (render --draft) prints Chinese fields the case lacks as 【待译】 + English:
    # the writers mark every page DRAFT / 草稿 so it cannot be filed by mistake.
    draft: bool = False
    # The phrases the writers print themselves (FURNITURE_KEYS), by language, taken from the
    # catalogues when the model is made: a writer in another process (pipeline.writer_process)
    # then reads no catalogue. Empty: the writers read them through `template_roots`.
    furniture: tuple["Catalogue", ...] = field(default=(), compare=False, repr=False)

    def __post_init__(self) -> None:
        if not self.langs:
            raise ValueError("a document has at least one language")
        object.__setattr__(self, "langs", tuple(get_language(lang) for lang in self.langs))

    @property
    def language(self) -> Language:
        """The main language: page furniture, metadata, and blocks without a language of their own."""
        return self.langs[0]


def words(doc: Document, language: Language) -> "Catalogue":
    """The phrase catalogue of `language` through the document's template roots: the words
    the writers and the pairing add themselves (page footer, the prevailing-version note)."""
    from restitution.language.catalogue import catalogue

    roots = doc.template_roots
    if not roots:
        from restitution.pipeline.templating import bundled_templates

        roots = (bundled_templates(),)
    return catalogue(language, roots)


# The catalogue phrases the writers print: the page footer and a draft's mark (writers._furniture).
FURNITURE_KEYS = ("common.page_footer", "common.draft_mark")


def furniture_words(doc: Document, language: Language) -> "Catalogue":
    """The phrases of `language` the writers print on `doc`'s pages: those the document
    carries, else its catalogue's."""
    for carried in doc.furniture:
        if carried.language == language:
            return carried
    return words(doc, language)


def language_of(block: "Block", enclosing: Language) -> Language:
    """The language a block is written in, inside a block (or document) in `enclosing`."""
    return block.lang if block.lang is not None else enclosing


def walk(blocks: tuple["Block", ...]) -> Iterator["Block"]:
    """Every block of a tree, depth first, with the language each is written in left to
    `language_of`."""
    for block in blocks:
        yield block
        match block:
            case ListBlock(items=items):
                for item in items:
                    yield from walk(item.blocks)
            case Container(blocks=inner):
                yield from walk(inner)
            case Columns(rows=rows):
                for left, right in rows:
                    yield from walk(left + right)
            case Heading() | Paragraph() | Table() | PageBreak() | Rule():
                pass
            case _:
                assert_never(block)


def languages(doc: Document) -> tuple[Language, ...]:
    """Every language a writer needs the style sheet of: the document's, then any a block names."""
    found = dict.fromkeys(doc.langs)
    for block in walk(doc.blocks):
        if isinstance(block, Columns):
            found.update(dict.fromkeys(block.langs))
        if block.lang is not None:
            found[block.lang] = None
    return tuple(found)


# ---------------------------------------------------------------- plain text


def inline_text(inlines: tuple[Inline, ...]) -> str:
    return "".join("\n" if isinstance(i, LineBreak) else i.text for i in inlines)


def block_text(block: Block) -> str:
    """The visible text of a block, for previews and tests."""
    match block:
        case Heading(inlines=inlines) | Paragraph(inlines=inlines):
            return inline_text(inlines)
        case ListBlock(items=items):
            return "\n".join("\n".join(block_text(b) for b in item.blocks) for item in items)
        case Table(header=header, rows=rows):
            lines = [" | ".join(inline_text(c.inlines) for c in header)]
            lines += [" | ".join(inline_text(c.inlines) for c in row) for row in rows]
            return "\n".join(lines)
        case Container(blocks=blocks):
            return "\n".join(block_text(b) for b in blocks)
        case Columns(rows=rows):
            return "\n".join("\n".join(block_text(b) for b in left + right) for left, right in rows)
        case PageBreak() | Rule():
            return ""
        case _:
            assert_never(block)


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


def _dump_block(block: Block, depth: int, out: list[str], enclosing: Language) -> None:
    pad = "  " * depth
    lang = language_of(block, enclosing)
    # A block's language shows where it differs from the enclosing one (the Chinese half of
    # a bilingual document outside its columns); everywhere else the dump is as it was.
    mark = f" [{lang.code}]" if lang != enclosing else ""
    match block:
        case Heading():
            out.append(f"{pad}{block.style}{mark}: {_fmt_inlines(block.inlines)}")
        case Paragraph():
            align = f" ({block.align})" if block.align else ""
            out.append(f"{pad}{block.style}{align}{mark}: {_fmt_inlines(block.inlines)}")
        case ListBlock():
            kind = f"ordered from {block.start}" if block.ordered else "bullets"
            out.append(f"{pad}list {kind}{mark}:")
            for item in block.items:
                out.append(f"{pad}  -")
                for b in item.blocks:
                    _dump_block(b, depth + 2, out, lang)
        case Table():
            out.append(f"{pad}{block.style}{mark} {len(block.header)} columns x {len(block.rows)} rows:")
            out.append(f"{pad}  | " + " | ".join(_fmt_inlines(c.inlines) for c in block.header) + " |")
            for row in block.rows:
                out.append(f"{pad}  | " + " | ".join(_fmt_inlines(c.inlines) for c in row) + " |")
        case Container():
            out.append(f"{pad}::: {block.kind}{mark}")
            for b in block.blocks:
                _dump_block(b, depth + 1, out, lang)
        case PageBreak():
            out.append(f"{pad}--- page break ---")
        case Rule():
            out.append(f"{pad}--- rule ---{mark}")
        case Columns():
            out.append(f"{pad}columns {block.langs[0]} | {block.langs[1]}:")
            for left, right in block.rows:
                out.append(f"{pad}  row:")
                for b in left:
                    _dump_block(b, depth + 2, out, block.langs[0])
                out.append(f"{pad}  |")
                for b in right:
                    _dump_block(b, depth + 2, out, block.langs[1])
        case _:
            assert_never(block)


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
        _dump_block(b, 0, body, doc.language)
    return "\n".join(head + body) + "\n"
