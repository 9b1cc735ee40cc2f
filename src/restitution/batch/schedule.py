"""The joint victims schedule: every victim of one supplier, for a joint police report.

Cases are grouped by the supplier's registration (USCC, or Hong Kong company
number zero-padded to 8 digits, so "3217845" and "03217845" are one supplier); a group of two or more gets a schedule listing each victim, the
amount and date of each payment, and the total loss in CNY, each victim's loss
converted as that victim's own packet converts it (rules/loss.py), so the schedule
and the police report of one victim state one figure.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from restitution.case.codes import hk_company_key
from restitution.case.model import Case
from restitution.rules.loss import CnyLoss, loss_in_cny

if TYPE_CHECKING:
    from restitution.document import Document


@dataclass(frozen=True)
class Victim:
    case: Case
    loss: CnyLoss  # the victim's loss in RMB and its basis

    @property
    def loss_cny(self) -> Decimal | None:  # None when the claim is not in CNY and has no rate
        return self.loss.amount


@dataclass(frozen=True)
class SupplierGroup:
    key: str  # USCC or HK company number
    supplier: Any  # the Supplier of the first case
    victims: tuple[Victim, ...]

    @property
    def total_cny(self) -> Decimal | None:
        amounts = [v.loss_cny for v in self.victims if v.loss_cny is not None]
        return None if len(amounts) < len(self.victims) else sum(amounts, Decimal("0"))

    @property
    def at_parity(self) -> bool:
        """Some victim's loss is converted at each payment's day's central parity."""
        return any(v.loss.basis == "parity" for v in self.victims)

    @property
    def estimated(self) -> bool:
        """Some victim's loss is an estimate at a single rate, not each payment's day's parity."""
        return any(v.loss.estimate for v in self.victims)

    @property
    def missing_rates(self) -> list[str]:
        return [v.case.id for v in self.victims if v.loss_cny is None]


def supplier_key(case: Case) -> str | None:
    """The registration a supplier is grouped by, in one canonical form: the USCC (its
    capitals and check digit are enforced by the loader), or "HK" and the Companies
    Registry number zero-padded to 8 digits (see `hk_company_key`). The key also
    names the schedule's files."""
    s = case.supplier
    if s.uscc:
        return s.uscc
    return f"HK{hk_company_key(s.hk_company_no)}" if s.hk_company_no else None


def group_by_supplier(cases: list[Case]) -> list[SupplierGroup]:
    groups: dict[str, list[Case]] = {}
    for c in cases:
        key = supplier_key(c)
        if key:
            groups.setdefault(key, []).append(c)
    out = []
    for key, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        members.sort(key=lambda c: (min(p.date for p in c.payments), c.id))
        victims = tuple(Victim(c, loss_in_cny(c)) for c in members)
        out.append(SupplierGroup(key, members[0].supplier, victims))
    return out


def render_schedule(group: SupplierGroup, lang: str, date: dt.date, templates: Path | None = None) -> "Document":
    """The schedule of `group` (en, zh or bilingual) through the ordinary pipeline: the registered
    document ``victims_schedule``, rendered with the first victim's case and the group as extra."""
    from restitution.documents.victims_schedule import schedule_extra
    from restitution.pipeline.render import render_document

    return render_document(group.victims[0].case, "victims_schedule", lang, date, templates=templates,
                           extra=schedule_extra(group))
