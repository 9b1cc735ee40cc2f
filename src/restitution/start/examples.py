"""`restitution init --example NAME`: a bundled example case and its evidence, copied to work on.

An example's evidence paths are ``evidence/NAME/…``, relative to the case
file, so the copy keeps that layout beside the new case file and validates
as it is. Everything is checked before anything is written: an existing
file is refused (unless --force) without a partial copy.
"""
from __future__ import annotations

from pathlib import Path

from restitution import data_folder
from restitution.errors import UsageError


def examples_folder() -> Path:
    return data_folder("examples")


def names() -> list[str]:
    return sorted(p.stem for p in examples_folder().glob("*.yaml"))


def files_of(name: str, target: Path) -> list[tuple[Path, Path]]:
    """(source, destination) of the example's case file and every evidence file."""
    folder = examples_folder()
    source = folder / f"{name}.yaml"
    if not source.is_file():
        raise UsageError(f"--example {name!r}: no such example; use one of {', '.join(names())}")
    pairs = [(source, target)]
    evidence = folder / "evidence" / name
    if evidence.is_dir():
        for f in sorted(evidence.rglob("*")):
            if f.is_file():
                pairs.append((f, target.parent / "evidence" / name / f.relative_to(evidence)))
    return pairs


def copy_example(name: str, target: Path, *, force: bool) -> list[Path]:
    """Copy the example to `target` (its evidence beside it); every target is checked first."""
    from restitution.output import check_targets, write_all

    by_folder: dict[Path, list[tuple[str, bytes]]] = {}
    for src, dest in files_of(name, target):
        by_folder.setdefault(dest.parent, []).append((dest.name, src.read_bytes()))
    for folder, files in by_folder.items():
        check_targets(folder, [n for n, _ in files], force)
    written: list[Path] = []
    for folder, files in by_folder.items():
        written += write_all(folder, files, force)
    return written
