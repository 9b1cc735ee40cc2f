"""What the dated facts record of the supplier's conduct (rules/conduct.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from factories import make_case

from restitution.case import model as m
from restitution.rules.conduct import address_clause, after_payment, payee_role

PORT = m.Fact(date=dt.date(2026, 8, 1),
              text="The supplier wrote that the goods were at the port; the stall at its address has been let to another trader.",
              text_zh="供应商来信称货物已在港口；其地址处的档口已转租他人。")


def with_facts(*facts: m.Fact) -> m.Case:
    return dataclasses.replace(make_case(), facts=facts)


def test_after_payment_is_what_followed_the_last_payment():
    before = m.Fact(date=dt.date(2026, 7, 19), text="The supplier asked for the balance.")
    assert after_payment(with_facts(before, PORT)) == [PORT]


def test_the_address_clause_is_found_in_each_language_and_never_in_unrelated_words():
    place = address_clause(with_facts(PORT))
    assert place is not None
    assert place.zh == "其地址处的档口已转租他人"
    assert place.en == "The stall at its address has been let to another trader"
    quality = m.Fact(date=dt.date(2026, 10, 2), text='The supplier said the balls were "same factory quality".')
    assert address_clause(with_facts(quality)) is None


def test_the_role_the_supplier_gave_a_personal_payee_is_quoted_from_the_facts():
    fact = m.Fact(date=dt.date(2026, 4, 14),
                  text="The general manager named the personal account of Chen Xiaoli, whom he called the finance manager.",
                  text_zh='供应商总经理指定以其所称"财务经理"陈晓丽的个人账户收款。')
    account = m.BankAccount(account="6217 0000", holder="CHEN XIAOLI", holder_zh="陈晓丽")
    assert payee_role(with_facts(fact), account) == ("finance manager", "财务经理")
    assert payee_role(with_facts(PORT), account) == (None, None)
