"""Writing outputs: all or nothing, atomically, never over an existing file unless asked.

Each file goes to a temporary file in the target folder and is moved into
place with os.replace, so a crash of the process leaves either the old state
or the whole new file, never half of one. There is no fsync per file: it
cost a quarter of a second per file here, and power-loss durability of a
rename is the file system's business (ext4 flushes data before a replacing
rename).
"""
from __future__ import annotations

import os
import tempfile
import time
from pathlib import Path
from typing import Iterable

from restitution.errors import ErrorList, Location, OutputError

TMP_PREFIX = ".restitution-"
TMP_SUFFIX = ".tmp"
# A temporary file older than this process was left by a run that was killed
# between creating it and moving it into place; the next write to its folder removes it.
_STARTED = time.time()


def check_targets(outdir: Path, names: Iterable[str], force: bool) -> None:
    """Refuse (listing every clash) before anything is written."""
    if outdir.exists() and not outdir.is_dir():
        raise OutputError(f"{outdir} exists and is not a folder")
    if force:
        return
    clashes = [n for n in names if (outdir / n).exists()]
    if clashes:
        errs = [OutputError("exists already; use --force to overwrite it", Location(str(outdir / n)))
                for n in clashes]
        raise errs[0] if len(errs) == 1 else ErrorList(errs)


def write_atomic(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=TMP_PREFIX, suffix=TMP_SUFFIX)
    try:
        with os.fdopen(fd, "wb") as fh:
            fh.write(data)
        umask = os.umask(0)
        os.umask(umask)
        os.chmod(tmp, 0o666 & ~umask)
        os.replace(tmp, path)
    except BaseException:
        try:
            os.unlink(tmp)
        except FileNotFoundError:
            pass
        raise


def remove_stale_temporaries(folder: Path) -> list[Path]:
    """Delete the temporary files a killed run left in `folder` (only those older than this run)."""
    removed: list[Path] = []
    try:
        entries = list(os.scandir(folder))
    except OSError:
        return removed
    for entry in entries:
        if not (entry.name.startswith(TMP_PREFIX) and entry.name.endswith(TMP_SUFFIX)):
            continue
        try:
            if entry.is_file(follow_symlinks=False) and entry.stat(follow_symlinks=False).st_mtime < _STARTED:
                os.unlink(entry.path)
                removed.append(Path(entry.path))
        except OSError:
            continue  # gone already, or not ours to remove
    return removed


def write_all(outdir: Path, files: list[tuple[str, bytes]], force: bool) -> list[Path]:
    check_targets(outdir, [n for n, _ in files], force)
    remove_stale_temporaries(outdir)
    written = []
    for name, data in files:
        target = outdir / name
        write_atomic(target, data)
        written.append(target)
    return written
