"""When the buyer knew the goods did not conform, and whether the avoidance comes late (rules/conformity.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from factories import make_case

from restitution.case import model as m
from restitution.rules.conformity import TRIGGER_DAYS, late_avoidance

DELIVERED = dt.date(2026, 8, 28)


def delivered(kind: str = "counterfeit", **case_changes) -> m.Case:
    case = make_case(**case_changes)  # a US buyer, a mainland seller: the CISG applies
    return dataclasses.replace(case, outcome=dataclasses.replace(case.outcome, kind=kind, delivered_on=DELIVERED))


def test_known_on_delivery_without_a_finding():
    late = late_avoidance(delivered(), dt.date(2026, 11, 20))
    assert late is not None
    assert (late.known_on, late.exhibit, late.declared_on, late.days) == (DELIVERED, None, dt.date(2026, 11, 20), 84)


def test_the_earliest_finding_after_delivery_dates_the_knowledge():
    case = delivered()
    before = m.Exhibit(kind="test_report", title="Pre-shipment test", number=2, date=dt.date(2026, 7, 1))
    first = m.Exhibit(kind="test_report", title="Lab test", number=3, date=dt.date(2026, 9, 10))
    later = m.Exhibit(kind="authentication_letter", title="Brand owner", number=4, date=dt.date(2026, 9, 22))
    case = dataclasses.replace(case, evidence=case.evidence + (later, before, first))
    late = late_avoidance(case, dt.date(2026, 11, 20))
    assert late is not None and (late.known_on, late.exhibit, late.exhibit_kind, late.days) == (
        dt.date(2026, 9, 10), 3, "test_report", 71)


def test_the_trigger_is_more_than_its_days():
    assert late_avoidance(delivered(), DELIVERED + dt.timedelta(days=TRIGGER_DAYS)) is None
    assert late_avoidance(delivered(), DELIVERED + dt.timedelta(days=TRIGGER_DAYS + 1)) is not None


def test_not_for_undelivered_goods_a_settlement_or_a_sale_outside_the_convention():
    assert late_avoidance(delivered("not_delivered"), dt.date(2026, 11, 20)) is None
    case = delivered()
    assert late_avoidance(dataclasses.replace(case, order=dataclasses.replace(case.order, cisg=False)),
                          dt.date(2026, 11, 20)) is None
