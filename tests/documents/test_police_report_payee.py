"""The second police report, to the bureau where a mainland company received the money."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from factories import make_case
from restitution.case import model as m
from restitution.case.load import load_case
from restitution.document import document_text
from restitution.documents import police_report_payee
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATE = dt.date(2026, 11, 20)
PAYEE = m.BankAccount(holder="Hangzhou Example Trading Co., Ltd.", holder_zh="杭州示例贸易有限公司",
                      account="1202 0000 0000", holder_uscc="91330106MA2H3XY80N", holder_province_zh="浙江省",
                      holder_city_zh="杭州市", holder_district_zh="西湖区")


def paid_to_payee() -> m.Case:
    case = make_case()
    case = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, bank_accounts=(PAYEE,)))
    return dataclasses.replace(case, payments=(dataclasses.replace(case.payments[0], to_account=PAYEE.account),
                                               case.payments[1]))


def text(case, lang: str) -> str:
    return document_text(render_document(case, "police_report_payee", lang, DATE))


def test_only_with_a_registered_mainland_payee():
    with pytest.raises(DocumentNotApplicable, match="holder_uscc"):
        text(make_case(), "zh")
    assert police_report_payee.SPEC.in_packet(paid_to_payee())
    assert not police_report_payee.SPEC.in_packet(make_case())


def test_addressed_to_the_payee_bureau_on_where_the_money_was_received():
    zh = text(paid_to_payee(), "zh")
    assert "此致\n杭州市公安局西湖区分局经济犯罪侦查大队" in zh
    assert "报案人的款项由杭州示例贸易有限公司名下账户收取，该公司注册地位于浙江省杭州市西湖区，系犯罪所得的实际取得地" in zh
    # the article defining the place of the crime (proceeds obtained there), not the whole 15-17 range (lawyer4 N10)
    assert "依照《公安机关办理刑事案件程序规定》（2020年修正）第十六条，犯罪地包括犯罪结果发生地" in zh
    assert "第十五条至第十七条" not in zh
    # made in the same run as the supplier's report: not "已报案" (lawyer item 5)
    assert "报案人将同时就同一事实向深圳市公安局宝安区分局经济犯罪侦查大队报案。" in zh and "已就同一事实" not in zh
    # the same facts as the first report: the supplier is the reported party, the payee an indicator
    assert "被报案人一：深圳市荣耀示例科技有限公司" in zh and "收款主体与合同主体不一致" in zh
    en = text(paid_to_payee(), "en")
    assert "Economic Crime Investigation Brigade, 杭州市公安局西湖区分局" in en
    assert "The reporter is reporting the same facts, at the same time, to the Economic Crime Investigation " \
           "Brigade, 深圳市公安局宝安区分局." in en


def reported_to(case: m.Case, authority_zh: str) -> m.Case:
    from restitution.case.proceedings import PoliceReportFiled, Proceedings

    filed = PoliceReportFiled(filed_on=dt.date(2026, 11, 2), authority_zh=authority_zh, receipt_no="RN-2026-881")
    return dataclasses.replace(case, proceedings=Proceedings(police_report=filed))


def test_the_other_report_is_said_filed_only_when_the_case_records_it():
    zh = text(reported_to(paid_to_payee(), "深圳市公安局宝安区分局经济犯罪侦查大队"), "zh")
    assert ("报案人已于2026年11月2日就同一事实向深圳市公安局宝安区分局经济犯罪侦查大队报案（编号：RN-2026-881）。"
            in zh)
    # a recorded report to this very bureau is not the other one
    zh = text(reported_to(paid_to_payee(), "杭州市公安局西湖区分局经济犯罪侦查大队"), "zh")
    assert "报案人将同时就同一事实向深圳市公安局宝安区分局经济犯罪侦查大队报案。" in zh


def test_the_suppliers_report_names_the_payee_bureau_in_turn():
    zh = document_text(render_document(paid_to_payee(), "police_report", "zh", DATE))
    assert "报案人亦将同时就收款账户所在地向杭州市公安局西湖区分局经济犯罪侦查大队报案。" in zh
    hk = document_text(render_document(load_case(EXAMPLES / "harbour-payee.yaml"), "police_report", "zh", DATE))
    assert "報案人亦將同時就收款賬戶所在地向深圳市公安局龍崗區分局經濟犯罪偵查大隊報案。" in hk
    assert "收款账户所在地" not in document_text(render_document(make_case(), "police_report", "zh", DATE))


def test_a_hong_kong_seller_is_reported_in_simplified_chinese_under_prc_law():
    case = load_case(EXAMPLES / "harbour-payee.yaml")
    doc = render_document(case, "police_report_payee", "zh", DATE)
    zh = document_text(doc)
    assert doc.lang == "zh" and "涉嫌合同诈骗" in zh and "盗窃罪条例" not in zh
    assert "报案人将同时就同一事实向香港警务处报案。" in zh
    assert "合计折合人民币273,889.92元" in zh and "已达到" in zh


def test_the_company_that_received_the_money_is_the_second_reported_party():
    payee = dataclasses.replace(PAYEE, holder_legal_representative_zh="王五")
    case = paid_to_payee()
    case = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, bank_accounts=(payee,)))
    zh = text(case, "zh")
    assert "关于深圳市荣耀示例科技有限公司、杭州示例贸易有限公司涉嫌合同诈骗的报案材料" in zh
    assert "被报案人二：杭州示例贸易有限公司\n统一社会信用代码：91330106MA2H3XY80N\n注册地：浙江省杭州市西湖区\n法定代表人：王五" in zh
    assert "下文所称“被报案人”，除另有说明外，指被报案人一。" in zh
    assert "请求依法对被报案人一、被报案人二及相关责任人员涉嫌合同诈骗立案侦查" in zh
    attached = zh.split("\n附件\n")[1].split("\n证据目录\n")[0]
    assert "被报案人一的企业信用信息公示报告（另行提交）" in attached
    assert "被报案人二的企业信用信息公示报告（另行提交）" in attached
    # no legal representative given: the line is left out
    assert "法定代表人：" not in text(paid_to_payee(), "zh").split("被报案人二")[1].split("\n\n")[0]


def test_a_registration_report_naming_the_payee_is_attached_as_the_payees():
    report = m.Exhibit(kind="registration_report", title="Registration report of Hangzhou Example Trading Co., Ltd.",
                       number=2)
    case = paid_to_payee()
    case = dataclasses.replace(case, evidence=case.evidence + (report,))
    attached = text(case, "zh").split("\n附件\n")[1].split("\n证据目录\n")[0]
    assert "被报案人二的企业信用信息公示报告（证据2）" in attached
    assert "被报案人一的企业信用信息公示报告（另行提交）" in attached


def test_a_hong_kong_seller_has_a_companies_registry_search_and_directors():
    zh = text(load_case(EXAMPLES / "harbour-payee.yaml"), "zh")
    attached = zh.split("\n附件\n")[1].split("\n证据目录\n")[0]
    # incorporated on 2025-12-15, less than a year before: no annual return yet, its incorporation form
    assert "被报案人一的香港公司注册处公司查册记录（公司资料及法团成立表格（NNC1））" in attached
    assert "被报案人一的企业信用信息公示报告" not in attached and "被报案人二的企业信用信息公示报告" in attached
    assert "董事：Mak Chi Keung" in zh and "负责人" not in zh
    assert "法定代表人：李四" in zh and "注册办事处地址：香港" in zh


def test_the_plan_cites_the_proceeds_article_and_marks_its_number_to_be_checked():
    from restitution.plan import make_plan
    from restitution.rules.table import rule

    route = next(r for r in make_plan(paid_to_payee(), DATE).routes if r.id == "police_payee")
    assert "police.proceeds_place" in route.rules
    assert [c.article for c in route.citations] == ["16"]
    assert rule("police.proceeds_place").confidence == "R"
