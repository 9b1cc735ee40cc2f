"""What the case's dated facts record of the supplier's own conduct, for the papers that must answer
"this is only an economic dispute" with facts rather than labels.

A bureau that refuses a case as 经济纠纷 (or a report it reads as one) is
answered by what the supplier did once it had the money: a false claim that
the goods were at the port, silence, premises given up (domain.md §C, "Fraud vs
a mere contract dispute", factor 6). The format records these as free text
in ``facts[]`` (with ``text_zh``), not as keys; this module finds them:

- ``after_payment``: the facts dated after the last payment and before the
  report was filed: the conduct the report and its reconsideration rest on;
- ``address_clause``: the clause of a fact that says what is at the supplier's
  address (a stall let to another trader, an empty office), so that the
  "no business at its address" indicator states that fact instead of a
  hedge ("登记住所或对外宣称的经营地址……有待贵局核实") when the case has one;
- ``payee_role``: the role the supplier gave the holder of a personal
  receiving account ("its finance manager"), quoted from the facts;
- ``stated_forgery``: what a forged paper claimed (a brand authorisation, a
  certificate of authenticity) and when it was shown, where the case says only
  that papers were forged (``indicators.forged_documents``) and marks no
  exhibit forged.

Trade-off: a clause is recognised by words naming a place of business
(address, premises, stall, office; 地址, 住所, 档口, 办公) and a role by the
quoted title next to the holder's name; a fact worded otherwise is not found,
and the documents then keep the hedged wording (never a guess).
"""
from __future__ import annotations

import re
from dataclasses import dataclass

from restitution.case.model import BankAccount, Case, Exhibit, Fact

_PLACE_EN = re.compile(r"\b(?:address|premises|stall|booth|office)\b", re.IGNORECASE)
_PLACE_ZH = re.compile(r"地址|住所|档口|摊位|办公|经营场所")
_CLAUSES_EN = re.compile(r"(?<=[;.])\s+|,\s+and\s+")
_CLAUSES_ZH = re.compile(r"[；;。]")  # a comma joins parts of one statement ("经实地走访，……")


@dataclass(frozen=True)
class Clause:
    """One clause of a fact, in either language (None where that text does not contain it)."""

    fact: Fact
    en: str | None
    zh: str | None


def after_payment(case: Case) -> list[Fact]:
    """The facts after the supplier had the last payment, up to the report (or today, unfiled)."""
    if not case.payments:
        return []
    last = max(p.date for p in case.payments)
    filed = case.proceedings.police_report.filed_on if case.proceedings and case.proceedings.police_report else None
    return [f for f in sorted(case.facts, key=lambda f: f.date)
            if f.date > last and (filed is None or f.date < filed)]


def _clause(text: str | None, splitter: re.Pattern[str], place: re.Pattern[str]) -> str | None:
    for part in splitter.split(text or ""):
        part = part.strip().rstrip("。.;；")
        if part and place.search(part):
            return part
    return None


def address_clause(case: Case) -> Clause | None:
    """The first fact clause saying what is at the supplier's address, in each language it is written in."""
    for f in sorted(case.facts, key=lambda f: f.date):
        en, zh = _clause(f.text, _CLAUSES_EN, _PLACE_EN), _clause(f.text_zh, _CLAUSES_ZH, _PLACE_ZH)
        if en or zh:
            return Clause(f, en[:1].upper() + en[1:] if en else None, zh)
    return None


_QUOTED_ZH = r"[“\"「]([^”\"」]{1,12})[”\"」]"


def payee_role(case: Case, account: BankAccount) -> tuple[str | None, str | None]:
    """The role the supplier gave an account's holder, (English, Chinese), quoted from the facts:
    "所称“财务经理”陈晓丽", "Chen Xiaoli, whom he called the finance manager"."""
    en = zh = None
    for f in case.facts:
        if account.holder_zh and f.text_zh and zh is None:
            m = re.search(_QUOTED_ZH + r"\s*(?:的)?\s*" + re.escape(account.holder_zh), f.text_zh)
            zh = m.group(1) if m else None
        if account.holder and f.text and en is None:
            m = re.search(re.escape(account.holder) + r",?\s+whom\s+(?:he|she|they|it)\s+(?:called|described as)\s+"
                          r"(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+)?([A-Za-z][A-Za-z -]{1,30}?)(?=[,.;]|$)",
                          f.text, re.IGNORECASE)
            en = m.group(1).strip() if m else None
    return en, zh


# Forged papers the facts name, by what they claim (the indicator words them per kind):
# a brand's authorisation (the seller poses as its authorised distributor), a certificate
# that the goods are genuine.
_FORGED_KINDS = (
    ("authorisation",
     re.compile(r"authori[sz]ed\s+(?:distributor|dealer|reseller|agent)|authori[sz]ation\s+(?:certificate|letter)"
                r"|(?:distributor|dealer)\s+certificate", re.IGNORECASE),
     re.compile(r"授权经销商|授权证书|授权书|经销商证书|代理证书|授权代理")),
    ("authenticity",
     re.compile(r"authenticity\s+(?:cards?|certificates?)|certificates?\s+of\s+authenticity", re.IGNORECASE),
     re.compile(r"正品证书|真品证书|防伪证书")),
)


@dataclass(frozen=True)
class StatedForgery:
    """A forged paper the facts describe (``indicators.forged_documents``, no exhibit marked forged)."""

    kind: str  # authorisation | authenticity
    fact: Fact  # the fact that shows it: its date is when it was shown
    before_contract: bool
    proofs: tuple[Exhibit, ...]  # the exhibit of that day (the listing showing it), those naming it


def stated_forgery(case: Case) -> StatedForgery | None:
    """What was forged and when, from the facts, where the case says only that papers were forged."""
    if not case.indicators.forged_documents or any(e.forged for e in case.evidence):
        return None
    for f in sorted(case.facts, key=lambda f: f.date):
        for kind, en, zh in _FORGED_KINDS:
            if en.search(f.text or "") or zh.search(f.text_zh or ""):
                proofs = tuple(e for e in case.evidence if e.kind != "payment_proof" and (
                    e.date == f.date or any(en.search(t or "") or zh.search(t or "")
                                            for t in (e.title, e.title_zh, e.purpose, e.purpose_zh))))
                return StatedForgery(kind, f, f.date < case.order.date, proofs)
    return None
