"""The accounts that received the reporter's money, and who holds them, as the police report names them.

The request to search and freeze (查询、冻结) is only as good as the accounts it
names. A bank account the supplier gave but no payment went into received
nothing, and asking a bureau to freeze it sends the unit the wrong way; the
money that went by PayPal or a payment app reached the account behind the
transaction, and a card payment reached the merchant the statement names
(the acquirer identifies it from that name). So the list is made from the
payments, not from ``supplier.bank_accounts``: a bank account is listed when a
payment's ``to_account`` names it (or while a transfer does not say where it
went, as the file then cannot rule the account out); a payment into the
platform's own account (Trade Assurance, ``via_platform``) names no account of
the supplier's, but it is listed all the same, by the order and what identifies
the payment (card, statement merchant name, reference), with the request that
the bureau obtain from the platform operator where it was settled: left out, the
list would miss money a direct payment of the same kind would put on it
(lawyer's review s22, N3). Every payment thus reaches the list: a transfer that
does not say where it went, with no bank account of the supplier's on file, is
listed as such, for the bureau to obtain.

An app, PayPal or card payment with neither ``to_account`` nor a reference
(nor, for a card, the statement's merchant name) is still listed, by what is
known of it (the service, the date, the amount, the payee's name as the
service shows it, ``payee_name``), with the request that the
bureau obtain (调取) the receiving account from the service or the card issuer:
left out, the freeze request would miss money the reporter paid (lawyer's
review s21, second pass). Trade-off: no account is ever inferred for it (not
the supplier's bank account, not its name), so the line names no account a
unit could freeze at once. A card payment's merchant name is never printed as
its reference: with no reference, the table shows it under its own label.

An account with a payment app (every payment into it by Alipay or WeChat Pay) is
named by its payment institution rather than a bank (documents/_personal_accounts.py).

A receiving account held by someone other than the supplier is named as such
(``payee_lines``); when its holder is a natural person (rules/payee.py
``is_person``), that person is listed among the people the bureau is asked to
investigate, with the role the supplier gave them as the facts quote it, and
with the question of their part left to the bureau (lawyer's review s21, B2).
"""
from __future__ import annotations

from dataclasses import replace

from restitution.case.model import Case, Payment
from restitution.documents._personal_accounts import institution
from restitution.documents._phrases import PaymentRow, native, payment_method, with_other
from restitution.rules.conduct import payee_role
from restitution.rules.offence import Person
from restitution.rules.payee import is_legal_representative, is_person, payees
from restitution.formatting import format_date, format_money
from restitution.language.catalogue import Catalogue


def _norm(account: str | None) -> str:
    return "".join((account or "").split())


def _paid(words: Catalogue, paid: list[Payment], charged: bool = False) -> str:
    """" (the reporter paid into it USD 9,225.00 on 8 July 2026)"; ``charged``: paid, not transferred in."""
    code = words.language.code
    items = [words("police_report.account.charge" if charged else "police_report.account.payment",
                   date=format_date(p.date, code),
                   amount=format_money(p.amount, p.currency, code)) for p in paid]
    return words("police_report.account.charged_to" if charged else "police_report.account.paid_into",
                 payments=words("police_report.account.payment_separator").join(items))


