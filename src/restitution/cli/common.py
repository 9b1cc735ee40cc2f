"""Options and steps shared by several commands."""
from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import click

from restitution.errors import UsageError

if TYPE_CHECKING:
    from restitution.case.model import Case
    from click.shell_completion import CompletionItem


def load(path: str, *, allow_outside: bool = False) -> Case:
    from restitution.case import load_case

    p = Path(path)
    if not p.exists():
        raise UsageError(f"{path}: no such file")
    if p.is_dir():
        raise UsageError(f"{path}: is a folder; give a case file (.yaml)")
    return load_case(p, allow_outside=allow_outside)


def read_input(path: str) -> bytes:
    """The bytes of an input file the user named, or a located usage error."""
    p = Path(path)
    if not p.is_file():
        raise UsageError(f"{path}: {'is a folder' if p.is_dir() else 'no such file'}")
    return p.read_bytes()


def split_multi(values: tuple[str, ...]) -> list[str]:
    """Accept both `--lang en --lang zh` and `--lang en,zh`."""
    out: list[str] = []
    for v in values:
        out.extend(x.strip() for x in v.split(",") if x.strip())
    return out


def _completer(values):
    """Shell completion of a value list; after a comma (`--lang en,z`) the last value is completed."""
    def complete(ctx: click.Context, param: click.Parameter, incomplete: str) -> list[CompletionItem]:
        from click.shell_completion import CompletionItem

        head, _, last = incomplete.rpartition(",")
        prefix = head + "," if head else ""
        return [CompletionItem(prefix + v) for v in values() if v.startswith(last)]
    return complete


def _documents() -> list[str]:
    """The documents `--doc` can name: those made from one case (not the batch's own)."""
    from restitution import documents

    return [key for key in documents.available() if not documents.get(key).made_by]


def _languages() -> list[str]:
    from restitution.language import OUTPUT_MODES

    return list(OUTPUT_MODES)


def _formats() -> list[str]:
    from restitution import writers

    return writers.names()


complete_documents = _completer(_documents)
complete_languages = _completer(_languages)
complete_formats = _completer(_formats)


class DocOption(click.Option):
    """--doc, whose help lists the documents: read when the help is shown, since listing
    them imports every document's module, which a command run need not pay for."""

    def get_help_record(self, ctx: click.Context) -> tuple[str, str] | None:
        if not getattr(self, "_listed", False):
            self.help = f"{self.help} Documents: {', '.join(_documents())}."
            self._listed = True
        return super().get_help_record(ctx)


def doc_option(help: str, multiple: bool = True, required: bool = False):
    """--doc with the documents listed in its help and completed by the shell."""
    dest = "docs" if multiple else "doc"
    return click.option("--doc", dest, cls=DocOption, multiple=multiple, required=required, metavar="DOC",
                        shell_complete=complete_documents, help=help)


def lang_option(help: str = "en, zh or bilingual (repeatable; default: all three)."):
    return click.option("--lang", "langs", multiple=True, metavar="LANG", shell_complete=complete_languages,
                        help=help)


def format_option(help: str = "docx or pdf (repeatable; default: both)."):
    return click.option("--format", "formats", multiple=True, metavar="FORMAT", shell_complete=complete_formats,
                        help=help)


date_option = click.option("--date", "date", metavar="YYYY-MM-DD",
                           help="Date printed on the documents (default: SOURCE_DATE_EPOCH, else today).")
force_option = click.option("--force", is_flag=True, help="Overwrite existing files.")
allow_outside_option = click.option(
    "--allow-outside", is_flag=True,
    help="Allow evidence files outside the case file's folder (e.g. a shared evidence folder "
         "reached through a symbolic link).")
outdir_option = click.option("-o", "--outdir", "outdir", default="out", show_default=True,
                             type=click.Path(file_okay=False), help="Folder to write to.")
draft_option = click.option("--draft", is_flag=True,
                            help="Make Chinese and bilingual documents even when the case lacks Chinese for "
                                 "a field they print: the field is marked 【待译】 and every page DRAFT / 草稿.")


def draft_note(untranslated: int) -> str:
    """The end of a summary line: how many fields a draft left untranslated."""
    return f"; DRAFT: {untranslated} untranslated field(s) marked 【待译】" if untranslated else ""


strict_option = click.option("--strict", is_flag=True,
                             help="Treat warnings (facts that contradict a flag, a payment without proof, "
                                  "a rate date with no published rate) as errors: exit 1, nothing written.")
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
        writers.check(f)
    return doc_list, lang_list, fmt_list
