"""The loss in RMB, computed once for every document (rules/loss.py; domain.md §H.4)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

from factories import make_case, per_payment_rates

from restitution.case import model as m
from restitution.rules.loss import amount_in_cny, loss_in_cny, payment_in_cny, small_capital


def replace(case: m.Case, part: str, **changes) -> m.Case:
    return dataclasses.replace(case, **{part: dataclasses.replace(getattr(case, part), **changes)})


def test_each_payment_at_its_own_days_parity():
    loss = loss_in_cny(per_payment_rates())
    # 7,500 x 7.15 + 17,500 x 7.12 = 53,625 + 124,600
    assert loss.amount == D("178225.00") and loss.basis == "parity"
    assert [(r.rate_date, r.cny) for r in loss.per_payment] == [
        (dt.date(2026, 6, 5), D("53625.00")), (dt.date(2026, 7, 21), D("124600.00"))]


def test_the_single_rate_when_a_rate_is_missing_or_the_claim_is_not_the_payments():
    case = make_case()
    first, second = case.payments
    one_rate = dataclasses.replace(case, payments=(dataclasses.replace(first, cny_rate=D("7.15")), second))
    assert loss_in_cny(one_rate) == loss_in_cny(case)
    assert loss_in_cny(case).amount == D("177500.00") and loss_in_cny(case).per_payment == ()
    netted = replace(per_payment_rates(), "claim", amount=D("20000.00"))  # a refund netted off
    assert loss_in_cny(netted).per_payment == () and loss_in_cny(netted).amount == D("142000.00")
    assert loss_in_cny(case).basis == "estimate" and loss_in_cny(case).rate == case.claim.cny_rate


def test_no_rate_no_figure_and_rmb_claims_are_not_converted():
    case = make_case()
    no_rate = replace(case, "claim", cny_rate=None)
    assert loss_in_cny(no_rate).amount is None and loss_in_cny(no_rate).basis == "none"
    rmb = replace(case, "claim", currency="CNY", amount=D("86400.00"))
    assert loss_in_cny(rmb).amount == D("86400.00") and loss_in_cny(rmb).basis == "cny"


def test_a_payment_at_its_own_parity_else_the_estimate():
    case = per_payment_rates()
    first, second = case.payments
    assert payment_in_cny(case, second).amount == D("124600.00") and payment_in_cny(case, second).basis == "parity"
    plain = make_case()
    assert payment_in_cny(plain, plain.payments[1]).amount == D("124250.00")
    assert payment_in_cny(plain, plain.payments[1]).estimate


def test_the_whole_claim_converts_to_the_loss_itself():
    case = per_payment_rates()
    whole = amount_in_cny(case, case.claim.amount, case.claim.currency)
    assert whole.amount == loss_in_cny(case).amount == D("178225.00")
    part = amount_in_cny(case, D("10000.00"), case.claim.currency)  # what is left after a refund
    assert part.amount == D("71000.00") and part.estimate
    assert amount_in_cny(case, D("10.00"), "EUR").amount is None


# ------------------------------------------------------------------ one figure in a packet

def _packet_figures(case: m.Case) -> dict[str, set[D]]:
    """Every RMB amount each Chinese document of the packet prints (the victims schedule with a second victim)."""
    import re

    from restitution import documents
    from restitution.batch.schedule import group_by_supplier
    from restitution.document import dump
    from restitution.documents.victims_schedule import schedule_extra
    from restitution.pipeline.render import render_document

    date = dt.date(2026, 11, 20)
    texts = {key: dump(render_document(case, key, "zh", date)) for key in documents.applicable(case, date)}
    from factories import second_victim

    [group] = group_by_supplier([case, second_victim(case)])
    texts["victims_schedule"] = dump(render_document(case, "victims_schedule", "zh", date, extra=schedule_extra(group)))
    return {key: {D(x.replace(",", "")) for x in re.findall(r"人民币([0-9,]+\.[0-9]{2})元", t)}
            for key, t in texts.items()}


def _near(figures: dict[str, set[D]], loss: D) -> set[D]:
    # any conversion of the whole loss, at whatever rate of the year, falls within 10% of it
    return {f for fs in figures.values() for f in fs if abs(f - loss) <= loss / 10}


def test_a_packet_states_one_rmb_figure_of_the_loss():
    case = per_payment_rates()
    figures = _packet_figures(case)
    loss = loss_in_cny(case).amount
    assert loss == D("178225.00")
    assert _near(figures, loss) == {loss}  # never the single-rate 177,500.00 beside it
    for key in ("power_of_attorney", "demand_letter", "police_report", "case_plan"):
        assert loss in figures[key], key
    assert 2 * loss in figures["victims_schedule"] and loss in figures["victims_schedule"]
    assert 124600 in figures["chargeback_letter"]  # the card payment at its own day's parity, as in the police report


def test_without_each_days_rate_every_document_gives_the_same_estimate():
    case = make_case()
    figures = _packet_figures(case)
    assert _near(figures, D("177500.00")) == {D("177500.00")}
    for key in ("power_of_attorney", "demand_letter", "police_report", "case_plan"):
        assert D("177500.00") in figures[key], key


def test_registered_capital_is_a_sign_only_at_a_tenth_of_the_loss_or_less():
    case = per_payment_rates()  # loss 178,225.00

    def capital(amount: str) -> m.Case:
        return replace(case, "indicators", registered_capital_cny=D(amount))
    assert small_capital(capital("10000"))
    assert small_capital(capital("17822.50"))  # exactly a tenth
    assert not small_capital(capital("17822.51"))
    assert not small_capital(capital("150000"))  # below the loss, but of the same order: no sign
    assert not small_capital(replace(capital("10000"), "claim", cny_rate=None, currency="EUR"))  # loss unknown


# ------------------------------------------------------------------ one payment at its own day's parity

def one_payment_at_parity() -> m.Case:
    """The whole claim paid in one card payment whose own central parity the case gives (7.12 of 21 July)."""
    case = make_case()
    card = dataclasses.replace(case.payments[1], amount=D("25000.00"), cny_rate=D("7.1200"),
                               cny_rate_date=dt.date(2026, 7, 21))
    return dataclasses.replace(case, payments=(card,))


def test_one_payment_at_parity_names_its_rate_and_day():
    loss = loss_in_cny(one_payment_at_parity())
    assert loss.basis == "parity" and loss.amount == D("178000.00")
    # one row: the documents say "at the parity of <day> (1 = rate)", so the loss carries them
    assert (loss.rate, loss.rate_date) == (D("7.1200"), dt.date(2026, 7, 21))
    assert len(loss.per_payment) == 1
    several = loss_in_cny(per_payment_rates())
    assert several.rate is None and several.rate_date is None  # two days: no one rate to name


def test_every_document_of_a_one_payment_parity_case_renders():
    """A valid case paid once, with that payment's cny_rate, crashed render and validate (format_date of None)."""
    from restitution import documents
    from restitution.document import dump
    from restitution.language import OUTPUT_MODES
    from restitution.pipeline.render import render_document

    case, date = one_payment_at_parity(), dt.date(2026, 11, 20)
    keys = documents.applicable(case, date)
    assert {"power_of_attorney", "demand_letter", "police_report", "chargeback_letter"} <= set(keys)
    texts = {(key, lang): dump(render_document(case, key, lang, date)) for key in keys for lang in OUTPUT_MODES}
    assert "按2026年7月21日人民币汇率中间价（1美元兑人民币7.1200元）折算，合人民币178,000.00元" in \
        texts["demand_letter", "zh"]
    assert "CNY 178,000.00 at the RMB central parity of 21 July 2026 (USD 1 = CNY 7.1200)" in \
        texts["demand_letter", "en"]
    figures = _packet_figures(one_payment_at_parity())
    assert _near(figures, D("178000.00")) == {D("178000.00")}
