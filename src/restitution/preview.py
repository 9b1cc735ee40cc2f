"""Previews for translators: English and Chinese side by side, untranslated text marked.

Two forms: terminal text (columns aligned block by block, wide characters
counted as two cells) and a self-contained HTML page with the untranslated
fields highlighted and their key paths, so a translator knows which `_zh`
field to fill in.
"""
from __future__ import annotations

import html
import unicodedata
from typing import assert_never

from restitution.pipeline.bilingual import check_pair
from restitution.pipeline.templating import UNTRANSLATED
from restitution.document import (
    Block,
    Columns,
    Container,
    Document,
    Heading,
    Inline,
    LineBreak,
    ListBlock,
    PageBreak,
    Paragraph,
    Rule,
    Table,
)
from restitution.records import record

MARK_ON, MARK_OFF = "\x1b[30;43m", "\x1b[0m"


def cell_width(ch: str) -> int:
    if unicodedata.combining(ch):
        return 0
    return 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1


def text_width(text: str) -> int:
    return sum(cell_width(c) for c in text)


@record
class Piece:
    text: str
    marked: bool


def _pieces(inlines: tuple[Inline, ...]) -> list[list[Piece]]:
    """Lines of pieces (a LineBreak starts a new line)."""
    lines: list[list[Piece]] = [[]]
    for i in inlines:
        if isinstance(i, LineBreak):
            lines.append([])
        else:
            lines[-1].append(Piece(i.text, i.untranslated))
    return lines


def _block_lines(block: Block) -> list[list[Piece]]:
    match block:
        case Heading():
            lines = _pieces(block.inlines)
            return [[Piece(p.text.upper() if block.level == 1 else p.text, p.marked) for p in line]
                    for line in lines]
        case Paragraph():
            return _pieces(block.inlines)
        case ListBlock():
            out: list[list[Piece]] = []
            for n, item in enumerate(block.items, start=block.start):
                prefix = f"{n}. " if block.ordered else "• "
                first = True
                for b in item.blocks:
                    for line in _block_lines(b):
                        out.append([Piece(prefix if first else " " * len(prefix), False)] + line)
                        first = False
            return out
        case Table():
            rows = [block.header] + list(block.rows)
            out = []
            for row in rows:
                row_line: list[Piece] = []
                for j, cell in enumerate(row):
                    if j:
                        row_line.append(Piece(" | ", False))
                    for sub in _pieces(cell.inlines):
                        row_line.extend(sub)
                out.append(row_line)
            return out
        case Container():
            return [line for b in block.blocks for line in _block_lines(b)]
        case Columns():
            # A preview compares two single-language documents, which hold no columns; a
            # paired one shows each row's halves one after the other.
            return [line for left, right in block.rows for b in left + right for line in _block_lines(b)]
        case PageBreak():
            return [[Piece("— page break —", False)]]
        case Rule():
            return [[Piece("—" * 8, False)]]
        case _:
            assert_never(block)


def _wrap(line: list[Piece], width: int) -> list[list[Piece]]:
    """Wrap pieces to `width` cells: at spaces for Latin text, anywhere between wide characters."""
    chars = [(c, p.marked) for p in line for c in p.text]
    rows: list[list[tuple[str, bool]]] = [[]]
    used = 0
    i = 0
    while i < len(chars):
        c, _ = chars[i]
        if cell_width(c) == 2 or c == " ":
            token = [chars[i]]
        else:  # a Latin word and the spaces after it stay together
            j = i
            while j < len(chars) and chars[j][0] != " " and cell_width(chars[j][0]) < 2:
                j += 1
            token = chars[i:j] or [chars[i]]
        w = sum(cell_width(ch) for ch, _ in token)
        if used + w > width and used > 0:
            rows.append([])
            used = 0
            if token[0][0] == " ":
                i += 1
                continue
        while w > width:  # a word longer than the column is cut
            part = []
            pw = 0
            for ch in token:
                if pw + cell_width(ch[0]) > width:
                    break
                part.append(ch)
                pw += cell_width(ch[0])
            rows[-1].extend(part)
            rows.append([])
            token = token[len(part):]
            w -= pw
        rows[-1].extend(token)
        used += w
        i += len(token)
    return [[Piece(c, m) for c, m in row] for row in rows]


def _render_row(row: list[Piece], width: int, color: bool) -> str:
    out, marked = [], False
    for p in row:
        if color and p.marked != marked:
            out.append(MARK_ON if p.marked else MARK_OFF)
            marked = p.marked
        out.append(p.text)
    if color and marked:
        out.append(MARK_OFF)
    text = "".join(out)
    pad = width - text_width("".join(p.text for p in row))
    return text + " " * max(pad, 0)


