"""The loss in RMB, computed once for every document of a packet (domain.md §H.4).

A packet whose police report says one RMB figure and whose power of attorney,
demand letter or victims schedule says another hands the seller's lawyer an
argument and makes the police ask which is right. So the RMB figure of the
loss is computed here and nowhere else, and every document and template
prints what this module returns, with the basis it names:

- ``cny``: the claim is in RMB; nothing to convert.
- ``parity``: every payment gives the central parity of the day the supplier
  received it (``payments[].cny_rate``); each payment is converted at its own
  day's rate, by analogy with the theft rule (法释〔2013〕8号; no rule for
  fraud was found, §H.4), and the documents say so.
- ``estimate``: otherwise the claim's single rate (``claim.cny_rate``). That
  rate is of one day chosen by the user, not of the days the money was paid,
  so the documents call the figure an estimate at that rate and never a
  published central parity, whatever ``claim.cny_rate_source`` says.
- ``none``: a foreign-currency claim with no rate at all.

Other amounts than the loss (what is still demanded after a refund, a
settlement sum, one card payment) are converted by the same two rules: a
payment at its own day's parity where the case gives it, any other amount at
the claim's rate as an estimate (`amount_in_cny`).

Trade-off: per-payment conversion is used only when the claim is exactly the
payments (no refund netted off, one currency); a claim that differs from the
payments cannot be split back into days, so it falls back to the estimate.
"""
from __future__ import annotations

import datetime as dt
from decimal import ROUND_HALF_UP, Decimal

from restitution.case.model import Case, Payment
from restitution.records import record


@record
class PaymentCny:
    payment: Payment
    rate: Decimal
    rate_date: dt.date
    cny: Decimal


@record
class CnyAmount:
    """One amount in RMB and how it was reached."""

    amount: Decimal | None  # None: a foreign currency with no rate
    basis: str  # "cny", "parity", "estimate", "none"
    # estimate: the claim's single rate and the date the case gives for it; parity of one
    # payment: that payment's rate and day (the documents name them); several days: None
    rate: Decimal | None = None
    rate_date: dt.date | None = None

    @property
    def estimate(self) -> bool:
        return self.basis == "estimate"


@record
class CnyLoss(CnyAmount):
    per_payment: tuple[PaymentCny, ...] = ()  # basis "parity": each payment at its own day's rate


def cny(amount: Decimal, rate: Decimal) -> Decimal:
    return (amount * rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _estimate(case: Case, amount: Decimal) -> CnyAmount:
    c = case.claim
    if c.cny_rate is None:
        return CnyAmount(None, "none")
    return CnyAmount(cny(amount, c.cny_rate), "estimate", c.cny_rate, c.cny_rate_date)


def _at_parity(case: Case, amount: Decimal, currency: str) -> CnyLoss | None:
    """`amount` as the payments at their own days' parities, when it is exactly what was paid."""
    pays = sorted(case.payments, key=lambda p: p.date)
    if not pays or any(p.cny_rate is None or p.currency != currency for p in pays):
        return None
    if sum((p.amount for p in pays), Decimal("0")) != amount:
        return None  # a refund netted off, or another sum: it cannot be split back into days
    rows = tuple(PaymentCny(p, p.cny_rate, p.cny_rate_date or p.date, cny(p.amount, p.cny_rate))
                 for p in pays if p.cny_rate is not None)
    # One payment: its rate and day are the loss's, and the documents say "at the parity of
    # <day>"; several: each row has its own, and the documents say "of each day".
    rate, day = (rows[0].rate, rows[0].rate_date) if len(rows) == 1 else (None, None)
    return CnyLoss(sum((r.cny for r in rows), Decimal("0")), "parity", rate, day, per_payment=rows)


def loss_in_cny(case: Case) -> CnyLoss:
    """The claim in RMB: per payment at each day's parity where the case gives them all, else an estimate."""
    c = case.claim
    if c.currency == "CNY":
        return CnyLoss(c.amount, "cny")
    parity = _at_parity(case, c.amount, c.currency)
    if parity is not None:
        return parity
    e = _estimate(case, c.amount)
    return CnyLoss(e.amount, e.basis, e.rate, e.rate_date)


def payment_in_cny(case: Case, payment: Payment) -> CnyAmount:
    """One payment in RMB: at its own day's parity where the case gives it, else the claim's estimate."""
    if payment.currency == "CNY":
        return CnyAmount(payment.amount, "cny")
    if payment.cny_rate is not None:
        return CnyAmount(cny(payment.amount, payment.cny_rate), "parity", payment.cny_rate,
                         payment.cny_rate_date or payment.date)
    if payment.currency != case.claim.currency:
        return CnyAmount(None, "none")
    return _estimate(case, payment.amount)


def amount_in_cny(case: Case, amount: Decimal, currency: str) -> CnyAmount:
    """Any amount of the case in RMB; the whole claim gives the loss itself, so the figures agree."""
    if currency == "CNY":
        return CnyAmount(amount, "cny")
    if amount == case.claim.amount and currency == case.claim.currency:
        return loss_in_cny(case)
    parity = _at_parity(case, amount, currency)  # all that was paid, though the claim differs
    if parity is not None:
        return parity
    if currency != case.claim.currency:
        return CnyAmount(None, "none")
    return _estimate(case, amount)


# A registered capital is a sign of fraud only when it is small against the loss: under the
# subscribed-capital system it is what the shareholders undertook to contribute, not money the
# company holds, and a capital of the same order as the deal proves nothing either way. The
# toolkit pleads it only when the loss is at least ten times the capital (the company could not
# answer for one tenth of this one deal from its capital). The ratio is this toolkit's own
# threshold of weight, not a legal rule [R]; below it the report stays silent on capital.
CAPITAL_RATIO = Decimal("0.1")


def small_capital(case: Case) -> bool:
    """The registered capital is at most a tenth of the loss in RMB (both known)."""
    capital, loss = case.indicators.registered_capital_cny, loss_in_cny(case).amount
    return capital is not None and loss is not None and capital <= loss * CAPITAL_RATIO
