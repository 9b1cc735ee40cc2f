"""消费者权益保护法 (2013年修正) Art. 55(1): a consumer sold counterfeits as genuine claims three times
the price, at least RMB 500; nobody else does."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

from factories import make_case

from restitution.case import model as m
from restitution.rules.increased_compensation import consumer_purchase, increased_compensation


def consumer_counterfeit(case: m.Case | None = None, **order) -> m.Case:
    """The factory case as an individual buying for personal use, sold counterfeits."""
    case = case or make_case()
    return dataclasses.replace(
        case,
        client=dataclasses.replace(case.client, kind="individual", representative=None),
        order=dataclasses.replace(case.order, **order),
        outcome=dataclasses.replace(case.outcome, kind="counterfeit", delivered_on=dt.date(2026, 9, 1),
                                    seller_unreachable=False))


def test_three_times_the_order_total_in_its_currency():
    ic = increased_compensation(consumer_counterfeit())
    assert ic is not None
    assert (ic.price, ic.currency, ic.amount, ic.amount_currency) == (D("25000.00"), "USD", D("75000.00"), "USD")
    assert not ic.floor and ic.compared


def test_the_floor_is_rmb_500_measured_in_rmb():
    # USD 20 at the claim's 7.10 is RMB 142; three times is RMB 426, under 500
    cheap = consumer_counterfeit(total=D("20.00"))
    ic = increased_compensation(cheap)
    assert ic.floor and (ic.amount, ic.amount_currency) == (D("500"), "CNY")
    # USD 25 is RMB 177.50; three times is 532.50: no floor
    assert not increased_compensation(consumer_counterfeit(total=D("25.00"))).floor
    # a price in RMB is compared as it stands
    rmb = consumer_counterfeit(currency="CNY", total=D("166.00"))
    assert increased_compensation(rmb).amount == D("500")
    assert increased_compensation(consumer_counterfeit(currency="CNY", total=D("167.00"))).amount == D("501.00")


def test_without_a_rate_the_floor_cannot_be_compared():
    case = consumer_counterfeit()
    case = dataclasses.replace(case, claim=dataclasses.replace(case.claim, cny_rate=None, cny_rate_date=None))
    ic = increased_compensation(case)
    assert not ic.compared and not ic.floor and ic.amount == D("75000.00")


def test_without_an_order_total_the_payments_are_the_price():
    ic = increased_compensation(consumer_counterfeit(total=None))
    assert (ic.price, ic.currency) == (D("25000.00"), "USD")


def test_only_a_consumer_sold_counterfeits_by_a_mainland_seller():
    assert increased_compensation(make_case()) is None  # a company, goods not delivered
    consumer = consumer_counterfeit()
    assert consumer_purchase(consumer)
    resale = dataclasses.replace(consumer, order=dataclasses.replace(consumer.order, for_resale=True))
    assert not consumer_purchase(resale) and increased_compensation(resale) is None
    company = dataclasses.replace(consumer, client=make_case().client)
    assert increased_compensation(company) is None
    for kind in ("not_delivered", "junk_delivered", "not_as_described", "partial_delivery"):
        other = dataclasses.replace(consumer, outcome=dataclasses.replace(consumer.outcome, kind=kind))
        assert increased_compensation(other) is None, kind
    hong_kong = dataclasses.replace(consumer, supplier=dataclasses.replace(consumer.supplier, region="hong_kong"))
    assert increased_compensation(hong_kong) is None


def test_the_claim_in_rmb_is_three_times_the_price_at_the_prices_rate():
    """One letter converted the price at the payment's rate (4.6218) and its triple at the claim's (4.62)."""
    from factories import web_shop_consumer
    from restitution.rules.increased_compensation import compensation_in_cny
    from restitution.rules.loss import amount_in_cny

    case = web_shop_consumer()
    case = dataclasses.replace(case, outcome=dataclasses.replace(case.outcome, kind="counterfeit"))
    ic = increased_compensation(case)
    assert ic is not None and ic.amount == D("2334.00") and ic.amount_currency == "AUD"
    price = amount_in_cny(case, ic.price, ic.currency)
    triple = compensation_in_cny(case, ic)
    assert (price.basis, price.rate) == (triple.basis, triple.rate) == ("parity", D("4.6218"))
    assert triple.amount == price.amount * 3
