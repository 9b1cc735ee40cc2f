"""The accounts a police report asks to freeze: those that received the money, found from the payments."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

from factories import make_case

from restitution.case import model as m
from restitution.document import document_text
from restitution.pipeline.render import render_document

DATE = dt.date(2026, 11, 20)


def text(case: m.Case, lang: str) -> str:
    return document_text(render_document(case, "police_report", lang, DATE))


ACCOUNT = m.BankAccount(account="6222 0000 0000 0000", holder="Shenzhen Glory Tech Co., Ltd.",
                        bank="Example Bank Shenzhen Branch")


def with_account(case: m.Case, to_account: str | None) -> m.Case:
    """The supplier's bank account on file; the wire sent to `to_account`."""
    supplier = dataclasses.replace(case.supplier, bank_accounts=(ACCOUNT,))
    pays = tuple(dataclasses.replace(p, to_account=to_account) if p.method == "wire" else p for p in case.payments)
    return dataclasses.replace(case, supplier=supplier, payments=pays)


def paid_by_paypal_and_card() -> m.Case:
    """The supplier gave a bank account, but the money went by PayPal and by card (no transfer)."""
    case = with_account(make_case(), None)
    pays = (m.Payment(date=dt.date(2026, 6, 5), amount=D("7500.00"), currency="USD", method="paypal",
                      reference="7HX24519LM0098236"),
            m.Payment(date=dt.date(2026, 7, 20), amount=D("17500.00"), currency="USD", method="card",
                      card=m.Card(network="mastercard", last4="5117", issuer="Example Bank",
                                  statement_date=dt.date(2026, 8, 1)),
                      merchant_descriptor="YW JINLAN SPORT"))
    return dataclasses.replace(case, payments=pays)


def test_the_freeze_list_names_the_paypal_account_and_the_card_merchant_not_an_unpaid_bank_account():
    zh, en = text(paid_by_paypal_and_card(), "zh"), text(paid_by_paypal_and_card(), "en")
    block = zh[zh.index("收取涉案款项的账户："):zh.index("相关责任人员")]
    assert "PayPal付款（交易号：7HX24519LM0098236）的收款账户（报案人于2026年6月5日支付7,500.00美元）" in block
    assert "万事达卡（尾号5117）付款的收款商户（信用卡账单所载商户名称：YW JINLAN SPORT）" in block
    assert "6222 0000 0000 0000" not in zh  # the bank account no payment went into
    assert "the account that received the PayPal payment 7HX24519LM0098236" in en
    assert "merchant name on the card statement: YW JINLAN SPORT" in en


def test_a_bank_account_a_transfer_went_into_is_listed_with_the_transfer():
    zh = text(with_account(make_case(), "62220000 00000000"), "zh")
    block = zh[zh.index("收取涉案款项的账户："):zh.index("相关责任人员")]
    assert "账号：6222 0000 0000 0000（报案人于2026年6月5日汇入7,500.00美元）" in block


def test_an_unplaced_transfer_keeps_the_suppliers_bank_account_listed():
    zh = text(with_account(make_case(), None), "zh")
    assert "账号：6222 0000 0000 0000" in zh[zh.index("收取涉案款项的账户："):zh.index("相关责任人员")]


def test_a_payment_into_the_platform_names_no_account_of_the_suppliers():
    case = paid_by_paypal_and_card()
    case = dataclasses.replace(case, payments=tuple(
        dataclasses.replace(p, via_platform=True) if p.method == "card" else p for p in case.payments))
    assert "YW JINLAN SPORT）（报案人" not in text(case, "zh")


def personal_payee(holder: str, holder_zh: str, fact_zh: str | None = None, fact_en: str = "", **role: str) -> m.Case:
    case = make_case()
    account = m.BankAccount(account="6217 0000 1234", holder=holder, holder_zh=holder_zh, bank="Example Bank", **role)
    pays = tuple(dataclasses.replace(p, to_account="6217 0000 1234") if p.method == "wire" else p
                 for p in case.payments)
    facts = case.facts + ((m.Fact(date=dt.date(2026, 6, 1), text=fact_en, text_zh=fact_zh),) if fact_en else ())
    return dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, bank_accounts=(account,)),
                               payments=pays, facts=facts)


