"""The police report memo: addressee, fraud indicators, loss threshold, remedies (domain.md §C, pitfalls 1, 5, 6).

The bureau is derived from the supplier's registered district; the loss in
RMB is compared with the RMB 20,000 filing standard both ways; only true
indicators are written; a Hong Kong supplier goes to the Hong Kong Police in
Traditional Chinese with no trace of a public security bureau.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest
from factories import counterfeit_purchase, make_case, per_payment_rates

from restitution.case import model as m
from restitution.case.load import load_case
from restitution.document import document_text
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document

DATE = dt.date(2026, 11, 20)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def text(case: m.Case, lang: str) -> str:
    return document_text(render_document(case, "police_report", lang, DATE))


def notes(case: m.Case, lang: str, **kw) -> str:
    """The case notes, where the reporter's notes go (never the filed report)."""
    return document_text(render_document(case, "case_notes", lang, DATE, **kw))


def replace(case: m.Case, part: str, **changes) -> m.Case:
    return dataclasses.replace(case, **{part: dataclasses.replace(getattr(case, part), **changes)})


def rmb_loss(amount: str) -> m.Case:
    return replace(make_case(), "claim", amount=D(amount), currency="CNY", cny_rate=None)


def hong_kong() -> m.Case:
    return replace(make_case(), "supplier", region="hong_kong", uscc=None, hk_company_no="3217845",
                   name="Harbour Pearl Trading Limited", name_zh="港珠贸易有限公司",
                   address="Unit 1208, 88 Example Road, Kwun Tong, Kowloon, Hong Kong",
                   address_zh=None, province_zh=None, city_zh=None, district_zh=None,
                   legal_representative_zh=None)


# ------------------------------------------------------------------ mainland addressee


def test_addressed_to_the_economic_crime_unit_of_the_registered_district():
    zh, en = text(make_case(), "zh"), text(make_case(), "en")
    assert zh.startswith("关于深圳市荣耀示例科技有限公司涉嫌合同诈骗的报案材料")
    assert "此致\n深圳市公安局宝安区分局经济犯罪侦查大队" in zh
    assert "Report of suspected contract fraud by Shenzhen Glory Tech Co., Ltd." in en
    assert "Economic Crime Investigation Brigade, 深圳市公安局宝安区分局" in en
    # the derived name must be checked before filing: told to the reporter, not to the bureau
    assert "提交前须核实确切名称" in notes(make_case(), "zh") and "提交前须核实确切名称" not in zh


def test_municipal_district_bureau_follows_the_municipal_pattern():
    case = replace(make_case(), "supplier", province_zh="北京市", city_zh="北京市", district_zh="朝阳区")
    assert "北京市公安局朝阳分局经济犯罪侦查大队" in text(case, "zh")


def test_a_town_in_a_city_without_districts_is_addressed_to_its_branch():
    """Third PRC lawyer's reading: 东莞市公安局长安镇分局经济犯罪侦查大队 is no bureau's name."""
    case = replace(make_case(), "supplier", province_zh="广东省", city_zh="东莞市", district_zh="长安镇")
    zh, en = text(case, "zh"), text(case, "en")
    assert "此致\n东莞市公安局长安分局\n" in zh and "长安镇分局" not in zh
    assert "Submitted to:\n东莞市公安局长安分局\n" in en and "Brigade" not in en


def test_parties_identified_in_full():
    zh = text(make_case(), "zh")
    assert "报案人：Northwind Trading LLC（中文译名：北风贸易有限责任公司）" in zh
    assert "委托代理人：李明，示例律师事务所律师" in zh
    assert "统一社会信用代码：91440300MA5G7K2Q1G" in zh and "法定代表人：张三" in zh


def test_contacts_and_receiving_accounts_are_listed_with_the_payments_into_them():
    case = replace(make_case(), "supplier",
                   contacts=(m.Contact(name="Tony Wang", name_zh="王涛", wechat="tony_glory",
                                       phone="+86 138 0000 0000"),),
                   bank_accounts=(m.BankAccount(account="6222 0000 0000 0000", bank_zh="示例银行深圳分行"),))
    first = dataclasses.replace(case.payments[0], to_account="6222000000000000")
    case = dataclasses.replace(case, payments=(first,) + case.payments[1:])
    zh, en = text(case, "zh"), text(case, "en")
    assert "王涛（Tony Wang）：电话：+86 138 0000 0000；微信号：tony_glory" in zh
    assert "账号：6222 0000 0000 0000（报案人于2026年6月5日汇入7,500.00美元）" in zh
    assert "(the reporter paid into it USD 7,500.00 on 5 June 2026)" in en


# ------------------------------------------------------------------ the loss and the threshold


def test_loss_just_below_the_filing_standard_says_so():
    zh, en = text(rmb_loss("19999.99"), "zh"), text(rmb_loss("19999.99"), "en")
    assert "人民币19,999.99元（大写：人民币壹万玖仟玖佰玖拾玖元玖角玖分）" in zh
    assert "未达到合同诈骗罪人民币20,000.00元的立案追诉标准" in zh and "已达到合同诈骗罪" not in zh
    # Guangdong has no provincial figure in the rules: compared with the top of the national range
    assert "但已达到" in zh and "取其上限人民币一万元" in zh
    assert "is below the CNY 20,000.00 filing standard" in en


