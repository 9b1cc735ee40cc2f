"""The Trade Assurance refund claim (domain.md §F, pitfall 8).

What must hold: the refund asked for is what was paid through the platform,
never more; the 30-day window after confirmed receipt is printed as a date;
money paid outside the platform and a late claim are flagged on the document
and on the command line; an order without Trade Assurance is refused.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

from restitution.case import load_case
from restitution.case import model as m
from restitution.cli import cli
from restitution.document import Container, document_text
from restitution.documents import trade_assurance_claim as ta
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DATE = dt.date(2026, 11, 20)
KEY = "trade_assurance_claim"


@pytest.fixture(scope="module")
def northwind() -> m.Case:
    return load_case(EXAMPLES / "northwind-vanished.yaml")


@pytest.fixture(scope="module")
def meridian() -> m.Case:
    return load_case(EXAMPLES / "meridian-junk.yaml")


def text(case: m.Case, lang: str, date: dt.date = DATE) -> str:
    return document_text(render_document(case, KEY, lang, date))


def all_on_platform(case: m.Case) -> m.Case:
    payments = tuple(dataclasses.replace(p, via_platform=True) for p in case.payments)
    return dataclasses.replace(case, payments=payments)


def confirmed(case: m.Case, on: dt.date) -> m.Case:
    outcome = dataclasses.replace(case.outcome, kind="not_as_described", delivered_on=on, receipt_confirmed_on=on)
    return dataclasses.replace(case, outcome=outcome)


# ------------------------------------------------------------------ content


def test_claim_names_the_orders_and_the_refund_paid_through_the_platform(northwind):
    en, zh = text(northwind, "en"), text(northwind, "zh")
    for t in (en, zh):
        assert "2100456789012345" in t and "PO-2026-118" in t
    # USD 7,500 went to the supplier's own account: only the card payment on the order is claimed
    assert "refund of USD 17,500.00 (seventeen thousand five hundred US dollars)" in en
    assert "请求退款17,500.00美元（大写：美元壹万柒仟伍佰元整）" in zh
    assert "refund of USD 25,000.00" not in en
    # the Chinese text is addressed to the supplier, by its full registered name and code
    assert ("致：深圳市荣耀示例科技有限公司（英文名称：Shenzhen Glory Tech Co., Ltd.；"
            "统一社会信用代码：91440300MA5G7K2Q1G）") in zh
    assert "请贵司自收到本申请之日起3日内答复" in zh
    assert "Products not shipped on time" in en and "未按时发货" in zh
    # no inspection section for a shipment problem
    assert "SGS" not in en and "SGS" not in zh


def test_refund_never_exceeds_what_was_paid_nor_the_order_total(northwind):
    rows = ta.refund(northwind)
    paid = sum(p.amount for p in northwind.payments if ta.paid_through_platform(p))
    assert [(r.currency, r.amount) for r in rows] == [("USD", D("17500.00"))]
    assert rows[0].amount <= paid
    over = dataclasses.replace(all_on_platform(northwind),
                               order=dataclasses.replace(northwind.order, total=D("20000.00")))
    (row,) = ta.refund(over)
    assert row.paid == D("25000.00") and row.amount == D("20000.00") and row.capped
    assert "limited to the order total" in text(over, "en")
    assert "以订单总额为限" in text(over, "zh")


def test_quality_dispute_explains_the_designated_inspection(meridian):
    en, zh = text(meridian, "en"), text(meridian, "zh")
    assert "SGS, TÜV Rheinland or Bureau Veritas" in en
    assert "pay its fee in advance" in en and "refunded to the Buyer if the inspection finds the supplier at fault" in en
    assert "SGS、TÜV莱茵或必维国际检验集团" in zh and "先行垫付检验费" in zh
    assert "An independent report (Exhibit 4)" in en and "证据4" in zh


def test_window_is_printed_as_the_date_thirty_days_after_confirmed_receipt(northwind):
    case = confirmed(all_on_platform(northwind), dt.date(2026, 10, 1))
    en = text(case, "en", dt.date(2026, 10, 20))
    zh = text(case, "zh", dt.date(2026, 10, 20))
    # a ceiling, stated as the buyer's understanding (domain.md §F: it varies with the shipment)
    assert "As the Buyer understands the rules" in en and "does not exceed 30 calendar days" in en
    assert "that is, 31 October 2026" in en
    assert "据买方理解" in zh and "最长不超过确认收货之日起30个自然日，即不晚于2026年10月31日" in zh
    assert "Warning" not in en and "买方提示" not in zh
    assert ta.warnings(case, dt.date(2026, 10, 20)) == []
    # the last day is still in time
    assert ta.warnings(case, dt.date(2026, 10, 31)) == []


def test_late_claim_is_flagged_at_the_top_of_the_document(northwind):
    case = confirmed(all_on_platform(northwind), dt.date(2026, 10, 1))
    doc = render_document(case, KEY, "en", dt.date(2026, 11, 1))
    # the warning is for the buyer: in case_notes, never in the claim the supplier and platform read
    assert not any(isinstance(b, Container) and b.kind == "note" for b in doc.blocks)
    assert "Claim out of time" not in document_text(doc)
    later = dt.date(2026, 11, 1)
    assert "Claim out of time" in document_text(render_document(case, "case_notes", "en", later))
    assert "after 31 October 2026" in document_text(render_document(case, "case_notes", "en", later))
    assert "已超过索赔期限" in document_text(render_document(case, "case_notes", "zh", later))
    (line,) = ta.warnings(case, dt.date(2026, 11, 1))
    assert "closed on 2026-10-31" in line and "2026-10-01" in line


def test_payment_outside_the_platform_is_flagged_and_named(northwind):
    doc = render_document(northwind, KEY, "en", DATE)
    assert "payments[0]" not in document_text(doc) and "payments[0]" not in text(northwind, "zh")  # no key path
    body = document_text(render_document(northwind, "case_notes", "en", DATE))
    # the client's notes name the payment by date and amount; the key path is validate's only
    assert "Paid outside the platform: USD 7,500.00 by wire transfer on 5 June 2026." in body
    assert "存在平台外付款：2026年6月5日以电汇方式支付的7,500.00美元。" in \
        document_text(render_document(northwind, "case_notes", "zh", DATE))
    (line,) = ta.warnings(northwind, DATE)
    assert "payments[0]" in line and "USD 7,500.00" in line


def test_refused_without_trade_assurance(northwind):
    case = dataclasses.replace(northwind, order=dataclasses.replace(northwind.order, trade_assurance=False))
    with pytest.raises(DocumentNotApplicable, match=r"the order did not use Trade Assurance \(order.trade_assurance\)"):
        render_document(case, KEY, "en", DATE)
    assert ta.SPEC.in_packet(case) is False


def test_refused_when_nothing_went_through_the_platform(northwind):
    payments = tuple(dataclasses.replace(p, via_platform=False) for p in northwind.payments)
    with pytest.raises(DocumentNotApplicable, match="no payment went through"):
        ta.check(dataclasses.replace(northwind, payments=payments))


@pytest.mark.parametrize("example", ["northwind-vanished.yaml", "meridian-junk.yaml"])
def test_bilingual_pairs_block_by_block(example):
    doc = render_document(load_case(EXAMPLES / example), KEY, "bilingual", DATE)
    assert "Trade Assurance Refund Claim" in document_text(doc) and "信用保障订单退款申请" in document_text(doc)


# ------------------------------------------------------------------ command line


def run(*args: str):
    return CliRunner().invoke(cli, list(args))


def test_command_line_warns_about_the_payment_outside_the_platform(tmp_path):
    r = run("render", str(EXAMPLES / "northwind-vanished.yaml"), "--doc", KEY, "--lang", "en",
            "--format", "pdf", "-o", str(tmp_path / "out"), "--date", "2026-11-20")
    assert r.exit_code == 0, r.output
    assert ("warning: trade_assurance_claim: paid outside the platform, not covered by Trade Assurance: "
            "payments[0] (5 June 2026, USD 7,500.00, wire transfer)") in r.stderr
    assert "claim window" not in r.stderr


def test_command_line_warns_about_a_late_claim(tmp_path):
    folder = tmp_path / "examples"
    shutil.copytree(EXAMPLES, folder)
    case = folder / "meridian-junk.yaml"
    # the balance paid through the platform too: only the late claim is left to warn about
    case.write_text(case.read_text(encoding="utf-8").replace("via_platform: false", "via_platform: true"),
                    encoding="utf-8")
    r = run("render", str(case), "--doc", KEY, "--lang", "zh", "--format", "pdf", "-o", str(tmp_path / "out"),
            "--date", "2026-11-20")
    assert r.exit_code == 0, r.output
    lines = [ln for ln in r.stderr.splitlines() if ln.startswith("warning: trade_assurance_claim:")]
    assert len(lines) == 1
    assert "the claim window closed on 2026-10-22" in lines[0] and "2026-09-22" in lines[0]


def test_command_line_refuses_an_order_without_trade_assurance(tmp_path):
    out = tmp_path / "out"
    r = run("render", str(EXAMPLES / "harbour-hk.yaml"), "--doc", KEY, "-o", str(out))
    assert r.exit_code == 1
    assert "the order did not use Trade Assurance (order.trade_assurance)" in r.output
    assert not out.exists()


def test_an_unconfirmed_receipt_window_is_hedged(northwind):
    zh, en = text(northwind, "zh"), text(northwind, "en")
    assert "据买方理解，索赔期限自确认收货之日起算" in zh and "应在期限之内" in zh
    assert "，在期限之内" not in zh
    assert "As the Buyer understands the rules, the claim window" in en and "should be within it" in en


def test_a_card_payment_also_disputed_by_chargeback_is_named_no_double_recovery(northwind):
    # the Visa payment claimed here is the one the packet's chargeback letter disputes
    zh, en = text(northwind, "zh"), text(northwind, "en")
    assert ("买方拟就2026年7月20日以Visa卡支付的17,500.00美元向发卡机构申请拒付。"
            "该款项如经拒付退回，买方将及时告知阿里巴巴国际站，并相应减少本申请的退款请求，不重复受偿。") in zh
    assert "intends to dispute with its card issuer the USD 17,500.00 paid by Visa card on 20 July 2026" in en
    assert "it will not be paid twice" in en
    # once filed (proceedings.chargebacks), it says so, with the date
    index = next(i for i, p in enumerate(northwind.payments) if p.method == "card")
    from restitution.case.proceedings import ChargebackFiled, Proceedings
    filed = dataclasses.replace(northwind, proceedings=dataclasses.replace(
        northwind.proceedings or Proceedings(),
        chargebacks=(ChargebackFiled(payment=index, filed_on=dt.date(2026, 11, 2)),)))
    assert "买方已于2026年11月2日就2026年7月20日以Visa卡支付的17,500.00美元向发卡机构申请拒付" in text(filed, "zh")
    assert "disputed with its card issuer on 2 November 2026 the USD 17,500.00" in text(filed, "en")
    # a claim with no card payment says nothing of a chargeback
    wire_only = dataclasses.replace(northwind, payments=tuple(
        dataclasses.replace(p, method="wire", card=None, via_platform=True) if p.method == "card" else p
        for p in northwind.payments))
    assert "拒付" not in text(wire_only, "zh") and "chargeback" not in text(wire_only, "en")


def test_a_supplier_that_later_settled_is_not_said_to_be_silent_still(northwind):
    case = all_on_platform(northwind)
    signed = m.Settlement(agreed_amount=D("1000.00"), currency=case.claim.currency,
                          schedule=(m.Instalment(dt.date(2026, 12, 1), D("1000.00")),),
                          signed_on=dt.date(2026, 10, 1), supplier_signed=True)
    zh = text(dataclasses.replace(case, settlement=signed), "zh")
    assert "此后再无回复" not in zh and "此后未再回复，其后方与买方协商和解" in zh
    assert "此后再无回复" in text(case, "zh")
