"""`restitution render`: documents from one case file."""
from __future__ import annotations

import os
import time
from pathlib import Path

import click

from restitution.cli.common import (
    allow_outside_option, date_option, doc_option, force_option, format_option, lang_option, load, outdir_option,
    selection, templates_option,
)


@click.command()
@click.argument("case_file", metavar="CASE")
@doc_option("Document to render (repeatable; default: every document that applies).")
@lang_option()
@format_option()
@click.option("--layout", type=click.Choice(["columns", "interleaved"]), default="columns", show_default=True,
              help="Layout of bilingual documents.")
@outdir_option
@date_option
@force_option
@templates_option
@allow_outside_option
def render(case_file: str, docs: tuple[str, ...], langs: tuple[str, ...], formats: tuple[str, ...],
           layout: str, outdir: str, date: str | None, force: bool, templates: str | None,
           allow_outside: bool) -> None:
    """Render documents (DOCX/PDF, en/zh/bilingual) from a case file."""
    from restitution.clock import document_date
    from restitution.output import check_targets, inputs_of, write_all
    from restitution.pipeline.render import produce, targets

    started = time.perf_counter()
    doc_list, lang_list, fmt_list = selection(docs, langs, formats)
    when = document_date(date)
    case = load(case_file, allow_outside=allow_outside)
    # Existing files, clashes with inputs and an unusable folder are refused before the
    # rendering work: every target is known from the case alone.
    check_targets(Path(outdir), targets(case, doc_list or None, lang_list, fmt_list), force,
                  inputs=inputs_of(case))
    # One worker per usable CPU (produce uses them only for a packet of many files).
    jobs = len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else (os.cpu_count() or 1)
    packet = produce(case, doc_list or None, lang_list, fmt_list, when,
                     templates=Path(templates) if templates else None, layout=layout, jobs=jobs)
    written = write_all(Path(outdir), packet.files, force, inputs=inputs_of(case))
    for key, why in packet.skipped:
        click.echo(f"skipped {key}: {why}", err=True)
    for key, line in packet.warnings:
        click.echo(f"warning: {key}: {line}", err=True)
    elapsed = time.perf_counter() - started
    click.echo(f"wrote {len(written)} files to {outdir} in {elapsed:.1f} s")
