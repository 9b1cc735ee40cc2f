"""The bytes of a packet's files: made in this process, by worker processes, or by the
writer process started before the case was read.

`files` decides: with a writer process (`pipeline.writer_process`, the `render` command
on Linux with two or more CPUs) every model is made here and the files are written there,
by its own pool for a packet; otherwise a packet of many files
(`processes.PARALLEL_MIN_FILES` or more: `batch`) is made by a pool of forked workers that
start with this process's imports, fonts and loaded case (the first document's models and
the writers' `prepare` done here first, `_warm`); otherwise everything is made here.
The bytes are the same either way, and whatever a worker or the writer process fails
at is made again here, in order, so the first error raised is the one a run without
them raises, with its location.
"""
from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable

from restitution import writers
from restitution.case.model import Case
from restitution.document import Document
from restitution.pipeline.render import render_document, to_bytes

if TYPE_CHECKING:
    from restitution.pipeline.writer_process import WriterProcess


# (case, langs, date, templates, layout, draft, paper) of the packet being made: a fork-started worker
# inherits it rather than receiving the case pickled.
_JOB: tuple | None = None


def _models_of(key: str, job: tuple | None = None) -> list[Document]:
    """A document's model in each language."""
    current = job or _JOB
    assert current is not None, "a worker runs with the job its parent set"
    case, langs, date, templates, layout, draft, paper = current
    done: dict[str, Document] = {}
    return [render_document(case, key, lang, date, templates=templates, layout=layout, done=done, draft=draft,
                            paper=paper)
            for lang in langs]


def guide(case: Case, keys: list[str], date: dt.date, templates: Path | None) -> list[tuple[str, bytes]]:
    from restitution.guide import guide_files

    return guide_files(case, keys, date, templates=templates)


def files(job: tuple, keys: list[str], formats: list[str], jobs: int,
           extras: dict[str, list[tuple[str, bytes]]] | None = None, writer: WriterProcess | None = None,
           meanwhile: Callable[[], None] | None = None) -> list[bytes]:
    """The bytes of every file, in order: each document's models, then its files.

    With `jobs` > 1 (on Linux), worker processes forked once the case is loaded and what
    every worker would load for itself is loaded (`_warm`), and so starting with this
    process's imports, fonts and templates, render the models and write the files; a
    document's files are queued as soon as its models come back, and with `extras` the
    packet guide is made beside them (into ``extras["guide"]``). Whatever a worker fails
    at (or a broken pool leaves undone) is done again by the caller, in order, so the
    first error raised is the one a run without workers raises, with its location.
    Otherwise, with `writer`, every model is made here and the files written there (while
    `meanwhile` runs here, then the guide, with `extras`, is made here). `meanwhile` is
    called once in any case: work the caller needs done before it writes anything, which
    needs no file's bytes (the case's warnings)."""
    models: dict[str, list[Document]] = {}
    out: dict[tuple[str, int, str], bytes] = {}
    pending = [meanwhile] if meanwhile is not None else []
    if writer is not None:
        _in_writer(writer, job, keys, formats, models, out, extras, pending)
    elif jobs > 1 and len(keys) > 0 and sys.platform.startswith("linux"):
        _in_workers(job, keys, formats, jobs, models, out, extras)
    _run(pending)
    result = []
    for key in keys:
        if key not in models:
            models[key] = _models_of(key, job)
        for i, doc in enumerate(models[key]):
            for fmt in formats:
                data = out.get((key, i, fmt))
                result.append(data if data is not None else to_bytes(doc, fmt))
    return result


