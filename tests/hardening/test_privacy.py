"""No error message prints more of the case than the offending value.

The case holds a refund account number, an e-mail address and a passport
number; an unrelated bad date, a template error and a missing glyph must not
bring any of them into the output.
"""
from __future__ import annotations

import logging

from click.testing import CliRunner

from restitution.cli import cli

from .helpers import BASE_TEXT, VALID, q, replace_once

ACCOUNT = "DE89370400440532013000"
EMAIL = "jane.secret@northwind.example"
PASSPORT = "P9X41Q77Z"
SECRETS = (ACCOUNT, EMAIL, PASSPORT, "0532013000", "jane.secret")


def _case(tmp_path, **edits) -> str:
    text = BASE_TEXT
    text = replace_once(text, 'account: "000123456789"', f"account: {q(ACCOUNT)}")
    text = replace_once(text, "email: jane.doe@northwind.example", f"email: {EMAIL}")
    text = replace_once(text, 'registration_no: "C4410021"      # company number, or passport number for an individual',
                        f"registration_no: {q(PASSPORT)}")
    for old, new in edits.items():
        text = replace_once(text, old, new)
    import shutil

    shutil.copytree(VALID / "evidence", tmp_path / "evidence")
    path = tmp_path / "case.yaml"
    path.write_text(text, encoding="utf-8")
    return str(path)


def _run(args, caplog) -> str:
    with caplog.at_level(logging.DEBUG):
        result = CliRunner().invoke(cli, args)
    assert result.exit_code == 1, (result.exit_code, result.output)
    assert "Traceback" not in result.output
    text = result.output + (getattr(result, "stderr", "") or "") + caplog.text
    for secret in SECRETS:
        assert secret not in text, (secret, text)
    return text


def test_a_bad_date_prints_only_the_date(tmp_path, caplog):
    path = _case(tmp_path, **{"  opened: 2026-11-20": "  opened: 2026-02-30"})
    for command in (["validate", path], ["render", path, "-o", str(tmp_path / "out")]):
        text = _run(command, caplog)
        assert "case.opened" in text and "2026-02-30" in text


def test_a_template_error_prints_no_case_data(tmp_path, caplog):
    overrides = tmp_path / "t" / "en"
    overrides.mkdir(parents=True)
    (overrides / "demand_letter.md.j2").write_text(
        "# x\n\n{{ case.client.email }} {{ case.claim.refund_account.account }} {{ case.client.nope }}\n",
        encoding="utf-8")
    path = _case(tmp_path)
    text = _run(["render", path, "--doc", "demand_letter", "--lang", "en", "--templates", str(overrides.parent),
                 "-o", str(tmp_path / "out")], caplog)
    assert "templates/en/demand_letter.md.j2:3" in text


def test_a_missing_glyph_names_the_character_not_the_text(tmp_path, caplog):
    # U+20000 (CJK Extension B) is in no bundled font; the name around it is the only context shown
    path = _case(tmp_path, **{"name: Shenzhen Glory Tech Co., Ltd.        # the name it traded under":
                              f"name: {q('Glory 𠀀 Tech')}"})
    text = _run(["render", path, "--doc", "demand_letter", "--lang", "en", "--format", "pdf",
                 "-o", str(tmp_path / "out")], caplog)
    assert "U+20000" in text
