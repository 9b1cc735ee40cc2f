"""The written pardon (谅解书) the victim gives the authority handling the case.

domain.md §C ("What a 谅解书 should contain") and pitfall 10: it names who is
pardoned (the supplier and its named legal representative, never unnamed
people) and for what; records the restitution actually received, each
payment with its date, amount in figures and 大写 and reference; says
whether leniency is requested; states that it is voluntary; and is signed by
the victim, its legal representative, or an agent whom the power of attorney
expressly authorises to sign a pardon (§A). A pardon is never written
against money not yet received, so an empty ``settlement.received`` is
refused; a partial receipt is not refused, but the letter states the
shortfall and limits the pardon to what was received.

Values the templates read as ``x``:

- ``authority``: the addressee: ``settlement.handling_authority(_zh)``, else
  the police body for the supplier (rules.police_route).
- ``receipts`` (``n``, ``date``, ``amount``, ``reference``), ``received_total``,
  ``agreed``, ``outstanding``, ``partial``.
- ``supplier`` (name in running text), ``pardoned`` (the supplier and its named
  legal representative).
- ``paid_total``/``paid_currency`` (None when the payments mix currencies),
  ``offence``, ``region``, ``order_ref``, ``outcome``, ``rep_label``, ``rep``.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from restitution.case.model import Case
from restitution.documents import DocumentSpec
from restitution.documents._phrases import (
    order_ref,
    paid_total,
    representative,
    representative_label,
)
from restitution.documents.settlement_agreement import (
    authority,
    offence,
    outcome_text,
    require_settlement,
    where,
    zh,
)
from restitution.errors import DocumentNotApplicable
from restitution.rules import police_route


def addressee(case: Case, lang: str) -> str | None:
    named = authority(case, lang)
    if named:
        return named
    if case.supplier.region not in ("mainland", "hong_kong"):
        return None
    route = police_route(case)
    return route.body_zh if zh(lang) else route.body_en


def supplier_short(case: Case, lang: str) -> str:
    """The supplier's name in running text: the registered Chinese name in Chinese."""
    s = case.supplier
    return (s.name_zh or s.name) if zh(lang) else s.name


def pardoned(case: Case, lang: str) -> str:
    """Who is pardoned: the supplier and, when the case names one, its legal representative."""
    rep = representative(case, lang)
    label = representative_label(case, lang)
    name = supplier_short(case, lang)
    if not rep:
        return name
    return f"{name}及其{label}{rep}" if zh(lang) else f"{name} and its {label.lower()}, {rep},"


def check(case: Case) -> None:
    require_settlement(case, "the written pardon", "agreed_amount, currency, received")
    if not case.settlement.received:
        raise DocumentNotApplicable(
            "a written pardon records restitution actually received; settlement.received is empty",
            where(case, "settlement.received"))
    if addressee(case, "zh") is None:
        raise DocumentNotApplicable(
            "the written pardon is addressed to the body handling the case: add "
            "settlement.handling_authority_zh (and handling_authority)", where(case, "settlement"))


def context(case: Case, lang: str, date: dt.date) -> dict[str, Any]:
    s = case.settlement
    received = s.received_total
    total, total_currency = paid_total(case)
    return {
        "authority": addressee(case, lang),
        "receipts": [{"n": n, "date": r.date, "amount": r.amount, "reference": r.reference}
                     for n, r in enumerate(sorted(s.received, key=lambda r: r.date), start=1)],
        "received_total": received,
        "agreed": s.agreed_amount,
        "outstanding": max(s.agreed_amount - received, Decimal("0")),
        "partial": received < s.agreed_amount,
        "paid_total": total,
        "paid_currency": total_currency,
        "offence": offence(case, lang),
        "region": case.supplier.region,
        "order_ref": order_ref(case, lang),
        "outcome": outcome_text(case, lang),
        "supplier": supplier_short(case, lang),
        "pardoned": pardoned(case, lang),
        "rep_label": representative_label(case, lang),
        "rep": representative(case, lang),
    }


SPEC = DocumentSpec(
    key="pardon_letter",
    title={"en": "Written Pardon", "zh": "谅解书"},
    check=check,
    context=context,
    # The Hong Kong Police read Traditional Chinese (domain.md §C, pitfall 10).
    zh_variant=lambda case: "zh-Hant" if case.supplier.region == "hong_kong" else "zh",
)