def test_loss_at_the_filing_standard_reaches_it():
    zh, en = text(rmb_loss("20000"), "zh"), text(rmb_loss("20000"), "en")
    assert "本案涉案金额已达到合同诈骗罪的立案追诉标准" in zh and "未达到" not in zh
    assert "The loss reaches the filing standard for contract fraud." in en
    assert "（公通字〔2022〕12号）第六十九条" in zh


def test_loss_below_both_thresholds():
    zh = text(rmb_loss("5000"), "zh")
    assert "亦未达到" in zh


def test_foreign_currency_loss_is_stated_in_rmb_at_a_dated_rate():
    zh = text(make_case(), "zh")
    assert ("报案人的损失为25,000.00美元。各笔款项到账当日的人民币汇率中间价待核，暂按2026年11月20日汇率"
            "1美元兑人民币7.10元估算，约合人民币177,500.00元（大写：人民币壹拾柒万柒仟伍佰元整）；"
            "准确金额应按各笔款项到账当日的人民币汇率中间价折算。") in zh
    # the case's single rate is never presented as a published central parity
    assert "汇率中间价（1美元兑人民币7.10元）" not in zh and "公布的人民币汇率中间价" not in zh
    no_rate = replace(make_case(), "claim", cny_rate=None)
    with pytest.raises(DocumentNotApplicable, match="claim.cny_rate"):
        text(no_rate, "zh")


# ------------------------------------------------------------------ fraud, not a dispute


def test_only_true_indicators_are_written():
    case = replace(make_case(), "indicators", vanished_after_payment=True, fake_address=False,
                   recently_registered=False, personal_email_used=True)
    zh, en = text(case, "zh"), text(case, "en")
    assert "携款失联" in zh and "第（四）项" in zh and "个人免费邮箱" in zh
    assert "虚假地址" not in zh and "登记成立" not in zh
    assert "absconded with the payments" in en and "address is false" not in en
    quiet = replace(make_case(), "outcome", seller_unreachable=False)
    assert "携款失联" not in text(quiet, "zh") and "第（四）项" not in text(quiet, "zh")


def test_receipt_and_written_refusal_are_requested():
    zh, en = text(make_case(), "zh"), text(make_case(), "en")
    assert "当场出具受案回执" in zh and "《不予立案通知书》" in zh
    assert "追缴赃款，挽回报案人的经济损失人民币177,500.00元" in zh
    assert "case-acceptance receipt (受案回执)" in en


def test_enclosures_list_every_exhibit_with_its_number():
    case = make_case()
    extra = m.Exhibit(kind="payment_proof", title="Wire advice FT26156XYZ", number=2, title_zh="电汇凭证FT26156XYZ")
    case = dataclasses.replace(case, evidence=case.evidence + (extra,))
    doc = render_document(case, "police_report", "zh", DATE)
    table = [b for b in doc.blocks if type(b).__name__ == "Table"][-1]
    numbers = ["".join(r.text for r in row[0].inlines) for row in table.rows]
    assert numbers == ["1", "2"]
    assert "电汇凭证FT26156XYZ" in document_text(doc)


def test_no_evidence_is_refused():
    with pytest.raises(DocumentNotApplicable, match="evidence"):
        text(dataclasses.replace(make_case(), evidence=()), "zh")


# ------------------------------------------------------------------ Hong Kong and elsewhere


def test_hong_kong_route_in_traditional_chinese_without_any_public_security_bureau():
    doc = render_document(hong_kong(), "police_report", "zh", DATE)
    assert doc.lang == "zh-Hant"
    zh = document_text(doc)
    # filed through the e-Report Centre or a report room: addressed to the Force, not a bureau of it
    assert "此致\n香港警務處（經網上報案中心或警署報案室遞交）" in zh
    assert "商業罪案調查科" not in zh
    assert "《盜竊罪條例》（第210章）第16A條" in zh and "第17條" in zh
    assert "公安" not in zh and "立案追訴標準" not in zh and "刑法" not in zh
    assert "内地" not in zh and "內地警方" not in zh  # a note to the reporter: in case_notes
    assert "内地警方" in notes(hong_kong(), "zh")
    # the running header carries the document's title, and it is the heading's 報案書
    assert doc.title == "報案書" and "的報案書\n" in zh
    en = text(hong_kong(), "en")
    assert "Hong Kong Police Force, filed through the e-Report Centre or a police station report room" in en
    assert "Commercial Crime Bureau" not in en
    assert "Theft Ordinance (Cap. 210), s.16A" in en
    assert "public security" not in en.lower() and "20,000" not in en and "Criminal Law" not in en


