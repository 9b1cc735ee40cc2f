"""Turning a checked tree of values into the frozen `Case` of model.py.

Only called when no problem was found, so every required value is present
and of the right type; absent optional keys take the dataclass defaults.
"""
from __future__ import annotations

from pathlib import Path

from restitution.case import model


def _make(cls, values: dict | None, **nested):
    if values is None:
        return None
    plain = {k: v for k, v in values.items() if k not in nested}
    return cls(**plain, **{k: v for k, v in nested.items() if v is not None or k in values})


def _many(cls, items, **kw):
    return tuple(_make(cls, item, **{k: f(item) for k, f in kw.items()}) for item in items or ())


def _opt(cls, values: dict | None):
    return _make(cls, values) if values else None


def assemble(tree: dict, where: dict[str, int], source: Path | None) -> model.Case:
    client = tree["client"]
    supplier = tree["supplier"]
    order = tree["order"]
    settlement = tree.get("settlement")
    return model.Case(
        schema=tree["schema"],
        case=_make(model.CaseInfo, tree["case"]),
        client=_make(model.Client, client, representative=_opt(model.Representative, client.get("representative"))),
        agent=_opt(model.Agent, tree.get("agent")),
        supplier=_make(
            model.Supplier,
            supplier,
            contacts=_many(model.Contact, supplier.get("contacts")),
            bank_accounts=_many(model.BankAccount, supplier.get("bank_accounts")),
        ),
        order=_make(model.Order, order, goods=_many(model.GoodsLine, order.get("goods"))),
        payments=_many(model.Payment, tree["payments"], card=lambda p: _opt(model.Card, p.get("card"))),
        outcome=_make(model.Outcome, tree["outcome"]),
        indicators=_make(model.Indicators, tree.get("indicators") or {}),
        facts=_many(model.Fact, tree.get("facts")),
        claim=_make(
            model.Claim,
            tree["claim"],
            refund_account=_opt(model.BankAccount, tree["claim"].get("refund_account")),
        ),
        settlement=None
        if not settlement
        else _make(
            model.Settlement,
            settlement,
            schedule=_many(model.Instalment, settlement.get("schedule")),
            received=_many(model.Receipt, settlement.get("received")),
            payers=_many(model.Payer, settlement.get("payers")),
        ),
        evidence=_many(model.Exhibit, tree.get("evidence")),
        source=source,
        where=dict(where),
    )
