"""load_case / loads_case: the full example, the catalogue of bad inputs, privacy."""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from pathlib import Path

import pytest

from restitution.case import load_case, loads_case
from restitution.errors import CaseError, ErrorList

from .helpers import DATA, INVALID, VALID, edit

FORMAT_DOC = Path(__file__).resolve().parents[2] / "docs" / "case-format.md"


def _catalogue():
    rows: dict[str, list[tuple[int | None, str | None, str]]] = {}
    for raw in (INVALID / "expected.tsv").read_text(encoding="utf-8").splitlines():
        if not raw or raw.startswith("#"):
            continue
        name, line, path, message = raw.split("\t")
        rows.setdefault(name, []).append((int(line) if line else None, path or None, message))
    return rows


CATALOGUE = _catalogue()


def test_catalogue_is_complete():
    files = {p.name for p in INVALID.iterdir() if p.name != "expected.tsv"}
    assert files == set(CATALOGUE)
    assert len(files) >= 50


@pytest.mark.parametrize("name", sorted(CATALOGUE))
def test_catalogue(name, monkeypatch):
    monkeypatch.chdir(INVALID)
    with pytest.raises(ErrorList) as info:
        load_case(name)
    got = [(e.location.file, e.location.line, e.location.path, e.message) for e in info.value.errors]
    expected = CATALOGUE[name]
    assert len(got) == len(expected), got
    for line, path, message in expected:
        assert any(g == (name, line, path, g[3]) and message in g[3] for g in got), (line, path, message, got)
    assert all(isinstance(e, CaseError) for e in info.value.errors)
    assert [g[1] or 0 for g in got] == sorted(g[1] or 0 for g in got)


def test_the_example_of_the_format_loads_exactly():
    case = load_case(VALID / "case.yaml")
    assert case.id == "NW-2026-0042" and case.case.opened == dt.date(2026, 11, 20)
    assert case.client.kind == "company" and case.client.country == "US"
    assert case.client.registration_no == "C4410021"
    assert case.client.representative.title_zh == "首席执行官"
    assert case.agent.license_no == "11101201910000000"
    assert case.supplier.uscc == "91440300MA5G7K2Q1G" and case.supplier.address is None
    assert case.supplier.contacts[0].wechat == "tony_glory"
    assert case.supplier.bank_accounts[0].account == "6222 0000 0000 0000"
    assert case.order.goods[0].quantity == Decimal("2000") and case.order.total == Decimal("25000.00")
    assert case.order.trade_assurance is True and case.order.arbitration_clause == "none"
    assert [p.amount for p in case.payments] == [Decimal("7500.00"), Decimal("17500.00")]
    assert case.card_payments[0].card.last4 == "4242" and case.card_payments[0].card.network == "visa"
    assert case.outcome.delivered_on is None and case.outcome.seller_unreachable is True
    assert case.indicators.registered_capital_cny == Decimal("10000") and case.indicators.shipped_junk is False
    assert [f.date for f in case.facts] == [dt.date(2026, 5, 28), dt.date(2026, 6, 2)]
    assert case.claim.amount_cny == Decimal("177500.00")
    assert case.claim.refund_account.swift == "FEXBUS33"
    assert case.settlement.received_total == Decimal("10000.00") and case.settlement.leniency_requested is True
    assert [(e.number, e.kind, e.file.name) for e in case.evidence] == [
        (1, "sales_contract", "contract-gt-0602.pdf"),
        (2, "emails", "emails.pdf"),
    ]
    assert case.source == VALID / "case.yaml" and case.folder == VALID


def test_the_fixture_is_the_example_of_the_documented_format():
    doc = FORMAT_DOC.read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", doc, re.S).group(1)
    assert example == (VALID / "case.yaml").read_text(encoding="utf-8")


def test_case_is_immutable():
    case = load_case(VALID / "case.yaml")
    with pytest.raises(AttributeError):
        case.client.name = "x"  # type: ignore[misc]
    assert isinstance(case.payments, tuple)


