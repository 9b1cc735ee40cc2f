"""`restitution plan`: classify the case, list the routes and every deadline."""
from __future__ import annotations

import json
from pathlib import Path

import click

from restitution.cli.common import allow_outside_option, force_option


def _load(path: str, allow_outside: bool):
    from restitution.case import load_case
    from restitution.errors import UsageError

    p = Path(path)
    if not p.is_file():
        raise UsageError(f"{path}: no such case file")
    # The plan reads no exhibit file, so a missing one is left to `validate`.
    return load_case(p, check_files=False, allow_outside=allow_outside)


@click.command()
@click.argument("case_file", metavar="CASE")
@click.option("--today", "today", metavar="YYYY-MM-DD",
              help="The day deadlines are measured from (default: SOURCE_DATE_EPOCH, else today).")
@click.option("--ics", "ics", type=click.Path(dir_okay=False), metavar="FILE",
              help="Also write every deadline to this iCalendar file.")
@click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True,
              help="Output on stdout.")
@click.option("--lang", "lang", type=click.Choice(["en", "zh"]), default="en", show_default=True,
              help="Language of the text output and of the calendar events.")
@force_option
@allow_outside_option
def plan(case_file: str, today: str | None, ics: str | None, fmt: str, lang: str, force: bool,
         allow_outside: bool) -> None:
    """Classify the case, list the open routes and every deadline."""
    from restitution.clock import document_date
    from restitution.output import check_targets, write_atomic
    from restitution.plan import make_plan, plan_to_ics, plan_to_json, plan_to_text

    when = document_date(today, "--today")
    target = Path(ics) if ics else None
    # Refuse before doing any work, so a clash never leaves a half-done run; the
    # calendar is never written over the case file, even with --force.
    if target is not None:
        check_targets(target.parent, [target.name], force, inputs=[Path(case_file)])
    case = _load(case_file, allow_outside)
    from restitution.case.proceedings import check_history

    check_history(case, when, "the plan's date (--today)")
    result = make_plan(case, when)
    if target is not None:
        write_atomic(target, plan_to_ics(result, lang), force=force, inputs=[Path(case_file)])
    if fmt == "json":
        click.echo(json.dumps(plan_to_json(result), ensure_ascii=False, indent=2))
    else:
        from restitution.plan.steps import next_steps

        click.echo(plan_to_text(result, lang, next_steps(case, result)), nl=False)
    if target is not None:
        click.echo(f"wrote {ics} ({len(result.deadlines)} deadlines)", err=True)
