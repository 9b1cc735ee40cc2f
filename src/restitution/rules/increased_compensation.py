"""A consumer's increased compensation for fraud: 消费者权益保护法 (2013年修正) Art. 55(1).

"经营者提供商品或者服务有欺诈行为的，应当按照消费者的要求增加赔偿其受到的损失，增加
赔偿的金额为消费者购买商品的价款或者接受服务的费用的三倍；增加赔偿的金额不足五百元的，
为五百元。" The article is not in domain.md. Three secondary pages quote it alike (domain.md's
bar for [C]; the official text was not reachable), so the documents state the article's own
terms and claim nothing beyond them [S until domain.md carries it].

When it is claimed: a consumer purchase (an individual client not buying for resale, the
test the 12315 complaint and the CISG's Art. 2(a) use: rules.sales_law) from a mainland
seller, and the goods were counterfeits sold as genuine (outcome ``counterfeit``): passing
off fakes as genuine is the plainest deceit on the goods themselves (产品质量法 Art. 39's
以假充真, domain.md §H.5), shown by the brand's own finding. Junk or goods not as described
may be fraud too, but there the deceit, not only the breach, has to be proved, which is the
bureau's or the court's call: the letters for those keep only the reservation they had
(demand_letter ``consumer_law``).

The base is the price of the goods bought: the order's total where the case gives it, else
what was paid in one currency. The floor is in RMB: three times the price converted as the
packet converts any amount (rules/loss.py); under RMB 500 the claim is RMB 500. A price in a
foreign currency with no rate cannot be compared, so the documents then quote the floor as
the statute words it.
"""
from __future__ import annotations

from decimal import Decimal

from restitution.case.model import Case
from restitution.records import record
from restitution.rules.citations import Citation
from restitution.rules.loss import CnyAmount, amount_in_cny

CONSUMER_LAW_55 = Citation("consumer_protection_law", "2013", "55")  # cited with 第一款 / paragraph 1
TIMES = Decimal("3")
FLOOR_CNY = Decimal("500")


@record
class IncreasedCompensation:
    price: Decimal  # the price of the goods bought
    currency: str
    amount: Decimal  # what is claimed: three times the price, or the floor
    amount_currency: str  # the price's currency, or CNY when the floor applies
    floor: bool = False  # three times the price is under RMB 500: the claim is RMB 500
    compared: bool = True  # the price could be put in RMB; False: the floor is quoted, not applied


def consumer_purchase(case: Case) -> bool:
    """An individual buying for personal consumption: not ``order.for_resale``."""
    return case.client.kind == "individual" and not case.order.for_resale


def _price(case: Case) -> tuple[Decimal, str] | None:
    o = case.order
    if o.total is not None and o.currency:
        return o.total, o.currency
    currencies = {p.currency for p in case.payments}
    if len(currencies) == 1:
        return sum((p.amount for p in case.payments), Decimal("0")), currencies.pop()
    return None


def increased_compensation(case: Case) -> IncreasedCompensation | None:
    """Art. 55(1) for a consumer sold counterfeits as genuine by a mainland seller; None otherwise."""
    if not consumer_purchase(case) or case.supplier.region != "mainland" or case.outcome.kind != "counterfeit":
        return None
    priced = _price(case)
    if priced is None:
        return None
    price, currency = priced
    in_cny = amount_in_cny(case, price, currency)
    if in_cny.amount is None:
        return IncreasedCompensation(price, currency, price * TIMES, currency, compared=False)
    if in_cny.amount * TIMES < FLOOR_CNY:
        return IncreasedCompensation(price, currency, FLOOR_CNY, "CNY", floor=True)
    return IncreasedCompensation(price, currency, price * TIMES, currency)


def compensation_in_cny(case: Case, ic: IncreasedCompensation) -> CnyAmount:
    """The claim in RMB, converted as its price is (three times the price's RMB at the same rates), so
    that one letter never converts the price and its multiple at two different rates."""
    if ic.amount_currency == "CNY":
        return CnyAmount(ic.amount, "cny")
    price = amount_in_cny(case, ic.price, ic.currency)
    if price.amount is None or price.rate is None:  # payments on several days: converted as an amount of its own
        return amount_in_cny(case, ic.amount, ic.amount_currency)
    return CnyAmount(price.amount * TIMES, price.basis, price.rate, price.rate_date)
