"""Writing outputs: a packet is published whole or not at all, never over a file unless asked.

The guarantee. When `write_all` returns, every file of the packet is new.
When it raises (any `OSError`: parent is a file, permission, name too long,
disk full; Ctrl-C; SIGTERM), every target is as it was before: the old file,
the old symbolic link, or nothing. When the process is killed outright
(SIGKILL, the OOM killer) during the renames, the packet's journal is left,
and the next write into that folder by this program rolls the packet back to
all-old before it does anything else.

How (one folder, flat names):
1. Check, before any work: every target is looked at with ``lstat``, so a
   symbolic link, dangling or not, is a file that exists (refused without
   --force; with --force the link itself is replaced, never written through).
   A folder in the way is refused, and so is a target that is an input of
   the run (the case file, an exhibit: same resolved path or same inode),
   even with --force.
2. Write every file to a temporary beside its target. A failure here removes
   the temporaries: nothing visible changed.
3. Keep the old: each existing target gets a hard link named as a backup (a
   copy where the file system has no hard links), and a journal listing
   every (target, backup) is written.
4. Rename each temporary over its target. If one rename fails, the ones
   done are undone in reverse (backup renamed back, new file removed).
5. Removing the journal is the commit; the backups go after it.
SIGINT/SIGTERM are held back during 3-5 (`processes.deferred_signals`).
Cost: one link and one unlink per replaced file and one small journal per
packet: +0.11 ms per file on tmpfs; +0.5 to 3.7 ms per file on an ext4 disk
mounted with `discard`, where removing the backups frees the old blocks
(48 files: under 0.2 s, against seconds to render them; benchmarks/PUBLISH.md).

Why not one rename of a whole folder: the output folder is shared with other
cases, schedules, the bundle and the user's own files.

Temporaries, backups and journals are named ``.restitution-<pid>-<random>``:
the pid of the process that owns them. One is stale only when no live
process has that pid; a reused pid only makes a stale file stay longer,
never a live one go. Names without a pid (earlier versions) are stale once
a day old. --force keeps the replaced file's permission bits; a new file
gets 0666 less the umask, as `open` would give it.

There is no fsync per file: it cost a quarter of a second per file here,
and power-loss durability of a rename is the file system's business (ext4
flushes data before a replacing rename).
"""
from __future__ import annotations

import errno
import json
import os
import shutil
import stat
import time
from pathlib import Path
from typing import Iterable

from restitution.errors import ErrorList, Location, OutputError
from restitution.processes import deferred_signals, pid_alive, raise_if_stopped

TMP_PREFIX = ".restitution-"
TMP_SUFFIX = ".tmp"
BACKUP_SUFFIX = ".bak"
JOURNAL_SUFFIX = ".journal"
_OURS = (TMP_SUFFIX, BACKUP_SUFFIX, JOURNAL_SUFFIX)
# A pid-less temporary (an earlier version's) older than this is stale: no run lasts a day.
LEGACY_STALE_SECONDS = 86400

# What to do, by errno, after "cannot be written".
_ADVICE = {
    errno.ENOSPC: "no space left on the device; free some space and run again",
    errno.EDQUOT: "disk quota exceeded; free some space and run again",
    errno.EFBIG: "file too large for this file system or for the process's file-size limit (ulimit -f); "
                 "write to another folder or raise the limit",
    errno.EACCES: "permission denied; choose another output folder or make this one writable",
    errno.EPERM: "operation not permitted; choose another output folder or make this one writable",
    errno.EROFS: "the file system is read-only; choose another output folder",
    errno.ENAMETOOLONG: "a name in the path is too long for the file system; use a shorter output path",
    errno.ELOOP: "too many symbolic links in the path; choose another output folder",
    errno.EISDIR: "is a folder; remove it or choose another output folder",
}


def output_error(err: OSError, path: Path | str) -> OutputError:
    """A located `OutputError` for an OSError met while writing `path`: what failed, what to do."""
    path = Path(path)
    if err.errno == errno.ENOTDIR:
        blocker = next((p for p in reversed(path.parents) if str(p) not in ("", ".") and p.is_file()), None)
        what = f"{blocker} is a file, not a folder" if blocker else "a part of the path is not a folder"
        return OutputError(f"cannot be written: {what}; choose another output folder", Location(str(path)))
    advice = _ADVICE.get(err.errno or 0, f"{err.strerror or err}; check the folder and run again")
    return OutputError(f"cannot be written: {advice}", Location(str(path)))


def owner_pid(name: str) -> int | None:
    """The pid in one of our temporary names, or None (not ours, or an earlier version's)."""
    if not (name.startswith(TMP_PREFIX) and name.endswith(_OURS)):
        return None
    head = name[len(TMP_PREFIX):].split("-", 1)[0]
    return int(head) if head.isdigit() and "-" in name[len(TMP_PREFIX):] else None


def temp_path(folder: Path, suffix: str = TMP_SUFFIX) -> Path:
    return Path(folder) / f"{TMP_PREFIX}{os.getpid()}-{os.urandom(6).hex()}{suffix}"


