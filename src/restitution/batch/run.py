"""Rendering a batch: one worker process per core, one folder per case, a manifest.

Every case is validated before any worker starts (collect.py). A worker
renders one case fully in memory and writes it atomically, so a case that
fails leaves nothing behind, and the other cases are still written.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from concurrent.futures import FIRST_COMPLETED, Future, ProcessPoolExecutor, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from restitution.case.model import Case
from restitution.errors import RestitutionError


@dataclass(frozen=True)
class Job:
    docs: tuple[str, ...] | None
    langs: tuple[str, ...]
    formats: tuple[str, ...]
    date: dt.date
    templates: Path | None
    force: bool
    layout: str = "columns"


@dataclass
class Outcome:
    source: Path
    case_id: str
    files: list[tuple[str, str]] = field(default_factory=list)  # (relative path, sha256)
    errors: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)


def render_one(source: Path, case: Case, outdir: Path, job: Job) -> Outcome:
    """Render and write one case; problems are returned, not raised (a batch goes on)."""
    from restitution.output import write_all
    from restitution.render import produce

    result = Outcome(source, case.id)
    try:
        packet = produce(case, job.docs, job.langs, job.formats, job.date,
                         templates=job.templates, layout=job.layout)
        folder = outdir / case.id
        write_all(folder, packet.files, job.force)
    except RestitutionError as err:
        result.errors = err.lines()
        return result
    result.skipped = packet.skipped
    result.files = [(f"{case.id}/{name}", hashlib.sha256(data).hexdigest()) for name, data in packet.files]
    return result


def _worker_init() -> None:
    # Workers ignore Ctrl-C; the parent decides when to stop.
    import signal

    signal.signal(signal.SIGINT, signal.SIG_IGN)


def run_cases(cases: list[tuple[Path, Case]], outdir: Path, job: Job, jobs: int, fail_fast: bool,
              progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    outcomes: list[Outcome] = []
    if jobs <= 1 or len(cases) <= 1:
        for source, case in cases:
            out = render_one(source, case, outdir, job)
            outcomes.append(out)
            if progress:
                progress(out)
            if fail_fast and out.errors:
                break
        return outcomes
    with ProcessPoolExecutor(max_workers=jobs, initializer=_worker_init) as pool:
        pending: set[Future] = set()
        queue = list(cases)
        # Keep a few cases per worker in flight: enough to stay busy, little to cancel.
        while queue or pending:
            while queue and len(pending) < jobs * 2:
                source, case = queue.pop(0)
                pending.add(pool.submit(render_one, source, case, outdir, job))
            done, pending = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                out = fut.result()
                outcomes.append(out)
                if progress:
                    progress(out)
                if fail_fast and out.errors:
                    queue.clear()
    return outcomes


def write_manifest(outdir: Path, entries: list[tuple[str, str]], date: dt.date, force: bool) -> Path:
    """batch_manifest.json: every output file with its SHA-256, sorted, deterministic."""
    from restitution import __version__
    from restitution.output import write_atomic

    data = {
        "tool": "restitution",
        "version": __version__,
        "date": date.isoformat(),
        "files": [{"path": p, "sha256": h} for p, h in sorted(entries)],
    }
    path = outdir / "batch_manifest.json"
    write_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode())
    return path


def default_jobs() -> int:
    return max(1, len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1))
