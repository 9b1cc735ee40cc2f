"""The chargeback letter: what the issuer must read, in both languages.

domain.md §E and pitfall 7: a cardholder-dispute reason per network and
outcome (never the fraud codes for an authorised payment), the filing window
as dates, the enclosures each reason requires mapped to exhibits, the FCBA
notice only on a US consumer card in time, s.75 only for a UK credit card in
the GBP 100–30,000 band, and a refusal without a card payment.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from factories import make_case, per_payment_rates
from restitution.case import model as m
from restitution.case.load import load_case
from restitution.document import document_text
from restitution.documents import chargeback_letter as cb
from restitution.documents import get
from restitution.language.catalogue import catalogue
from restitution.pipeline.templating import bundled_templates
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document, render_markdown, to_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATE = dt.date(2026, 11, 20)


def text(case: m.Case, lang: str, date: dt.date = DATE) -> str:
    return document_text(render_document(case, "chargeback_letter", lang, date))


def card_case(network="visa", kind="not_delivered", country="US", consumer=None, credit=None,
              order_currency="USD", total=D("25000.00"), delivered_on=None, promised=None, evidence=None,
              extra_payments=()):
    base = make_case()
    card = m.Card(network=network, last4="4242", issuer="First Example Bank",
                  statement_date=dt.date(2026, 8, 1), consumer=consumer, credit=credit)
    pay = m.Payment(date=dt.date(2026, 7, 20), amount=D("17500.00"), currency=order_currency, method="card",
                    card=card, merchant_descriptor="GLORYTECH SZ")
    client = dataclasses.replace(base.client, country=country)
    order = dataclasses.replace(base.order, currency=order_currency, total=total, promised_delivery_date=promised,
                                goods=())
    outcome = dataclasses.replace(base.outcome, kind=kind, delivered_on=delivered_on)
    claim = dataclasses.replace(base.claim, currency=order_currency)
    changes = dict(client=client, order=order, outcome=outcome, claim=claim,
                   payments=(base.payments[0], pay) + tuple(extra_payments))
    if evidence is not None:
        changes["evidence"] = evidence
    return dataclasses.replace(base, **changes)


def exhibit(n, kind, title, title_zh=None):
    return m.Exhibit(kind=kind, title=title, number=n, title_zh=title_zh)


# ------------------------------------------------------------------ applicability


def test_refused_without_a_card_payment():
    base = make_case()
    case = dataclasses.replace(base, payments=(base.payments[0],), where={"payments": 41})
    with pytest.raises(DocumentNotApplicable) as info:
        render_markdown(case, "chargeback_letter", "en", DATE)
    assert info.value.message == "no card payment in this case (payments[].method: card)"
    assert info.value.location.line == 41
    assert info.value.location.path == "payments"


def test_example_without_card_is_refused_and_example_with_card_renders():
    with pytest.raises(DocumentNotApplicable):
        render_markdown(load_case(EXAMPLES / "lotus-settlement.yaml"), "chargeback_letter", "zh", DATE)
    nw = text(load_case(EXAMPLES / "northwind-vanished.yaml"), "en")
    assert "Shenzhen Glory Tech Co., Ltd. (registered Chinese name 深圳市荣耀示例科技有限公司)" in nw
    assert "unified social credit code 91440300MA5G7K2Q1G" in nw


def test_paper_is_the_clients_local_paper():
    assert get("chargeback_letter").paper(card_case(country="US")) == "Letter"
    assert get("chargeback_letter").paper(card_case(country="CA")) == "Letter"
    assert get("chargeback_letter").paper(card_case(country="GB")) == "A4"
    assert render_document(card_case(country="GB"), "chargeback_letter", "en", DATE).paper == "A4"
    for country in ("MX", "PH", "CL"):  # Letter countries beyond North America
        assert get("chargeback_letter").paper(card_case(country=country)) == "Letter", country
    assert render_document(card_case(country="GB"), "chargeback_letter", "bilingual", DATE,
                           paper="Letter").paper == "Letter"  # render --paper


# ------------------------------------------------------------------ reason codes


@pytest.mark.parametrize("network,kind,en,zh", [
    ("visa", "not_delivered", "13.1 Merchandise/Services Not Received", "13.1 未收到商品/服务"),
    ("visa", "partial_delivery", "13.1 Merchandise/Services Not Received", "13.1 未收到商品/服务"),
    ("visa", "junk_delivered", "13.3 Not as Described or Defective Merchandise/Services", "13.3 商品/服务与描述不符或有缺陷"),
    ("visa", "not_as_described", "13.3 Not as Described", "13.3 商品/服务与描述不符"),
    ("visa", "counterfeit", "13.4 Counterfeit Merchandise", "13.4 假冒商品"),
    ("mastercard", "not_delivered", "4853 Cardholder Dispute – Goods or Services Not Provided", "4853 持卡人争议——未提供商品或服务"),
    ("mastercard", "junk_delivered", "4853 Cardholder Dispute – Not as Described", "4853 持卡人争议——与描述不符"),
    ("mastercard", "counterfeit", "4853 Cardholder Dispute – Counterfeit Goods", "4853 持卡人争议——假冒商品"),
])
def test_reason_code_per_network_and_outcome(network, kind, en, zh):
    delivered = None if kind == "not_delivered" else dt.date(2026, 9, 1)
    case = card_case(network=network, kind=kind, delivered_on=delivered)
    t_en, t_zh = text(case, "en"), text(case, "zh")
    assert f"Dispute reason: {en}" in t_en
    assert f"争议原因：{zh}" in t_zh
    fraud = {"visa": "10.4", "mastercard": "4837"}[network]
    # the fraud code is named only to exclude it: the cardholder authorised the payment
    assert f"the fraud reason code {fraud} does not apply" in t_en
    assert "The cardholder authorised this payment and disputes it as a cardholder dispute" in t_en
    assert f"不适用欺诈类原因代码{fraud}" in t_zh
    assert f"Dispute reason: {fraud}" not in t_en


def test_visa_quality_dispute_offers_13_5_as_alternative():
    case = card_case(kind="not_as_described", delivered_on=dt.date(2026, 9, 1))
    assert "may also be raised under 13.5 Misrepresentation" in text(case, "en")
    assert "亦可按13.5 虚假陈述提出争议" in text(case, "zh")


def test_unionpay_is_a_cardholder_dispute_without_a_code():
    t = text(card_case(network="unionpay"), "zh")
    assert "争议原因：银联持卡人争议（未收到货物），非盗刷欺诈申请（银联规则）" in t
    assert "欺诈类原因代码" not in t  # no fraud code exists to exclude
    assert "发卡行的争议申请表（填写并签署）" in t


# ------------------------------------------------------------------ time limits


def test_window_is_not_told_to_the_issuer():
    # the issuer knows its own limits; the letter only says whether it is within them (issue 16, point 16)
    case = card_case(promised=dt.date(2026, 8, 20))
    t_en, t_zh = text(case, "en", dt.date(2026, 9, 1)), text(case, "zh", dt.date(2026, 9, 1))
    assert "This request is made within the time limits of the network rules." in t_en
    assert "本申请在卡组织规则规定的期限内提出。" in t_zh
    for told in ("18 December 2026", "11 January 2028", "Latest filing date", "Absolute limit"):
        assert told not in t_en, told
    assert "2026年12月18日" not in t_zh and "绝对期限" not in t_zh


def test_window_status_follows_the_letter_date():
    case = card_case()  # no delivery date: Visa's 15-day wait from 20 July
    early = text(case, "en", dt.date(2026, 7, 25))
    assert "please raise the dispute on or after 4 August 2026" in early
    late = text(case, "en", dt.date(2026, 11, 20))  # 120 days ended on 17 November 2026
    assert "17 November 2026" not in late
    assert "The latest filing date under the network rules has passed." in late
    assert "卡组织规则下的最晚提出日期已过。" in text(case, "zh", dt.date(2026, 11, 20))


# ------------------------------------------------------------------ enclosures


def test_enclosures_map_to_exhibits_or_are_flagged_missing():
    ev = (exhibit(1, "sales_contract", "Sales contract GT-0602", "销售合同GT-0602"),
          exhibit(2, "emails", "E-mails with the supplier", "往来邮件"))
    t = text(card_case(evidence=ev), "en")
    rows = _enclosure_rows(card_case(evidence=ev), "en")
    assert rows["Detailed description of the goods ordered (contract, purchase order, invoice, or the merchant's "
                "listing and order confirmation)"] == ("required", "Exhibit 1")
    assert rows["The agreed shipment or delivery date"] == ("required", "Exhibit 1")
    assert rows["Correspondence showing the attempts to resolve the dispute with the merchant"] == \
        ("required", "Exhibit 2")
    assert rows["Record of the payment"] == ("optional", "missing: to be supplied")
    assert "The correspondence is enclosed as Exhibit 2." in t
    zh = _enclosure_rows(card_case(evidence=ev), "zh")
    assert zh["持卡人与商户协商解决争议的往来记录"] == ("必需", "证据2")
    assert zh["付款凭证"] == ("可选", "缺失，待补充")


def test_counterfeit_needs_a_third_party_identification():
    case = card_case(kind="counterfeit", delivered_on=dt.date(2026, 9, 1),
                     evidence=(exhibit(1, "sales_contract", "Contract"),))
    rows = _enclosure_rows(case, "en")
    key = ("Identification of the goods as counterfeit by the rights owner, customs, law enforcement or a "
           "neutral expert")
    assert rows[key] == ("required", "missing: to be supplied")
    case = dataclasses.replace(case, evidence=case.evidence + (exhibit(2, "test_report", "Brand owner's report"),))
    assert _enclosure_rows(case, "en")[key] == ("required", "Exhibit 2")


def test_quality_dispute_asks_for_the_return_attempt_and_says_where_the_goods_are():
    case = card_case(kind="junk_delivered", delivered_on=dt.date(2026, 9, 1))
    rows = _enclosure_rows(case, "en")
    assert rows["How and when a return of the goods was attempted, and the merchant's answer"] == \
        ("required", "missing: to be supplied")
    assert "The goods were delivered on 1 September 2026 and are kept by the cardholder" in text(case, "en")


def test_the_merchants_listing_describes_the_goods_and_every_exhibit_relied_on_is_enclosed():
    """A web-shop purchase: the listing and order confirmation describe the goods (the letter said the
    description was missing), and the card statement the letter relies on is enclosed with the rest."""
    statement = m.Exhibit(kind="payment_proof", title="Card statement 1 August 2026", number=2,
                          date=dt.date(2026, 8, 1), title_zh="信用卡2026年8月账单")
    ev = (exhibit(1, "listing", "Product page and order confirmation", "商品页面及订单确认"), statement,
          exhibit(3, "authentication_letter", "Brand owner's letter", "品牌方鉴定函"),
          exhibit(4, "emails", "E-mails with the merchant", "往来邮件"))
    case = card_case(kind="counterfeit", delivered_on=dt.date(2026, 9, 1), evidence=ev)
    case = dataclasses.replace(case, payments=case.payments[1:])  # the card payment only: the statement proves it
    rows = _enclosure_rows(case, "en")
    goods = [v for k, v in rows.items() if k.startswith("Detailed description of the goods ordered")]
    assert goods == [("required", "Exhibit 1")]
    assert "listing" in next(k for k in rows if k.startswith("Detailed description"))
    assert "missing" not in " ".join(v[1] for v in rows.values())
    en, zh = text(case, "en"), text(case, "zh")
    assert en.split("Enclosures", 1)[1].count("Exhibit ") == 4, en.split("Enclosures", 1)[1]
    for n in (1, 2, 3, 4):
        assert f"Exhibit {n}:" in en.split("Enclosures", 1)[1] and f"证据{n}：" in zh.rsplit("附件", 1)[1]
    assert "Proof of payment | Exhibit 2" in en and "付款凭证 | 证据2" in zh


def test_mastercard_cardholder_letter_is_this_letter():
    rows = _enclosure_rows(card_case(network="mastercard"), "en")
    assert rows["Cardholder letter describing the dispute (Dispute Resolution Form)"] == ("required", "this letter")


def _enclosure_rows(case, lang):
    from restitution.document import Heading, Table, inline_text

    doc = render_document(case, "chargeback_letter", lang, DATE)
    heading = "Documents this dispute reason requires" if lang == "en" else "该争议原因所需材料"
    for i, block in enumerate(doc.blocks):
        if isinstance(block, Heading) and heading in inline_text(block.inlines):
            table = doc.blocks[i + 1]
            assert isinstance(table, Table)
            return {inline_text(r[0].inlines): (inline_text(r[1].inlines), inline_text(r[2].inlines))
                    for r in table.rows}
    raise AssertionError("no enclosures table")


# ------------------------------------------------------------------ statutory rights


def test_fcba_notice_on_a_us_consumer_card_in_time():
    case = card_case(consumer=True, credit=True)
    t_en = text(case, "en", dt.date(2026, 9, 1))
    t_zh = text(case, "zh", dt.date(2026, 9, 1))
    assert "Billing-error notice under the Fair Credit Billing Act" in t_en
    assert "15 U.S.C. § 1666" in t_en
    # statement of 1 August 2026 + 60 days
    assert "must reach you by 30 September 2026" in t_en
    assert "acknowledge it within 30 days" in t_en
    assert "《美国法典》第15编第1666条" in t_zh
    assert "须于2026年9月30日前送达" in t_zh


def test_fcba_after_the_60_days_is_not_claimed():
    t = text(card_case(consumer=True), "en", dt.date(2026, 11, 20))
    assert "Billing-error notice under the Fair Credit Billing Act" not in t
    assert "ended on 30 September 2026; this letter does not rely on it" in t


@pytest.mark.parametrize("changes", [dict(consumer=False), dict(credit=False), dict(country="GB", consumer=True)])
def test_no_fcba_for_business_or_debit_cards_or_outside_the_us(changes):
    t = text(card_case(**changes), "en", dt.date(2026, 9, 1))
    assert "Fair Credit Billing Act" not in t
    assert "1666" not in t


def _gb(total, consumer=True, credit=True):
    return card_case(country="GB", order_currency="GBP", total=total, consumer=consumer, credit=credit)


def test_section_75_for_a_uk_credit_card_within_the_band():
    t_en, t_zh = text(_gb(D("6400.00")), "en"), text(_gb(D("6400.00")), "zh")
    assert "Claim under section 75 of the Consumer Credit Act 1974" in t_en
    assert "jointly and severally liable" in t_en
    assert "Office of Fair Trading v Lloyds TSB Bank plc [2007] UKHL 48" in t_en
    assert "cash price of GBP 6,400.00, which is over GBP 100 and not more than GBP 30,000" in t_en
    assert "Financial Ombudsman Service" in t_en
    assert "依英国《1974年消费者信贷法》第75条提出的索赔" in t_zh
    assert "连带责任" in t_zh
    meridian = text(load_case(EXAMPLES / "meridian-junk.yaml"), "en")
    assert "Claim under section 75 of the Consumer Credit Act 1974" in meridian


@pytest.mark.parametrize("case", [
    _gb(D("100.00")),  # must be over GBP 100
    _gb(D("30000.01")),  # and not more than GBP 30,000
    _gb(D("6400.00"), consumer=False),  # business card
    _gb(D("6400.00"), credit=False),  # debit card
    card_case(country="US", order_currency="GBP", total=D("6400.00")),  # not a UK client
])
def test_no_section_75_outside_its_conditions(case):
    assert "section 75" not in text(case, "en")
    assert "第75条" not in text(case, "zh")


def test_section_75_at_the_ceiling_applies():
    assert "Claim under section 75" in text(_gb(D("30000.00")), "en")


# ------------------------------------------------------------------ several payments, apps, bilingual


def test_every_card_payment_gets_its_own_section_and_amounts_in_words_and_cny():
    extra = m.Payment(date=dt.date(2026, 7, 25), amount=D("1000.00"), currency="USD", method="card",
                      card=m.Card(network="mastercard", last4="5510", issuer="Second Example Bank"))
    case = card_case(extra_payments=(extra,))
    t = text(case, "en")
    assert "1. Disputed transaction: Visa card ending 4242" in t
    assert "2. Disputed transaction: Mastercard card ending 5510" in t
    assert "USD 17,500.00 (seventeen thousand five hundred US dollars)" in t
    assert "CNY 124,250.00, estimated at USD 1 = CNY 7.10 (rate of 20 November 2026), for reference only" in t
    assert "to credit USD 18,500.00 back" in t
    z = text(case, "zh")
    assert "17,500.00美元（大写：美元壹万柒仟伍佰元整）" in z
    assert "人民币124,250.00元（大写：人民币壹拾贰万肆仟贰佰伍拾元整；按2026年11月20日汇率1美元兑人民币7.10元估算，仅供参考）" in z
    assert "争议交易2：万事达卡（尾号5510）" in z
    # with the payment's own parity, the figure of the police report (rules/loss.py)
    z = text(per_payment_rates(card_case()), "zh")
    assert "人民币124,600.00元（大写：人民币壹拾贰万肆仟陆佰元整；按2026年7月21日人民币汇率中间价（1美元兑人民币7.1200元）折算）" in z


def test_wechat_pay_payment_gets_a_reversal_request_in_both_languages():
    wechat = m.Payment(date=dt.date(2026, 6, 10), amount=D("3000.00"), currency="CNY", method="wechat_pay",
                       reference="4200001234")
    case = card_case(extra_payments=(wechat,))
    z = text(case, "zh")
    assert "微信支付交易投诉及退款申请" in z
    assert "客服热线95017" in z
    assert "如该笔款项系已完成的个人转账，则无法通过投诉撤回，只能由公安机关依法冻结或追查资金" in z
    assert "人民币3,000.00元（大写：人民币叁仟元整）" in z
    e = text(case, "en")
    assert "WeChat Pay: complaint and request to reverse a payment" in e
    assert "cannot be reversed through a complaint: only the police can freeze or trace the money" in e


def test_alipay_payment_names_the_hotline():
    ali = m.Payment(date=dt.date(2026, 6, 10), amount=D("3000.00"), currency="CNY", method="alipay")
    z = text(card_case(extra_payments=(ali,)), "zh")
    assert "支付宝交易投诉及退款申请" in z and "客服热线95188" in z


@pytest.mark.parametrize("case", [
    card_case(),
    card_case(consumer=True),
    _gb(D("6400.00")),
    card_case(network="mastercard", kind="counterfeit", delivered_on=dt.date(2026, 9, 1)),
    card_case(extra_payments=(m.Payment(date=dt.date(2026, 6, 10), amount=D("1.00"), currency="CNY",
                                        method="wechat_pay"),)),
])
@pytest.mark.parametrize("date", [dt.date(2026, 9, 1), DATE])
def test_bilingual_pairs_without_a_structure_error(case, date):
    doc = render_document(case, "chargeback_letter", "bilingual", date)
    assert tuple(map(str, doc.langs)) == ("en", "zh")
    assert to_bytes(doc, "pdf").startswith(b"%PDF")


@pytest.mark.parametrize("name", ["northwind-vanished", "meridian-junk"])
def test_examples_pair_and_write(name):
    case = load_case(EXAMPLES / f"{name}.yaml")
    doc = render_document(case, "chargeback_letter", "bilingual", DATE)
    assert to_bytes(doc, "docx")[:2] == b"PK"


def test_context_uses_the_rules_module_for_the_window():
    from restitution import rules

    case = card_case(promised=dt.date(2026, 8, 20))
    x = cb.context(case, catalogue("en", [bundled_templates()]), DATE)
    (d,) = x.disputed
    assert d.window == rules.chargeback_window(case, case.card_payments[0])
    assert d.reason.code == "13.1"


def test_the_payment_enclosure_is_the_proof_of_that_payment_only():
    """A wire confirmation is never offered as proof of the card payment: the gap is named instead."""
    case = make_case()
    wire = m.Exhibit(kind="payment_proof", title="Wire advice FT26156XYZ", number=2, date=dt.date(2026, 6, 5))
    case = dataclasses.replace(case, evidence=case.evidence + (wire,))
    en = text(case, "en")
    assert "Record of the payment" in en and "missing: to be supplied" in en and "Exhibit 2" not in en
    statement = m.Exhibit(kind="payment_proof", title="Card statement 1 August 2026", number=3,
                          date=dt.date(2026, 8, 1))
    case = dataclasses.replace(case, evidence=case.evidence + (statement,))
    assert "Exhibit 3" in text(case, "en") and "Exhibit 2" not in text(case, "en")


def test_a_foreign_cardholder_is_named_by_its_own_name_its_chinese_rendering_once():
    z = text(card_case(), "zh")
    assert z.count("Northwind Trading LLC（中文译名：北风贸易有限责任公司）") == 2  # letterhead and signature
    assert "持卡人Northwind Trading LLC现就" in z and "持卡人 | Northwind Trading LLC" in z.splitlines()
    body = [line for line in z.splitlines() if "北风贸易有限责任公司" in line and "中文译名" not in line]
    assert body == []  # never the bare translated name


def test_a_merchant_that_later_settled_is_not_said_to_be_unreachable_still():
    case = load_case(EXAMPLES / "northwind-vanished.yaml")
    signed = m.Settlement(agreed_amount=D("1000.00"), currency=case.claim.currency,
                          schedule=(m.Instalment(dt.date(2026, 12, 1), D("1000.00")),),
                          signed_on=dt.date(2026, 10, 1), supplier_signed=True)
    settled = dataclasses.replace(case, settlement=signed)
    zh, en = text(settled, "zh"), text(settled, "en")
    assert "已无法取得联系" not in zh and "cannot be reached" not in en
    assert "此后商户未再回复，其后方与持卡人协商和解。" in zh
    assert "After that it did not answer until it later negotiated a settlement with the cardholder." in en
    assert "此后商户再未回复，已无法取得联系。" in text(case, "zh")


def test_a_settlement_paid_in_full_keeps_the_letter_out_of_the_packet():
    """The same money is not claimed twice: once the settlement is paid in full, a chargeback of the
    card payments stays out of the default packet (and the packet says why); before that it stays in."""
    from stage_cases import stage_case

    card = next(p for p in make_case().payments if p.method == "card")
    paid, partial = (dataclasses.replace(c, payments=c.payments + (card,))
                     for c in (stage_case("settled_paid"), stage_case("settled_partial")))
    assert not cb.in_packet(paid)
    assert "paid in full" in cb.SPEC.left_out(paid) and "--doc chargeback_letter" in cb.SPEC.left_out(paid)
    assert cb.in_packet(partial) and cb.SPEC.left_out(partial) is None


def test_a_merchant_renamed_since_the_contract_is_named_with_its_former_name():
    case = dataclasses.replace(make_case(), supplier=dataclasses.replace(make_case().supplier, former_names=(
        m.FormerName(name="Shenzhen Oldname Electronics Co., Ltd.", changed_on=dt.date(2026, 6, 12)),)))
    zh, en = text(case, "zh"), text(case, "en")
    assert ("该公司曾用名：Shenzhen Oldname Electronics Co., Ltd.，2026年6月12日变更；名称变更前后为同一公司，"
            "合同、发票或卡账单所载商户名称可能仍为其曾用名。") in zh
    assert ("Former name: Shenzhen Oldname Electronics Co., Ltd., until 12 June 2026; it is the same company "
            "under a new name, so the contract, the invoices or the card statement may still show the former "
            "name.") in en
