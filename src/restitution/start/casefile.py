"""Writing the interview's answers as a commented case file.

The answers are a plain tree (dicts, lists, scalars) in the order of the
format. Each key can carry a comment at the end of its line, and a section a
block of comment lines above it, so the file explains itself to the person
who finishes it. A required answer that was skipped is a `Missing` value: it
is written as a commented-out key saying what to fill in, so the file never
holds an invented value, and `validate` names it until it is filled in.

Trade-off: a small emitter here rather than a round-trip YAML library. The
tree is ours and shallow (a section, a list of entries, scalars); what the
emitter must get right is quoting, and PyYAML's own scalar dumper does that
(``"NO"`` and ``"0042"`` stay strings).
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

import yaml

from restitution.records import record

SCHEMA_FILE = "case.schema.json"


@record
class Missing:
    """A required answer left for later: what to write there."""

    hint: str


@dataclass
class Draft:
    """The answers, with the comments that go beside (`notes`) and above (`headers`) their keys."""

    tree: dict[str, Any] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)  # key path -> end-of-line comment
    headers: dict[str, list[str]] = field(default_factory=dict)  # key path -> comment lines above

    def missing(self) -> list[tuple[str, str]]:
        """(key path, hint) of every required answer still to fill in, in file order."""
        out: list[tuple[str, str]] = []

        def walk(node: Any, path: str) -> None:
            if isinstance(node, Missing):
                out.append((path, node.hint))
            elif isinstance(node, dict):
                for k, v in node.items():
                    walk(v, f"{path}.{k}" if path else k)
            elif isinstance(node, list):
                for i, v in enumerate(node):
                    walk(v, f"{path}[{i}]")

        walk(self.tree, "")
        return out


def scalar(value: Any) -> str:
    """One value as YAML, quoted where YAML would read it as something else."""
    if isinstance(value, Decimal):
        return format(value, "f")
    if isinstance(value, bool) or value is None:
        return {True: "true", False: "false", None: "null"}[value]
    if isinstance(value, (dt.date, int)):
        return str(value)
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=1 << 20)
    return text.removesuffix("\n").removesuffix("\n...").strip()


def _comment(text: str | None) -> str:
    return f"  # {text}" if text else ""


def _lines(node: dict[str, Any], draft: Draft, path: str, indent: int, first_prefix: str = "") -> list[str]:
    out: list[str] = []
    for n, (key, value) in enumerate(node.items()):
        here = f"{path}.{key}" if path else key
        pad = " " * indent
        lead = first_prefix if n == 0 and first_prefix else pad
        for line in draft.headers.get(here, []):
            out.append(f"{pad}# {line}".rstrip())
        note = draft.notes.get(here)
        if isinstance(value, Missing):
            out.append(f"{lead}# {key}:   # TO FILL IN (required): {value.hint}")
        elif isinstance(value, dict):
            out.append(f"{lead}{key}:{_comment(note)}")
            out += _lines(value, draft, here, indent + 2)
        elif isinstance(value, list):
            out.append(f"{lead}{key}:{_comment(note)}")
            for i, item in enumerate(value):
                item_path = f"{here}[{i}]"
                if isinstance(item, dict):
                    out += _lines(item, draft, item_path, indent + 4, first_prefix=" " * (indent + 2) + "- ")
                else:
                    out.append(f"{pad}  - {scalar(item)}")
        else:
            out.append(f"{lead}{key}: {scalar(value)}{_comment(note)}")
    return out


def case_text(draft: Draft, *, schema: str = SCHEMA_FILE) -> str:
    """The case file: the editor's schema line, a short preamble, then every section."""
    head = [
        f"# yaml-language-server: $schema={schema}",
        "# A case file for restitution, written by `restitution init`. Lines starting with # are",
        "# comments. Keys marked TO FILL IN are required: remove the # and write the value,",
        "# then run `restitution validate` on this file (`restitution schema` lists every key).",
        "",
    ]
    body: list[str] = []
    for key, value in draft.tree.items():
        body += _lines({key: value}, draft, "", 0)
        if isinstance(value, (dict, list)):
            body.append("")
    return "\n".join(head + body).rstrip("\n") + "\n"
