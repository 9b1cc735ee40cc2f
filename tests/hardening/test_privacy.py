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
    # dated after an instalment is due: a settlement's letter is made only then
    text = _run(["render", path, "--doc", "demand_letter", "--lang", "en", "--templates", str(overrides.parent),
                 "--date", "2027-01-20", "-o", str(tmp_path / "out")], caplog)
    assert "templates/en/demand_letter.md.j2:3" in text


def test_a_missing_glyph_names_the_character_not_the_text(tmp_path, caplog):
    # U+20000 (CJK Extension B) is in no bundled font; the name around it is the only context shown
    path = _case(tmp_path, **{"name: Shenzhen Glory Tech Co., Ltd.        # the name it traded under":
                              f"name: {q('Glory 𠀀 Tech')}"})
    text = _run(["render", path, "--doc", "demand_letter", "--lang", "en", "--format", "pdf",
                 "--date", "2027-01-20", "-o", str(tmp_path / "out")], caplog)
    assert "U+20000" in text


def test_a_personal_number_in_the_wrong_field_is_not_echoed(tmp_path, caplog):
    # account into the SWIFT field, card number into an amount, passport into the country
    path = _case(tmp_path, **{
        "swift: FEXBUS33": f"swift: {q(ACCOUNT)}",
        "amount: 7500.00": 'amount: "4111 1111 1111 1111"',
        "country: US                      # ISO 3166-1 alpha-2; \"NO\" is Norway, never false":
            f"country: {PASSPORT}",
    })
    text = _run(["validate", path], caplog)
    assert "4111 1111 1111 1111" not in text and "4111111111111111" not in text
    assert "claim.refund_account.swift" in text and "…3000" in text
    assert "payments[0].amount" in text and "…1111" in text
    assert "client.country" in text and "…Q77Z" in text


def test_a_passport_number_near_a_missing_glyph_is_masked(tmp_path, caplog):
    path = _case(tmp_path, **{"address: 1200 Market St, Suite 400, San Francisco, CA 94103, USA":
                              f"address: {q(PASSPORT + ' 𠀀 Market St 440111198801011234')}"})
    text = _run(["render", path, "--doc", "power_of_attorney", "--lang", "en", "--format", "pdf",
                 "-o", str(tmp_path / "out")], caplog)
    assert "U+20000" in text and "Market St" in text and "440111" not in text


def test_invisible_marks_and_foreign_digits_fail_validate_with_exit_1(tmp_path, caplog):
    path = _case(tmp_path, **{'account: "6222 0000 0000 0000"': 'account: "6222\u200e0000 0000 0000"',
                              "amount: 7500.00": "amount: 75\u06600.00",
                              "  opened: 2026-11-20": "  opened: 9999-12-31"})
    text = _run(["validate", path], caplog)
    assert "supplier.bank_accounts[0].account: invisible character U+200E (LEFT-TO-RIGHT MARK)" in text
    assert "payments[0].amount: digit U+0660 (ARABIC-INDIC DIGIT ZERO)" in text
    assert "case.opened: 9999-12-31 is not a plausible date" in text


def test_a_huge_number_is_a_located_error_not_a_traceback(tmp_path, caplog):
    path = _case(tmp_path, **{"deadline_days: 15": "deadline_days: " + "9" * 5000,
                              "total: 25000.00": "total: " + "9" * 5000})
    text = _run(["validate", path], caplog)
    assert "claim.deadline_days: too large" in text and "order.total: too large" in text


def test_an_email_charset_cannot_drive_the_terminal(tmp_path, caplog):
    evil = "x\x1b]0;owned\x07\x1b[2J"
    eml = (b"From: a@supplier.example\r\nTo: b@client.example\r\nSubject: hi\r\nDate: Tue, 2 Jun 2026 10:00:00 +0000\r\n"
           b"Content-Type: text/plain; charset=\"" + evil.encode() + b"\"\r\n\r\nbody\r\n")
    path = _case(tmp_path)
    (tmp_path / "evidence" / "emails.eml").write_bytes(eml)
    text = open(path, encoding="utf-8").read().replace("file: evidence/emails.pdf", "file: evidence/emails.eml")
    open(path, "w", encoding="utf-8").write(text)
    out = _run(["bundle", path, "-o", str(tmp_path / "out")], caplog)
    assert "character set" in out and "\\x1b" in out
    assert "\x1b" not in out and "\x07" not in out
