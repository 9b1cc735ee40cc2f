"""Trade Assurance refund claim / 信用保障订单退款申请 (domain.md §F, pitfall 8).

The buyer's statement for "Apply for Refund" on an Alibaba.com Trade
Assurance order, written so that it serves unchanged when the dispute is
escalated to Alibaba. The English text is the buyer's file copy and the
statement uploaded with the claim; the Chinese text is addressed to the
supplier, who must answer first.

Whether the claim is open and its 30-day window come from
`restitution.rules.trade_assurance`; this module decides what the claim
asks for and what it must warn about:

- only payments through the platform's designated account are covered, so
  the refund requested is their sum, capped by the order total (TA refunds
  "up to the covered amount and no more than the actual payment");
- a payment outside the platform, or a claim made after the window closed,
  is flagged on the document and, through `warnings`, on the command line;
- a card payment in the claim that is also disputed with the card issuer
  (filed, or to be filed with the packet's chargeback letter) is named, with
  the buyer's undertaking to tell the platform if the chargeback pays, so that
  the same money is not claimed twice without a word (``chargebacks``).

The claim window is stated as the buyer's understanding: Alibaba.com gives
30 days from confirmed receipt as a ceiling that "may vary depending on the
shipment method" (domain.md §F), and no current rule for a claim on goods
never shipped was found.

Values the templates read as ``x``: ``covered`` / ``outside`` (payment rows),
``refund`` (rows of currency, amount, capped), ``problem`` ("shipment" or
``quality``), ``timeline``, ``deadline``, ``confirmed``, ``late``,
``supplier_name``, ``exhibits``, ``test_reports``, ``chargebacks``.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from restitution.case.model import Case, Exhibit, Payment
from restitution.case.stage import stage_of
from restitution.documents import DocumentSpec
from restitution.documents._phrases import network_name, payment_method, supplier_name
from restitution.errors import DocumentNotApplicable
from restitution.formatting import format_date, format_money
from restitution.language import EN
from restitution.language.catalogue import Catalogue, catalogue
from restitution.rules.facts import contact_resumed
from restitution.rules import TA_CLAIM_DAYS, paid_through_platform, trade_assurance
from restitution.pipeline.templating import bundled_templates
from restitution.records import record

# Trade Assurance covers two problems (domain.md §F [C]): goods not shipped on
# time, and goods not meeting the contract's quality standards. A partial
# delivery is the first: the rest was not shipped on time.
QUALITY = frozenset({"junk_delivered", "not_as_described", "counterfeit"})


def _index(case: Case, payment: Payment) -> int:
    return next(i for i, p in enumerate(case.payments) if p is payment)


def covered_payments(case: Case) -> list[Payment]:
    return sorted((p for p in case.payments if paid_through_platform(p)), key=lambda p: p.date)


def outside_payments(case: Case) -> list[Payment]:
    return sorted((p for p in case.payments if not paid_through_platform(p)), key=lambda p: p.date)


@record
class RefundRow:
    currency: str
    amount: Decimal  # what is asked for
    paid: Decimal  # what was paid through the platform
    capped: bool  # limited to the order total


def refund(case: Case) -> list[RefundRow]:
    """Per currency: what was paid through the platform, never more than the order total."""
    sums: dict[str, Decimal] = {}
    for p in covered_payments(case):
        sums[p.currency] = sums.get(p.currency, Decimal("0")) + p.amount
    rows = []
    o = case.order
    for currency, paid in sums.items():
        capped = o.total is not None and currency == o.currency and paid > o.total
        amount = o.total if capped and o.total is not None else paid
        rows.append(RefundRow(currency, amount, paid, capped))
    return rows


def _payment_label(case: Case, p: Payment, words: Catalogue) -> str:
    """payments[0] (5 June 2026, USD 7,500.00, wire transfer): names the case-file entry."""
    code = words.language.code
    return (f"payments[{_index(case, p)}] ({format_date(p.date, code)}, "
            f"{format_money(p.amount, p.currency, code)}, {payment_method(p, words)})")


def warnings(case: Case, date: dt.date) -> list[str]:
    """What the command line must say when this claim is rendered (English, one line each)."""
    if not case.order.trade_assurance:
        return []
    out = []
    outside = outside_payments(case)
    if outside:
        # The command line speaks English: the bundled English catalogue names the method.
        en = catalogue(EN, [bundled_templates()])
        which = "; ".join(_payment_label(case, p, en) for p in outside)
        out.append(f"paid outside the platform, not covered by Trade Assurance: {which}; "
                   f"the claim asks only for what was paid through Alibaba.com")
    finding = trade_assurance(case)
    if finding.status(date) == "missed":
        confirmed = case.outcome.receipt_confirmed_on
        assert confirmed is not None and finding.deadline is not None
        out.append(f"the claim window closed on {finding.deadline.isoformat()}, {TA_CLAIM_DAYS} days after "
                   f"receipt was confirmed on {confirmed.isoformat()} (outcome.receipt_confirmed_on); "
                   f"Alibaba.com need not accept a claim dated {date.isoformat()}")
    return out


def check(case: Case) -> None:
    if not case.order.trade_assurance:
        raise DocumentNotApplicable("the order did not use Trade Assurance (order.trade_assurance)",
                                    case.locate("order.trade_assurance"))
    if not covered_payments(case):
        raise DocumentNotApplicable(
            "no payment went through Alibaba.com's designated account, so Trade Assurance covers "
            "nothing (payments[].method: trade_assurance, or via_platform: true for a wire or card "
            "payment made on the platform's payment page)", case.locate("payments"))


def _timeline(case: Case, words: Catalogue) -> list[dict[str, Any]]:
    """Key dates of the order, in date order; the template words each kind (the facts are
    listed under the problem, so that the table stays the claim's skeleton). Each event is
    a mapping with ``kind`` and ``date``; a payment adds ``payment``, ``covered``, ``method``."""
    o, out = case.order, case.outcome
    events: list[tuple[dt.date, int, dict[str, Any]]] = [(o.date, 0, {"kind": "order"})]
    for p in case.payments:
        events.append((p.date, 1, {"kind": "payment", "payment": p, "covered": paid_through_platform(p),
                                   "method": payment_method(p, words)}))
    if o.promised_ship_date:
        events.append((o.promised_ship_date, 2, {"kind": "promised_ship"}))
    if o.promised_delivery_date:
        events.append((o.promised_delivery_date, 2, {"kind": "promised_delivery"}))
    if out.delivered_on:
        events.append((out.delivered_on, 3, {"kind": "delivered"}))
    if out.receipt_confirmed_on:
        events.append((out.receipt_confirmed_on, 4, {"kind": "confirmed"}))
    if out.last_contact:
        events.append((out.last_contact, 5, {"kind": "last_contact"}))
    events.sort(key=lambda e: (e[0], e[1]))
    return [dict(ev, date=d) for d, _, ev in events]


@record
class PaymentLine:
    payment: Payment
    method: str
    index: int  # its place in the case file's payments list


@record
class ChargebackLine:
    """A card payment in the claim that is also disputed with the card issuer."""

    payment: Payment
    network: str  # the card network's name, as the catalogue words it
    filed_on: dt.date | None  # recorded in proceedings.chargebacks; None: to be filed


def chargebacks(case: Case, words: Catalogue) -> list[ChargebackLine]:
    """The claim's card payments, each with the chargeback recorded for it, if any. Every card
    payment is one the packet disputes (its chargeback letter covers all of them), so each is
    named: the claim must not ask the platform for money the issuer may also return."""
    filed = {c.payment: c.filed_on for c in case.proceedings.chargebacks} if case.proceedings else {}
    return [ChargebackLine(p, network_name(p.card.network, words), filed.get(_index(case, p)))
            for p in covered_payments(case) if p.method == "card" and p.card is not None]


@record
class TradeAssuranceContext:
    covered: list[PaymentLine]
    outside: list[PaymentLine]
    refund: list[RefundRow]
    problem: str  # "quality" or "shipment"
    timeline: list[dict[str, Any]]
    confirmed: dt.date | None
    deadline: dt.date | None
    late: bool
    window_days: int
    supplier_name: str
    test_reports: list[Exhibit]
    chargebacks: list[ChargebackLine]
    # the supplier went silent, then negotiated a settlement (rules.facts): "no answer since" is past
    resumed: bool = False


def context(case: Case, words: Catalogue, date: dt.date) -> TradeAssuranceContext:
    finding = trade_assurance(case)

    def line(p: Payment) -> PaymentLine:
        return PaymentLine(p, payment_method(p, words), _index(case, p))

    return TradeAssuranceContext(
        resumed=contact_resumed(case) is not None,
        covered=[line(p) for p in covered_payments(case)],
        outside=[line(p) for p in outside_payments(case)],
        refund=refund(case),
        problem="quality" if case.outcome.kind in QUALITY else "shipment",
        timeline=_timeline(case, words),
        confirmed=case.outcome.receipt_confirmed_on,
        deadline=finding.deadline,
        late=finding.status(date) == "missed",
        window_days=TA_CLAIM_DAYS,
        supplier_name=supplier_name(case, words),
        test_reports=[e for e in case.evidence if e.kind == "test_report"],
        chargebacks=chargebacks(case, words),
    )


SPEC = DocumentSpec(
    key="trade_assurance_claim",
    check=check,
    context=context,
    # only Trade Assurance orders; one without a platform payment is then skipped, saying why
    # A claim already filed (proceedings.trade_assurance_claim.filed_on) is not made again.
    in_packet=lambda case: case.order.trade_assurance and stage_of(case).ta_claim_filed_on is None,
    warnings=warnings,
)
