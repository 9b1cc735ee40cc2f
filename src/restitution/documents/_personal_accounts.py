"""Money paid into a person's account at the supplier's direction, worded as what it was.

A buyer told to pay the legal representative's Alipay account, or his wife's
WeChat Pay wallet, did not pay the company: the police report and the demand
letter say so ("按被报案人的指示，分别向……个人支付宝账户及……个人微信支付账户付款，
而非向被报案人对公账户付款"), for the bureau must query the persons' accounts and
the seller's lawyer will say the company never received the money (lawyer's
review s22, item 5). A payment app's account is held with a licensed payment
institution, not a bank: it is named (财付通支付科技有限公司 for WeChat Pay,
支付宝（中国）网络技术有限公司 for Alipay), since that is where a query or a
freeze goes.

Which accounts are personal, which holder is the legal representative and which
app an account belongs to are judged in `restitution.rules.payee`; the words are
catalogue entries ``payments.personal.*`` and ``payments.institution.*``.
Trade-off: "at the supplier's direction" rests on the format's meaning of
``supplier.bank_accounts`` (the accounts the supplier gave for payment), as the
third-party-payee indicator already does; a relationship the case does not
record (a wife, an employee) is not stated: the persons are named as holders.
"""
from __future__ import annotations


from restitution.case.model import BankAccount, Case
from restitution.documents._phrases import native, paid_total
from restitution.formatting import format_money
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules.payee import (Payee, all_paid_to_persons, app_of, is_legal_representative, is_person, payees,
                                     personal_payees)


def institution(case: Case, account: BankAccount, words: Catalogue) -> str | None:
    """The payment institution an app account is held with, e.g. 财付通支付科技有限公司（微信支付）."""
    app = app_of(case, account)
    return words(f"payments.institution.{app}") if app else None


def holder_name(account: BankAccount, words: Catalogue) -> str:
    return native(words, account.holder, account.holder_zh) or account.account


def _terms(words: Catalogue, terms: str) -> dict[str, str]:
    return {k: words(f"payments.personal.terms.{terms}.{k}") for k in ("party", "supplier")}


def personal_account(case: Case, payee: Payee, words: Catalogue, terms: str = "police") -> str:
    """"被报案人法定代表人吴建锋个人支付宝账户", "the personal WeChat Pay account of Chen Jiaqi"; ``terms``:
    how the document calls the parties (``payments.personal.terms.<terms>``: police, letter_agent,
    letter_client)."""
    a = payee.account
    holder = holder_name(a, words)
    if is_legal_representative(case, a):
        holder = words("payments.personal.representative", holder=holder, **_terms(words, terms))
    kind = words(f"payments.personal.kind.{app_of(case, a) or 'bank'}")
    return words("payments.personal.account", holder=holder, kind=kind)


def paid_to_persons(case: Case, words: Catalogue, terms: str = "police", *, start: bool = False,
                    with_total: bool = False) -> str | None:
    """The clause saying the money went into persons' accounts at the supplier's direction, not into
    the company's, or None when none did. With every payment so made the whole payment is described
    (``payments.personal.all``), else the part (``payments.personal.some``); ``start``: the clause
    begins a sentence; ``with_total``: the sum is said with the whole payment ("共计人民币31,000.00元"), when
    the payments share one currency."""
    found = sorted(personal_payees(case), key=lambda p: min(pay.date for pay in p.payments))  # as paid
    if not found:
        return None
    names = [personal_account(case, p, words, terms) for p in found]
    accounts = (words("payments.personal.separator").join(names[:-1]) + words("payments.personal.last_separator")
                + names[-1]) if len(names) > 1 else names[0]
    key = "payments.personal.all" if all_paid_to_persons(case) else "payments.personal.some"
    each = words("payments.personal.each") if len(found) > 1 else ""
    total, currency = paid_total(case)
    sum_ = (words("payments.personal.total", total=format_money(total, currency, words.language.code))
            if with_total and total is not None and currency and key.endswith("all") else "")
    text = words(key, accounts=accounts, each=each, total=sum_, **_terms(words, terms))
    return text[:1].upper() + text[1:] if start else text


@record
class Recipient:
    """Someone the demand letter is addressed to beside the supplier because the money went into their
    account: the holder of a personal account, or a company other than the supplier (named as the
    police report names it: its registered name and USCC). Civil Code (2020) Art. 985 is reserved
    against them on its own condition, hedged [R]."""

    name: str
    relation: str  # "贵司法定代表人，涉案款项收款人"; a company's "统一社会信用代码：…"
    company: bool = False


def recipients(case: Case, words: Catalogue) -> tuple[Recipient, ...]:
    """The holders of the personal accounts the client paid into, in the order paid; then the
    companies other than the supplier whose accounts the supplier gave for payment, with their
    registration (``holder_uscc``), in file order. A company without its USCC is not addressed:
    a letter to a name alone could not be served on, nor matched with, a registered company."""
    found = sorted(personal_payees(case), key=lambda p: min(pay.date for pay in p.payments))
    persons = tuple(Recipient(holder_name(p.account, words),
                              words("payments.personal.recipient_representative" if is_legal_representative(case, p.account)
                                    else "payments.personal.recipient")) for p in found)
    firms = tuple(Recipient(holder_name(p.account, words), words("payments.payee_company.recipient",
                                                                 uscc=p.account.holder_uscc), company=True)
                  for p in payees(case) if p.account.holder_uscc and not is_person(p.account))
    return persons + firms
