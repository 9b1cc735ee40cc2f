"""Rendering a batch: one worker process per core, one folder per case, a manifest.

Every case is validated before any worker starts (collect.py). A worker
renders one case fully in memory and writes it as one packet (output.py), so
a case that fails leaves its folder as it was, and the other cases are still
written. Whatever a case fails with (a located error, an OSError, a bug in
this program, a worker process that died) is recorded for that case alone;
the batch goes on. SIGTERM or Ctrl-C stops every worker (processes.py): each
rolls back the packet it was writing, and none is left alive.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import os
from concurrent.futures import FIRST_COMPLETED, Future, wait
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable, Iterable

from restitution.case.model import Case
from restitution.errors import RestitutionError
from restitution.processes import run_task, worker_pool
from restitution.records import record


@record
class Job:
    docs: tuple[str, ...] | None
    langs: tuple[str, ...]
    formats: tuple[str, ...]
    date: dt.date
    templates: Path | None
    force: bool
    layout: str = "columns"
    # Chinese documents of a case lacking Chinese fields: refused (the case fails,
    # listing them) or, as drafts, made marked DRAFT / 草稿 (render --draft).
    draft: bool = False
    bundle: bool = False  # also the evidence bundle and its manifest (batch/extras.py)
    plan: bool = False  # also the plan, as text and JSON


@dataclass
class Outcome:
    source: Path
    case_id: str
    files: list[tuple[str, str]] = field(default_factory=list)  # (relative path, sha256)
    errors: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)
    warnings: list[tuple[str, str]] = field(default_factory=list)
    untranslated: int = 0  # fields a draft left 【待译】


def render_one(source: Path, case: Case, outdir: Path, job: Job) -> Outcome:
    """Render and write one case; problems are returned, not raised (a batch goes on)."""
    from restitution.output import inputs_of, write_all
    from restitution.pipeline.render import produce

    result = Outcome(source, case.id)
    try:
        packet = produce(case, job.docs, job.langs, job.formats, job.date,
                         templates=job.templates, layout=job.layout, guide=True, draft=job.draft)
        files = list(packet.files)
        skipped = list(packet.skipped)
        if job.bundle:
            from restitution.batch.extras import BUNDLE, bundle_files

            if case.evidence:
                files += bundle_files(case, job.date, job.templates)
            else:
                skipped.append((BUNDLE, "the case lists no evidence to bind (evidence:)"))
        if job.plan:
            from restitution.batch.extras import plan_files

            files += plan_files(case, job.date)
        folder = outdir / case.id
        write_all(folder, files, job.force, inputs=inputs_of(case))
    except RestitutionError as err:
        result.errors = err.lines()
        return result
    except OSError as err:  # one not met by write_all (reading a template or an exhibit)
        from restitution.cli import located

        result.errors = located(err).lines()
        return result
    except Exception as err:  # a bug: this case fails, the batch goes on
        result.errors = [internal_error(err)]
        return result
    result.skipped = skipped
    # the case's own warnings (case/warnings.py), located as "line N key.path", then the documents'
    from restitution.case.warnings import collect

    result.warnings = [(f"line {case.line_of(w.path)} {w.path}" if case.line_of(w.path) else w.path, w.message)
                       for w in collect(case, job.date)] + packet.warnings
    result.untranslated = packet.untranslated
    result.files = [(f"{case.id}/{name}", hashlib.sha256(data).hexdigest()) for name, data in files]
    return result


def internal_error(err: BaseException) -> str:
    """An unexpected exception as one line: its class and where it was raised, never its
    message (which may hold a value of the case)."""
    import traceback

    frames = traceback.extract_tb(err.__traceback__)
    here = f"{os.sep}restitution{os.sep}"
    at = ""
    if frames:
        last = frames[-1]
        ours = next((f for f in reversed(frames) if here in f.filename), None)
        at = f" at {Path(last.filename).name}:{last.lineno}"
        if ours is not None and ours is not last:
            at += f", from {Path(ours.filename).name}:{ours.lineno}"
    return (f"internal error ({type(err).__name__}{at}); the other cases go on; "
            f"please report it with this line")


def _died(source: Path, case: Case, err: BaseException) -> Outcome:
    return Outcome(source, case.id, errors=[
        f"the worker process rendering this case stopped ({type(err).__name__}); "
        f"its folder was left as it was; run the case again alone to see why"])


def run_cases(cases: list[tuple[Path, Case]], outdir: Path, job: Job, jobs: int, fail_fast: bool,
              progress: Callable[[Outcome], None] | None = None) -> list[Outcome]:
    outcomes: list[Outcome] = []

    def record(out: Outcome) -> None:
        outcomes.append(out)
        if progress:
            progress(out)

    if jobs <= 1 or len(cases) <= 1:
        for source, case in cases:
            out = render_one(source, case, outdir, job)
            record(out)
            if fail_fast and out.errors:
                break
        return outcomes
    queue = list(cases)
    retried: set[str] = set()
    pools = 0
    while queue:
        # A worker that dies (killed, out of memory) breaks its pool: the cases then in
        # flight go to a new pool once; a case in flight at a second break fails.
        # Pools that keep breaking (cannot start) give way to a run in this process.
        pools += 1
        if pools > len(cases) + 1:
            for source, case in queue:
                record(render_one(source, case, outdir, job))
            break
        queue = _run_pool(queue, outdir, job, jobs, fail_fast, record, retried)
    return outcomes


def _run_pool(queue: list[tuple[Path, Case]], outdir: Path, job: Job, jobs: int, fail_fast: bool,
              record: Callable[[Outcome], None], retried: set[str]) -> list[tuple[Path, Case]]:
    """Run cases in one pool; return those to run again in a new pool (after a broken one)."""
    from concurrent.futures.process import BrokenProcessPool

    pending: dict[Future, tuple[Path, Case]] = {}
    again: list[tuple[Path, Case]] = []
    # A signal or an error stops the pool's workers at once (none outlives the batch).
    with worker_pool(jobs) as pool:
        # Keep a few cases per worker in flight: enough to stay busy, little to cancel.
        while queue or pending:
            while queue and len(pending) < jobs * 2:
                try:
                    fut = pool.submit(run_task, render_one, *queue[0], outdir, job)
                except BrokenProcessPool:
                    break  # pending ones report it below; then a new pool takes the rest
                pending[fut] = queue.pop(0)
            if not pending:
                return again + queue
            done, _ = wait(pending, return_when=FIRST_COMPLETED)
            for fut in done:
                source, case = pending.pop(fut)
                try:
                    out = fut.result()
                except BrokenProcessPool as err:
                    if case.id in retried:
                        record(_died(source, case, err))
                    else:
                        retried.add(case.id)
                        again.append((source, case))
                    continue
                except Exception as err:  # e.g. an outcome that could not be sent back
                    out = Outcome(source, case.id, errors=[internal_error(err)])
                record(out)
                if fail_fast and out.errors:
                    queue.clear()
            if again and not pending:
                return again + queue
    return again


def write_manifest(outdir: Path, entries: list[tuple[str, str]], date: dt.date, force: bool,
                   failed: Iterable[str] = ()) -> Path:
    """batch_manifest.json: every output file with its SHA-256, and the case files that
    failed, sorted, deterministic."""
    from restitution import __version__
    from restitution.output import write_atomic

    data = {
        "tool": "restitution",
        "version": __version__,
        "date": date.isoformat(),
        "files": [{"path": p, "sha256": h} for p, h in sorted(entries)],
        "failed": sorted(failed),
    }
    path = outdir / "batch_manifest.json"
    return write_atomic(path, (json.dumps(data, indent=2, ensure_ascii=False, sort_keys=True) + "\n").encode(),
                        force=force)


def default_jobs() -> int:
    from restitution.processes import usable_cpus

    return usable_cpus()
