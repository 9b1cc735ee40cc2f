"""The joint victims schedule: every victim of one supplier, for a joint police report.

Cases are grouped by the supplier's registration (USCC, or Hong Kong company
number zero-padded to 8 digits, so "3217845" and "03217845" are one supplier); a group of two or more gets a schedule listing each victim, the
amount and date of each payment, and the total loss in CNY.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal
from pathlib import Path
from typing import Any

from restitution.case.codes import hk_company_key
from restitution.case.model import Case
from restitution.language import get as get_language


@dataclass(frozen=True)
class Victim:
    case: Case
    loss_cny: Decimal | None  # None when the claim is not in CNY and has no rate


@dataclass(frozen=True)
class SupplierGroup:
    key: str  # USCC or HK company number
    supplier: Any  # the Supplier of the first case
    victims: tuple[Victim, ...]

    @property
    def total_cny(self) -> Decimal | None:
        amounts = [v.loss_cny for v in self.victims]
        known = [a for a in amounts if a is not None]
        return sum(known, Decimal("0")) if len(known) == len(amounts) else None

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
        victims = tuple(Victim(c, c.claim.amount_cny) for c in members)
        out.append(SupplierGroup(key, members[0].supplier, victims))
    return out


def render_schedule(group: SupplierGroup, lang: str, date: dt.date, templates: Path | None = None):
    """The schedule as a Document (en or zh) through the ordinary template pipeline."""
    from restitution.document import Document
    from restitution.pipeline.markup import parse
    from restitution.pipeline.render import DocInfo
    from restitution.pipeline.templating import RenderState, render_template, template_dirs

    from restitution.language.catalogue import catalogue

    roots = tuple(template_dirs(templates))
    words = catalogue(lang, roots)
    title = words("titles.victims_schedule")
    first = group.victims[0].case
    state = RenderState(case=first, lang=lang, words=words)
    context = {
        "case": first,
        "doc": DocInfo("victims_schedule", lang, date, title),
        "x": {"group": group, "victims": group.victims, "total_cny": group.total_cny,
              "missing_rates": group.missing_rates},
        "_state": state,
    }
    text = render_template("victims_schedule.md.j2", lang, roots, context)
    from restitution.pipeline.profile import profile_for

    return Document("victims_schedule", lang, title, parse(text), date=date, case_id=group.key,
                    paper="A4", langs=(get_language(lang),), profile=profile_for(templates))
