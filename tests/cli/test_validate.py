"""`restitution validate` and `restitution schema` through click's runner and main()."""
from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from restitution.cli import cli, main
from restitution.cli.validate import validate
from restitution.errors import ErrorList, OutputError

DATA = Path(__file__).resolve().parents[1] / "data"


def run_main(argv, capsys) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as info:
        main(argv)
    out, err = capsys.readouterr()
    return info.value.code, out, err


@pytest.fixture
def folder(tmp_path, monkeypatch):
    shutil.copytree(DATA / "valid", tmp_path / "valid")
    shutil.copy(DATA / "invalid" / "uscc_check_digit.yaml", tmp_path / "bad.yaml")
    shutil.copy(DATA / "invalid" / "bad_last4.yaml", tmp_path / "bad2.yaml")
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_valid_file_prints_ok_and_exits_0(folder):
    result = CliRunner().invoke(cli, ["validate", "-q", "--date", "2026-12-14", "valid/case.yaml",
                                      "valid/added-keys.yaml"])
    assert result.exit_code == 0, result.output
    # valid files whose payments no exhibit proves, which give no rate per payment and record money
    # received under a settlement not recorded as signed: located warnings on stderr, still exit 0
    # (dated on the day of their settlement receipt: before it, the receipt is a warning too, and
    # the count would depend on the day the test runs), and whose exhibits state no language (the index
    # marks them foreign: one warning for them all)
    assert result.stdout == ("ok: valid/case.yaml (NW-2026-0042), 6 warning(s)\n"
                             "ok: valid/added-keys.yaml (HK-2026.007_b), 3 warning(s)\n")
    assert result.stderr.startswith("warning: valid/case.yaml:76 payments[0]: no payment_proof exhibit proves")


def test_strict_makes_warnings_errors(folder):
    result = CliRunner().invoke(cli, ["validate", "-q", "--strict", "valid/case.yaml", "valid/minimal.yaml"])
    assert result.exit_code == 1
    assert result.stdout == "ok: valid/minimal.yaml (T-0001)\n"
    assert result.stderr.startswith("error: valid/case.yaml:76 payments[0]: no payment_proof exhibit proves")
    assert "(a warning, an error under --strict)" in result.stderr


