"""Fraud or contract dispute: weigh the signs in the case file (domain.md §C).

The police refuse a report that reads like a late delivery or a quality
complaint, so the plan says up front which signs of intent to take possession
illegally the case shows, which signs of an ordinary dispute, and what that
adds up to. It is a screening aid: the weighing rule is itself marked [R].
What it says is keyed into the catalogues (``plan.classify.*``, ``plan.sign.*``).
"""
from __future__ import annotations

from restitution.case.model import Case
from restitution.plan.model import Classification, Sign
from restitution.rules import (
    CRIMINAL_LAW_224,
    CRIMINAL_LAW_266,
    FILING_STANDARD_69,
    FRAUD_INTERPRETATION_1,
    HK_THEFT_16A,
    loss_check,
)
from restitution.rules.facts import absconded, escrow_contradictions
from restitution.rules.payee import payees
from restitution.rules.loss import small_capital
from restitution.rules.reason import Reason, Series

# Signs in the order printed; each is worded by plan.sign.<key> and reads after
# "The supplier" / "供应商".
_FRAUD_SIGNS = ("vanished_after_payment", "seller_unreachable", "fake_address", "forged_documents",
                "recently_registered", "registered_capital_cny", "personal_email_used", "shipped_junk",
                "refused_escrow", "third_party_payee")
# "delivered" and "answered_after_payment" come from the outcome's dates: a seller's lawyer
# cites them first, so the plan never says the file shows no sign of a dispute when they hold.
# Replies after payment count only beside negotiation or partial performance the case records:
# a seller who answered with a false tracking number or "next week" was stalling, which is no
# sign of a dispute (lawyer's review s22, item 14).
_DISPUTE_SIGNS = ("partial_performance", "continued_negotiation", "partial_delivery", "delivered",
                  "answered_after_payment")
# Absconding after payment and forged documents are Art. 224 means on their own.
_STRONG = {"vanished_after_payment", "seller_unreachable", "forged_documents"}


def _signs(case: Case) -> tuple[list[Sign], list[Sign]]:
    ind = case.indicators
    present = {key for key in _FRAUD_SIGNS if key != "registered_capital_cny" and getattr(ind, key, False)}
    if case.outcome.seller_unreachable:
        present.add("seller_unreachable")
    if not absconded(case):  # the case's own dates contradict it (rules.facts): not a sign
        present.discard("vanished_after_payment")
    if escrow_contradictions(case):  # a platform payment contradicts the refusal (rules.facts)
        present.discard("refused_escrow")
    if payees(case):
        present.add("third_party_payee")
    if small_capital(case):  # at most a tenth of the loss in RMB (rules/loss.py)
        present.add("registered_capital_cny")
    fraud = [Sign(k) for k in _FRAUD_SIGNS if k in present]
    dispute_present = {k for k in ("partial_performance", "continued_negotiation") if getattr(ind, k)}
    out = case.outcome
    if out.kind == "partial_delivery":
        dispute_present.add("partial_delivery")
    elif out.delivered_on is not None or out.kind != "not_delivered":
        dispute_present.add("delivered")
    last_paid = max((p.date for p in case.payments), default=None)
    if (out.last_contact is not None and last_paid is not None and out.last_contact > last_paid
            and (ind.continued_negotiation or ind.partial_performance)):
        dispute_present.add("answered_after_payment")
    dispute = [Sign(k) for k in _DISPUTE_SIGNS if k in dispute_present]
    return fraud, dispute


def _c(name: str, **params: object) -> Reason:
    return Reason(f"plan.classify.{name}", **params)


def _series(signs: list[Sign]) -> Series:
    return Series(tuple(s.text for s in signs))


def classify(case: Case) -> Classification:
    fraud, dispute = _signs(case)
    keys = {s.key for s in fraud}
    loss = loss_check(case)
    rules = ["police.fraud_test", "police.dispute_signs", "police.art224_means", "classify.weighing",
             "police.art224_threshold", "police.art266_range", "police.loss_in_cny"]
    if "registered_capital_cny" in keys or case.indicators.registered_capital_cny is not None:
        rules.append("classify.capital_below_deal")
    if loss.art266.provincial:
        rules.append("police.art266_provincial")

    strong = bool(keys & _STRONG)
    negotiating = any(s.key == "continued_negotiation" for s in dispute)
    criminal = (strong and not negotiating) or (len(fraud) >= 2 and len(fraud) > len(dispute))
    hk = case.supplier.region == "hong_kong"
    signs = (tuple(fraud), tuple(dispute))

    if not criminal:
        why = _c("civil.why",
                 shows=_c("civil.shows_dispute", signs=_series(dispute)) if dispute else _c("civil.shows_nothing"),
                 fraud=_c("civil.only_fraud", signs=_series(fraud)) if fraud else _c("civil.no_fraud"))
        return Classification("civil_dispute", _c("label.civil_dispute"), why, *signs, loss, (), tuple(rules))

    base = _c("base", fraud=_series(fraud),
              against=_c("against", signs=_series(dispute)) if dispute else _c("nothing_against"))
    if hk:
        return Classification("fraud", _c("label.hong_kong"), _c("why.hong_kong", base=base), *signs, loss,
                              (HK_THEFT_16A,), tuple(rules + ["police.hong_kong"]))
    if loss.amount_cny is None:
        return Classification("contract_fraud", _c("label.contract_fraud_unknown"),
                              _c("why.contract_fraud_unknown", base=base, loss=loss.note), *signs, loss,
                              (CRIMINAL_LAW_224, FILING_STANDARD_69), tuple(rules))
    if loss.art224_reached:
        return Classification("contract_fraud", _c("label.contract_fraud"),
                              _c("why.contract_fraud", base=base, loss=loss.note), *signs, loss,
                              (CRIMINAL_LAW_224, FILING_STANDARD_69), tuple(rules))
    below = _c("reached_fraud") if loss.art266_reached else _c("below_fraud")
    return Classification("fraud", _c("label.fraud"), _c("why.fraud", base=base, loss=loss.note, below=below),
                          *signs, loss, (CRIMINAL_LAW_266, FRAUD_INTERPRETATION_1), tuple(rules))
