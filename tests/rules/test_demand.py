"""Whether the demand letter announces a criminal report (issue 16, point 13)."""
from __future__ import annotations

import dataclasses

from factories import counterfeit_purchase, make_case

from restitution.rules.demand import reads_as_civil_dispute, report_in_demand, seller_vanished
from restitution.rules.reason import Reason


def with_seller(unreachable: bool, vanished: bool, asked: bool = False):
    case = make_case()
    return dataclasses.replace(
        case,
        outcome=dataclasses.replace(case.outcome, seller_unreachable=unreachable),
        # a false address and a company registered just before the order: the plan reads fraud
        indicators=dataclasses.replace(case.indicators, vanished_after_payment=vanished, fake_address=True,
                                       recently_registered=True),
        claim=dataclasses.replace(case.claim, announce_report=asked))


def test_a_seller_that_answers_is_told_of_the_report():
    finding = report_in_demand(with_seller(False, False))
    assert finding.applies is True and not seller_vanished(with_seller(False, False))


def test_a_vanished_seller_is_not_warned_and_the_report_comes_first():
    for unreachable, vanished in ((True, False), (False, True), (True, True)):
        finding = report_in_demand(with_seller(unreachable, vanished))
        assert finding.applies is False
        assert Reason("rules.demand.report_first") in finding.why


def test_the_case_may_ask_for_the_announcement():
    assert report_in_demand(with_seller(True, True, asked=True)).applies is True


def test_no_report_is_announced_when_the_case_reads_as_a_civil_dispute():
    case = with_seller(False, False, asked=True)
    plain = dataclasses.replace(case, indicators=dataclasses.replace(
        case.indicators, fake_address=False, recently_registered=False))
    assert reads_as_civil_dispute(plain) and not reads_as_civil_dispute(case)
    finding = report_in_demand(plain)
    assert finding.applies is False and finding.why == (Reason("rules.demand.civil_dispute"),)
    # counterfeit goods at the Art. 140 / 214 sales figure stay reportable whatever the weighing
    fake = dataclasses.replace(plain, outcome=dataclasses.replace(plain.outcome, kind="counterfeit"))
    assert not reads_as_civil_dispute(fake)


def test_no_report_is_announced_for_counterfeits_below_every_filing_figure():
    """lawyer5 item 3: the letter threatened a contract-fraud report the plan ruled out."""
    finding = report_in_demand(counterfeit_purchase())
    assert finding.applies is False
    assert finding.why == (Reason("rules.demand.civil_dispute"), Reason("rules.demand.below_threshold"))
