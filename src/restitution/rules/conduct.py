"""What the case's dated facts record of the supplier's own conduct, for the papers that must answer
"this is only an economic dispute" with facts rather than labels.

A bureau that refuses a case as 经济纠纷 (or a report it reads as one) is
answered by what the supplier did once it had the money: a false claim that
the goods were at the port, silence, premises given up (domain.md §C, "Fraud vs
a mere contract dispute", factor 6). The dated chronology is ``facts[]``; what
a document must state as a finding has a key of its own:

- ``after_payment``: the facts dated after the last payment and before the
  report was filed: the conduct the report and its reconsideration rest on;
- ``address_finding``: what is at the supplier's address (a stall let to
  another trader, an empty office), from the declared key
  ``indicators.address_finding``, so that the "no business at its address"
  indicator states that fact instead of a hedge ("登记住所或对外宣称的经营地址……
  有待贵局核实") when the case has one;
- ``address_finding_proofs``: the exhibit that records that finding, linked only by
  a day the finding names and the exhibit's date (kind ``other``);
- ``payee_role``: the role the supplier gave the holder of a personal
  receiving account ("its finance manager"), from the declared key
  ``supplier.bank_accounts[].holder_role`` (``_zh``);
- ``stated_forgery``: what a forged paper claimed and when it was shown, from
  the declared key ``indicators.forgery`` (case/indicators.py), where no
  exhibit is the forged paper itself;
- ``undeclared``: the warning for a fact that reads like one of those keys
  while the case lacks it.

Trade-off: the documents state a forgery or an address finding only from its
declared key, never from words found in a fact: a fact worded otherwise would
be missed and a passing word mistaken for a finding. The word lists (address,
premises, stall, office; 地址, 住所, 档口, 办公; authorised distributor, 授权经销商,
正品证书; forged, 伪造 for any other paper, which may also be an exhibit of its own
to mark ``evidence[].forged``; a quoted title next to a holder's name) survive only to suggest the
key in a located warning; the documents then keep the hedged wording until the
user declares it (never a guess).
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING

from restitution.case.model import BankAccount, Case, Exhibit, Fact
from restitution.records import record

if TYPE_CHECKING:
    from restitution.case.warnings import CaseWarning

def after_payment(case: Case) -> list[Fact]:
    """The facts after the supplier had the last payment, up to the report (or today, unfiled)."""
    if not case.payments:
        return []
    last = max(p.date for p in case.payments)
    filed = case.proceedings.police_report.filed_on if case.proceedings and case.proceedings.police_report else None
    return [f for f in sorted(case.facts, key=lambda f: f.date)
            if f.date > last and (filed is None or f.date < filed)]


def address_finding(case: Case) -> tuple[str | None, str | None]:
    """What the case records at the supplier's address, (English, Chinese), each without its full stop;
    (None, None) when ``indicators.address_finding`` is not given."""
    ind = case.indicators
    if not ind.fake_address:
        return None, None
    trim = (lambda t: t.strip().rstrip("。.;；") or None)
    return (trim(ind.address_finding) if ind.address_finding else None,
            trim(ind.address_finding_zh) if ind.address_finding_zh else None)


_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
           "november", "december")
_DAY_PATTERNS = (  # (pattern, order of year, month, day groups); a month name stands for its number
    (re.compile(r"(\d{4})\s*年\s*(\d{1,2})\s*月\s*(\d{1,2})\s*日"), (1, 2, 3)),
    (re.compile(r"(\d{4})-(\d{2})-(\d{2})"), (1, 2, 3)),
    (re.compile(r"(\d{1,2})\s+(" + "|".join(_MONTHS) + r")\s+(\d{4})", re.IGNORECASE), (3, 2, 1)),
    (re.compile(r"(" + "|".join(_MONTHS) + r")\s+(\d{1,2}),?\s+(\d{4})", re.IGNORECASE), (3, 1, 2)),
)


def _days_named(text: str) -> set[dt.date]:
    found: set[dt.date] = set()
    for pattern, (y, m, d) in _DAY_PATTERNS:
        for hit in pattern.finditer(text):
            month = hit.group(m)
            number = _MONTHS.index(month.lower()) + 1 if month.isalpha() else int(month)
            try:
                found.add(dt.date(int(hit.group(y)), number, int(hit.group(d))))
            except ValueError:
                continue  # not a calendar day: names nothing
    return found


def address_finding_proofs(case: Case) -> list[Exhibit]:
    """The record of the address finding among the exhibits: one of kind ``other`` dated a day the
    finding itself names ("于2026年10月20日实地查看", "on 20 October 2026"). Trade-off: the declared
    finding's own words and an exhibit's date, nothing looser; a finding that names no day, or an
    exhibit of a checklist kind (a contract, a payment proof), is not linked, and the indicator is
    then stated without an exhibit, as before."""
    en, zh = address_finding(case)
    days = _days_named(" ".join(t for t in (en, zh) if t))
    return [e for e in case.evidence if e.kind == "other" and e.date is not None and e.date in days]


_QUOTED_ZH = r"[“\"「]([^”\"」]{1,12})[”\"」]"


def payee_role(case: Case, account: BankAccount) -> tuple[str | None, str | None]:
    """The role the supplier gave an account's holder, (English, Chinese), as declared
    (``holder_role``, ``holder_role_zh``): "所称“财务经理”陈晓丽", "Chen Xiaoli, whom it called the finance manager"."""
    return account.holder_role, account.holder_role_zh


def _quoted_role(case: Case, account: BankAccount) -> str | None:
    """A role quoted next to the holder's name in a fact, for the warning only."""
    for f in case.facts:
        if account.holder_zh and f.text_zh:
            m = re.search(_QUOTED_ZH + r"\s*(?:的)?\s*" + re.escape(account.holder_zh), f.text_zh)
            if m:
                return m.group(1)
        if account.holder and f.text:
            m = re.search(re.escape(account.holder) + r",?\s+whom\s+(?:he|she|they|it)\s+(?:called|described as)\s+"
                          r"(?:the\s+|a\s+|an\s+|its\s+|his\s+|her\s+)?([A-Za-z][A-Za-z -]{1,30}?)(?=[,.;]|$)",
                          f.text, re.IGNORECASE)
            if m:
                return m.group(1).strip()
    return None


