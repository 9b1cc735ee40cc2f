"""A writer process started before the case is read: it writes the files of a render.

Of a one-document render, about a third is work that needs nothing from the case:
importing reportlab (or python-docx) and reading the fonts. On a machine with two or
more usable CPUs, `start` forks a process that does that work while this one reads the
case and renders the document models; the models are then sent to it (pickled: about
8 KB for a power of attorney) and the files' bytes come back. Measured in
BENCHMARKS.md (session 22): one English PDF as a fresh process 0.27 → 0.20 s wall,
for about 10 ms more CPU (the fork, the pickles).

For a packet (``many``) it forks a pool of its own once the writers are loaded, and writes
the files across it while this process makes the models: the writers' imports and fonts
(about 0.15 s) no longer wait for the case, and the models (0.1 s) no longer hold up the
pool. Session 23: the 30-file packet 0.99 → 0.85 s wall, for the same CPU. Batch keeps
the worker pool of `pipeline.packet_files`, which makes each case's models too.

It is used only where ``fork`` exists (Linux), and only with more than one usable CPU: on
one CPU the two processes would take turns and the render would be slower. Whatever the
process cannot do (it died, a writer raised, a model would not pickle) is done again
in this process, so an error is raised here with its location, as without it. The
process writes no file: it can be killed at any time, and `close` does, with its pool
(a process group of its own).

The parent sends a batch and reads its answer before sending the next one, so neither side
can block the other on a full pipe. Messages are pickles behind an 8-byte length over two pipes: `multiprocessing`'s
connections would do the same, but importing them costs about 14 ms, half of what
the process saves.
"""
from __future__ import annotations

import os
import pickle
import signal
import struct
import sys
from typing import TYPE_CHECKING, Sequence

from restitution.processes import usable_cpus

if TYPE_CHECKING:
    from restitution.document import Document

_LENGTH = struct.Struct("!Q")


def start(formats: Sequence[str], modes: Sequence[str], many: bool = False) -> WriterProcess | None:
    """A process with the writers of `formats` loaded, and their fonts for the output
    `modes` (en, zh, bilingual); None where it would not help (see the module's text).
    With `many` (a packet), it writes a batch in a pool of its own (see `_serve`)."""
    if not sys.platform.startswith("linux") or usable_cpus() < 2:
        return None
    from restitution.processes import stop_signals_blocked

    reap()

    from_parent, to_child = os.pipe()  # (read end, write end)
    from_child, to_parent = os.pipe()
    # Signals stay blocked across the fork, as for the worker pool: a handler run in an
    # at-fork hook would be lost. The child unblocks them once it has its own handlers.
    with stop_signals_blocked():
        pid = os.fork()
        if pid == 0:  # pragma: no cover - the child ends in os._exit, out of coverage's sight
            code = 0
            try:
                os.close(to_child)
                os.close(from_child)
                _detach()
                _serve(from_parent, to_parent, list(formats), list(modes), many)
            except BaseException:  # noqa: BLE001 - the parent redoes what is missing
                code = 1
            finally:
                os._exit(code)
        # A process group of its own, set on both sides (whichever runs first): `close` ends the
        # process and the pool it forks with one signal.
        try:
            os.setpgid(pid, pid)
        except OSError:  # it has set it itself, or has already ended
            pass
    os.close(from_parent)
    os.close(to_parent)
    return WriterProcess(pid, to_child, from_child, tuple(formats))


def _detach() -> None:
    """The child's standard streams on the null device: it says nothing (the parent reports),
    and it must not hold the command's output open once the command has exited: a caller
    reading it through a pipe (``$(restitution render …)``) would wait for the child's end."""
    null = os.open(os.devnull, os.O_RDWR)
    for fd in (0, 1, 2):
        os.dup2(null, fd)
    os.close(null)


