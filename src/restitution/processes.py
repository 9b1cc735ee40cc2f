"""How a run stops: signals become exceptions, worker pools end with no live child.

SIGTERM raises `Terminated` (a `SystemExit` with code 143 = 128 + 15) and
SIGINT raises `KeyboardInterrupt` (exit 130), so that every ``finally`` and
every clean-up of temporaries runs on the way out, as for any other error.

Between two renames of one packet (`output.publish`) a signal must not act:
`deferred_signals()` holds it back until the packet is published or rolled
back, then raises it. The cost is that a stop waits for at most one packet's
renames (well under a millisecond per file).

A `ProcessPoolExecutor` left by an exception waits for its running and queued
tasks to finish, and a worker killed without its parent leaves the caller's
pipes open. `stop_pool` cancels what is queued, sends SIGTERM to every worker
(each one, running its task through `run_task`, rolls back what it was
writing and exits), waits up to
`STOP_GRACE` seconds, then SIGKILLs what is left and reaps it: no live worker
after it returns. Workers ignore SIGINT (a Ctrl-C reaches the whole process
group at once): their parent decides when they stop.
"""
from __future__ import annotations

import os
import signal
import threading
from contextlib import contextmanager
from typing import TYPE_CHECKING, Iterator

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor

# Fewer files than this are made without the worker pool: starting workers would cost more
# than it saves (a render of fewer may use one writer process, pipeline.writer_process).
PARALLEL_MIN_FILES = 8
EXIT_SIGTERM = 128 + signal.SIGTERM
EXIT_SIGINT = 128 + signal.SIGINT
# Seconds a worker gets to roll back its writes after SIGTERM before it is killed.
STOP_GRACE = 10.0


class Terminated(SystemExit):
    """SIGTERM arrived: unwind like any error, exit 143."""

    def __init__(self) -> None:
        super().__init__(EXIT_SIGTERM)


_deferring = 0
_held: list[int] = []
# The signal that asked this process to stop. Raising from a handler is not always
# enough: where Python swallows exceptions (an at-fork hook such as logging's, a
# __del__, a weakref callback: "Exception ignored in ...") the stop would be lost
# and the run would finish and publish. `raise_if_stopped` raises it again at the
# points where work is about to be made permanent.
_stopped: list[int] = []


def _raise_for(signum: int) -> None:
    if signum == signal.SIGTERM:
        raise Terminated()
    raise KeyboardInterrupt()


def _handler(signum: int, frame) -> None:
    if not _stopped:
        _stopped.append(signum)
    if _deferring:
        _held.append(signum)
        return
    _raise_for(signum)


def forget_stop() -> None:
    """Forget a stop that was asked for: for an application that handled `Terminated` or
    `KeyboardInterrupt` from the toolkit and goes on (the command line exits instead)."""
    _stopped.clear()
    _held.clear()


def raise_if_stopped() -> None:
    """Raise the stop a signal asked for, if one did (see `_stopped`): called before
    anything is published, never while unwinding."""
    if _stopped:
        _raise_for(_stopped[0])


def usable_cpus() -> int:
    """The CPUs this process may run on (its affinity mask where the platform has one)."""
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))


def install() -> None:
    """In the main process of a command: SIGTERM and SIGINT raise (held back in `deferred_signals`)."""
    if threading.current_thread() is not threading.main_thread():
        return  # signal handlers can only be set from the main thread (e.g. an embedding app)
    signal.signal(signal.SIGTERM, _handler)
    signal.signal(signal.SIGINT, _handler)


def worker_init() -> None:
    """Initializer of every worker process: SIGINT ignored, SIGTERM raises `Terminated`."""
    global _deferring
    _deferring = 0
    _held.clear()
    _stopped.clear()  # a fork inherits the parent's state: the worker has not been asked to stop
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, _handler)
    if hasattr(signal, "pthread_sigmask"):  # blocked by the parent while it forked (`worker_pool`)
        signal.pthread_sigmask(signal.SIG_UNBLOCK, _STOP_SIGNALS)