def new_temp(folder: Path) -> tuple[int, Path]:
    """A new temporary file in `folder` owned by this process: (descriptor, path), mode 0600."""
    while True:
        path = temp_path(folder)
        try:
            return os.open(path, os.O_RDWR | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, 0o600), path
        except FileExistsError:
            continue


def inputs_of(case) -> list[Path]:
    """The files a case is read from: the case file and its exhibits."""
    out = [case.source] if getattr(case, "source", None) else []
    out.extend(e.file for e in getattr(case, "evidence", ()) if e.file)
    return out


def _is_input(target: Path, inputs: Iterable[Path]) -> bool:
    real = os.path.realpath(target)
    for src in inputs:
        if os.path.realpath(src) == real:
            return True
        try:
            if os.path.samefile(src, target):  # a hard link to an input
                return True
        except OSError:
            continue
    return False


def check_targets(outdir: Path, names: Iterable[str], force: bool, *, inputs: Iterable[Path] = ()) -> None:
    """Refuse (listing every problem) before anything is written."""
    outdir = Path(outdir)
    # The nearest existing folder on the way: a file there is one error, not one per target.
    for p in (outdir, *outdir.parents):
        try:
            st = os.stat(p)
        except FileNotFoundError:
            continue
        except OSError as err:
            raise output_error(err, outdir) from None
        if not stat.S_ISDIR(st.st_mode):
            what = "exists and is not a folder" if p == outdir else f"cannot be made: {p} is a file, not a folder"
            raise OutputError(f"{what}; choose another output folder", Location(str(outdir)))
        break
    recover(outdir)
    inputs = list(inputs)
    names = list(names)
    errs: list[OutputError] = []
    existing: list[OutputError] = []
    for name in names:
        target = outdir / name
        if inputs and _is_input(target, inputs):
            errs.append(OutputError("is an input of this run (the case file or an exhibit); "
                                    "choose another output path", Location(str(target))))
            continue
        try:
            st = os.lstat(target)
        except FileNotFoundError:
            continue
        except OSError as err:
            errs.append(output_error(err, target))
            continue
        if stat.S_ISDIR(st.st_mode):
            errs.append(OutputError("is a folder; remove it or choose another output folder", Location(str(target))))
        elif not force:
            what = "exists already as a symbolic link" if stat.S_ISLNK(st.st_mode) else "exists already"
            existing.append(OutputError(f"{what}; use --force to overwrite it", Location(str(target))))
    if len(existing) > 1:
        # One line for a packet rendered again (48 "exists already" lines help nobody).
        errs.append(OutputError(f"{len(existing)} of {len(names)} files exist in {_shown(outdir)}; "
                                "use --force or another -o"))
    else:
        errs.extend(existing)
    if errs:
        raise errs[0] if len(errs) == 1 else ErrorList(errs)


def refuse_existing(top: Path, planned: Iterable[tuple[Path, Iterable[str]]]) -> None:
    """One line when files of several folders (a batch's case folders) exist already;
    the per-file checks of `check_targets` follow as each folder is written."""
    total = existing = 0
    for folder, names in planned:
        for name in names:
            total += 1
            try:
                os.lstat(Path(folder) / name)
            except OSError:
                continue
            existing += 1
    if existing:
        raise OutputError(f"{existing} of {total} files exist in {_shown(top)}; use --force or another -o")


def _shown(folder: Path) -> str:
    """A folder as the user wrote it, marked as a folder: out/"""
    text = str(folder)
    return text if text.endswith(os.sep) else text + os.sep


def _mode_for(target: Path) -> int:
    """The replaced regular file's permission bits, else 0666 less the umask."""
    try:
        st = os.lstat(target)
        if stat.S_ISREG(st.st_mode):
            return stat.S_IMODE(st.st_mode)
    except OSError:
        pass
    umask = os.umask(0)
    os.umask(umask)
    return 0o666 & ~umask


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _backup(target: Path) -> Path | None:
    """A hard link (or copy) of the existing target, or None if there is none."""
    try:
        st = os.lstat(target)
    except FileNotFoundError:
        return None
    backup = temp_path(target.parent, BACKUP_SUFFIX)
    if stat.S_ISLNK(st.st_mode):
        os.symlink(os.readlink(target), backup)
        return backup
    try:
        os.link(target, backup, follow_symlinks=False)
    except OSError as err:
        if err.errno not in (errno.EPERM, errno.EXDEV, errno.ENOTSUP, errno.EOPNOTSUPP, errno.EMLINK, errno.ENOSYS):
            raise
        shutil.copy2(target, backup, follow_symlinks=False)  # no hard links here: a copy
    return backup


def _write_journal(folder: Path, entries: list[dict]) -> Path:
    journal = temp_path(folder, JOURNAL_SUFFIX)
    tmp = temp_path(folder)
    with open(tmp, "x", encoding="utf-8") as fh:
        json.dump({"entries": entries}, fh)
    os.replace(tmp, journal)  # a journal is never read half-written
    return journal


