"""`restitution bundle` from the command line, with a case file read by the real loader."""
from __future__ import annotations

import json
import os
from pathlib import Path

import pytest
from click.testing import CliRunner
from reportlab.lib.pagesizes import A4

from bundle_helpers import make_eml, make_pdf, make_png, simple_index
from restitution.cli import cli, main

CASE = """\
schema: 1
case:
  id: NW-2026-0042
client:
  kind: company
  name: Northwind Trading LLC
  country: US
  address: 1200 Market St, San Francisco
supplier:
  name: Shenzhen Glory Tech Co., Ltd.
  region: other
order:
  date: 2026-06-02
  currency: USD
  total: 25000.00
payments:
  - date: 2026-06-05
    amount: 25000.00
    currency: USD
    method: wire
outcome:
  kind: not_delivered
evidence:
  - kind: sales_contract
    title: Sales contract GT-0602
    title_zh: 销售合同GT-0602
    date: 2026-06-02
    file: evidence/contract.pdf
    purpose: Agreed goods, price and delivery date
    purpose_zh: 证明双方约定的货物、价格及交货日期
  - kind: emails
    title: E-mail of 2 June 2026
    file: evidence/mail.eml
  - kind: listing
    title: Store page
    file: evidence/store.png
"""


@pytest.fixture
def case_dir(tmp_path: Path, monkeypatch) -> Path:
    ev = tmp_path / "evidence"
    ev.mkdir()
    make_pdf(ev / "contract.pdf", [A4, A4])
    make_eml(ev / "mail.eml")
    make_png(ev / "store.png")
    (tmp_path / "case.yaml").write_text(CASE, encoding="utf-8")
    # The command's own index is the evidence_index document; these tests are about the command.
    monkeypatch.setattr("restitution.bundle.index.render_index", simple_index)
    monkeypatch.chdir(tmp_path)
    return tmp_path


def test_bundle_command_writes_pdf_and_manifest(case_dir: Path):
    result = CliRunner().invoke(cli, ["bundle", "case.yaml", "-o", "out", "--date", "2026-11-20"])
    assert result.exit_code == 0, result.output
    assert "8 pages, 3 exhibits" in result.output  # index + 3 covers + 2 + 1 + 1 pages
    manifest = json.loads((case_dir / "out" / "NW-2026-0042_manifest.json").read_text(encoding="utf-8"))
    assert [e["file"] for e in manifest["exhibits"]] == ["evidence/contract.pdf", "evidence/mail.eml",
                                                        "evidence/store.png"]
    assert manifest["date"] == "2026-11-20"
    assert (case_dir / "out" / "NW-2026-0042_evidence_bundle.pdf").stat().st_size > 0


def test_prefix_and_date_from_the_environment(case_dir: Path, monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")  # 2026-11-20
    result = CliRunner().invoke(cli, ["bundle", "case.yaml", "-o", "out", "--prefix", "GLORY"])
    assert result.exit_code == 0, result.output
    manifest = json.loads((case_dir / "out" / "NW-2026-0042_manifest.json").read_text(encoding="utf-8"))
    assert manifest["prefix"] == "GLORY" and manifest["bundle"]["bates_last"] == "GLORY-000008"
    assert manifest["date"] == "2026-11-20"


def test_bad_exhibit_exits_1_with_its_location_and_writes_nothing(case_dir: Path):
    (case_dir / "evidence" / "contract.pdf").write_bytes(b"%PDF-1.7\nnot a real pdf")
    result = CliRunner().invoke(cli, ["bundle", "case.yaml", "-o", "out", "--date", "2026-11-20"])
    assert result.exit_code == 1
    line = CASE.splitlines().index("    file: evidence/contract.pdf") + 1
    assert result.stderr.startswith(f"error: case.yaml:{line} evidence[0].file: exhibit 1 (evidence/contract.pdf)")
    assert "Traceback" not in result.output
    assert not (case_dir / "out").exists()


def test_main_prints_located_error_without_traceback(case_dir: Path, capsys):
    (case_dir / "evidence" / "store.png").write_bytes(b"\x89PNG\r\n\x1a\nbroken")
    with pytest.raises(SystemExit) as exit_:
        main(["bundle", "case.yaml", "-o", "out", "--date", "2026-11-20"])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    assert err.startswith("error: case.yaml:")
    assert "evidence[2].file: exhibit 3 (evidence/store.png)" in err and "Traceback" not in err
    assert not (case_dir / "out").exists()


def test_existing_outputs_need_force(case_dir: Path):
    runner = CliRunner()
    args = ["bundle", "case.yaml", "-o", "out", "--date", "2026-11-20"]
    assert runner.invoke(cli, args).exit_code == 0
    pdf = case_dir / "out" / "NW-2026-0042_evidence_bundle.pdf"
    before = pdf.stat().st_mtime_ns
    again = runner.invoke(cli, args)
    assert again.exit_code == 1 and "--force" in again.stderr
    assert pdf.stat().st_mtime_ns == before
    assert runner.invoke(cli, args + ["--force"]).exit_code == 0
    assert sorted(os.listdir(case_dir / "out")) == ["NW-2026-0042_evidence_bundle.pdf",
                                                    "NW-2026-0042_manifest.json"]


def test_bad_date_is_a_usage_error(case_dir: Path, capsys):
    with pytest.raises(SystemExit) as exit_:
        main(["bundle", "case.yaml", "--date", "20 Nov"])
    assert exit_.value.code == 2
    assert "--date" in capsys.readouterr().err
