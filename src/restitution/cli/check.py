"""`restitution check`: template pairs, variables, filters and glossary."""
from __future__ import annotations

from pathlib import Path

import click

from restitution.cli.common import templates_option


def bundled_examples() -> list[Path]:
    from importlib import resources

    packaged = resources.files("restitution") / "examples"
    folder = Path(str(packaged)) if packaged.is_dir() else Path(__file__).resolve().parents[3] / "examples"
    return sorted(folder.glob("*.yaml"))


@click.command()
@click.argument("cases", nargs=-1, metavar="[CASE]...")
@templates_option
def check(cases: tuple[str, ...], templates: str | None) -> None:
    """Check templates: en/zh structure on every case, variables, filters, glossary.

    Without CASE, the bundled example cases are used.
    """
    from restitution.checks import run_checks
    from restitution.errors import ErrorList, TemplateError, UsageError
    from restitution.pipeline.templating import template_dirs

    override = Path(templates) if templates else None
    case_files = [Path(c) for c in cases] or bundled_examples()
    for c in case_files:
        if not c.is_file():
            raise UsageError(f"{c}: no such case file")
    problems = run_checks(template_dirs(override), case_files, override)
    if problems:
        raise ErrorList([TemplateError(p) for p in problems])
    click.echo(f"ok: templates agree on {len(case_files)} case(s)")
