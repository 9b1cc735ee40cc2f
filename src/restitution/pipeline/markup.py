"""Markdown (as the templates produce it) → the document model.

CommonMark via markdown-it-py, with GFM tables and ``:::`` containers
(mdit-py-plugins). Raw HTML is off, so markup in data prints literally.
Links are not part of the template language except the internal
``<untranslated:key.path>`` form made by the ``tr`` filter, which marks the
runs inside as untranslated. Emphasis follows CommonMark amended for Chinese
(pipeline/emphasis.py): ``**未按时发货。**合同`` is bold, and a ``**`` left
unpaired is an error rather than two asterisks on a filed page.
"""
from __future__ import annotations

import functools
import re
from urllib.parse import unquote

from markdown_it import MarkdownIt
from markdown_it.token import Token
from mdit_py_plugins.container import container_plugin

from restitution.document import (
    CONTAINER_KINDS,
    Align,
    Block,
    Cell,
    Container,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    ListItem,
    PageBreak,
    Paragraph,
    Rule,
    Run,
    Table,
)
from restitution.errors import TemplateError
from restitution.formatting.breaks import cjk
from restitution.pipeline.emphasis import STRAY_KEY, cjk_emphasis
from restitution.pipeline.templating import LINE_BREAK


@functools.lru_cache(maxsize=1)
def parser() -> MarkdownIt:
    md = MarkdownIt("commonmark", {"html": False, "linkify": False, "typographer": False})
    md.enable("table")
    md.use(cjk_emphasis)
    for kind in CONTAINER_KINDS + ("pagebreak",):
        md.use(container_plugin, name=kind)
    return md


def parse(text: str) -> tuple[Block, ...]:
    env: dict = {}
    tokens = parser().parse(text, env)
    if env.get(STRAY_KEY):
        marks, near = env[STRAY_KEY][0]
        escaped = "".join("\\" + m for m in marks)
        raise TemplateError(f"'{marks}' near '{near.replace(LINE_BREAK, ' ')}' opens or closes no bold or "
                            f"italic and would print as it is: pair it, or write it as {escaped} in the template")
    blocks, pos = _blocks(tokens, 0, None, "body")
    if pos != len(tokens):  # pragma: no cover - markdown-it always balances tokens
        raise TemplateError("unbalanced Markdown structure")
    return tuple(blocks)


# ------------------------------------------------------------------ blocks


def _blocks(tokens: list[Token], pos: int, close: str | None, style: str) -> tuple[list[Block], int]:
    """Read blocks until the token type `close`; returns the blocks and the position after it."""
    out: list[Block] = []
    while pos < len(tokens):
        tok = tokens[pos]
        if close is not None and tok.type == close:
            return out, pos + 1
        t = tok.type
        if t == "heading_open":
            level = min(int(tok.tag[1]), 3)
            out.append(Heading(level, _inlines(tokens[pos + 1])))
            pos += 3
        elif t == "paragraph_open":
            out.append(Paragraph(_inlines(tokens[pos + 1]), style=style))
            pos += 3
        elif t in ("bullet_list_open", "ordered_list_open"):
            listing, pos = _list(tokens, pos, style)
            out.append(listing)
        elif t == "table_open":
            table, pos = _table(tokens, pos)
            out.append(table)
        elif t == "hr":
            out.append(Rule())
            pos += 1
        elif t.startswith("container_") and t.endswith("_open"):
            kind = t[len("container_"):-len("_open")]
            inner_style = "body" if kind == "keep" else kind
            inner, pos = _blocks(tokens, pos + 1, f"container_{kind}_close", inner_style)
            out.append(PageBreak() if kind == "pagebreak" else Container(kind, tuple(inner)))
        elif t == "blockquote_open":
            inner, pos = _blocks(tokens, pos + 1, "blockquote_close", "note")
            out.append(Container("note", tuple(inner)))
        elif t in ("code_block", "fence"):
            # Indented text in a template is kept literally, line by line.
            lines = tok.content.rstrip("\n").split("\n")
            runs: list[Inline] = []
            for i, line in enumerate(lines):
                if i:
                    runs.append(LineBreak())
                runs.append(Run(line.replace(LINE_BREAK, " ")))
            out.append(Paragraph(tuple(runs), style=style))
            pos += 1
        else:
            raise TemplateError(f"unsupported Markdown element {t!r} (see docs/templates.md)")
    if close is not None:
        raise TemplateError(f"a block was opened but not closed (expected {close})")
    return out, pos


