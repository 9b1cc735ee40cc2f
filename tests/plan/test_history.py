"""Routes marked by the case's history (plan/history.py): done, pending or next, with their dates."""
from __future__ import annotations

import datetime as dt

from restitution.plan import make_plan
from restitution.rules.reason import say, words_for
from stage_cases import stage_case

TODAY = dt.date(2026, 11, 20)


def en(value) -> str:
    return say(value, words_for("en"))


def deadlines(plan, route: str) -> dict[str, dt.date]:
    return {d.id: d.date for d in plan.deadlines if d.route == route}


def test_reported_is_pending_with_the_decision_days():
    plan = make_plan(stage_case("reported"), TODAY)
    police = plan.route("police")
    assert police.status == "pending"
    assert en(police.why[0]) == ("Reported to 深圳市公安局宝安区分局经济犯罪侦查大队 on 1 September 2026.")
    assert deadlines(plan, "police") == {"police.decision7": dt.date(2026, 9, 8),
                                         "police.decision30": dt.date(2026, 10, 1),
                                         "police.decision60": dt.date(2026, 10, 31)}
    assert any("supplementary submission" in en(w) for w in police.why)
    assert plan.route("demand_letter").status == "open"


def test_opened_is_done_and_the_demand_closed():
    plan = make_plan(stage_case("opened"), TODAY)
    police = plan.route("police")
    assert police.status == "done" and not police.deadlines
    said = [en(w) for w in police.why]
    assert "Case opened on 15 September 2026 (case no. 深公宝（经）立〔2026〕2087号)." in said
    assert "张三: criminal detention (刑事拘留) on 25 September 2026." in said
    assert plan.route("demand_letter").status == "closed"


def test_refused_makes_reconsideration_the_next_step_with_its_day():
    plan = make_plan(stage_case("refused"), TODAY)
    assert plan.route("police").status == "done"
    assert "refused to open a case on 14 November 2026" in en(plan.route("police").why[-1])
    recon = plan.route("reconsideration")
    assert recon.status == "next"
    assert deadlines(plan, "reconsideration") == {"reconsideration.deadline": dt.date(2026, 11, 23)}
    assert "received 16 November 2026" in en(recon.why[0])
    late = make_plan(stage_case("refused"), dt.date(2026, 11, 24)).route("reconsideration")
    assert late.status == "missed" and late.deadlines[0].missed


def test_settlement_closes_the_demand_and_dates_the_guarantee():
    plan = make_plan(stage_case("settled_partial"), TODAY)
    assert plan.route("demand_letter").status == "closed"
    (guarantee,) = [d for d in plan.deadlines if d.id == "settlement.guarantee"]
    # general guarantee (type unstated): 6 months from the unpaid instalment's due date, 15 Dec 2026
    assert guarantee.date == dt.date(2027, 6, 15) and "general guarantee" in en(guarantee.what)


def test_an_overdue_instalment_makes_the_demand_the_next_step():
    """Unseen case: the second instalment was two weeks overdue, the packet held a demand for it, and
    the plan still said "no new demand" and gave no step for the default."""
    case = stage_case("settled_partial")  # instalment 2 (USD 10,000.00) due 15 December 2026
    late = make_plan(case, dt.date(2026, 12, 20))
    demand = late.route("demand_letter")
    assert demand.status == "next"
    assert en(demand.why[0]) == ("Instalment 2 of the settlement (10,000.00 USD, due 15 December 2026) is unpaid: demand "
                                 "what is overdue under the agreement, from the supplier and any guarantor; the "
                                 "demand letter asks for that amount only.")
    from restitution.plan.steps import next_steps

    assert next_steps(case, late)[0].route == "demand_letter"


