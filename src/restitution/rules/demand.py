"""What the demand letter may threaten: whether it announces a criminal report (issue 16, point 13).

A seller that has vanished with the money is not warned: announcing a
report only tells it to move the money before the police can freeze it, so
the better order is to report first and send the letter after (the plan
words that advice from these reasons). The case may still ask for the
announcement (``claim.announce_report``). A seller that still answers is
told what follows if it does not pay, the report included. Reasons are
catalogue keys ``rules.demand.*`` (rules.yaml).
"""
from __future__ import annotations

from restitution.case.model import Case
from restitution.rules.finding import Finding
from restitution.rules.reason import Reason


def seller_vanished(case: Case) -> bool:
    """The seller disappeared after payment or no longer answers."""
    return case.indicators.vanished_after_payment or case.outcome.seller_unreachable


def report_in_demand(case: Case) -> Finding:
    """Whether the demand letter names a criminal report among the consequences."""
    if not seller_vanished(case):
        return Finding(True, (Reason("rules.demand.seller_answers"),))
    if case.claim.announce_report:
        return Finding(True, (Reason("rules.demand.asked"),))
    return Finding(False, (Reason("rules.demand.vanished"), Reason("rules.demand.report_first")))
