"""Case objects built directly from the model, so the plan tests do not depend on the loader."""
from __future__ import annotations

import datetime as dt
from dataclasses import replace
from decimal import Decimal

import pytest

from restitution.case.model import (
    Card,
    Case,
    CaseInfo,
    Claim,
    Client,
    Indicators,
    Instalment,
    Order,
    Outcome,
    Payment,
    Receipt,
    Settlement,
    Supplier,
)

D = dt.date


def sample_case() -> Case:
    """The example of case-format.md: a US buyer, a Shenzhen supplier, a wire and a Visa payment."""
    return Case(
        schema=1,
        case=CaseInfo(id="NW-2026-0042", opened=D(2026, 11, 20)),
        client=Client(kind="company", name="Northwind Trading LLC", country="US",
                      address="1200 Market St, San Francisco, CA 94103, USA"),
        supplier=Supplier(name="Shenzhen Glory Tech Co., Ltd.", region="mainland",
                          name_zh="深圳市荣耀示例科技有限公司", uscc="91440300MA5G7K2Q1G",
                          province_zh="广东省", city_zh="深圳市", district_zh="宝安区"),
        order=Order(date=D(2026, 6, 2), currency="USD", number="PO-2026-118", platform="alibaba",
                    total=Decimal("25000.00"), trade_assurance=True,
                    promised_ship_date=D(2026, 7, 15), promised_delivery_date=D(2026, 8, 20)),
        payments=(
            Payment(date=D(2026, 6, 5), amount=Decimal("7500.00"), currency="USD", method="wire",
                    to_account="6222 0000 0000 0000"),
            Payment(date=D(2026, 7, 20), amount=Decimal("17500.00"), currency="USD", method="card",
                    card=Card(network="visa", last4="4242", issuer="First Example Bank",
                              statement_date=D(2026, 8, 1))),
        ),
        outcome=Outcome(kind="not_delivered", last_contact=D(2026, 8, 2), seller_unreachable=True),
        claim=Claim(amount=Decimal("25000.00"), currency="USD", cny_rate=Decimal("7.10"),
                    cny_rate_date=D(2026, 11, 20)),
        indicators=Indicators(vanished_after_payment=True, fake_address=True, recently_registered=True,
                              registered_capital_cny=Decimal("10000"), personal_email_used=True,
                              refused_escrow=True),
        settlement=Settlement(agreed_amount=Decimal("20000.00"), currency="USD",
                              schedule=(Instalment(D(2026, 12, 15), Decimal("10000.00")),
                                        Instalment(D(2027, 1, 15), Decimal("10000.00"))),
                              received=(Receipt(D(2026, 12, 14), Decimal("10000.00")),)),
    )


@pytest.fixture
def case() -> Case:
    return sample_case()


@pytest.fixture
def variant():
    """A sample case with parts replaced: variant(order={"total": ...}, client={...})."""

    def build(**parts) -> Case:
        c = sample_case()
        changes = {}
        for name, value in parts.items():
            if isinstance(value, dict):
                changes[name] = replace(getattr(c, name), **value)
            else:
                changes[name] = value
        return replace(c, **changes)

    return build
