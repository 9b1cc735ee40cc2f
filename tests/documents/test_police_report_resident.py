"""The mainland report on a Hong Kong company whose director lives in the mainland.

Third PRC lawyer's reading (kowloon-swift): the power of attorney authorised a mainland report and
the Hong Kong report said the mainland lawyer acts only in the mainland, yet no mainland report was
made although the sole director lives in Shenzhen.
"""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from factories import make_case

from restitution.case import model as m
from restitution.case.proceedings import PoliceReportFiled, Proceedings, Suspect
from restitution.document import document_text
from restitution.documents import police_report_resident
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document

DATE = dt.date(2026, 11, 20)
DIRECTOR = Suspect(name="Zheng Haoran", name_zh="郑浩然", id_no="440304198504114125", role="legal_representative")


def hong_kong(**residence) -> m.Case:
    case = make_case()
    supplier = dataclasses.replace(
        case.supplier, region="hong_kong", uscc=None, hk_company_no="3187702", province_zh=None, city_zh=None,
        district_zh=None, name="Victoria Harbour Components Limited", name_zh="維港元件有限公司",
        address="Room 1203, 88 Example Road, Mong Kok, Kowloon, Hong Kong", address_zh=None,
        legal_representative="ZHENG Haoran", legal_representative_zh="郑浩然")
    claim = dataclasses.replace(case.claim, cny_rate=case.claim.cny_rate or 7.1)
    return dataclasses.replace(case, supplier=supplier, claim=claim,
                               proceedings=Proceedings(suspects=(dataclasses.replace(DIRECTOR, **residence),)))


IN_SHENZHEN = dict(residence_province_zh="广东省", residence_city_zh="深圳市")


def text(case: m.Case, key: str, lang: str) -> str:
    return document_text(render_document(case, key, lang, DATE))


def test_made_only_when_a_suspect_lives_in_the_mainland():
    with pytest.raises(DocumentNotApplicable, match="residence_province_zh"):
        text(hong_kong(), "police_report_resident", "zh")
    assert police_report_resident.SPEC.in_packet(hong_kong(**IN_SHENZHEN))
    assert not police_report_resident.SPEC.in_packet(hong_kong())
    with pytest.raises(DocumentNotApplicable, match="its own bureau"):
        text(dataclasses.replace(make_case(), proceedings=Proceedings(
            suspects=(dataclasses.replace(DIRECTOR, **IN_SHENZHEN),))), "police_report_resident", "zh")


def test_addressed_to_the_city_bureau_of_the_residence_on_its_art_15_basis():
    zh = text(hong_kong(**IN_SHENZHEN, address_zh="深圳市南山区示例路1号"), "police_report_resident", "zh")
    assert "此致\n深圳市公安局经济犯罪侦查支队\n" in zh
    assert "其董事郑浩然（公民身份号码：440304198504114125）居住于广东省深圳市（住址：深圳市南山区示例路1号）" in zh
    assert "《公安机关办理刑事案件程序规定》（2020年修正）第十五条" in zh
    assert "由犯罪嫌疑人居住地的公安机关管辖更为适宜的，可以由犯罪嫌疑人居住地的公安机关管辖" in zh
    # PRC law, in Simplified Chinese: not the Hong Kong report's ordinances
    assert "合同诈骗" in zh and "盗窃罪条例" not in zh and "盜竊罪條例" not in zh
    assert "报案人将同时就同一事实向香港警务处报案" in zh
    en = text(hong_kong(**IN_SHENZHEN), "police_report_resident", "en")
    assert "Economic Crime Investigation Detachment, 深圳市公安局 (经济犯罪侦查支队)" in en
    assert "(2020 amendment), Art. 15" in en


def test_a_district_residence_goes_to_the_district_branch():
    zh = text(hong_kong(**IN_SHENZHEN, residence_district_zh="南山区"), "police_report_resident", "zh")
    assert "此致\n深圳市公安局南山区分局经济犯罪侦查大队\n" in zh and "居住于广东省深圳市南山区" in zh


def test_the_hong_kong_report_agrees_with_the_packet():
    with_mainland = text(hong_kong(**IN_SHENZHEN), "police_report", "zh")
    assert "報案人將同時就同一事實向深圳市公安局經濟犯罪偵查支隊報案" in with_mainland
    assert "內地律師僅代理內地的報案及追償事宜" in with_mainland
    # no mainland report in the packet: the Hong Kong report does not speak of one
    alone = text(hong_kong(), "police_report", "zh")
    assert "內地律師僅代理報案人在內地的追償事宜" in alone and "報案及追償" not in alone
    assert "civil recovery), not before" in text(hong_kong(), "police_report", "en")


def test_a_report_recorded_there_is_named_as_filed_and_not_made_again():
    filed = PoliceReportFiled(filed_on=dt.date(2026, 10, 1), authority_zh="香港警务处",
                              receipt_no="ERC2026100100123")
    case = hong_kong(**IN_SHENZHEN)
    case = dataclasses.replace(case, proceedings=dataclasses.replace(case.proceedings, police_report=filed))
    zh = text(case, "police_report_resident", "zh")
    assert "报案人已于2026年10月1日就同一事实向香港警务处报案（编号：ERC2026100100123）" in zh
    there = dataclasses.replace(filed, authority_zh="深圳市公安局经济犯罪侦查支队")
    case = dataclasses.replace(case, proceedings=dataclasses.replace(case.proceedings, police_report=there))
    assert not police_report_resident.SPEC.in_packet(case)


def test_a_mainland_identity_number_is_called_a_citizen_identity_number():
    """Fourth review N-6: a PRC resident identity card's number is a 公民身份号码; a passport keeps its label."""
    zh = text(hong_kong(**IN_SHENZHEN), "police_report_resident", "zh")
    assert "郑浩然（Zheng Haoran），董事，公民身份号码：440304198504114125" in zh
    assert "身份证件号码：440304198504114125" not in zh
    assert "(PRC citizen identity number 440304198504114125)" in text(hong_kong(**IN_SHENZHEN), "police_report_resident", "en")
    passport = hong_kong(**IN_SHENZHEN)
    passport = dataclasses.replace(passport, proceedings=Proceedings(suspects=(
        dataclasses.replace(passport.proceedings.suspects[0], id_no="E12345678"),)))
    assert "（身份证件号码：E12345678）" in text(passport, "police_report_resident", "zh")


def test_a_company_younger_than_its_first_annual_return_encloses_its_incorporation_form():
    """Fourth review N-6: a Hong Kong company incorporated less than a year before has no annual return yet."""
    young = hong_kong(**IN_SHENZHEN)
    young = dataclasses.replace(young, supplier=dataclasses.replace(young.supplier, registered_on=dt.date(2026, 3, 2)))
    zh, en = text(young, "police_report_resident", "zh"), text(young, "police_report_resident", "en")
    assert "香港公司注册处公司查册记录（公司资料及法团成立表格（NNC1））" in zh and "周年申报表" not in zh
    assert "(company particulars and incorporation form (NNC1))" in en
    old = dataclasses.replace(young, supplier=dataclasses.replace(young.supplier, registered_on=dt.date(2019, 3, 2)))
    assert "（公司资料及最近一期周年申报表）" in text(old, "police_report_resident", "zh")
