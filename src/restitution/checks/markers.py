"""Bold markers in templates: each line's ``**`` (and ``__``) pair up.

Rendering refuses a marker that pairs with nothing (pipeline/emphasis.py),
but only on the branch a case takes; this reads every line of a template, so
a branch no example reaches is checked too.

Trade-off: it reads lines, not Markdown paragraphs. Templates write one
paragraph per line, and a bold phrase that spanned two lines would be
reported although it renders; a backslash-escaped marker, a Jinja comment and
anything inside ``{{ }}`` or ``{% %}`` (data, escaped when printed) are left
out. A blank to fill in (four or more underscores) is not a marker.
"""
from __future__ import annotations

import re

_COMMENT = re.compile(r"\{#.*?#\}", re.S)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}", re.S)
_MARKER = re.compile(r"(?<![\\*])\*\*(?!\*)|(?<![\\_])__(?!_)")


def check_markers(display: str, source: str) -> list[str]:
    """Lines of one template whose bold markers do not pair, as ``templates/zh/x.md.j2:12: …``."""
    text = _COMMENT.sub(lambda m: "\n" * m.group(0).count("\n"), source)
    text = _JINJA.sub(lambda m: "\n" * m.group(0).count("\n") or " ", text)
    problems = []
    for n, line in enumerate(text.split("\n"), 1):
        for mark in ("**", "__"):
            count = sum(1 for m in _MARKER.finditer(line) if m.group(0) == mark)
            if count % 2:
                problems.append(f"{display}:{n}: an odd number of '{mark}' on the line: one pairs with nothing "
                                f"and would print as it is; close it, or write {mark} as "
                                f"\\{mark[0]}\\{mark[0]}")
    return problems