def test_added_keys_load():
    case = load_case(VALID / "added-keys.yaml")
    assert case.client.country == "NO" and case.client.registration_no == "0012345"
    assert case.client.address == "Storgata 1\n0155 Oslo\nNorway"
    assert case.agent.letter_no == "示例律函字〔2026〕第042号"
    assert case.supplier.registered_on == dt.date(2026, 3, 1) and case.supplier.legal_representative == "Wang Wu"
    assert case.supplier.contacts[0].person is True
    card = case.payments[0].card
    assert (card.consumer, card.credit, card.cardholder, card.last4) == (True, True, "Kari Nordmann", "0042")
    assert case.payments[0].via_platform is False
    assert case.indicators.forged_documents and case.indicators.partial_performance
    assert case.claim.sender == "agent" and case.claim.cny_rate == Decimal("7.812345")
    assert case.settlement.payers[0].role == "guarantor"
    assert case.settlement.handling_authority_zh == "深圳市公安局南山分局"
    assert case.evidence[0].source_zh == "自委托人邮箱导出" and case.evidence[0].original is True
    assert case.order.goods[0].unit_zh == "台" and case.order.total == Decimal("3775.05")
    assert case.supplier.contacts[0].whatsapp == "+852 5555 0000"


def test_file_name_is_shown_as_given(monkeypatch):
    monkeypatch.chdir(DATA)
    with pytest.raises(ErrorList) as info:
        load_case("invalid/uscc_check_digit.yaml")
    assert info.value.lines() == ["invalid/uscc_check_digit.yaml:12 supplier.uscc: check digit should be G, not U"]
    with pytest.raises(ErrorList) as info:
        load_case((INVALID / "uscc_check_digit.yaml").resolve())
    assert info.value.lines()[0].startswith("invalid/uscc_check_digit.yaml:12 ")


def test_absolute_path_outside_the_working_folder_shows_only_the_name(tmp_path, monkeypatch):
    monkeypatch.chdir(VALID)
    target = tmp_path / "deep" / "case.yaml"
    target.parent.mkdir()
    target.write_text(edit("  country: US", "  country: XX"), encoding="utf-8")
    with pytest.raises(ErrorList) as info:
        load_case(target)
    line = info.value.lines()[0]
    assert line.startswith("case.yaml:7 client.country: ") and str(tmp_path) not in line


def test_missing_file_and_folder(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    with pytest.raises(CaseError) as info:
        load_case("nope.yaml")
    assert str(info.value) == "nope.yaml: file not found"
    (tmp_path / "sub").mkdir()
    with pytest.raises(CaseError) as info:
        load_case("sub")
    assert str(info.value) == "sub: is not a file"


def test_privacy_an_unrelated_error_prints_no_account_number():
    text = (VALID / "case.yaml").read_text(encoding="utf-8")
    text = text.replace("  date: 2026-06-02\n  currency: USD", "  date: 2026-06-31\n  currency: USD", 1)
    text = text.replace("  country: US", "  country: XX", 1)
    with pytest.raises(ErrorList) as info:
        loads_case(text, "case.yaml", VALID)
    printed = "\n".join(info.value.lines())
    assert "2026-06-31 is not a real date" in printed
    for secret in ("000123456789", "6222 0000 0000 0000", "FEXBUS33", "jane.doe@northwind.example", "4242"):
        assert secret not in printed


def test_no_partial_result_on_error():
    with pytest.raises(ErrorList):
        loads_case(edit("  country: US", "  country: usa"), "case.yaml", VALID)


def test_case_locate_names_the_file_as_the_loader_does(tmp_path, monkeypatch):
    """Every later error (documents, rules, bundle) points into the case the same way."""
    from restitution.case import load_case

    root = Path(__file__).resolve().parents[2]
    monkeypatch.chdir(root)
    case = load_case(root / "examples" / "northwind-vanished.yaml")
    loc = case.locate("supplier.district_zh")
    assert str(loc) == f"examples/northwind-vanished.yaml:{case.line_of('supplier.district_zh')} supplier.district_zh"
    monkeypatch.chdir(tmp_path)  # outside the case's folder: the bare name, never an absolute path
    assert case.locate("supplier").file == "northwind-vanished.yaml"


def test_an_exhibits_language_is_read_and_an_unknown_one_located():
    text = (VALID / "case.yaml").read_text(encoding="utf-8")
    marked = text.replace("    title_zh: 销售合同GT-0602\n", "    title_zh: 销售合同GT-0602\n    language: en\n", 1)
    case = loads_case(marked, "case.yaml", VALID)
    assert case.evidence[0].language == "en" and loads_case(text, "case.yaml", VALID).evidence[0].language is None
    with pytest.raises(ErrorList) as info:
        loads_case(marked.replace("    language: en\n", "    language: english\n", 1), "case.yaml", VALID)
    printed = "\n".join(info.value.lines())
    assert "evidence[0].language" in printed and "english" in printed