def test_a_settlement_paid_in_full_makes_the_pardon_the_next_step_and_closes_the_rest():
    """The third reading (osprey): after the last instalment arrived the plan still said "civil action: now"
    and "next: a supplementary submission asking to pursue the proceeds"; the instalment received early
    read as due today. The pardon, handed to the body with the case, is the next step."""
    from restitution.plan.steps import next_steps

    case = stage_case("settled_paid")  # USD 20,000.00 agreed; instalment 2 due 15 Dec 2026, received 10 Nov
    plan = make_plan(case, TODAY)
    pardon = plan.route("pardon")
    assert pardon.status == "next"
    assert en(pardon.why[0]) == ("The agreed restitution of USD 20,000.00 was received in full on 10 November 2026: "
                                 "hand the written pardon to Economic Crime Investigation Brigade, Bao'an Branch, Shenzhen "
                                 "Public Security Bureau, which has the case.")
    assert "lawyer signs it" in en(pardon.why[1])
    zh = say(pardon.why[0], words_for("zh"))
    assert zh == "约定退赔款20,000.00美元已于2026年11月10日全部到账，应向办理本案的深圳市公安局宝安区分局经济犯罪侦查大队提交谅解书。"
    police = [say(w, words_for("zh")) for w in plan.route("police").why]
    assert police[-1] == "下一步：向深圳市公安局宝安区分局经济犯罪侦查大队提交谅解书（约定退赔款已于2026年11月10日全部到账）。"
    assert not any("追赃挽损" in w for w in police)
    civil = plan.route("civil")
    assert civil.status == "closed" and "unless the agreement expressly reserves" in en(civil.why[0])
    assert all(r.status not in ("open", "next", "not_yet") for r in plan.routes if r.id != "pardon")
    steps = next_steps(case, plan)
    assert [s.route for s in steps] == ["pardon"]
    assert say(steps[0].name, words_for("zh")) == \
        "向深圳市公安局宝安区分局经济犯罪侦查大队提交谅解书（约定退赔款已于2026年11月10日全部到账）"


def test_a_settlement_still_owed_keeps_the_pardon_waiting_and_the_routes_open():
    plan = make_plan(stage_case("settled_partial"), TODAY)
    pardon = plan.route("pardon")
    assert pardon.status == "not_yet" and "USD 10,000.00 is still owed" in en(pardon.why[0])
    # the case is opened on the same facts: no plain "civil action: open" (fifth review, item 10)
    assert plan.route("civil").status == "unknown"
    assert "pursue the proceeds" in en(plan.route("police").why[-1])
    assert "pardon" not in {r.route for r in __import__("restitution.plan.steps", fromlist=["x"]).next_steps(
        stage_case("settled_partial"), plan)}
    assert all(r.id != "pardon" for r in make_plan(stage_case("opened"), TODAY).routes)


def test_instalments_are_paid_on_the_day_the_money_covering_them_arrived():
    """Receipts go to the earliest instalments first; an instalment received before its day is paid, not due."""
    plan = make_plan(stage_case("settled_paid"), TODAY)
    dues = {d.id: d for d in plan.deadlines if d.kind == "due"}
    assert dues["settlement.instalment1"].paid_on == dt.date(2026, 10, 14)
    assert dues["settlement.instalment2"].paid_on == dt.date(2026, 11, 10)  # its day, 15 Dec 2026, is ahead
    assert en(dues["settlement.instalment2"].what) == "Instalment 2 of 10,000.00 USD from the supplier"
    assert not any(d.missed for d in dues.values())
    owed = {d.id: d for d in make_plan(stage_case("settled_partial"), dt.date(2026, 12, 20)).deadlines}
    assert owed["settlement.instalment1"].paid_on == dt.date(2026, 10, 14)
    assert owed["settlement.instalment2"].paid_on is None and owed["settlement.instalment2"].missed
    assert "due from the supplier" in en(owed["settlement.instalment2"].what)


