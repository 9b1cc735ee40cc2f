"""A payee that is not the supplier (rules/payee.py)."""
from __future__ import annotations

import dataclasses
from pathlib import Path

from factories import make_case
from restitution.case import model as m
from restitution.case.load import load_case
from restitution.rules.payee import is_supplier, payees, reportable_payee

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def with_accounts(case: m.Case, *accounts: m.BankAccount) -> m.Case:
    return dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, bank_accounts=accounts))


def test_the_supplier_in_any_form_of_its_name_is_no_finding():
    case = make_case()
    assert is_supplier(case, "SHENZHEN GLORY TECH CO LTD", None)
    assert is_supplier(case, None, "深圳市荣耀示例科技有限公司")
    assert is_supplier(case, None, "深圳市榮耀示例科技有限公司")  # Traditional
    assert is_supplier(case, None, None)  # an unnamed holder says nothing
    assert not is_supplier(case, "Zhang San", None)


def test_a_bank_record_of_the_supplier_name_is_the_supplier():
    """Unseen case: "SUNRISE OUTDOOR GEAR" holding the account of "SunRise Outdoor Gear (Ningbo)" was
    called another party that received the money, a fraud sign the case does not show."""
    case = dataclasses.replace(make_case(), supplier=dataclasses.replace(
        make_case().supplier, name="SunRise Outdoor Gear (Ningbo)", name_zh=None))
    assert is_supplier(case, "SUNRISE OUTDOOR GEAR", None)
    assert not is_supplier(case, "SunRise Outdoor Gear (HK)", None)  # a qualifier of its own: another company
    assert is_supplier(make_case(), "Shenzhen Glory Tech Company Limited", None)  # the legal form spelt out
    assert is_supplier(make_case(), None, "荣耀示例科技有限公司") is False  # the city left out: not the same name


def test_the_suppliers_own_uscc_is_the_supplier_whatever_the_bank_printed():
    # A registration number names one company: the supplier's own is no other party that received
    # the money, though the bank printed a name of its own (a former name, a transliteration).
    case = make_case()
    acct = m.BankAccount(holder="MINGRUI HARDWARE DG", account="1202 0000 0000", holder_uscc=case.supplier.uscc)
    assert payees(with_accounts(case, acct)) == []
    other = dataclasses.replace(acct, holder_uscc="91330106MA2H3XY80N")
    assert [p.index for p in payees(with_accounts(case, other))] == [0]


def test_an_individual_holder_is_a_payee_without_a_second_bureau():
    acct = m.BankAccount(holder="Zhang San", account="6222 1111 2222 3333")
    case = with_accounts(make_case(), acct)
    case = dataclasses.replace(case, payments=(dataclasses.replace(case.payments[0], to_account="622211112222 3333"),
                                               case.payments[1]))
    (p,) = payees(case)
    assert p.index == 0 and p.payments == (case.payments[0],) and not p.mainland_company
    assert reportable_payee(case) is None


def test_a_registered_mainland_company_elsewhere_gets_its_own_bureau():
    acct = m.BankAccount(holder="Hangzhou Example Trading Co., Ltd.", holder_zh="杭州示例贸易有限公司",
                         account="1202 0000 0000", holder_uscc="91330106MA2H3XY80N", holder_province_zh="浙江省",
                         holder_city_zh="杭州市", holder_district_zh="西湖区")
    case = with_accounts(make_case(), acct)
    p = reportable_payee(case)
    assert p is not None and p.bureau == "杭州市公安局西湖区分局" and p.place == "浙江省杭州市西湖区"
    # in the supplier's own district its bureau already receives the report
    same = dataclasses.replace(acct, holder_province_zh="广东省", holder_city_zh="深圳市", holder_district_zh="宝安区")
    assert reportable_payee(with_accounts(make_case(), same)) is None


def test_the_harbour_payee_example():
    case = load_case(EXAMPLES / "harbour-payee.yaml")
    (p,) = payees(case)
    assert p.bureau == "深圳市公安局龙岗区分局" and len(p.payments) == 2
    assert reportable_payee(case) == p
