"""The free text of a case that the Chinese documents print: one list for every command.

A field counts when a Chinese template prints it through the ``tr`` filter
(`pipeline.templating.f_tr`), which records each one it meets: its key path,
the English and the `_zh` twin if any. So the list is not a second
declaration of "translatable fields" kept beside the templates; it is what
the templates actually print, and a change to which fields `tr` marks (names
and references that are never translated, say) reaches `render`'s refusal,
`preview` and `translate export` at once. The trade-off: finding the fields
means rendering the Chinese Markdown of each document (no PDF or DOCX), a
few milliseconds per document, paid again by `render` before it writes.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import TYPE_CHECKING, Iterable

from restitution.errors import ErrorList, Location, RestitutionError
from restitution.records import record

if TYPE_CHECKING:
    from restitution.case.model import Case


@record
class TextField:
    """One free-text field a Chinese document prints."""

    path: str  # key path of the English field: "facts[3].text"
    english: str
    chinese: str | None  # the `_zh` twin, None when the case has none

    @property
    def twin(self) -> str:
        """The key path of the Chinese field: "facts[3].text_zh"."""
        return f"{self.path}_zh"

    @property
    def missing(self) -> bool:
        return not self.chinese


class Untranslated(RestitutionError):
    """A Chinese field a document to be written needs and the case lacks."""


def printed(case: "Case", date: dt.date, keys: Iterable[str] | None = None, *,
            templates: Path | None = None) -> list[TextField]:
    """Every field the Chinese version of the documents `keys` (default: every document
    the case can make) prints through ``tr``, once each, in the order of the case file."""
    from restitution import documents
    from restitution.pipeline.render import render_markdown

    seen: dict[str, TextField] = {}
    for key in (documents.applicable(case, date) if keys is None else keys):
        variant = documents.get(key).zh_variant(case)
        for text in render_markdown(case, key, variant, date, templates=templates).printed:
            seen.setdefault(text.path, text)
    # In the order of the case file, which is the order a translator works through it.
    return sorted(seen.values(), key=lambda f: case.line_of(f.path) or 0)


def untranslated(case: "Case", date: dt.date, keys: Iterable[str] | None = None, *,
                 templates: Path | None = None) -> list[TextField]:
    """The fields of `printed` that have no Chinese twin."""
    return [f for f in printed(case, date, keys, templates=templates) if f.missing]


def location(case: "Case", text: TextField) -> Location:
    """Where the missing twin belongs: the line of its English field, named by the twin's path."""
    from restitution.case.load import display_name

    return Location(display_name(case.source) if case.source else None, case.line_of(text.path), text.twin)


def refusal(case: "Case", missing: list[TextField]) -> RestitutionError:
    """One located line per missing field."""
    errors: list[RestitutionError] = [
        Untranslated("missing; the Chinese documents need it (add it to the case file, or "
                     "use --draft to make drafts)", location(case, f)) for f in missing]
    return errors[0] if len(errors) == 1 else ErrorList(errors)
