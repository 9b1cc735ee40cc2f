"""A payee that is not the supplier: a fraud indicator and a second competent police unit.

When the money went to an account held by someone other than the supplier
(``supplier.bank_accounts[].holder``), the contracting party and the party
that received the money differ: a sign of intent to take possession
illegally that the report must name, and, because the place of the crime
includes where the proceeds were actually obtained (公安机关办理刑事案件程序规定
Arts. 15–17; domain.md §C "Jurisdiction", §H.6 for a Hong Kong seller), the
bureau of a mainland holder's registered district is competent as well. That
bureau receives its own report (``police_report_payee``) when the holder's
registration is given (``holder_uscc`` and its province, city and district).

A natural person's account the money went into (``personal_payees``: the
legal representative's own, a relative's wallet) is money paid to a person, not
to the company: the documents say so and name the payment institution of an
app's account (`app_of`), and the demand letter addresses the holders too
(documents/_personal_accounts.py).

Names are compared after removing spaces, punctuation and letter case, with
the legal form written one way ("Limited" as "Ltd", "Company" as "Co"), and in
Simplified and Traditional script alike, against the supplier's ``name`` and
``name_zh``, also without a bracketed qualifier the supplier's name carries
and a bank's record of it leaves out ("SUNRISE OUTDOOR GEAR" for "SunRise
Outdoor Gear (Ningbo)"; a holder with a qualifier of its own, "(HK)", stays
another holder). Trade-off: an abbreviation of the supplier's own name
("Glory Tech" for "Shenzhen Glory Tech Co., Ltd.") is taken for another
holder, and the documents name it as such: the user corrects the holder.
"""
from __future__ import annotations

import datetime as dt
import re

from restitution.case.codes import same_uscc
from restitution.case.model import BankAccount, Case, Payment
from restitution.case.proceedings import PoliceReportFiled
from restitution.errors import CaseError
from restitution.records import record
from restitution.rules.police import mainland_bureau


_HAN = re.compile(r"[\u3400-\u9fff\uf900-\ufaff]")
# The legal form as banks and registries abbreviate it, compared one way.
_LEGAL_FORMS = ((re.compile(r"\blimited\b"), "ltd"), (re.compile(r"\bcompany\b"), "co"),
                (re.compile(r"\bcorporation\b"), "corp"))
_QUALIFIER = re.compile(r"[(（][^()（）]*[)）]")  # "(Ningbo)", "（深圳）"


def _key(name: str | None) -> str:
    text = (name or "").casefold()
    for pattern, short in _LEGAL_FORMS:
        text = pattern.sub(short, text)
    return re.sub(r"[\s.,;:'\"()（）\[\]·・,，。、&＆\-]", "", text)


def _forms(name: str | None, *, unqualified: bool = False, convert: bool = True) -> set[str]:
    """The name's comparison keys: as written, without a bracketed place with `unqualified`, and
    with `convert` in Traditional script too."""
    if not name:
        return set()
    names = {name, _QUALIFIER.sub("", name)} if unqualified else {name}
    if not convert or not _HAN.search(name):  # nothing a script conversion could change
        return {_key(n) for n in names}
    from restitution.formatting import to_traditional

    return {form for n in names for form in (_key(n), _key(to_traditional(n)))}


def _norm(account: str | None) -> str:
    return "".join((account or "").split())


@record
class Payee:
    """An account the supplier had the client pay into, held by someone else."""

    index: int  # in supplier.bank_accounts
    account: BankAccount
    payments: tuple[Payment, ...]  # the client's payments into it (by payments[].to_account)
    bureau: str | None = None  # the holder's district bureau, when its registration is given
    unit: str | None = None
    place: str | None = None

    @property
    def path(self) -> str:
        return f"supplier.bank_accounts[{self.index}]"

    @property
    def mainland_company(self) -> bool:
        return self.bureau is not None


# A company's legal form or trade words in its name; an account holder without one (and without a
# registration number) is taken for a natural person: "CHEN XIAOLI", 陈晓丽.
_COMPANY = re.compile(r"公司|有限|集团|商行|企业|经营部|工厂|\b(?:co|ltd|limited|inc|llc|corp|gmbh|company|"
                      r"trading|industr\w*|enterprises?|group|factory|firm)\b", re.IGNORECASE)


def is_person(account: BankAccount) -> bool:
    """The holder looks like a natural person: no registration number and no company word in either name."""
    names = " ".join(n for n in (account.holder, account.holder_zh) if n)
    return bool(names) and not account.holder_uscc and not _COMPANY.search(names)


