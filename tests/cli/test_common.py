"""Options shared by the commands: --allow-outside on every command that reads evidence."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from restitution.cli import cli

from cli_runner import run

ROOT = Path(__file__).resolve().parents[2]
DATE = ("--date", "2026-11-20")



@pytest.fixture
def linked(tmp_path) -> Path:
    """The Northwind case whose evidence folder is a symbolic link to a shared folder elsewhere."""
    shared = tmp_path / "shared-evidence"
    shutil.copytree(ROOT / "examples" / "evidence" / "northwind-vanished", shared / "northwind-vanished")
    folder = tmp_path / "case"
    folder.mkdir()
    (folder / "evidence").symlink_to(shared, target_is_directory=True)
    case = folder / "northwind-vanished.yaml"
    shutil.copy(ROOT / "examples" / "northwind-vanished.yaml", case)
    return case


COMMANDS = {
    "validate": lambda case, out: ["validate", str(case)],
    "render": lambda case, out: ["render", str(case), "--doc", "evidence_index", "--lang", "en", "--format", "pdf",
                                 "-o", str(out), *DATE],
    "bundle": lambda case, out: ["bundle", str(case), "-o", str(out), *DATE],
    "batch": lambda case, out: ["batch", str(case), "--doc", "evidence_index", "--lang", "en", "--format", "pdf",
                                "-o", str(out), "-j", "1", *DATE],
    "preview": lambda case, out: ["preview", str(case), "--doc", "evidence_index", "--width", "100", *DATE],
    "plan": lambda case, out: ["plan", str(case), "--today", "2026-11-20"],
}


@pytest.mark.parametrize("command", sorted(COMMANDS))
def test_shared_evidence_through_a_link_needs_allow_outside(linked, tmp_path, command):
    args = COMMANDS[command](linked, tmp_path / "out")
    refused = run(*args)
    assert refused.exit_code == 1
    assert "outside the case folder through a symbolic link" in refused.output
    # (a batch still writes its manifest, naming the failed case file)
    assert not any(p.suffix == ".pdf" for p in (tmp_path / "out").rglob("*"))
    allowed = run(*COMMANDS[command](linked, tmp_path / "out2"), "--allow-outside")
    assert allowed.exit_code == 0, allowed.output
    if command in ("render", "bundle", "batch"):
        assert any(p.suffix == ".pdf" for p in (tmp_path / "out2").rglob("*"))


def test_render_help_lists_the_documents_one_case_can_make():
    from restitution import documents

    text = " ".join(run("render", "--help").output.split())
    for key in documents.available():
        if documents.get(key).made_by:  # the joint victims schedule: batch only
            assert key not in text
        else:
            assert key in text
    assert "power_of_attorney" in " ".join(run("preview", "--help").output.split())


def _complete(*words: str) -> list[str]:
    from click.shell_completion import ShellComplete

    complete = ShellComplete(cli, {}, "restitution", "_RESTITUTION_COMPLETE")
    return [item.value for item in complete.get_completions(list(words[:-1]), words[-1])]


def test_shell_completion_of_documents_languages_and_formats():
    assert _complete("render", "case.yaml", "--doc", "p") == [
        "power_of_attorney", "police_report", "police_report_payee", "police_report_resident", "pardon_letter",
        "platform_fraud_report", "packet_guide"]
    assert "victims_schedule" not in _complete("render", "case.yaml", "--doc", "")
    assert _complete("render", "case.yaml", "--lang", "") == ["en", "zh", "bilingual"]
    assert _complete("render", "case.yaml", "--lang", "en,b") == ["en,bilingual"]
    assert _complete("batch", "cases", "--format", "p") == ["pdf"]
    assert _complete("preview", "case.yaml", "--doc", "ch") == ["chargeback_letter"]
