"""The offence pleaded from the facts (rules/offence.py; domain.md §H.3, §H.4)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

from factories import make_case

from restitution.case import model as m
from restitution.case.proceedings import Proceedings, Suspect
from restitution.rules.offence import individuals, pleading


def replace(case: m.Case, part: str, **changes) -> m.Case:
    return dataclasses.replace(case, **{part: dataclasses.replace(getattr(case, part), **changes)})


def forged_bl(date: dt.date | None) -> m.Case:
    """The seller sends a forged bill of lading, dated or not."""
    case = make_case()
    bl = m.Exhibit(kind="other", title="Bill of lading COSU123", number=2, date=date, forged=True)
    return dataclasses.replace(case, evidence=case.evidence + (bl,))


def delivered_and_answering() -> m.Case:
    """Goods delivered and the seller answered afterwards: it did not abscond."""
    return replace(make_case(), "outcome", kind="junk_delivered", delivered_on=dt.date(2026, 8, 1),
                   last_contact=dt.date(2026, 9, 1), seller_unreachable=False)


def test_item_4_only_when_the_seller_absconded():
    assert pleading(make_case()).items == ("四", "五")
    assert pleading(delivered_and_answering()).items == ("五",)


def test_a_forged_document_before_a_payment_induced_it():
    p = pleading(forged_bl(dt.date(2026, 7, 10)))
    first, second = p.inducements
    assert first.forged == () and [e.title for e in second.forged] == ["Bill of lading COSU123"]
    assert p.forged_to_delay == ()


def test_a_forged_document_after_the_last_payment_served_to_delay():
    p = pleading(forged_bl(dt.date(2026, 7, 28)))
    assert all(i.forged == () for i in p.inducements)
    assert [e.title for e in p.forged_to_delay] == ["Bill of lading COSU123"]


def test_an_undated_forged_document_is_pleaded_without_a_link():
    p = pleading(forged_bl(None))
    assert [e.number for e in p.forged_undated] == [2] and p.forged_to_delay == ()


def test_counterfeit_goods_are_pleaded_in_the_alternative():
    assert pleading(replace(make_case(), "outcome", kind="counterfeit")).counterfeit
    assert not pleading(make_case()).counterfeit


def test_individuals_suspects_legal_representative_and_contacts_once_each():
    case = replace(make_case(), "supplier", contacts=(
        m.Contact(name="Tony Wang", name_zh="王涛", role="sales manager"),
        m.Contact(name="Zhang San", name_zh="张三"),  # the legal representative again
        m.Contact(email="nobody@example.com")))  # no name: nobody to name
    case = dataclasses.replace(case, proceedings=Proceedings(suspects=(
        Suspect(name="Li Si", name_zh="李四", role="shareholder", id_no="11010519491231002X"),)))
    people = individuals(case)
    assert [(p.name_zh, p.role) for p in people] == [
        ("李四", "shareholder"), ("张三", "legal_representative"), ("王涛", "contact")]
    assert people[0].id_no == "11010519491231002X" and people[2].claimed_role == "sales manager"


def test_a_delivery_is_pleaded_as_goods_passed_off_never_as_a_false_promise():
    assert pleading(make_case()).deception == "promise"  # nothing delivered
    report = m.Exhibit(kind="test_report", title="Inspection report", number=9)
    for kind, deception in (("junk_delivered", "junk"), ("not_as_described", "nonconforming"),
                            ("counterfeit", "counterfeit"), ("partial_delivery", "partial")):
        case = replace(make_case(), "outcome", kind=kind, delivered_on=dt.date(2026, 8, 1))
        case = dataclasses.replace(case, evidence=case.evidence + (report,))
        p = pleading(case)
        assert p.deception == deception and p.goods_proof == (report,)
