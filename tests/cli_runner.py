"""The command line run in-process, as the CLI tests call it: click's runner, no exception
swallowed, and never a traceback in what the user would see."""
from __future__ import annotations

from click.testing import CliRunner, Result

from restitution.cli import cli


def run(*args: str, env: dict[str, str] | None = None) -> Result:
    result = CliRunner().invoke(cli, list(args), catch_exceptions=False, env=env)
    assert "Traceback" not in result.output
    return result
