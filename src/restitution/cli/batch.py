"""`restitution batch`: many cases, validated first, rendered in parallel.

A case that fails (for any reason) is reported and the others go on; the
manifest and the summary are always written at the end, the manifest naming
the failed case files. A batch stopped by SIGTERM or Ctrl-C writes no
manifest (it records finished batches only), says how far it got, and exits
143 or 130 with no worker left alive.
"""
from __future__ import annotations

import sys
import time
from pathlib import Path

import click

from restitution.cli.common import (
    allow_outside_option, date_option, doc_option, draft_note, draft_option, force_option, format_option, lang_option,
    outdir_option, selection, templates_option,
)


@click.command()
@click.argument("paths", nargs=-1, required=True, metavar="PATH...")
@outdir_option
@click.option("-j", "--jobs", type=click.IntRange(min=1), default=None,
              help="Worker processes (default: the number of CPUs).")
@doc_option("Documents (repeatable; default: all that apply).")
@lang_option("en, zh, bilingual (default: all).")
@format_option("docx, pdf (default: both).")
@click.option("--layout", type=click.Choice(["columns", "interleaved"]), default="columns", show_default=True)
@date_option
@click.option("--dry-run", is_flag=True, help="Validate and list what would be written; write nothing.")
@click.option("--fail-fast", is_flag=True, help="Stop at the first case that fails.")
@click.option("--no-schedule", is_flag=True, help="Do not write the joint victims schedules.")
@click.option("--bundle", "with_bundle", is_flag=True, help="Also bind each case's evidence bundle, in its folder.")
@click.option("--plan", "with_plan", is_flag=True, help="Also write each case's plan (text and JSON), in its folder.")
@click.option("--ics", "ics", type=click.Path(dir_okay=False), metavar="FILE",
              help="Write one calendar of every case's deadlines to FILE.")
@click.option("--remind-days", type=click.IntRange(min=0), default=7, show_default=True,
              help="Days before each deadline that the calendar's reminder fires.")
