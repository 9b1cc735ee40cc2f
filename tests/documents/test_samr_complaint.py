"""The 12315 complaint to the market regulator where the supplier is registered."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest
from click.testing import CliRunner

from restitution.case import load_case
from restitution.case import model as m
from restitution.cli import cli
from restitution.document import document_text
from restitution.documents import samr_complaint as samr
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATE = dt.date(2026, 11, 20)
KEY = "samr_complaint"


@pytest.fixture(scope="module")
def northwind() -> m.Case:
    return load_case(EXAMPLES / "northwind-vanished.yaml")


def text(case: m.Case, lang: str) -> str:
    return document_text(render_document(case, KEY, lang, DATE))


def notes(case: m.Case, lang: str) -> str:
    """The checks before filing: the client's, in case_notes, never in the complaint itself."""
    return document_text(render_document(case, "case_notes", lang, DATE))


@pytest.mark.parametrize("province, city, district, bureau", [
    ("广东省", "深圳市", "宝安区", "深圳市宝安区市场监督管理局"),
    ("浙江省", "金华市", "永康市", "永康市市场监督管理局"),  # county-level city
    ("浙江省", "丽水市", "缙云县", "缙云县市场监督管理局"),
    ("北京市", "北京市", "朝阳区", "北京市朝阳区市场监督管理局"),
    # cities without districts: the city bureau's town branch, or the city bureau itself
    ("广东省", "东莞市", "长安镇", "东莞市市场监督管理局长安分局"),
    ("广东省", "中山市", "石岐街道", "中山市市场监督管理局石岐分局"),
    ("海南省", "儋州市", "那大镇", "儋州市市场监督管理局"),
    ("甘肃省", "嘉峪关市", "峪泉镇", "嘉峪关市市场监督管理局"),
])
def test_bureau_is_derived_from_the_registered_district(province, city, district, bureau):
    assert samr.market_bureau(province, city, district) == bureau


def test_complaint_is_addressed_to_the_district_bureau_with_a_check_note(northwind):
    zh, en = text(northwind, "zh"), text(northwind, "en")
    assert "此致\n深圳市宝安区市场监督管理局" in zh
    assert "深圳市宝安区市场监督管理局 (the market supervision bureau of 广东省深圳市宝安区)" in en
    # the filed complaint does not tell the bureau its name was inferred: the client's notes do
    assert "12315.cn" not in zh and "推定" not in zh and "说明" not in zh and "Notes" not in en
    zh_notes, en_notes = notes(northwind, "zh"), notes(northwind, "en")
    assert "受理机关（深圳市宝安区市场监督管理局）系根据供应商登记住所" in zh_notes
    assert "www.12315.cn" in zh_notes and "www.gsxt.gov.cn" in zh_notes
    # characters 3-8 of the USCC: the registration authority's area code, as a cross-check
    assert "第3至8位（440300）" in zh_notes and "(440300)" in en_notes


def as_consumer(case):
    """The example's buyer as an individual: a consumer keeps the complaint (投诉)."""
    return dataclasses.replace(case, client=dataclasses.replace(case.client, kind="individual", representative=None))


def test_parties_requests_and_facts(northwind):
    zh, en = text(as_consumer(northwind), "zh"), text(as_consumer(northwind), "en")
    assert zh.startswith("投诉举报书")  # a consumer's complaint that also asks for 查处 (SAMR Order No. 20 Art. 3)
    assert "投诉举报人：Northwind Trading LLC（中文译名：北风贸易有限责任公司）" in zh
    assert "被投诉举报人：深圳市荣耀示例科技有限公司" in zh
    assert "统一社会信用代码：91440300MA5G7K2Q1G" in zh and "住所：深圳市宝安区示例街道88号" in zh
    assert "法定代表人：张三" in zh
    assert "督促被投诉举报人退还投诉举报人已支付的货款25,000.00美元（大写：美元贰万伍仟元整" in zh
    assert "按各笔款项到账当日人民币汇率中间价折算，合人民币178,843.75元" in zh
    assert "refund the USD 25,000.00 (twenty-five thousand US dollars) the Complainant paid" in en
    # the fake address gets its own request
    assert "核查被投诉举报人在其登记住所的实际经营情况" in zh
    # facts in date order
    assert zh.index("2026年5月28日：") < zh.index("2026年7月28日：") < zh.index("2026年9月14日：")
    assert "证据1：销售合同GT-0602，证明双方约定的货物、价格及发货日期" in zh


