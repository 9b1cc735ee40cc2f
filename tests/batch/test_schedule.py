"""The joint victims schedule (batch/schedule.py, documents/victims_schedule.py): one row per
victim, the loss in CNY as each police report states it, the charge the reports plead."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal
from pathlib import Path

import pytest

from restitution.batch.schedule import group_by_supplier
from restitution.case import load_case
from restitution.document import document_text
from restitution.documents.victims_schedule import schedule_extra
from restitution.errors import ErrorList
from restitution.pipeline.render import render_document
from restitution.rules.loss import loss_in_cny

ROOT = Path(__file__).resolve().parents[2]
DATE = dt.date(2026, 11, 20)


def other_victim(case, suffix="B"):
    return dataclasses.replace(
        case, case=dataclasses.replace(case.case, id=f"{case.id}-{suffix}"),
        client=dataclasses.replace(case.client, name=f"Buyer {suffix} Ltd", name_zh=f"买方{suffix}有限公司",
                                   registration_no=f"REG-{suffix}"),
        payments=tuple(dataclasses.replace(p, reference=f"{p.reference}-{suffix}") for p in case.payments))


def schedule(cases, lang):
    [group] = group_by_supplier(cases)
    return document_text(render_document(group.victims[0].case, "victims_schedule", lang, DATE,
                                         extra=schedule_extra(group)))


def test_charge_and_amounts_follow_the_police_report():
    nw = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    zh, en = schedule([nw, other_victim(nw)], "zh"), schedule([nw, other_victim(nw)], "en")
    assert "关于深圳市荣耀示例科技有限公司涉嫌合同诈骗一案" in zh and "Suspected contract fraud by" in en
    per_payment = loss_in_cny(nw).amount
    assert per_payment == Decimal("178843.75")  # the police report's figure, not 25,000 x 7.10
    assert "人民币178,843.75元（按各笔款项到账当日人民币汇率中间价逐笔折算）" in zh
    assert "合计人民币357,687.50元" in zh
    assert "NW-2026-0042" not in zh and "C4410021" in zh
    # without a parity per payment: the claim's single rate, named
    single = dataclasses.replace(nw, payments=tuple(dataclasses.replace(p, cny_rate=None) for p in nw.payments))
    zh = schedule([single, other_victim(single)], "zh")
    assert "人民币177,500.00元（按1美元兑人民币7.10元估算，仅供参考）" in zh  # an estimate, not a published parity
    hk = load_case(ROOT / "examples" / "harbour-hk.yaml")
    assert "涉嫌欺詐及以欺騙手段取得財產一案" in schedule([hk, other_victim(hk)], "zh")


def test_one_client_with_two_orders_is_one_row():
    nw = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    again = dataclasses.replace(nw, case=dataclasses.replace(nw.case, id="NW-2026-0050"),
                                payments=tuple(dataclasses.replace(p, date=p.date + dt.timedelta(days=60),
                                                                   reference=f"{p.reference}-2")
                                               for p in nw.payments))
    [group] = group_by_supplier([nw, again, other_victim(nw)])
    assert len(group.victims) == 2
    merged = next(v for v in group.victims if len(v.cases) == 2)
    assert len(merged.payments) == 4 and merged.claims == ((Decimal("50000.00"), "USD"),)
    # a client alone with a second order is no joint schedule
    assert group_by_supplier([nw, again]) == []


def test_the_same_payment_twice_is_refused_and_located():
    nw = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    copy = dataclasses.replace(nw, case=dataclasses.replace(nw.case, id="NW-2026-0099"))
    with pytest.raises(ErrorList) as err:
        group_by_supplier([nw, copy])
    [e] = err.value.errors
    assert e.location.path == "payments[0]" and e.location.line
    assert "one loss would be counted twice" in e.message
