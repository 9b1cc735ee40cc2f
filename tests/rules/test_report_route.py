"""Whether a criminal report belongs to the case: one rule for the plan, the packet and the demand
letter (lawyer5 items 2 and 3)."""
from __future__ import annotations

import dataclasses
from decimal import Decimal as D

from factories import counterfeit_purchase, make_case

from restitution.plan.routes import police
from restitution.plan.classify import classify
from restitution.rules.report_route import BELOW_THRESHOLD, CIVIL_DISPUTE, counterfeit_reportable, report_ruled_out


def test_a_vanished_seller_with_a_large_loss_is_reported():
    case = make_case()
    assert report_ruled_out(case) == () and police(case, classify(case)).status == "open"


def test_counterfeit_goods_below_every_filing_figure_rule_the_report_out():
    """The koala case: RMB 3,550 of counterfeits from a seller that still negotiates."""
    case = counterfeit_purchase()
    assert not counterfeit_reportable(case)
    assert report_ruled_out(case) == (CIVIL_DISPUTE, BELOW_THRESHOLD)
    assert police(case, classify(case)).status == "closed"


def test_counterfeit_goods_at_the_art_140_sales_figure_stay_reportable_and_the_plan_says_why():
    case = counterfeit_purchase(amount="8000.00")  # RMB 56,800
    assert classify(case).conclusion == "civil_dispute" and counterfeit_reportable(case)
    assert report_ruled_out(case) == ()
    route = police(case, classify(case))
    assert route.status == "open" and route.why[0].key == "plan.route.police.counterfeit"


def test_a_fraud_below_the_art_266_floor_is_ruled_out_as_below_the_threshold():
    case = make_case()  # vanished seller: the plan reads fraud
    small = dataclasses.replace(case, claim=dataclasses.replace(case.claim, amount=D("1000.00")),
                                payments=(dataclasses.replace(case.payments[0], amount=D("1000.00")),))
    assert classify(small).conclusion != "civil_dispute"
    assert report_ruled_out(small) == (BELOW_THRESHOLD,)


def test_a_hong_kong_seller_read_as_a_dispute_is_ruled_out_even_for_counterfeits():
    """No Hong Kong offence of selling fakes is pleaded, and no floor applies there."""
    case = counterfeit_purchase(amount="8000.00")
    hk = dataclasses.replace(case, supplier=dataclasses.replace(
        case.supplier, region="hong_kong", uscc=None, hk_company_no="3217845", province_zh=None, city_zh=None,
        district_zh=None))
    assert report_ruled_out(hk) == (CIVIL_DISPUTE,)