def test_honest_about_what_12315_handles(northwind):
    zh, en = notes(as_consumer(northwind), "zh"), notes(as_consumer(northwind), "en")
    assert "向市场监督管理局提交投诉举报书：提交前请核对" in zh
    assert "12315平台主要受理消费者投诉以及违反市场监管法律法规行为的举报" in zh
    assert "委托人为境外自然人" in zh and "可能不将其作为消费者投诉受理" in zh
    assert "may decline to handle it as a consumer complaint" in en


def test_a_business_buyer_reports_and_asks_for_investigation_only(northwind):
    zh, en = text(northwind, "zh"), text(northwind, "en")
    assert zh.startswith("举报书") and "举报人：Northwind Trading LLC（中文译名：北风贸易有限责任公司）" in zh and "投诉" not in zh
    requests = zh.split("二、")[0]
    assert "组织调解" not in requests and "退还" not in requests and "mediate" not in en
    zh_notes, en_notes = notes(northwind, "zh"), notes(northwind, "en")
    assert "向市场监督管理局提交举报书：提交前请核对" in zh_notes
    assert "第三条" in zh_notes and "不组织调解，也不裁决退款" in zh_notes
    assert "does not mediate or decide a refund" in en_notes


def test_refused_for_a_hong_kong_supplier():
    case = load_case(EXAMPLES / "harbour-hk.yaml")
    with pytest.raises(DocumentNotApplicable) as exc:
        render_document(case, KEY, "zh", DATE)
    assert exc.value.message == ("a 12315 complaint goes to the mainland market regulator; the supplier is "
                                 "registered in Hong Kong (supplier.region)")
    assert exc.value.location.path == "supplier.region" and exc.value.location.line is not None
    assert not samr.SPEC.in_packet(case)


def test_command_line_refuses_a_hong_kong_supplier_with_exit_1(tmp_path):
    out = tmp_path / "out"
    r = CliRunner().invoke(cli, ["render", str(EXAMPLES / "harbour-hk.yaml"), "--doc", KEY, "-o", str(out)])
    assert r.exit_code == 1
    assert "a 12315 complaint goes to the mainland market regulator" in r.output
    assert "supplier.region" in r.output
    assert not out.exists()


def test_in_packet_for_goods_the_regulator_acts_on(northwind):
    assert not samr.SPEC.in_packet(northwind)  # vanished seller: a police matter first
    for kind in ("counterfeit", "junk_delivered", "not_as_described"):
        case = dataclasses.replace(northwind, outcome=dataclasses.replace(northwind.outcome, kind=kind))
        assert samr.SPEC.in_packet(case)
    counterfeit = dataclasses.replace(northwind, outcome=dataclasses.replace(northwind.outcome, kind="counterfeit"))
    assert "以假冒产品冒充正品销售并交付的行为" in text(counterfeit, "zh")


@pytest.mark.parametrize("example", ["northwind-vanished.yaml", "meridian-junk.yaml", "lotus-settlement.yaml"])
def test_bilingual_pairs_block_by_block(example):
    case = load_case(EXAMPLES / example)
    doc = render_document(case, KEY, "bilingual", DATE)
    if case.client.kind == "company" or case.order.for_resale:
        assert "举报书" in document_text(doc) and "Report to the Market Regulator (12315)" in document_text(doc)
    else:
        assert "投诉举报书" in document_text(doc)
        assert "Complaint and Report to the Market Regulator (12315)" in document_text(doc)


LOTUS_FILE = Path(__file__).resolve().parents[2] / "examples" / "lotus-settlement.yaml"


