"""The order to act in (plan/steps.py; issue 16, point 17), and the dispute signs from the outcome's dates."""
from __future__ import annotations

import dataclasses
import datetime as dt

from factories import make_case

from restitution.case import model as m
from restitution.document import document_text
from restitution.pipeline.render import render_document
from restitution.plan import make_plan, plan_to_text
from restitution.plan.steps import CLOSE_DAYS, day_off, next_steps

TODAY = dt.date(2026, 11, 20)  # a Friday
EARLY = dt.date(2026, 11, 2)  # a Monday, 15 days before the card dispute's last day (17 November)


def steps(case: m.Case, today: dt.date = TODAY):
    return next_steps(case, make_plan(case, today))


def wire_only() -> m.Case:
    case = make_case()
    return dataclasses.replace(case, payments=case.payments[:1],
                               claim=dataclasses.replace(case.claim, amount=case.payments[0].amount))


def test_day_off_knows_weekends_and_prc_holidays():
    assert day_off(dt.date(2026, 11, 20)) is None
    assert day_off(dt.date(2026, 11, 21)) == "saturday" and day_off(dt.date(2026, 11, 22)) == "sunday"
    assert day_off(dt.date(2026, 10, 1)) == "holiday"  # National Day


def test_a_close_card_window_comes_first_with_its_last_day():
    first, *rest = steps(make_case(), EARLY)
    assert first.route == "chargeback.p2" and first.deadline
    assert first.date == dt.date(2026, 11, 17) and (first.date - EARLY).days <= CLOSE_DAYS
    assert [s.route for s in rest][:2] == ["police", "demand_letter"]


def test_a_distant_card_window_waits_behind_the_report_and_the_letter():
    later = steps(make_case(), dt.date(2026, 9, 1))  # the window closes more than CLOSE_DAYS away
    order = [s.route for s in later]
    assert order.index("police") < order.index("demand_letter") < order.index("chargeback.p2")


def test_without_a_deadline_the_next_step_is_today_and_the_report_leads():
    first = steps(wire_only())[0]
    assert first.route == "police" and not first.deadline and first.date == TODAY


def test_a_vanished_seller_is_reported_before_the_letter_is_sent():
    letter = next(s for s in steps(make_case()) if s.route == "demand_letter")
    assert letter.note is not None and letter.note.key == "plan.steps.report_first"
    answering = dataclasses.replace(make_case(), outcome=m.Outcome(kind="not_delivered", last_contact=TODAY))
    assert next(s for s in steps(answering) if s.route == "demand_letter").note is None


def test_a_letter_addressed_to_the_company_that_received_the_money_waits_for_the_report():
    from factories import paid_to_company

    case = paid_to_company()
    order = steps(case)
    letter = next(s for s in order if s.route == "demand_letter")
    assert letter.note is not None and letter.note.key == "plan.steps.payee_first"
    assert [s.route for s in order].index("police_payee") < [s.route for s in order].index("demand_letter")
    zh = document_text(render_document(case, "case_plan", "zh", TODAY))
    assert "本函同时致送收取款项的杭州示例贸易有限公司：应在向公安机关报案之后再发出" in zh
    # no report planned (a seller still answering reads as a contract dispute): nothing to wait for
    answering = dataclasses.replace(case, outcome=m.Outcome(kind="not_delivered", last_contact=TODAY))
    assert next(s for s in steps(answering) if s.route == "demand_letter").note is None


def test_a_last_day_on_a_weekend_is_flagged_in_the_plan_document():
    # a card payment on 24 July: the 120-day window closes on Saturday 21 November
    case = make_case()
    late = dataclasses.replace(case.payments[1], date=dt.date(2026, 7, 24))
    case = dataclasses.replace(case, payments=(case.payments[0], late))
    first = steps(case, dt.date(2026, 11, 16))[0]
    assert first.deadline and first.date == dt.date(2026, 11, 21) and first.day_off == "saturday"
    en = document_text(render_document(case, "case_plan", "en", dt.date(2026, 11, 16)))
    assert "That day is a Saturday: act by the working day before." in en


