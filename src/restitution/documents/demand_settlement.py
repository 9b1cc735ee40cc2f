"""The demand letter under a settlement: the instalments it may demand, and who signed to pay.

A demand of money not yet due is no demand: under a settlement the letter is made only once an
instalment is overdue (`check_on`, receipts applied to the earliest instalment first), and it
demands those instalments only (`OverdueInstalment`, from `case.stage.overdue`). It is addressed
to the settlement's payers as well as the seller: guarantors (Civil Code (2020) Art. 688 for a
joint guarantee, Art. 687 a general one) and those who signed to pay in their own name, each named
with the identity document the agreement gives (`settlement_people`). Kept apart from
documents/demand_letter.py, which words the letter for every stage.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case
from restitution.case.stage import overdue, stage_of
from restitution.errors import DocumentNotApplicable
from restitution.language.catalogue import Catalogue
from restitution.records import record


def check_on(case: Case, date: dt.date) -> None:
    """Under a settlement, a letter dated `date` needs an instalment already overdue."""
    s = case.settlement
    if s is None or stage_of(case).owed == 0 or overdue(case, date):
        return
    # the first instalment not covered by what was received (receipts go to the earliest first)
    covered, nxt = s.received_total, ""
    for inst in sorted(s.schedule, key=lambda i: i.due):
        if covered < inst.amount:
            nxt = f" (the next unpaid instalment is due on {inst.due.isoformat()})"
            break
        covered -= inst.amount
    raise DocumentNotApplicable(
        f"no instalment of the settlement is overdue on {date.isoformat()}{nxt}: under a settlement "
        "the letter may demand only instalments already due and unpaid; make it after a due date "
        "is missed (--date), or record the money received in settlement.received",
        case.locate("settlement.schedule"))


@record
class OverdueInstalment:
    number: int  # its place in the schedule, from 1
    due: dt.date
    amount: Decimal  # still unpaid


@record
class Guarantor:
    name: str
    relation: str | None
    address: str | None
    joint: bool  # a joint guarantee (连带责任保证, Civil Code Art. 688); else general (Art. 687)
    identity: str | None = None  # the identity document, worded: 公民身份号码… / passport no. …


def _identity(id_no: str | None, words: Catalogue) -> str | None:
    """A signatory's identity document as the letter names it: a PRC number is a 公民身份号码."""
    from restitution.case.codes import looks_like_prc_id

    if not id_no:
        return None
    return words("proceedings.id_prc" if looks_like_prc_id(id_no) else "proceedings.id_passport", id_no=id_no)


def settlement_people(case: Case, words: Catalogue) -> tuple[tuple[str, Guarantor], ...]:
    """(role, person) of every payer of the settlement, worded in the letter's language."""
    zh = words.language.chinese
    return tuple(
        (p.role, Guarantor(name=(p.name_zh if zh and p.name_zh else p.name),
                           relation=(p.relation_zh if zh and p.relation_zh else p.relation),
                           address=(p.address_zh if zh and p.address_zh else p.address),
                           joint=p.guarantee == "joint", identity=_identity(p.id_no, words)))
        for p in (case.settlement.payers if case.settlement else ()))