def test_a_settlement_takes_the_complaint_out_of_the_default_packet():
    """Once restitution is agreed, a 12315 request for a refund would contradict it."""
    from restitution import documents

    lotus = load_case(LOTUS_FILE)  # counterfeit goods from a mainland seller: in the packet but for the settlement
    assert "samr_complaint" not in documents.packet(lotus, DATE)
    assert "samr_complaint" in documents.applicable(lotus, DATE)  # still made when asked for
    unsettled = dataclasses.replace(lotus, settlement=None)
    assert "samr_complaint" in documents.packet(unsettled, DATE)


def test_an_individual_buying_for_resale_files_a_report_like_a_company():
    resale = load_case(LOTUS_FILE)  # stock for her boutique: order.for_resale
    assert resale.client.kind == "individual" and resale.order.for_resale
    consumer = dataclasses.replace(resale, order=dataclasses.replace(resale.order, for_resale=False))
    assert text(consumer, "zh").startswith("投诉举报书")
    zh, en = text(resale, "zh"), text(resale, "en")
    assert zh.startswith("举报书")
    # why it is a report is the client's note (case_notes), not the filed text
    notes = document_text(render_document(resale, "case_notes", "zh", DATE))
    assert "委托人购买上述货物系用于转售，并非为生活消费需要，故作为举报提出" in notes
    assert "调解" not in zh.split("一、举报事项")[1].split("二、")[0]
    assert "举报人为企业" not in zh
    assert "bought the goods for resale, not for personal consumption, so it is filed as a report" in document_text(
        render_document(resale, "case_notes", "en", DATE))


# ------------------------------------------------------------------ counterfeit goods: the registered mark


def counterfeit(case: m.Case, **outcome) -> m.Case:
    return dataclasses.replace(case, outcome=dataclasses.replace(case.outcome, kind="counterfeit", **outcome))


def test_a_counterfeit_report_names_the_registered_mark_and_its_number(northwind):
    case = counterfeit(northwind, trademarks=(
        m.RegisteredMark(mark="Vorstahl", registration_no="12345678", owner="Vorstahl GmbH"),
        m.RegisteredMark(mark="VX", registration_no="G1234567", owner="Vorstahl GmbH", owner_zh="沃斯塔尔公司")))
    zh, en = text(case, "zh"), text(case, "en")
    assert ("涉案注册商标：“Vorstahl”，注册号第12345678号，商标注册人Vorstahl GmbH；"
            "“VX”，国际注册号G1234567（指定中国），商标注册人沃斯塔尔公司。") in zh
    assert "有待核实" not in zh
    assert ('Registered trademark concerned: "Vorstahl", PRC registration No. 12345678, registrant Vorstahl GmbH; '
            '"VX", international registration No. G1234567 (designating China), registrant Vorstahl GmbH.') in en


def test_without_a_registration_the_report_says_it_is_to_be_verified(northwind):
    zh = text(counterfeit(northwind), "zh")
    assert "涉案商标在中国的注册情况（注册号、商标注册人）有待核实。" in zh
    unnumbered = counterfeit(northwind, trademarks=(m.RegisteredMark(mark="Vorstahl"),))
    assert "涉案商标“Vorstahl”在中国的注册情况（注册号、商标注册人）有待核实。" in text(unnumbered, "zh")
    assert 'The registration in China of the mark "Vorstahl"' in text(unnumbered, "en")
    # goods that are not counterfeit: no trademark paragraph at all
    junk = dataclasses.replace(northwind, outcome=dataclasses.replace(northwind.outcome, kind="junk_delivered"))
    assert "商标在中国" not in text(junk, "zh")


def test_the_reported_party_block_gives_its_former_name(northwind):
    case = dataclasses.replace(northwind, supplier=dataclasses.replace(northwind.supplier, former_names=(
        m.FormerName(name_zh="深圳市旧名电子有限公司", changed_on=dt.date(2026, 6, 12)),
        m.FormerName(name_zh="深圳市更早电子有限公司"))))
    zh = text(counterfeit(case), "zh")
    assert "曾用名：深圳市旧名电子有限公司，2026年6月12日变更；深圳市更早电子有限公司" in zh


# ------------------------------------------------------------------ the consumer's remedy, the enclosures (s23 lawyer 5, 6, 17)


