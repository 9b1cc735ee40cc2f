"""Card-network dispute reasons and their time windows (domain.md §E).

The buyer authorised its own payment, so only the cardholder-dispute reasons
apply (Visa 13.x, Mastercard 4853); the fraud codes (10.4, 4837) are for
unauthorised use and are deliberately absent from this module.

Names, requirements and the reasons for a window are keys into the
catalogues (``rules.chargeback.*``, rules.yaml) with their facts as fields.

Day arithmetic: "within N days of D" means D + N is the last open day, so
day 120 after the start is open and day 121 is missed.

Where the 120 days start: for goods received (not as described, defective,
counterfeit, misrepresented) the day of receipt when the case records it,
else the expected delivery date; for goods not received, the expected
delivery date (domain.md §E). Whenever that start is later than the
transaction, the window also carries the earliest reading, 120 days from the
processing date (`Window.conservative`): issuers may count so (their own
deadlines can be shorter [C]) and Mastercard's start date is disputed [S],
so the plan dates it and, once it has passed, says to file at once.
"""
from __future__ import annotations

import datetime as dt

from typing import TYPE_CHECKING

from restitution.case.model import Case, Payment
from restitution.records import record
from restitution.rules.finding import Status
from restitution.rules.reason import Reason

if TYPE_CHECKING:
    from restitution.language.catalogue import Catalogue

WINDOW_DAYS = 120
CAP_DAYS = 540
VISA_WAIT_DAYS = 15
MASTERCARD_WAIT_DAYS = 30
VISA_RETURN_WAIT_DAYS = 15

NOT_RECEIVED = frozenset({"not_delivered", "partial_delivery"})


@record
class ReasonCode:
    network: str
    code: str | None  # None: domain.md gives no code number for this network
    name: Reason
    requirements: tuple[Reason, ...]
    source: str  # domain.md section + confidence mark

    def label(self, words: Catalogue) -> str:
        """"13.1 Merchandise/Services Not Received", or the name alone when there is no code."""
        name = self.name.word(words)
        return words("rules.chargeback.label", code=self.code, name=name) if self.code else name

    word = label  # a reason code is printed by its label


def _need(name: str, **params: object) -> Reason:
    return Reason(f"rules.chargeback.need.{name}", **params)


_TRIED_MERCHANT = _need("tried_merchant")

VISA_13_1 = ReasonCode("visa", "13.1", Reason("rules.chargeback.name.visa_13_1"),
                       (_need("not_received"), _TRIED_MERCHANT, _need("description")),
                       "domain.md §E Visa 13.1 [C]")
VISA_13_3 = ReasonCode("visa", "13.3", Reason("rules.chargeback.name.visa_13_3"),
                       (_need("return_how"), _need("return_refused"), _TRIED_MERCHANT),
                       "domain.md §E Visa 13.3 [C]")
VISA_13_4 = ReasonCode("visa", "13.4", Reason("rules.chargeback.name.visa_13_4"),
                       (_need("counterfeit_identified"), _TRIED_MERCHANT),
                       "domain.md §E Visa 13.4 [C]")
VISA_13_5 = ReasonCode("visa", "13.5", Reason("rules.chargeback.name.visa_13_5"),
                       (_need("representation"), _TRIED_MERCHANT),
                       "domain.md §E Visa 13.5 [C]")

# outcome kind -> the Mastercard 4853 sub-type (rules.chargeback.mastercard_subtype.*)
_MC_SUBTYPE = {
    "not_delivered": "not_provided",
    "partial_delivery": "not_provided",
    "junk_delivered": "not_as_described",
    "not_as_described": "not_as_described",
    "counterfeit": "counterfeit",
}
# networks with no code in domain.md; their names are rules.chargeback.network.*
_OTHER_NETWORKS = ("amex", "unionpay", "discover", "jcb")
# outcome kind -> how the outcome is named in a dispute (rules.chargeback.outcome.*)
_OUTCOME_TEXT = {
    "not_delivered": "not_received",
    "partial_delivery": "partly_received",
    "junk_delivered": "not_as_described",
    "not_as_described": "not_as_described",
    "counterfeit": "counterfeit",
}


