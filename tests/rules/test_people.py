"""Who a contact says they are against the company's records (rules/people.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from factories import make_case

from restitution.case import model as m
from restitution.case.load import load_case
from restitution.document import document_text
from restitution.pipeline.render import render_document
from restitution.rules.people import self_styled, title_of

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def with_contact(case: m.Case, **contact) -> m.Case:
    return dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, contacts=(m.Contact(**contact),)))


def test_titles_are_recognised_written_out():
    assert title_of("Director") == "director" and title_of(" general  manager ") == "general_manager"
    assert title_of("Sales Manager") == "sales_manager" and title_of("Merchandiser, working from Shenzhen") is None
    assert title_of(None) is None


def test_an_office_the_records_give_to_someone_else_is_self_styled():
    case = make_case()  # the records: legal representative 张三 (Zhang San)
    (s,) = self_styled(with_contact(case, name="Kevin Ho", role="Director"))
    assert s.contact.name == "Kevin Ho" and s.title == "director"
    # not an office, and no record's either: a claim in the story as in the lists (lawyer4 N8)
    (s,) = self_styled(with_contact(case, name="Tony Wang", role="sales manager"))
    assert s.title == "sales_manager"
    recorded = dataclasses.replace(case.supplier, legal_representative="Kevin Ho")
    assert self_styled(with_contact(dataclasses.replace(case, supplier=recorded), name="Kevin Ho",
                                    role="Director")) == ()  # the records name him: no claim to flag


def test_the_hong_kong_report_names_the_self_styled_director_once_and_the_same_way():
    case = load_case(EXAMPLES / "harbour-hk.yaml")  # registry: director Ho Ka Wai; story: Kevin Ho, "director"
    zh = document_text(render_document(case, "police_report", "zh", dt.date(2026, 11, 20)))
    assert "董事：Ho Ka Wai" in zh
    assert "Kevin Ho（自稱董事）：電話" in zh
    assert "自稱為被報案人董事的Kevin Ho報價" in zh and "被報案人董事Kevin Ho" not in zh
    en = document_text(render_document(case, "police_report", "en", dt.date(2026, 11, 20)))
    assert "Kevin Ho, who claimed to be the reported party's director, quoted" in en


def test_a_contact_the_records_name_in_that_office_is_not_self_styled():
    case = load_case(EXAMPLES / "harbour-hk.yaml")
    kevin = case.supplier.contacts[0]
    on_file = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, contacts=(
        dataclasses.replace(kevin, name="Ho Ka Wai"),) + case.supplier.contacts[1:]))
    zh = document_text(render_document(on_file, "police_report", "zh", dt.date(2026, 11, 20)))
    assert "Ho Ka Wai（董事）：電話" in zh and "自稱" not in zh


def test_a_claimed_title_that_is_no_office_is_a_claim_in_the_story_too():
    case = load_case(EXAMPLES / "northwind-vanished.yaml")  # contact 王涛, "Sales Manager"; fact: 供应商销售经理王涛
    zh = document_text(render_document(case, "police_report", "zh", dt.date(2026, 11, 20)))
    assert "自称为被报案人销售经理的王涛以每件12.50美元" in zh and "，被报案人销售经理王涛" not in zh
    en = document_text(render_document(case, "demand_letter", "en", dt.date(2026, 11, 20)))
    # the title before the name, at the start of a sentence
    assert "Tony Wang, who claimed to be your company's sales manager, offered" in en


def test_a_mailbox_or_desk_is_no_person_unless_the_case_says_so():
    """lawyer5 item 4: "露米尔客服 (Lumiair customer service)" was reported as a responsible person."""
    from restitution.case.model import Contact
    from restitution.rules.people import is_person

    for desk in (Contact(name="Lumiair customer service", name_zh="露米尔客服"), Contact(name_zh="售后服务部"),
                 Contact(name="Sales Team"), Contact(name="info@glory.example"), Contact(name="Glory Official Store"),
                 Contact(name="After-sales support")):
        assert not is_person(desk), desk
    for person in (Contact(name="Tony Wang", name_zh="王东", role="customer service"), Contact(name_zh="陈国华"),
                   Contact(name="Servicemaster Li")):  # a word inside a name is no channel word
        assert is_person(person), person
    assert is_person(Contact(name="Kevin (customer service)", person=True))
    assert not is_person(Contact(name="Kevin Ho", person=False))
