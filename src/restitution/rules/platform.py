"""Platform remedies: Alibaba.com Trade Assurance (domain.md §F) and Alipay / WeChat Pay (§E)."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Payment
from restitution.rules.finding import Finding

TA_CLAIM_DAYS = 30


def paid_through_platform(payment: Payment) -> bool:
    """Paid to the account Alibaba.com designates; ``via_platform: true`` marks a T/T to it."""
    return payment.method == "trade_assurance" or payment.via_platform is True


def trade_assurance(case: Case) -> Finding:
    """Whether a Trade Assurance refund claim is open, and its 30-day window."""
    ids = ("ta.coverage", "ta.platform_payment", "ta.window_30", "ta.process", "ta.acquiesced")
    if not case.order.trade_assurance:
        return Finding(False, ("The order was not placed under Trade Assurance.",),
                       ("该订单未使用信用保障服务。",), rules=ids)
    covered = [p for p in case.payments if paid_through_platform(p)]
    if not covered:
        return Finding(False, (
            "The order is a Trade Assurance order, but no payment went through the platform: money "
            "sent to the supplier's own account is not covered. If a wire went to the account shown "
            "on the Alibaba.com payment page, mark that payment via_platform: true.",),
            ("该订单虽为信保订单，但没有任何款项通过平台支付；汇入供应商自有账户的款项不受保障。"
             "如电汇系汇入阿里巴巴支付页面显示的账户，请在该笔付款中注明via_platform: true。",), rules=ids)
    currencies = {p.currency for p in covered}
    amount = sum((p.amount for p in covered), Decimal("0"))
    paid = (f"{amount:,.2f} {covered[0].currency}" if len(currencies) == 1
            else f"{len(covered)} payments")
    why_en = [f"Trade Assurance order; paid through the platform: {paid}. A refund is limited to the "
              f"covered amount and never more than was paid."]
    why_zh = [f"信保订单，经平台支付：{paid}。退款以保障金额为限，且不超过实际付款。"]
    uncovered = len(case.payments) - len(covered)
    if uncovered:
        why_en.append(f"{uncovered} payment(s) outside the platform are not covered.")
        why_zh.append(f"另有{uncovered}笔款项未经平台支付，不受保障。")
    needs_en = ["Apply for Refund on the order; escalate to Alibaba on day 4 if the supplier does "
                "not answer within 3 days",
                "do not agree in writing to a delay or a quality deviation"]
    needs_zh = ["在订单中申请退款；供应商3日内未回复的，第4日起可升级至阿里巴巴", "不要书面同意延期或质量偏差"]
    if case.outcome.kind in ("junk_delivered", "not_as_described", "counterfeit"):
        needs_en.append("an inspection by an Alibaba-designated company (SGS, TÜV Rheinland, Bureau "
                        "Veritas), fee paid up front")
        needs_zh.append("由阿里巴巴指定机构（SGS、TÜV莱茵、必维）检验，检验费先行垫付")
    confirmed = case.outcome.receipt_confirmed_on
    if confirmed is None:
        why_en.append("Receipt has not been confirmed on the platform, so the 30-day claim window has "
                      "not started: claim now, and do not confirm receipt before inspecting.")
        why_zh.append("尚未在平台确认收货，30日索赔期尚未起算；应立即申请，检验前不要确认收货。")
        return Finding(True, tuple(why_en), tuple(why_zh), tuple(needs_en), tuple(needs_zh),
                       None, "30 days after receipt is confirmed (not yet confirmed)",
                       "确认收货后30日内（尚未确认收货）", rules=ids)
    deadline = confirmed + dt.timedelta(days=TA_CLAIM_DAYS)
    return Finding(True, tuple(why_en), tuple(why_zh), tuple(needs_en), tuple(needs_zh), deadline,
                   f"within {TA_CLAIM_DAYS} days after receipt was confirmed on {confirmed.isoformat()}",
                   f"{confirmed.isoformat()}确认收货后{TA_CLAIM_DAYS}日内", rules=ids)


_APP = {
    "alipay": ("Alipay", "支付宝",
               "In the app: bill → order details → refund/complaint; fraud goes to the Alipay report "
               "centre; hotline 95188. A police report receipt helps.",
               "在应用中：账单→订单详情→退换/投诉；诈骗可向支付宝举报中心举报；客服热线95188。附上报案回执更有帮助。"),
    "wechat_pay": ("WeChat Pay", "微信支付",
                   "In the app: bill details → question about this order → complain about the "
                   "merchant / I was scammed; hotline 95017. A completed person-to-person transfer "
                   "cannot be reversed by complaint: only the police can freeze or trace it.",
                   "在应用中：账单详情→对订单有疑惑→投诉商家/交易被骗；客服热线95017。已完成的个人转账不能通过投诉撤回，只能由公安机关冻结或追查。"),
}


def payment_app_dispute(payment: Payment) -> Finding:
    """The in-app complaint for an Alipay or WeChat Pay payment (low-quality sources: [S])."""
    ids = ("payapp.complaint",)
    app = _APP.get(payment.method)
    if app is None:
        return Finding(False, (f"Not an Alipay or WeChat Pay payment ({payment.method}).",),
                       (f"非支付宝或微信支付付款（{payment.method}）。",), rules=ids)
    name_en, name_zh, how_en, how_zh = app
    return Finding(True, (f"Paid by {name_en}: use its in-app complaint. {how_en}",),
                   (f"通过{name_zh}付款：可在应用内投诉。{how_zh}",),
                   ("the order or transfer record, the chat with the seller, the police report receipt",),
                   ("订单或转账记录、与卖家的聊天记录、报案回执",), rules=ids)