def run_task(fn, *args):
    """Run `fn` in a pool worker; on SIGTERM, after `fn` has unwound (rolling back what it
    was writing), end the worker at once: the pool's own loop would catch the exception,
    send it back and wait for more work."""
    try:
        return fn(*args)
    except Terminated:
        os._exit(EXIT_SIGTERM)


@contextmanager
def deferred_signals() -> Iterator[None]:
    """Hold SIGTERM/SIGINT back for the block; raise the first one held once it is over.

    Only signals whose handler is ours are held (`install`, `worker_init`); a
    process that never installed them keeps the default behaviour."""
    global _deferring
    _deferring += 1
    try:
        yield
    finally:
        _deferring -= 1
        if not _deferring and _held:
            signum = _held[0]
            _held.clear()
            _raise_for(signum)


@contextmanager
def worker_pool(jobs: int) -> Iterator["ProcessPoolExecutor"]:
    """The one way the toolkit runs work in processes (a packet's files, a batch's cases).

    Workers are forked where the platform can (Linux): they start with the
    parent's imports, fonts and loaded case instead of importing and pickling
    them again (Python 3.14 makes forkserver the default, which would). Each
    worker runs `worker_init`; tasks go through `run_task`. On a signal or
    any BaseException the pool is stopped at once (`stop_pool`): no worker
    outlives the block and none is waited for; otherwise it is shut down."""
    import multiprocessing
    import sys
    from concurrent.futures import ProcessPoolExecutor

    context = multiprocessing.get_context("fork") if sys.platform.startswith("linux") else None
    pool = ProcessPoolExecutor(jobs, mp_context=context, initializer=worker_init)
    try:
        # The workers are forked at the first task. A signal arriving during a fork runs
        # its handler inside an at-fork hook (logging's, threading's), where Python
        # prints the exception and drops it: signals stay blocked across the forks, in
        # this process and in the children, until each worker has its handlers.
        with stop_signals_blocked():
            pool.submit(int).result()
        yield pool
    except BaseException:
        stop_pool(pool)
        raise
    finally:
        pool.shutdown(wait=True, cancel_futures=True)


_STOP_SIGNALS = {signal.SIGTERM, signal.SIGINT}


@contextmanager
def stop_signals_blocked() -> Iterator[None]:
    """SIGTERM and SIGINT held by the kernel for the block (around a fork); handled after it."""
    if not hasattr(signal, "pthread_sigmask"):
        yield
        return
    old = signal.pthread_sigmask(signal.SIG_BLOCK, _STOP_SIGNALS)
    try:
        yield
    finally:
        signal.pthread_sigmask(signal.SIG_SETMASK, old)  # a signal that came meanwhile is handled now


def stop_pool(pool) -> None:
    """End a ProcessPoolExecutor now: queued tasks cancelled, every worker stopped and reaped."""
    # The executor keeps its workers in `_processes` (CPython 3.8-3.13; 3.14 adds
    # terminate_workers()); without it there is nothing to signal and shutdown waits.
    procs = list((getattr(pool, "_processes", None) or {}).values())
    for p in procs:
        if p.is_alive():
            try:
                p.terminate()  # SIGTERM: the worker rolls back its packet and exits
            except (OSError, ValueError):
                pass
    for p in procs:
        p.join(STOP_GRACE)
        if p.is_alive():
            p.kill()
            p.join()
    pool.shutdown(wait=True, cancel_futures=True)


def exit_code_of(err: BaseException) -> int | None:
    """The exit code of a stop by signal (143, 130), or None for anything else."""
    if isinstance(err, Terminated):
        return EXIT_SIGTERM
    if isinstance(err, KeyboardInterrupt):
        return EXIT_SIGINT
    return None


def pid_alive(pid: int) -> bool:
    """Whether a process with this id exists (on this machine); a zombie counts as gone."""
    if pid <= 0:
        return False
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's process: alive
    except OSError:
        return True  # cannot tell: assume alive, so nothing of it is removed
    try:
        with open(f"/proc/{pid}/stat", "rb") as fh:
            state = fh.read().rsplit(b")", 1)[1].split()[0]
        return state != b"Z"
    except (OSError, IndexError):
        return True
