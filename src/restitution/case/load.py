"""Loading a case file: read, parse, convert, check the conditions between keys, build the `Case`.

Every stage adds to one list of problems; if there is any, the loader
raises a single `ErrorList` (sorted by line) and returns nothing, so no
document is ever rendered from a half-valid case.
"""
from __future__ import annotations

import os
from pathlib import Path

from restitution.case.assemble import assemble
from restitution.case.build import build_tree
from restitution.case.model import Case
from restitution.case.problems import Problems
from restitution.case.conditions import apply_conditions
from restitution.case.yamlsource import MAX_BYTES, decode, parse
from restitution.errors import CaseError, Location


def display_name(path: Path | str) -> str:
    """The file name to print in messages: as the user gave it, never an absolute machine path."""
    given = Path(path)
    if not given.is_absolute():
        return str(path)
    try:
        return str(given.relative_to(Path.cwd()))
    except ValueError:
        return given.name


def load_case(path: Path | str, *, allow_outside: bool = False, check_files: bool = True) -> Case:
    """Load and validate the case file at `path`; raise `ErrorList` listing every problem."""
    name = display_name(path)
    file = Path(path)
    try:
        size = file.stat().st_size
        if not file.is_file():
            raise CaseError("is not a file", Location(name))
        if size > MAX_BYTES:
            # Refuse before reading: the limit protects memory as well as time.
            problems = Problems()
            shown = f"{size / (1024 * 1024):.1f}"
            if float(shown) * 1024 * 1024 <= MAX_BYTES:  # just over: "2.0 MB" would read as within the limit
                shown = f"{size / (1024 * 1024):.3f}"
            problems.add(None, None, f"file is {shown} MB; the limit for a case file is {MAX_BYTES // (1024 * 1024)} MB")
            raise problems.error_list(name)
        with file.open("rb") as fh:
            data = fh.read(MAX_BYTES + 1)
    except FileNotFoundError:
        raise CaseError("file not found", Location(name)) from None
    except PermissionError:
        raise CaseError("file cannot be read (permission denied)", Location(name)) from None
    except IsADirectoryError:
        raise CaseError("is a folder, not a case file", Location(name)) from None
    except OSError as err:
        raise CaseError(f"file cannot be read ({err.strerror or 'input/output error'})", Location(name)) from None
    source = Path(os.path.abspath(file))
    return _load(data, name, source.parent, source, allow_outside=allow_outside, check_files=check_files)


def loads_case(
    text: str | bytes,
    filename: str,
    base_dir: Path,
    *,
    allow_outside: bool = False,
    check_files: bool = True,
) -> Case:
    """Load a case from text; `filename` names it in messages, `base_dir` anchors `file:` paths."""
    data = text if isinstance(text, bytes) else text.encode("utf-8")
    return _load(data, filename, Path(base_dir), None, allow_outside=allow_outside, check_files=check_files)


def _load(data: bytes, name: str, base_dir: Path, source: Path | None, *, allow_outside: bool, check_files: bool) -> Case:
    problems = Problems()
    text = decode(data, problems)
    root = parse(text, problems) if text is not None else None
    if problems and root is None:
        raise problems.error_list(name)
    where: dict[str, int] = {}
    tree = build_tree(root, problems, where)
    if tree is not None:
        apply_conditions(tree, where, problems, base_dir=base_dir, allow_outside=allow_outside, check_files=check_files)
    if problems or tree is None:
        raise problems.error_list(name)
    return assemble(tree, where, source, allow_outside)
