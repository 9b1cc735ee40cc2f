"""The power of attorney: the legally meaningful content, in both languages.

domain.md §A and pitfalls 2 and 3: listed powers including express special
authority (settlement, written pardon, receiving restitution), a stated
term, the supplier identified in full, the amount in figures and 大写, the
authentication route for the client's country, and a refusal without an agent.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from restitution.case import model as m
from restitution.case.load import load_case
from restitution.document import Container, Heading, ListBlock, document_text
from restitution.documents import power_of_attorney as poa
from restitution.errors import DocumentNotApplicable
from restitution.language.catalogue import catalogue
from restitution.pipeline.templating import template_dirs
from restitution.pipeline.markup import parse
from restitution.pipeline.render import render_document, render_markdown
from stage_cases import stage_case

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATE = dt.date(2026, 11, 20)
NAMES = ["northwind-vanished", "meridian-junk", "harbour-hk", "lotus-settlement"]


@pytest.fixture(scope="module")
def cases():
    return {name: load_case(EXAMPLES / f"{name}.yaml") for name in NAMES}


def text(case, lang: str) -> str:
    return document_text(render_document(case, "power_of_attorney", lang, DATE))


def test_refused_without_an_agent(cases):
    case = dataclasses.replace(cases["northwind-vanished"], agent=None)
    with pytest.raises(DocumentNotApplicable) as info:
        render_markdown(case, "power_of_attorney", "zh", DATE)
    assert "agent (agent: name, firm, license_no)" in info.value.message
    assert info.value.location.path == "agent"
    # named as the loader names the file in its own errors, never as an absolute path
    from restitution.case.load import display_name

    assert info.value.location.file == display_name(case.source)
    assert info.value.location.file.endswith("northwind-vanished.yaml")
    assert not info.value.location.file.startswith("/")


def test_refused_without_licence_number(cases):
    case = cases["northwind-vanished"]
    case = dataclasses.replace(case, agent=dataclasses.replace(case.agent, license_no=None))
    with pytest.raises(DocumentNotApplicable, match="agent.license_no"):
        poa.SPEC.check(case)


def test_company_needs_a_signatory(cases):
    case = cases["northwind-vanished"]
    case = dataclasses.replace(case, client=dataclasses.replace(case.client, representative=None))
    with pytest.raises(DocumentNotApplicable, match="client.representative"):
        poa.SPEC.check(case)


def test_chinese_special_authority_and_term(cases):
    t = text(cases["northwind-vanished"], "zh")
    assert t.startswith("授权委托书")
    # report-stage acts (pitfall 2)
    for act in ("报案、控告", "申请复议", "申请复核", "立案监督", "签收", "了解、查询"):
        assert act in t, act
    # special authority, expressly
    assert "特别授权" in t
    for act in ("代为参与和解、调解", "代为签署谅解书", "代为领取、接收退赔款", "执行款"):
        assert act in t, act
    # "全权代理" appears only in the sentence that says this is not such a grant
    assert t.count("全权代理") == 1
    assert "并非仅载明“全权代理”的概括授权" in t
    # the term is stated
    assert "委托期限" in t
    assert "自本委托书签署之日起至本案刑事诉讼程序终结" in t
    # statute citations carry their version year
    assert "《中华人民共和国民事诉讼法》（2023年修正）第六十二条" in t
    assert "《中华人民共和国刑事诉讼法》（2018年修正）第四十六条" in t


def test_chinese_parties_and_amount(cases):
    t = text(cases["northwind-vanished"], "zh")
    assert "委托人：Northwind Trading LLC（中文译名：北风贸易有限责任公司）" in t
    assert "授权签字人：Jane Doe，职务：首席执行官" in t
    assert "受托人：李明，示例律师事务所律师" in t
    assert "律师执业证号：11101201910000000" in t
    # supplier by full registered name, English name and USCC
    assert "深圳市荣耀示例科技有限公司（英文名称：Shenzhen Glory Tech Co., Ltd.；统一社会信用代码：91440300MA5G7K2Q1G）" in t
    assert "采购订单号为PO-2026-118的订单" in t and "2026年6月2日" in t
    assert "25,000.00美元（大写：美元贰万伍仟元整" in t
    # the police report's figure: each payment at its own day's central parity (rules/loss.py)
    assert "；按各笔款项到账当日人民币汇率中间价折算，合人民币178,843.75元）" in t and "177,500.00" not in t
    assert "日期：______年____月____日" in t and "日期：2026年11月20日" not in t  # signed before the notary
    assert "公章，如有" in t


def test_english_powers_and_amount(cases):
    t = text(cases["northwind-vanished"], "en")
    assert t.startswith("Power of Attorney")
    assert "Special authority" in t and "special authority (特别授权)" in t
    assert "written pardon (谅解书)" in t
    assert "settlement and mediation" in t
    assert "receive restitution" in t
    assert "reconsideration (复议)" in t and "review (复核)" in t and "(立案监督)" in t
    assert 'This is not a bare grant of "full authority" (全权代理)' in t
    assert "until the criminal proceedings concerning the matter have ended" in t
    assert "USD 25,000.00 (twenty-five thousand US dollars" in t
    assert "unified social credit code 91440300MA5G7K2Q1G" in t
    assert "Date: __________________" in t and "Date: 20 November 2026" not in t


def notes(case, lang):
    """How the power of attorney is signed and certified: in case_notes, not in the instrument."""
    return document_text(render_document(case, "case_notes", lang, DATE))


def test_apostille_note_for_a_convention_state(cases):
    zh = notes(cases["northwind-vanished"], "zh")
    assert "附加证明书（Apostille）" in zh and "2023年11月7日" in zh
    assert "《中华人民共和国民事诉讼法》（2023年修正）第二百七十五条" in zh
    assert "董事会决议或在任董事证明书" in zh  # a company also proves its signatory's authority
    en = notes(cases["northwind-vanished"], "en")
    assert "before a notary public in the United States" in en
    assert "in force for China since 7 November 2023" in en
    # the language clause is part of the instrument; the certification steps are not
    poa_zh, poa_en = text(cases["northwind-vanished"], "zh"), text(cases["northwind-vanished"], "en")
    assert "以中文文本为准" in poa_zh and "the Chinese text prevails" in poa_en
    assert "Apostille" not in poa_zh and "notary public" not in poa_en and "公证" not in poa_zh


def test_legalisation_note_for_india(cases):
    zh = notes(cases["harbour-hk"], "zh")
    assert "印度与中国之间不适用《取消外国公文书认证要求的公约》（印度已对中国加入该公约提出异议）" in zh
    assert "中华人民共和国驻印度使领馆认证" in zh
    en = notes(cases["harbour-hk"], "en")
    assert "India objected to China's accession" in en
    assert "legalised by the Chinese embassy or consulate in India" in en
    # a Hong Kong supplier is identified by its Companies Registry number
    assert "香港公司注册处编号：3217845" in text(cases["harbour-hk"], "zh")


def test_hong_kong_principal_uses_the_attesting_officer(cases):
    zh = notes(cases["lotus-settlement"], "zh")
    assert "中国委托公证人" in zh and "中国法律服务（香港）有限公司" in zh
    assert "Apostille" in zh and "不适用" in zh
    poa = text(cases["lotus-settlement"], "zh")
    assert "委托人（签字）" in poa and "护照号码：K07734219" in poa
    assert "人民币86,400.00元（大写：人民币捌万陆仟肆佰元整）" in poa
    en = notes(cases["lotus-settlement"], "en")
    assert "China-Appointed Attesting Officer" in en and "China Legal Services (H.K.) Limited" in en


def test_missing_twin_is_marked(cases):
    rep = dataclasses.replace(cases["northwind-vanished"].client.representative, title_zh=None)
    case = dataclasses.replace(cases["northwind-vanished"],
                               client=dataclasses.replace(cases["northwind-vanished"].client, representative=rep))
    rendered = render_markdown(case, "power_of_attorney", "zh", DATE)
    assert "client.representative.title_zh" in rendered.untranslated
    assert "【待译】" in rendered.text


def test_address_abroad_is_printed_as_written_never_marked(cases):
    # meridian-junk's client lives in the UK and the case gives no Chinese address.
    rendered = render_markdown(cases["meridian-junk"], "power_of_attorney", "zh", DATE)
    assert rendered.untranslated == ()
    assert "【待译】" not in rendered.text
    assert cases["meridian-junk"].client.address.split(",")[0] in rendered.text
    assert render_markdown(cases["northwind-vanished"], "power_of_attorney", "zh", DATE).untranslated == ()


def test_fixed_term_when_given(cases):
    r = render_markdown(cases["northwind-vanished"], "power_of_attorney", "zh", DATE,
                        extra={"term_until": dt.date(2027, 12, 31)})
    assert "自本委托书签署之日起至2027年12月31日止" in r.text


def _shape(blocks) -> list[str]:
    out = []
    for b in blocks:
        name = type(b).__name__
        if isinstance(b, Heading):
            name += str(b.level)
        elif isinstance(b, ListBlock):
            name += f"[{len(b.items)} from {b.start}]"
        elif isinstance(b, Container):
            name += f"({b.kind}: {' '.join(_shape(b.blocks))})"
        out.append(name)
    return out


@pytest.mark.parametrize("name", NAMES)
def test_same_block_structure(cases, name):
    en = parse(render_markdown(cases[name], "power_of_attorney", "en", DATE).text)
    zh = parse(render_markdown(cases[name], "power_of_attorney", "zh", DATE).text)
    assert _shape(en) == _shape(zh)


@pytest.mark.parametrize("country,route", [
    ("US", "apostille"), ("GB", "apostille"), ("CA", "apostille"), ("IN", "legalisation"),
    ("VN", "legalisation"), ("HK", "hong_kong"), ("MO", "other_region"), ("CN", "domestic"),
    ("ZZ", "unknown"),
])
def test_authentication_route(country, route):
    assert poa.authentication(country) == route


@pytest.mark.parametrize("key", ["power_of_attorney", "police_report", "settlement_agreement"])
def test_individual_from_hong_kong_is_of_chinese_nationality_and_a_resident(key):
    lotus = load_case(Path(__file__).resolve().parents[2] / "examples" / "lotus-settlement.yaml")
    # the agreement as drafted before it was signed (a signed one is not drafted again)
    lotus = dataclasses.replace(lotus, settlement=dataclasses.replace(lotus.settlement, signed_on=None,
                                                                      supplier_signed=None))
    assert lotus.client.kind == "individual" and lotus.client.country == "HK"
    for case, permit in ((lotus, None), (dataclasses.replace(lotus, client=dataclasses.replace(lotus.client, travel_permit_no="H01234567")),
                                         "H01234567")):
        zh = document_text(render_document(case, key, "zh", dt.date(2026, 11, 20)))
        en = document_text(render_document(case, key, "en", dt.date(2026, 11, 20)))
        assert "国籍：中国\n香港特别行政区居民" in zh and "中国香港特别行政区" not in zh
        assert "Nationality: Chinese\nResident of the Hong Kong Special Administrative Region" in en
        assert ("港澳居民来往内地通行证号码：H01234567" in zh) == bool(permit)
        assert ("Mainland Travel Permit for Hong Kong and Macao Residents No. H01234567" in en) == bool(permit)


def test_a_lawyer_who_already_acted_is_ratified():
    """lotus: reported on 28 August, case opened, restitution agreed: the earlier acts are ratified."""
    lotus = load_case(Path(__file__).resolve().parents[2] / "examples" / "lotus-settlement.yaml")
    zh = document_text(render_document(lotus, "power_of_attorney", "zh", dt.date(2026, 11, 20)))
    en = document_text(render_document(lotus, "power_of_attorney", "en", dt.date(2026, 11, 20)))
    assert "委托人对受托人在本委托书签署前就上述事项已代委托人实施的行为" in zh
    assert "协商退赔并签署和解协议等）予以追认" in zh and "第一百七十一条第一款" in zh
    assert "The Principal ratifies every act the Agent has done" in en and "Art. 171(1)" in en
    # rendered before the report was filed: nothing to ratify yet
    early = dataclasses.replace(lotus, settlement=None)
    assert "追认" not in document_text(render_document(early, "power_of_attorney", "zh", dt.date(2026, 8, 27)))


def test_attested_in_hong_kong_it_states_its_use_and_mainland_place_of_use():
    """domain.md §H.6 [S]: an instrument for a China-Appointed Attesting Officer states its intended
    use and place of use; elsewhere (an apostille, a notary at home) nothing is added."""
    root = Path(__file__).resolve().parents[2] / "examples"
    lotus = load_case(root / "lotus-settlement.yaml")
    zh = document_text(render_document(lotus, "power_of_attorney", "zh", dt.date(2026, 11, 20)))
    en = document_text(render_document(lotus, "power_of_attorney", "en", dt.date(2026, 11, 20)))
    assert ("本委托书用于在广东省广州市就上述事项向公安机关、人民检察院、人民法院及其他有关机关办理报案、控告、"
            "和解及领取退赔款等事务。") in zh
    assert "This power of attorney is for use in 广东省广州市, before the public security authorities" in en
    elsewhere = dataclasses.replace(lotus, supplier=dataclasses.replace(lotus.supplier, region="other"))
    assert poa.place_of_use(elsewhere, catalogue("zh", tuple(template_dirs(None)))) == "中国内地"
    nw = load_case(root / "northwind-vanished.yaml")  # a US company: apostille, no statement
    assert "本委托书用于在" not in document_text(render_document(nw, "power_of_attorney", "zh", dt.date(2026, 11, 20)))


def test_bilingual_power_of_attorney_has_one_language_clause():
    lotus = load_case(Path(__file__).resolve().parents[2] / "examples" / "lotus-settlement.yaml")
    both = document_text(render_document(lotus, "power_of_attorney", "bilingual", dt.date(2026, 11, 20)))
    assert "以中文文本为准" in both and "在中华人民共和国境内使用时" not in both


def test_the_loss_in_rmb_is_the_police_reports():
    """Unseen case: the payments gave each day's parity, and the police report stated the loss as
    RMB 472,886.39 payment by payment while the power of attorney filed with it said RMB 464,427.84
    at the claim's single rate."""
    from decimal import Decimal

    from restitution.rules.loss import loss_in_cny

    case = load_case(Path(__file__).resolve().parents[1] / "data" / "unseen" / "rhein-swift.yaml")
    zh = document_text(render_document(case, "power_of_attorney", "zh", DATE))
    en = document_text(render_document(case, "power_of_attorney", "en", DATE))
    police = document_text(render_document(case, "police_report", "zh", DATE))
    assert loss_in_cny(case).amount == Decimal("472886.39") and "合计折合人民币472,886.39元" in police
    assert "按各笔款项到账当日人民币汇率中间价折算，合人民币472,886.39元" in zh
    assert "CNY 472,886.39 at the RMB central parity of the day each payment was received" in en
    single = dataclasses.replace(case, payments=tuple(dataclasses.replace(p, cny_rate=None, cny_rate_date=None)
                                                      for p in case.payments))
    assert "1欧元兑人民币7.6512元估算，约合人民币464,427.84元，仅供参考" in document_text(
        render_document(single, "power_of_attorney", "zh", DATE))


