"""The application for reconsideration (刑事复议申请书) of a refusal, within 7 days of receiving it."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

import pytest

from restitution import documents
from restitution.document import document_text
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document
from stage_cases import stage_case

KEY = "reconsideration_application"
DATE = dt.date(2026, 11, 20)


def text(case, lang: str, date: dt.date = DATE) -> str:
    return document_text(render_document(case, KEY, lang, date))


def test_asks_to_set_aside_the_refusal_within_the_seven_days():
    case = stage_case("refused")
    zh, en = text(case, "zh"), text(case, "en")
    assert zh.startswith("刑事复议申请书")
    assert "撤销深圳市公安局宝安区分局于2026年11月14日作出的不予立案决定" in zh
    assert "申请人于2026年11月16日收到《不予立案通知书》" in zh
    assert "在收到《不予立案通知书》后七日以内，即2026年11月23日（含当日）以前，提出复议申请" in zh
    assert "《公安机关办理刑事案件程序规定》（2020年修正）第一百七十九条" in zh
    assert "已达到合同诈骗罪的立案追诉标准" in zh
    assert "within 7 days of receiving the notice of refusal (on or before 23 November 2026)" in en
    assert documents.get(KEY).warnings(case, DATE) == []


def test_goes_to_the_bureau_that_decided_not_to_its_investigation_unit():
    """Unseen case: the application named the economic-crime brigade as the reconsidering organ; the
    refusal is the bureau's decision, and reconsideration goes to the organ that decided (Art. 179)."""
    case = stage_case("refused")
    zh, en = text(case, "zh"), text(case, "en")
    assert "复议机关：深圳市公安局宝安区分局\n" in zh and zh.rstrip().count("经济犯罪侦查大队") == 0
    assert "Reconsidering organ: Bao'an Branch, Shenzhen Public Security Bureau\n" in en
    assert "To: Bao'an Branch, Shenzhen Public Security Bureau" in en
    named = dataclasses.replace(case, proceedings=dataclasses.replace(case.proceedings, police_report=dataclasses.replace(
        case.proceedings.police_report, authority_zh="深圳市公安局宝安区分局", authority=None)))
    assert "复议机关：深圳市公安局宝安区分局\n" in text(named, "zh")  # a bureau recorded as such is kept
    assert "Reconsidering organ: 深圳市公安局宝安区分局\n" in text(named, "en")


def test_the_reasons_call_the_client_the_applicant():
    """Unseen case: the reasons, worded for the police report, called the applicant 报案人
    (据报案人所知, 与报案人往来) in an application whose party is 申请人."""
    zh = text(stage_case("refused"), "zh")
    reasons = zh[zh.index("具有非法占有目的"):zh.index("上述情形符合")]
    assert "申请人" in reasons and "报案人" not in reasons.replace("被报案人", "")
    en = text(stage_case("refused"), "en")
    reasons = en[en.index("intended to take possession"):en.index("These are the features")]
    assert "the applicant" in reasons and "reporter" not in reasons


def test_late_application_renders_without_claiming_to_be_in_time_and_warns():
    case = stage_case("refused")
    late = dt.date(2026, 11, 30)
    zh = text(case, "zh", late)
    assert "七日以内" not in zh and "申请人提出复议申请" in zh
    (warning,) = documents.get(KEY).warnings(case, late)
    assert "ended on 2026-11-23" in warning and "立案监督" in warning


def test_only_after_a_refusal_and_only_for_a_mainland_seller():
    with pytest.raises(DocumentNotApplicable, match="refused_on"):
        render_document(stage_case("reported"), KEY, "en", DATE)
    refused = stage_case("refused")
    hk = dataclasses.replace(refused, supplier=dataclasses.replace(
        refused.supplier, region="hong_kong", hk_company_no="1234567", address="1 Queen's Road, Hong Kong"))
    with pytest.raises(DocumentNotApplicable, match="mainland procedure"):
        render_document(hk, KEY, "en", DATE)


def test_bilingual_pairs_block_by_block():
    assert render_document(stage_case("refused"), KEY, "bilingual", DATE).blocks


def test_the_loss_in_rmb_is_the_packets_one_figure_with_its_basis():
    case = stage_case("refused")
    zh = text(case, "zh")
    # no rate of each payment's day on file: an estimate, labelled, never a bare 折合
    assert "申请人的损失为25,000.00美元，按2026年11月20日汇率1美元兑人民币7.10元估算，约合人民币177,500.00元，仅供参考" in zh
    first, second = case.payments
    rated = dataclasses.replace(case, payments=(dataclasses.replace(first, cny_rate=D("7.1500")),
                                                dataclasses.replace(second, cny_rate=D("7.1200"))))
    assert "按各笔款项到账当日人民币汇率中间价折算，合人民币178,225.00元" in text(rated, "zh")


def test_the_refusal_as_an_economic_dispute_is_answered_with_the_recorded_conduct():
    from restitution.case import model as m

    case = stage_case("refused")
    port = m.Fact(date=dt.date(2026, 8, 1),
                  text="The supplier wrote that the goods were at the port; the stall at its address has been let to another trader.",
                  text_zh="供应商来信称货物已在港口；其地址处的档口已转租他人。")
    mail = m.Exhibit(number=3, kind="emails", title="Last e-mail", title_zh="最后一封电子邮件", date=dt.date(2026, 8, 1))
    case = dataclasses.replace(case, facts=case.facts + (port,), evidence=case.evidence + (mail,))
    # the finding at the address is the declared key, never mined from the fact (rules/conduct.py)
    case = dataclasses.replace(case, indicators=dataclasses.replace(
        case.indicators, fake_address=True, address_finding="The stall at its address has been let to another trader.",
        address_finding_zh="其地址处的档口已转租他人。"))
    zh, en = text(case, "zh"), text(case, "en")
    assert ("本案并非普通经济纠纷，不予立案决定与事实不符。被报案人收取申请人的款项后：2026年8月1日，"
            "被报案人来信称货物已在港口；其地址处的档口已转租他人（证据3）。而被报案人至今未交付任何货物。") in zh
    # the address indicator states the recorded fact, not the hedge
    assert "（2）" in zh and "其地址处的档口已转租他人。" in zh and "登记住所或对外宣称的经营地址" not in zh
    assert "1 August 2026: The reported party wrote that the goods were at the port" in en
    # with no recorded conduct, nothing delivered is still the answer, and the address stays hedged
    plain = text(stage_case("refused"), "zh")
    assert "本案并非普通经济纠纷，不予立案决定与事实不符。被报案人至今未交付任何货物。" in plain
    assert "登记住所或对外宣称的经营地址并无其实际经营（据申请人所知，有待贵局核实）" in plain
