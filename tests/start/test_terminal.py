"""`restitution init` driven through a pseudo-terminal, as a user types it.

A company client that paid a deposit by wire and the balance by Visa at the
platform's checkout; the case file written validates and renders the police
report, the chargeback letter and the power of attorney.
"""
from __future__ import annotations

import os
import shutil
import sys
from pathlib import Path

import pytest
import yaml

pexpect = pytest.importorskip("pexpect")

from restitution.case import load_case  # noqa: E402
from restitution.pipeline.render import produce  # noqa: E402

EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "evidence" / "northwind-vanished"

# (what the prompt says, what is typed). "" skips the question.
ANSWERS = [
    ("company or an individual", "company"),
    ("full legal name", "Baltic Lamps OÜ"),
    ("Country", "EE"),
    ("Your address", "Tartu mnt 2, 10145 Tallinn, Estonia"),
    ("registration number", "14523677"),
    ("Who signs", "Mari Tamm"),
    ("title", "Management Board Member"),
    ("Your e-mail", ""),
    ("Your phone", ""),
    ("PRC lawyer", "y"),
    ("name in Latin letters", "Li Ming"),
    ("name in Chinese", "李明"),
    ("firm, in English", "Example & Partners Law Firm"),
    ("firm, in Chinese", "示例律师事务所"),
    ("licence number", "11101201910000000"),
    ("lawyer's phone", ""),
    ("lawyer's e-mail", ""),
    ("traded under", "Shenzhen Glory Tech Co., Ltd."),
    ("registered Chinese name", "深圳市荣耀示例科技有限公司"),
    ("Where is it registered", "mainland"),
    ("credit code (USCC)", "91440300MA5G7K2Q1G"),
    ("province", "广东省"),
    ("city", "深圳市"),
    ("district", "宝安区"),
    ("registered address, in Chinese", ""),
    ("storefront", ""),
    ("order or contract number", "PO-77"),
    ("Alibaba.com", "alibaba"),
    ("platform's order number", ""),
    ("Date of the order", "2026-06-02"),
    ("Currency of the order", "USD"),
    ("What did you order", "LED panel lights"),
    ("Order total", "20000"),
    ("Trade Assurance order", "y"),
    # the deposit, by wire
    ("Date of the payment", "2026-06-05"),
    ("Amount paid", "6000"),
    ("Currency", "\x15USD"),  # Ctrl-U clears the prefilled default, then types it
    ("How did you pay", "wire"),
    ("reference of the transfer", "FT26156XYZ"),
    ("account number you paid into", ""),
    ("Another payment", "y"),
    # the balance, by Visa at the platform's checkout
    ("Date of the payment", "2026-07-20"),
    ("Amount paid", "14000"),
    ("Currency", ""),
    ("How did you pay", "card"),
    ("Card network", "visa"),
    ("Last 4 digits", "4242"),
    ("issued the card", "First Example Bank"),
    ("platform's checkout", "y"),
    ("Another payment", "n"),
    ("What went wrong", "not_delivered"),
    ("last answer you", "2026-08-02"),
    ("stopped answering", "y"),
    ("what happened", "After the balance was paid the seller stopped answering."),
    ("disappear once you had paid", "y"),
    ("personal e-mail", ""),
    ("refuse Trade Assurance", ""),
    ("how many RMB", "7.10"),
    ("date of that rate", "2026-11-20"),
    ("Its source", ""),
    ("paid back", "000123456789"),
    ("bank of that account", "LHV Pank"),
    ("SWIFT", "LHVBEE22"),
    ("Path of an evidence file", "evidence/contract.pdf"),
    ("What is it", "\x15sales_contract"),
    ("short title", "Sales contract"),
    ("Its date", "2026-06-02"),
    ("What does it prove", "The agreed goods and price"),
    ("Path of an evidence file", "evidence/unboxing.mp4"),
    ("What is it", ""),
    ("short title", "Video of the empty warehouse"),
    ("Its date", ""),
    ("What does it prove", ""),
    ("Path of an evidence file", ""),
    ("physical item", ""),
    ("short name for this case", "\x15BL-2026-001"),
]


# prompt_toolkit shows the cursor once the prompt is drawn and takes input.
READY = "\x1b[?25h"


def _spawn(args: list[str], cwd: Path):
    env = {**os.environ, "PROMPT_TOOLKIT_NO_CPR": "1", "TERM": "xterm", "COLUMNS": "200", "LINES": "50"}
    return pexpect.spawn(sys.executable, ["-m", "restitution", *args], cwd=str(cwd), env=env,
                         encoding="utf-8", timeout=60, dimensions=(50, 200))


def test_init_interview_writes_a_case_that_renders(tmp_path):
    (tmp_path / "evidence").mkdir()
    shutil.copy(EXAMPLE / "contract-gt-0602.pdf", tmp_path / "evidence" / "contract.pdf")
    (tmp_path / "evidence" / "unboxing.mp4").write_bytes(b"\x00\x00\x00\x18ftypmp42" + bytes(2000))
    child = _spawn(["init", "case.yaml"], tmp_path)
    for prompt, typed in ANSWERS:
        child.expect_exact(prompt)
        child.expect_exact(READY)
        child.send(typed + "\r")
    child.expect_exact("wrote case.yaml")
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 0, child.before

    text = (tmp_path / "case.yaml").read_text(encoding="utf-8")
    assert text.startswith("# yaml-language-server: $schema=case.schema.json\n")
    assert (tmp_path / "case.schema.json").is_file()
    assert "TO FILL IN (required)" not in text
    tree = yaml.safe_load(text)
    assert [p["method"] for p in tree["payments"]] == ["wire", "card"]
    assert tree["payments"][1]["via_platform"] is True
    assert tree["supplier"]["uscc"] == "91440300MA5G7K2Q1G"
    assert tree["evidence"][1]["medium"] == "video"

    case = load_case(tmp_path / "case.yaml")
    import datetime as dt

    # The story is told in English: the Chinese documents are drafts until a translator fills
    # the _zh fields (translate export/import); without --draft they are refused.
    packet = produce(case, ["police_report", "chargeback_letter", "power_of_attorney"], ["en", "zh"], ["pdf"],
                     dt.date(2026, 11, 29), draft=True)
    assert packet.untranslated > 0
    assert sorted(name for name, _ in packet.files) == sorted(
        f"BL-2026-001_{doc}_{lang}.pdf" for doc in ("police_report", "chargeback_letter", "power_of_attorney")
        for lang in ("en", "zh"))
    assert all(data.startswith(b"%PDF-") for _, data in packet.files)


def test_init_without_a_terminal_exits_2(tmp_path):
    import subprocess

    run = subprocess.run([sys.executable, "-m", "restitution", "init"], cwd=tmp_path, stdin=subprocess.DEVNULL,
                         capture_output=True, text=True)
    assert run.returncode == 2
    assert "needs a terminal" in run.stderr
    assert not (tmp_path / "case.yaml").exists()


def test_init_refuses_an_existing_file(tmp_path):
    (tmp_path / "case.yaml").write_text("keep me\n")
    child = _spawn(["init", "case.yaml"], tmp_path)
    child.expect(pexpect.EOF)
    child.close()
    assert child.exitstatus == 1
    assert "exists already" in child.before
    assert (tmp_path / "case.yaml").read_text() == "keep me\n"