def chargeback_reason(network: str, outcome_kind: str) -> ReasonCode:
    """The cardholder-dispute reason for this network and outcome."""
    if outcome_kind not in _OUTCOME_TEXT:
        raise ValueError(f"unknown outcome kind {outcome_kind!r}")
    if network == "visa":
        if outcome_kind in NOT_RECEIVED:
            return VISA_13_1
        if outcome_kind == "counterfeit":
            return VISA_13_4
        return VISA_13_3
    if network == "mastercard":
        extra: tuple[Reason, ...] = ()
        if outcome_kind == "counterfeit":
            extra = (_need("authorised_maker"),)
        elif outcome_kind in ("junk_delivered", "not_as_described"):
            extra = (_need("expert_optional"),)
        subtype = Reason(f"rules.chargeback.mastercard_subtype.{_MC_SUBTYPE[outcome_kind]}")
        return ReasonCode("mastercard", "4853", Reason("rules.chargeback.name.mastercard_4853", subtype=subtype),
                          (_need("mastercard_letter"), _TRIED_MERCHANT) + extra,
                          "domain.md §E Mastercard 4853 [C]")
    if network in _OTHER_NETWORKS:
        name = Reason(f"rules.chargeback.network.{network}")
        what = Reason(f"rules.chargeback.outcome.{_OUTCOME_TEXT[outcome_kind]}")
        return ReasonCode(network, None, Reason("rules.chargeback.name.other", network=name, what=what),
                          (_need("issuer_form", what=what), _TRIED_MERCHANT, _need("order_records")),
                          "domain.md §E (no code given for this network) [R]")
    raise ValueError(f"unknown card network {network!r}")


def alternative_reasons(network: str, outcome_kind: str) -> tuple[ReasonCode, ...]:
    """Other reasons the issuer may prefer: Visa 13.5 when the goods differ from what was promised."""
    if network == "visa" and outcome_kind in ("junk_delivered", "not_as_described", "counterfeit"):
        return (VISA_13_5,)
    return ()


@record
class Window:
    earliest: dt.date | None  # None: no waiting period applies (or cannot be computed; see basis)
    latest: dt.date
    cap: dt.date
    basis: tuple[Reason, ...]  # how the dates were found, sentence by sentence
    reason: ReasonCode | None = None
    start: dt.date | None = None  # the day the 120 days run from
    rules: tuple[str, ...] = ()  # ids in restitution.rules.RULES
    # the earliest reading: 120 days from the processing date, when `start` is later
    conservative: dt.date | None = None

    def status(self, today: dt.date) -> Status:
        """"not_yet" before the earliest filing day, "open" up to and including latest, then "missed"."""
        if today > self.latest:
            return "missed"
        if self.earliest is not None and today < self.earliest:
            return "not_yet"
        return "open"


def _window(name: str, **params: object) -> Reason:
    return Reason(f"rules.chargeback.window.{name}", **params)


def chargeback_window(case: Case, payment: Payment) -> Window:
    """When a dispute of this card payment may be filed, under the network's rules."""
    if payment.card is None:
        raise ValueError("chargeback_window needs a card payment")
    network = payment.card.network
    kind = case.outcome.kind
    reason = chargeback_reason(network, kind)
    txn = payment.date
    cap = txn + dt.timedelta(days=CAP_DAYS)
    rules = ["chargeback.authorised", "chargeback.window_120", "chargeback.cap_540",
             "chargeback.issuer_deadline"]
    basis: list[Reason] = []

    # The 120 days run from the date the scheme's rules give: receipt of goods received,
    # when recorded, else the expected delivery date; never before the transaction.
    start, start_from = txn, "transaction"
    expected = case.order.promised_delivery_date
    received = case.outcome.delivered_on
    if kind not in NOT_RECEIVED and received is not None:
        if received > start:
            start, start_from = received, "receipt"
        rules.append("chargeback.receipt_start")
    elif expected is not None and expected > start:
        start, start_from = expected, "expected_delivery"
    latest = min(start + dt.timedelta(days=WINDOW_DAYS), cap)
    conservative = txn + dt.timedelta(days=WINDOW_DAYS)
    if conservative < latest:
        rules.append("chargeback.processing_date")
    basis.append(_window("main", window=WINDOW_DAYS, start=_window(f"start.{start_from}"), start_date=start,
                         cap=CAP_DAYS, cap_date=cap))
    if network == "mastercard" and start_from != "transaction":
        basis.append(_window("mastercard_start"))

    earliest: dt.date | None = None
    if kind in NOT_RECEIVED:
        if expected is not None:
            earliest = expected + dt.timedelta(days=1)
            rules.append("chargeback.after_expected_delivery")
            basis.append(_window("after_expected", expected=expected))
        elif network == "visa":
            earliest = txn + dt.timedelta(days=VISA_WAIT_DAYS)
            rules.append("chargeback.visa_wait_15")
            basis.append(_window("visa_wait", days=VISA_WAIT_DAYS))
        elif network == "mastercard":
            rules.append("chargeback.mastercard_wait_30")
            if case.outcome.seller_unreachable:
                basis.append(_window("mastercard_waived", days=MASTERCARD_WAIT_DAYS))
            else:
                earliest = txn + dt.timedelta(days=MASTERCARD_WAIT_DAYS)
                basis.append(_window("mastercard_wait", days=MASTERCARD_WAIT_DAYS))
    elif reason.code == "13.3":
        rules.append("chargeback.visa_return_wait")
        basis.append(_window("visa_return", days=VISA_RETURN_WAIT_DAYS))
    if earliest is not None and earliest > latest:
        earliest = latest  # never let the wait push past the last day
    return Window(earliest, latest, cap, tuple(basis), reason, start, tuple(rules),
                  conservative if conservative < latest else None)