def _in_writer(writer: WriterProcess, job: tuple, keys: list[str], formats: list[str],
               models: dict[str, list[Document]], out: dict[tuple[str, int, str], bytes],
               extras: dict[str, list[tuple[str, bytes]]] | None = None,
               pending: list[Callable[[], None]] | None = None) -> None:
    """The models made here and the files written by `writer`; while it writes them, the work
    `pending` holds is done here and, with `extras`, the packet guide's model made, its PDF
    written there next (this process then never loads a PDF writer). A model or a guide that
    fails is left for the caller to meet again, in order, with its location; an error of the
    pending work is raised (the writer process is ended by its owner)."""
    try:
        for key in keys:
            models[key] = _models_of(key, job)
    except Exception:  # noqa: BLE001 - raised again by the caller, in order
        return
    tasks = [(key, i, fmt) for key in keys for i in range(len(models[key])) for fmt in formats
             if fmt in writer.formats]
    sent = writer.send([(models[k][i], fmt) for k, i, fmt in tasks])
    _run(pending)  # about 8 ms of a one-PDF render's 0.2 s, done while the file is written
    made = None
    if extras is not None:
        from restitution.guide import guide_model

        case, _langs, date, templates, *_ = job
        try:
            made = guide_model(case, keys, date, templates=templates)
        except Exception:  # noqa: BLE001 - made again by the caller, which raises it located
            pass
    for task, data in zip(tasks, writer.receive(len(tasks)) if sent else []):
        if data is not None:
            out[task] = data
    if made is not None and extras is not None:
        (name, doc), readme = made
        (pdf,) = writer.write_all([(doc, "pdf")])
        extras["guide"] = [(name, pdf if pdf is not None else to_bytes(doc, "pdf")), readme]


def _run(pending: list[Callable[[], None]] | None) -> None:
    """The caller's work, once: each is taken off the list before it runs."""
    while pending:
        pending.pop()()


def _warm(job: tuple, keys: list[str], formats: list[str], models: dict[str, list[Document]]) -> None:
    """Before forking, make the first document's models here (work the packet needs anyway)
    and let each writer load what documents like them need (fonts, styled base packages):
    the workers then share it instead of each loading it again (a Chinese face costs about
    25 ms to read and hash). A failure is left for the caller to meet again, in order, with
    its location."""
    try:
        first = models[keys[0]] = _models_of(keys[0], job)
        for fmt in formats:
            prepare = writers.get(fmt).prepare
            if prepare is not None:
                for doc in first:
                    prepare(doc)
    except Exception:  # noqa: BLE001 - an optimisation only
        models.pop(keys[0], None)


def _in_workers(job: tuple, keys: list[str], formats: list[str], jobs: int,
                models: dict[str, list[Document]], out: dict[tuple[str, int, str], bytes],
                extras: dict[str, list[tuple[str, bytes]]] | None = None) -> None:
    import gc

    from restitution.processes import worker_pool

    global _JOB
    _JOB = job
    _warm(job, keys, formats, models)
    gc.freeze()  # the workers' collector then leaves the inherited objects (and their pages) alone
    try:
        with worker_pool(jobs) as pool:
            _drain(pool, job, keys, formats, models, out, extras)
    except Exception:
        pass  # no workers, or a broken pool: what is missing is done in order by the caller
    finally:
        _JOB = None
        gc.unfreeze()


def _drain(pool, job: tuple, keys: list[str], formats: list[str], models: dict[str, list[Document]],
           out: dict[tuple[str, int, str], bytes], extras: dict[str, list[tuple[str, bytes]]] | None = None) -> None:
    """Each document's models, then its files as soon as the models are back (and the guide)."""
    from concurrent.futures import FIRST_COMPLETED, Future, wait

    from restitution.processes import run_task

    def queue_files(key: str, docs: list[Document]) -> None:
        # PDF first and bilingual first: the dearest files start first.
        tasks = sorted(((i, fmt) for i in range(len(docs)) for fmt in formats),
                       key=lambda t: (t[1] != "pdf", docs[t[0]].lang != "bilingual"))
        for i, fmt in tasks:
            pending[pool.submit(run_task, to_bytes, docs[i], fmt)] = (key, i, fmt)

    # The models still to make (short tasks that free more work), the guide, then the files of
    # the documents whose models were made before forking (`_warm`).
    pending: dict[Future, Any] = {pool.submit(run_task, _models_of, key): key for key in keys if key not in models}
    if extras is not None:
        case, _, date, templates, *_ = job
        pending[pool.submit(run_task, guide, case, keys, date, templates)] = ("guide",)
    for key in keys:
        if key in models:
            queue_files(key, models[key])
    while pending:
        finished, _ = wait(pending, return_when=FIRST_COMPLETED)
        for fut in finished:
            what = pending.pop(fut)
            if fut.exception() is not None:
                continue  # done again in order, to raise there
            if isinstance(what, str):
                models[what] = fut.result()
                queue_files(what, models[what])
            elif what == ("guide",):
                assert extras is not None
                extras["guide"] = fut.result()
            else:
                out[what] = fut.result()
