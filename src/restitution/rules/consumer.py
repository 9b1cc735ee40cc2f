"""Statutory card rights of the buyer's own country: US FCBA and UK s.75 (domain.md §E).

Both are consumer rights: a card marked ``consumer: false`` (business card)
or ``credit: false`` (debit card) has neither; an unmarked card is taken to
qualify and the finding says what to confirm. Reasons are catalogue keys
``rules.fcba.*`` and ``rules.s75.*`` (rules.yaml).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Payment
from restitution.rules.citations import UK_CCA_75, US_FCBA_1666
from restitution.rules.finding import Finding
from restitution.rules.reason import Figure, Money, Reason

FCBA_NOTICE_DAYS = 60
S75_FLOOR_GBP = Decimal("100")  # the price must be over this
S75_CEILING_GBP = Decimal("30000")  # and not more than this


def _fcba(name: str, **params: object) -> Reason:
    return Reason(f"rules.fcba.{name}", **params)


def _s75(name: str, **params: object) -> Reason:
    return Reason(f"rules.s75.{name}", **params)


def fcba(case: Case, payment: Payment) -> Finding:
    """US Fair Credit Billing Act billing-error notice for one card payment."""
    ids = ("fcba.notice_60", "fcba.consumer_only")
    if payment.card is None:
        return Finding(False, (_fcba("not_card", method=payment.method),), rules=ids)
    card = payment.card
    if case.client.country != "US":
        return Finding(False, (_fcba("not_us"),), rules=ids)
    if card.consumer is False:
        return Finding(False, (_fcba("business_card"),), rules=ids)
    if card.credit is False:
        return Finding(False, (_fcba("debit_card"),), rules=ids)
    why = [_fcba("billing_error", days=FCBA_NOTICE_DAYS)]
    if card.consumer is None:
        why.append(_fcba("consumer_unknown"))
    needs = (_fcba("need.notice"), _fcba("need.contents"))
    if card.statement_date is None:
        return Finding(True, tuple(why) + (_fcba("no_statement_date"),), needs, None,
                       _fcba("deadline.unknown", days=FCBA_NOTICE_DAYS), (US_FCBA_1666,), ids)
    deadline = card.statement_date + dt.timedelta(days=FCBA_NOTICE_DAYS)
    return Finding(True, tuple(why), needs, deadline,
                   _fcba("deadline.known", days=FCBA_NOTICE_DAYS, statement=card.statement_date),
                   (US_FCBA_1666,), ids)


def section75(case: Case, payment: Payment) -> Finding:
    """UK Consumer Credit Act 1974 s.75 claim against the card issuer for one payment."""
    ids = ("s75.price_band", "s75.regulated_credit", "s75.foreign_suppliers")
    if payment.card is None:
        return Finding(False, (_s75("not_card", method=payment.method),), rules=ids + ("chargeback.no_wire",))
    card = payment.card
    if case.client.country != "GB":
        return Finding(False, (_s75("not_gb"),), rules=ids)
    if card.credit is False:
        return Finding(False, (_s75("debit_card"),), rules=ids)
    if card.consumer is False:
        return Finding(False, (_s75("business_card"),), rules=ids)
    why = [_s75("joint_liability")]
    if card.credit is None or card.consumer is None:
        why.append(_s75("confirm_card"))
    price = case.order.total
    # s.75 looks at the cash price of a single item; the case gives the order total.
    why.append(_s75("order_total"))
    needs = (_s75("need.claim"),)
    band = {"floor": Figure(S75_FLOOR_GBP, 0), "ceiling": Figure(S75_CEILING_GBP, 0)}
    if price is None:
        return Finding(None, tuple(why) + (_s75("no_total"),), needs, citations=(UK_CCA_75,), rules=ids)
    if case.order.currency != "GBP":
        return Finding(None, tuple(why) + (_s75("not_gbp", currency=case.order.currency, **band),),
                       needs, citations=(UK_CCA_75,), rules=ids)
    if price <= S75_FLOOR_GBP or price > S75_CEILING_GBP:
        return Finding(False, (_s75("outside_band", price=Money(price, "GBP"), **band),),
                       citations=(UK_CCA_75,), rules=ids)
    return Finding(True, tuple(why) + (_s75("within_band", price=Money(price, "GBP")),), needs,
                   citations=(UK_CCA_75,), rules=ids)