def test_a_valid_case_says_what_it_will_produce(folder):
    result = CliRunner().invoke(cli, ["validate", "valid/minimal.yaml"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "ok: valid/minimal.yaml (T-0001)"
    assert "  render  evidence_index" not in lines  # the minimal case lists no evidence
    assert any(line.startswith("  skip    power_of_attorney: the power of attorney needs an agent") for line in lines)
    assert any(line.startswith("  note: the case is valid but makes no police report") for line in lines)


def test_invalid_files_report_every_error_and_exit_1(folder):
    result = CliRunner().invoke(cli, ["validate", "-q", "bad.yaml", "valid/minimal.yaml", "bad2.yaml"])
    assert result.exit_code == 1
    assert result.stdout == "ok: valid/minimal.yaml (T-0001)\n"
    assert result.stderr == (
        "error: bad.yaml:12 supplier.uscc: check digit should be G, not U\n"
        "error: bad2.yaml:27 payments[0].card.last4: must be exactly 4 digits (only the last four of the card number)\n"
    )


def test_the_command_raises_one_error_list_for_all_files(folder):
    with pytest.raises(ErrorList) as info:
        validate.main(["bad.yaml", "bad2.yaml"], standalone_mode=False)
    assert [e.location.file for e in info.value.errors] == ["bad.yaml", "bad2.yaml"]


def test_main_prints_errors_and_exits_1(folder, capsys):
    code, out, err = run_main(["validate", "-q", "valid/minimal.yaml", "bad.yaml"], capsys)
    assert code == 1
    assert out == "ok: valid/minimal.yaml (T-0001)\n"
    assert err == "error: bad.yaml:12 supplier.uscc: check digit should be G, not U\n"
    assert "Traceback" not in err


def test_usage_errors_exit_2(folder, capsys):
    code, _, err = run_main(["validate"], capsys)
    assert code == 2 and "Missing argument" in err
    code, _, err = run_main(["validate", "no-such.yaml"], capsys)
    assert code == 2 and "does not exist" in err


def test_no_check_files_and_allow_outside(folder, capsys):
    (folder / "valid" / "evidence" / "emails.pdf").unlink()
    code, _, err = run_main(["validate", "valid/case.yaml"], capsys)
    assert code == 1 and 'evidence[1].file: file "evidence/emails.pdf" not found' in err
    code, out, _ = run_main(["validate", "--no-check-files", "valid/case.yaml"], capsys)
    assert code == 0 and out.startswith("ok: valid/case.yaml")


def test_schema_prints_json(folder):
    result = CliRunner().invoke(cli, ["schema"])
    assert result.exit_code == 0
    schema = json.loads(result.output)
    assert schema["$schema"] == "https://json-schema.org/draft/2020-12/schema"
    assert "payments" in schema["properties"]


def test_schema_output_file_refuses_to_overwrite(folder):
    target = folder / "case.schema.json"
    first = CliRunner().invoke(cli, ["schema", "-o", "case.schema.json"])
    assert first.exit_code == 0 and json.loads(target.read_text(encoding="utf-8"))["$id"]
    target.write_text("mine", encoding="utf-8")
    again = CliRunner().invoke(cli, ["schema", "-o", "case.schema.json"])
    assert again.exit_code == OutputError.exit_code
    assert again.stderr == "error: case.schema.json: exists already; use --force to overwrite it\n"
    assert target.read_text(encoding="utf-8") == "mine"
    forced = CliRunner().invoke(cli, ["schema", "-o", "case.schema.json", "--force"])
    assert forced.exit_code == 0 and json.loads(target.read_text(encoding="utf-8"))["title"] == "Case file"
    assert sorted(p.name for p in folder.iterdir() if p.name.startswith(".restitution-")) == []


def test_history_after_today_is_a_located_error(folder, monkeypatch, capsys):
    """What `proceedings` records has happened: validate compares with today (SOURCE_DATE_EPOCH here)."""
    minimal = (folder / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (folder / "valid" / "history.yaml").write_text(
        minimal + "proceedings:\n  police_report:\n    filed_on: 2026-09-01\n    opened_on: 2026-12-01\n",
        encoding="utf-8")
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795564800")  # 2026-11-25
    code, out, err = run_main(["validate", "valid/history.yaml"], capsys)
    assert code == 1 and out == ""
    assert err.strip() == ("error: valid/history.yaml:30 proceedings.police_report.opened_on: 2026-12-01 is after "
                           "today, 2026-11-25: record only what has happened by then, or correct the date")


def test_render_refuses_a_history_after_its_date_and_writes_nothing(folder, capsys):
    minimal = (folder / "valid" / "minimal.yaml").read_text(encoding="utf-8")
    (folder / "valid" / "history.yaml").write_text(
        minimal + "proceedings:\n  police_report:\n    filed_on: 2026-09-01\n", encoding="utf-8")
    code, _, err = run_main(["render", "valid/history.yaml", "--date", "2026-08-31", "-o", "out"], capsys)
    assert code == 1 and "proceedings.police_report.filed_on: 2026-09-01 is after the date of the documents " \
                         "(--date), 2026-08-31" in err
    assert "Traceback" not in err and not (folder / "out").exists()


def test_a_valid_case_that_would_not_render_fails_validate_and_the_others_go_on(folder, monkeypatch):
    """A valid case whose police report a template cannot print said "ok" and then crashed in render."""
    from restitution import documents

    made = documents.make_context

    def broken(spec, case, *args, **kwargs):
        if spec.key == "police_report" and case.id == "NW-2026-0042":
            raise ValueError("a fault of the program")
        return made(spec, case, *args, **kwargs)
    monkeypatch.setattr(documents, "make_context", broken)
    result = CliRunner().invoke(cli, ["validate", "-q", "--date", "2026-12-14", "valid/case.yaml",
                                      "valid/added-keys.yaml"])
    assert result.exit_code == 1
    assert result.stdout == "ok: valid/added-keys.yaml (HK-2026.007_b), 3 warning(s)\n"
    errors = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert [e.split(": ", 2)[2][:71] for e in errors] == [
        "the case is valid, but its police report (en) cannot be rendered: Value",
        "the case is valid, but its police report (zh) cannot be rendered: Value"]