@draft_option
@force_option
@templates_option
@allow_outside_option
def batch(paths, outdir, jobs, docs, langs, formats, layout, date, dry_run, fail_fast, no_schedule, with_bundle,
          with_plan, ics, remind_days, draft, force, templates, allow_outside) -> int:
    """Render many cases (files, or folders of *.yaml) into one folder per case."""
    from restitution import writers
    from restitution.batch.collect import case_files, duplicate_ids, validate_all
    from restitution.batch.run import Job, default_jobs, run_cases, write_manifest
    from restitution.batch.schedule import group_by_supplier
    from restitution.clock import document_date
    from restitution.errors import ErrorList
    from restitution.output import check_targets, inputs_of, write_all
    from restitution.processes import exit_code_of
    from restitution.pipeline.render import to_bytes

    started = time.perf_counter()
    doc_list, lang_list, fmt_list = selection(docs, langs, formats)
    when = document_date(date)
    out = Path(outdir)
    override = Path(templates) if templates else None
    from restitution.pipeline.profile import profile_for

    profile_for(override)  # a broken firm.yaml stops the batch before any case is rendered

    files = case_files(list(paths))
    good, bad = validate_all(files, allow_outside=allow_outside)
    for inv in bad:
        for line in inv.lines:
            click.echo(f"error: {line}", err=True)
    dups = duplicate_ids(good)
    if dups:
        raise ErrorList(dups)

    # The joint schedules are rendered before any case is written: a template
    # problem there must not leave a half-done batch.
    schedule_files: list[tuple[str, bytes]] = []
    schedule_langs = [lang for lang in ("en", "zh") if lang in lang_list or "bilingual" in lang_list]
    # a victim counted twice refuses the batch here, before anything is written
    groups = [] if no_schedule else group_by_supplier([c for _, c in good])
    if not force and not dry_run:
        # Every file's name is known from the cases alone: one line, before any rendering.
        from restitution.output import refuse_existing
        from restitution.pipeline.render import targets

        top = ["batch_manifest.json"] + ([] if no_schedule else [
            f"{g.key}_victims_schedule_{lang}{writers.extension(fmt)}"
            for g in groups for lang in schedule_langs for fmt in fmt_list])
        refuse_existing(out, [(out, top)] + [(out / case.id, targets(case, doc_list or None, lang_list, fmt_list, guide=True, date=when))
                                             for _, case in good])
    if not no_schedule:
        from restitution.batch.schedule import render_schedule

        for g in groups:
            for lang in schedule_langs:
                doc = render_schedule(g, lang, when, override)
                for fmt in fmt_list:
                    name = f"{g.key}_victims_schedule_{lang}{writers.extension(fmt)}"
                    schedule_files.append((name, to_bytes(doc, fmt)))
    job = Job(tuple(doc_list) or None, tuple(lang_list), tuple(fmt_list),
              when, override, force, layout, bundle=with_bundle, plan=with_plan, draft=draft)
    calendar = Path(ics) if ics else None

    if dry_run:
        for source, case in good:
            click.echo(f"{source.name}: {out / case.id}/ ({case.id})")
        for name, _ in schedule_files:
            click.echo(f"joint schedule: {out / name}")
        if calendar is not None:
            click.echo(f"calendar: {calendar}")
        click.echo(f"dry run: {len(good)} valid, {len(bad)} invalid; nothing written")
        return 1 if bad else 0

    inputs = [p for _, c in good for p in inputs_of(c)] + [inv.path for inv in bad]
    # Also rolls back what a killed batch left half-published in the top folder.
    check_targets(out, [n for n, _ in schedule_files] + ["batch_manifest.json"], force, inputs=inputs)
    if calendar is not None:
        check_targets(calendar.parent, [calendar.name], force, inputs=inputs)

    show = sys.stderr.isatty()
    bar = click.progressbar(length=len(good), label="rendering", file=sys.stderr) if show else None
    if bar:
        bar.__enter__()
    done: list = []

    def progress(o) -> None:
        done.append(o)
        if bar:
            bar.update(1)

    try:
        outcomes = run_cases(good, out, job, jobs or default_jobs(), fail_fast, progress=progress)
    except BaseException as err:
        code = exit_code_of(err)
        if code is None:
            raise
        if bar:
            bar.__exit__(None, None, None)
            bar = None
        ok = sum(1 for o in done if not o.errors)
        click.echo(f"stopped: {ok} of {len(good)} cases written, no manifest; each case folder is "
                   f"either complete or as it was", err=True)
        raise
    finally:
        if bar:
            bar.__exit__(None, None, None)

    from restitution.batch.extras import combined_calendar, summarise_skips

    failed = [inv.path.name for inv in bad]
    manifest: list[tuple[str, str]] = []
    skips: list[tuple[str, str, str]] = []
    for o in outcomes:
        if o.errors:
            failed.append(o.source.name)
            for line in o.errors:
                click.echo(f"error: {o.source.name}: {line}", err=True)
        manifest.extend(o.files)
        skips.extend((o.source.name, key, why) for key, why in o.skipped)
        for key, line in o.warnings:
            click.echo(f"warning: {o.source.name}: {key}: {line}", err=True)
    for line in summarise_skips(skips):  # one line per reason, not one per case
        click.echo(line, err=True)
    from restitution.errors import RestitutionError

    unwritten = False
    if calendar is not None:
        from restitution.output import write_atomic

        written_ok = {o.case_id for o in outcomes if not o.errors}
        data, events = combined_calendar([c for _, c in good if c.id in written_ok], when, remind_days)
        try:
            write_atomic(calendar, data, force=True, inputs=inputs)  # a clash was refused above
            click.echo(f"wrote {calendar} ({events} deadlines, each with a reminder {remind_days} days before)",
                       err=True)
        except RestitutionError as err:
            unwritten = True
            for line in err.lines():
                click.echo(f"error: calendar: {line}", err=True)
    if schedule_files:
        import hashlib

        try:
            write_all(out, schedule_files, force=True, inputs=inputs)  # clashes were checked above
            manifest.extend((n, hashlib.sha256(d).hexdigest()) for n, d in schedule_files)
        except RestitutionError as err:
            unwritten = True
            for line in err.lines():
                click.echo(f"error: joint schedules: {line}", err=True)
    try:
        write_manifest(out, manifest, when, force=True, failed=failed)
    except RestitutionError as err:
        unwritten = True
        for line in err.lines():
            click.echo(f"error: {line}", err=True)
    not_run = len(good) - len(outcomes)
    summary = f"{len(files)} cases, {len(manifest)} files in {time.perf_counter() - started:.1f} s"
    if failed:
        summary += f"; {len(failed)} case{'s' if len(failed) != 1 else ''} failed: {', '.join(failed)}"
    if not_run:
        summary += f"; {not_run} not run (--fail-fast)"
    if unwritten:
        summary += "; the joint schedules or the manifest could not be written"
    summary += draft_note(sum(o.untranslated for o in outcomes))
    click.echo(summary)
    return 1 if failed or not_run or unwritten else 0