def is_supplier(case: Case, holder: str | None, holder_zh: str | None) -> bool:
    """True when the holder's name is the supplier's (in any of its forms); an unnamed holder is."""
    if not holder and not holder_zh:
        return True
    # As written first: converting scripts loads OpenCC's dictionaries (about 50 ms), which only
    # a holder written in the other script than the supplier's name needs.
    for convert in (False, True):
        supplier = (_forms(case.supplier.name, unqualified=True, convert=convert)
                    | _forms(case.supplier.name_zh, unqualified=True, convert=convert))
        if (_forms(holder, convert=convert) | _forms(holder_zh, convert=convert)) & supplier:
            return True
    return False


def payees(case: Case) -> list[Payee]:
    """Every receiving account held by someone other than the supplier, in file order."""
    out = []
    for i, acct in enumerate(case.supplier.bank_accounts):
        # the supplier's own registration number is the supplier, whatever name the bank printed
        if is_supplier(case, acct.holder, acct.holder_zh) or same_uscc(acct.holder_uscc, case.supplier.uscc):
            continue
        paid = tuple(p for p in case.payments if p.to_account and _norm(p.to_account) == _norm(acct.account))
        bureau = unit = place = None
        if acct.holder_uscc and acct.holder_province_zh and acct.holder_city_zh and acct.holder_district_zh:
            bureau, unit = mainland_bureau(acct.holder_province_zh.strip(), acct.holder_city_zh.strip(),
                                           acct.holder_district_zh.strip())
            place = f"{acct.holder_province_zh}{acct.holder_city_zh}{acct.holder_district_zh}"
        out.append(Payee(i, acct, paid, bureau, unit, place))
    return out


def reportable_payee(case: Case) -> Payee | None:
    """The mainland company payee whose bureau gets a report of its own (the first, if several),
    unless that bureau is the supplier's own (a mainland supplier in the same district)."""
    from restitution.rules.police import police_route

    own = None
    if case.supplier.region == "mainland" and case.supplier.district_zh:
        try:
            own = police_route(case).bureau
        except CaseError:  # a missing place is the supplier report's own located error
            own = None
    for p in payees(case):
        if p.mainland_company and p.bureau != own:
            return p
    return None


def recorded_parallel_report(case: Case, date: dt.date, *, to_payee: bool) -> PoliceReportFiled | None:
    """The report the case records (``proceedings.police_report``, filed by `date`) with the other
    police body of a two-report case: the payee's bureau (`to_payee`) or the supplier's own.

    Each of the two reports names the other, and says it was filed ("已报案") only when the case
    records it; a report made in the same run is "to be filed at the same time". The format records
    one report: it is the payee bureau's when its authority names that bureau, else the supplier's.
    """
    payee = reportable_payee(case)
    filed = case.proceedings.police_report if case.proceedings else None
    if payee is None or payee.bureau is None or filed is None or filed.filed_on > date:
        return None
    at_payee = payee.bureau in (filed.authority_zh or "")
    return filed if at_payee == to_payee else None


# Payment apps whose accounts are held at a licensed payment institution, not a bank: the
# institution is what a bureau sends its query or freeze to (its name is a catalogue entry).
PAYMENT_APPS = ("alipay", "wechat_pay")


def app_of(case: Case, account: BankAccount) -> str | None:
    """The payment app an account is held with ("alipay", "wechat_pay"), known from the payments
    into it: every one made through that app. None for a bank account, or when no payment says."""
    methods = {p.method for p in case.payments if p.to_account and _norm(p.to_account) == _norm(account.account)}
    return methods.pop() if len(methods) == 1 and methods <= set(PAYMENT_APPS) else None


def is_legal_representative(case: Case, account: BankAccount) -> bool:
    """The holder is the supplier's own legal representative (法定代表人), by name in either script:
    the company's money went into its representative's personal account (公私账户混用)."""
    rep = ({_key(case.supplier.legal_representative_zh)} | {_key(case.supplier.legal_representative)}) - {""}
    return is_person(account) and bool({_key(account.holder_zh), _key(account.holder)} & rep)


def personal_payees(case: Case) -> list[Payee]:
    """The natural persons' accounts, not the supplier's, that the client's money went into (by
    ``payments[].to_account``), in file order: what the documents describe as paid to a person
    at the supplier's direction rather than to the company's own account."""
    return [p for p in payees(case) if p.payments and is_person(p.account)]


def all_paid_to_persons(case: Case) -> bool:
    """Every payment went into a personal account of `personal_payees` (none to the company)."""
    into = {id(pay) for p in personal_payees(case) for pay in p.payments}
    return bool(case.payments) and all(id(pay) in into for pay in case.payments)
