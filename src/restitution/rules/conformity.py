"""When the buyer knew the goods did not conform, and whether the avoidance declared now comes late.

CISG Art. 39(1): a buyer loses the right to rely on a lack of conformity if it
does not notify the seller within a reasonable time after it discovered it or
ought to have discovered it; Art. 49(2)(b)(i): once the goods are delivered,
the buyer loses the right to declare the contract avoided unless it does so
within a reasonable time after it knew or ought to have known of the breach
(domain.md §H.1 [C] for the texts). Neither fixes a number of days, and
domain.md records no court's figure, so nothing here says the avoidance IS
late: the warning (case/crosscheck.py) and the plan (plan/routes.py) tell
the user that the seller may argue it, and to record an earlier notice if one
was given (``proceedings.nonconformity_notice``), which the demand letter then
cites.

Trade-off: the day the buyer knew is taken generously, as the earliest
authentication letter or test report dated on or after delivery, else the
delivery itself; an earlier e-mail or chat the case does not type is not
read. A later date than the truth only makes the warning rarer, never wrong
in what it says. ``TRIGGER_DAYS`` is the toolkit's threshold for telling the
lawyer to weigh the risk, not a rule of law.
"""
from __future__ import annotations

import datetime as dt

from restitution.case.model import Case
from restitution.records import record

# Outcomes where goods were delivered that do not conform: the demand letter declares avoidance at once.
NONCONFORMING = ("junk_delivered", "not_as_described", "counterfeit")
# Exhibits that date the buyer's knowledge of the non-conformity (a brand owner's letter, a test).
FINDINGS = ("authentication_letter", "test_report")
TRIGGER_DAYS = 30


@record
class LateAvoidance:
    known_on: dt.date  # the day the buyer knew (see the module docstring)
    exhibit: int | None  # the exhibit that dates it, or None: the delivery
    exhibit_kind: str | None
    declared_on: dt.date  # the demand letter's date: sent, or the documents' date
    days: int


def late_avoidance(case: Case, date: dt.date) -> LateAvoidance | None:
    """A CISG sale of non-conforming goods, avoided more than `TRIGGER_DAYS` after the buyer knew, with no
    notice of non-conformity recorded; None otherwise (a settlement: the letter then avoids nothing)."""
    from restitution.rules.sales_law import sales_law

    o, p = case.outcome, case.proceedings
    if o.kind not in NONCONFORMING or case.settlement is not None or (p and p.nonconformity_notice):
        return None
    if sales_law(case).regime != "cisg":
        return None
    findings = sorted((e.date, e.number, e.kind) for e in case.evidence if e.kind in FINDINGS
                      and e.date is not None and (o.delivered_on is None or e.date >= o.delivered_on))
    known_on: dt.date
    exhibit: int | None = None
    kind: str | None = None
    if findings:
        known_on, exhibit, kind = findings[0]
    elif o.delivered_on is not None:
        known_on = o.delivered_on
    else:
        return None
    declared = p.demand_letter.sent_on if p and p.demand_letter else date
    days = (declared - known_on).days
    if days <= TRIGGER_DAYS:
        return None
    return LateAvoidance(known_on, exhibit, kind, declared, days)
