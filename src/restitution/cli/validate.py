"""`restitution validate` and `restitution schema`.

`validate` checks every case file given and reports all of them before it
fails, so a lawyer with fifty client files sees every problem in one run.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from restitution.case import case_schema, load_case
from restitution.case.proceedings import check_history
from restitution.cli.common import allow_outside_option, date_option, strict_option
from restitution.errors import ErrorList, RestitutionError


@click.command("validate")
@click.argument("cases", nargs=-1, required=True, type=click.Path(exists=True, dir_okay=False))
@allow_outside_option
@click.option(
    "--no-check-files",
    "check_files",
    is_flag=True,
    flag_value=False,
    default=True,
    help="Do not require evidence files to exist.",
)
@click.option("-q", "--quiet", is_flag=True, help="Print only ok or the problems, not what each case will produce.")
@strict_option
@date_option
def validate(cases: tuple[str, ...], allow_outside: bool, check_files: bool, quiet: bool, strict: bool,
             date: str | None) -> None:
    """Check CASE files and report every problem with file, line and key path.

    For a valid case, also what it will produce: each document rendered or skipped
    (with the reason and the key to add) and how many fields still lack Chinese.
    What a valid file says that does not add up (a flag its dates contradict, a
    payment without proof, a rate date with no published rate) is a warning:
    printed, exit 0; an error with --strict."""
    from restitution.case.warnings import as_errors, collect
    from restitution.clock import document_date
    from restitution.exhibits import exhibit_infos
    from restitution.outlook import lines as outlook_lines, outlook, rehearse

    when = document_date(date)
    failed: list[RestitutionError] = []
    for path in cases:
        try:
            case = load_case(path, allow_outside=allow_outside, check_files=check_files)
            check_history(case, when, "today" if date is None else "the date given (--date)")
        except ErrorList as err:
            failed.extend(err.errors)
            continue
        except RestitutionError as err:
            failed.append(err)
            continue
        untranslated: tuple[str, ...] = ()
        if check_files:
            try:
                # The checks `bundle` and the evidence index make of every file: a case that
                # validates renders.
                exhibit_infos(case, allow_outside=allow_outside)
                # every document render would make, en and zh: a case that validates renders
                untranslated = rehearse(case, when)
            except RestitutionError as err:
                failed.extend(err.errors if isinstance(err, ErrorList) else [err])
                continue
        found = collect(case, when)
        if strict and found:
            failed.extend(as_errors(case, found).errors)
            continue
        for w in found:
            click.echo(f"warning: {w.located(case)}", err=True)
        click.echo(f"ok: {path} ({case.id})" + (f", {len(found)} warning(s)" if found else ""))
        if not quiet:
            for line in outlook_lines(outlook(case, when, translations=check_files,
                                              untranslated=untranslated if check_files else None)):
                click.echo(line)
    if failed:
        raise ErrorList(failed)


@click.command("schema")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write the schema to this file instead of printing it.")
@click.option("--force", is_flag=True, help="Overwrite the output file if it exists.")
def schema(output: str | None, force: bool) -> None:
    """Print the JSON Schema of the case file (draft 2020-12), for YAML editors."""
    text = json.dumps(case_schema(), ensure_ascii=False, indent=2) + "\n"
    if output is None:
        click.echo(text, nl=False)
        return
    from restitution.output import write_atomic

    write_atomic(Path(output), text.encode("utf-8"), force=force)
    click.echo(f"wrote {output}", err=True)