def consumer_counterfeit(case: m.Case, **order) -> m.Case:
    """The case's buyer as an individual buying for personal use, sold counterfeits."""
    case = counterfeit(as_consumer(case))
    return dataclasses.replace(case, order=dataclasses.replace(case.order, **order)) if order else case


def test_a_consumer_sold_counterfeits_claims_increased_compensation(northwind):
    case = consumer_counterfeit(northwind)
    zh, en = text(case, "zh"), text(case, "en")
    requests = zh.split("二、事实与理由")[0]
    assert ("督促被投诉举报人依照《中华人民共和国消费者权益保护法》（2013年修正）第五十五条第一款增加赔偿，"
            "金额为投诉举报人所购商品价款25,000.00美元的三倍，即75,000.00美元（大写：美元柒万伍仟元整；") in requests
    assert "约合人民币532,500.00元，仅供参考" in requests
    assert "被投诉举报人的上述行为属于经营者提供商品有欺诈行为" in zh
    assert "特向贵局投诉举报，请求依法调查处理，并组织调解" in zh
    assert "increased compensation (Law of the PRC on the Protection of Consumer Rights and Interests " \
           "(as amended 2013), Art. 55(1)): three times the price of the goods bought (USD 25,000.00), " \
           "that is USD 75,000.00" in en


def test_the_increased_compensation_is_at_least_rmb_500(northwind):
    from decimal import Decimal

    zh = text(consumer_counterfeit(northwind, total=Decimal("20.00")), "zh")
    assert "因投诉举报人所购商品价款20.00美元的三倍不足人民币五百元，增加赔偿的金额为人民币500.00元" in zh


def test_no_increased_compensation_for_a_business_or_other_goods(northwind):
    assert "第五十五条" not in text(counterfeit(northwind), "zh")  # a company reports; no consumer remedy
    junk = dataclasses.replace(as_consumer(northwind),
                               outcome=dataclasses.replace(northwind.outcome, kind="junk_delivered"))
    assert "第五十五条" not in text(junk, "zh")
    resale = consumer_counterfeit(northwind, for_resale=True)
    assert "第五十五条" not in text(resale, "zh") and text(resale, "zh").startswith("举报书")


def test_filed_through_an_agent_it_encloses_the_power_of_attorney(northwind):
    zh, en = text(consumer_counterfeit(northwind), "zh"), text(consumer_counterfeit(northwind), "en")
    enclosures = zh.split("附件：")[1].split("此致")[0]
    assert "授权委托书原件（载明委托事项、权限和期限，由投诉举报人本人签名，经美国公证机构公证" in enclosures
    assert "受托人律师执业证复印件" in enclosures and "投诉举报人的护照复印件" in enclosures
    assert "证据材料（证据1" in enclosures
    assert enclosures.index("授权委托书") < enclosures.index("律师执业证") < enclosures.index("护照") < \
        enclosures.index("证据材料")
    assert "The original power of attorney (stating the matters, powers and term, signed by the Complainant " \
           "personally" in en and "Copy of the lawyer's practising licence" in en
    # a company's report: its certificate, and the instrument under its seal or signature
    company = text(counterfeit(northwind), "zh").split("附件：")[1]
    assert "由举报人签章" in company and "举报人的注册证书复印件及授权签字人的身份证明，附中文译本" in company
    # no agent: no power of attorney to enclose
    alone = dataclasses.replace(consumer_counterfeit(northwind), agent=None)
    assert "授权委托书" not in text(alone, "zh").split("附件：")[1]


def test_one_payment_is_not_paid_one_after_another(northwind):
    """s23 lawyer 17: 先后 only where there are several payments."""
    case = consumer_counterfeit(northwind)
    assert "先后于" in text(case, "zh")
    once = dataclasses.replace(case, payments=(dataclasses.replace(case.payments[0], cny_rate=None,
                                                                    cny_rate_date=None),))
    zh = text(once, "zh")
    assert "先后" not in zh and "投诉举报人于2026年6月5日以电汇方式支付7,500.00美元。" in zh