def test_now_on_a_weekend_is_still_now():
    """Unseen cases: a plan made on a Sunday told the client to act "now" and "by the working day
    before", a day already past."""
    saturday = dt.date(2026, 11, 21)
    first = steps(wire_only(), saturday)[0]
    assert not first.deadline and first.day_off is None
    zh = document_text(render_document(wire_only(), "case_plan", "zh", saturday))
    assert "下一步\n刑事报案：立即办理（今日为2026年11月21日，星期六）。\n" in zh
    assert "应在此前的工作日办理" not in zh
    text = plan_to_text(make_plan(wire_only(), saturday), "en", steps(wire_only(), saturday))
    assert "act by the working day before" not in text
    en = document_text(render_document(make_case(), "case_plan", "en", EARLY))
    assert "Next step\nChargeback (Visa •4242, payment 2): by Tuesday 17 November 2026. Its window closes in 15 days" in en
    assert "Then, in this order:\nPolice report: as soon as possible." in en
    assert "send the letter after, so that it does not warn the seller to move the money" in en


def test_the_terminal_plan_lists_the_steps_in_order():
    case = make_case()
    text = plan_to_text(make_plan(case, EARLY), "en", next_steps(case, make_plan(case, EARLY)))
    assert "NEXT STEPS (in the order to take them)\n  1. Chargeback (Visa •4242, payment 2): by 2026-11-17 Tuesday." in text
    assert "\n  2. Police report: as soon as possible.\n" in text


def test_dispute_signs_are_never_none_after_a_delivery_or_an_answer_beside_negotiation():
    delivered = dataclasses.replace(make_case(), outcome=m.Outcome(
        kind="junk_delivered", delivered_on=dt.date(2026, 8, 1), last_contact=dt.date(2026, 7, 1)))
    keys = [s.key for s in make_plan(delivered, TODAY).classification.dispute_signs]
    assert keys == ["delivered"]
    # last answer 2 Aug, after the 20 Jul payment: a sign only where the case records negotiation
    negotiating = dataclasses.replace(make_case(), indicators=m.Indicators(continued_negotiation=True))
    text = plan_to_text(make_plan(negotiating, TODAY), "en")
    assert "Dispute signs: none" not in text and "- answered the client after being paid" in text
    assert "- answered the client after being paid" not in plan_to_text(make_plan(make_case(), TODAY), "en")
    silent = dataclasses.replace(make_case(), outcome=m.Outcome(kind="not_delivered", last_contact=dt.date(2026, 7, 1),
                                                                seller_unreachable=True))
    assert "Dispute signs: none" in plan_to_text(make_plan(silent, TODAY), "en")


def test_a_demand_letter_that_cannot_be_made_is_a_step_to_add_what_it_lacks():
    """No refund account: the toolkit refuses the letter, so the step is to add the account,
    never "Demand letter: now" (unseen fjord case)."""
    case = dataclasses.replace(make_case(), claim=dataclasses.replace(make_case().claim, refund_account=None))
    letter = next(s for s in steps(case) if s.route == "demand_letter")
    assert letter.name.key == "plan.steps.add.refund_account"
    plan = make_plan(case, TODAY)
    route = next(r for r in plan.routes if r.id == "demand_letter")
    assert any(getattr(w, "key", "") == "plan.route.demand.missing.refund_account" for w in route.why)
    text = " ".join(plan_to_text(plan, "en", next_steps(case, plan)).split())  # unwrapped
    assert ("Add to the case file the account the supplier is to pay into (claim.refund_account), then make the "
            "demand letter") in text and "Demand letter: as soon as possible" not in text
    zh = "".join(plan_to_text(plan, "zh", next_steps(case, plan)).split())
    assert "在案件文件中补充供应商付款应汇入的收款账户（claim.refund_account），再出具催告函/律师函" in zh
    # with the account the step is the letter itself
    assert next(s for s in steps(make_case()) if s.route == "demand_letter").name.key == "plan.route.demand.name"
