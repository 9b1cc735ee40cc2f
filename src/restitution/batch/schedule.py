"""The joint victims schedule: every victim of one supplier, for a joint police report.

Cases are grouped by the supplier's registration (USCC, or Hong Kong company
number zero-padded to 8 digits, so "3217845" and "03217845" are one supplier); a group of two or more gets a schedule listing each victim, the
amount and date of each payment, and the total loss in CNY.

Each loss in CNY is the one the victim's own police report states
(`rules.offence.loss_in_cny`: payment by payment at each day's central parity
where the case gives them, else the claim's single rate), so the schedule and
the reports filed with it never give two figures for one loss.

One victim is one row. A client found in two case files against one supplier
(the same registration number, or with none, the same name, in one country)
is merged into one row listing both orders, unless the two files record the
same payment (date, amount, currency and reference): that is one loss entered
twice, and the schedule is refused with the two files located, since a total
counting it twice would overstate the loss to the police.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from pathlib import Path
from typing import TYPE_CHECKING, Any

from restitution.case.codes import hk_company_key
from restitution.case.model import Case, Payment
from restitution.errors import CaseError, ErrorList, RestitutionError
from restitution.records import record
from restitution.rules.loss import loss_in_cny

if TYPE_CHECKING:
    from restitution.document import Document


@record
class Victim:
    case: Case  # the first of its cases, for the client's particulars
    loss_cny: Decimal | None  # None when a claim is not in CNY and has no rate
    cases: tuple[Case, ...] = ()  # every case of this victim against the supplier (default: `case`)

    def __post_init__(self) -> None:
        if not self.cases:
            object.__setattr__(self, "cases", (self.case,))

    @property
    def payments(self) -> tuple[Payment, ...]:
        return tuple(sorted((p for c in self.cases for p in c.payments), key=lambda p: p.date))

    @property
    def claims(self) -> tuple[tuple[Decimal, str], ...]:
        """The amount claimed, one entry per currency (each case's claim, added up)."""
        out: dict[str, Decimal] = {}
        for c in self.cases:
            out[c.claim.currency] = out.get(c.claim.currency, Decimal("0")) + c.claim.amount
        return tuple((amount, currency) for currency, amount in out.items())

    @property
    def per_payment(self) -> bool:
        """Every foreign-currency claim of this victim converted payment by payment at each day's parity."""
        rows = [loss_in_cny(c) for c in self.cases if c.claim.currency != "CNY"]
        return bool(rows) and all(r.per_payment for r in rows)

    @property
    def rates(self) -> tuple[tuple[str, Decimal], ...]:
        """The single rates used (currency, CNY per unit) where a claim was not converted payment by payment."""
        return tuple((c.claim.currency, c.claim.cny_rate) for c in self.cases
                     if c.claim.currency != "CNY" and c.claim.cny_rate is not None
                     and not loss_in_cny(c).per_payment)


@record
class SupplierGroup:
    key: str  # USCC or HK company number
    supplier: Any  # the Supplier of the first case
    victims: tuple[Victim, ...]

    @property
    def total_cny(self) -> Decimal | None:
        amounts = [v.loss_cny for v in self.victims if v.loss_cny is not None]
        return None if len(amounts) < len(self.victims) else sum(amounts, Decimal("0"))

    @property
    def missing_rates(self) -> list[str]:
        return [c.id for v in self.victims if v.loss_cny is None for c in v.cases]


def supplier_key(case: Case) -> str | None:
    """The registration a supplier is grouped by, in one canonical form: the USCC (its
    capitals and check digit are enforced by the loader), or "HK" and the Companies
    Registry number zero-padded to 8 digits (see `hk_company_key`). The key also
    names the schedule's files."""
    s = case.supplier
    if s.uscc:
        return s.uscc
    return f"HK{hk_company_key(s.hk_company_no)}" if s.hk_company_no else None


def _same_client(a: Case, b: Case) -> bool:
    """One client: same country and registration number, or, where either has none, the same name."""
    x, y = a.client, b.client
    if x.country.upper() != y.country.upper():
        return False
    if x.registration_no and y.registration_no:
        return "".join(x.registration_no.split()).casefold() == "".join(y.registration_no.split()).casefold()
    return " ".join(x.name.split()).casefold() == " ".join(y.name.split()).casefold()


def _payment_key(p: Payment) -> tuple:
    return (p.date, p.amount, p.currency, " ".join((p.reference or "").split()).casefold())


def _victims(members: list[Case], key: str) -> tuple[tuple[Victim, ...], list[RestitutionError]]:
    rows: list[list[Case]] = []
    errors: list[RestitutionError] = []
    for c in members:
        row = next((r for r in rows if _same_client(r[0], c)), None)
        if row is None:
            rows.append([c])
            continue
        paid = {_payment_key(p) for other in row for p in other.payments}
        twice = next((i for i, p in enumerate(c.payments) if _payment_key(p) in paid), None)
        if twice is not None:
            first = row[0]
            errors.append(CaseError(
                f"the same client and the same payment as in {first.locate('payments').file or 'another case'} "
                f"(case {first.id}), against the same supplier ({key}): one loss would be counted twice in the "
                "joint victims schedule; leave one of the two case files out of the batch, or run it with "
                "--no-schedule", c.locate(f"payments[{twice}]")))
            continue
        row.append(c)
    victims = []
    for row in rows:
        amounts = [loss_in_cny(c).amount for c in row]
        total = None if any(a is None for a in amounts) else sum((a for a in amounts if a is not None), Decimal("0"))
        victims.append(Victim(row[0], total, tuple(row)))
    return tuple(victims), errors


def group_by_supplier(cases: list[Case]) -> list[SupplierGroup]:
    """The suppliers two or more victims share, each with its victims in order of first payment.
    A victim found twice is one row (see the module docstring); the same payment in two case
    files raises `ErrorList`, each repeat located."""
    groups: dict[str, list[Case]] = {}
    for c in cases:
        key = supplier_key(c)
        if key:
            groups.setdefault(key, []).append(c)
    out = []
    errors: list[RestitutionError] = []
    for key, members in sorted(groups.items()):
        if len(members) < 2:
            continue
        members.sort(key=lambda c: (min(p.date for p in c.payments), c.id))
        victims, problems = _victims(members, key)
        errors += problems
        if len(victims) >= 2:
            out.append(SupplierGroup(key, members[0].supplier, victims))
    if errors:
        raise ErrorList(errors)
    return out


def render_schedule(group: SupplierGroup, lang: str, date: dt.date, templates: Path | None = None) -> "Document":
    """The schedule of `group` (en, zh or bilingual) through the ordinary pipeline: the registered
    document ``victims_schedule``, rendered with the first victim's case and the group as extra."""
    from restitution.documents.victims_schedule import schedule_extra
    from restitution.pipeline.render import render_document

    return render_document(group.victims[0].case, "victims_schedule", lang, date, templates=templates,
                           extra=schedule_extra(group))