def test_the_supplier_is_named_with_its_former_name_inside_its_identification(cases):
    case = cases["northwind-vanished"]
    case = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, former_names=(
        m.FormerName(name_zh="深圳市旧名电子有限公司", name="Shenzhen Oldname Electronics Co., Ltd.",
                     changed_on=dt.date(2026, 6, 12)),)))
    zh, en = text(case, "zh"), text(case, "en")
    # inside the brackets of the identification: one name only, no brackets within brackets
    assert "；曾用名：深圳市旧名电子有限公司，2026年6月12日变更）" in zh
    assert "; Former name: Shenzhen Oldname Electronics Co., Ltd., until 12 June 2026)" in en


def test_it_grants_the_routes_the_other_documents_announce(cases):
    """Fourth review N-5: the suit or arbitration the demand letter announces, and the 12315 complaint
    where the packet has one, each need a power of their own; the special authority is renumbered after them."""
    junk = cases["meridian-junk"]  # a mainland seller that delivered junk: a 12315 complaint is in its packet
    zh, en = text(junk, "zh"), text(junk, "en")
    assert "代为就上述损失向有管辖权的人民法院提起民事诉讼，或者依据仲裁协议申请仲裁，并参加诉讼、仲裁程序；" in zh
    # the power to take part in the regulator's (12315) mediation and sign for its result (s23 lawyer 6)
    assert "代为向市场监督管理部门投诉、举报，提交投诉、举报材料，参加市场监督管理部门组织的调解，并签收处理结果；" in zh
    assert "向有管辖权的公安机关及其他有关机关报案、控告，向市场监督管理部门投诉、举报，并代为追回" in zh
    assert "并代为签署和解协议、调解协议；" in zh
    assert "take part in the mediation they conduct, and sign for the outcome;" in en
    assert "to complain of it and report it to the market regulation authorities" in en
    assert "to bring a civil action for the loss before the competent people's court" in en
    assert "to file a complaint or a report (投诉、举报) with the market regulation authorities" in en
    special = [b for b in render_document(junk, "power_of_attorney", "zh", DATE).blocks
               if isinstance(b, ListBlock) and b.ordered]
    assert [b.start for b in special] == [1, 11]
    vanished = cases["northwind-vanished"]  # nothing delivered: a police matter, no 12315 complaint in the packet
    plain = text(vanished, "zh")
    assert "市场监督管理部门" not in plain and "代为就上述损失向有管辖权的人民法院提起民事诉讼" in plain
    assert "调解协议" not in plain
    assert [b.start for b in render_document(vanished, "power_of_attorney", "zh", DATE).blocks
            if isinstance(b, ListBlock) and b.ordered] == [1, 10]


