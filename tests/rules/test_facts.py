"""Facts against flags: the absconding indicator, proof per payment, the rate date (rules/facts.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal

from factories import make_case
from restitution.case import model as m
from restitution.rules.facts import (
    absconded,
    contradictions,
    payment_proofs,
    proofs_of,
    rate_day_problem,
    unproved_payments,
)


def with_outcome(case: m.Case, **changes) -> m.Case:
    return dataclasses.replace(case, outcome=dataclasses.replace(case.outcome, **changes))


def flagged(case: m.Case, vanished: bool = True) -> m.Case:
    return dataclasses.replace(case, indicators=dataclasses.replace(case.indicators, vanished_after_payment=vanished))


def test_silence_after_the_last_payment_is_absconding():
    case = flagged(make_case())  # paid 5 June and 20 July, last contact 2 August, nothing delivered
    assert absconded(case) and contradictions(case) == []


def test_a_reply_after_delivery_contradicts_absconding():
    # meridian-junk: delivered 22 September, answered 9 October
    case = flagged(with_outcome(make_case(), kind="junk_delivered", delivered_on=dt.date(2026, 9, 22),
                                last_contact=dt.date(2026, 10, 9)))
    assert not absconded(case)
    (c,) = contradictions(case)
    assert c.flag == "indicators.vanished_after_payment" and c.fact == "outcome.last_contact"
    assert "delivered goods on 2026-09-22 and answered on 2026-10-09" in c.message


def test_a_last_contact_before_the_last_payment_contradicts_absconding():
    case = flagged(with_outcome(make_case(), last_contact=dt.date(2026, 7, 1)))
    (c,) = contradictions(case)
    assert "(2026-07-01) is before the last payment (2026-07-20)" in c.message
    assert not absconded(case)


def test_unreachable_alone_is_no_statement_to_contradict():
    # seller_unreachable is a fact about today: not reported, but it does not make absconding either
    case = flagged(with_outcome(make_case(), kind="junk_delivered", delivered_on=dt.date(2026, 9, 22),
                                last_contact=dt.date(2026, 10, 9), seller_unreachable=True), vanished=False)
    assert contradictions(case) == [] and not absconded(case)


def proof(number: int, title: str, date: dt.date | None = None, **kw) -> m.Exhibit:
    return m.Exhibit(kind="payment_proof", title=title, number=number, date=date, **kw)


def test_a_proof_quoting_a_reference_proves_that_payment_only():
    case = make_case()
    wire = proof(2, "Wire advice FT26156XYZ", dt.date(2026, 9, 1))
    case = dataclasses.replace(case, evidence=case.evidence + (wire,))
    assert payment_proofs(case) == [(wire,), ()]  # the card payment is a gap, though the advice is later
    assert unproved_payments(case) == [1]


def test_a_reference_is_matched_without_spaces_dashes_or_case():
    case = make_case()
    advice = proof(2, "Remittance", file_text="evidence/ft-26156-xyz.pdf")
    case = dataclasses.replace(case, evidence=case.evidence + (advice,))
    assert proofs_of(case, case.payments[0]) == (advice,)


def test_a_generic_proof_covers_the_payments_up_to_its_date():
    case = make_case()
    statements = proof(2, "Bank statements June-July", dt.date(2026, 7, 31))
    early = proof(3, "June statement", dt.date(2026, 6, 30))
    case = dataclasses.replace(case, evidence=case.evidence + (statements, early))
    assert payment_proofs(case) == [(statements, early), (statements,)]
    undated = proof(4, "Bank records")
    case = dataclasses.replace(case, evidence=(undated,))
    assert unproved_payments(case) == []


def test_other_kinds_prove_no_payment():
    case = make_case()
    contract = m.Exhibit(kind="sales_contract", title="Contract FT26156XYZ", number=2)
    case = dataclasses.replace(case, evidence=(contract,))
    assert unproved_payments(case) == [0, 1]


def test_rate_dates_without_a_central_parity():
    assert rate_day_problem(dt.date(2026, 10, 1)) == "a PRC public holiday (National Day)"
    assert rate_day_problem(dt.date(2026, 10, 7)).startswith("a PRC public holiday")  # the shifted day off
    assert rate_day_problem(dt.date(2026, 2, 17)).startswith("a PRC public holiday (Chinese New Year")
    assert rate_day_problem(dt.date(2026, 11, 21)) == "a Saturday"
    assert rate_day_problem(dt.date(2026, 11, 22)) == "a Sunday"
    assert rate_day_problem(dt.date(2026, 11, 20)) is None  # a Friday
    assert rate_day_problem(dt.date(2026, 10, 9)) is None  # the Friday after the Golden Week


def test_a_proof_naming_its_method_never_proves_another_method():
    """The issue's chargeback letter offered the wire confirmation as proof of the card payment."""
    case = make_case()  # a wire on 5 June, a card payment on 20 July
    wire = proof(2, "Bank transfer confirmation", dt.date(2026, 8, 1))
    card = proof(3, "信用卡账单", dt.date(2026, 8, 1))
    case = dataclasses.replace(case, evidence=(wire, card))
    assert payment_proofs(case) == [(wire,), (card,)]