def accounts(case: Case, words: Catalogue) -> list[str]:
    """The accounts that actually received the reporter's money (what the police trace and freeze),
    each with the payments into it: a bank account a payment names (``to_account``); a payment
    app or PayPal account, by its account if given, else by the transaction that reached it; a card
    payment's merchant, by the name the statement prints. A bank account no payment went into is
    not one of them; it is listed only while a transfer does not say where it went."""
    out = []
    payments = sorted(case.payments, key=lambda p: p.date)
    # a transfer collected by the platform went to the platform: it keeps no bank account of the supplier's listed
    unplaced = [p for p in payments if p.method in ("wire", "other", "letter_of_credit") and not p.to_account
                and not _through_platform(p)]
    known = set()
    for acct in case.supplier.bank_accounts:
        known.add(_norm(acct.account))
        paid = [p for p in payments if p.to_account and _norm(p.to_account) == _norm(acct.account)]
        if not paid and not unplaced:
            continue
        holder = native(words, acct.holder, acct.holder_zh)
        bank = native(words, acct.bank, acct.bank_zh)
        app = institution(case, acct, words)  # a payment app's account: the institution, not a bank
        parts = []
        if holder:
            parts.append(words("police_report.account.holder", value=holder))
        if app:
            parts.append(words("payments.institution.label", value=app))
        elif bank:
            parts.append(words("police_report.account.bank", value=bank))
        parts.append(words("police_report.account.number", value=acct.account))
        if acct.swift:
            parts.append(words("police_report.account.swift", value=acct.swift))
        line = words("police_report.account.separator").join(parts)
        out.append(line + (_paid(words, paid) if paid else ""))
    for p in payments:
        method = payment_method(p, words)
        if _through_platform(p):  # the platform's collection account is not the supplier's: the operator knows
            line = _platform_line(case, p, method, words)
        elif p.to_account and _norm(p.to_account) not in known:
            line = words("police_report.account.other", method=method, account=p.to_account)
        elif p.to_account:
            continue
        elif p.method == "card" and p.merchant_descriptor:
            line = words("police_report.account.merchant", method=method, descriptor=p.merchant_descriptor)
        elif p.method in ("paypal", "alipay", "wechat_pay") and p.reference:
            line = words("police_report.account.by_reference", method=method, reference=p.reference)
        elif p.method in ("paypal", "alipay", "wechat_pay"):
            # the service knows who it paid: the bureau obtains it (调取) from there, never a guess here
            service = words(f"payments.method.{p.method}")
            line = (words("police_report.account.unknown_named", method=method, service=service, payee=p.payee_name)
                    if p.payee_name else words("police_report.account.unknown", method=method, service=service))
        elif p.method == "card":
            issuer = p.card.issuer if p.card else None
            service = (words("police_report.account.service_issuer", issuer=issuer) if issuer
                       else words("police_report.account.service_card"))
            line = words("police_report.account.unknown_card", method=method, service=service)
        elif p in unplaced and not case.supplier.bank_accounts:
            line = words("police_report.account.unplaced", method=method)
        else:
            continue  # an unplaced transfer: the supplier's bank accounts are listed above
        out.append(line + _paid(words, [p], charged=True))
    return out


def _through_platform(p: Payment) -> bool:
    return bool(p.via_platform) or p.method == "trade_assurance"


def _platform_line(case: Case, p: Payment, method: str, words: Catalogue) -> str:
    """A payment the platform collected, by the order and what identifies it on the reporter's side
    (the card, the statement's merchant name, the reference); where it was settled is the operator's."""
    o = case.order
    details = [words("police_report.account.statement_name", descriptor=p.merchant_descriptor)
               ] if p.method == "card" and p.merchant_descriptor else []
    if p.reference:
        details.append(words("police_report.account.platform_reference", reference=p.reference))
    return words("police_report.account.platform",
                 platform=words(f"police_report.account.platform_name.{o.platform or 'other'}"),
                 order=words("police_report.account.platform_order", id=o.platform_order_id)
                 if o.platform_order_id else "",
                 by="" if p.method == "trade_assurance" else words("police_report.account.platform_by", method=method),
                 details="".join(words("police_report.account.platform_detail", value=d) for d in details))


def identified(row: PaymentRow, p: Payment, words: Catalogue) -> PaymentRow:
    """A card payment with no transaction reference is found on the statement by its merchant name,
    printed as such (never as the payment's reference)."""
    if row.reference != "—" or p.method != "card" or not p.merchant_descriptor:
        return row
    return replace(row, reference=words("police_report.account.statement_name", descriptor=p.merchant_descriptor))


def payee_lines(case: Case, words: Catalogue) -> list[str]:
    """One sentence per account holder other than the supplier: the party that received the money."""
    out = []
    for p in payees(case):
        a = p.account
        holder = native(words, a.holder, a.holder_zh) or a.account
        if a.holder_uscc:
            holder = words("police_report.payee.with_uscc", holder=holder, uscc=a.holder_uscc)
        key = "police_report.payee.received" if p.payments else "police_report.payee.listed"
        if p.payments and is_legal_representative(case, a):  # the company's money in its representative's own account
            key = "payments.personal.representative_received"
        out.append(words(key, holder=holder, account=a.account))
    return out


def payee_people(case: Case, words: Catalogue, reported: list[Person]) -> list[str]:
    """The natural persons who hold a receiving account: named for the bureau to establish their part,
    with the role the supplier gave them (the facts' own words), never charged outright; ``reported``:
    the people already listed (a holder among them is not named twice)."""
    out = []
    named = {"".join((n or "").lower().split()) for p in reported for n in (p.name, p.name_zh)} - {""}
    for payee in payees(case):
        a = payee.account
        if not is_person(a) or {"".join((n or "").lower().split()) for n in (a.holder, a.holder_zh)} & named:
            continue
        name = (with_other(words, a.holder_zh, a.holder) if words.language.chinese
                else with_other(words, a.holder, a.holder_zh)) if a.holder and a.holder_zh else (a.holder_zh or a.holder)
        en, zh = payee_role(case, a)
        said = zh if words.language.chinese else en
        role = words("police_report.person.payee")
        if said:
            role += words("police_report.person.payee_role", role=said)
        out.append(words("police_report.person.line", name=name, role=role + words("police_report.person.payee_check")))
    return out
