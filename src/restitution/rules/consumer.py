"""Statutory card rights of the buyer's own country: US FCBA and UK s.75 (domain.md §E).

Both are consumer rights: a card marked ``consumer: false`` (business card)
or ``credit: false`` (debit card) has neither; an unmarked card is taken to
qualify and the finding says what to confirm.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Payment
from restitution.rules.citations import UK_CCA_75, US_FCBA_1666
from restitution.rules.finding import Finding

FCBA_NOTICE_DAYS = 60
S75_FLOOR_GBP = Decimal("100")  # the price must be over this
S75_CEILING_GBP = Decimal("30000")  # and not more than this


def _not_card(method: str, what_en: str, what_zh: str, rule_ids: tuple[str, ...]) -> Finding:
    return Finding(False, (f"{what_en} applies to card payments; this payment was made by {method}.",),
                   (f"{what_zh}仅适用于银行卡付款；本笔付款方式为{method}。",), rules=rule_ids)


def fcba(case: Case, payment: Payment) -> Finding:
    """US Fair Credit Billing Act billing-error notice for one card payment."""
    ids = ("fcba.notice_60", "fcba.consumer_only")
    if payment.card is None:
        return _not_card(payment.method, "The FCBA", "《公平信用结算法》", ids)
    card = payment.card
    if case.client.country != "US":
        return Finding(False, ("The FCBA is a US consumer right; the client is not in the US.",),
                       ("该法为美国消费者权利；委托人不在美国。",), rules=ids)
    if card.consumer is False:
        return Finding(False, ("A business or corporate card has no FCBA billing-error right; only the "
                               "network rules and the cardholder agreement apply.",),
                       ("商务卡或公司卡不享有该法规定的账单错误权利，仅适用卡组织规则及持卡人协议。",), rules=ids)
    if card.credit is False:
        return Finding(False, ("A debit card falls under Regulation E, not the FCBA [S].",),
                       ("借记卡适用E条例，不适用该法（待核）。",), rules=ids)
    why_en = ["Non-delivery or goods not delivered as agreed is a billing error; the written notice "
              "must reach the creditor's billing-error address within 60 days after the statement "
              "that first showed the charge."]
    why_zh = ["未交货或未按约定交货属于账单错误；书面通知须在首次列示该笔款项的账单寄出后60日内送达发卡机构的账单错误通知地址。"]
    if card.consumer is None:
        why_en.append("The case does not say whether this is a consumer card: the right exists only "
                      "on a consumer card.")
        why_zh.append("案件未说明该卡是否为个人消费卡；仅个人消费卡享有该权利。")
    needs_en = ("a written notice to the billing-error address (certified mail, return receipt)",
                "the account number, the amount and why it is an error")
    needs_zh = ("寄往账单错误通知地址的书面通知（挂号信并要求回执）", "账号、金额及错误理由")
    if card.statement_date is None:
        return Finding(True, tuple(why_en) + ("The statement date is missing: add "
                                              "payments[].card.statement_date to compute the deadline.",),
                       tuple(why_zh) + ("缺少账单日期，请补充payments[].card.statement_date以计算期限。",),
                       needs_en, needs_zh, None, "60 days after the statement date (unknown)",
                       "账单日后60日（账单日未知）", (US_FCBA_1666,), ids)
    deadline = card.statement_date + dt.timedelta(days=FCBA_NOTICE_DAYS)
    return Finding(True, tuple(why_en), tuple(why_zh), needs_en, needs_zh, deadline,
                   f"notice must reach the creditor within {FCBA_NOTICE_DAYS} days after the statement "
                   f"of {card.statement_date.isoformat()}",
                   f"通知须在{card.statement_date.isoformat()}账单后{FCBA_NOTICE_DAYS}日内送达",
                   (US_FCBA_1666,), ids)


def section75(case: Case, payment: Payment) -> Finding:
    """UK Consumer Credit Act 1974 s.75 claim against the card issuer for one payment."""
    ids = ("s75.price_band", "s75.regulated_credit", "s75.foreign_suppliers")
    if payment.card is None:
        return Finding(False, (f"s.75 needs a credit-card payment; a {payment.method} payment has no "
                               f"chargeback or s.75 claim.",),
                       (f"第75条须以信用卡付款；{payment.method}付款不适用拒付或第75条。",),
                       rules=ids + ("chargeback.no_wire",))
    card = payment.card
    if case.client.country != "GB":
        return Finding(False, ("s.75 is a UK consumer right; the client is not in the UK.",),
                       ("第75条为英国消费者权利；委托人不在英国。",), rules=ids)
    if card.credit is False:
        return Finding(False, ("A debit card is generally outside s.75 [R].",),
                       ("借记卡一般不适用第75条（推断）。",), rules=ids)
    if card.consumer is False:
        return Finding(False, ("A business or corporate card is generally outside s.75 [R].",),
                       ("商务卡或公司卡一般不适用第75条（推断）。",), rules=ids)
    why_en = ["The card issuer is jointly liable with a foreign supplier for breach or "
              "misrepresentation; paying part of the price by card is enough and the claim is not "
              "limited to the card payment."]
    why_zh = ["发卡机构与境外供应商就违约或虚假陈述承担连带责任；部分价款以信用卡支付即可，索赔不限于刷卡金额。"]
    if card.credit is None or card.consumer is None:
        why_en.append("Confirm that the card is a personal credit card under a regulated agreement.")
        why_zh.append("请确认该卡为受监管信贷协议下的个人信用卡。")
    price = case.order.total
    # s.75 looks at the cash price of a single item; the case gives the order total.
    why_en.append("The price test uses the order total as the cash price; if the order holds "
                  "several items, check the price of each item.")
    why_zh.append("价格条件以订单总额作为现金价格判断；如订单包含多项商品，应逐项核对单价。")
    needs_en = ("a claim to the card issuer; if rejected, its complaints process, then the "
                "Financial Ombudsman Service",)
    needs_zh = ("向发卡机构提出索赔；被拒后走其投诉程序，再向金融申诉专员服务机构申诉",)
    if price is None:
        return Finding(None, tuple(why_en) + ("The order total is missing.",),
                       tuple(why_zh) + ("缺少订单总额。",), needs_en, needs_zh, citations=(UK_CCA_75,), rules=ids)
    if case.order.currency != "GBP":
        return Finding(None, tuple(why_en) + (
            f"The price is in {case.order.currency}: it must be converted to GBP to test the "
            f"GBP 100–30,000 band, and the case file gives no GBP rate, so this cannot be checked.",),
            tuple(why_zh) + (f"价格以{case.order.currency}计，须折算为英镑方能判断是否在100至30,000英镑之间；"
                             f"案件文件未提供英镑汇率，无法核对。",),
            needs_en, needs_zh, citations=(UK_CCA_75,), rules=ids)
    if price <= S75_FLOOR_GBP or price > S75_CEILING_GBP:
        return Finding(False, (f"The cash price GBP {price:,.2f} is outside the band: over GBP 100 and "
                               f"not more than GBP 30,000.",),
                       (f"现金价格{price:,.2f}英镑不在“高于100英镑且不超过30,000英镑”的范围内。",),
                       citations=(UK_CCA_75,), rules=ids)
    return Finding(True, tuple(why_en) + (f"The cash price GBP {price:,.2f} is within the band.",),
                   tuple(why_zh) + (f"现金价格{price:,.2f}英镑在适用范围内。",),
                   needs_en, needs_zh, citations=(UK_CCA_75,), rules=ids)
