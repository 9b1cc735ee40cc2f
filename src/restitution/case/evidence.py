"""Resolving an exhibit's `file:` against the case folder.

A case folder is what a lawyer sends around: the case file and its
evidence. Paths are therefore relative to the case file and, after symbolic
links are followed, must stay inside its folder, so a case file received
from someone else cannot make the toolkit read (and bind into a bundle)
files from elsewhere on the machine. Messages quote the path as written,
never the resolved machine path.
"""
from __future__ import annotations

import os
from pathlib import Path, PurePosixPath

from restitution.case.fields import Invalid


def resolve_file(written: str, base_dir: Path, *, allow_outside: bool = False, check_files: bool = True) -> Path:
    """The absolute path of an exhibit file, or `Invalid` saying why it cannot be used."""
    if "\\" in written:
        raise Invalid(f'write "/" between folders, not "\\": "{written.replace(chr(92), "/")}"')
    relative = PurePosixPath(written)
    if relative.is_absolute() or written.startswith("~"):
        if not allow_outside:
            raise Invalid(f'"{written}" must be a path relative to the case file\'s folder')
        target = Path(os.path.expanduser(written))
    else:
        target = base_dir / relative
    root = base_dir.resolve()
    resolved = target.resolve(strict=False)
    if not allow_outside and not resolved.is_relative_to(root):
        lexical = Path(os.path.normpath(root / relative))
        how = " through a symbolic link" if lexical.is_relative_to(root) else ""
        raise Invalid(f'"{written}" leads outside the case folder{how}; keep evidence next to the case file')
    if check_files:
        if not resolved.exists():
            raise Invalid(f'file "{written}" not found (paths are relative to the case file)')
        if not resolved.is_file():
            raise Invalid(f'"{written}" is not a regular file')
    return resolved