def publish(folder: Path, pairs: list[tuple[Path, Path]]) -> None:
    """Move complete temporaries over their targets (all in `folder`): all of them or none.

    Each one gets the mode of the file it replaces (--force keeps it), else 0666 less
    the umask. On any failure the targets are restored and the temporaries removed."""
    folder = Path(folder)
    backups: list[Path | None] = []
    journal: Path | None = None
    done: list[int] = []
    with deferred_signals():
        try:
            raise_if_stopped()  # a stop that was swallowed on the way here publishes nothing
            for tmp, target in pairs:
                os.chmod(tmp, _mode_for(target))
            for _, target in pairs:
                backups.append(_backup(target))
            journal = _write_journal(folder, [
                {"target": t.name, "temp": tmp.name, "backup": b.name if b else None}
                for (tmp, t), b in zip(pairs, backups)])
            for i, (tmp, target) in enumerate(pairs):
                os.replace(tmp, target)
                done.append(i)
            os.unlink(journal)  # the commit
            journal = None
        except BaseException:
            undone = True
            for i in reversed(done):
                tmp, target = pairs[i]
                try:
                    backup = backups[i]
                    if backup is not None:
                        os.replace(backup, target)
                        backups[i] = None
                    else:
                        _unlink(target)
                except OSError:
                    undone = False
            if undone or journal is None:
                for path in [journal, *(tmp for tmp, _ in pairs), *backups]:
                    if path is not None:
                        _unlink(path)
            # else the journal, backups and temporaries stay: the next write into
            # this folder finishes the rollback (`recover`).
            raise
        for b in backups:
            if b is not None:
                _unlink(b)


def _rollback_journal(folder: Path, journal: Path) -> None:
    """Undo the renames of a killed process's packet, from its journal."""
    try:
        entries = json.loads(journal.read_text(encoding="utf-8"))["entries"]
    except (OSError, ValueError, KeyError, TypeError):
        entries = []
    for e in entries:
        target = folder / e["target"]
        if e.get("backup") and os.path.lexists(folder / e["backup"]):
            os.replace(folder / e["backup"], target)
        elif not e.get("backup") and not os.path.lexists(folder / e["temp"]):
            _unlink(target)  # renamed into a place that was empty before
    _unlink(journal)


def recover(folder: Path) -> list[Path]:
    """Roll back the packets of killed runs, then remove their temporaries; return what was removed.

    Only files whose owner process is gone are touched."""
    removed: list[Path] = []
    try:
        entries = [e for e in os.scandir(folder) if e.name.startswith(TMP_PREFIX) and e.name.endswith(_OURS)]
    except OSError:
        return removed
    stale = []
    for entry in entries:
        pid = owner_pid(entry.name)
        if pid is not None:
            if not pid_alive(pid):
                stale.append(entry)
        else:
            try:
                if time.time() - entry.stat(follow_symlinks=False).st_mtime > LEGACY_STALE_SECONDS:
                    stale.append(entry)
            except OSError:
                continue
    # Journals first: rolling back needs the backups that are removed after.
    stale.sort(key=lambda e: not e.name.endswith(JOURNAL_SUFFIX))
    for entry in stale:
        path = Path(entry.path)
        try:
            if entry.name.endswith(JOURNAL_SUFFIX):
                _rollback_journal(Path(folder), path)
            elif os.path.lexists(path):
                os.unlink(path)
            removed.append(path)
        except OSError:
            continue  # not ours to remove after all, or gone already
    return removed


# The name the crash tests and older callers know.
remove_stale_temporaries = recover


def write_all(outdir: Path, files: list[tuple[str, bytes]], force: bool, *,
              inputs: Iterable[Path] = ()) -> list[Path]:
    """Write every (name, bytes) into `outdir`: all published, or none and the old ones kept."""
    outdir = Path(outdir)
    names = [n for n, _ in files]
    for n in names:
        if not n or os.sep in n or (os.altsep and os.altsep in n) or n in (".", ".."):
            raise ValueError(f"not a plain file name: {n!r}")  # a programming error, not the user's
    check_targets(outdir, names, force, inputs=inputs)
    try:
        outdir.mkdir(parents=True, exist_ok=True)
    except OSError as err:
        raise output_error(err, outdir) from None
    pairs: list[tuple[Path, Path]] = []
    current = outdir
    try:
        for name, data in files:
            target = outdir / name
            current = target
            # A signal between creating the temporary and recording it would leave it behind.
            with deferred_signals():
                fd, tmp = new_temp(outdir)
                pairs.append((tmp, target))
            with os.fdopen(fd, "wb") as fh:
                fh.write(data)
        current = outdir
        publish(outdir, pairs)
    except OSError as err:
        for tmp, _ in pairs:
            _unlink(tmp)
        raise output_error(err, current) from None
    except BaseException:
        for tmp, _ in pairs:
            _unlink(tmp)
        raise
    return [t for _, t in pairs]


def write_atomic(path: Path, data: bytes, *, force: bool = True, inputs: Iterable[Path] = ()) -> Path:
    """One file, by the same rules as a packet."""
    path = Path(path)
    folder = path.parent if str(path.parent) else Path(".")
    return write_all(folder, [(path.name, data)], force, inputs=inputs)[0]