class WriterProcess:
    """The parent's side: `write_all` sends models and gets bytes back; `close` ends it."""

    def __init__(self, pid: int, to_child: int, from_child: int, formats: tuple[str, ...]):
        self.pid = pid
        self.formats = formats
        self._to = to_child
        self._from = from_child
        self._open = True

    def send(self, tasks: list[tuple[Document, str]]) -> bool:
        """Send (model, format) pairs to write; their bytes come back from the next `receive`.
        False when nothing was sent (the process is gone, a model would not pickle)."""
        if not self._open or not tasks:
            return False
        try:
            _send(self._to, tasks)
        except Exception:  # noqa: BLE001 - the caller writes them
            self.close()
            return False
        return True

    def receive(self, count: int) -> list[bytes | None]:
        """The bytes of the `count` files last sent, in order; None for what the process did not
        write (the caller writes it itself)."""
        if not self._open:
            return [None] * count
        try:
            results = _receive(self._from)
        except Exception:  # noqa: BLE001 - it died: the caller writes
            self.close()
            return [None] * count
        return results if isinstance(results, list) and len(results) == count else [None] * count

    def write_all(self, tasks: list[tuple[Document, str]]) -> list[bytes | None]:
        """`send` then `receive`."""
        return self.receive(len(tasks)) if self.send(tasks) else [None] * len(tasks)

    def close(self) -> None:
        """End the process; it holds nothing that needs a clean stop. It is reaped if it has
        ended already, else by the next `start` (or with this process): waiting for the
        system to free its memory cost about 4 ms of a 0.2 s render."""
        if not self._open:
            return
        self._open = False
        for fd in (self._to, self._from):
            try:
                os.close(fd)
            except OSError:
                pass
        try:
            os.killpg(self.pid, signal.SIGKILL)  # the process and its pool's workers
        except OSError:
            try:
                os.kill(self.pid, signal.SIGKILL)
            except OSError:
                pass
        _ENDED.append(self.pid)
        reap()

    def __enter__(self) -> WriterProcess:
        return self

    def __exit__(self, *exc) -> None:
        self.close()


# Processes ended and not yet reaped (their pids).
_ENDED: list[int] = []


def reap() -> list[int]:
    """Reap the ended processes that are gone; the pids still waiting."""
    for pid in list(_ENDED):
        try:
            done, _ = os.waitpid(pid, os.WNOHANG)
        except ChildProcessError:  # reaped already
            done = pid
        if done:
            _ENDED.remove(pid)
    return list(_ENDED)


def _serve(inbox: int, outbox: int, formats: list[str], modes: list[str], many: bool = False) -> None:
    from contextlib import nullcontext

    from restitution.processes import worker_init, worker_pool

    os.setpgid(0, 0)
    worker_init()  # SIGINT ignored (the parent decides), SIGTERM ends it
    _preload(formats, modes)
    # A packet's files are written by a pool forked from here, once the writers are loaded: it
    # starts while the other process still makes the models (about 0.15 s of a 1 s packet).
    with worker_pool(usable_cpus()) if many else nullcontext(None) as pool:
        while True:
            try:
                tasks = _receive(inbox)
            except EOFError:
                return
            assert isinstance(tasks, list)
            _send(outbox, _write_all(tasks, pool))


def _preload(formats: list[str], modes: list[str]) -> None:
    from restitution import writers

    loaded = []
    for fmt in formats:
        try:
            loaded.append(writers.get(fmt))
        except Exception:  # noqa: BLE001 - an unknown format is the parent's usage error
            continue
    for writer in loaded:
        if writer.preload is not None:
            try:
                writer.preload(modes)
            except Exception:  # noqa: BLE001 - an optimisation only: writing meets it again
                pass


def _to_bytes(doc: Document, fmt: str) -> bytes:
    # pipeline.render's, written again: importing it here would load the case's side too
    import io

    from restitution import writers

    buf = io.BytesIO()
    writers.get(fmt).write(doc, buf)
    return buf.getvalue()


def _write_all(tasks: list[tuple[Document, str]], pool) -> list[bytes | None]:
    """Each task's bytes, or None where its writer failed (the parent writes it again and
    raises, located); with `pool`, the dearest first (PDF, then bilingual) across its workers."""
    if pool is None or len(tasks) < 2:
        results: list[bytes | None] = []
        for doc, fmt in tasks:
            try:
                results.append(_to_bytes(doc, fmt))
            except Exception:  # noqa: BLE001
                results.append(None)
        return results
    from restitution.processes import run_task

    order = sorted(range(len(tasks)), key=lambda i: (tasks[i][1] != "pdf", tasks[i][0].lang != "bilingual"))
    futures = {i: pool.submit(run_task, _to_bytes, *tasks[i]) for i in order}
    return [None if futures[i].exception() is not None else futures[i].result() for i in range(len(tasks))]


def _send(fd: int, obj: object) -> None:
    data = pickle.dumps(obj, protocol=pickle.HIGHEST_PROTOCOL)
    view = memoryview(_LENGTH.pack(len(data)) + data)
    while view:
        view = view[os.write(fd, view):]


def _receive(fd: int) -> object:
    (length,) = _LENGTH.unpack(_read(fd, _LENGTH.size))
    return pickle.loads(_read(fd, length))


def _read(fd: int, size: int) -> bytes:
    parts = []
    while size:
        chunk = os.read(fd, min(size, 1 << 20))
        if not chunk:
            raise EOFError("the other process closed its pipe")
        parts.append(chunk)
        size -= len(chunk)
    return b"".join(parts)