def test_the_supplementary_submission_is_a_step_while_the_unit_holds_the_report():
    """Fifth review, item 16: the packet holds a supplementary submission; the plan's next steps name it."""
    from restitution.plan.steps import next_steps

    zh = words_for("zh")
    for stage in ("reported", "opened", "settled_partial"):
        case = stage_case(stage)
        plan = make_plan(case, TODAY)
        step = plan.route("supplement")
        assert step.status == "open"
        assert say(step.name, zh) == "向深圳市公安局宝安区分局经济犯罪侦查大队提交补充报案材料"
        assert en(step.name) == ("Supplementary submission to Economic Crime Investigation Brigade, Bao'an Branch, "
                                 "Shenzhen Public Security Bureau")
        assert "supplement" in [s.route for s in next_steps(case, plan)]
    order = [s.route for s in next_steps(stage_case("opened"), make_plan(stage_case("opened"), TODAY))]
    assert [r for r in order if not r.startswith("chargeback")][0] == "supplement"  # after a card's close deadline
    # nothing to supplement before a report, after a refusal, or once the agreed sum has arrived
    for stage in ("new", "refused", "settled_paid"):
        assert all(r.id != "supplement" for r in make_plan(stage_case(stage), TODAY).routes)


def test_bail_gets_the_end_of_its_longest_term_hedged():
    """Fifth review, item 16: a suspect on bail (取保候审): the end of twelve months from the decision is
    dated, worded as an inference with the decision's own term as the authority (not in domain.md)."""
    import dataclasses

    case = stage_case("opened")
    p = case.proceedings
    bail = dataclasses.replace(case, proceedings=dataclasses.replace(p, suspects=(
        dataclasses.replace(p.suspects[0], measure="bail", measure_on=dt.date(2026, 8, 1)),)))
    plan = make_plan(bail, TODAY)
    ends = [d for d in plan.route("police").deadlines if d.id == "police.measure0"]
    assert [(d.date, d.kind, d.missed) for d in ends] == [(dt.date(2027, 8, 1), "ends", False)]
    assert say(ends[0].what, words_for("zh")) == "张三取保候审的最长期限（自2026年8月1日起十二个月；系推断，以决定书所载期限为准）"
    assert "police.measure_term" in {r.id for r in plan.rules}
    # residential surveillance: six months; detention: no term printed; a term already over: nothing
    watched = dataclasses.replace(bail, proceedings=dataclasses.replace(p, suspects=(
        dataclasses.replace(p.suspects[0], measure="residential_surveillance", measure_on=dt.date(2026, 10, 31)),)))
    assert [d.date for d in make_plan(watched, TODAY).deadlines if d.id == "police.measure0"] == [dt.date(2027, 4, 30)]
    assert not [d for d in make_plan(case, TODAY).deadlines if d.id.startswith("police.measure")]
    assert not [d for d in make_plan(bail, dt.date(2027, 8, 2)).deadlines if d.id.startswith("police.measure")]
    from restitution.plan.steps import next_steps
    assert all(s.date != dt.date(2027, 8, 1) for s in next_steps(bail, plan))


def test_a_case_opened_on_the_same_facts_hedges_the_civil_route():
    """Fifth review, item 10: the sale's money goes through the criminal case (追缴、责令退赔); a civil
    suit is at most for sums a settlement made due, and whether a court takes it is to be checked [R]."""
    zh = words_for("zh")
    opened = make_plan(stage_case("opened"), TODAY).route("civil")
    assert opened.status == "unknown" and not opened.needs
    assert say(opened.why[0], zh).startswith("同一事实已由公安机关立案侦查：就原买卖合同的返还请求，一般通过刑事程序中的追缴、"
                                            "责令退赔解决，另行提起民事诉讼很可能不被受理（推断，起诉前须核实）")
    assert "civil.parallel_criminal" in opened.rules
    late = make_plan(stage_case("settled_partial"), dt.date(2026, 12, 20)).route("civil")
    assert late.status == "unknown"
    assert say(late.name, zh) == "民事诉讼（仅就和解协议项下到期款项）"
    assert say(late.why[1], zh) == "可考虑仅就和解协议项下已到期未付的款项10,000.00 USD起诉；法院是否受理须核实。"
    # not opened: the civil route of a fresh case is unchanged
    for stage in ("new", "reported"):
        assert make_plan(stage_case(stage), TODAY).route("civil").status == "open"