def test_a_report_on_file_is_named_instead_of_a_report_to_any_bureau():
    """Fifth review, item 12: once the report is filed (and the case opened), the matter and the
    first power name the unit and the case; "报案、控告 to any competent bureau" is a stage that is over."""
    opened = stage_case("opened")
    zh, en = text(opened, "zh"), text(opened, "en")
    assert ("就深圳市公安局宝安区分局经济犯罪侦查大队已立案侦查的深圳市荣耀示例科技有限公司涉嫌合同诈骗一案"
            "（案号：深公宝（经）立〔2026〕2087号）代为办理下列事务，并代为追回委托人的上述损失。") in zh
    assert "\n代为就本案向深圳市公安局宝安区分局经济犯罪侦查大队提交补充报案材料" in zh
    assert "就该事项向有管辖权的公安机关及其他有关机关报案、控告" not in zh
    assert ("in the case of suspected contract fraud against Shenzhen Glory Tech Co., Ltd. opened and under "
            "investigation by Economic Crime Investigation Brigade, Bao'an Branch, Shenzhen Public Security Bureau "
            "(case no. 深公宝（经）立〔2026〕2087号)") in en
    assert "to report this matter and file a complaint with the competent" not in en
    reported = text(stage_case("reported"), "zh")
    assert ("就委托人已于2026年9月1日向深圳市公安局宝安区分局经济犯罪侦查大队报案的深圳市荣耀示例科技有限公司"
            "涉嫌合同诈骗一事（受案回执：深公宝（经）受案〔2026〕0412号）代为办理下列事务") in reported
    fresh = text(stage_case("new"), "zh")
    assert "就该事项向有管辖权的公安机关及其他有关机关报案、控告，并代为追回委托人的上述损失。" in fresh
    assert "\n代为向有管辖权的公安机关及其他有关机关报案、控告，提交报案材料" in fresh
