"""`restitution check`: template pairs, variables, filters and glossary."""
from __future__ import annotations

from pathlib import Path

import click

from restitution.cli.common import templates_option


def bundled_examples() -> list[Path]:
    from restitution.start.examples import examples_folder

    return sorted(examples_folder().glob("*.yaml"))


@click.command()
@click.argument("cases", nargs=-1, metavar="[CASE]...")
@templates_option
@click.option("--layout", is_flag=True,
              help="Also write every document as PDF (en, zh, bilingual) and check each page: nothing in "
                   "the header or footer band but the page furniture, no text over text, no Chinese line "
                   "starting with a closing mark or ending with an opening one (needs poppler's pdftotext).")
def check(cases: tuple[str, ...], templates: str | None, layout: bool) -> None:
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
    if layout and not problems:  # pages are laid out from templates that render
        from restitution.checks.layout import check_layout

        problems = check_layout(case_files, override)
    if problems:
        raise ErrorList([TemplateError(p) for p in problems])
    click.echo(f"ok: templates agree on {len(case_files)} case(s)"
               + ("; every page of every document is laid out cleanly" if layout else ""))
