"""Stopping: signals as exceptions, held back around renames; pools stopped with no live worker."""
from __future__ import annotations

import os
import signal
import subprocess
import sys
import threading
from concurrent.futures import ProcessPoolExecutor

import pytest

from restitution import processes


def _sleep_forever(started) -> None:
    started.set()
    threading.Event().wait()


@pytest.fixture
def handlers():
    saved = signal.getsignal(signal.SIGTERM), signal.getsignal(signal.SIGINT)
    processes.install()
    yield
    signal.signal(signal.SIGTERM, saved[0])
    signal.signal(signal.SIGINT, saved[1])
    processes.forget_stop()  # the stops these tests ask for end with them


def test_sigterm_raises_terminated_with_exit_143(handlers):
    with pytest.raises(processes.Terminated) as err:
        os.kill(os.getpid(), signal.SIGTERM)
        threading.Event().wait(60)  # the handler raises at the next bytecode
    assert err.value.code == 143 and processes.exit_code_of(err.value) == 143
    assert processes.exit_code_of(KeyboardInterrupt()) == 130 and processes.exit_code_of(ValueError()) is None


def test_a_signal_is_held_until_the_block_ends(handlers):
    reached = []
    with pytest.raises(KeyboardInterrupt):
        with processes.deferred_signals():
            os.kill(os.getpid(), signal.SIGINT)
            for _ in range(1000):
                pass  # the handler runs here, and only notes the signal
            reached.append("end of block")
    assert reached == ["end of block"]


def test_stop_pool_leaves_no_live_worker():
    import multiprocessing

    ctx = multiprocessing.get_context("fork")
    started = ctx.Manager().Event()
    pool = ProcessPoolExecutor(2, mp_context=ctx, initializer=processes.worker_init)
    futures = [pool.submit(processes.run_task, _sleep_forever, started) for _ in range(4)]  # two run, two queued
    started.wait(120)
    workers = list(pool._processes.values())
    assert workers and any(w.is_alive() for w in workers)
    processes.stop_pool(pool)
    assert not any(w.is_alive() for w in workers)
    assert all(w.exitcode is not None for w in workers)  # reaped, not zombies
    assert all(f.done() for f in futures)


def test_pid_alive():
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    assert processes.pid_alive(os.getpid()) and not processes.pid_alive(child.pid)
    assert not processes.pid_alive(0)
