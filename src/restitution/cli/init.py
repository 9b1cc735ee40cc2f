"""`restitution init`: a first case file from an interview, or a copy of a bundled example."""
from __future__ import annotations

from pathlib import Path

import click

from restitution.cli.common import force_option


@click.command("init")
@click.argument("case_file", metavar="[FILE]", required=False)
@click.option("--example", "example", metavar="NAME",
              help="Copy a bundled example case and its evidence instead of asking (e.g. northwind-vanished).")
@force_option
def init(case_file: str | None, example: str | None, force: bool) -> None:
    """Write a case file (default case.yaml) from questions asked in the terminal.

    Every question can be skipped with Enter; required answers left out are
    marked TO FILL IN in the file. With --example NAME, copy a bundled example
    and its evidence instead."""
    from restitution.errors import UsageError
    from restitution.output import check_targets

    if example:
        from restitution.start.examples import copy_example

        target = Path(case_file or f"{example}.yaml")
        written = copy_example(example, target, force=force)
        click.echo(f"wrote {target} and {len(written) - 1} evidence file(s); next: restitution validate {target}")
        return
    from restitution.start.terminal import has_terminal

    target = Path(case_file or "case.yaml")
    if not has_terminal():
        raise UsageError("init asks questions and needs a terminal; run it in one, or copy an example with "
                         "restitution init --example NAME")
    check_targets(target.parent if str(target.parent) else Path("."), [target.name], force)
    _interview(target, force)


def _interview(target: Path, force: bool) -> None:
    from restitution.start.interview import Interview
    from restitution.start.terminal import ask

    click.echo("restitution init: the story of your case, in a few questions. Press Enter to skip any "
               "question and fill it in later in the file.")
    draft = Interview(ask, target.parent.resolve(), say=click.echo).run()
    _write(target, draft, force)


def _write(target: Path, draft, force: bool) -> None:
    import json

    from restitution.case import case_schema, load_case
    from restitution.errors import ErrorList, RestitutionError
    from restitution.output import write_atomic
    from restitution.start.casefile import SCHEMA_FILE, case_text

    write_atomic(target, case_text(draft).encode("utf-8"), force=force)
    schema = target.parent / SCHEMA_FILE
    if not schema.exists():  # the editor's schema line points here; an existing one is left alone
        write_atomic(schema, (json.dumps(case_schema(), ensure_ascii=False, indent=2) + "\n").encode(), force=False)
    click.echo(f"\nwrote {target}")
    missing = draft.missing()
    if missing:
        click.echo(f"{len(missing)} required answer(s) still to fill in (marked TO FILL IN): "
                   + ", ".join(path for path, _ in missing))
        return
    try:
        case = load_case(target)
    except RestitutionError as err:
        errors = err.errors if isinstance(err, ErrorList) else [err]
        for e in errors:
            click.echo(f"to fix: {e}")
        return
    from restitution.clock import document_date
    from restitution.outlook import lines, outlook

    click.echo(f"ok: {target} ({case.id}) validates; it will make:")
    for line in lines(outlook(case, document_date(None))):
        click.echo(line)
