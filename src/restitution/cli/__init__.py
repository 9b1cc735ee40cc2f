"""The command line: thin commands over plain functions.

Commands are loaded lazily (one module each under ``restitution.cli``) so
that ``restitution --help`` and ``validate`` do not import reportlab or
python-docx. Every `RestitutionError` is printed as located lines on stderr
with its exit code; no traceback reaches the user. An `OSError` that no
command turned into a located error (reading or writing a path) is printed
the same way, with exit 1. SIGTERM exits 143 and Ctrl-C 130, after the
command has rolled back what it was writing and stopped its workers
(`restitution.processes`).
"""
from __future__ import annotations

import importlib
import sys

import click

from restitution import __version__
from restitution.errors import EXIT_CONTENT, RestitutionError

# name -> (module under restitution.cli, attribute, one-line help)
COMMANDS: dict[str, tuple[str, str, str]] = {
    "validate": ("validate", "validate", "Check case files and report every problem with its location."),
    "schema": ("validate", "schema", "Print the JSON Schema of the case file."),
    "render": ("render", "render", "Render documents (DOCX/PDF, en/zh/bilingual) from a case file."),
    "plan": ("plan", "plan", "Classify the case, list the open routes and every deadline."),
    "bundle": ("bundle", "bundle", "Bind the evidence into one Bates-stamped PDF with a manifest."),
    "check": ("check", "check", "Check templates: en/zh structure, variables, filters and the glossary."),
    "batch": ("batch", "batch", "Render many cases in parallel, with joint victims schedules and a manifest."),
    "preview": ("preview", "preview", "Show English and Chinese side by side; list untranslated fields."),
    "translate": ("translate", "translate", "Export the case's text for a translation tool (XLIFF) and import it back."),
    "init": ("init", "init", "Write a first case file from questions, or copy a bundled example."),
    # more commands are registered here, one line each
}


class LazyGroup(click.Group):
    def list_commands(self, ctx: click.Context) -> list[str]:
        return sorted(COMMANDS)

    def get_command(self, ctx: click.Context, name: str) -> click.Command | None:
        spec = COMMANDS.get(name)
        if spec is None:
            return None
        module, attr, _ = spec
        return getattr(importlib.import_module(f"restitution.cli.{module}"), attr)

    def invoke(self, ctx: click.Context):
        # Errors become located lines and an exit code here, so that every way of
        # running a command (console script, python -m, click's test runner) agrees.
        try:
            rv = super().invoke(ctx)
        except RestitutionError as err:
            ctx.exit(report(err))
        except OSError as err:
            ctx.exit(report(located(err)))
        if isinstance(rv, int) and rv:
            ctx.exit(rv)
        return rv

    def format_commands(self, ctx: click.Context, formatter: click.HelpFormatter) -> None:
        # Help text from the table, so --help imports no command module.
        rows = [(name, COMMANDS[name][2]) for name in self.list_commands(ctx)]
        with formatter.section("Commands"):
            formatter.write_dl(rows)


def located(err: OSError) -> RestitutionError:
    """An OSError as a located error: the path and what to do."""
    from restitution.errors import Location
    from restitution.output import output_error

    if err.filename is None:
        return RestitutionError(f"{err.strerror or err}; check the paths given and run again")
    if isinstance(err, (FileNotFoundError, IsADirectoryError)):
        what = "no such file or folder" if isinstance(err, FileNotFoundError) else "is a folder"
        return RestitutionError(f"{what}; check the path and run again", Location(str(err.filename)))
    return output_error(err, err.filename)


def report(err: RestitutionError) -> int:
    for line in err.lines():
        click.echo(f"error: {line}", err=True)
    return err.exit_code


@click.group(cls=LazyGroup, context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="restitution")
def cli() -> None:
    """Paperwork for buyers defrauded by a Chinese supplier, from one case file."""


def main(argv: list[str] | None = None) -> None:
    from restitution import processes

    processes.install()
    try:
        rv = cli.main(args=argv, prog_name="restitution", standalone_mode=False)
    except RestitutionError as err:
        sys.exit(report(err))
    except OSError as err:
        sys.exit(report(located(err)))
    except click.exceptions.Abort as err:
        # click turns Ctrl-C into Abort; an interrupt still exits 130.
        if isinstance(err.__context__, KeyboardInterrupt):
            click.echo("interrupted", err=True)
            sys.exit(processes.EXIT_SIGINT)
        click.echo("aborted", err=True)
        sys.exit(EXIT_CONTENT)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        click.echo("interrupted", err=True)
        sys.exit(processes.EXIT_SIGINT)
    except processes.Terminated:
        click.echo("terminated", err=True)
        sys.exit(processes.EXIT_SIGTERM)
    sys.exit(rv if isinstance(rv, int) else 0)


def run() -> None:
    """The program's entry point (the ``restitution`` command, ``python -m restitution``):
    `main`, then an exit that skips the interpreter's teardown.

    Tearing down a process that has rendered a packet (freeing every object of the fonts,
    pages and templates it loaded, one by one) took about 0.12 s of a 1.0 s packet, for
    memory the system reclaims at once anyway. Everything the program writes is complete by
    then: files are written and renamed before `main` returns, its worker processes joined
    and no thread is left running; the standard streams are flushed here. `main` itself
    still returns normally, for tests and callers that run it in their own process."""
    import os

    try:
        main()
        code = 0
    except SystemExit as exc:
        if exc.code is None or isinstance(exc.code, int):
            code = exc.code or 0
        else:  # sys.exit("message"): printed, status 1, as the interpreter does
            print(exc.code, file=sys.stderr)
            code = 1
    try:
        sys.stdout.flush()
        sys.stderr.flush()
    except (OSError, ValueError):  # a closed pipe: nothing more can be said
        code = code or 1
    os._exit(code)

