"""Every domain rule at its boundaries (restitution.rules)."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from restitution.case.model import (
    Card,
    Case,
    CaseInfo,
    Claim,
    Client,
    Order,
    Outcome,
    Payment,
    Supplier,
)
from restitution import rules as R
from restitution.errors import CaseError
from restitution.language.catalogue import compare
from restitution.rules.reason import Figure, Money, Reason, Sentences, Series, bundled, say, say_all


def en(value) -> str:
    return say(value, bundled("en"))


def zh(value) -> str:
    return say(value, bundled("zh"))

D = dt.date
TXN = D(2026, 3, 1)


def card_payment(network="visa", **card) -> Payment:
    return Payment(date=TXN, amount=Decimal("5000.00"), currency="USD", method="card",
                   card=Card(network=network, last4="4242", **card))


def make(*, payment: Payment | None = None, order=None, outcome=None, client=None, supplier=None,
         claim=None, payments=None) -> Case:
    p = payment or card_payment()
    return Case(
        schema=1,
        case=CaseInfo(id="T-1"),
        client=Client(**({"kind": "individual", "name": "Buyer", "country": "US", "address": "1 Main St"}
                         | (client or {}))),
        supplier=Supplier(**({"name": "Seller", "region": "mainland", "uscc": "91440300MA5G7K2Q1G",
                              "province_zh": "广东省", "city_zh": "深圳市", "district_zh": "宝安区"}
                             | (supplier or {}))),
        order=Order(**({"date": TXN - dt.timedelta(days=2), "currency": "USD", "total": Decimal("5000.00")}
                       | (order or {}))),
        payments=payments or (p,),
        outcome=Outcome(**({"kind": "not_delivered"} | (outcome or {}))),
        claim=Claim(**({"amount": Decimal("5000.00"), "currency": "USD"} | (claim or {}))),
    )


# --- citations -------------------------------------------------------------------------

def test_citations_print_law_article_and_version():
    assert R.CRIMINAL_LAW_224.zh() == "《中华人民共和国刑法》（2023年修正）第二百二十四条"
    assert R.CRIMINAL_LAW_224.en() == "Criminal Law of the PRC (as amended 2023), Art. 224"
    assert R.FILING_STANDARD_69.zh().endswith("（公通字〔2022〕12号）第六十九条")
    assert "(Gong Tong Zi [2022] No. 12), Art. 69" in R.FILING_STANDARD_69.en()
    assert R.FRAUD_INTERPRETATION_1.zh().endswith("（法释〔2011〕7号）第一条")
    assert R.ECONOMIC_CRIME_15.en().endswith("(Gong Tong Zi [2017] No. 25), Art. 15")
    assert R.MPS_RULES_178_179.zh() == "《公安机关办理刑事案件程序规定》（2020年修正）第一百七十八条至第一百七十九条"
    assert R.MPS_RULES_178_179.en().endswith("(2020 amendment), Arts. 178–179")
    assert R.CPL_110.zh() == "《中华人民共和国刑事诉讼法》（2018年修正）第一百一十条"
    assert R.HK_THEFT_16A.en() == "Theft Ordinance (Cap. 210), s.16A"
    assert R.US_FCBA_1666.en() == "15 U.S.C. § 1666"
    assert R.UK_CCA_75.en() == "Consumer Credit Act 1974, s.75"


@pytest.mark.parametrize("n,zh", [(1, "一"), (10, "十"), (15, "十五"), (69, "六十九"), (105, "一百零五"),
                                  (110, "一百一十"), (113, "一百一十三"), (224, "二百二十四"), (1001, "一千零一")])
def test_zh_article_numbers(n, zh):
    assert R.zh_number(n) == zh


def test_unknown_law_is_refused():
    with pytest.raises(ValueError):
        R.Citation("no_such_law", None, "1")


# --- the rule table -------------------------------------------------------------------

def test_rule_table_is_complete_and_marked():
    assert len(R.RULES) == len(R.RULES_BY_ID)
    for rule in R.RULES:
        assert rule.confidence in ("C", "S", "R")
        # every row is worded in every bundled catalogue, and the wordings are not empty
        assert rule.source and en(rule) and zh(rule)
        assert rule.key in bundled("zh-Hant")


# What a user reads names laws and rules, never a file of the project.
INTERNAL = ("domain.md", "DESIGN.md", "case-format.md", "pitfall")


def test_every_rule_rests_on_cited_grounds_in_every_language():
    for rule in R.RULES:
        assert rule.basis, rule.id
        for lang in ("en", "zh", "zh-Hant"):
            text = rule.grounds.word(bundled(lang))
            assert text and not any(mark in text for mark in INTERNAL), (rule.id, lang, text)
        assert not any(mark in en(rule) + zh(rule) for mark in INTERNAL), rule.id
    # A law is printed with its version next to the article.
    assert R.RULES_BY_ID["police.refusal_notice"].grounds.word(bundled("en")) == (
        "Provisions on the Procedures for Handling Criminal Cases by Public Security Organs (2020 amendment), Art. 178")


def test_functions_name_only_rules_in_the_table():
    case = make(order={"trade_assurance": True})
    findings = [R.fcba(case, case.payments[0]), R.section75(case, case.payments[0]), R.trade_assurance(case)]
    ids = [i for f in findings for i in f.rules]
    ids += list(R.chargeback_window(case, case.payments[0]).rules) + list(R.police_route(case).rules)
    ids += [s.rule for s in R.police_deadlines(TXN)]
    for i in ids:
        assert i in R.RULES_BY_ID


# --- thresholds -------------------------------------------------------------------------

@pytest.mark.parametrize("amount,reached", [("19999.99", False), ("20000.00", True), ("20000.01", True)])
def test_art224_threshold_boundary(amount, reached):
    case = make(claim={"amount": Decimal(amount), "currency": "CNY"})
    assert R.loss_check(case).art224_reached is reached
    assert R.ART224_THRESHOLD_CNY == Decimal("20000")


def test_loss_converted_at_the_case_rate():
    case = make(claim={"amount": Decimal("2817.00"), "currency": "USD", "cny_rate": Decimal("7.10")})
    loss = R.loss_check(case)
    assert loss.amount_cny == Decimal("20000.70") and loss.art224_reached


def test_loss_without_rate_says_the_rate_is_needed():
    loss = R.loss_check(make())
    assert loss.amount_cny is None and loss.art224_reached is None and loss.art266_reached is None
    assert loss.note == Reason("rules.police.loss.no_rate", currency="USD")
    assert "claim.cny_rate" in en(loss.note) and "claim.cny_rate" in zh(loss.note)


@pytest.mark.parametrize("province,amount,conf,provincial", [
    ("云南省", "5000", "C", True), ("重庆市", "5000", "C", True), ("江苏省", "6000", "S", True),
    ("江苏", "6000", "S", True), ("广东省", "10000", "C", False), (None, "10000", "C", False)])
def test_art266_threshold(province, amount, conf, provincial):
    t = R.art266_threshold(province)
    assert (t.amount, t.confidence, t.provincial) == (Decimal(amount), conf, provincial)


def test_art266_compared_at_the_provincial_figure():
    case = make(supplier={"province_zh": "云南省", "city_zh": "昆明市", "district_zh": "五华区"},
                claim={"amount": Decimal("5000.00"), "currency": "CNY"})
    assert R.loss_check(case).art266_reached is True
    lower = replace(case, claim=replace(case.claim, amount=Decimal("4999.99")))
    assert R.loss_check(lower).art266_reached is False


# --- chargeback reasons -----------------------------------------------------------------

@pytest.mark.parametrize("network,kind,code", [
    ("visa", "not_delivered", "13.1"), ("visa", "partial_delivery", "13.1"),
    ("visa", "junk_delivered", "13.3"), ("visa", "not_as_described", "13.3"),
    ("visa", "counterfeit", "13.4"),
    ("mastercard", "not_delivered", "4853"), ("mastercard", "counterfeit", "4853"),
    ("mastercard", "junk_delivered", "4853"),
    ("amex", "not_delivered", None), ("unionpay", "counterfeit", None), ("discover", "junk_delivered", None),
    ("jcb", "partial_delivery", None)])
def test_reason_codes_never_fraud_codes(network, kind, code):
    reason = R.chargeback_reason(network, kind)
    assert reason.code == code
    assert reason.code not in ("10.4", "4837")
    assert reason.requirements and all(en(r) and zh(r) for r in reason.requirements)
    assert en(reason).startswith(code or "") and zh(reason).startswith(code or "")
    assert "[" in reason.source


def test_visa_misrepresentation_offered_where_relevant():
    assert [r.code for r in R.alternative_reasons("visa", "junk_delivered")] == ["13.5"]
    assert R.alternative_reasons("visa", "not_delivered") == ()
    assert R.alternative_reasons("mastercard", "junk_delivered") == ()


# --- chargeback windows -----------------------------------------------------------------

def test_window_day_120_open_day_121_missed():
    case = make()
    w = R.chargeback_window(case, case.payments[0])
    assert w.latest == TXN + dt.timedelta(days=120)
    assert w.status(TXN + dt.timedelta(days=120)) == "open"
    assert w.status(TXN + dt.timedelta(days=121)) == "missed"


def test_window_runs_from_expected_delivery_when_later():
    expected = TXN + dt.timedelta(days=50)
    case = make(order={"promised_delivery_date": expected})
    w = R.chargeback_window(case, case.payments[0])
    assert w.start == expected and w.latest == expected + dt.timedelta(days=120)
    assert w.earliest == expected + dt.timedelta(days=1)
    earlier = make(order={"promised_delivery_date": TXN - dt.timedelta(days=1)})
    assert R.chargeback_window(earlier, earlier.payments[0]).start == TXN


def test_window_never_beyond_540_days():
    case = make(order={"promised_delivery_date": TXN + dt.timedelta(days=500)})
    w = R.chargeback_window(case, case.payments[0])
    assert w.cap == TXN + dt.timedelta(days=540)
    assert w.latest == w.cap
    assert w.status(w.cap) == "open" and w.status(w.cap + dt.timedelta(days=1)) == "missed"


def test_visa_waits_15_days_without_delivery_date():
    case = make()
    w = R.chargeback_window(case, case.payments[0])
    assert w.earliest == TXN + dt.timedelta(days=15)
    assert w.status(TXN + dt.timedelta(days=14)) == "not_yet"
    assert w.status(TXN + dt.timedelta(days=15)) == "open"


def test_mastercard_waits_30_days_unless_merchant_unreachable():
    case = make(payment=card_payment("mastercard"))
    w = R.chargeback_window(case, case.payments[0])
    assert w.earliest == TXN + dt.timedelta(days=30)
    assert w.status(TXN + dt.timedelta(days=29)) == "not_yet"
    gone = make(payment=card_payment("mastercard"), outcome={"seller_unreachable": True})
    assert R.chargeback_window(gone, gone.payments[0]).earliest is None
    basis = R.chargeback_window(gone, gone.payments[0]).basis
    assert Reason("rules.chargeback.window.mastercard_waived", days=30) in basis
    assert "waived" in en(Sentences(basis))


def test_visa_13_3_return_wait_is_stated_not_invented():
    case = make(outcome={"kind": "junk_delivered", "delivered_on": TXN + dt.timedelta(days=40)})
    w = R.chargeback_window(case, case.payments[0])
    assert w.reason.code == "13.3" and w.earliest is None
    assert "no return date" in en(Sentences(w.basis))
    # goods received: the 120 days run from receipt (Visa 13.3: processing date or receipt);
    # the earliest reading, from the processing date, is kept beside it
    assert w.start == TXN + dt.timedelta(days=40) and w.latest == TXN + dt.timedelta(days=160)
    assert w.conservative == TXN + dt.timedelta(days=120) and "chargeback.processing_date" in w.rules


def test_counterfeit_counts_from_receipt():
    received = TXN + dt.timedelta(days=60)
    case = make(outcome={"kind": "counterfeit", "delivered_on": received})
    w = R.chargeback_window(case, case.payments[0])
    assert w.start == received and w.latest == received + dt.timedelta(days=120)


@pytest.mark.parametrize("network", ["visa", "mastercard"])
def test_goods_received_before_the_expected_day_count_from_receipt(network):
    # received on day 80, expected on day 83: the window runs from receipt, the earlier day
    received, expected = TXN + dt.timedelta(days=80), TXN + dt.timedelta(days=83)
    case = make(payment=card_payment(network), order={"promised_delivery_date": expected},
                outcome={"kind": "junk_delivered", "delivered_on": received})
    w = R.chargeback_window(case, case.payments[0])
    assert w.start == received and w.latest == received + dt.timedelta(days=120)
    assert w.conservative == TXN + dt.timedelta(days=120)


def test_goods_not_received_count_from_the_expected_delivery():
    expected = TXN + dt.timedelta(days=30)
    case = make(order={"promised_delivery_date": expected}, outcome={"kind": "not_delivered"})
    w = R.chargeback_window(case, case.payments[0])
    assert w.start == expected and w.latest == expected + dt.timedelta(days=120)
    assert w.conservative == TXN + dt.timedelta(days=120)
    # a window that starts at the transaction has no separate earliest reading
    plain = make(outcome={"kind": "not_delivered"})
    assert R.chargeback_window(plain, plain.payments[0]).conservative is None


def test_window_needs_a_card_payment():
    wire = Payment(date=TXN, amount=Decimal("1"), currency="USD", method="wire")
    with pytest.raises(ValueError):
        R.chargeback_window(make(payments=(wire,)), wire)


# --- FCBA -------------------------------------------------------------------------------

def test_fcba_60_days_after_statement():
    stmt = D(2026, 3, 10)
    case = make(payment=card_payment(statement_date=stmt))
    f = R.fcba(case, case.payments[0])
    assert f.applies is True and f.deadline == stmt + dt.timedelta(days=60)
    assert f.status(stmt + dt.timedelta(days=60)) == "open"
    assert f.status(stmt + dt.timedelta(days=61)) == "missed"


def test_fcba_needs_statement_date():
    case = make()
    f = R.fcba(case, case.payments[0])
    assert f.applies is True and f.deadline is None
    assert any("statement_date" in w for w in say_all(f.why, bundled("en")))


@pytest.mark.parametrize("card,country,applies", [
    ({"consumer": False}, "US", False), ({"credit": False}, "US", False), ({}, "GB", False),
    ({"consumer": True, "credit": True}, "US", True)])
def test_fcba_consumer_credit_in_us_only(card, country, applies):
    case = make(payment=card_payment(**card), client={"country": country})
    assert R.fcba(case, case.payments[0]).applies is applies


# --- Section 75 -------------------------------------------------------------------------

def gb_case(total: str, currency: str = "GBP", **card) -> Case:
    c = make(payment=card_payment(**card), order={})
    return replace(c, client=replace(c.client, country="GB"),
                   order=replace(c.order, total=Decimal(total), currency=currency))


@pytest.mark.parametrize("total,applies", [("99.99", False), ("100.00", False), ("100.01", True),
                                           ("30000.00", True), ("30000.01", False), ("30001.00", False)])
def test_s75_price_band(total, applies):
    case = gb_case(total)
    assert R.section75(case, case.payments[0]).applies is applies


def test_s75_other_currency_cannot_be_checked():
    case = gb_case("5000", "USD")
    f = R.section75(case, case.payments[0])
    assert f.applies is None and f.status(TXN) == "unknown"
    assert any("cannot be checked" in w for w in say_all(f.why, bundled("en")))


@pytest.mark.parametrize("card", [{"credit": False}, {"consumer": False}])
def test_s75_not_for_debit_or_business_cards(card):
    case = gb_case("5000", **card)
    assert R.section75(case, case.payments[0]).applies is False


def test_s75_not_for_a_wire_or_outside_gb():
    case = gb_case("5000")
    wire = Payment(date=TXN, amount=Decimal("5000"), currency="GBP", method="wire")
    assert R.section75(case, wire).applies is False
    us = make(payment=card_payment())
    assert R.section75(us, us.payments[0]).applies is False


def test_s75_says_it_used_the_order_total():
    case = gb_case("5000")
    assert any("order total" in w for w in say_all(R.section75(case, case.payments[0]).why, bundled("en")))


# --- Trade Assurance --------------------------------------------------------------------

def ta_case(method="trade_assurance", via=None, confirmed=None, ta=True) -> Case:
    pay = Payment(date=TXN, amount=Decimal("5000"), currency="USD", method=method, via_platform=via)
    return make(payments=(pay,), order={"trade_assurance": ta}, outcome={"receipt_confirmed_on": confirmed})


def test_ta_window_30_days_after_confirmed_receipt():
    confirmed = D(2026, 4, 1)
    f = R.trade_assurance(ta_case(confirmed=confirmed))
    assert f.deadline == confirmed + dt.timedelta(days=30)
    assert f.status(confirmed + dt.timedelta(days=30)) == "open"
    assert f.status(confirmed + dt.timedelta(days=31)) == "missed"


def test_ta_open_before_receipt_is_confirmed():
    f = R.trade_assurance(ta_case())
    assert f.applies is True and f.deadline is None


@pytest.mark.parametrize("method,via,applies", [
    ("trade_assurance", None, True), ("wire", True, True), ("wire", None, False), ("wire", False, False),
    ("card", True, True)])
def test_ta_only_through_the_platform(method, via, applies):
    assert R.trade_assurance(ta_case(method, via)).applies is applies


def test_ta_not_used():
    assert R.trade_assurance(ta_case(ta=False)).applies is False


# --- police -----------------------------------------------------------------------------

@pytest.mark.parametrize("province,city,district,bureau", [
    ("广东省", "深圳市", "宝安区", "深圳市公安局宝安区分局"),
    ("河北省", "保定市", "安新县", "安新县公安局"),
    ("浙江省", "金华市", "义乌市", "义乌市公安局"),
    ("北京市", "北京市", "朝阳区", "北京市公安局朝阳分局"),
    ("上海市", "上海市", "浦东新区", "上海市公安局浦东新分局"),
    ("天津市", "天津市", "滨海新区", "天津市公安局滨海新分局"),
    ("重庆市", "重庆市", "城口县", "重庆市城口县公安局"),
    ("内蒙古自治区", "呼伦贝尔市", "鄂温克族自治旗", "鄂温克族自治旗公安局"),
])
def test_bureau_names(province, city, district, bureau):
    name, unit = R.mainland_bureau(province, city, district)
    assert name == bureau and unit == "经济犯罪侦查大队"


def test_police_route_mainland_says_name_must_be_checked():
    route = R.police_route(make())
    assert route.body(bundled("zh")) == "深圳市公安局宝安区分局" and route.unit_name(bundled("zh")) == "经济犯罪侦查大队"
    assert route.confidence == "R" and "check the exact name" in en(route.note)
    assert R.CRIMINAL_LAW_224 in route.citations


def test_police_route_hong_kong_and_other():
    hk = make(supplier={"region": "hong_kong"})
    route = R.police_route(hk)
    assert route.body(bundled("en")) == "Hong Kong Police Force"
    assert route.citations == (R.HK_THEFT_16A, R.HK_THEFT_17)
    other = R.police_route(make(supplier={"region": "other"}))
    assert other.body(bundled("zh")) is None and other.citations == ()


def test_police_route_missing_district_is_a_located_error():
    case = make(supplier={"district_zh": None})
    with pytest.raises(CaseError) as err:
        R.police_route(case)
    assert err.value.location.path == "supplier.district_zh"


def test_police_deadlines():
    report = D(2026, 12, 1)
    steps = {s.id: s for s in R.police_deadlines(report, refusal_received=D(2026, 12, 20))}
    assert steps["police.decision"].date == D(2026, 12, 8)
    assert steps["police.decision_extended"].date == D(2026, 12, 31)
    assert steps["police.decision_further"].date == D(2027, 1, 30)
    assert steps["police.refusal_notice"].days == 3 and steps["police.refusal_notice"].date is None
    assert steps["police.reconsideration"].date == D(2026, 12, 27)
    assert steps["police.review"].days == 7
    assert steps["police.supervision"].citation == R.CPL_113
    undated = R.police_deadlines(None)
    assert all(s.date is None for s in undated)


# --- reasons: keys with facts, worded per language ---------------------------------------

def test_a_reason_words_its_facts_for_the_language():
    note = Reason("rules.police.loss.known", amount=Figure(Decimal("177500"), 2),
                  art224=Reason("rules.police.loss.reaches"), art266=Reason("rules.police.loss.reaches"),
                  threshold=Figure(Decimal("10000"), 0), basis=Reason("rules.police.art266.national"))
    assert en(note).startswith("Loss RMB 177,500.00: reaches the RMB 20,000 contract-fraud threshold; "
                               "reaches RMB 10,000 for fraud (each province")
    assert zh(note).startswith("损失人民币177,500.00元：达到合同诈骗罪二万元立案标准；达到诈骗罪10,000元标准（各省")
    assert say(note, bundled("zh-Hant")).startswith("損失人民幣177,500.00元")
    # money and dates through restitution.formatting (never an ISO date in a Chinese sentence),
    # lists with the language's words
    assert en(Money(Decimal("250"), "GBP")) == "GBP 250.00" and zh(Money(Decimal("250"), "GBP")) == "250.00英镑"
    assert en(D(2026, 8, 20)) == "20 August 2026" and zh(D(2026, 11, 1)) == "2026年11月1日"
    assert zh(Reason("plan.steps.conservative_passed", date=D(2026, 11, 1))) == (
        "按交易处理日起算的120日已于2026年11月1日届满；请立即向发卡行提出。")
    signs = Series((Reason("plan.sign.fake_address"), Reason("plan.sign.shipped_junk"), Reason("plan.sign.refused_escrow")))
    assert en(signs) == ("gave a false address, shipped low-value goods in place of the order and refused "
                         "escrow or platform payment")
    assert zh(signs) == "所留地址虚假、以低值货物冒充订货发运、拒绝使用第三方托管或平台支付"
    assert en(Sentences((Reason("plan.route.card_right.no_card"),) * 2)).count(". No") == 1
    assert Reason("rules.ta.uncovered", count=2) == Reason("rules.ta.uncovered", count=2)
    with pytest.raises(TypeError):
        en(True)


def test_every_reason_the_rules_give_is_worded_in_every_language():
    cases = [make(payment=card_payment(net, consumer=c, statement_date=s),
                  outcome={"kind": kind, "seller_unreachable": gone},
                  order={"promised_delivery_date": promised})
             for net in ("visa", "mastercard", "amex", "unionpay") for kind in R.chargeback.NOT_RECEIVED | {"counterfeit", "junk_delivered"}
             for c in (None, False) for s in (None, TXN) for gone in (True, False) for promised in (None, TXN + dt.timedelta(days=20))]
    catalogues = [bundled(code) for code in ("en", "zh", "zh-Hant")]
    seen = set()
    for case in cases:
        p = case.payments[0]
        w = R.chargeback_window(case, p)
        findings = [R.fcba(case, p), R.section75(replace(case, client=replace(case.client, country="GB")), p),
                    R.trade_assurance(case), R.payment_app_dispute(p)]
        values = [*w.basis, w.reason, R.loss_check(case).note, R.police_route(case).note]
        for f in findings:
            values += [*f.why, *f.needs] + ([f.deadline_rule] if f.deadline_rule else [])
        for value in values:
            for words in catalogues:
                assert say(value, words)
            seen.add(getattr(value, "key", None))
    assert len(seen) > 25


def test_police_deadline_notes_come_from_the_rule():
    from restitution.documents.case_notes import deadline_notes

    filed = D(2026, 11, 20)
    steps = {s.id: s for s in R.police_deadlines(filed)}
    decision, extended = steps["police.decision"], steps["police.decision_extended"]
    en_notes, zh_notes = deadline_notes(bundled("en"), filed), deadline_notes(bundled("zh"), filed)
    assert f"within {decision.days} days" in en_notes[0] and f"{extended.days} days for a complex lead" in en_notes[0]
    assert "the first deadline is 27 November 2026" in en_notes[0] and decision.date == D(2026, 11, 27)
    assert "最早的决定期限为2026年11月27日" in zh_notes[0]
    assert f"{steps['police.reconsideration'].days}日内可向原机关申请复议" in zh_notes[1]
    assert en(steps["police.supervision"].citation) in en_notes[1]


def test_a_firm_catalogue_rewords_a_citation_and_a_rule(tmp_path):
    from restitution.language.catalogue import catalogue
    from restitution.pipeline.templating import bundled_templates

    (tmp_path / "en" / "phrases").mkdir(parents=True)
    (tmp_path / "en" / "phrases" / "citations.yaml").write_text(
        'law:\n  criminal_law:\n    name: "PRC Criminal Law"\n', encoding="utf-8")
    (tmp_path / "en" / "phrases" / "rules.yaml").write_text(
        'table:\n  ta:\n    window_30: "Claim within 30 days of confirmed receipt."\n', encoding="utf-8")
    words = catalogue("en", [tmp_path, bundled_templates()])
    assert R.CRIMINAL_LAW_224.word(words) == "PRC Criminal Law (as amended 2023), Art. 224"
    assert R.rule("ta.window_30").word(words) == "Claim within 30 days of confirmed receipt."
    assert R.rule("ta.coverage").word(words) == en(R.rule("ta.coverage"))  # other keys stay bundled


def test_bundled_rule_catalogues_agree():
    assert compare(bundled("en"), bundled("zh")) == []


def test_templates_and_catalogues_cite_each_law_in_the_one_form_of_rules_citations():
    """No short or stale form of a law the toolkit cites (the form is rules/citations.py's, worded by
    citations.yaml): the Criminal Law with its 2023 amendment, the Provisions on economic crime
    cases with 公通字〔2017〕25号, the Civil Code by its full name."""
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parents[1] / "templates"
    assert R.CRIMINAL_LAW_224.zh().startswith("《中华人民共和国刑法》（2023年修正）")
    assert "（公通字〔2017〕25号）" in R.ECONOMIC_CRIME_15.zh()
    stale = re.compile(r"1997年修订|《刑法》|(?<![》」])刑法第|《民法典》|经济犯罪案件的若干规定》（(?!公通字)"
                       r"|Criminal Law Art\.|\(1997\)")
    comments = re.compile(r"\{#.*?#\}|^\s*#.*$", re.S | re.M)  # notes to the maintainer are not cited
    found = [f"{p.relative_to(root)}: {m.group(0)}" for p in sorted(root.rglob("*")) if p.suffix in (".j2", ".yaml")
             for m in stale.finditer(comments.sub("", p.read_text(encoding="utf-8")))]
    assert not found, found
