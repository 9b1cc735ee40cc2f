"""Whether the case supports a criminal report at all: one answer for the plan, the packet and the
demand letter (lawyer5 items 2 and 3; domain.md §C "Offences and thresholds", "Fraud vs a mere
contract dispute", §H.3).

A report is ruled out when

- the plan reads the case as a civil dispute (`plan.classify`): the 经侦 unit would refuse it as an
  经济纠纷, and the memo would assert an intent to defraud the file shows no sign of. Counterfeit goods
  are the exception only where the loss reaches the lower of the Art. 140 and Art. 214 sales figures
  (RMB 50,000: 公通字〔2008〕36号 Art. 16; 法释〔2025〕5号 Art. 5 [S]): passing fakes off as genuine is
  an offence without the Art. 224 intent, but only from those sums. That is mainland law: a Hong
  Kong seller the plan reads as a civil dispute is not reported whatever its goods (no Hong Kong
  offence of selling fakes is pleaded by this toolkit);
- or, for a mainland supplier, the loss in RMB is below the Art. 266 floor of the supplier's province
  (法释〔2011〕7号 Art. 1): it is then below the Art. 224 figure (RMB 20,000, 公通字〔2022〕12号 Art. 69)
  and the Art. 140 / 214 figures too, so no offence the memo could plead is reached.

Trade-off: the figures are the client's own loss. The police count everything the seller obtained,
other buyers' money included, so a report below them is not unlawful: it stays available by name
(`--doc police_report`), worded as a request to examine the facts rather than an assertion of a
crime. The default packet, the plan and the letter's threats follow this rule, so they cannot
disagree. An unknown RMB figure (no rate) rules nothing out: the report's own check asks for it.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from restitution.case.model import Case
from restitution.rules.police import ART140_SALES_CNY, ART214_SALES_CNY, loss_check

if TYPE_CHECKING:
    from restitution.plan.model import Classification

CIVIL_DISPUTE = "civil_dispute"
BELOW_THRESHOLD = "below_threshold"
# The lowest sales figure at which selling counterfeit goods is prosecuted (Art. 140 or Art. 214).
COUNTERFEIT_FLOOR_CNY = min(ART140_SALES_CNY, ART214_SALES_CNY)


def counterfeit_reportable(case: Case) -> bool:
    """Counterfeit goods from a mainland seller at a sum the Art. 140 / 214 figures reach."""
    if case.outcome.kind != "counterfeit":
        return False
    if case.supplier.region != "mainland":
        return False
    cny = loss_check(case).amount_cny
    return cny is None or cny >= COUNTERFEIT_FLOOR_CNY


def report_ruled_out(case: Case, cls: Classification | None = None) -> tuple[str, ...]:
    """Why no criminal report belongs in the case (CIVIL_DISPUTE, BELOW_THRESHOLD, or both);
    empty when it does. `cls` is the plan's classification when the caller has it."""
    region = case.supplier.region
    if region not in ("mainland", "hong_kong"):
        return ()  # no police body this toolkit names: the report's own check says so
    if cls is None:
        from restitution.plan.classify import classify  # the plan builds on the rules: loaded here

        cls = classify(case)
    out = []
    if cls.conclusion == "civil_dispute" and not counterfeit_reportable(case):
        out.append(CIVIL_DISPUTE)
    if region == "mainland" and cls.loss.art266_reached is False:
        out.append(BELOW_THRESHOLD)
    return tuple(out)
