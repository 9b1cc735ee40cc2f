"""The supplementary submission (补充报案材料): to the unit holding the report, with the request of the stage."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest

from restitution.case.proceedings import ChargebackFiled
from restitution.document import ListBlock, document_text
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document
from stage_cases import stage_case

KEY = "supplementary_submission"
DATE = dt.date(2026, 11, 20)


def text(case, lang: str, date: dt.date = DATE) -> str:
    return document_text(render_document(case, KEY, lang, date))


def test_reported_asks_for_a_decision_within_the_time_limits():
    case = stage_case("reported")
    zh, en = text(case, "zh"), text(case, "en")
    assert zh.startswith("关于深圳市荣耀示例科技有限公司")
    assert "深圳市公安局宝安区分局经济犯罪侦查大队：" in zh
    assert "报案人于2026年9月1日就" in zh and "受案回执（深公宝（经）受案〔2026〕0412号）" in zh
    assert "应当在接受报案后七日以内决定是否立案，即不迟于2026年9月8日" in zh
    assert "即不迟于2026年10月1日" in zh and "即不迟于2026年10月31日" in zh
    assert "《最高人民检察院、公安部关于公安机关办理经济犯罪案件的若干规定》（公通字〔2017〕25号）第十五条" in zh
    # dated 20 November, the 7 days are long past
    assert "七日期限已届满，报案人尚未收到贵单位的决定" in zh
    assert "制作《不予立案通知书》，并在三日以内送达报案人或其委托代理人" in zh
    assert "by 8 September 2026" in en and "The 7 days have passed" in en
    assert "追缴赃款" in zh and "未收到任何退款，损失仍为" in zh
    # three requests, each its own list item (the overdue sentence does not swallow the next one)
    lists = [b for b in render_document(case, KEY, "zh", DATE).blocks if isinstance(b, ListBlock)]
    assert len(lists[-2].items) == 3
    early = text(case, "zh", dt.date(2026, 9, 5))
    assert "七日期限已届满" not in early


def test_opened_asks_to_pursue_the_proceeds_and_names_the_detained_suspect():
    case = stage_case("opened")
    zh, en = text(case, "zh"), text(case, "en")
    assert "贵单位已于2026年9月15日立案侦查（案号：深公宝（经）立〔2026〕2087号）" in zh
    assert "查明涉案资金去向，依法查询、冻结涉案账户，追缴赃款，挽回报案人的损失" in zh
    assert "将案件进展情况及时告知报案人及其委托代理人" in zh
    assert "张三（公民身份号码11010519491231002X，法定代表人）；据报案人了解，已于2026年9月25日被采取刑事拘留措施" in zh
    assert "七日以内决定是否立案" not in zh
    assert "Keep the reporting party and its agent informed of the progress of the case" in en


def test_partial_settlement_states_what_is_outstanding_and_reserves_the_criminal_rights():
    zh = text(stage_case("settled_partial"), "zh")
    assert "约定退赔20,000.00美元。截至本材料提交之日，报案人已收到10,000.00美元，尚有10,000.00美元（大写：美元壹万元整）" in zh
    assert "未退赔。报案人对未退赔部分保留一切权利，报案人在刑事诉讼中的权利不因上述和解协议而受影响" in zh


def test_an_overdue_instalment_is_reported_to_the_unit():
    """Unseen case: the second instalment was two weeks overdue and the submission to the police said
    only what was still owed, not that the settlement was being broken."""
    case = stage_case("settled_partial")  # instalment 2 (USD 10,000.00) due 15 December 2026
    late = dt.date(2026, 12, 20)
    zh, en = text(case, "zh", late), text(case, "en", late)
    assert "未退赔，其中应于2026年12月15日支付的第2期款项10,000.00美元已逾期未付，和解协议未获履行。" in zh
    assert "remains unpaid, of which instalment 2 of USD 10,000.00, due on 15 December 2026, is overdue: " \
           "the settlement agreement is not being performed." in en
    assert "逾期" not in text(case, "zh")  # before the due date nothing is late


def test_only_after_a_report_and_not_after_a_refusal():
    with pytest.raises(DocumentNotApplicable, match="record it under proceedings.police_report"):
        render_document(stage_case("new"), KEY, "en", DATE)
    with pytest.raises(DocumentNotApplicable, match="reconsideration application"):
        render_document(stage_case("refused"), KEY, "en", DATE)


def test_bilingual_pairs_block_by_block():
    for name in ("reported", "opened", "settled_partial"):
        assert render_document(stage_case(name), KEY, "bilingual", DATE).blocks


def test_chargebacks_filed_are_disclosed_and_a_refund_is_not_denied():
    case = stage_case("reported")
    pending = dataclasses.replace(case, proceedings=dataclasses.replace(case.proceedings, chargebacks=(
        ChargebackFiled(payment=1, filed_on=dt.date(2026, 10, 2), reference="DSP-88123"),)))
    zh = text(pending, "zh")
    assert ("报案人已于2026年10月2日就其2026年7月20日以银行卡支付的17,500.00美元向发卡机构提出拒付（编号：DSP-88123），"
            "目前尚在处理中；如获退款，报案人将及时告知贵单位。") in zh
    assert "未收到任何退款，损失仍为25,000.00美元" in zh
    won = dataclasses.replace(case, proceedings=dataclasses.replace(case.proceedings, chargebacks=(
        ChargebackFiled(payment=1, filed_on=dt.date(2026, 10, 2), result="won"),)))
    zh, en = text(won, "zh"), text(won, "en")
    assert "损失仍为" not in zh and "除下述经拒付退回的款项外" in zh and "该笔款项已退回" in zh
    assert "that amount has been refunded, and the loss is reduced accordingly" in en
    assert render_document(won, KEY, "bilingual", DATE).blocks


def _with_history(case):
    """The opened case with a chronology after the report: the unit's own acts among the client's news."""
    from restitution.case import model as m
    facts = case.facts + (
        m.Fact(dt.date(2026, 9, 15), "The Bao'an Branch opened a criminal case.", "宝安分局以涉嫌合同诈骗罪立案侦查。"),
        m.Fact(dt.date(2026, 9, 20), "Zhang San was summoned.", "张三被传唤。", official=True),
        m.Fact(dt.date(2026, 9, 25), "Zhang San was detained.", "张三被刑事拘留。"),
        m.Fact(dt.date(2026, 10, 14), "The client received USD 10,000.00.", "报案人收到退赔款10,000.00美元。"),
    )
    exhibit = m.Exhibit(kind="payment_proof", title="Bank advice of the first instalment, 14 October 2026", number=2,
                        title_zh="第一期退赔款到账通知（2026年10月14日）", date=dt.date(2026, 10, 14))
    return dataclasses.replace(case, facts=facts, evidence=case.evidence + (exhibit,))


def test_the_unit_is_not_told_its_own_acts_nor_a_date_twice():
    """Fifth review, item 14: the further facts do not retell the unit that it opened the case or
    took a measure (proceedings records them; facts[].official marks an earlier one); a title that
    carries its date is not followed by the date again; the offer to assist closes the submission."""
    case = _with_history(stage_case("settled_partial"))
    zh, en = text(case, "zh"), text(case, "en")
    assert "报案人收到退赔款10,000.00美元" in zh and "received USD 10,000.00" in en
    for act in ("以涉嫌合同诈骗罪立案侦查。", "张三被传唤", "张三被刑事拘留"):
        assert act not in zh
    assert "贵单位已于2026年9月15日立案侦查" in zh  # the opening still names the case
    assert "证据2：第一期退赔款到账通知（2026年10月14日）\n" in zh
    assert "Exhibit 2: Bank advice of the first instalment, 14 October 2026\n" in en
    # another event on the day of a measure is kept when the file says it is not the unit's act
    same_day = dataclasses.replace(case, facts=case.facts[:-2] + (
        dataclasses.replace(case.facts[-2], official=False), case.facts[-1]))
    assert "张三被刑事拘留" in text(same_day, "zh")
    doc = render_document(case, KEY, "zh", DATE)
    items = [i for b in doc.blocks if isinstance(b, ListBlock) for i in b.items]
    closing = "报案人愿意配合贵单位的工作，包括补充提供证据材料和接受询问。"
    assert closing in zh and zh.index(closing) < zh.index("附件")
    assert any("将案件进展情况及时告知" in str(i) for i in items)  # the items' text is in their repr
    assert all("愿意配合" not in str(i) for i in items)
