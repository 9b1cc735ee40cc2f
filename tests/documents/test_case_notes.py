"""case_notes: what the client and the lawyer are told, and no filed document is."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from factories import counterfeit_purchase, make_case
from restitution import documents
from restitution.case.load import load_case
from restitution.document import document_text
from restitution.pipeline.render import render_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATE = dt.date(2026, 11, 20)


def text(case, lang: str) -> str:
    return document_text(render_document(case, "case_notes", lang, DATE))


def test_every_case_has_notes_in_the_packet():
    for name in ("northwind-vanished", "harbour-hk", "lotus-settlement"):
        assert "case_notes" in documents.applicable(load_case(EXAMPLES / f"{name}.yaml"))


def test_the_notes_say_they_are_not_to_be_filed():
    zh, en = text(make_case(), "zh"), text(make_case(), "en")
    assert zh.startswith("案件备忘\n案件编号：NW-2026-0042\n委托人：Northwind Trading LLC（中文译名：北风贸易有限责任公司）\n对方当事人：深圳市荣耀示例科技有限公司\n"
                         "本备忘仅供委托人及其代理律师内部使用，不得随任何材料提交公安机关")
    assert en.startswith("Case Notes\nCase: NW-2026-0042\nClient: Northwind Trading LLC\n"
                         "Other party: Shenzhen Glory Tech Co., Ltd.\nFor the client and its lawyer only")


def test_parts_follow_what_the_case_can_make():
    case = load_case(EXAMPLES / "meridian-junk.yaml")
    zh = text(case, "zh")
    for heading in ("报案须知", "尚需补充的证据", "中文译本", "证据说明", "信用保障退款申请：发送前请核对",
                    "授权委托书的签署与认证"):
        assert f"\n{heading}\n" in zh
    # the bureau's deadlines counted from the date of the notes
    assert "以2026年11月20日报案计，最早的决定期限为2026年11月27日" in zh
    # no agent: no power of attorney part; no evidence: no evidence part
    bare = dataclasses.replace(case, agent=None, evidence=())
    zh = text(bare, "zh")
    assert "授权委托书的签署与认证" not in zh and "尚需补充的证据" not in zh


def test_a_case_with_nothing_to_warn_about_has_no_trade_assurance_part():
    case = make_case()
    paid_on_platform = tuple(dataclasses.replace(p, via_platform=True) for p in case.payments)
    case = dataclasses.replace(case, payments=paid_on_platform)
    assert "Trade Assurance claim: read before sending" not in text(case, "en")


def test_bilingual_notes_pair_the_two_languages():
    doc = render_document(make_case(), "case_notes", "bilingual", DATE)
    assert [lang.code for lang in doc.langs] == ["en", "zh"]


def test_payments_without_proof_are_listed():
    case = load_case(EXAMPLES / "northwind-vanished.yaml")
    assert "尚缺付款凭证的款项" not in text(case, "zh")  # its card statement is the last exhibit
    case = dataclasses.replace(case, evidence=case.evidence[:-1])
    zh, en = text(case, "zh"), text(case, "en")
    assert "尚缺付款凭证的款项" in zh and "2026年7月20日以Visa卡（尾号4242）支付的17,500.00美元" in zh
    assert "USD 17,500.00 paid by Visa card ending 4242 on 20 July 2026" in en
    assert "USD 7,500.00 paid by" not in en  # the wire has its advice (exhibit 3)


def test_hong_kong_record_goes_to_an_attesting_officer_not_to_legalisation():
    case = load_case(EXAMPLES / "harbour-hk.yaml")
    zh = document_text(render_document(case, "case_notes", "zh", dt.date(2026, 11, 20)))
    en = document_text(render_document(case, "case_notes", "en", dt.date(2026, 11, 20)))
    abroad, hong_kong = zh.split("在香港形成的文书", 1)
    abroad = abroad[abroad.rindex("境外形成的证据"):]
    assert "证据5" not in abroad and "即属此类" not in abroad
    assert "中国委托公证人" in hong_kong.split("。")[0] and "证据5即属此类" in hong_kong.split("。")[0]
    assert "China-Appointed Attesting Officer attests them" in en and "this concerns Exhibit 5" in en


def test_payments_are_named_by_date_and_amount_never_by_key_path():
    """The notes are the client's: a payment is the one made on a date, not ``payments[1]``."""
    import re
    case = load_case(EXAMPLES / "meridian-junk.yaml")
    zh, en = text(case, "zh"), text(case, "en")
    assert "存在平台外付款：2026年8月6日以电汇方式支付的4,500.00英镑。" in zh
    assert "Paid outside the platform: GBP 4,500.00 by" in en and "on 6 August 2026." in en
    for body in (zh, en):
        assert re.search(r"\b[a-z_]+\[\d+\]", body) is None


def test_a_reported_case_counts_from_the_recorded_report_not_the_notes_date():
    from stage_cases import stage_case

    zh = text(stage_case("reported"), "zh")  # reported on 2026-09-01, not yet decided
    assert "报案须知" not in zh and "报案及立案进展" in zh
    assert "已于2026年9月1日向" in zh
    assert "自2026年9月1日报案起算，上述期限分别于2026年9月8日、2026年10月1日、2026年10月31日届满。" in zh
    assert "2026年11月20日报案" not in zh
    refused = text(stage_case("refused"), "en")
    assert "the time to apply for reconsideration ends on 23 November 2026" in refused


def test_an_opened_settled_case_shows_the_restitution_and_guarantee_calendar():
    zh = text(load_case(Path(__file__).resolve().parents[2] / "examples" / "lotus-settlement.yaml"), "zh")
    assert "以2026年11月20日报案计" not in zh
    assert "公安机关已于2026年9月10日立案（立案文号：穗公白（经）立〔2026〕3321号）" in zh
    assert "第1期：人民币50,000.00元，2026年10月20日到期，已于2026年10月19日收到。" in zh
    assert "第2期：人民币30,000.00元，2026年12月20日到期，尚未收到。" in zh
    assert "第2期款项的保证期间至2027年6月20日届满" in zh and "第1期款项的保证期间" not in zh


def test_a_hong_kong_case_is_told_how_to_make_the_mainland_report_until_it_records_a_residence():
    from restitution.case.proceedings import Proceedings, Suspect

    case = make_case()
    hk = dataclasses.replace(case, supplier=dataclasses.replace(
        case.supplier, region="hong_kong", uscc=None, hk_company_no="3187702", province_zh=None, city_zh=None,
        district_zh=None, address="1 Example Road, Kowloon, Hong Kong"))
    assert "residence_province_zh" in text(hk, "zh")
    director = Suspect(name="Zheng Haoran", residence_province_zh="广东省", residence_city_zh="深圳市")
    recorded = dataclasses.replace(hk, proceedings=Proceedings(suspects=(director,)))
    assert "residence_province_zh" not in text(recorded, "zh")


def test_no_advice_on_a_police_report_the_plan_rules_out():
    """lawyer5 item 2: the packet leaves the report out, so the notes give no 报案须知 either."""
    assert "报案须知" in text(make_case(), "zh")
    zh = text(counterfeit_purchase(), "zh")
    assert "报案须知" not in zh and "委托人应以被害人（控告人）身份" not in zh
