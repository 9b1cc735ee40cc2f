"""Each indicator with the exhibit that shows it, or hedged (documents/police_indicators.py; issue 16 point 3)."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

from factories import make_case

from restitution.case import model as m
from restitution.documents.police_indicators import indicators, registry_exhibits
from restitution.language.catalogue import catalogue
from restitution.pipeline.templating import bundled_templates


def words(lang: str):
    return catalogue(lang, [bundled_templates()])


def with_evidence(*exhibits: m.Exhibit, **indicator_flags) -> m.Case:
    case = make_case()
    case = dataclasses.replace(case, evidence=case.evidence + exhibits)
    return dataclasses.replace(case, indicators=m.Indicators(**indicator_flags))


def test_the_last_answer_is_shown_by_the_correspondence_dated_from_it():
    mail = m.Exhibit(kind="emails", title="Last e-mail", number=2, date=dt.date(2026, 8, 2))
    older = m.Exhibit(kind="emails", title="Chat of May", number=3, date=dt.date(2026, 5, 30))
    lines = indicators(with_evidence(mail, older), words("zh"))
    assert lines[0] == "收取货款后即停止联系、拒不履行，携款失联，最后一次联系为2026年8月2日（证据2）。"


def test_registration_facts_point_to_the_registration_report_or_to_the_public_register():
    report = m.Exhibit(kind="registration_report", title="Registration report", number=2,
                       title_zh="企业信用信息公示报告")
    flags = dict(recently_registered=True, registered_capital_cny=D("10000"))
    case = dataclasses.replace(with_evidence(report, **flags),
                               supplier=dataclasses.replace(make_case().supplier, registered_on=dt.date(2026, 3, 10)))
    assert registry_exhibits(case) == [report]
    zh = indicators(case, words("zh"))
    assert "成立时间极短：于2026年3月10日登记成立，距订立本案合同仅84日（证据2）。" in zh
    assert "注册资本仅人民币10,000.00元，不足本案涉案金额的十分之一，与本案交易规模明显不相称（证据2）。" in zh
    without = dataclasses.replace(case, evidence=make_case().evidence)
    en = indicators(without, words("en"))
    assert any(line.endswith("(as the National Enterprise Credit Information Publicity System shows).") for line in en)


def test_an_unsupported_indicator_is_stated_as_the_reporters_knowledge_not_as_fact():
    zh = indicators(with_evidence(fake_address=True), words("zh"))
    assert "其登记住所或对外宣称的经营地址并无其实际经营（据报案人所知，有待贵局核实）。" in zh
    assert not any("虚假地址" in line for line in zh)


def test_a_hong_kong_secretarial_office_is_never_called_a_false_address():
    case = with_evidence(fake_address=True)
    case = dataclasses.replace(case, supplier=dataclasses.replace(
        case.supplier, region="hong_kong", uscc=None, hk_company_no="3217845"))
    en = " ".join(indicators(case, words("en")))
    assert "false" not in en.lower() and "fake" not in en.lower()


def test_forged_documents_name_the_forged_exhibits():
    bl = m.Exhibit(kind="bill_of_lading", title="Bill of lading COSU123", number=2, forged=True)
    zh = indicators(with_evidence(bl), words("zh"))
    assert any(line.endswith("（证据2）。") and "伪造" in line for line in zh)
    flag_only = indicators(with_evidence(forged_documents=True), words("zh"))
    assert any("伪造" in line and line.endswith("（据报案人所知，有待贵局核实）。") for line in flag_only)


def _escrow(*via: bool) -> m.Case:
    case = with_evidence(refused_escrow=True)
    return dataclasses.replace(case, payments=tuple(dataclasses.replace(p, via_platform=v)
                                                    for p, v in zip(case.payments, via)))


def test_the_refusal_of_platform_payment_names_the_payment_sent_outside_it():
    zh, en = indicators(_escrow(True, False), words("zh")), indicators(_escrow(True, False), words("en"))
    assert "拒绝通过平台担保交易收取2026年7月20日支付的17,500.00美元，坚持要求报案人将上述款项直接汇入其指定账户。" in zh
    assert ("It refused to take the USD 17,500.00 paid on 20 July 2026 through the platform's escrow and insisted "
            "that the money be sent directly to an account of its choosing.") in en
    # a later payment through the platform: no "refused", only which payment went outside it
    later = indicators(_escrow(False, True), words("zh"))
    assert "要求报案人将2026年6月5日支付的7,500.00美元绕开平台担保交易，直接汇入其指定账户。" in later
    assert not any("拒绝通过平台" in line for line in later)
    assert not any("担保交易" in line for line in indicators(_escrow(True, True), words("zh")))


def test_only_what_the_reporter_learned_from_others_is_hedged():
    lines = indicators(_escrow(True, False), words("zh"))  # no exhibits: its own dealings, stated flat
    assert lines[0] == "收取货款后即停止联系、拒不履行，携款失联，最后一次联系为2026年8月2日。"
    assert not any("有待贵局核实" in line for line in lines)
    second_hand = indicators(with_evidence(fake_address=True), words("zh"))
    assert "其登记住所或对外宣称的经营地址并无其实际经营（据报案人所知，有待贵局核实）。" in second_hand


def test_a_declared_address_finding_replaces_the_hedge_and_a_fact_alone_does_not():
    fact = m.Fact(date=dt.date(2026, 8, 3), text="The office at its address was empty.",
                  text_zh="其地址处的办公室已人去楼空。")
    hedge = "其登记住所或对外宣称的经营地址并无其实际经营（据报案人所知，有待贵局核实）。"
    only_fact = dataclasses.replace(with_evidence(fake_address=True), facts=(fact,))
    assert hedge in indicators(only_fact, words("zh"))  # free text is never mined for the finding
    case = dataclasses.replace(only_fact, indicators=m.Indicators(
        fake_address=True, address_finding="The office at its address was empty.",
        address_finding_zh="其地址处的办公室已人去楼空。"))
    assert "其地址处的办公室已人去楼空。" in indicators(case, words("zh"))
    assert "The office at its address was empty." in indicators(case, words("en"))
    untranslated = dataclasses.replace(case, indicators=dataclasses.replace(case.indicators, address_finding_zh=None))
    assert hedge in indicators(untranslated, words("zh"))  # never English in a Chinese indicator


def _forgery(kind="authorisation", title="authorised distributor certificate", title_zh="授权经销商证书",
             shown_on=dt.date(2026, 5, 30)) -> m.Forgery:
    return m.Forgery(kind=kind, title=title, title_zh=title_zh, shown_on=shown_on)


def test_a_declared_forgery_says_what_and_when_with_the_exhibits_that_show_it():
    listing = m.Exhibit(kind="listing", title="Store page", number=2, date=dt.date(2026, 5, 30))
    letter = m.Exhibit(kind="authentication_letter", title="Brand owner's letter", number=3)
    case = with_evidence(listing, letter, forged_documents=True, forgery=_forgery())
    zh, en = indicators(case, words("zh")), indicators(case, words("en"))
    assert "订立合同前，于2026年5月30日出示伪造的“授权经销商证书”，虚构其系品牌授权经销商（证据2、证据3）。" in zh
    assert not any("已履行合同的假象" in line for line in zh)
    assert any(line.startswith('It showed the forged "authorised distributor certificate" before the contract, '
                               "on 30 May 2026") for line in en)
    other = with_evidence(forged_documents=True, forgery=_forgery(kind="other", title="business licence",
                                                                  title_zh="营业执照", shown_on=None))
    assert "向报案人出示伪造的“营业执照”（据报案人所知，有待贵局核实）。" in indicators(other, words("zh"))


def test_a_fact_naming_a_forged_paper_without_the_key_leaves_the_general_wording():
    shown = m.Fact(date=dt.date(2026, 5, 30), text="The store page displayed an authorised distributor certificate.",
                   text_zh="店铺页面展示“授权经销商证书”。")
    case = dataclasses.replace(with_evidence(forged_documents=True), facts=(shown,))
    assert "向报案人提供伪造、虚假的文件（据报案人所知，有待贵局核实）。" in indicators(case, words("zh"))


def test_forged_exhibits_are_named_with_what_they_served():
    bl = m.Exhibit(kind="bill_of_lading", title="Bill of lading COSU123", title_zh="提单COSU123", number=2,
                   date=dt.date(2026, 8, 10), forged=True)
    zh = indicators(with_evidence(bl), words("zh"))
    assert "于2026年8月10日向报案人提供伪造的提单COSU123，制造已履行合同的假象（证据2）。" in zh
    early = dataclasses.replace(bl, date=dt.date(2026, 6, 1))
    assert "于2026年6月1日向报案人提供伪造的提单COSU123，诱使报案人付款（证据2）。" in indicators(with_evidence(early), words("zh"))
    assert ("It gave the reporter forged documents on 1 June 2026: Bill of lading COSU123, which induced payment "
            "(Exhibit 2).") in indicators(with_evidence(early), words("en"))


def test_several_forged_exhibits_each_carry_the_day_they_were_given():
    audit = m.Exhibit(kind="other", title="Factory audit report", title_zh="验厂报告", number=2,
                      date=dt.date(2026, 5, 20), forged=True)
    bl = m.Exhibit(kind="bill_of_lading", title="Bill of lading COSU123", title_zh="提单COSU123", number=3,
                   forged=True)
    zh = indicators(with_evidence(audit, bl), words("zh"))
    assert "向报案人提供伪造的验厂报告（2026年5月20日提供）、提单COSU123（证据2、证据3）。" in zh


def off_platform(case: m.Case) -> m.Case:
    """The order placed directly with the seller: no platform, no platform order, no platform payment."""
    case = dataclasses.replace(case, order=dataclasses.replace(case.order, platform="other", trade_assurance=False,
                                                               platform_order_id=None))
    wires = tuple(dataclasses.replace(p, method="wire", card=None, merchant_descriptor=None) for p in case.payments)
    return dataclasses.replace(case, payments=wires)


def test_an_order_placed_outside_any_platform_refused_a_secured_payment_not_the_platforms_escrow():
    """lawyer5 item 13: "拒绝通过平台担保交易收款" was printed for an order placed by e-mail."""
    case = off_platform(with_evidence(refused_escrow=True))
    zh = indicators(case, words("zh"))
    assert "拒绝采用第三方托管等有付款保障的付款方式，坚持要求报案人在发货前将全部货款电汇至其指定账户。" in zh
    assert not any("平台" in line for line in zh)
    en = " ".join(indicators(case, words("en")))
    assert "secured means of payment" in en and "platform" not in en
    # part of the price, not all by wire, goods delivered before the last payment: said as such
    paid = dataclasses.replace(case, payments=(dataclasses.replace(case.payments[0], method="alipay"),),
                               outcome=dataclasses.replace(case.outcome, kind="not_as_described",
                                                           delivered_on=dt.date(2026, 6, 1)))
    assert "拒绝采用第三方托管等有付款保障的付款方式，坚持要求报案人将货款直接支付至其指定账户。" in indicators(paid, words("zh"))
    # an Alibaba order keeps the platform's escrow
    assert any("平台担保交易" in line for line in indicators(with_evidence(refused_escrow=True), words("zh")))


def with_contacts(*contacts: m.Contact, **supplier_changes) -> m.Case:
    case = with_evidence(personal_email_used=True)
    return dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, contacts=contacts,
                                                                  **supplier_changes))


def test_personal_email_names_who_used_it_and_the_legal_representative_as_such():
    """lawyer5 item 13: "其业务人员使用个人免费邮箱" when the mailbox was the legal representative's."""
    boss = m.Contact(name="Zhang San", name_zh="张三", email="zhang.boss88@163.com", role="General manager")
    case = with_contacts(boss, m.Contact(name="Office", email="sales@glory-example.com"))
    zh = indicators(case, words("zh"))
    assert "其法定代表人张三使用个人免费邮箱（163.com）而非公司邮箱与报案人往来。" in zh
    assert not any("业务人员" in line or "身份难以追查" in line for line in zh)
    en = " ".join(indicators(case, words("en")))
    assert "its legal representative, Zhang San, used a personal free e-mail account (163.com)" in en
    # someone the records do not name: by their own account, and hard to trace
    sales = m.Contact(name="Tony Wang", email="tony.glory@gmail.com", role="Sales manager")
    zh = indicators(with_contacts(sales), words("zh"))
    assert any(line.startswith("Tony Wang（自称销售经理）使用个人免费邮箱（gmail.com）") and "身份难以追查" in line
               for line in zh)
    # no address on a known free-mail domain: the case cannot say who
    zh = indicators(with_contacts(m.Contact(name="Tony Wang", email="tony@mail.example")), words("zh"))
    assert "与报案人联系的人员使用个人免费邮箱而非公司邮箱，身份难以追查。" in zh


def test_the_address_finding_cites_the_exhibit_of_the_day_it_names():
    """lawyer5 item 18: the site visit of 20 October was exhibit 5, and the indicator did not cite it."""
    visit = m.Exhibit(kind="other", title="Site visit report", number=2, date=dt.date(2026, 10, 20))
    contract = m.Exhibit(kind="purchase_order", title="PO", number=3, date=dt.date(2026, 10, 20))
    case = with_evidence(visit, contract, fake_address=True,
                         address_finding="On 20 October 2026 the stall was found let to another trader.",
                         address_finding_zh="2026年10月20日实地查看，该地址的档口由他人经营。")
    assert "2026年10月20日实地查看，该地址的档口由他人经营（证据2）。" in indicators(case, words("zh"))
    undated = dataclasses.replace(case, indicators=dataclasses.replace(
        case.indicators, address_finding="The stall is let to another trader.", address_finding_zh="该地址的档口由他人经营。"))
    assert "该地址的档口由他人经营。" in indicators(undated, words("zh"))
