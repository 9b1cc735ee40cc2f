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
  name_zh: 北风贸易有限责任公司
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
    title_zh: 2026年6月2日的电子邮件
    file: evidence/mail.eml
  - kind: listing
    title: Store page
    title_zh: 店铺页面
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


def _deep_eml(path: Path, depth: int = 2000) -> None:
    head = "From: a@example.com\r\nSubject: x\r\nDate: Tue, 02 Jun 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
    body = head + "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(depth))
    path.write_text(body + "Content-Type: text/plain\r\n\r\nhi\r\n" + "".join(f"--b{i}--\r\n" for i in range(depth)[::-1]))


def _empty_box_pdf(path: Path) -> None:
    from hostile import raw_pdf

    raw_pdf(path, [{"content": b"BT /F1 9 Tf 9 9 Td (x) Tj ET", "media": b"[0 0 0 0]"}])


def _lying_count_pdf(path: Path) -> None:
    make_pdf(path, [A4])
    data = path.read_bytes()
    path.write_bytes(data.replace(b"/Count 1", b"/Count 95000"))


HOSTILE_FILES = {
    # file written in place of evidence/contract.pdf, and what the error says
    "empty page box": ("contract.pdf", _empty_box_pdf, "page 1 measures 0 x 0 points"),
    "95,000 pages": ("contract.pdf", _lying_count_pdf, "the PDF has 95,000 pages; an exhibit may have at most 10,000"),
    "MIME 2,000 deep": ("mail.eml", _deep_eml, "the e-mail nests its parts more than 20 levels deep"),
    "one-line text": ("mail.eml", lambda p: p.write_text("Subject: x\n\n" + "x" * 1_500_000), "line 1 is 1,500,000"),
    "e-mail over 25 MB": ("mail.eml", lambda p: p.write_bytes(b"Subject: x\n\n" + b"x\n" * (13 * 1024 * 1024)),
                          "the e-mail is 26.0 MB; the limit is 25 MB"),
}


@pytest.mark.parametrize("name", sorted(HOSTILE_FILES))
def test_hostile_exhibit_is_a_located_error(case_dir: Path, capsys, name: str):
    target, make, message = HOSTILE_FILES[name]
    make(case_dir / "evidence" / target)
    with pytest.raises(SystemExit) as exit_:
        main(["bundle", "case.yaml", "-o", "out", "--date", "2026-11-20"])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    line = CASE.splitlines().index(f"    file: evidence/{target}") + 1
    index = 0 if target == "contract.pdf" else 1
    assert err.startswith(f"error: case.yaml:{line} evidence[{index}].file: exhibit {index + 1} (evidence/{target}): ")
    assert message in err and "Traceback" not in err
    assert not (case_dir / "out").exists()


def test_text_limits_are_located(tmp_path: Path, capsys, monkeypatch):
    from restitution.exhibits import textpages
    from restitution.exhibits import ExhibitError, exhibit_info

    from bundle_helpers import make_case

    (tmp_path / "big.txt").write_bytes(b"a line of text\n" * (textpages.MAX_TEXT_BYTES // 15 + 1))
    (tmp_path / "wide.txt").write_text("ok\n" + "x" * (textpages.MAX_LINE_CHARS + 1))
    case = make_case(tmp_path, ["big.txt", "wide.txt"])
    with pytest.raises(ExhibitError, match=r"^case.yaml:105 evidence\[0\].file: exhibit 1 \(big.txt\): the text file is 5.0 MB; the limit is 5 MB"):
        exhibit_info(case, case.evidence[0])
    with pytest.raises(ExhibitError, match=r"^case.yaml:114 evidence\[1\].file: exhibit 2 \(wide.txt\): line 2 is 100,001 characters"):
        exhibit_info(case, case.evidence[1])


def test_pdf_page_limit_counts_real_pages(case_dir: Path, capsys, monkeypatch):
    monkeypatch.setattr("restitution.exhibits.files.MAX_PDF_PAGES", 3)
    make_pdf(case_dir / "evidence" / "contract.pdf", [A4] * 4)
    with pytest.raises(SystemExit):
        main(["bundle", "case.yaml", "-o", "out", "--date", "2026-11-20"])
    assert "the PDF has 4 pages; an exhibit may have at most 3" in capsys.readouterr().err


def test_bundle_page_limit_is_located(case_dir: Path, capsys, monkeypatch):
    monkeypatch.setattr("restitution.bundle.assemble.MAX_BUNDLE_PAGES", 5)
    with pytest.raises(SystemExit) as exit_:
        main(["bundle", "case.yaml", "-o", "out", "--date", "2026-11-20"])
    assert exit_.value.code == 1
    err = capsys.readouterr().err
    line = CASE.splitlines().index("evidence:") + 1
    assert err.startswith(f"error: case.yaml:{line} evidence: the bundle would have 8 pages; a bundle may have at most 5")
    assert not (case_dir / "out").exists()