@record
class StatedForgery:
    """The forged paper ``indicators.forgery`` declares (no exhibit is the paper itself)."""

    kind: str  # authorisation | authenticity | other
    title: str
    title_zh: str | None
    shown_on: dt.date | None
    before_contract: bool
    shown_in: tuple[Exhibit, ...]  # the page or message of the day it was shown
    found_by: tuple[Exhibit, ...]  # for a brand's authorisation: the brand owner's authentication letter

    @property
    def proofs(self) -> tuple[Exhibit, ...]:
        return self.shown_in + tuple(e for e in self.found_by if e not in self.shown_in)


def stated_forgery(case: Case) -> StatedForgery | None:
    """What was forged and when, as the case declares it, where no exhibit is marked forged."""
    f = case.indicators.forgery
    if f is None or not case.indicators.forged_documents or any(e.forged for e in case.evidence):
        return None
    # what shows it: the page or message of the day it was shown; for a brand's paper, the brand
    # owner's authentication letter (it says whether the brand issued it)
    shown = tuple(e for e in case.evidence if e.kind != "payment_proof" and f.shown_on is not None
                  and e.date == f.shown_on)
    # only a brand's authorisation is what its owner's letter speaks to (the brand never issued it); a
    # letter that the goods are counterfeit does not say who made a certificate of authenticity
    found = tuple(e for e in case.evidence if f.kind == "authorisation" and e.kind == "authentication_letter")
    before = f.shown_on is not None and f.shown_on < case.order.date
    return StatedForgery(f.kind, f.title, f.title_zh, f.shown_on, before, shown, found)


# ------------------------------------------------------------------ the warning that suggests the keys