def test_supplier_elsewhere_is_not_applicable_and_points_at_the_region():
    case = replace(make_case(), "supplier", region="other", uscc=None)
    case = dataclasses.replace(case, where={"supplier.region": 31})
    with pytest.raises(DocumentNotApplicable) as info:
        text(case, "en")
    assert "mainland China or Hong Kong (supplier.region" in info.value.message
    assert info.value.location.path == "supplier.region" and info.value.location.line == 31


def test_a_case_that_reads_as_a_civil_dispute_leaves_the_report_out_of_the_packet_and_says_why():
    """Unseen case: a seller that delivered lamps below specification, refunded 10% and argues was
    reported to the police in the default packet, the memo asserting deceit with no sign of it, while
    the plan closed the police route as a civil dispute."""
    from restitution import documents
    from restitution.pipeline.render import _selected

    case = load_case(Path(__file__).resolve().parents[1] / "data" / "unseen" / "wattle-partial-refund.yaml")
    spec = documents.get("police_report")
    assert not spec.in_packet(case) and "reads as a civil dispute" in spec.left_out(case)
    todo, skipped, _ = _selected(case, None, ["pdf"], DATE)
    assert "police_report" not in todo and dict(skipped)["police_report"] == spec.left_out(case)
    assert spec.warnings(case, DATE) == [spec.left_out(case)]  # asked for by name, it renders and warns
    assert render_document(case, "police_report", "en", DATE).blocks
    # a Hong Kong seller: no Hong Kong offence of selling fakes is pleaded, so counterfeits change nothing
    fake = dataclasses.replace(case, outcome=dataclasses.replace(case.outcome, kind="counterfeit"))
    assert not spec.in_packet(fake) and "reads as a civil dispute" in spec.left_out(fake)


def test_counterfeits_below_every_filing_figure_leave_the_packet_and_by_name_assert_no_crime():
    """lawyer5 item 2: RMB 3,594 of counterfeits from a web shop that still answered; the plan said
    "civil dispute", the packet still held a report asserting "已涉嫌合同诈骗罪" beside its own
    concession that neither the Art. 224 nor the Art. 266 figure was reached."""
    from restitution import documents

    case = counterfeit_purchase()
    spec = documents.get("police_report")
    assert not spec.in_packet(case)
    why = spec.left_out(case)
    assert "civil dispute" in why and "RMB 3,550.00" in why and "below the RMB 10,000" in why
    zh, en = text(case, "zh"), text(case, "en")
    assert zh.startswith("关于深圳市荣耀示例科技有限公司的报案材料") and "涉嫌合同诈骗的报案材料" not in zh
    assert "已涉嫌合同诈骗罪" not in zh and "并非普通经济纠纷" not in zh and "一并依法追究刑事责任" not in zh
    assert "请求依法审查本材料所述被报案人及相关责任人员的行为，认为有犯罪事实需要追究刑事责任的，依法立案侦查" in zh
    assert "可能属于该条第（五）项" in zh and "恳请贵局依法审查处理" in zh
    assert "涉案总额是否达到立案追诉标准，请贵局依法查明" in zh
    assert en.startswith("Report concerning Shenzhen Glory Tech") and "suspected of contract fraud, not merely" not in en
    assert "examine and deal with it according to law" in en


def test_a_customer_service_mailbox_is_a_contact_detail_never_a_person_reported():
    """lawyer5 item 4: "露米尔客服（Lumiair customer service），与报案人联系的人员" stood among the
    相关责任人员, with "与报案人联系的人员所用姓名为其自称" after it."""
    case = counterfeit_purchase(amount="8000.00")
    zh, en = text(case, "zh"), text(case, "en")
    assert "联系方式：荣耀客服（Glory customer service），电子邮箱：service@glory-shop.example" in zh
    assert "Contact: Glory customer service, e-mail service@glory-shop.example" in en
    people = zh[zh.index("相关责任人员："):zh.index("报案人一并对上述人员报案")]
    assert people == "相关责任人员：\n张三，法定代表人\n"
    assert "与报案人联系的人员" not in zh and "所用姓名为其自称" not in zh
    # the case may say the contact is a person after all
    desk = case.supplier.contacts[0]
    named = replace(case, "supplier", contacts=(dataclasses.replace(desk, person=True),))
    zh = text(named, "zh")
    assert "荣耀客服（Glory customer service），与报案人联系的人员" in zh and "联系方式：" not in zh


def test_counterfeits_at_the_art_140_sales_figure_stay_in_the_packet_with_the_full_pleading():
    from restitution import documents

    case = counterfeit_purchase(amount="8000.00")  # RMB 56,800, read as a civil dispute
    spec = documents.get("police_report")
    assert spec.in_packet(case) and spec.left_out(case) is None
    assert "被报案人已涉嫌合同诈骗罪" in text(case, "zh")


# ------------------------------------------------------------------ bilingual pairing


