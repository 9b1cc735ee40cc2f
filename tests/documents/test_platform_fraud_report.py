"""The fraud report to the platform: subject line, store, payments, indicators, contacts, request."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from restitution.case import load_case
from restitution.case import model as m
from restitution.cli import cli
from restitution.document import document_text
from restitution.documents import platform_fraud_report as pfr
from restitution.language.catalogue import catalogue
from restitution.pipeline.templating import bundled_templates
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document

EN_WORDS = catalogue("en", [bundled_templates()])

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATE = dt.date(2026, 11, 20)
KEY = "platform_fraud_report"


@pytest.fixture(scope="module")
def northwind() -> m.Case:
    return load_case(EXAMPLES / "northwind-vanished.yaml")


def text(case: m.Case, lang: str) -> str:
    return document_text(render_document(case, KEY, lang, DATE))


def test_subject_line_names_supplier_and_platform_order(northwind):
    assert pfr.subject(northwind, EN_WORDS) == "Fraud Report – Shenzhen Glory Tech Co., Ltd. – order 2100456789012345"
    assert "Subject: Fraud Report – Shenzhen Glory Tech Co., Ltd. – order 2100456789012345" in text(northwind, "en")
    assert "主题：欺诈举报 – 深圳市荣耀示例科技有限公司 – 订单2100456789012345" in text(northwind, "zh")
    # without a platform order id the buyer's order number identifies it
    case = dataclasses.replace(northwind, order=dataclasses.replace(northwind.order, platform_order_id=None))
    assert pfr.subject(case, EN_WORDS).endswith("– order PO-2026-118")


def test_store_supplier_and_payments_with_receiving_accounts(northwind):
    en, zh = text(northwind, "en"), text(northwind, "zh")
    assert "Store | https://gloryexample.en.alibaba.example" in en
    assert "Unified Social Credit Code | 91440300MA5G7K2Q1G" in en
    assert "统一社会信用代码 | 91440300MA5G7K2Q1G" in zh
    assert ("5 June 2026 | USD 7,500.00 | wire transfer | FT26156XYZ | 6222 0000 0000 0000 "
            "(the supplier's own account, outside the platform)") in en
    # the reference is the transaction's own: the card statement's merchant descriptor is not one
    assert "20 July 2026 | USD 17,500.00 | Visa card ending 4242 | none | paid through the platform" in en
    assert "GLORYTECH SZ" not in en and "GLORYTECH SZ" not in zh
    assert "6222 0000 0000 0000（供应商自有账户，未经平台）" in zh


def test_contacts_flag_the_personal_email(northwind):
    en, zh = text(northwind, "en"), text(northwind, "zh")
    assert ("Tony Wang | sales manager, by their own account | tony.glory@freemail.example (personal e-mail, not a company address) "
            "| tony_glory | +86 138 0000 0000") in en
    assert "王涛（Tony Wang）" in zh and "tony.glory@freemail.example（个人邮箱，非公司邮箱）" in zh


def test_personal_email_is_recognised_by_domain_without_the_indicator(northwind):
    contacts = (m.Contact(name="A", email="a@glory-tech.example"), m.Contact(name="B", email="b@QQ.com"))
    case = dataclasses.replace(
        northwind, supplier=dataclasses.replace(northwind.supplier, contacts=contacts),
        indicators=dataclasses.replace(northwind.indicators, personal_email_used=False))
    assert [c.personal for c in pfr.contacts(case, EN_WORDS)] == [False, True]


def test_indicators_in_plain_words(northwind):
    en, zh = text(northwind, "en"), text(northwind, "zh")
    assert "It stopped answering once it had been paid and cannot be reached." in en
    assert "The company was registered only on 10 March 2026, shortly before the order." in en
    assert "Its registered capital is only CNY 10,000.00, less than a tenth of the amount of this order." in en
    assert "其登记住所为虚假地址，该处并无该公司经营。" in zh


def test_request_asks_to_investigate_suspend_preserve_and_cooperate(northwind):
    en, zh = text(northwind, "en"), text(northwind, "zh")
    for words in ("Investigate the store", "Suspend the store", "Preserve every record",
                  "Cooperate with the police (Public Security Bureau 深圳市公安局"):
        assert words in en
    for words in ("展开调查", "冻结该店铺", "保全该店铺及本订单的全部记录", "配合公安机关（深圳市公安局"):
        assert words in zh
    # a Trade Assurance claim is open on the order, so the report asks for it to be decided with this in view
    assert "Trade Assurance refund claim on this order" in en


def test_needs_the_platform(northwind):
    case = dataclasses.replace(northwind, order=dataclasses.replace(northwind.order, platform=None))
    with pytest.raises(DocumentNotApplicable, match=r"the platform fraud report needs order.platform"):
        render_document(case, KEY, "en", DATE)


def test_in_the_packet_only_for_alibaba_orders(northwind):
    assert pfr.SPEC.in_packet(northwind)
    other = dataclasses.replace(northwind, order=dataclasses.replace(northwind.order, platform="other"))
    assert not pfr.SPEC.in_packet(other)
    assert "The platform's fraud and complaints team" in text(other, "en")


@pytest.mark.parametrize("example", ["northwind-vanished.yaml", "meridian-junk.yaml", "harbour-hk.yaml"])
def test_bilingual_pairs_block_by_block(example):
    doc = render_document(load_case(EXAMPLES / example), KEY, "bilingual", DATE)
    assert "Fraud Report" in document_text(doc) and "欺诈举报" in document_text(doc)


def test_command_line_renders_it(tmp_path):
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["render", str(EXAMPLES / "harbour-hk.yaml"), "--doc", KEY, "--format", "pdf",
                                 "-o", str(out), "--date", "2026-11-20"])
    assert r.exit_code == 0, r.output
    assert sorted(p.name for p in out.iterdir()) == ["HH-2026-0211_guide_en.pdf"] + [
        f"HH-2026-0211_platform_fraud_report_{lang}.pdf" for lang in ("bilingual", "en", "zh")] + ["README.txt"]


def test_a_payee_other_than_the_seller_is_an_indicator():
    case = load_case(EXAMPLES / "harbour-payee.yaml")
    assert "It had the buyer pay into an account held by Shenzhen Longgang Example Supply Chain Management " \
           "Co., Ltd., not by the seller." in text(case, "en")
    assert "指定买方将货款汇入深圳市龙岗区示例供应链管理有限公司名下的账户，而非供应商自身的账户。" in text(case, "zh")


def test_a_contradicted_vanishing_is_not_an_indicator(northwind):
    answered = dataclasses.replace(northwind, outcome=dataclasses.replace(
        northwind.outcome, last_contact=dt.date(2026, 7, 1)))  # before the last payment
    assert "It stopped answering once it had been paid" in text(northwind, "en")
    assert "It stopped answering once it had been paid" not in text(answered, "en")


def test_a_seller_that_settled_is_not_said_to_be_out_of_contact_still():
    """Unseen lakeside case: silent from May, then a settlement it signed in September."""
    case = load_case(Path(__file__).resolve().parents[1] / "data" / "unseen" / "lakeside-instalments.yaml")
    zh, en = text(case, "zh"), text(case, "en")
    assert "且已失去联系" not in zh and "no longer answers" not in en
    assert "至今未交付任何货物，并曾失去联系，其后方与买方协商和解。" in zh
    assert "it went silent until it negotiated a settlement with the buyer." in en
    assert "且已失去联系" in text(dataclasses.replace(case, settlement=None), "zh")


def test_a_recorded_police_report_is_told_as_made_not_as_being_made():
    """The second reading: a case already opened by the police still told the platform that the
    buyer "is reporting" the matter. The report's date, the opening and the case number recorded
    under proceedings.police_report are what the platform hears; a report dated after this one is not."""
    lotus = load_case(EXAMPLES / "lotus-settlement.yaml")
    zh, en = text(lotus, "zh"), text(lotus, "en")
    assert "买方已于2026年8月28日就本案报案，公安机关已于2026年9月10日立案（案号：穗公白（经）立〔2026〕3321号）" in zh
    assert "正就本案" not in zh
    assert "the buyer reported the matter on 28 August 2026 and the police opened a case on 10 September 2026" in en
    assert "广州市公安局白云区分局经济犯罪侦查大队" in zh  # the unit that holds the report
    early = document_text(render_document(lotus, KEY, "zh", dt.date(2026, 8, 20)))
    assert "买方正就本案以涉嫌诈骗报案" in early and "立案" not in early.split("配合公安机关")[1].split("。")[0]


def test_the_page_the_platform_receives_carries_no_instruction_to_the_buyer(northwind):
    """How to send the report (the channel, keeping the case number) is the packet guide's: on
    the report itself it was a note to the buyer in a page filed with the platform."""
    for lang, words in (("en", "Send this report"), ("zh", "请通过平台的欺诈举报")):
        assert words not in text(northwind, lang)


def test_a_settlement_keeps_the_report_out_of_the_packet_with_a_reason():
    """The third reading (osprey): after a settlement paid in full, the packet carried a report asking the
    platform to freeze the seller beside the pardon asking the police for leniency. A recorded settlement
    keeps it out, as it keeps the 12315 complaint out, and the skip says why."""
    from stage_cases import stage_case

    for name in ("settled_partial", "settled_paid"):
        case = stage_case(name)
        assert case.order.platform == "alibaba"
        assert not pfr.SPEC.in_packet(case)
        assert "--doc platform_fraud_report" in pfr.SPEC.left_out(case)
    assert "written pardon is due" in pfr.SPEC.left_out(stage_case("settled_paid"))
    assert "agreed payments at risk" in pfr.SPEC.left_out(stage_case("settled_partial"))
    assert pfr.SPEC.in_packet(stage_case("opened")) and pfr.SPEC.left_out(stage_case("opened")) is None


def test_asked_for_after_a_settlement_it_states_it_and_asks_only_for_review_and_records():
    from stage_cases import stage_case

    paid = stage_case("settled_paid")  # USD 20,000.00 agreed; the last USD 10,000.00 arrived on 10 November 2026
    signed = dataclasses.replace(paid, settlement=dataclasses.replace(
        paid.settlement, signed_on=dt.date(2026, 10, 1), supplier_signed=True))
    zh, en = text(signed, "zh"), text(signed, "en")
    assert ("买方已于2026年10月1日就本订单达成和解，约定的退赔款20,000.00美元已于2026年11月10日全部到账；"
            "本举报仅请求贵平台核查该店铺并保全相关记录。") in zh
    assert "冻结" not in zh and "制止" not in zh and "核查该店铺及其背后的账户" in zh
    assert ("The buyer settled the matter of this order on 1 October 2026, and the agreed restitution of "
            "USD 20,000.00 was received in full on 10 November 2026; this report asks you only to review "
            "the store and to keep its records.") in en
    assert "Suspend" not in en and "stop it before" not in en
    partial = document_text(render_document(signed, KEY, "zh", dt.date(2026, 11, 1)))
    assert "约定的退赔款20,000.00美元，截至2026年11月1日已收到10,000.00美元；" in partial
    # not yet signed (the toolkit drafts the agreement): a settlement being negotiated
    assert "买方正就本订单协商和解；本举报仅请求贵平台核查该店铺并保全相关记录。" in text(paid, "zh")
    # a seller in default of an instalment gets the full request again
    late = document_text(render_document(stage_case("settled_partial"), KEY, "zh", dt.date(2026, 12, 20)))
    assert "冻结该店铺及供应商账户" in late and "本举报仅请求" not in late
    fresh = text(stage_case("opened"), "zh")
    assert "冻结该店铺及供应商账户" in fresh and "本举报仅请求" not in fresh
