"""What the demand letter may threaten: whether it announces a criminal report (issue 16, point 13).

A seller that has vanished with the money is not warned: announcing a
report only tells it to move the money before the police can freeze it, so
the better order is to report first and send the letter after (the plan
words that advice from these reasons). The case may still ask for the
announcement (``claim.announce_report``). A seller that still answers is
told what follows if it does not pay, the report included, unless the plan
rules the criminal route out (`rules.report_route`: a civil dispute, or a
mainland loss below the Art. 266 floor, as for the police report the packet
leaves out): then no report is announced, even when the case asks. A demand
for money backed by a criminal complaint the facts do not support is no
lever, and in Hong Kong may come near a demand with menaces (Theft Ordinance
s.23: an inference, to be verified); the letter keeps to the civil remedies
and, for a mainland seller, a complaint or report to the market regulator
(lawyer5 item 3). Reasons are catalogue keys ``rules.demand.*`` (rules.yaml).
"""
from __future__ import annotations

from restitution.case.model import Case
from restitution.rules.finding import Finding
from restitution.rules.reason import Reason
from restitution.rules.report_route import CIVIL_DISPUTE, report_ruled_out


def seller_vanished(case: Case) -> bool:
    """The seller disappeared after payment or no longer answers."""
    return case.indicators.vanished_after_payment or case.outcome.seller_unreachable


def reads_as_civil_dispute(case: Case) -> bool:
    """The plan reads the case as a civil dispute, so the police route is not open; counterfeit
    goods stay reportable from the Art. 140 / 214 sums (rules.report_route)."""
    return CIVIL_DISPUTE in report_ruled_out(case)


def report_in_demand(case: Case) -> Finding:
    """Whether the demand letter names a criminal report among the consequences."""
    ruled_out = report_ruled_out(case)
    if ruled_out:
        return Finding(False, tuple(Reason(f"rules.demand.{why}") for why in ruled_out))
    if not seller_vanished(case):
        return Finding(True, (Reason("rules.demand.seller_answers"),))
    if case.claim.announce_report:
        return Finding(True, (Reason("rules.demand.asked"),))
    return Finding(False, (Reason("rules.demand.vanished"), Reason("rules.demand.report_first")))
