"""`restitution validate` and `restitution schema`.

`validate` checks every case file given and reports all of them before it
fails, so a lawyer with fifty client files sees every problem in one run.
"""
from __future__ import annotations

import json
from pathlib import Path

import click

from restitution.case import case_schema, load_case
from restitution.cli.common import allow_outside_option
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
def validate(cases: tuple[str, ...], allow_outside: bool, check_files: bool) -> None:
    """Check CASE files and report every problem with file, line and key path."""
    failed: list[RestitutionError] = []
    for path in cases:
        try:
            case = load_case(path, allow_outside=allow_outside, check_files=check_files)
        except ErrorList as err:
            failed.extend(err.errors)
            continue
        except RestitutionError as err:
            failed.append(err)
            continue
        click.echo(f"ok: {path} ({case.id})")
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
