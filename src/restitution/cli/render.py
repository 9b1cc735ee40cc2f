"""`restitution render`: documents from one case file."""
from __future__ import annotations

import time
from pathlib import Path

import click

from restitution.cli.common import (
    allow_outside_option, date_option, doc_option, draft_note, draft_option, force_option, format_option, lang_option,
    load, outdir_option, selection, split_multi, strict_option, templates_option,
)


def writer_process_for(docs: tuple[str, ...], langs: tuple[str, ...], formats: tuple[str, ...]):
    """A writer process for the render (a pool of its own for a packet), or a context holding None."""
    from contextlib import nullcontext

    from restitution.language import OUTPUT_MODES
    from restitution.processes import PARALLEL_MIN_FILES

    from restitution import writers

    # The lists `selection` makes, before it checks them (it imports the documents' modules).
    doc_list = split_multi(docs)
    mode_list = split_multi(langs) or list(OUTPUT_MODES)
    fmt_list = split_multi(formats) or writers.names()
    many = not doc_list or len(doc_list) * len(mode_list) * len(fmt_list) >= PARALLEL_MIN_FILES
    from restitution.pipeline import writer_process

    process = writer_process.start(fmt_list, mode_list, many=many)
    return nullcontext(None) if process is None else process


@click.command()
@click.argument("case_file", metavar="CASE")
@doc_option("Document to render (repeatable; default: every document that applies).")
@lang_option()
@format_option()
@click.option("--layout", type=click.Choice(["columns", "interleaved"]), default="columns", show_default=True,
              help="Layout of bilingual documents.")
@draft_option
@click.option("--paper", type=click.Choice(["a4", "letter"], case_sensitive=False), default=None,
              help="Paper of every document (default: each document's own: US Letter for a letter "
                   "to a card issuer in a Letter country, A4 otherwise).")
@click.option("--guide/--no-guide", default=True, show_default=True,
              help="Write the packet guide and README.txt beside the documents. --no-guide when "
                   "re-rendering one corrected document into a packet's folder: the packet's guide "
                   "then stays as it is, listing every document.")
@outdir_option
@date_option
@force_option
@templates_option
@strict_option
@allow_outside_option
def render(case_file: str, docs: tuple[str, ...], langs: tuple[str, ...], formats: tuple[str, ...],
           layout: str, draft: bool, paper: str | None, guide: bool, outdir: str, date: str | None, force: bool, templates: str | None,
           strict: bool, allow_outside: bool) -> None:
    """Render documents (DOCX/PDF, en/zh/bilingual) from a case file.

    A Chinese or bilingual document is refused while the case lacks a Chinese field it
    prints (each one listed with its line), unless --draft."""
    import gc

    # One render is a short process whose objects mostly live until it exits: the cycle
    # collector's passes over the heap of imports and page layouts cost about 15% of a
    # one-document render and free little (peak memory in BENCHMARKS.md). Only here:
    # batch and bundle, which may run long, keep the collector on.
    gc.disable()
    started = time.perf_counter()
    # The files' writers (reportlab, python-docx, fonts) load in a second process while this
    # one reads the case (pipeline.writer_process), so it starts before the imports below;
    # for a packet it writes the files with a pool of its own.
    with writer_process_for(docs, langs, formats) as writer:
        from restitution.case.warnings import as_errors, collect
        from restitution.clock import document_date
        from restitution.output import check_targets, inputs_of, write_all
        from restitution.pipeline.render import produce, targets

        doc_list, lang_list, fmt_list = selection(docs, langs, formats)
        when = document_date(date)
        case = load(case_file, allow_outside=allow_outside)
        # The case's warnings are printed after the files are written: without --strict they
        # are collected while the writer process writes (produce's `meanwhile`).
        found: list = []

        def warnings() -> None:
            found.extend(collect(case, when))

        if strict:
            warnings()
            if found:
                raise as_errors(case, found)  # before any work: nothing is written
        # Existing files, clashes with inputs and an unusable folder are refused before the
        # rendering work: every target is known from the case alone.
        check_targets(Path(outdir), targets(case, doc_list or None, lang_list, fmt_list, guide=guide, date=when), force,
                      inputs=inputs_of(case))
        # One worker per usable CPU (produce uses them only for a packet of many files).
        from restitution.processes import usable_cpus

        jobs = usable_cpus()
        packet = produce(case, doc_list or None, lang_list, fmt_list, when,
                         templates=Path(templates) if templates else None, layout=layout, jobs=jobs, guide=guide,
                         draft=draft, paper={"a4": "A4", "letter": "Letter"}[paper.lower()] if paper else None,
                         writer=writer, meanwhile=None if strict else warnings)
        if strict and packet.warnings:  # the documents' own warnings, before anything is written
            from restitution.errors import ErrorList, RestitutionError

            raise ErrorList([RestitutionError(f"{key}: {line} (a warning, an error under --strict)")
                             for key, line in packet.warnings])
        written = write_all(Path(outdir), packet.files, force, inputs=inputs_of(case))
        for key, why in packet.skipped:
            click.echo(f"skipped {key}: {why}", err=True)
        for w in found:
            click.echo(f"warning: {w.located(case)}", err=True)
        for key, line in packet.warnings:
            click.echo(f"warning: {key}: {line}", err=True)
    elapsed = time.perf_counter() - started
    click.echo(f"wrote {len(written)} files to {outdir} in {elapsed:.1f} s{draft_note(packet.untranslated)}")
