"""Platform remedies: Alibaba.com Trade Assurance (domain.md §F) and Alipay / WeChat Pay (§E).

Reasons are catalogue keys ``rules.ta.*`` and ``rules.payapp.*`` (rules.yaml).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Payment
from restitution.rules.finding import Finding
from restitution.rules.reason import Figure, Reason

TA_CLAIM_DAYS = 30


def paid_through_platform(payment: Payment) -> bool:
    """Paid to the account Alibaba.com designates; ``via_platform: true`` marks a T/T to it."""
    return payment.method == "trade_assurance" or payment.via_platform is True


def _ta(name: str, **params: object) -> Reason:
    return Reason(f"rules.ta.{name}", **params)


def trade_assurance(case: Case) -> Finding:
    """Whether a Trade Assurance refund claim is open, and its 30-day window."""
    ids = ("ta.coverage", "ta.platform_payment", "ta.window_30", "ta.process", "ta.acquiesced")
    if not case.order.trade_assurance:
        return Finding(False, (_ta("not_ta_order"),), rules=ids)
    covered = [p for p in case.payments if paid_through_platform(p)]
    if not covered:
        return Finding(False, (_ta("not_through_platform"),), rules=ids)
    currencies = {p.currency for p in covered}
    amount = sum((p.amount for p in covered), Decimal("0"))
    paid = (_ta("paid_amount", amount=Figure(amount, 2), currency=covered[0].currency) if len(currencies) == 1
            else _ta("paid_count", count=len(covered)))
    why = [_ta("paid", paid=paid)]
    uncovered = len(case.payments) - len(covered)
    if uncovered:
        why.append(_ta("uncovered", count=uncovered))
    needs = [_ta("need.apply"), _ta("need.no_written_consent")]
    if case.outcome.kind in ("junk_delivered", "not_as_described", "counterfeit"):
        needs.append(_ta("need.inspection"))
    confirmed = case.outcome.receipt_confirmed_on
    if confirmed is None:
        why.append(_ta("not_confirmed", days=TA_CLAIM_DAYS))
        return Finding(True, tuple(why), tuple(needs), None, _ta("deadline.unconfirmed", days=TA_CLAIM_DAYS),
                       rules=ids)
    deadline = confirmed + dt.timedelta(days=TA_CLAIM_DAYS)
    return Finding(True, tuple(why), tuple(needs), deadline,
                   _ta("deadline.confirmed", days=TA_CLAIM_DAYS, confirmed=confirmed), rules=ids)


_APPS = ("alipay", "wechat_pay")  # named and explained by rules.payapp.app.* and rules.payapp.how.*


def payment_app_dispute(payment: Payment) -> Finding:
    """The in-app complaint for an Alipay or WeChat Pay payment (low-quality sources: [S])."""
    ids = ("payapp.complaint",)
    if payment.method not in _APPS:
        return Finding(False, (Reason("rules.payapp.not_app", method=payment.method),), rules=ids)
    app = payment.method
    return Finding(True, (Reason("rules.payapp.use_app", app=Reason(f"rules.payapp.app.{app}"),
                                 how=Reason(f"rules.payapp.how.{app}")),),
                   (Reason("rules.payapp.need.records"),), rules=ids)
