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
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from restitution import rules
from restitution.case.model import Case, Exhibit, Payment
from restitution.documents import DocumentSpec
from restitution.errors import DocumentNotApplicable
from restitution.rules.chargeback import NOT_RECEIVED, WINDOW_DAYS

# Chinese names are followed by 卡 or 规则 in the letter ("万事达卡", "银联规则").
NETWORK_NAMES = {
    "visa": ("Visa", "Visa"),
    "mastercard": ("Mastercard", "万事达"),
    "amex": ("American Express", "美国运通"),
    "unionpay": ("UnionPay", "银联"),
    "discover": ("Discover", "Discover"),
    "jcb": ("JCB", "JCB"),
}
# The fraud code each network has for unauthorised use: named in the letter
# only to say that it is not the one to use (pitfall 7).
FRAUD_CODES = {"visa": "10.4", "mastercard": "4837"}
QUALITY = frozenset({"junk_delivered", "not_as_described"})
PAPER_LETTER = frozenset({"US", "CA"})


@dataclass(frozen=True)
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


# key -> (English, Chinese, evidence kinds that supply it)
_ENCLOSURES: dict[str, tuple[str, str, tuple[str, ...]]] = {
    "goods": ("Detailed description of the goods ordered (contract, purchase order or invoice)",
              "所购货物的详细描述（合同、采购订单或发票）",
              ("sales_contract", "purchase_order", "proforma_invoice", "commercial_invoice")),
    "expected_delivery": ("The agreed shipment or delivery date",
                          "约定发货日或交货日的证明",
                          ("sales_contract", "purchase_order", "proforma_invoice")),
    "tried_merchant": ("Correspondence showing the attempts to resolve the dispute with the merchant",
                       "持卡人与商户协商解决争议的往来记录",
                       ("emails",)),
    "payment": ("Record of the payment", "付款凭证", ("payment_proof",)),
    "return": ("How and when a return of the goods was attempted, and the merchant's answer",
               "退货或尝试退货的方式、时间及商户的答复",
               ()),  # the case file has no key for a return attempt: always to be supplied
    "counterfeit": ("Identification of the goods as counterfeit by the rights owner, customs, "
                    "law enforcement or a neutral expert",
                    "由知识产权权利人、海关、执法机关或中立专家出具的假冒认定",
                    ("test_report",)),
    "expert": ("Report of an independent expert or laboratory on the goods",
               "独立专家或检测机构对货物出具的报告",
               ("test_report",)),
    "representation": ("The merchant's description of the goods (product listing)",
                       "商户对货物的描述（商品页面）",
                       ("listing",)),
    "mc_letter": ("Cardholder letter describing the dispute (Dispute Resolution Form)",
                  "说明争议情况的持卡人信函（争议处理表）",
                  ()),
    "issuer_form": ("The issuer's own dispute form, completed and signed",
                    "发卡行的争议申请表（填写并签署）",
                    ()),
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


def _enclosures(case: Case, reason: rules.ReasonCode, lang: str) -> list[Enclosure]:
    zh = lang.startswith("zh")
    out = []
    for key, required in _enclosure_plan(reason, case.outcome.kind):
        en_text, zh_text, kinds = _ENCLOSURES[key]
        found = tuple(e for e in case.evidence if e.kind in kinds)
        out.append(Enclosure(key, zh_text if zh else en_text, required, found, by_this_letter=key == "mc_letter"))
    return out


def _cny(case: Case, payment: Payment) -> Decimal | None:
    """The CNY equivalent at the claim's rate, when the payment is in the claim's currency."""
    claim = case.claim
    if payment.currency == "CNY" or claim.cny_rate is None or payment.currency != claim.currency:
        return None
    return (payment.amount * claim.cny_rate).quantize(Decimal("0.01"))


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


def _disputed(case: Case, payment: Payment, index: int, lang: str, date: dt.date) -> dict[str, Any]:
    card = payment.card
    assert card is not None
    zh = lang.startswith("zh")
    reason = rules.chargeback_reason(card.network, case.outcome.kind)
    window = rules.chargeback_window(case, payment)
    fcba = rules.fcba(case, payment)
    s75 = rules.section75(case, payment)
    enclosures = _enclosures(case, reason, lang)
    alternatives = rules.alternative_reasons(card.network, case.outcome.kind)
    return {
        "n": index,
        "payment": payment,
        "card": card,
        "network": NETWORK_NAMES[card.network][1 if zh else 0],
        "cardholder": card.cardholder or (case.client.name_zh if zh and case.client.name_zh else case.client.name),
        "reason": reason,
        "reason_label": reason.label_zh if zh else reason.label_en,
        "alternatives": [a.label_zh if zh else a.label_en for a in alternatives],
        "fraud_code": FRAUD_CODES.get(card.network),
        "window": window,
        "window_status": window.status(date),
        "safe_latest": _safe_latest(payment, window),
        "start_kind": _start_kind(case, payment, window),
        "cny": _cny(case, payment),
        "enclosures": enclosures,
        "missing": [e for e in enclosures if e.missing and e.required],
        "fcba": fcba,
        "fcba_state": _fcba_state(fcba, date),
        "s75": s75 if s75.applies is True else None,
    }


def check(case: Case) -> None:
    if not case.card_payments:
        path = "payments"
        raise DocumentNotApplicable(
            "no card payment in this case (payments[].method: card)",
            case.locate(path),
        )


def context(case: Case, lang: str, date: dt.date) -> dict[str, Any]:
    disputed = [_disputed(case, p, i, lang, date) for i, p in enumerate(case.card_payments, start=1)]
    issuers = []
    for d in disputed:
        name = d["card"].issuer
        if name and name not in issuers:
            issuers.append(name)
    apps = [(p, rules.payment_app_dispute(p)) for p in case.payments if p.method in ("alipay", "wechat_pay")]
    total = sum((d["payment"].amount for d in disputed), Decimal("0"))
    currencies = {d["payment"].currency for d in disputed}
    return {
        "disputed": disputed,
        "issuers": issuers,
        # one total only when every disputed payment is in the same currency
        "total": total if len(currencies) == 1 else None,
        "total_currency": next(iter(currencies)) if len(currencies) == 1 else None,
        "foreign_issuer": any(d["card"].network != "unionpay" for d in disputed),
        "app_payments": [{"payment": p, "finding": f, "wechat": p.method == "wechat_pay"} for p, f in apps],
        "emails": [e for e in case.evidence if e.kind == "emails"],
        "enclosed": [e for e in case.evidence
                     if any(e in enc.exhibits for d in disputed for enc in d["enclosures"])],
        "expected_delivery": case.order.promised_delivery_date or case.order.promised_ship_date,
        "fcba_cite": rules.US_FCBA_1666.text(lang),
        "s75_cite": rules.UK_CCA_75.text(lang),
    }


def paper(case: Case) -> str:
    """The client's local paper: the letter goes to its own card issuer."""
    return "Letter" if case.client.country in PAPER_LETTER else "A4"


SPEC = DocumentSpec(
    key="chargeback_letter",
    title={"en": "Chargeback Request", "zh": "信用卡拒付申请"},
    check=check,
    context=context,
    paper=paper,
)