def test_the_folder_an_exhibit_is_filed_in_names_no_method():
    """Unseen case: evidence/jade-wechat/alipay.pdf, an Alipay record, was taken for proof of the
    WeChat Pay payment too, from the folder's name; the file's own name still counts."""
    case = make_case()  # a wire on 5 June, a card payment on 20 July
    filed = proof(2, "Payment record", dt.date(2026, 8, 1), file_text="evidence/card-case/bank-transfer.pdf")
    assert payment_proofs(dataclasses.replace(case, evidence=(filed,))) == [(filed,), ()]
    named = proof(2, "Payment record", dt.date(2026, 8, 1), file_text="evidence/2026/visa-statement.pdf")
    assert payment_proofs(dataclasses.replace(case, evidence=(named,))) == [(), (named,)]


def test_a_proof_quoting_a_wire_also_proves_the_card_payment_it_names():
    """Unseen case: "Transfer PENN-GZ8812-DEP and Visa statement" was taken for the wire's proof only,
    and the reconsideration application said the card payment's proof was to follow."""
    case = make_case()  # a wire FT26156XYZ on 5 June, a card payment (no reference) on 20 July
    both = proof(2, "Transfer FT26156XYZ and Visa statement", dt.date(2026, 8, 1))
    case = dataclasses.replace(case, evidence=(both,))
    assert payment_proofs(case) == [(both,), (both,)]
    early = proof(2, "Transfer FT26156XYZ and Visa statement", dt.date(2026, 7, 1))
    assert payment_proofs(dataclasses.replace(case, evidence=(early,))) == [(early,), ()]  # before the charge
    wire_only = proof(2, "Wire advice FT26156XYZ and covering letter", dt.date(2026, 8, 1))
    assert payment_proofs(dataclasses.replace(case, evidence=(wire_only,))) == [(wire_only,), ()]


def test_the_advice_of_restitution_received_proves_no_payment():
    """Unseen case: the credit advice of the first settlement instalment was cited as proof of the
    original payments in the demand letter."""
    from restitution.case.settlement import Instalment, Receipt, Settlement

    case = make_case()
    settlement = Settlement(agreed_amount=Decimal("20000.00"), currency="USD",
                            schedule=(Instalment(dt.date(2026, 9, 30), Decimal("20000.00")),),
                            received=(Receipt(dt.date(2026, 9, 29), Decimal("10000.00"), "HT-SETTLE-01"),))
    advice = proof(2, "Credit advice HT-SETTLE-01", dt.date(2026, 9, 29))
    case = dataclasses.replace(case, settlement=settlement, evidence=(advice,))
    assert unproved_payments(case) == [0, 1]


