"""Where a case stands (case/stage.py) and the default packet it gives, at each stage of its history."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

import pytest

from restitution import documents
from restitution.document import document_text
from restitution.pipeline.render import render_document
from restitution.case.proceedings import ChargebackFiled
from restitution.case.stage import add_months, guarantee_deadline, stage_of
from stage_cases import STAGES, stage_case

DATE = dt.date(2026, 11, 20)

# The default packet at each stage (render with no --doc), for the same mainland case with a
# wire and a Visa payment. What changes: no second police report once one is filed; the
# reconsideration application after a refusal; no demand once opened, nor under a settlement
# with no instalment overdue (see below); the pardon
# only when paid in full, and then no request to pursue the proceeds; no platform fraud report
# once a settlement is recorded (it would ask the platform to stop a seller who is paying).
PACKETS = {
    "new": ["power_of_attorney", "demand_letter", "police_report", "chargeback_letter", "evidence_index",
            "platform_fraud_report", "case_plan", "case_notes"],
    "reported": ["power_of_attorney", "demand_letter", "supplementary_submission", "chargeback_letter",
                 "evidence_index", "platform_fraud_report", "case_plan", "case_notes"],
    "opened": ["power_of_attorney", "supplementary_submission", "chargeback_letter", "evidence_index",
               "platform_fraud_report", "case_plan", "case_notes"],
    "refused": ["power_of_attorney", "demand_letter", "reconsideration_application", "chargeback_letter",
                "evidence_index", "platform_fraud_report", "case_plan", "case_notes"],
    "settled_partial": ["power_of_attorney", "supplementary_submission", "chargeback_letter", "evidence_index",
                        "settlement_agreement", "case_plan", "case_notes"],
    # paid in full: the card payment is not disputed as well (the same money twice)
    "settled_paid": ["power_of_attorney", "evidence_index", "settlement_agreement",
                     "pardon_letter", "case_plan", "case_notes"],
}


@pytest.mark.parametrize("name", STAGES)
def test_default_packet_at_each_stage(name):
    case = stage_case(name)
    assert stage_of(case).name == name
    assert documents.packet(case, DATE) == PACKETS[name]


def test_under_a_settlement_the_packet_demands_an_overdue_instalment():
    case = stage_case("settled_partial")  # the second instalment is due on 2026-12-15
    assert "demand_letter" not in documents.packet(case, dt.date(2026, 12, 15))
    assert "demand_letter" in documents.packet(case, dt.date(2026, 12, 16))


def test_dates_that_follow_from_the_recorded_ones():
    reported = stage_of(stage_case("reported"))
    assert reported.decision_due == (dt.date(2026, 9, 8), dt.date(2026, 10, 1), dt.date(2026, 10, 31))
    assert reported.reconsideration_due is None
    refused = stage_of(stage_case("refused"))
    # 7 days from receipt of the notice (16 Nov), not from its date (14 Nov).
    assert refused.police == "refused" and refused.reconsideration_due == dt.date(2026, 11, 23)
    opened = stage_of(stage_case("opened"))
    assert opened.police == "opened" and [s.name for s in opened.detained] == ["Zhang San"]


def test_what_is_still_owed():
    assert stage_of(stage_case("new")).owed == D("25000.00")
    partial = stage_of(stage_case("settled_partial"))
    assert (partial.settlement, partial.owed, partial.owed_currency) == ("partial", D("10000.00"), "USD")
    assert stage_of(stage_case("settled_paid")).owed == 0
    case = stage_case("reported")
    won = dataclasses.replace(case, proceedings=dataclasses.replace(case.proceedings, chargebacks=(
        ChargebackFiled(payment=1, filed_on=dt.date(2026, 10, 2), result="won"),)))
    assert stage_of(won).owed == D("7500.00")  # the card payment of 17,500 came back


def test_guarantee_period_runs_from_the_first_unpaid_instalment():
    assert guarantee_deadline(stage_case("settled_partial")) == dt.date(2027, 6, 15)
    assert guarantee_deadline(stage_case("settled_paid")) is None  # nothing owed
    assert guarantee_deadline(stage_case("opened")) is None  # no settlement
    assert add_months(dt.date(2026, 8, 31), 6) == dt.date(2027, 2, 28)


def test_chargeback_already_filed_leaves_the_packet():
    case = stage_case("reported")
    filed = dataclasses.replace(case, proceedings=dataclasses.replace(
        case.proceedings, chargebacks=(ChargebackFiled(payment=1, filed_on=dt.date(2026, 10, 2)),)))
    assert "chargeback_letter" in documents.packet(case)
    assert "chargeback_letter" not in documents.packet(filed)
    assert "chargeback_letter" in documents.applicable(filed)  # still made when asked for


# The first line of the stage documents, as the unit reads it.
TITLES = {"supplementary_submission": "关于深圳市荣耀示例科技有限公司（Shenzhen Glory Tech Co., Ltd.）涉嫌合同诈骗一案的补充报案材料",
          "reconsideration_application": "刑事复议申请书", "police_report": "关于深圳市荣耀示例科技有限公司",
          "pardon_letter": "谅解书", "settlement_agreement": "和解协议"}


@pytest.mark.parametrize("name", STAGES)
def test_every_packet_document_renders_at_each_stage(name):
    case = stage_case(name)
    for key in documents.packet(case, DATE):
        for lang in ("en", "zh", "bilingual"):
            doc = render_document(case, key, lang, DATE)
            assert doc.blocks, (key, lang)
            if lang == "zh" and key in TITLES:
                assert document_text(doc).startswith(TITLES[key]), key
