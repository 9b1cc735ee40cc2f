"""`restitution preview`: English and Chinese side by side, for translators."""
from __future__ import annotations

import shutil
import sys
from pathlib import Path

import click

from restitution.case.model import Case
from restitution.cli.common import allow_outside_option, date_option, doc_option, force_option, load, templates_option
from restitution.errors import UsageError


@click.command()
@click.argument("case_file", metavar="CASE")
@doc_option("The document to preview (without it: the untranslated fields of the whole case).", multiple=False)
@click.option("--html", "html_file", type=click.Path(dir_okay=False), help="Write a self-contained HTML page.")
@click.option("--width", type=click.IntRange(min=40), default=None, help="Terminal width (default: detected).")
@date_option
@force_option
@templates_option
@allow_outside_option
def preview(case_file: str, doc: str | None, html_file: str | None, width: int | None, date: str | None,
            force: bool, templates: str | None, allow_outside: bool) -> None:
    """Show a document's English and Chinese text side by side; list untranslated fields.

    Without --doc, list the fields of the whole case that its Chinese documents print
    and that have no Chinese yet, once each, with their lines."""
    from restitution import documents
    from restitution.clock import document_date
    from restitution.output import check_targets, inputs_of, write_atomic
    from restitution.preview import html_page, side_by_side
    from restitution.pipeline.render import render_document
    from restitution.pipeline.templating import UNTRANSLATED

    when = document_date(date)
    if doc is None:
        if html_file:
            raise UsageError("--html shows one document: give --doc")
        _whole_case(load(case_file, allow_outside=allow_outside), when, templates)
        return
    documents.get(doc)
    case = load(case_file, allow_outside=allow_outside)
    target = Path(html_file) if html_file else None
    inputs = [Path(case_file), *inputs_of(case)]
    if target is not None:  # refused before rendering: a clash, the case file itself
        check_targets(target.parent, [target.name], force, inputs=inputs)
    override = Path(templates) if templates else None
    en = render_document(case, doc, "en", when, templates=override)
    zh = render_document(case, doc, "zh", when, templates=override)
    untranslated = [k for k in zh.meta.get("untranslated", "").split(",") if k]
    if target is not None:
        write_atomic(target, html_page(en, zh, untranslated).encode("utf-8"), force=force, inputs=inputs)
        click.echo(f"wrote {target} ({len(untranslated)} untranslated field(s))")
        return
    cols = width or shutil.get_terminal_size((120, 40)).columns
    click.echo(side_by_side(en, zh, cols, color=sys.stdout.isatty()))
    if untranslated:
        click.echo(f"{UNTRANSLATED} {len(untranslated)} untranslated field(s): " + ", ".join(untranslated))
    else:
        click.echo("every field has its Chinese text")


def _whole_case(case: Case, when, templates: str | None) -> None:
    """Each field the Chinese documents need and the case lacks, once, in file order."""
    from restitution.pipeline.templating import UNTRANSLATED
    from restitution.translation import fields

    missing = fields.untranslated(case, when, templates=Path(templates) if templates else None)
    for f in missing:
        click.echo(str(fields.location(case, f)))
    if missing:
        click.echo(f"{UNTRANSLATED} {len(missing)} untranslated field(s); add them to the case file, or "
                   "translate them with restitution translate export / import")
    else:
        click.echo("every field the Chinese documents print has its Chinese text")
