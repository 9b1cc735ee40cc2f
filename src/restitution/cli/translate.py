"""`restitution translate export|import`: the translator's round trip through XLIFF."""
from __future__ import annotations

from pathlib import Path

import click

from restitution.cli.common import date_option, force_option, load, templates_option


@click.group()
def translate() -> None:
    """Send the case's free text to a translation tool (XLIFF 1.2) and take the Chinese back."""


@translate.command("export")
@click.argument("case_file", metavar="CASE")
@click.option("-o", "--output", "output", required=True, type=click.Path(dir_okay=False),
              help="The file to write: XLIFF 1.2 (.xlf, .xliff), or gettext PO when it ends in .po.")
@date_option
@force_option
@templates_option
def export(case_file: str, output: str, date: str | None, force: bool, templates: str | None) -> None:
    """Write every free-text field the Chinese documents print, with its English, its
    Chinese if any and its state, as XLIFF 1.2 (or PO) for a translation tool."""
    from restitution.clock import document_date
    from restitution.output import inputs_of, write_atomic
    from restitution.translation import exchange, po, xliff

    case = load(case_file)
    when = document_date(date)
    found = exchange.units(case, when, templates=Path(templates) if templates else None)
    assert case.source is not None
    if _is_po(output):
        data = po.write(found, case.source.name, when)
    else:
        data = xliff.write(found, original=case.source.name)
    target = Path(output)
    write_atomic(target, data, force=force, inputs=[Path(case_file), *inputs_of(case)])
    todo = sum(1 for u in found if not u.target)
    click.echo(f"wrote {target}: {len(found)} field(s), {todo} to translate")


@translate.command("import")
@click.argument("case_file", metavar="CASE")
@click.argument("xliff_file", metavar="FILE")
def import_(case_file: str, xliff_file: str) -> None:
    """Write the translations of an XLIFF (or .po) file back into CASE as `_zh` fields,
    keeping the file's comments and layout; refused, with nothing written, when a source
    no longer matches the case."""
    from restitution.case.load import display_name
    from restitution.cli.common import read_input
    from restitution.output import write_atomic
    from restitution.translation import exchange, po, xliff

    case = load(case_file)
    name = display_name(xliff_file)
    found = (po if _is_po(xliff_file) else xliff).read(read_input(xliff_file), name)
    result = exchange.apply(case, read_input(case_file), found, name)
    if not result.changed:
        click.echo(f"{case_file} unchanged: no new translation in {name} "
                   f"({result.untouched} field(s) still without one)")
        return
    # The case file is replaced on purpose: its own name, in place, atomically.
    write_atomic(Path(case_file), result.data, force=True)
    click.echo(f"wrote {len(result.changed)} Chinese field(s) into {case_file}"
               + (f"; {result.untouched} still without a translation" if result.untouched else ""))


def _is_po(path: str) -> bool:
    return Path(path).suffix.lower() in (".po", ".pot")