_PLACE_EN = re.compile(r"\b(?:address|premises|stall|booth|office)\b", re.IGNORECASE)
_PLACE_ZH = re.compile(r"地址|住所|档口|摊位|办公|经营场所")
_CLAUSES_EN = re.compile(r"(?<=[;.])\s+|,\s+and\s+")
_CLAUSES_ZH = re.compile(r"[；;。]")  # a comma joins parts of one statement ("经实地走访，……")
_FORGED_KINDS = (
    ("authorisation",
     re.compile(r"authori[sz]ed\s+(?:distributor|dealer|reseller|agent)|authori[sz]ation\s+(?:certificate|letter)"
                r"|(?:distributor|dealer)\s+certificate", re.IGNORECASE),
     re.compile(r"授权经销商|授权证书|授权书|经销商证书|代理证书|授权代理")),
    ("authenticity",
     re.compile(r"authenticity\s+(?:cards?|certificates?)|certificates?\s+of\s+authenticity", re.IGNORECASE),
     re.compile(r"正品证书|真品证书|防伪证书")),
    # any other paper said to be forged (an audit report, a test certificate, a bill of lading), last
    ("other",
     re.compile(r"\b(?:forged|falsified|forger(?:y|ies))\b|\bfake\s+(?:[a-z-]+\s+){0,2}(?:reports?|certificates?|"
                r"licen[cs]es?|invoices?|documents?|letters?|bills?|papers?)\b", re.IGNORECASE),
     re.compile(r"伪造|偽造|变造|變造|虚假的?(?:报告|证书|证明|单据|文件|发票|执照)|虛假的?(?:報告|證書|證明|單據|文件|發票|執照)")),
)


def _clause(text: str | None, splitter: re.Pattern[str], place: re.Pattern[str]) -> str | None:
    for part in splitter.split(text or ""):
        part = part.strip().rstrip("。.;；")
        if part and place.search(part):
            return part
    return None


def undeclared(case: Case, date: dt.date) -> list[CaseWarning]:
    """A fact that reads like a forged paper or a finding at the supplier's address, where the flag is
    set and its key is not: the documents keep the hedge until the key says it (module docstring)."""
    from restitution.case.warnings import CaseWarning

    out: list[CaseWarning] = []
    ind = case.indicators
    facts = list(enumerate(case.facts))
    if ind.forged_documents and ind.forgery is None and not any(e.forged for e in case.evidence):
        for i, f in facts:
            kind = next((k for k, en, zh in _FORGED_KINDS if en.search(f.text or "") or zh.search(f.text_zh or "")),
                        None)
            if kind == "other":  # the paper may be an exhibit of its own: then it is stated with its exhibit
                out.append(CaseWarning(f"facts[{i}].text", (
                    "this fact seems to describe a forged paper; the police report states a forgery with its "
                    "date and exhibit only when the exhibit that is the paper is marked evidence[].forged: true, "
                    "or, if the paper is not an exhibit of its own, from indicators.forgery (kind: other, title, "
                    f"title_zh, shown_on: {f.date.isoformat()} if that is the day it was shown): add one, or the "
                    "report keeps the general wording, hedged as what the reporter has learned")))
                break
            if kind:
                out.append(CaseWarning(f"facts[{i}].text", (
                    f"this fact seems to describe a forged {kind} paper; the police report names a forged paper "
                    f"only from indicators.forgery (kind: {kind}, title, title_zh, shown_on: {f.date.isoformat()} "
                    "if that is the day it was shown): add it, or the report keeps the general wording")))
                break
    if ind.fake_address and not ind.address_finding and case.supplier.region != "hong_kong":
        for i, f in facts:
            if _clause(f.text, _CLAUSES_EN, _PLACE_EN) or _clause(f.text_zh, _CLAUSES_ZH, _PLACE_ZH):
                out.append(CaseWarning(f"facts[{i}].text", (
                    "this fact seems to say what is at the supplier's address; the police report states it "
                    "only from indicators.address_finding and address_finding_zh: copy the finding there, "
                    "or the report keeps the hedge (no business at its address, for the bureau to verify)")))
                break
    for i, a in enumerate(case.supplier.bank_accounts):
        role = None if a.holder_role or a.holder_role_zh else _quoted_role(case, a)
        if role:
            out.append(CaseWarning(f"supplier.bank_accounts[{i}].holder", (
                f'a fact gives this holder a role ("{role}"); the police report names the role only from '
                "holder_role and holder_role_zh: add them, or the holder is named without it")))
    return out
