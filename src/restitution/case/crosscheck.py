"""The checks of the warnings channel (`restitution.case.warnings`): facts against flags.

Each function takes the case and the date of the documents and yields
`CaseWarning` values; the judgement itself (which indicator the dates
contradict, which exhibit proves which payment, which day has no central
parity) lives in
`restitution.rules.facts`, where the documents ask the same
questions, so a warning and what the documents print cannot disagree.
"""
from __future__ import annotations

import datetime as dt
from typing import Iterator

from restitution.case.model import Case
from restitution.case.warnings import CaseWarning


def indicators(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """A stated indicator the case's dates contradict: the documents leave it out."""
    from restitution.rules.facts import contradictions

    for c in contradictions(case):
        yield CaseWarning(c.flag, c.message)


def payment_proof(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """A payment no payment_proof exhibit proves: the police report and the chargeback letter name the gap."""
    from restitution.rules.facts import unproved_payments

    if not case.evidence:
        return  # no evidence at all: the documents that need it say so
    for i in unproved_payments(case):
        p = case.payments[i]
        yield CaseWarning(f"payments[{i}]",
                          f"no payment_proof exhibit proves this payment of {p.currency} {p.amount:,.2f} on "
                          f"{p.date.isoformat()} (none quotes its reference, or is dated on or after it without "
                          "naming another payment method); the documents say its proof is to follow: add the bank "
                          "record or statement to evidence")


def rate_date(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """A cny_rate_date on which no central parity is published (domain.md §H.4)."""
    from restitution.rules.facts import rate_day_problem

    dated: list[tuple[str, dt.date | None]] = [
        ("claim.cny_rate_date", case.claim.cny_rate_date if case.claim.cny_rate is not None else None)]
    # a payment's own rate is of its cny_rate_date, else of the payment's date (rules/offence.py)
    dated += [(f"payments[{i}].cny_rate_date" if p.cny_rate_date else f"payments[{i}].date",
               p.cny_rate_date or p.date) for i, p in enumerate(case.payments) if p.cny_rate is not None]
    for path, day in dated:
        why = rate_day_problem(day) if day is not None else None
        if why and day is not None:
            yield CaseWarning(path, f"{day.isoformat()} is {why}: no central parity is published that day; use the "
                                    "last earlier business day's fixing and give that date")



def payment_rates(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """A foreign-currency payment without its own day's rate: the loss falls back to one rate (domain.md §H.4)."""
    c = case.claim
    # no rate at all: the documents that need the loss in RMB refuse and say so
    if c.currency == "CNY" or c.cny_rate is None:
        return
    fallback = (f"the documents convert the whole claim at the single rate claim.cny_rate ({c.cny_rate}"
                f"{', of ' + c.cny_rate_date.isoformat() if c.cny_rate_date else ''})")
    for i, p in enumerate(case.payments):
        if p.cny_rate is None and p.currency == c.currency:
            yield CaseWarning(
                f"payments[{i}]",
                f"this payment of {p.currency} {p.amount:,.2f} on {p.date.isoformat()} has no cny_rate, so "
                f"{fallback}; that is second best: the loss in RMB is measured at the central parity of the day "
                "the supplier received each payment (by analogy with the theft interpretation), and one rate of "
                "another day over- or understates it; give cny_rate and cny_rate_date (that day's fixing, or the "
                "last earlier business day's)")


def travel_permit(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """An individual from Hong Kong or Macao without a Mainland Travel Permit number: mainland bodies
    usually identify such a resident by it (practice, unverified [R]); the documents name the passport."""
    c = case.client
    if c.kind == "individual" and c.country.upper() in ("HK", "MO") and not c.travel_permit_no:
        yield CaseWarning("client.travel_permit_no",
                          "mainland police and courts usually identify a Hong Kong or Macao resident by the "
                          "港澳居民来往内地通行证 (Mainland Travel Permit) number; the documents give only the "
                          "passport: add client.travel_permit_no if the client holds one")


def settlement_signed(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """Money received under a settlement not recorded as signed: the agreement is then drafted afresh."""
    s = case.settlement
    if s is not None and s.received and s.signed_on is None:
        yield CaseWarning("settlement.received",
                          "restitution has been received but settlement.signed_on is not given, so a new settlement "
                          "agreement is drafted; if the agreement was signed, give settlement.signed_on and "
                          "settlement.supplier_signed (the signed one is then cited, not redrafted)")


def signing_facts(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """A fact reciting the signing of a settlement agreement on another day than settlement.signed_on:
    the documents print the fact in the chronology and signed_on where they cite the agreement."""
    from restitution.case.settlement import recites_signing

    s = case.settlement
    if s is None or s.signed_on is None:
        return
    for i, f in enumerate(case.facts):
        if f.date != s.signed_on and recites_signing(f.text, f.text_zh):
            yield CaseWarning(f"facts[{i}].date",
                              f"this fact says a settlement agreement was signed on {f.date.isoformat()}, but "
                              f"settlement.signed_on is {s.signed_on.isoformat()}: the documents would give two "
                              "dates for one signing; correct the one that is wrong (if the fact is about "
                              "another agreement, say which in its text)")


def signatory_not_listed(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """A fact reciting the signing of the settlement agreement with a person the case knows (the legal
    representative, a suspect, a contact) who is not in settlement.payers: the demand letter then
    addresses the company alone. Whether the person signed in their own name or only for the company
    the case cannot say, so it warns rather than guesses (fifth review, item 8)."""
    from restitution.case.settlement import recites_signing

    s = case.settlement
    if s is None:
        return
    listed = {n for p in s.payers for n in (p.name, p.name_zh) if n}
    sup = case.supplier
    people = [(sup.legal_representative, sup.legal_representative_zh)]
    people += [(p.name, p.name_zh) for p in (case.proceedings.suspects if case.proceedings else ())]
    people += [(c.name, c.name_zh) for c in sup.contacts]
    for i, f in enumerate(case.facts):
        if not recites_signing(f.text, f.text_zh):
            continue
        named = [zh or en for en, zh in people if not ({en, zh} & listed)
                 and (_names_actor(en, f.text, ("'s", "’s")) or _names_actor(zh, f.text_zh, ("的", "之")))]
        for who in dict.fromkeys(named):  # one warning a person, named as the legal representative or a suspect
            yield CaseWarning(f"facts[{i}]",
                              f"this fact says {who} signed the settlement agreement, and settlement.payers does "
                              f"not list {who}: the demand letter is addressed to the company alone. If {who} "
                              "signed in their own name (bound to pay personally, not only as the company's "
                              "representative), list them in settlement.payers (role: payer, with id_no) "
                              "and the letter addresses them too; if they signed only for the company, nothing "
                              "needs to change")


def future_receipts(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """Restitution recorded as received after the date of the documents: they count it as paid."""
    s = case.settlement
    for i, r in enumerate(s.received if s else ()):
        if r.date > date:
            yield CaseWarning(f"settlement.received[{i}].date",
                              f"{r.date.isoformat()} is after the date of the documents, {date.isoformat()}: they "
                              "count this money as received (a written pardon may be made against it, a demand "
                              "leaves it out); record a receipt once the money has arrived, or date the documents "
                              "later (--date)")


def exhibit_language(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """An exhibit of unstated language that the evidence index would mark as foreign, with a Chinese
    translation attached (SPC Evidence Provisions (2019) Art. 17): a record of a mainland app
    (WeChat, Alipay, Douyin...) one by one, the others in one warning (lawyer's review s22, item 15;
    s22 fourth reading, N1). Papers whose stated origin makes them Chinese are not foreign
    (documents/exhibit_language.py)."""
    from restitution.documents.exhibit_language import unstated_app_record, unstated_foreign

    for i, e in enumerate(case.evidence):
        app = unstated_app_record(e, case)
        if app:
            yield CaseWarning(f"evidence[{i}]",
                              f"exhibit {e.number} is a record from {app} and does not say its language, so the evidence "
                              "index marks it as foreign with a Chinese translation attached; set language: zh if it "
                              "is in Chinese, or its language (en, ...) if a translation does go with it")
    rest = unstated_foreign(case)
    if rest:
        first = case.evidence.index(rest[0])
        many = len(rest) > 1
        yield CaseWarning(f"evidence[{first}]",
                          f"exhibit{'s' if many else ''} {', '.join(str(e.number) for e in rest)} "
                          f"{'do' if many else 'does'} not say {'their' if many else 'its'} language, so the "
                          "evidence index marks "
                          f"{'them' if many else 'it'} as foreign with a Chinese translation attached; give each "
                          "its language (language: zh for a paper in Chinese, which needs no translation; en, ... "
                          "when a Chinese translation does go with it)")


def trademark_registration(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """Counterfeit goods of a mainland seller without a mark registered in China: the market-regulator
    report then says the registration is still to be verified (Trademark Law (2019) Art. 57(3), §H.5)."""
    o = case.outcome
    if o.kind != "counterfeit" or case.supplier.region != "mainland":
        return
    if not o.trademarks:
        yield CaseWarning("outcome.kind",
                          "the goods are recorded as counterfeit, but outcome.trademarks names no mark registered "
                          "in China: Trademark Law (2019) Art. 57(3) protects a registered mark, and the market-"
                          "regulator report can only say its registration is still to be verified, which makes "
                          "the report weaker; look the mark up in the CNIPA trademark register and add "
                          "outcome.trademarks (mark, registration_no, owner)")
    for i, mark in enumerate(o.trademarks):
        if not mark.registration_no:
            yield CaseWarning(f"outcome.trademarks[{i}]",
                              "this mark has no registration_no: the market-regulator report says its registration "
                              "in China is still to be verified; add the number from the CNIPA trademark register")


def nonconformity_notice(case: Case, date: dt.date) -> Iterator[CaseWarning]:
    """Non-conforming goods known of well before the avoidance the demand letter declares, and no notice of
    the non-conformity recorded: under the CISG the seller may say both came too late (rules/conformity.py)."""
    from restitution.rules.conformity import late_avoidance

    late = late_avoidance(case, date)
    if late is None:
        return
    how = f"exhibit {late.exhibit}, {late.exhibit_kind}" if late.exhibit else "delivery"
    yield CaseWarning("outcome.kind" if late.exhibit else "outcome.delivered_on",
                      f"the non-conformity was known by {late.known_on.isoformat()} ({how}), {late.days} days "
                      f"before the demand letter declares the contract avoided ({late.declared_on.isoformat()}), "
                      "and the case records no notice of non-conformity: under CISG Art. 39(1) a buyer who does "
                      "not give notice within a reasonable time after discovering the non-conformity loses the "
                      "right to rely on it, and Art. 49(2)(b) requires avoidance within a reasonable time; the "
                      "Convention fixes no number of days, so the seller may argue both came too late. If the "
                      "seller was told earlier (e-mail, chat, platform message), record it as "
                      "proceedings.nonconformity_notice (sent_on) and the letter cites it; otherwise send the "
                      "letter without delay and have the lawyer weigh the risk")


def _names_actor(name: str | None, text: str | None, possessive: tuple[str, ...]) -> bool:
    """`text` names the person other than as someone's relation ("Lin Zhiwei's father", 林志伟的父亲):
    a possessive names who the signer is related to, not the signer."""
    if not name or not text:
        return False
    start = text.find(name)
    while start >= 0:
        if not text.startswith(possessive, start + len(name)):
            return True
        start = text.find(name, start + 1)
    return False