def test_an_advice_of_restitution_quoting_no_reference_proves_no_payment():
    """Fifth reading (maple): "付款凭证见证据2、证据6", where exhibit 6, "第一期退赔款到账通知", dated the day
    the first instalment arrived and quoting no reference, is the restitution received, not the buyer's payment."""
    from restitution.case.settlement import Instalment, Receipt, Settlement
    from restitution.rules.facts import receipt_proofs

    case = make_case()
    settlement = Settlement(agreed_amount=Decimal("20000.00"), currency="USD",
                            schedule=(Instalment(dt.date(2026, 9, 30), Decimal("20000.00")),),
                            received=(Receipt(dt.date(2026, 9, 30), Decimal("10000.00"), "MT103-0071"),))
    statements = proof(2, "Bank statements", dt.date(2026, 8, 1))
    by_day = proof(3, "Bank advice of 30 September 2026", dt.date(2026, 9, 30))  # the day the instalment arrived
    by_words = proof(4, "Advice of the first instalment", dt.date(2026, 10, 2), title_zh="第一期退赔款到账通知")
    case = dataclasses.replace(case, settlement=settlement, evidence=(statements, by_day, by_words))
    assert payment_proofs(case) == [(statements,), (statements,)]
    assert receipt_proofs(case) == (by_day, by_words)
    # without restitution received, a later generic advice still proves the payments before it
    unsettled = dataclasses.replace(case, settlement=None)
    assert by_day in proofs_of(unsettled, unsettled.payments[0])


# ------------------------------------------------------------------ refusal of platform payment

def escrow_case(*via: bool | None) -> m.Case:
    """make_case's two payments (5 June wire, 20 July card) marked on or off the platform, refusal stated."""
    case = make_case()
    pays = tuple(dataclasses.replace(p, via_platform=v) for p, v in zip(case.payments, via))
    return dataclasses.replace(case, payments=pays, indicators=m.Indicators(refused_escrow=True))


def test_a_platform_payment_after_the_one_outside_it_contradicts_an_outright_refusal():
    from restitution.rules.facts import escrow_contradictions, escrow_refusal

    case = escrow_case(False, True)  # deposit outside, balance through the platform (northwind)
    refusal = escrow_refusal(case)
    assert refusal is not None and not refusal.outright and refusal.off == (case.payments[0],)
    (c,) = escrow_contradictions(case)
    assert c.flag == "indicators.refused_escrow" and c.fact == "payments[1]"
    assert "paid through the platform on 2026-07-20, after the payment outside it on 2026-06-05" in c.message
    assert contradictions(case) == [c]


def test_a_refusal_after_a_platform_payment_stands_and_names_the_payment_outside():
    from restitution.rules.facts import escrow_contradictions, escrow_refusal

    case = escrow_case(True, False)  # first through the platform, then the balance outside it (meridian)
    refusal = escrow_refusal(case)
    assert refusal is not None and refusal.outright and refusal.off == (case.payments[1],)
    assert escrow_contradictions(case) == []
    # nothing known about the platform: the flag is taken as stated, without naming payments
    unknown = escrow_refusal(escrow_case(None, None))
    assert unknown is not None and unknown.outright and unknown.off == ()


def test_every_payment_through_the_platform_leaves_no_refusal():
    from restitution.rules.facts import escrow_contradictions, escrow_refusal

    case = escrow_case(True, True)
    assert escrow_refusal(case) is None
    (c,) = escrow_contradictions(case)
    assert c.fact == "payments" and c.message.startswith("every payment went through the platform")
    assert escrow_refusal(dataclasses.replace(case, indicators=m.Indicators())) is None


def test_a_summary_tells_the_silence_when_it_names_the_last_contact_and_the_silence():
    from restitution.rules.facts import summary_tells_silence

    def case(en, zh):
        c = make_case()
        return dataclasses.replace(c, outcome=dataclasses.replace(c.outcome, last_contact=dt.date(2026, 10, 9),
                                                                  summary=en, summary_zh=zh))
    told = case("Since 9 October the seller has not answered.", "自2026年10月9日起不再回复。")
    assert summary_tells_silence(told, True) and summary_tells_silence(told, False)
    other_day = case("Since 2 October the seller has not answered.", "自10月2日起不再回复。")
    assert not summary_tells_silence(other_day, True) and not summary_tells_silence(other_day, False)
    no_silence = case("On 9 October the seller promised to ship.", "2026年10月9日卖方承诺发货。")
    assert not summary_tells_silence(no_silence, True) and not summary_tells_silence(no_silence, False)
