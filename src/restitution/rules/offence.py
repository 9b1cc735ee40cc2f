"""The offence a mainland police report pleads, from the case's facts (domain.md §C, §H.3, §H.4).

A report that only says "the seller is a fraudster" is read by a unit of 经侦
as an economic dispute. The pleading has to run from the deception (虚构事实
/ 隐瞒真相) through the client's mistaken belief to each payment, and name the
Art. 224 item the facts support. This module decides that from dated facts,
never from a flag alone:

- item (四) (absconding after receipt) only where `facts.absconded` holds:
  non-delivery alone is not absconding;
- item (二) is security with forged bills and is never pleaded for a forged
  bill of lading or quality certificate; such a document is pleaded as what
  it did: sent before a payment, it induced the payment; sent after the last
  one, it delayed discovery; both fall under item (五) (其他方法);
- counterfeit goods: Art. 140 and Art. 214 in the alternative, with their
  filing figures, and the unit chooses (the victim of Art. 214 is the mark's
  owner, so the report does not claim it as the buyer's own offence);
- the individuals: the legal representative, the contacts and
  `proceedings.suspects`, named because a company set up to commit crime is
  not a unit offender (法释〔1999〕14号 Art. 2).

Trade-off: which payment a forged document induced is inferred from dates
(the document dated on or before the payment), as the format links no
exhibit to a payment; an undated forged exhibit is pleaded without a link.

The loss in RMB is computed in rules/loss.py, once for every document.
"""
from __future__ import annotations

import datetime as dt
from typing import Literal

from restitution.case.model import Case, Exhibit, Payment
from restitution.records import record
from restitution.rules.conduct import StatedForgery, stated_forgery
from restitution.rules.facts import absconded, proofs_of
from restitution.rules.people import is_person

# The figures from which Arts. 140 and 214 are prosecuted are with the other filing thresholds in
# rules/police.py: the packet's choice of documents reads them without this module's patterns.


@record
class Inducement:
    """One payment, the forged documents sent before it, and the exhibits proving it."""

    payment: Payment
    forged: tuple[Exhibit, ...]
    proofs: tuple[Exhibit, ...]


@record
class Pleading:
    items: tuple[str, ...]  # Art. 224 items the facts support: "四", "五"
    inducements: tuple[Inducement, ...]  # in date order
    forged_to_delay: tuple[Exhibit, ...]  # forged documents sent after the last payment
    forged_undated: tuple[Exhibit, ...]
    forged_stated: bool  # indicators.forged_documents with no exhibit marked forged
    counterfeit: bool  # Art. 140 / Art. 214 in the alternative
    # how the item (五) deception is pleaded: "promise" (nothing delivered: a false promise of
    # performance), "partial", or, for goods delivered, what was passed off as the contract goods
    # ("junk", "nonconforming", "counterfeit"); a delivery is never pleaded as a false promise
    deception: str = "promise"
    goods_proof: tuple[Exhibit, ...] = ()  # the test reports and authentication letters proving it
    # the forged paper indicators.forgery declares (what, when shown, what shows it), told in the deception
    forgery: StatedForgery | None = None


def forged_exhibits(case: Case) -> tuple[Exhibit, ...]:
    return tuple(e for e in case.evidence if e.forged)


def pleading(case: Case) -> Pleading:
    pays = sorted(case.payments, key=lambda p: p.date)
    forged = forged_exhibits(case)
    dated = [e for e in forged if e.date is not None]
    inducements = []
    previous: dt.date | None = None
    for p in pays:
        # a forged document induced the first payment made on or after its date
        before = tuple(e for e in dated if e.date is not None and e.date <= p.date
                       and (previous is None or e.date > previous))
        inducements.append(Inducement(p, before, proofs_of(case, p)))
        previous = p.date
    last = pays[-1].date if pays else None
    to_delay = tuple(e for e in dated if last is not None and e.date is not None and e.date > last)
    items = []
    if absconded(case):
        items.append("四")
    # any deception other than absconding (a false promise, a forged document, goods passed off)
    items.append("五")
    return Pleading(
        items=tuple(items),
        inducements=tuple(inducements),
        forged_to_delay=to_delay,
        forged_undated=tuple(e for e in forged if e.date is None),
        forged_stated=case.indicators.forged_documents and not forged,
        forgery=stated_forgery(case),
        counterfeit=case.outcome.kind == "counterfeit",
        deception=_DECEPTION.get(case.outcome.kind, "promise"),
        goods_proof=tuple(e for e in case.evidence if e.kind in ("test_report", "authentication_letter")),
    )


_DECEPTION = {"junk_delivered": "junk", "not_as_described": "nonconforming", "counterfeit": "counterfeit",
              "partial_delivery": "partial"}


# ------------------------------------------------------------------ the charge

Charge = Literal["contract_fraud", "hk_fraud", "fraud"]


def charge(case: Case) -> Charge:
    """The offence the police report for this supplier pleads, for the papers filed beside it
    (the victims schedule's "涉嫌……一案"): contract fraud (Art. 224) for a mainland seller,
    as templates/zh/police_report.md.j2 pleads it; fraud and obtaining property by deception
    (Theft Ordinance ss. 16A, 17) for a Hong Kong one; fraud in general elsewhere."""
    region = case.supplier.region
    if region == "mainland":
        return "contract_fraud"
    if region == "hong_kong":
        return "hk_fraud"
    return "fraud"


# ------------------------------------------------------------------ individuals

@record
class Person:
    name: str  # Latin letters, as the case gives them
    name_zh: str | None
    role: str  # legal_representative, shareholder, staff, contact, other
    id_no: str | None = None
    claimed_role: str | None = None  # the role a contact claimed


def _key(name: str | None) -> str:
    return "".join((name or "").lower().split())


def individuals(case: Case) -> list[Person]:
    """The people behind the supplier, each once: the legal representative, the suspects, the contacts
    that are persons (rules.people.is_person: a customer-service mailbox is not)."""
    s = case.supplier
    out: list[Person] = []
    seen: set[str] = set()

    def add(p: Person) -> None:
        keys = {_key(p.name), _key(p.name_zh)} - {""}
        if keys & seen:
            return
        seen.update(keys)
        out.append(p)

    suspects = case.proceedings.suspects if case.proceedings else ()
    for sp in suspects:
        add(Person(sp.name, sp.name_zh, sp.role, sp.id_no))
    if s.legal_representative or s.legal_representative_zh:
        add(Person(s.legal_representative or s.legal_representative_zh or "", s.legal_representative_zh,
                   "legal_representative"))
    for ct in s.contacts:
        if (ct.name or ct.name_zh) and is_person(ct):  # a mailbox or desk is no one to report
            add(Person(ct.name or ct.name_zh or "", ct.name_zh, "contact", claimed_role=ct.role))
    return out
