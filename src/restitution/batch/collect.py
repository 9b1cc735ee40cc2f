"""Finding and validating the cases of a batch before anything is rendered."""
from __future__ import annotations

from pathlib import Path

from restitution.case.model import Case
from restitution.errors import CaseError, Location, RestitutionError, UsageError
from restitution.records import record

CASE_SUFFIXES = (".yaml", ".yml")


@record
class Invalid:
    path: Path
    lines: tuple[str, ...]


def case_files(paths: list[str]) -> list[Path]:
    """Case files named directly, and the *.yaml / *.yml files of named folders, sorted."""
    out: list[Path] = []
    for raw in paths:
        p = Path(raw)
        if p.is_dir():
            out.extend(sorted(f for f in p.iterdir() if f.suffix in CASE_SUFFIXES and f.is_file()))
        elif p.is_file():
            out.append(p)
        else:
            raise UsageError(f"{raw}: no such file or folder")
    seen: set[Path] = set()
    unique = []
    for f in out:
        key = f.resolve()
        if key not in seen:
            seen.add(key)
            unique.append(f)
    if not unique:
        raise UsageError("no case files found (looked for *.yaml and *.yml)")
    return unique


def validate_all(files: list[Path], *, allow_outside: bool = False) -> tuple[list[tuple[Path, Case]], list[Invalid]]:
    """Load every case; collect every invalid one instead of stopping at the first."""
    from restitution.case import load_case

    good: list[tuple[Path, Case]] = []
    bad: list[Invalid] = []
    for f in files:
        try:
            good.append((f, load_case(f, allow_outside=allow_outside)))
        except RestitutionError as err:
            bad.append(Invalid(f, tuple(err.lines())))
    return good, bad


def id_key(case_id: str) -> str:
    """What two case ids are compared by: casefolded, because on the file systems of
    macOS and Windows "NW-1" and "nw-1" are one folder, so one case would overwrite the other."""
    return case_id.casefold()


def duplicate_ids(good: list[tuple[Path, Case]]) -> list[RestitutionError]:
    """Two cases with one id would write into the same folder: refuse before writing."""
    by_id: dict[str, list[tuple[Path, Case]]] = {}
    for path, case in good:
        by_id.setdefault(id_key(case.id), []).append((path, case))
    errors: list[RestitutionError] = []
    for _, members in sorted(by_id.items()):
        first_path, first = members[0]
        for p, case in members[1:]:
            same = "" if case.id == first.id else f" (as {first.id!r}: ids differing only in capitals name one folder)"
            errors.append(CaseError(
                f"case id {case.id!r} is also used by {first_path.name}{same}; give each case its own id",
                Location(p.name, case.line_of("case.id"), "case.id"),
            ))
    return errors