def side_by_side(en: Document, zh: Document, width: int = 120, color: bool = False) -> str:
    """The two languages in two columns, block by block."""
    check_pair(en, zh)
    col = max(20, (width - 3) // 2)
    lines: list[str] = []
    for a, b in zip(en.blocks, zh.blocks):
        left = [r for line in _block_lines(a) for r in _wrap(line, col)]
        right = [r for line in _block_lines(b) for r in _wrap(line, col)]
        for k in range(max(len(left), len(right))):
            lt = _render_row(left[k], col, color) if k < len(left) else " " * col
            rt = _render_row(right[k], col, color) if k < len(right) else ""
            lines.append(f"{lt} │ {rt}".rstrip())
        lines.append("")
    return "\n".join(lines)


# ------------------------------------------------------------------ HTML

_CSS = """
body{font-family:"Noto Serif","Noto Serif SC","Songti SC",SimSun,serif;margin:2em;color:#222}
h1{font-size:1.3em}table.pair{border-collapse:collapse;width:100%}
table.pair td{vertical-align:top;padding:.4em .8em;border-bottom:1px solid #ddd;width:50%}
table.pair th{text-align:left;padding:.4em .8em;background:#f4f4f4}
mark{background:#ffe066}mark .key{font-family:monospace;font-size:.8em;color:#7a5c00;margin-left:.3em}
table.inner{border-collapse:collapse}table.inner td,table.inner th{border:1px solid #ccc;padding:.2em .4em}
.todo{background:#fff8db;border:1px solid #f0d36b;padding:.8em 1em;margin-bottom:1.5em}
code{font-size:.9em}
"""


def _inline_html(inlines: tuple[Inline, ...]) -> str:
    out = []
    for i in inlines:
        if isinstance(i, LineBreak):
            out.append("<br>")
            continue
        text = html.escape(i.text)
        if i.bold:
            text = f"<strong>{text}</strong>"
        if i.italic:
            text = f"<em>{text}</em>"
        if i.untranslated:
            key = html.escape(i.key or "")
            text = f'<mark title="{key}">{text}<span class="key">{key}</span></mark>'
        out.append(text)
    return "".join(out)


def _block_html(block: Block) -> str:
    match block:
        case Heading():
            tag = f"h{min(block.level + 1, 4)}"
            return f"<{tag}>{_inline_html(block.inlines)}</{tag}>"
        case Paragraph():
            return f'<p class="{block.style}">{_inline_html(block.inlines)}</p>'
        case ListBlock():
            tag = "ol" if block.ordered else "ul"
            items = "".join("<li>" + "".join(_block_html(b) for b in it.blocks) + "</li>" for it in block.items)
            start = f' start="{block.start}"' if block.ordered and block.start != 1 else ""
            return f"<{tag}{start}>{items}</{tag}>"
        case Table():
            head = "".join(f"<th>{_inline_html(c.inlines)}</th>" for c in block.header)
            rows = "".join("<tr>" + "".join(f"<td>{_inline_html(c.inlines)}</td>" for c in r) + "</tr>"
                           for r in block.rows)
            return f'<table class="inner"><tr>{head}</tr>{rows}</table>'
        case Container():
            return f'<div class="{block.kind}">' + "".join(_block_html(b) for b in block.blocks) + "</div>"
        case Columns():
            left, right = (html.escape(lang.tag) for lang in block.langs)
            rows = "".join(f'<tr><td lang="{left}">' + "".join(_block_html(b) for b in a) + "</td>"
                           f'<td lang="{right}">' + "".join(_block_html(b) for b in b_) + "</td></tr>"
                           for a, b_ in block.rows)
            return f'<table class="pair">{rows}</table>'
        case PageBreak() | Rule():
            return "<hr>"
        case _:
            assert_never(block)


def html_page(en: Document, zh: Document, untranslated: list[str]) -> str:
    """A self-contained page: no scripts, no external resources."""
    check_pair(en, zh)
    # Each half is tagged with its language's BCP 47 tag (a Hong Kong preview is zh-Hant-HK),
    # so a browser picks the right glyph forms and a screen reader the right voice.
    en_tag, zh_tag = html.escape(en.language.tag), html.escape(zh.language.tag)
    rows = "".join(f"<tr><td>{_block_html(a)}</td><td lang=\"{zh_tag}\">{_block_html(b)}</td></tr>"
                   for a, b in zip(en.blocks, zh.blocks))
    if untranslated:
        items = "".join(f"<li><code>{html.escape(k)}</code></li>" for k in untranslated)
        todo = (f'<div class="todo"><strong>{UNTRANSLATED} {len(untranslated)} field(s) to translate</strong>'
                f" — add these keys to the case file:<ul>{items}</ul></div>")
    else:
        todo = '<div class="todo">Every field of this document has its Chinese text.</div>'
    title = html.escape(f"{en.title} / {zh.title} — {en.case_id or ''}")
    return (
        f"<!DOCTYPE html>\n<html lang=\"{en_tag}\"><head><meta charset=\"utf-8\">"
        f"<title>{title}</title><style>{_CSS}</style></head><body>"
        f"<h1>{title}</h1>{todo}"
        f'<table class="pair"><tr><th>{html.escape(en.language.name)}</th>'
        f'<th lang="{zh_tag}">{html.escape(zh.language.name)}</th></tr>{rows}</table>'
        "</body></html>\n"
    )