def _list(tokens: list[Token], pos: int, style: str) -> tuple[ListBlock, int]:
    open_tok = tokens[pos]
    ordered = open_tok.type == "ordered_list_open"
    start = int(open_tok.attrGet("start") or 1) if ordered else 1
    close = "ordered_list_close" if ordered else "bullet_list_close"
    items: list[ListItem] = []
    pos += 1
    while tokens[pos].type != close:
        assert tokens[pos].type == "list_item_open"
        inner, pos = _blocks(tokens, pos + 1, "list_item_close", "list" if style == "body" else style)
        items.append(ListItem(tuple(inner)))
    return ListBlock(tuple(items), ordered=ordered, start=start), pos + 1


# The alignments a Markdown table's header line (:--, :-:, --:) can give a column.
_COLUMN_ALIGNS: dict[str, Align] = {"left": "left", "center": "center", "right": "right"}


def _align(tok: Token) -> Align | None:
    style = tok.attrGet("style") or ""
    m = re.search(r"text-align:(left|right|center)", str(style))
    return _COLUMN_ALIGNS[m.group(1)] if m else None


def _table(tokens: list[Token], pos: int) -> tuple[Table, int]:
    header: list[Cell] = []
    rows: list[tuple[Cell, ...]] = []
    current: list[Cell] = []
    in_head = False
    pos += 1
    while tokens[pos].type != "table_close":
        tok = tokens[pos]
        if tok.type == "thead_open":
            in_head = True
        elif tok.type == "thead_close":
            in_head = False
        elif tok.type == "tr_open":
            current = []
        elif tok.type == "tr_close":
            if in_head:
                header = current
            else:
                rows.append(tuple(current))
        elif tok.type in ("th_open", "td_open"):
            current.append(Cell(_inlines(tokens[pos + 1]), align=_align(tok)))
            pos += 2
        pos += 1
    return Table(tuple(header), tuple(rows)), pos + 1


# ------------------------------------------------------------------ inlines


def _inlines(tok: Token) -> tuple[Inline, ...]:
    out: list[Inline] = []
    bold = italic = False
    untranslated_key: str | None = None
    children = tok.children or []
    for i, child in enumerate(children):
        t = child.type
        if t in ("text", "code_inline", "html_inline"):
            _add_text(out, child.content, bold, italic, untranslated_key)
        elif t == "softbreak":
            prev = _last_char(out)
            nxt = _first_char(children[i + 1:])
            sep = "" if (cjk(prev or "") or cjk(nxt or "")) else " "
            if sep:
                _add_text(out, sep, bold, italic, untranslated_key)
        elif t == "hardbreak":
            out.append(LineBreak())
        elif t == "strong_open":
            bold = True
        elif t == "strong_close":
            bold = False
        elif t == "em_open":
            italic = True
        elif t == "em_close":
            italic = False
        elif t == "link_open":
            href = str(child.attrGet("href") or "")
            if href.startswith("untranslated:"):
                # markdown-it percent-encodes link targets; the key path is ours
                untranslated_key = unquote(href[len("untranslated:"):])
        elif t == "link_close":
            untranslated_key = None
        elif t == "image":
            _add_text(out, child.content, bold, italic, untranslated_key)
        else:  # pragma: no cover - the commonmark preset has no other inline tokens
            raise TemplateError(f"unsupported inline Markdown element {t!r}")
    return _merge(out)


def _add_text(out: list[Inline], text: str, bold: bool, italic: bool, key: str | None) -> None:
    parts = text.split(LINE_BREAK)
    for j, part in enumerate(parts):
        if j:
            out.append(LineBreak())
        if part:
            out.append(Run(part, bold=bold, italic=italic, untranslated=key is not None, key=key))


def _merge(runs: list[Inline]) -> tuple[Inline, ...]:
    """Join neighbouring runs with the same marks (markdown-it splits text at escapes)."""
    out: list[Inline] = []
    for r in runs:
        if (isinstance(r, Run) and out and isinstance(out[-1], Run)
                and (out[-1].bold, out[-1].italic, out[-1].untranslated, out[-1].key)
                == (r.bold, r.italic, r.untranslated, r.key)):
            out[-1] = Run(out[-1].text + r.text, r.bold, r.italic, r.untranslated, r.key)
        else:
            out.append(r)
    return tuple(out)


def _last_char(out: list[Inline]) -> str | None:
    for r in reversed(out):
        if isinstance(r, Run) and r.text:
            return r.text[-1]
    return None


def _first_char(children: list[Token]) -> str | None:
    for c in children:
        if c.type == "text" and c.content:
            return c.content[0]
    return None