VARIANTS = {
    "mainland": make_case(),
    "hong_kong": hong_kong(),
    "below_threshold": rmb_loss("19999.99"),
    "no_facts_no_agent": dataclasses.replace(make_case(), facts=(), agent=None),
    "individual": replace(make_case(), "client", kind="individual", representative=None),
    "no_indicators": replace(replace(make_case(), "outcome", seller_unreachable=False),
                             "indicators", vanished_after_payment=False),
    "former_name": replace(make_case(), "supplier", former_names=(
        m.FormerName(name_zh="深圳市旧名电子有限公司", changed_on=dt.date(2026, 6, 12)),)),
}


def test_the_reported_party_is_named_with_its_former_name():
    zh, en = text(VARIANTS["former_name"], "zh"), text(VARIANTS["former_name"], "en")
    assert "被报案人：深圳市荣耀示例科技有限公司（Shenzhen Glory Tech Co., Ltd.）\n曾用名：深圳市旧名电子有限公司，2026年6月12日变更" in zh
    assert "Former name: 深圳市旧名电子有限公司, until 12 June 2026" in en


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_english_and_chinese_pair_block_by_block(name):
    doc = render_document(VARIANTS[name], "police_report", "bilingual", DATE)
    assert len(doc.langs) == 2 and doc.langs[0].code == "en"


@pytest.mark.parametrize("name", ["northwind-vanished", "meridian-junk", "harbour-hk", "lotus-settlement"])
def test_examples_render_with_the_right_addressee(name):
    case = load_case(EXAMPLES / f"{name}.yaml")
    zh = document_text(render_document(case, "police_report", "zh", DATE))
    if case.supplier.region == "hong_kong":
        assert "香港警務處" in zh and "公安" not in zh
    else:
        assert "公安局" in zh and "经济犯罪侦查大队" in zh
    assert render_document(case, "police_report", "bilingual", DATE).langs[0].code == "en"


def test_a_firm_folder_rewords_the_title_notes_and_citations(tmp_path):
    # The notes and the citations are worded through the rendering's catalogue, so a
    # firm's phrases/ files reach them; other keys stay bundled. The title is the template's.
    phrases = tmp_path / "zh" / "phrases"
    phrases.mkdir(parents=True)
    # The title is the template's: a firm's copy of the template sets its own.
    bundled = (EXAMPLES.parent / "templates" / "zh" / "police_report.md.j2").read_text(encoding="utf-8")
    (tmp_path / "zh" / "police_report.md.j2").write_text(
        bundled.replace('{% set title = "报案材料" %}', '{% set title = "刑事报案材料" %}'), encoding="utf-8")
    (phrases / "police_notes.yaml").write_text(
        'mainland:\n  statement: "请预约公安机关制作询问笔录。"\n', encoding="utf-8")
    (phrases / "citations.yaml").write_text(
        'law:\n  economic_crime_provisions:\n    name: "经侦立案规定"\n', encoding="utf-8")
    doc = render_document(make_case(), "police_report", "zh", DATE, templates=tmp_path)
    assert doc.title == "刑事报案材料"
    out = notes(make_case(), "zh", templates=tmp_path)  # the reporter's notes are in case_notes
    assert "请预约公安机关制作询问笔录。" in out and "制作询问笔录，请预先安排" not in out
    assert "经侦立案规定" in out
    assert "外文证据须附中文译文" in out  # a note the firm did not reword


def test_hong_kong_notes_go_to_the_case_notes_not_to_the_police():
    assert "18222" not in text(hong_kong(), "zh") and "18222" not in text(hong_kong(), "en")
    assert "防骗易热线18222" in notes(hong_kong(), "zh")  # for the client and its lawyer, in Simplified


@pytest.mark.parametrize("lang, once", [("en", "The reporter's loss is CNY 86,400.00 (eighty-six"),
                                        ("zh", "报案人的损失为人民币86,400.00元（大写：")])
def test_a_claim_in_cny_prints_its_amount_once(lang, once):
    out = text(rmb_loss("86400"), lang)
    assert once in out
    assert "CNY 86,400.00 CNY 86,400.00" not in out and "人民币86,400.00元人民币86,400.00元" not in out


# ------------------------------------------------------------------ proof per payment, parallel routes


def with_wire_advice(case: m.Case) -> m.Case:
    advice = m.Exhibit(kind="payment_proof", title="Wire advice FT26156XYZ", number=2, title_zh="电汇凭证FT26156XYZ",
                       date=dt.date(2026, 6, 5))
    return dataclasses.replace(case, evidence=case.evidence + (advice,))


def test_each_payment_points_at_its_own_proof_and_a_gap_is_named():
    case = with_wire_advice(make_case())
    doc = render_document(case, "police_report", "zh", DATE)
    table = [b for b in doc.blocks if type(b).__name__ == "Table"][0]
    cells = [["".join(r.text for r in cell.inlines) for cell in row] for row in table.rows]
    assert [row[-1] for row in cells] == ["证据2", "另行补充"]
    zh = document_text(doc)
    assert "2026年7月20日支付的17,500.00美元的付款凭证尚未收入所附证据，报案人将另行补充提交。" in zh
    en = text(case, "en")
    assert "The proof of the payment of USD 17,500.00 on 20 July 2026 is not yet among the enclosed evidence" in en


