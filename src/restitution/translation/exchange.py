"""The translator's round trip: the case's Chinese-bound text out to a translation
tool and back into the case file as `_zh` fields.

Export lists what `fields.printed` finds (every free-text field a Chinese
document prints), translated or not. Import trusts nothing in the returned
file: each unit must name a field of the case that has a Chinese twin, and its
English source must still be the case's English, else the whole file is
refused, each unit located by its line in the exchange file, and nothing is
written (a translation of text that has changed since the export would put
words in the lawyer's mouth). The new case file is loaded and checked before it
replaces the old one.
"""
from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from restitution.case.model import Case
from restitution.errors import ErrorList, Location, RestitutionError, shown
from restitution.records import record
from restitution.translation import fields, xliff
from restitution.translation.yamlfile import set_twins, split_path


def units(case: Case, date: dt.date, *, templates: Path | None = None) -> list[xliff.Unit]:
    """One unit per field the Chinese documents print, in the order of the case file."""
    out = []
    for f in fields.printed(case, date, templates=templates):
        where = fields.location(case, f)
        line = f" line {where.line}" if where.line else ""
        out.append(xliff.Unit(f.path, f.english, f.chinese,
                              note=f"{where.file or 'case file'}{line}: {f.twin}"
                                   + ("" if f.chinese else " (not yet translated)")))
    return out


def value_at(case: Case, path: str) -> tuple[Any, str]:
    """The object holding the field at `path`, and the field's name. LookupError when the
    case has no such field (a path that is not a key path is one too)."""
    try:
        *parents, name = split_path(path)
    except ValueError:
        raise LookupError(path) from None
    node: Any = case
    for step in parents:
        if isinstance(step, int):
            if not isinstance(node, tuple) or step >= len(node):
                raise LookupError(path)
            node = node[step]
        else:
            node = getattr(node, step, None)
            if node is None:
                raise LookupError(path)
    assert isinstance(name, str)
    if not hasattr(node, name):
        raise LookupError(path)
    return node, name


@record
class Import:
    data: bytes  # the new case file
    changed: list[str]  # the `_zh` key paths written, in file order
    untouched: int  # units left without a target


def apply(case: Case, case_data: bytes, found: list[xliff.Unit], name: str) -> Import:
    """The case file `case_data` (of `case`) with the targets of `found` (read from the
    exchange file `name`) written in as `_zh` fields; every unusable unit an error."""
    errors: list[RestitutionError] = []
    values: dict[str, str] = {}
    untouched = 0
    for u in found:
        at = Location(name, u.line, u.path)
        try:
            obj, field = value_at(case, u.path)
        except LookupError:
            errors.append(RestitutionError("is not a field of this case; the file was exported from another "
                                           "case or an older version of it: export again", at))
            continue
        english = getattr(obj, field)
        if not isinstance(english, str) or not hasattr(obj, f"{field}_zh"):
            errors.append(RestitutionError("is not a text field with a Chinese twin; export again", at))
            continue
        if english != u.source:
            here = fields.location(case, fields.TextField(u.path, english, None))
            errors.append(RestitutionError(
                f"the English source no longer matches the case ({here.file}:{here.line} now reads "
                f"{shown(english, 50)}); export again and carry the translation over", at))
            continue
        target = (u.target or "").strip()
        if not target:
            untouched += 1
        elif target != getattr(obj, f"{field}_zh"):
            values[u.path] = target
    if errors:
        raise errors[0] if len(errors) == 1 else ErrorList(errors)
    try:
        data = set_twins(case_data, values)
    except KeyError as exc:
        raise RestitutionError(f"{exc.args[0]} is not written in the case file itself (a default); add "
                               "the English key to the case file, then import again",
                               Location(name)) from None
    _check(case, data, values)
    ordered = sorted(values, key=lambda p: case.line_of(p) or 0)
    return Import(data, [f"{p}_zh" for p in ordered], untouched)


def _check(case: Case, data: bytes, values: dict[str, str]) -> None:
    """The new file loads as a case, with each written field read back as written."""
    from restitution.case.load import display_name, loads_case

    assert case.source is not None
    new = loads_case(data, display_name(case.source), Path(case.source).parent, check_files=False)
    for path, value in values.items():
        obj, field = value_at(new, path)
        if getattr(obj, f"{field}_zh") != value:
            raise RestitutionError(f"{path}_zh would not read back as translated; nothing was written",
                                   fields.location(case, fields.TextField(path, "", None)))
