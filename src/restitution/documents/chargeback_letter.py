"""Chargeback letter / 信用卡拒付申请 (domain.md §E, pitfall 7).

One letter to the card issuer with a section per disputed card payment:
the network's cardholder-dispute reason (never a fraud code: the buyer
authorised the payment), the filing window computed from the case dates,
the enclosures the reason requires mapped to exhibit numbers, and the
buyer's statutory card rights (US FCBA, UK s.75) where they apply. Alipay
and WeChat Pay payments of the same case get a reversal request of their
own after the letter. Reasons, windows and statutory tests come from
`restitution.rules`; this module only decides what the letter says.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution import rules
from restitution.case.stage import stage_of
from restitution.case.model import Card, Case, Exhibit, Payment
from restitution.documents import DocumentSpec
from restitution.rules.facts import contact_resumed, proofs_of
from restitution.rules.loss import CnyAmount, payment_in_cny
from restitution.documents._phrases import network_name
from restitution.errors import DocumentNotApplicable
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules.chargeback import NOT_RECEIVED, WINDOW_DAYS

# The fraud code each network has for unauthorised use: named in the letter
# only to say that it is not the one to use (pitfall 7).
FRAUD_CODES = {"visa": "10.4", "mastercard": "4837"}
QUALITY = frozenset({"junk_delivered", "not_as_described"})
# Where US Letter, not A4, is the office paper (the Americas' Letter countries and the
# Philippines): the letter is printed and read at the client's own card issuer there.
PAPER_LETTER = frozenset({"US", "CA", "MX", "PH", "CL", "CO", "CR", "DO", "GT", "PA", "PR", "SV", "VE", "NI"})


@record
class Enclosure:
    """One document the dispute reason calls for, and the exhibits that supply it."""

    key: str
    text: str
    required: bool
    exhibits: tuple[Exhibit, ...]
    # the letter itself satisfies it (Mastercard's cardholder letter)
    by_this_letter: bool = False

    @property
    def missing(self) -> bool:
        return not self.exhibits and not self.by_this_letter


# key -> evidence kinds that supply it; the catalogue words it (``chargeback.enclosure.<key>``).
_ENCLOSURES: dict[str, tuple[str, ...]] = {
    # a web-shop or platform purchase is described by the merchant's own listing and order confirmation
    "goods": ("sales_contract", "purchase_order", "proforma_invoice", "commercial_invoice", "listing"),
    "expected_delivery": ("sales_contract", "purchase_order", "proforma_invoice"),
    "tried_merchant": ("emails",),
    "payment": ("payment_proof",),
    "return": (),  # the case file has no key for a return attempt: always to be supplied
    "counterfeit": ("authentication_letter", "test_report"),
    "expert": ("test_report",),
    "representation": ("listing",),
    "mc_letter": (),
    "issuer_form": (),
}


def _enclosure_plan(reason: rules.ReasonCode, outcome: str) -> list[tuple[str, bool]]:
    """[(enclosure key, required)] for a reason code and the outcome (domain.md §E)."""
    if reason.code == "13.1":
        return [("goods", True), ("expected_delivery", True), ("tried_merchant", True), ("payment", False)]
    if reason.code == "13.3":
        return [("goods", True), ("return", True), ("tried_merchant", True), ("expert", False)]
    if reason.code == "13.4":
        return [("counterfeit", True), ("goods", True), ("tried_merchant", True)]
    if reason.code == "4853":
        plan = [("mc_letter", True), ("goods", True)]
        if outcome in NOT_RECEIVED:
            plan.append(("expected_delivery", True))
        elif outcome == "counterfeit":
            plan.append(("counterfeit", True))
        else:
            plan.append(("expert", False))
        return plan + [("tried_merchant", True)]
    return [("issuer_form", True), ("goods", True), ("tried_merchant", True), ("payment", False)]


def _enclosures(case: Case, payment: Payment, reason: rules.ReasonCode, words: Catalogue) -> list[Enclosure]:
    out = []
    for key, required in _enclosure_plan(reason, case.outcome.kind):
        if key == "payment":  # the proof of this payment, never another payment's (rules.facts)
            found = proofs_of(case, payment)
        else:
            found = tuple(e for e in case.evidence if e.kind in _ENCLOSURES[key])
        out.append(Enclosure(key, words(f"chargeback.enclosure.{key}"), required, found,
                             by_this_letter=key == "mc_letter"))
    return out


def _start_kind(case: Case, payment: Payment, window: rules.Window) -> str:
    if window.start == case.outcome.delivered_on and window.start != payment.date:
        return "receipt"
    if window.start == case.order.promised_delivery_date and window.start != payment.date:
        return "expected_delivery"
    return "transaction"


def _safe_latest(payment: Payment, window: rules.Window) -> dt.date | None:
    """Mastercard's 4853 start date is uncertain [S]: the date 120 days from the transaction,
    when the window was computed from a later date."""
    assert payment.card is not None
    if payment.card.network != "mastercard" or window.start in (None, payment.date):
        return None
    return min(payment.date + dt.timedelta(days=WINDOW_DAYS), window.cap)


def _fcba_state(finding: rules.Finding, date: dt.date) -> str | None:
    """"claim" (the notice is still in time), "missed" (too late to rely on it) or None (no FCBA right)."""
    if finding.applies is not True:
        return None
    if finding.deadline is not None and date > finding.deadline:
        return "missed"
    return "claim"


@record
class Disputed:
    """One disputed card payment and what the letter says about it."""

    n: int
    payment: Payment
    card: Card
    network: str
    cardholder: str
    reason: rules.ReasonCode
    reason_label: str
    alternatives: list[str]
    fraud_code: str | None
    window: rules.Window
    window_status: str
    safe_latest: dt.date | None
    start_kind: str  # receipt, expected_delivery or transaction
    cny: CnyAmount  # the payment in RMB, as every document of the packet converts it (rules/loss.py)
    proofs: tuple[Exhibit, ...]  # the statement or receipt of this payment (rules.facts.proofs_of)
    enclosures: list[Enclosure]
    missing: list[Enclosure]  # required and not supplied
    fcba: rules.Finding
    fcba_state: str | None
    s75: rules.Finding | None


def _disputed(case: Case, payment: Payment, index: int, words: Catalogue, date: dt.date) -> Disputed:
    card = payment.card
    assert card is not None
    reason = rules.chargeback_reason(card.network, case.outcome.kind)
    window = rules.chargeback_window(case, payment)
    fcba = rules.fcba(case, payment)
    s75 = rules.section75(case, payment)
    enclosures = _enclosures(case, payment, reason, words)
    alternatives = rules.alternative_reasons(card.network, case.outcome.kind)
    c = case.client
    return Disputed(
        n=index,
        payment=payment,
        card=card,
        network=network_name(card.network, words),
        # a foreign cardholder by its own name (its Chinese rendering is a translation, given once above)
        cardholder=card.cardholder or (c.name_zh if words.language.chinese and c.name_zh and c.name_zh_registered
                                       else c.name),
        reason=reason,
        reason_label=reason.label(words),
        alternatives=[a.label(words) for a in alternatives],
        fraud_code=FRAUD_CODES.get(card.network),
        window=window,
        window_status=window.status(date),
        safe_latest=_safe_latest(payment, window),
        start_kind=_start_kind(case, payment, window),
        cny=payment_in_cny(case, payment),
        proofs=proofs_of(case, payment),
        enclosures=enclosures,
        missing=[e for e in enclosures if e.missing and e.required],
        fcba=fcba,
        fcba_state=_fcba_state(fcba, date),
        s75=s75 if s75.applies is True else None,
    )


def check(case: Case) -> None:
    if not case.card_payments:
        path = "payments"
        raise DocumentNotApplicable(
            "no card payment in this case (payments[].method: card)",
            case.locate(path),
        )


@record
class AppPayment:
    """An Alipay or WeChat Pay payment of the case, for which the letter adds a reversal request."""

    payment: Payment
    finding: rules.Finding
    wechat: bool


@record
class ChargebackContext:
    disputed: list[Disputed]
    issuers: list[str]
    # one total only when every disputed payment is in the same currency
    total: Decimal | None
    total_currency: str | None
    foreign_issuer: bool
    app_payments: list[AppPayment]
    emails: list[Exhibit]
    enclosed: list[Exhibit]
    expected_delivery: dt.date | None
    expected_kind: str  # "delivery" or "shipment": which agreed date expected_delivery is
    department: str  # the addressee department: issuer-neutral unless a US billing-error notice is made
    forged: list[Exhibit]  # documents the seller forged, enclosed and named as such
    fcba_cite: str
    s75_cite: str
    # the merchant went silent, then negotiated a settlement (rules.facts): "cannot be reached" is past
    resumed: bool = False


def _relied_on(case: Case, disputed: list[Disputed]) -> list[Exhibit]:
    """Every exhibit the letter cites, in the file's order: what each reason requires (optional ones
    too), each payment's statement, the correspondence and any forged document. An issuer decides on
    what is enclosed, so nothing the letter names is left for it to ask for."""
    cited = [e for d in disputed for enc in d.enclosures for e in enc.exhibits]
    cited += [e for d in disputed for e in d.proofs]
    cited += [e for e in case.evidence if e.forged or e.kind == "emails"]
    return [e for e in case.evidence if any(e is c or e == c for c in cited)]


def context(case: Case, words: Catalogue, date: dt.date) -> ChargebackContext:
    disputed = [_disputed(case, p, i, words, date) for i, p in enumerate(case.card_payments, start=1)]
    issuers: list[str] = []
    for d in disputed:
        name = d.card.issuer
        if name and name not in issuers:
            issuers.append(name)
    apps = [AppPayment(p, rules.payment_app_dispute(p), p.method == "wechat_pay")
            for p in case.payments if p.method in ("alipay", "wechat_pay")]
    total = sum((d.payment.amount for d in disputed), Decimal("0"))
    currencies = {d.payment.currency for d in disputed}
    return ChargebackContext(
        resumed=contact_resumed(case) is not None,
        disputed=disputed,
        issuers=issuers,
        total=total if len(currencies) == 1 else None,
        total_currency=next(iter(currencies)) if len(currencies) == 1 else None,
        foreign_issuer=any(d.card.network != "unionpay" for d in disputed),
        app_payments=apps,
        emails=[e for e in case.evidence if e.kind == "emails"],
        enclosed=_relied_on(case, disputed),
        expected_delivery=case.order.promised_delivery_date or case.order.promised_ship_date,
        expected_kind=words("chargeback.agreed." + ("delivery" if case.order.promised_delivery_date else "shipment")),
        # "billing-error" is a term of the US Fair Credit Billing Act: only a notice under it says so
        department=words("chargeback.department." + (
            "billing_error" if any(d.fcba_state == "claim" for d in disputed) else "disputes")),
        forged=[e for e in case.evidence if e.forged],
        fcba_cite=rules.US_FCBA_1666.word(words),
        s75_cite=rules.UK_CCA_75.word(words),
    )


def paper(case: Case) -> str:
    """The client's local paper: the letter goes to its own card issuer."""
    return "Letter" if case.client.country in PAPER_LETTER else "A4"


def in_packet(case: Case) -> bool:
    """Not once every card payment has a chargeback recorded (proceedings.chargebacks): it was filed;
    nor once a settlement is paid in full (`left_out`). A case with no card payment stays in, so
    that the packet says why it is skipped."""
    if left_out(case):
        return False
    disputed = {c.payment for c in case.proceedings.chargebacks} if case.proceedings else set()
    cards = [i for i, p in enumerate(case.payments) if p.method == "card"]
    return not cards or any(i not in disputed for i in cards)


def left_out(case: Case) -> str | None:
    """A settlement paid in full has given the money back: disputing the card payments as well would
    claim the same money twice (and the issuer would reverse the chargeback on the seller's proof of
    the settlement)."""
    if case.card_payments and case.settlement is not None and stage_of(case).settlement == "paid":
        return ("the settlement is paid in full (settlement.received adds up to agreed_amount): disputing the "
                "card payments too would claim the same money twice; ask for it with --doc chargeback_letter "
                "only for a part the settlement does not cover")
    return None


SPEC = DocumentSpec(
    key="chargeback_letter",
    check=check,
    context=context,
    paper=paper,
    in_packet=in_packet,
    left_out=left_out,
)