def test_the_chargeback_is_disclosed_with_the_promise_to_report_a_recovery():
    zh, en = text(make_case(), "zh"), text(make_case(), "en")
    # none recorded in proceedings.chargebacks: an intention, not a fact
    assert "报案人拟就2026年7月20日以Visa卡（尾号4242）支付的17,500.00美元向发卡机构申请拒付（退单）。" \
           "该部分款项如经拒付程序退回，报案人将及时书面告知贵局，并相应核减损失金额。" in zh and "已就或将就" not in zh
    assert "The reporter intends to ask the card issuer to charge back the USD 17,500.00" in en
    assert "Should that money be returned through the chargeback, the reporter will inform the bureau" in en
    wire_only = make_case(payments=(make_case().payments[0],))
    assert "拒付" not in text(wire_only, "zh")


@pytest.mark.parametrize("result, after", [
    ("pending", "。该部分款项如经拒付程序退回，报案人将及时书面告知贵局"),
    ("won", "，发卡机构已支持该申请。\n"),
    ("lost", "，发卡机构未支持该申请。\n"),
])
def test_a_filed_chargeback_is_stated_as_a_fact_with_its_date_and_reference(result, after):
    from restitution.case.proceedings import ChargebackFiled, Proceedings

    filed = ChargebackFiled(payment=1, filed_on=dt.date(2026, 8, 12), reference="VCR-88231", result=result)
    case = dataclasses.replace(make_case(), proceedings=Proceedings(chargebacks=(filed,)))
    zh, en = text(case, "zh"), text(case, "en")
    assert ("报案人已于2026年8月12日就2026年7月20日以Visa卡（尾号4242）支付的17,500.00美元向发卡机构申请拒付（退单）"
            "（编号：VCR-88231）" + after) in zh
    assert "On 12 August 2026 the reporter asked the card issuer to charge back the USD 17,500.00" in en
    assert "(reference VCR-88231)" in en and "拟就" not in zh
    # the promise to report a recovery only while the money may still come back
    assert ("如经拒付程序退回" in zh) == (result == "pending")


def test_a_contradicted_absconding_is_left_out_and_the_silence_stated():
    case = make_case(outcome=m.Outcome(kind="junk_delivered", delivered_on=dt.date(2026, 9, 22),
                                       last_contact=dt.date(2026, 10, 9), seller_unreachable=True),
                     indicators=m.Indicators(vanished_after_payment=True))
    zh = text(case, "zh")
    assert "携款失联" not in zh and "第（四）项" not in zh
    assert "自2026年10月9日起不再回复报案人的任何联系。" in zh  # its own experience: no hedge


def test_delivered_goods_are_pleaded_as_passed_off_and_capital_only_against_a_tenth_of_the_loss():
    report = m.Exhibit(kind="test_report", title="Inspection report", number=4)
    case = make_case(outcome=m.Outcome(kind="junk_delivered", delivered_on=dt.date(2026, 9, 22)),
                     # a false address and a company registered just before: the plan reads fraud
                     indicators=m.Indicators(registered_capital_cny=D("50000"), fake_address=True,
                                             recently_registered=True))
    case = dataclasses.replace(case, evidence=(report,))
    zh, en = text(case, "zh"), text(case, "en")
    assert "被报案人以与合同约定规格明显不符的低值货物冒充合同货物交付（证据4），属于该条第（五）项" in zh
    assert "虚假的履约承诺" not in zh and "毫无使用价值" not in zh
    assert "delivered low-value goods plainly not of the contract's specifications as the contract goods (Exhibit 4)" in en
    # 50,000 against a loss of 177,500: the same order, so no capital indicator
    assert "注册资本仅" not in zh
    small = replace(case, "indicators", registered_capital_cny=D("10000"))
    assert "注册资本仅人民币10,000.00元，不足本案涉案金额的十分之一" in text(small, "zh")


# ------------------------------------------------------------------ the offence pleaded from the facts (issue 16)


def _offence_cases():
    import sys

    sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "rules"))
    import test_offence

    return test_offence


def test_each_payment_is_pleaded_as_induced_by_the_deception_with_its_proof():
    case = make_case()
    proof = m.Exhibit(kind="payment_proof", title="Wire confirmation FT26156XYZ", number=2,
                      title_zh="电汇凭证FT26156XYZ", date=dt.date(2026, 6, 5))
    case = dataclasses.replace(case, evidence=case.evidence + (proof,))
    zh, en = text(case, "zh"), text(case, "en")
    assert "使报案人误以为被报案人将按约交付合同货物。报案人基于该错误认识付款：" in zh
    assert "2026年6月5日，支付7,500.00美元（证据2）。" in zh
    assert "2026年7月20日，支付17,500.00美元（付款凭证另行补充）。" in zh
    assert "on 5 June 2026, USD 7,500.00 (Exhibit 2)." in en


