"""The case plan as a document: classification, routes, deadlines and rules, en and zh."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from restitution.pipeline.bilingual import check_pair
from restitution.case import load_case
from restitution.case import model as m
from restitution.document import Columns, Table, document_text
from restitution.documents import case_plan
from restitution.plan import make_plan
from restitution.pipeline.render import render_document, to_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATE = dt.date(2026, 11, 20)
KEY = "case_plan"


@pytest.fixture(scope="module")
def meridian() -> m.Case:
    return load_case(EXAMPLES / "meridian-junk.yaml")


@pytest.fixture(scope="module")
def northwind() -> m.Case:
    return load_case(EXAMPLES / "northwind-vanished.yaml")


def text(case: m.Case, lang: str, date: dt.date = DATE) -> str:
    return document_text(render_document(case, KEY, lang, date))


def deadline_rows(case: m.Case, lang: str) -> list[list[str]]:
    doc = render_document(case, KEY, lang, DATE)
    tables = [b for b in doc.blocks if isinstance(b, Table) and len(b.header) == 4]
    assert len(tables) == 1
    return [["".join(r.text for r in c.inlines) for c in row] for row in tables[0].rows]


def test_classification_and_why(northwind):
    en, zh = text(northwind, "en"), text(northwind, "zh")
    assert "Likely contract fraud (Art. 224). The supplier stopped answering" in en
    # the supplier answered once after the last payment, but the file records no negotiation or
    # partial performance: a reply that only stalled is no sign of a dispute
    assert "gave a false address" in en and "The case file shows no sign of an ordinary contract dispute." in en
    assert "answered the client after being paid" not in en
    assert "初步判断为合同诈骗（第二百二十四条）。供应商收款后失联或下线" in zh
    assert "所留地址虚假" in zh and "案件文件未显示普通合同纠纷迹象。" in zh
    # citations carry the law's version next to the article
    assert "Legal basis: Criminal Law of the PRC (as amended 2023), Art. 224;" in en
    assert "法律依据：《中华人民共和国刑法》（2023年修正）第二百二十四条；" in zh


def test_missed_deadline_is_marked(meridian):
    # The Trade Assurance claim window closed on 22 October 2026, 29 days before the plan's day.
    en_rows, zh_rows = deadline_rows(meridian, "en"), deadline_rows(meridian, "zh")
    assert en_rows[0] == ["22 October 2026", "Last day for the Trade Assurance claim",
                          "Trade Assurance refund claim", "MISSED 29 days ago"]
    assert zh_rows[0] == ["2026年10月22日", "信用保障退款申请最后一日", "信用保障退款申请", "已错过29日"]
    # the chargeback counts from receipt (22 September), not the expected delivery (25 September);
    # its earliest reading, 120 days from the processing date (4 July), ended on 1 November
    assert en_rows[1][0] == "1 November 2026" and en_rows[1][3] == "MISSED 19 days ago"
    assert "on the earliest reading (120 days from the processing date)" in en_rows[1][1]
    assert en_rows[2][0] == "20 January 2027" and en_rows[2][3] == "last day; 61 days left"
    assert zh_rows[2][3] == "最后期限；尚余61日"
    en, zh = text(meridian, "en"), text(meridian, "zh")
    assert "2 of them passed before 20 November 2026 and are marked MISSED." in en
    assert "其中2项已于2026年11月20日之前届满，标注为已错过。" in zh
    # the plan says the earliest reading has passed, and to file now: first among the steps
    assert "按交易处理日起算的120日已于2026年11月1日届满；请立即向发卡行提出。" in zh
    assert "The 120 days counted from the processing date ended on 1 November 2026: file with the card issuer now." in en
    assert zh.index("请立即向发卡行提出") < zh.index("其后依次办理")
    assert "Trade Assurance refund claim: Missed" in en and "信用保障退款申请：已错过" in zh


def test_deadlines_are_sorted_and_follow_the_plan_day(northwind):
    rows = deadline_rows(northwind, "en")
    assert [r[0] for r in rows] == ["21 August 2026", "17 November 2026", "18 December 2026"]
    assert rows[0][3] == "first day; open since then" and rows[2][3] == "last day; 28 days left"
    assert rows[1][3] == "MISSED 3 days ago"  # the earliest reading, from the processing date
    # measured against a later day, the chargeback's last day has passed
    later = text(northwind, "en", dt.date(2026, 12, 25))
    assert "MISSED 7 days ago" in later and "Measured against 25 December 2026" in later


def test_no_clause_means_no_cietac(northwind, meridian):
    en, zh = text(northwind, "en"), text(northwind, "zh")
    assert "Civil suit or arbitration: Open" in en
    assert "No arbitration clause: the forum is a people's court; do not threaten CIETAC." in en
    assert "合同无仲裁条款：应向人民法院起诉，不得以贸仲仲裁相威胁。" in zh
    assert "CIETAC arbitration: Open" not in en
    # with a CIETAC clause the route is arbitration before CIETAC
    assert "CIETAC arbitration: Open" in text(meridian, "en")
    assert "中国国际经济贸易仲裁委员会仲裁：可行" in text(meridian, "zh")


def test_routes_table_gives_status_and_next_date(northwind):
    doc = render_document(northwind, KEY, "en", DATE)
    routes = next(b for b in doc.blocks if isinstance(b, Table) and len(b.header) == 3
                  and b.header[0].inlines[0].text == "Route")
    rows = {r[0].inlines[0].text: (r[1].inlines[0].text, r[2].inlines[0].text) for r in routes.rows}
    assert rows["Chargeback (Visa •4242, payment 2)"] == ("Open", "18 December 2026")
    assert rows["FCBA billing-error notice (Visa •4242, payment 2)"][0] == "Not available"
    assert rows["Police report"] == ("Open", "none")


def test_rules_with_source_and_confidence(meridian):
    plan = make_plan(meridian, DATE)
    en, zh = text(meridian, "en"), text(meridian, "zh")
    from restitution.rules.reason import bundled

    for rule in plan.rules:
        assert f"({rule.id}) | {rule.grounds.word(bundled('en'))} | {rule.confidence}:" in en
        assert f"（{rule.id}） | {rule.grounds.word(bundled('zh'))} | {rule.confidence}：" in zh
    assert ("(civil.cietac_clause) | CIETAC model arbitration clause; CIETAC Arbitration Rules (2024) "
            "| R: inference to be checked") in en
    assert ("（police.refusal_notice） | 《公安机关办理刑事案件程序规定》（2020年修正）第一百七十八条 | C：" in zh)
    assert "R：推断，待核实" in zh
    assert "domain.md" not in en + zh


def test_en_and_zh_pair_block_by_block(northwind, meridian):
    for case in (northwind, meridian, load_case(EXAMPLES / "lotus-settlement.yaml")):
        check_pair(render_document(case, KEY, "en", DATE), render_document(case, KEY, "zh", DATE))
        both = render_document(case, KEY, "bilingual", DATE)
        assert any(isinstance(b, Columns) for b in both.blocks)
        assert to_bytes(both, "pdf").startswith(b"%PDF")


def test_settlement_instalments_are_listed(northwind):
    lotus = load_case(EXAMPLES / "lotus-settlement.yaml")
    rows = deadline_rows(lotus, "en")
    assert [r[2] for r in rows] == ["Settlement", "Settlement", "Settlement"]
    assert rows[0][3] == "paid (received on 19 October 2026)" and rows[1][3] == "instalment due; 30 days left"
    assert rows[0][1].endswith("from the supplier") and "due from" not in rows[0][1]
    assert deadline_rows(lotus, "zh")[1][2:] == ["和解协议", "应付款日；尚余30日"]
    # The joint guarantee's period: 6 months from the first instalment still unpaid (Civil Code Art. 692).
    assert rows[2][0] == "20 June 2027" and rows[2][1].startswith("last day to demand payment from the joint guarantors")
    assert deadline_rows(lotus, "zh")[2][1].startswith("向连带责任保证人主张付款的最后一日")


def test_no_dated_deadline_is_said_in_words():
    harbour = load_case(EXAMPLES / "harbour-hk.yaml")
    assert "No dated deadline follows from the case file yet" in text(harbour, "en")
    assert "根据案件文件尚无可确定日期的期限" in text(harbour, "zh")


def test_deadline_state_wording():
    from restitution.plan import Deadline
    from restitution.rules.reason import Reason

    def d(date: dt.date, kind: str = "deadline", missed: bool = False) -> Deadline:
        return Deadline("x.y", date, "x", kind, Reason("plan.route.ta.act"), missed)

    today = dt.date(2026, 11, 20)
    assert case_plan.deadline_state(d(today), today, "en") == "last day: today"
    assert case_plan.deadline_state(d(today + dt.timedelta(days=1)), today, "en") == "last day; 1 day left"
    assert case_plan.deadline_state(d(dt.date(2026, 11, 19), missed=True), today, "zh") == "已错过1日"
    assert case_plan.deadline_state(d(dt.date(2026, 11, 25), "earliest"), today, "en") == \
        "first day; opens in 5 days"
    # the seller's instalment unpaid is its default, not a step the client missed (fifth reading, item 15)
    assert case_plan.deadline_state(d(dt.date(2026, 11, 5), "due", missed=True), today, "zh") == "逾期15日未付"
    assert case_plan.deadline_state(d(dt.date(2026, 11, 5), "due", missed=True), today, "en") == \
        "UNPAID, 15 days overdue"


def test_a_firm_folder_rewords_the_plan(northwind, tmp_path):
    # The plan's sentences come from the rendering's catalogue, so a firm's phrases/
    # folder rewords them key by key, as it overrides a template.
    (tmp_path / "en" / "phrases").mkdir(parents=True)
    (tmp_path / "en" / "phrases" / "plan.yaml").write_text(
        'route:\n  ta:\n    name: "Alibaba refund claim"\ndocument:\n  status:\n    open: "Available"\n',
        encoding="utf-8")
    (tmp_path / "en" / "phrases" / "rules.yaml").write_text(
        'table:\n  ta:\n    window_30: "Claim within 30 days of confirmed receipt."\n', encoding="utf-8")
    out = document_text(render_document(northwind, KEY, "en", DATE, templates=tmp_path))
    assert "Alibaba refund claim" in out and "Trade Assurance refund claim" not in out
    assert "Police report | Available | none" in out
    assert "Claim within 30 days of confirmed receipt. (ta.window_30)" in out
    # the bundled wording is untouched elsewhere
    assert "Police report" in out