def test_a_personal_payee_is_named_for_investigation_with_the_role_the_supplier_gave_them():
    case = personal_payee("CHEN XIAOLI", "陈晓丽", '供应商指定以其所称"财务经理"陈晓丽的个人账户收款。',
                          "The supplier named the personal account of Chen Xiaoli, whom he called the finance manager.",
                          holder_role="finance manager", holder_role_zh="财务经理")
    zh, en = text(case, "zh"), text(case, "en")
    people = zh[zh.index("相关责任人员："):zh.index("报案人一并对上述人员报案")]
    assert "陈晓丽（CHEN XIAOLI），涉案收款账户户名人，被报案人称其为“财务经理”，其是否参与本案，请贵局依法查明" in people
    assert 'the reported party called them its "finance manager"; whether they took part' in en
    # no role declared (a fact quoting one is only a warning): named as the holder, for the bureau to establish
    for bare in (text(personal_payee("CHEN XIAOLI", "陈晓丽"), "zh"),
                 text(personal_payee("CHEN XIAOLI", "陈晓丽", '供应商指定以其所称"财务经理"陈晓丽的个人账户收款。',
                                     "The supplier named the personal account of Chen Xiaoli."), "zh")):
        assert "陈晓丽（CHEN XIAOLI），涉案收款账户户名人，其是否参与本案，请贵局依法查明" in bare


def test_a_company_payee_is_not_listed_as_a_person():
    zh = text(personal_payee("Shenzhen Example Supply Chain Co., Ltd.", "深圳市示例供应链有限公司"), "zh")
    assert "涉案收款账户户名人" not in zh


def test_an_app_or_card_payment_with_no_account_or_reference_is_asked_for_not_left_out_nor_invented():
    """Lawyer's review s21 (second pass): every payment reaches the freeze request (查询、冻结)."""
    base = make_case()
    card = base.payments[1]
    pays = (m.Payment(date=dt.date(2026, 6, 5), amount=D("7500.00"), currency="USD", method="paypal"),
            dataclasses.replace(card, reference=None, merchant_descriptor=None, to_account=None))
    case = dataclasses.replace(base, payments=pays)
    zh, en = text(case, "zh"), text(case, "en")
    assert "PayPal付款的收款账户（收款账户及交易号不详，请贵局向PayPal调取）（报案人于2026年6月5日支付7,500.00美元）" in zh
    assert "付款的收款商户（商户名称及交易号不详，请贵局通过发卡机构First Example Bank调取）（报案人于2026年7月20日支付17,500.00美元）" in zh
    assert "obtain them from PayPal" in en
    named = dataclasses.replace(case, payments=(dataclasses.replace(pays[0], payee_name="JINLAN SPORT"), pays[1]))
    assert ("PayPal付款的收款账户（PayPal显示的收款方名称：JINLAN SPORT；收款账户及交易号不详，请贵局向PayPal调取）"
            "（报案人于2026年6月5日支付7,500.00美元）") in text(named, "zh")
    assert "6222 0000 0000 0000" not in zh.split("相关责任人员")[0].split("收取涉案款项的账户")[1]  # no payment went there


def test_money_paid_into_persons_accounts_is_described_as_such_with_the_payment_institution():
    from factories import paid_to_persons

    case = paid_to_persons()
    zh, en = text(case, "zh"), text(case, "en")
    assert ("报案人按被报案人的指示，分别向陈佳琪个人微信支付账户及被报案人法定代表人张三个人支付宝账户付款，"
            "而非向被报案人对公账户付款，明细如下：") in zh
    assert "报案人已向被报案人付款如下" not in zh
    assert ("The reporter paid, at the reported party's direction, into the personal WeChat Pay account of Chen Jiaqi "
            "and the personal Alipay account of Zhang San (the reported party's legal representative) respectively, "
            "not into the reported party's own company account, as follows:") in en
    # an app's account is held with a payment institution, where the bureau sends its query: not a bank
    assert "户名：陈佳琪；支付机构：财付通支付科技有限公司（微信支付）；账号：wxid_cjq8812" in zh
    assert "户名：张三；支付机构：支付宝（中国）网络技术有限公司；账号：159****7731" in zh
    assert "开户行：微信支付个人账户" not in zh and "开户行：支付宝个人账户" not in zh
    assert "payment institution Tenpay Payment Technology Co., Ltd. (WeChat Pay)" in en
    # the legal representative's own account: his personal account, not "someone other than the supplier"
    assert "账号为159****7731的收款账户系被报案人法定代表人张三的个人账户，并非被报案人对公账户" in zh
    assert "指定报案人将货款汇入其法定代表人张三的个人账户，而非被报案人对公账户，公私账户混用" in zh
    assert "汇入张三名下的账户，而该账户持有人并非与报案人订立合同的一方" not in zh
    # the wife's wallet keeps the third-party wording
    assert "指定报案人将货款汇入陈佳琪名下的账户" in zh


