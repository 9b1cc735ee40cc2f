"""Writing Chinese fields into a case file without disturbing the rest of it.

The case file is the lawyer's: its comments, key order, quoting, folded
paragraphs and indentation are theirs. ruamel.yaml reads it as a round-trip
tree that keeps all of these, the `_zh` fields are set in that tree (a new one
right after its English field, an existing one in place), and the tree is
written back with the file's own indentation, line endings and byte-order
mark. The trade-off: ruamel re-emits the file rather than patching lines, so
a few spellings are normalised the way ruamel writes them (an explicit
``null`` is kept by the representer below; odd spacing inside flow
collections is not). The caller checks that the result still loads as the
same case with only those fields changed before anything is written.
"""
from __future__ import annotations

import io
import re
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import CommentMark
from ruamel.yaml.scalarstring import FoldedScalarString, LiteralScalarString
from ruamel.yaml.tokens import CommentToken
from ruamel.yaml.util import load_yaml_guess_indent

_TOKEN = re.compile(r"([A-Za-z_][A-Za-z0-9_]*)|\[(\d+)\]")


def split_path(path: str) -> list[str | int]:
    """``facts[3].text`` as ``["facts", 3, "text"]``; ValueError when it is not a key path."""
    out: list[str | int] = []
    pos = 0
    for m in _TOKEN.finditer(path):
        gap = path[pos:m.start()]
        if gap not in ("", ".") or (gap == "." and not out) or (m.group(1) and out and gap != "."):
            raise ValueError(path)
        out.append(m.group(1) if m.group(1) else int(m.group(2)))
        pos = m.end()
    if pos != len(path) or not out or not isinstance(out[-1], str):
        raise ValueError(path)
    return out


def _represent_null(representer: Any, data: None) -> Any:
    return representer.represent_scalar("tag:yaml.org,2002:null", "null")


_PARENT = re.compile(r"^( *)[^\s#\-][^:#]*:\s*(#.*)?$")  # "client:" with its mapping below
_KEY = re.compile(r"^( *)[^\s#\-][^:#]*:")


def _mapping_indent(text: str) -> int:
    """How far a nested mapping is indented under its key: the most common step from a
    ``key:`` line to the key line below it (2 when the file has no nested mapping)."""
    lines = [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]
    steps: dict[int, int] = {}
    for above, below in zip(lines, lines[1:]):
        parent, child = _PARENT.match(above), _KEY.match(below)
        if parent and child and len(child.group(1)) > len(parent.group(1)):
            step = len(child.group(1)) - len(parent.group(1))
            steps[step] = steps.get(step, 0) + 1
    return max(steps, key=lambda k: steps[k]) if steps else 2


def _yaml(text: str) -> YAML:
    _, seq_indent, dash_offset = load_yaml_guess_indent(text)
    yaml = YAML()  # round trip
    yaml.preserve_quotes = True
    yaml.width = 4096  # a long Chinese line is not folded where the lawyer did not fold it
    yaml.indent(mapping=_mapping_indent(text), sequence=seq_indent or 2, offset=dash_offset or 0)
    yaml.representer.add_representer(type(None), _represent_null)
    return yaml


def _keep_comments_below(node: CommentedMap, field: str, twin: str) -> None:
    """ruamel keeps the comment lines that follow a value with that value's key; a twin
    inserted after the key would come between them and the key they stand above. The
    lines move to the twin: the English key keeps only its end-of-line comment."""
    item = node.ca.items.get(field)
    token = item[2] if item and len(item) > 2 else None
    if not isinstance(token, CommentToken):
        return
    block = isinstance(node[field], (FoldedScalarString, LiteralScalarString))
    # After a block scalar, every comment line follows it; otherwise the token's first line
    # is the rest of the key's own line ("# note" or nothing).
    cut = 0 if block else token.value.find("\n") + 1
    own, below = token.value[:cut], token.value[cut:]
    if block:  # the token's first line starts at its column; the twin's starts at the margin
        below = " " * token.column + below
    if not below.strip():
        return
    if own.strip():
        item[2] = CommentToken(own, CommentMark(token.column), None)
    else:
        del node.ca.items[field]
    lead = "" if isinstance(node[twin], LiteralScalarString) else "\n"
    node.ca.items[twin] = [None, None, CommentToken(lead + below, CommentMark(0), None), None]


def set_twins(data: bytes, values: dict[str, str]) -> bytes:
    """The case file `data` with the Chinese twin of each English key path in `values`
    set to its value. KeyError names a path the file does not hold as a mapping key."""
    bom = data.startswith(b"\xef\xbb\xbf")
    text = data.decode("utf-8-sig")
    crlf = "\r\n" in text
    text = text.replace("\r\n", "\n")
    yaml = _yaml(text)
    tree = yaml.load(text)
    for path, value in values.items():
        *parents, field = split_path(path)
        assert isinstance(field, str)  # split_path ends every path at a key
        node = tree
        for step in parents:
            if isinstance(step, int) and isinstance(node, CommentedSeq) and step < len(node):
                node = node[step]
            elif isinstance(step, str) and isinstance(node, CommentedMap) and step in node:
                node = node[step]
            else:
                raise KeyError(path)
        if not isinstance(node, CommentedMap) or field not in node or isinstance(node[field], (dict, list)):
            raise KeyError(path)  # only a text key has a Chinese twin
        twin = f"{field}_zh"
        scalar = LiteralScalarString(value) if "\n" in value else value
        if twin in node:
            node[twin] = scalar
        else:
            node.insert(list(node).index(field) + 1, twin, scalar)
            _keep_comments_below(node, field, twin)
    out = io.StringIO()
    yaml.dump(tree, out)
    result = out.getvalue()
    if crlf:
        result = result.replace("\n", "\r\n")
    return (b"\xef\xbb\xbf" if bom else b"") + result.encode("utf-8")