def test_item_4_is_quoted_only_when_the_seller_absconded():
    vanished = text(make_case(), "zh")
    assert "符合该条第（四）项“收受对方当事人给付的货物、货款、预付款或者担保财产后逃匿的”情形" in vanished
    assert "亦属于该条第（五）项“以其他方法骗取对方当事人财物的”情形" in vanished
    answered = text(_offence_cases().delivered_and_answering(), "zh")
    assert "第（四）项" not in answered and "逃匿" not in answered
    assert "属于该条第（五）项“以其他方法骗取对方当事人财物的”情形" in answered
    assert "隐瞒其所发货物并非合同货物的真相" in answered


def test_a_forged_bill_of_lading_is_pleaded_as_inducing_or_delaying_never_as_security():
    oc = _offence_cases()
    before = text(oc.forged_bl(dt.date(2026, 7, 10)), "zh")
    assert "2026年7月20日，被报案人先向报案人提供伪造的" in before and "（证据2），报案人信以为真，支付17,500.00美元" in before
    assert "并以伪造的单据骗取报案人付款" in before
    after = text(oc.forged_bl(dt.date(2026, 7, 28)), "en")
    assert "After being paid, the reported party sent the forged Bill of lading COSU123 (Exhibit 2)" in after
    assert "delay the reporter's discovery" in after
    for t in (before, after):
        assert "第（二）项" not in t and "item (2)" not in t


def test_counterfeit_goods_plead_art_140_and_214_in_the_alternative_with_thresholds():
    case = replace(make_case(), "outcome", kind="counterfeit", delivered_on=dt.date(2026, 8, 1))
    zh, en = text(case, "zh"), text(case, "en")
    assert "《中华人民共和国刑法》（2023年修正）第一百四十条规定的销售伪劣产品罪" in zh
    assert "第二百一十四条规定的销售假冒注册商标的商品罪" in zh
    assert "（公通字〔2008〕36号）第十六条，销售金额在人民币50,000.00元以上" in zh
    assert "（法释〔2025〕5号）第五条，违法所得数额在人民币30,000.00元以上或者销售金额在人民币50,000.00元以上" in zh
    assert "上述罪名如何适用，请贵局依法审查认定。" in zh
    assert "Which offence applies is for the bureau to decide." in en
    assert "虚构其所售货物系正品的事实，隐瞒货物系假冒产品的真相" in zh
    assert "第一百四十条" not in text(make_case(), "zh")


def test_the_individuals_are_named_with_the_reason():
    from restitution.case.proceedings import Proceedings, Suspect

    case = replace(make_case(), "supplier", legal_representative="Zhang San",
                   contacts=(m.Contact(name="Tony Wang", name_zh="王涛", role="sales manager"),))
    case = dataclasses.replace(case, proceedings=Proceedings(suspects=(
        Suspect(name="Li Si", name_zh="李四", role="shareholder"),)))
    zh, en = text(case, "zh"), text(case, "en")
    assert "相关责任人员：\n李四（Li Si），股东\n张三（Zhang San），法定代表人\n王涛（Tony Wang），自称销售经理，与报案人直接联系" in zh
    assert "《最高人民法院关于审理单位犯罪案件具体应用法律有关问题的解释》（法释〔1999〕14号）第二条" in zh
    assert "不以单位犯罪论处" in zh and "其真实身份请贵局依法查明" in zh
    assert "Tony Wang (王涛), sales manager (by their own account), who dealt with the reporter directly" in en
    assert "(Fa Shi [1999] No. 14), Art. 2" in en
    # the Hong Kong report pleads no PRC unit-crime rule
    assert "1999" not in text(hong_kong(), "en")


def test_the_reference_column_never_holds_the_merchant_descriptor_as_a_reference():
    # a card payment with no reference is found on the statement by its merchant name, labelled as such
    zh, en = text(make_case(), "zh"), text(make_case(), "en")
    assert "2026年7月20日 | 17,500.00美元 | Visa卡（尾号4242） | 账单商户名称：GLORYTECH SZ | 另行补充" in zh
    assert "20 July 2026 | USD 17,500.00 | Visa card ending 4242 | statement merchant name: GLORYTECH SZ |" in en
    referenced = dataclasses.replace(make_case(), payments=tuple(
        dataclasses.replace(p, reference="ARN-1") if p.method == "card" else p for p in make_case().payments))
    assert "| ARN-1 |" in text(referenced, "zh") and "账单商户名称" not in text(referenced, "zh")


def test_citations_carry_issuers_and_document_numbers():
    zh = text(make_case(), "zh")
    assert "《最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（二）》（公通字〔2022〕12号）第六十九条" in zh
    assert "《最高人民检察院、公安部关于公安机关办理经济犯罪案件的若干规定》（公通字〔2017〕25号）第八条" in zh
    assert "《中华人民共和国刑法》（2023年修正）第二百二十四条" in zh and "1997年修订" not in zh


