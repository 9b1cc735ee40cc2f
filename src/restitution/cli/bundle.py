"""`restitution bundle`: the Bates-stamped evidence bundle and its manifest."""
from __future__ import annotations

import time
from pathlib import Path

import click

from restitution.cli.common import allow_outside_option, date_option, draft_note, draft_option, force_option, load, \
    outdir_option, templates_option


@click.command()
@click.argument("case_file", metavar="CASE")
@outdir_option
@date_option
@click.option("--prefix", metavar="P", help="Bates number prefix (default: the case id).")
@draft_option
@force_option
@templates_option
@allow_outside_option
def bundle(case_file: str, outdir: str, date: str | None, prefix: str | None, draft: bool, force: bool,
           templates: str | None, allow_outside: bool) -> None:
    """Bind the evidence into one Bates-stamped PDF with a manifest.

    Its bilingual evidence index is refused while the case lacks a Chinese field the
    index prints, as `render` refuses it, unless --draft."""
    from functools import partial

    from restitution.bundle import render_index, write_bundle
    from restitution.bundle.assemble import check_prefix
    from restitution.bundle.write import bundle_name, manifest_name
    from restitution.clock import document_date
    from restitution.output import check_targets, inputs_of, output_error

    started = time.perf_counter()
    when = document_date(date)
    if prefix is not None:
        check_prefix(prefix)
    case = load(case_file, allow_outside=allow_outside)
    from restitution.translation.fields import refusal, untranslated

    override = Path(templates) if templates else None
    missing = untranslated(case, when, ["evidence_index"], templates=override)
    if missing and not draft:
        raise refusal(case, missing)
    index = partial(render_index, templates=override, draft=draft) if override or draft else None
    out = Path(outdir)
    # Never over the case file or an exhibit, even with --force; a folder in the way first.
    check_targets(out, [bundle_name(case), manifest_name(case)], force, inputs=inputs_of(case))
    try:
        files = write_bundle(case, out, date=when, prefix=prefix, force=force, index=index)
    except OSError as err:
        raise output_error(err, out / bundle_name(case)) from None
    elapsed = time.perf_counter() - started
    click.echo(f"wrote {files.pdf} ({files.layout.total} pages, {len(files.layout.placements)} exhibits) "
               f"and {files.manifest.name} in {elapsed:.1f} s{draft_note(len(missing))}")
