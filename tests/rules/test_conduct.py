"""What the dated facts record of the supplier's conduct (rules/conduct.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt

from factories import make_case

from restitution.case import model as m
from restitution.rules.conduct import address_finding, after_payment, payee_role, stated_forgery, undeclared

PORT = m.Fact(date=dt.date(2026, 8, 1),
              text="The supplier wrote that the goods were at the port; the stall at its address has been let to another trader.",
              text_zh="供应商来信称货物已在港口；其地址处的档口已转租他人。")


def with_facts(*facts: m.Fact) -> m.Case:
    return dataclasses.replace(make_case(), facts=facts)


def test_after_payment_is_what_followed_the_last_payment():
    before = m.Fact(date=dt.date(2026, 7, 19), text="The supplier asked for the balance.")
    assert after_payment(with_facts(before, PORT)) == [PORT]


def test_the_address_finding_is_the_declared_key_and_needs_the_flag():
    case = dataclasses.replace(with_facts(PORT), indicators=m.Indicators(
        fake_address=True, address_finding="The stall at its address has been let to another trader.",
        address_finding_zh="其地址处的档口已转租他人。"))
    assert address_finding(case) == ("The stall at its address has been let to another trader",
                                     "其地址处的档口已转租他人")
    assert address_finding(with_facts(PORT)) == (None, None)  # a fact alone is never read as the finding


def test_a_fact_that_reads_like_a_key_the_case_lacks_is_a_located_warning_naming_the_key():
    flagged = dataclasses.replace(with_facts(PORT), indicators=m.Indicators(fake_address=True))
    [w] = undeclared(flagged, dt.date(2026, 11, 20))
    assert w.path == "facts[0].text" and "indicators.address_finding" in w.message
    assert undeclared(with_facts(PORT), dt.date(2026, 11, 20)) == []  # no flag: nothing suggested
    shown = m.Fact(date=dt.date(2026, 5, 30), text="The store page displayed an authorised distributor certificate.")
    forged = dataclasses.replace(with_facts(shown), indicators=m.Indicators(forged_documents=True))
    [w] = undeclared(forged, dt.date(2026, 11, 20))
    assert "indicators.forgery (kind: authorisation" in w.message and "shown_on: 2026-05-30" in w.message
    assert stated_forgery(forged) is None
    declared = dataclasses.replace(forged, indicators=m.Indicators(
        forged_documents=True, forgery=m.Forgery(kind="authorisation", title="certificate", shown_on=shown.date)))
    assert undeclared(declared, dt.date(2026, 11, 20)) == []
    assert stated_forgery(declared).before_contract is True


def test_the_role_the_supplier_gave_a_personal_payee_is_the_declared_key():
    fact = m.Fact(date=dt.date(2026, 4, 14),
                  text="The general manager named the personal account of Chen Xiaoli, whom he called the finance manager.",
                  text_zh='供应商总经理指定以其所称"财务经理"陈晓丽的个人账户收款。')
    account = m.BankAccount(account="6217 0000", holder="CHEN XIAOLI", holder_zh="陈晓丽")
    case = dataclasses.replace(with_facts(fact), supplier=dataclasses.replace(make_case().supplier,
                                                                              bank_accounts=(account,)))
    assert payee_role(case, account) == (None, None)  # never quoted from a fact: the warning names the key
    [w] = undeclared(case, dt.date(2026, 11, 20))
    assert w.path == "supplier.bank_accounts[0].holder" and '("财务经理")' in w.message and "holder_role" in w.message
    declared = dataclasses.replace(account, holder_role="finance manager", holder_role_zh="财务经理")
    assert payee_role(case, declared) == ("finance manager", "财务经理")
    assert undeclared(dataclasses.replace(case, supplier=dataclasses.replace(
        case.supplier, bank_accounts=(declared,))), dt.date(2026, 11, 20)) == []


def test_any_other_paper_said_to_be_forged_suggests_marking_its_exhibit_or_declaring_it():
    audit = m.Fact(date=dt.date(2026, 5, 20), text="The director sent a factory audit report later found to be forged.",
                   text_zh="供应商董事发送一份事后证实系伪造的验厂报告。")
    case = dataclasses.replace(with_facts(audit), indicators=m.Indicators(forged_documents=True))
    [w] = undeclared(case, dt.date(2026, 11, 20))
    assert w.path == "facts[0].text" and "evidence[].forged: true" in w.message
    assert "indicators.forgery (kind: other" in w.message and "shown_on: 2026-05-20" in w.message
    # found in the Chinese text alone, too
    zh_only = dataclasses.replace(case, facts=(dataclasses.replace(audit, text="The director sent an audit report."),))
    assert len(undeclared(zh_only, dt.date(2026, 11, 20))) == 1
    # once the exhibit that is the paper is marked forged, nothing is suggested
    paper = m.Exhibit(kind="other", title="Factory audit report", number=2, date=audit.date, forged=True)
    assert undeclared(dataclasses.replace(case, evidence=case.evidence + (paper,)), dt.date(2026, 11, 20)) == []
    # counterfeit goods are not a forged paper
    fake_goods = m.Fact(date=dt.date(2026, 8, 28), text="The goods were counterfeit.", text_zh="货物系假冒产品。")
    assert undeclared(dataclasses.replace(case, facts=(fake_goods,)), dt.date(2026, 11, 20)) == []