def test_the_loss_is_converted_per_payment_at_each_days_parity_saying_by_analogy():
    case = per_payment_rates()
    zh, en = text(case, "zh"), text(case, "en")
    assert "参照《最高人民法院、最高人民检察院关于办理盗窃刑事案件适用法律若干问题的解释》（法释〔2013〕8号）" in zh
    assert "2026年7月20日 | 17,500.00美元 | 2026年7月21日 | 7.1200 | 人民币124,600.00元" in zh
    assert "合计折合人民币178,225.00元" in zh and "单一汇率" not in zh
    assert "挽回报案人的经济损失人民币178,225.00元" in zh
    assert "by analogy with the SPC/SPP Interpretation on Theft Cases (Fa Shi [2013] No. 8)" in en
    # without every payment's rate: an estimate at the single rate, labelled as one
    assert "estimated for now at USD 1 = CNY 7.10 (rate of 20 November 2026), it is about CNY 177,500.00" in text(make_case(), "en")


def test_an_individual_client_reports_in_person_terms():
    case = replace(make_case(), "client", kind="individual", name="Sam Carter", name_zh=None,
                   registration_no="P1234567", representative=None)
    zh = text(case, "zh")
    assert "报案人（签字）：Sam Carter" in zh and "注册地" not in zh.split("二、被报案人")[0]


def test_the_attachments_list_is_complete_for_a_company_and_an_individual():
    zh = text(make_case(), "zh")
    attached = zh.split("\n附件\n")[1].split("\n证据目录\n")[0]
    for item in ("授权委托书（经美国公证机构公证，并由美国主管机关办理附加证明书）及其中文译本", "律师事务所函", "律师执业证复印件",
                 "报案人的注册证书（经美国公证机构公证，并由美国主管机关办理附加证明书）及授权代表的身份证明，附中文译本",
                 "被报案人的企业信用信息公示报告（另行提交）",
                 "证据目录（见下）及所列证据材料"):
        assert item in attached
    person = replace(make_case(), "client", kind="individual", representative=None)
    en = text(person, "en").split("\nEnclosures\n")[1].split("\nEvidence index\n")[0]
    assert "Copy of the reporter's passport" in en and "certificate of incorporation" not in en
    report = m.Exhibit(kind="registration_report", title="Registration report", number=2)
    with_report = dataclasses.replace(make_case(), evidence=make_case().evidence + (report,))
    assert "被报案人的企业信用信息公示报告（证据2）" in text(with_report, "zh")
    # the Hong Kong report is the client's own: no lawyer's papers
    assert "practising licence" not in text(hong_kong(), "en")


@pytest.mark.parametrize("country, route", [
    ("GB", "授权委托书（经英国公证机构公证，并由英国主管机关办理附加证明书）及其中文译本"),
    ("IN", "授权委托书（经印度公证机构公证，并经中华人民共和国驻印度使领馆认证）及其中文译本"),
    ("HK", "授权委托书（经中国委托公证人公证，并经中国法律服务（香港）有限公司审核加章转递）及其中文译本"),
])
def test_the_enclosed_power_of_attorney_names_the_route_of_the_clients_country(country, route):
    zh = text(replace(make_case(), "client", country=country), "zh")
    assert route in zh and "或领事认证" not in zh
    # the reporter's certificate, a foreign public document too, goes the same way
    assert "报案人的注册证书（" + route.removeprefix("授权委托书（").split("）及")[0] + "）" in zh


def test_a_power_of_attorney_signed_in_the_mainland_needs_no_authentication():
    zh = text(replace(make_case(), "client", country="CN"), "zh")
    assert "\n授权委托书\n律师事务所函\n" in zh and "\n报案人的注册证书及授权代表的身份证明\n" in zh
    assert "领事认证" not in zh


def test_the_order_number_is_printed_as_the_buyers_purchase_order_not_the_contract_number():
    zh, en = text(make_case(), "zh"), text(make_case(), "en")
    assert "订立货物买卖合同（报案人的采购订单号：PO-2026-118）" in zh and "（订单号：PO-2026-118）" not in zh
    assert "(the reporter's purchase order no. PO-2026-118)" in en


@pytest.mark.parametrize("example", ["northwind-vanished", "harbour-hk", "meridian-junk"])
def test_the_evidence_list_gives_each_exhibits_pages_as_the_evidence_index(example):
    """The second reading: the report's own evidence list had no 页码 column. Its pages are the
    evidence index's (the exhibits bound in order), so the two papers filed together agree."""
    from restitution.document import Table

    case = load_case(EXAMPLES / f"{example}.yaml")

    def tables(key: str, lang: str) -> list[Table]:
        return [b for b in _walk(render_document(case, key, lang, DATE).blocks) if isinstance(b, Table)]

    index = next(t for t in tables("evidence_index", "zh") if "页码" in [_cell(c) for c in t.header]
                 or "頁碼" in [_cell(c) for c in t.header])
    col = next(i for i, c in enumerate(index.header) if _cell(c) in ("页码", "頁碼"))
    expected = {i + 1: _cell(row[col]) for i, row in enumerate(index.rows)}
    for lang, head in (("zh", ("页码", "頁碼")), ("en", ("Pages",))):
        report = next(t for t in tables("police_report", lang) if _cell(t.header[-1]) in head)
        got = {int(_cell(row[0])): _cell(row[-1]) for row in report.rows}
        assert got == expected and all(v and v != "—" for v in got.values()), (lang, got, expected)


