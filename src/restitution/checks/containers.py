"""`:::` containers in templates: each one closed, and in the same template branch it opened in.

A container left open centres (or right-aligns, or shrinks) every paragraph
after it; a closing ``:::`` that a template tag swallows (inside an
``{% if %}`` whose opener is outside it) leaves a stray ``:::`` printed for
the cases that take the other branch, and the container open. Both render
without an error, so `restitution check` looks for them in two ways:

- statically, in each template's source: the opening and closing lines of
  containers are paired within each branch of each ``{% if %}``, ``{% for %}``,
  ``{% macro %}`` or ``{% call %}`` block (an ``{% elif %}``/``{% else %}``
  starts a new branch);
- in the rendered documents of the example cases: a paragraph that begins
  with ``:::`` is a container line Markdown did not take as one.

Trade-off: the static check reads lines, not Jinja's parse tree. A container
opener or closer is a line of its own (that is how the Markdown extension
reads it), and the tags that open and close branches are found with one
pattern; templates that build container lines inside expressions are not
followed, and the rendered check covers those.
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from restitution.document import Block, Container, Paragraph, inline_text

_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_TAG = re.compile(r"\{%-?\s*(\w+)(.*?)-?%\}", re.S)
_OPENER = re.compile(r"^\s*:::\s*(\w+)\s*$")
_CLOSER = re.compile(r"^\s*:::\s*$")
_BLOCKS = {"if": "endif", "for": "endfor", "macro": "endmacro", "call": "endcall", "filter": "endfilter"}
_BRANCH = {"elif", "else"}


@dataclass
class _Frame:
    tag: str
    line: int
    open: list[tuple[str, int]]  # containers opened in the current branch: (kind, line)


def check_containers(display: str, source: str) -> list[str]:
    """Problems of one template's containers, each as ``templates/en/x.md.j2:12: …``."""
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    events: list[tuple[int, str, str]] = []  # (offset, what, name)
    for m in _TAG.finditer(text):
        word, rest = m.group(1), m.group(2)
        if word == "set" and "=" not in rest:  # {% set x %}…{% endset %} is a block too
            events.append((m.start(), "open", "set"))
        elif word in _BLOCKS:
            events.append((m.start(), "open", word))
        elif word in _BRANCH:
            events.append((m.start(), "branch", word))
        elif word.startswith("end"):
            events.append((m.start(), "close", word))
    offset = 0
    for line in text.split("\n"):
        if _OPENER.match(line) and "{" not in line:
            events.append((offset, "container", _OPENER.match(line).group(1)))  # type: ignore[union-attr]
        elif _CLOSER.match(line):
            events.append((offset, "end_container", ""))
        offset += len(line) + 1
    events.sort(key=lambda e: e[0])

    def line_of(pos: int) -> int:
        return text.count("\n", 0, pos) + 1

    problems: list[str] = []
    stack = [_Frame("template", 1, [])]

    def unclosed(frame: _Frame, where: str) -> None:
        for kind, at in frame.open:
            problems.append(f"{display}:{at}: '::: {kind}' is not closed {where}; add a ':::' line "
                            "(an open container takes every paragraph after it)")
        frame.open = []

    for pos, what, name in events:
        frame = stack[-1]
        if what == "container":
            frame.open.append((name, line_of(pos)))
        elif what == "end_container":
            if frame.open:
                frame.open.pop()
            else:
                where = (f"inside the {{% {frame.tag} %}} of line {frame.line}" if frame.tag != "template"
                         else "with no container open")
                problems.append(f"{display}:{line_of(pos)}: ':::' closes a container opened outside it, {where}: "
                                "the template tag swallows the container; open and close it in the same branch")
        elif what == "open":
            stack.append(_Frame(name, line_of(pos), []))
        elif what == "branch" and len(stack) > 1:
            unclosed(frame, f"before the {{% {name} %}} of line {line_of(pos)}")
        elif what == "close" and len(stack) > 1:
            unclosed(frame, f"before the {{% {name} %}} of line {line_of(pos)}")
            stack.pop()
    for frame in stack:
        unclosed(frame, "by the end of the template")
    return problems


def stray_lines(blocks: tuple[Block, ...]) -> list[str]:
    """Container lines that reached a document as text (a ':::' Markdown did not take)."""
    out: list[str] = []
    for b in blocks:
        if isinstance(b, Paragraph):
            text = inline_text(b.inlines).strip()
            if text.startswith(":::"):
                out.append(text.splitlines()[0][:40])
        elif isinstance(b, Container):
            out += stray_lines(b.blocks)
    return out