def test_only_the_part_paid_to_a_person_is_said_to_bypass_the_company_account():
    from factories import paid_to_persons

    case = paid_to_persons()
    own = dataclasses.replace(case.payments[1], to_account="6222000011112222", method="wire")
    mixed = dataclasses.replace(case, payments=(case.payments[0], own), supplier=dataclasses.replace(
        case.supplier, bank_accounts=case.supplier.bank_accounts[:1] + (
            m.BankAccount(holder_zh=case.supplier.name_zh, bank_zh="中国银行义乌分行", account="6222000011112222"),)))
    zh = text(mixed, "zh")
    assert ("报案人已向被报案人付款如下（其中，报案人按被报案人的指示，向陈佳琪个人微信支付账户付款，"
            "而非向被报案人对公账户付款）：") in zh
    assert "开户行：中国银行义乌分行" in zh


def through_the_platform(case: m.Case, order_id: str | None = "2100456789012345") -> m.Case:
    """The card payment made on the platform's order (collected by the platform)."""
    return dataclasses.replace(
        case, order=dataclasses.replace(case.order, platform_order_id=order_id),
        payments=tuple(dataclasses.replace(p, via_platform=True) if p.method == "card" else p
                       for p in case.payments))


def test_a_card_payment_through_the_platform_is_listed_for_the_operator_to_trace():
    case = through_the_platform(paid_by_paypal_and_card())
    zh, en = text(case, "zh"), text(case, "en")
    block = zh[zh.index("收取涉案款项的账户："):zh.index("相关责任人员")]
    assert ("经阿里巴巴国际站订单（平台订单号：2100456789012345）以万事达卡（尾号5117）付款的收款方（账单商户名称："
            "YW JINLAN SPORT；款项由平台收取，其结算去向请贵局向平台运营方调取）（报案人于2026年7月20日支付17,500.00美元）"
            ) in block
    assert ("the payee of the payment by Mastercard card ending 5117 through the Alibaba.com order 2100456789012345 "
            "(statement merchant name: YW JINLAN SPORT; collected by the platform; the bureau is asked to obtain "
            "from the platform operator where it was settled) (the reporter paid it USD 17,500.00 on 20 July 2026)") in en


def test_a_trade_assurance_payment_is_listed_by_its_order_without_repeating_the_service():
    case = make_case()
    case = dataclasses.replace(case, order=dataclasses.replace(case.order, platform_order_id=None), payments=(
        dataclasses.replace(case.payments[0], method="trade_assurance", reference="TA-88120", to_account=None),))
    block = text(case, "zh")
    block = block[block.index("收取涉案款项的账户："):block.index("相关责任人员")]
    assert "经阿里巴巴国际站订单付款的收款方（交易号：TA-88120；款项由平台收取" in block
    assert "信用保障付款" not in block


def test_a_transfer_collected_by_the_platform_does_not_keep_an_unpaid_bank_account_listed():
    case = with_account(make_case(), None)
    case = dataclasses.replace(case, payments=tuple(dataclasses.replace(p, via_platform=True) for p in case.payments))
    zh = text(case, "zh")
    block = zh[zh.index("收取涉案款项的账户："):zh.index("相关责任人员")]
    assert "6222 0000 0000 0000" not in block
    assert "以电汇付款的收款方" in block


def test_a_transfer_with_no_account_anywhere_is_still_listed_for_the_bureau_to_obtain():
    case = make_case()
    case = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, bank_accounts=()),
                               payments=tuple(dataclasses.replace(p, to_account=None, via_platform=False)
                                              for p in case.payments))
    zh = text(case, "zh")
    block = zh[zh.index("收取涉案款项的账户："):zh.index("相关责任人员")]
    for p in case.payments:
        assert f"报案人于{p.date.year}年{p.date.month}月{p.date.day}日支付" in block
    assert "案件材料未载明，请贵局依法调取" in block