def _walk(blocks):
    from restitution.document import Container

    for b in blocks:
        yield b
        if isinstance(b, Container):
            yield from _walk(b.blocks)


def _cell(cell) -> str:
    from restitution.document import inline_text

    return inline_text(cell.inlines)


def test_the_deception_tells_the_declared_forged_paper_what_and_when_hedged_unless_an_exhibit_shows_it():
    """Lawyer's review s21 (second pass): the 虚构事实 paragraph must name the forged paper too."""
    listing = m.Exhibit(kind="listing", title="Store page", title_zh="店铺页面", number=2, date=dt.date(2026, 5, 30))
    letter = m.Exhibit(kind="authentication_letter", title="Brand owner's letter", title_zh="品牌权利人鉴定函", number=3)
    forgery = m.Forgery(kind="authorisation", title="authorised distributor certificate", title_zh="授权经销商证书",
                        shown_on=dt.date(2026, 5, 30))
    case = dataclasses.replace(make_case(), evidence=make_case().evidence + (listing, letter),
                               indicators=m.Indicators(forged_documents=True, forgery=forgery))
    zh = text(case, "zh")
    assert ("被报案人于订立合同前的2026年5月30日向报案人出示所谓“授权经销商证书”（证据2）；"
            "经品牌权利人核查，该文件系伪造（证据3）。报案人基于该错误认识付款") in zh
    assert ('The reported party showed the reporter the so-called "authorised distributor certificate" before the '
            "contract, on 30 May 2026 (Exhibit 2); on the brand owner's examination, this is a forgery (Exhibit 3).") \
        in text(case, "en")
    unproved = dataclasses.replace(case, evidence=make_case().evidence, indicators=m.Indicators(
        forged_documents=True, forgery=dataclasses.replace(forgery, kind="other", shown_on=dt.date(2026, 6, 20))))
    assert ("被报案人于2026年6月20日向报案人出示所谓“授权经销商证书”；据报案人所知，该文件系伪造，有待贵局核实。"
            in text(unproved, "zh"))
    flag_only = dataclasses.replace(case, evidence=make_case().evidence,
                                    indicators=m.Indicators(forged_documents=True))
    assert "据报案人所知，被报案人还曾向报案人提供伪造的文件，有待贵局核实。报案人基于该错误认识付款" in text(flag_only, "zh")


def test_a_hong_kong_report_tells_the_declared_forged_paper_for_the_police_to_verify():
    case = load_case(Path(__file__).resolve().parents[2] / "examples" / "harbour-hk.yaml")
    forgery = m.Forgery(kind="other", title="bank reference letter", title_zh="银行资信证明", shown_on=case.order.date)
    case = dataclasses.replace(case, indicators=dataclasses.replace(case.indicators, forged_documents=True,
                                                                    forgery=forgery))
    zh, en = text(case, "zh"), text(case, "en")
    # a Hong Kong report is in Traditional characters with corner quotes
    assert "向報案人出示所謂「銀行資信證明」（證據1）" in zh and "據報案人所知，該文件係偽造，有待警方核實。被報案人以欺騙手段" in zh
    assert "to the reporter's knowledge this is a forgery, which is for the police to verify. By deceit" in en


def test_the_representative_is_named_in_the_form_the_power_of_attorney_gives():
    """lawyer5 item 18: "Claire Fabre" in the report, "克莱尔·法布尔（Claire Fabre）" in the power of attorney."""
    case = make_case()
    rep = dataclasses.replace(case.client.representative, name="Claire Fabre", name_zh="克莱尔·法布尔")
    case = replace(case, "client", representative=rep)
    zh = text(case, "zh")
    assert "授权代表：克莱尔·法布尔（Claire Fabre），职务：首席执行官" in zh
    assert zh.count("克莱尔·法布尔（Claire Fabre）") == 2  # the party block and the signature
    assert "授权签字人：克莱尔·法布尔（Claire Fabre）" in document_text(render_document(case, "power_of_attorney", "zh", DATE))
    assert "Authorised representative: Claire Fabre" in text(case, "en")


def test_the_state_of_things_is_said_once_not_as_of_today_and_so_far():
    """lawyer5 item 18: "截至本材料提交之日，被报案人至今未交付任何货物"."""
    zh = text(make_case(), "zh")
    assert "截至本材料提交之日，被报案人仍未交付任何货物。" in zh
    assert "至今未交付" not in zh
    assert "As of the date of this report the reported party has not delivered any of the goods." in text(make_case(), "en")
    fake = replace(make_case(), "outcome", kind="counterfeit", delivered_on=dt.date(2026, 8, 1))
    assert "被报案人交付的货物为假冒产品（交货日期：2026年8月1日）。" in text(fake, "zh")
