"""Options and steps shared by several commands."""
from __future__ import annotations

from pathlib import Path

import click

from restitution.case.model import Case
from restitution.errors import UsageError


def load(path: str, *, allow_outside: bool = False) -> Case:
    from restitution.case import load_case

    p = Path(path)
    if not p.exists():
        raise UsageError(f"{path}: no such file")
    if p.is_dir():
        raise UsageError(f"{path}: is a folder; give a case file (.yaml)")
    return load_case(p, allow_outside=allow_outside)


def split_multi(values: tuple[str, ...]) -> list[str]:
    """Accept both `--lang en --lang zh` and `--lang en,zh`."""
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


date_option = click.option("--date", "date", metavar="YYYY-MM-DD",
                           help="Date printed on the documents (default: SOURCE_DATE_EPOCH, else today).")
force_option = click.option("--force", is_flag=True, help="Overwrite existing files.")
allow_outside_option = click.option(
    "--allow-outside", is_flag=True,
    help="Allow evidence files outside the case file's folder (e.g. a shared evidence folder "
         "reached through a symbolic link).")
outdir_option = click.option("-o", "--outdir", "outdir", default="out", show_default=True,
                             type=click.Path(file_okay=False), help="Folder to write to.")
templates_option = click.option("--templates", "templates", type=click.Path(file_okay=False, exists=True),
                                envvar="RESTITUTION_TEMPLATES",
                                help="Folder of templates overriding the bundled ones "
                                     "(also RESTITUTION_TEMPLATES).")


def selection(docs: tuple[str, ...], langs: tuple[str, ...], formats: tuple[str, ...]
              ) -> tuple[list[str], list[str], list[str]]:
    """--doc/--lang/--format checked before any work: (documents, languages, formats)."""
    from restitution import documents, writers
    from restitution.language import OUTPUT_MODES

    doc_list = split_multi(docs)
    lang_list = split_multi(langs) or list(OUTPUT_MODES)
    fmt_list = split_multi(formats) or writers.names()
    for lang in lang_list:
        if lang not in OUTPUT_MODES:
            raise UsageError(f"--lang {lang!r}: use one of {', '.join(OUTPUT_MODES)}")
    for key in doc_list:
        documents.get(key)
    for f in fmt_list:
        writers.get(f)
    return doc_list, lang_list, fmt_list
