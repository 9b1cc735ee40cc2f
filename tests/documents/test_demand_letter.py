"""The demand letter: what makes it lawful and effective, in both languages (domain.md §D, pitfall 9).

A 律师函 only from a law firm, with its letter number and seal; the supplier by
its full registered name and USCC; the claim in figures and 大写 with the RMB
equivalent; a dated deadline; the payee account; CIETAC only with a CIETAC
clause; Trade Assurance only when the order can use it.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal
from decimal import Decimal as D
from pathlib import Path

import pytest
from factories import counterfeit_purchase, make_case, per_payment_rates

from restitution.case import model as m
from restitution.case import proceedings as proc
from restitution.case.load import load_case
from restitution.document import document_text
from restitution.documents import demand_letter as dl
from restitution.errors import DocumentNotApplicable
from restitution.formatting import to_traditional
from restitution.pipeline.render import render_document
from restitution.rules.reason import bundled

DATE = dt.date(2026, 11, 20)
EXAMPLES = Path(__file__).resolve().parents[2] / "examples"


def text(case: m.Case, lang: str, date: dt.date = DATE) -> str:
    return document_text(render_document(case, "demand_letter", lang, date))


def replace(case: m.Case, part: str, **changes) -> m.Case:
    return dataclasses.replace(case, **{part: dataclasses.replace(getattr(case, part), **changes)})


def agent_case(**agent_changes) -> m.Case:
    case = replace(make_case(), "claim", sender="agent")
    return replace(case, "agent", **agent_changes) if agent_changes else case


# ------------------------------------------------------------------ who sends it


def test_client_letter_is_a_demand_letter_never_a_lawyers_letter():
    case = make_case()  # claim.sender defaults to the client
    zh, en = text(case, "zh"), text(case, "en")
    assert "催告函" in zh and "律师函" not in zh
    assert "Demand Letter" in en and "Lawyer's Letter" not in en
    assert "Northwind Trading LLC（中文译名：北风贸易有限责任公司，以下简称“我方”）" in zh
    assert "授权代表（签字）：Jane Doe，首席执行官" in zh


def test_agent_letter_is_issued_by_the_firm_with_number_instruction_and_seal():
    case = agent_case(letter_no="（2026）示律函字第0118号")
    zh, en = text(case, "zh"), text(case, "en")
    assert "律师函" in zh and "（2026）示律函字第0118号" in zh
    assert "示例律师事务所依法接受委托人的委托，指派李明律师出具本律师函" in zh
    assert "示例律师事务所（盖章）" in zh and "执业证号：11101201910000000" in zh
    assert "Lawyer's Letter" in en and "Our ref.: （2026）示律函字第0118号" in en
    assert "Example & Partners Law Firm (seal)" in en


def test_letter_number_is_derived_from_the_firm_year_and_case_id_when_not_given():
    zh = text(agent_case(letter_no=None), "zh")
    assert "（2026）示律函字第0042号" in zh
    assert dl.derive_letter_no("北京市金杜律师事务所", "AB-2027-7", 2027) == "（2027）金律函字第0007号"
    assert dl.derive_letter_no("示例律师事务所", "no-digits", 2026) is None


def test_running_header_repeats_the_letters_own_number_never_the_internal_file_number():
    # A sent letter's later pages carry the reference of its head (the 发函号), not the firm's
    # internal file number (the case id); a letter the client sends carries none.
    case = agent_case(letter_no="（2026）示律函字第0118号")
    for lang in ("zh", "en"):
        assert render_document(case, "demand_letter", lang, DATE).case_id == "（2026）示律函字第0118号"
    assert render_document(agent_case(letter_no=None), "demand_letter", "zh", DATE).case_id == "（2026）示律函字第0042号"
    own = make_case()
    assert render_document(own, "demand_letter", "zh", DATE).case_id is None
    # the client's and the firm's own papers keep the file number
    assert render_document(own, "case_plan", "zh", DATE).case_id == own.id


def test_a_hong_kong_letters_running_header_prints_the_number_as_its_first_page_does():
    # The whole Hong Kong letter is Traditional, its first page's 发函号 included; the running
    # header of the later pages carries that same number, never a Simplified twin.
    case = replace(agent_case(letter_no=None), "supplier", region="hong_kong", uscc=None,
                   hk_company_no="3217845", name_zh="維港冠峰家品有限公司", province_zh=None,
                   city_zh=None, district_zh=None)
    for lang in ("zh", "en"):
        doc = render_document(case, "demand_letter", lang, DATE)
        assert doc.case_id == "（2026）示律函字第0042號"
        assert doc.case_id in document_text(doc)


def test_agent_letter_without_an_agent_is_refused_by_name():
    case = dataclasses.replace(make_case(), agent=None)
    case = replace(case, "claim", sender="agent")
    with pytest.raises(DocumentNotApplicable, match="claim.sender"):
        text(case, "zh")


def test_a_letter_without_a_payee_account_is_refused():
    case = replace(make_case(), "claim", refund_account=None)
    with pytest.raises(DocumentNotApplicable, match="claim.refund_account"):
        text(case, "en")


# ------------------------------------------------------------------ recipient, amount, deadline


def test_supplier_named_in_full_with_its_uscc():
    zh, en = text(make_case(), "zh"), text(make_case(), "en")
    assert "致：深圳市荣耀示例科技有限公司（Shenzhen Glory Tech Co., Ltd.）" in zh
    assert "统一社会信用代码：91440300MA5G7K2Q1G" in zh
    assert "To: Shenzhen Glory Tech Co., Ltd. (深圳市荣耀示例科技有限公司)" in en
    assert "Unified Social Credit Code: 91440300MA5G7K2Q1G" in en


def uk_buyer(case: m.Case | None = None) -> m.Case:
    """The factory case with a UK buyer: no CISG, so the Civil Code's notice of termination."""
    return replace(case or make_case(), "client", country="GB")


def reachable(case: m.Case) -> m.Case:
    """A seller that still answers, with signs of fraud (a false address, registered just before
    the order): the letter may announce the criminal report."""
    return replace(replace(case, "outcome", seller_unreachable=False), "indicators", vanished_after_payment=False,
                   fake_address=True, recently_registered=True)


def test_no_criminal_report_is_threatened_when_the_case_reads_as_a_civil_dispute():
    # A seller that answers and shows no sign of fraud: the plan reads a civil dispute, so the
    # letter keeps to the civil remedies, even when the case asks for the announcement (in Hong
    # Kong a demand backed by an unfounded criminal complaint may come near Theft Ordinance s.23).
    plain = replace(replace(make_case(), "outcome", seller_unreachable=False), "indicators",
                    vanished_after_payment=False)
    for case in (plain, replace(plain, "claim", announce_report=True)):
        zh, en = text(case, "zh"), text(case, "en")
        assert "报案" not in zh and "合同诈骗" not in zh and "police" not in en.lower()
        assert "向有管辖权的人民法院提起诉讼" in zh
    hk = replace(plain, "supplier", region="hong_kong", uscc=None, hk_company_no="3217845",
                 name="Harbour Pearl Trading Limited", name_zh="港珠貿易有限公司",
                 address="Unit 1208, 88 Example Road, Kwun Tong, Kowloon, Hong Kong",
                 address_zh=None, province_zh=None, city_zh=None, district_zh=None)
    zh, en = text(hk, "zh"), text(hk, "en")
    assert "警務處" not in zh and "盜竊罪條例" not in zh and "Theft Ordinance" not in en
    assert "向有管轄權的法院提起訴訟" in zh


def test_counterfeits_below_every_filing_figure_threaten_the_court_and_the_market_regulator():
    """lawyer5 item 3: the letter threatened "以贵司涉嫌合同诈骗为由……报案" although the plan ruled a
    criminal report out (a civil dispute, RMB 3,594 of counterfeits): court action and a complaint to
    the market regulator instead; a business buyer reports (举报), a consumer complains and reports."""
    case = replace(counterfeit_purchase(), "claim", sender="agent")
    zh, en = text(case, "zh"), text(case, "en")
    assert "报案" not in zh and "合同诈骗" not in zh and "police" not in en.lower()
    assert ("依法采取以下措施：\n向有管辖权的人民法院提起诉讼，要求贵司返还全部款项并赔偿损失；\n"
            "向贵司住所地的市场监督管理部门投诉举报。\n上述措施可同时或先后采取") in zh
    assert "file a complaint and a report against you with the market regulation bureau of your registered address." in en
    business = replace(case, "client", kind="company", name="Northwind Trading LLC")
    assert "\n向贵司住所地的市场监督管理部门举报，请求依法查处。\n" in text(business, "zh")
    # not delivered at all: nothing for the regulator, the court alone
    gone = replace(case, "outcome", kind="not_delivered", delivered_on=None)
    assert "市场监督管理部门" not in text(gone, "zh") and dl.regulator(gone, False) is None


def test_amount_in_figures_words_with_rmb_for_reference():
    zh, en = text(uk_buyer(), "zh"), text(uk_buyer(), "en")
    assert "返还已付货款25,000.00美元（大写：美元贰万伍仟元整；" in zh
    assert "约合人民币177,500.00元，仅供参考）" in zh
    assert "；按2026年11月20日汇率1美元兑人民币7.10元估算，约合人民币177,500.00元，仅供参考）" in zh
    assert "中间价" not in zh  # a rate the case gives for one day is not called a published central parity
    assert ("repay USD 25,000.00 (twenty-five thousand US dollars; about CNY 177,500.00, estimated at USD 1 = CNY 7.10 "
            "(rate of 20 November 2026), for reference only)") in en
    parity = text(per_payment_rates(uk_buyer()), "zh")
    assert "（大写：美元贰万伍仟元整；按各笔款项到账当日人民币汇率中间价折算，合人民币178,225.00元）" in parity
    assert "各笔付款之日起至实际返还之日止的利息" in zh and "with interest on it from the date" in en


def test_deadline_runs_from_receipt_with_a_latest_date():
    # 20 November + 10 days for delivery + 15 = 15 December 2026, a Tuesday
    assert "自收到本函之日起15日内（且最迟不晚于2026年12月15日）" in text(uk_buyer(), "zh")
    assert "within 15 days of your receipt of this letter, and in any event by 15 December 2026" \
        in text(uk_buyer(), "en")
    thirty = replace(uk_buyer(), "claim", deadline_days=30)
    assert "自收到本函之日起30日内（且最迟不晚于2026年12月30日）" in text(thirty, "zh")
    # a latest date on a weekend moves to the Monday
    assert dl.latest_date(DATE, 6) == dt.date(2026, 12, 7)


def test_refund_account_is_printed():
    zh = text(make_case(), "zh")
    for line in ("户名：Northwind Trading LLC", "账号：000123456789", "SWIFT代码：FEXBUS33"):
        assert line in zh


def test_facts_are_in_date_order_whatever_the_case_order():
    case = make_case()
    case = dataclasses.replace(case, facts=tuple(reversed(case.facts)))
    zh = text(case, "zh")
    assert zh.index("2026年5月28日，贵司报价") < zh.index("2026年6月2日，【待译】")


# ------------------------------------------------------------------ consequences


def test_cietac_only_with_a_cietac_clause():
    none = make_case()
    zh, en = text(none, "zh"), text(none, "en")
    assert "仲裁" not in zh and "CIETAC" not in en and "arbitration" not in en
    assert "向有管辖权的人民法院提起诉讼" in zh and "competent people's court" in en
    cietac = replace(none, "order", arbitration_clause="cietac")
    zh, en = text(cietac, "zh"), text(cietac, "en")
    assert "向中国国际经济贸易仲裁委员会申请仲裁" in zh and "人民法院" not in zh
    assert "China International Economic and Trade Arbitration Commission (CIETAC)" in en
    other = replace(none, "order", arbitration_clause="other")
    assert "中国国际经济贸易仲裁委员会" not in text(other, "zh")


def test_criminal_report_cites_article_224_for_a_mainland_supplier():
    zh = text(reachable(uk_buyer()), "zh")
    assert "《中华人民共和国刑法》" in zh and "第二百二十四条" in zh
    assert "《中华人民共和国民法典》（2020年）第五百六十三条第一款第（四）项" in zh


def _platform_paid(case: m.Case) -> m.Case:
    first = dataclasses.replace(case.payments[0], via_platform=True)
    return dataclasses.replace(case, payments=(first,) + case.payments[1:])


def test_trade_assurance_only_when_the_order_can_use_it():
    covered = _platform_paid(make_case())
    zh, en = text(covered, "zh"), text(covered, "en")
    assert "阿里巴巴可代贵司先行向我方退款，再向贵司追偿" in zh
    assert "Trade Assurance refund" in en and "recover the amount from you" in en
    # the claim has its own 30 days (domain.md §F): made with the letter, not a step after its deadline (lawyer4 N8)
    assert "我方现同时就同一订单" in zh and "申请信用保障退款" in zh.split("四、")[0]
    assert "信用保障" not in zh.split("四、")[1] and "Trade Assurance" not in en.split("4. If you do not pay")[1]
    assert "is at the same time applying to Alibaba.com for a Trade Assurance refund" in en
    not_ta = replace(covered, "order", trade_assurance=False)
    assert "信用保障" not in text(not_ta, "zh")
    assert "Trade Assurance" not in text(not_ta, "en")
    # a Trade Assurance order paid only outside the platform: no claim to threaten
    outside = make_case()
    assert "信用保障退款" not in text(outside, "zh")


def test_a_filed_trade_assurance_claim_is_credited_not_threatened():
    # The claim already filed is named, with what the platform refunds deducted (no double
    # recovery), and not announced again among the consequences.
    filed = dataclasses.replace(_platform_paid(make_case()), proceedings=proc.Proceedings(
        trade_assurance_claim=proc.TradeAssuranceFiled(filed_on=dt.date(2026, 9, 10))))
    zh, en = text(filed, "zh"), text(filed, "en")
    assert "我方已于2026年9月10日就同一订单" in zh and "向阿里巴巴国际站提出信用保障退款申请。如经平台退款" in zh
    assert "已退还的金额将从本函所主张的款项中相应扣减，我方不就同一款项重复受偿" in zh
    assert zh.count("信用保障退款申请") == 1
    assert "The Buyer applied to Alibaba.com for a Trade Assurance refund on the same order" in en
    assert "deducted from the sum demanded in this letter" in en and "apply to Alibaba.com" not in en


def test_an_earlier_notice_of_non_conformity_is_recalled_before_the_avoidance():
    # CISG Arts. 39(1), 49(2)(b): a seller answers a late avoidance with "you never complained";
    # the notice the case records is said first, with the e-mail of the seller's answer.
    case = replace(make_case(), "outcome", kind="not_as_described", delivered_on=dt.date(2026, 8, 1))
    answer = m.Exhibit(kind="emails", title="The seller's answer", number=2, title_zh="卖方回复邮件",
                       date=dt.date(2026, 8, 12))
    told = dataclasses.replace(case, evidence=case.evidence + (answer,), proceedings=proc.Proceedings(
        nonconformity_notice=proc.NonConformityNotice(sent_on=dt.date(2026, 8, 5), answered_on=dt.date(2026, 8, 12))))
    zh, en = text(told, "zh"), text(told, "en")
    said = "我方已于2026年8月5日将货物不符的情况通知贵司（公约第三十九条第一款），贵司于2026年8月12日回复（证据2）。"
    assert said in zh and zh.index(said) < zh.index("特此宣告合同无效")
    assert ("The Buyer notified you on 5 August 2026 that the goods do not conform to the contract "
            "(CISG Art. 39(1)), and you answered on 12 August 2026 (Exhibit 2).") in en
    assert "货物不符的情况通知贵司" not in text(case, "zh") and "notified you" not in text(case, "en")


def test_exhibits_are_cited_by_their_numbers():
    case = make_case()
    proof = m.Exhibit(kind="payment_proof", title="Wire advice FT26156XYZ", number=2, title_zh="电汇凭证")
    case = dataclasses.replace(case, evidence=case.evidence + (proof,))
    zh, en = text(case, "zh"), text(case, "en")
    assert "付款凭证见证据2" in zh and "证据1、证据2为证" in zh
    # the card payment has no proof exhibit: each payment names its own (lawyer4 N8)
    assert "proof of the USD 7,500.00 paid on 5 June 2026: Exhibit 2" in en and "Exhibits 1 and 2" in en


def test_hong_kong_supplier_gets_traditional_chinese_and_hong_kong_law():
    case = replace(reachable(make_case()), "supplier", region="hong_kong", uscc=None, hk_company_no="3217845",
                   name="Harbour Pearl Trading Limited", name_zh="港珠貿易有限公司",
                   address="Unit 1208, 88 Example Road, Kwun Tong, Kowloon, Hong Kong",
                   address_zh=None, province_zh=None, city_zh=None, district_zh=None)
    zh, en = text(case, "zh"), text(case, "en")
    assert "《盜竊罪條例》（第210章）第16A條" in zh and "香港公司註冊處編號：3217845" in zh
    assert "公安" not in zh and "人民法院" not in zh
    assert "Theft Ordinance (Cap. 210), s.16A" in en and "public security" not in en
    assert "民法典" not in zh and "Civil Code" not in en


def _hong_kong_common_law(**supplier) -> m.Case:
    case = replace(reachable(make_case()), "supplier", region="hong_kong", uscc=None, hk_company_no="3217845",
                   name="Harbour Pearl Trading Limited", name_zh="港珠貿易有限公司",
                   address="Unit 1208, 88 Example Road, Kwun Tong, Kowloon, Hong Kong", address_zh=None,
                   province_zh=None, city_zh=None, district_zh=None, legal_representative="Chan Tai Man",
                   legal_representative_zh="陳大文", **supplier)
    return replace(case, "order", cisg=False)


def test_hong_kong_seller_under_hong_kong_law_in_plain_chinese():
    case = _hong_kong_common_law()
    zh, en = text(case, "zh"), text(case, "en")
    section = zh[zh.index("二、解除合同"):zh.index("三、")]
    # a mainland letter draws no conclusion of Hong Kong law: the competent court decides the
    # governing law, and the conflict-of-laws statute is cited with its year
    assert "依據香港法律" not in section and "依香港法律" not in section and "受香港法律管轄" not in section
    assert "合同適用的法律由有管轄權的法院依法確定" in section
    assert "《中華人民共和國涉外民事關係法律適用法》（2010年）第四十一條" in section
    assert "並未約定適用的法律" in section and "請於回覆時指明" in section
    assert "relies on Hong Kong law" not in en and "under Hong Kong law" not in en
    assert "for the competent court to determine" in en and "Foreign-Related Civil Relations (2010), Art. 41" in en
    # registered there, not said to operate there (the packet may show it trades from the mainland)
    assert "貴司為在香港註冊成立的公司" in section and "經營" not in section
    assert "incorporated in Hong Kong" in en and "do business in Hong Kong" not in en
    # no English term inside the Chinese, no unexplained jargon
    assert "repudiat" not in section.lower() and not re.search(r"[（(][A-Za-z][A-Za-z ]+[）)]", section)
    assert "對價" not in zh and "落空" not in zh
    assert "terminates the contract" in en and "wholly failed" not in en
    # a Hong Kong company has a director and a registered office, not 負責人 / 住所
    assert "董事：陳大文" in zh and "負責人" not in zh
    assert "註冊辦事處地址：Unit 1208" in zh and "住所：Unit" not in zh
    assert "Director: Chan Tai Man" in en
    assert render_document(case, "demand_letter", "bilingual", DATE).langs[0].code == "en"


# ------------------------------------------------------------------ bilingual pairing


VARIANTS = {
    "client": make_case(),
    "agent": agent_case(),
    "cietac_ta": _platform_paid(replace(make_case(), "order", arbitration_clause="cietac")),
    "no_facts_no_goods": dataclasses.replace(
        replace(make_case(), "order", goods=(), number=None), facts=()),
    "individual": replace(make_case(), "client", kind="individual", representative=None),
}


@pytest.mark.parametrize("name", sorted(VARIANTS))
def test_english_and_chinese_pair_block_by_block(name):
    doc = render_document(VARIANTS[name], "demand_letter", "bilingual", DATE)
    assert tuple(map(str, doc.langs)) == ("en", "zh")


@pytest.mark.parametrize("name", ["northwind-vanished", "meridian-junk", "harbour-hk", "lotus-settlement"])
def test_examples_render_in_every_language(name):
    case = load_case(EXAMPLES / f"{name}.yaml")
    title = "律师函" if case.claim.sender == "agent" else "催告函"
    if case.supplier.region == "hong_kong":
        title = to_traditional(title)
    # under a settlement the letter is made once an instalment is overdue
    when = max(i.due for i in case.settlement.schedule) + dt.timedelta(days=1) if case.settlement else DATE
    zh = document_text(render_document(case, "demand_letter", "zh", when))
    assert title in zh and (case.supplier.name_zh or case.supplier.name) in zh
    en = document_text(render_document(case, "demand_letter", "en", when))
    assert case.supplier.name in en
    assert render_document(case, "demand_letter", "bilingual", when).langs[0].code == "en"



# --- by stage (case/stage.py) ------------------------------------------------------------

def test_under_a_settlement_demands_only_instalments_already_due_and_unpaid():
    from stage_cases import stage_case

    case = stage_case("settled_partial")  # 10,000 received; 10,000 due 2026-12-15
    late = dt.date(2026, 12, 20)
    en = document_text(render_document(case, "demand_letter", "en", late))
    zh = document_text(render_document(case, "demand_letter", "zh", late))
    assert "instalment 2, due on 15 December 2026: USD 10,000.00 unpaid." in en
    assert ("Under the settlement agreement you owe USD 20,000.00, of which USD 10,000.00 has been paid; "
            "USD 10,000.00 of it has fallen due and is unpaid.") in en
    # no RMB figure under a settlement (fifth reading, item 15)
    assert "you and the guarantors pay USD 10,000.00 (ten thousand US dollars), into" in en
    assert "第2期：约定于2026年12月15日支付，尚欠10,000.00美元。" in zh
    assert "其中已到期未付的款项为10,000.00美元。" in zh and "向我方支付10,000.00美元（大写：美元壹万元整）。" in zh
    assert "未依约支付已到期的全部款项" not in zh


def test_under_a_settlement_nothing_overdue_is_refused_with_its_location():
    from stage_cases import stage_case

    case = stage_case("settled_partial")
    with pytest.raises(DocumentNotApplicable, match="next unpaid instalment is due on 2026-12-15") as err:
        render_document(case, "demand_letter", "zh", dt.date(2026, 12, 15))  # due today: not yet late
    assert err.value.location.path == "settlement.schedule"


def test_under_a_settlement_the_packet_skips_the_letter_saying_why():
    from stage_cases import stage_case
    from restitution.pipeline.render import produce

    case = stage_case("settled_partial")
    early = produce(case, None, ["en"], ["pdf"], dt.date(2026, 11, 20))
    assert [r for k, r in early.skipped if k == "demand_letter"][0].startswith("no instalment of the settlement is overdue")
    late = produce(case, ["demand_letter"], ["en"], ["pdf"], dt.date(2026, 12, 20))
    assert len(late.files) == 1


def test_a_reported_case_is_never_threatened_with_a_report_and_guarantors_are_addressed():
    from stage_cases import stage_case

    case = stage_case("settled_partial")  # reported and opened
    late = dt.date(2026, 12, 20)
    en = document_text(render_document(case, "demand_letter", "en", late))
    zh = document_text(render_document(case, "demand_letter", "zh", late))
    assert "report you" not in en and "报案" not in zh.split("四、逾期不履行的后果")[1]
    assert "To the guarantor: Zhang Si (PRC identity card no. 110105195001010012, brother of Zhang San)" in en
    assert "致保证人：张四（公民身份号码110105195001010012，张三之弟）" in zh
    assert "第五百七十七条" in zh.split("四、逾期不履行的后果")[1]
    # a general guarantee (unstated) is not pleaded as a joint one under Art. 688
    assert "第六百八十八条" not in zh
    joint = dataclasses.replace(case, settlement=dataclasses.replace(case.settlement, payers=tuple(
        dataclasses.replace(p, guarantee="joint") for p in case.settlement.payers)))
    zh = document_text(render_document(joint, "demand_letter", "zh", late))
    assert "依据同法第六百八十八条要求连带责任保证人张四承担保证责任" in zh
    # without a settlement, a recorded report is not threatened either
    opened = stage_case("opened")
    en = document_text(render_document(opened, "demand_letter", "en", late))
    assert "report you" not in en


def test_paid_in_full_there_is_nothing_to_demand():
    from stage_cases import stage_case

    with pytest.raises(DocumentNotApplicable, match="paid in full"):
        render_document(stage_case("settled_paid"), "demand_letter", "en", dt.date(2026, 11, 20))
def test_date_and_reference_stand_at_the_top_of_the_english_letter():
    """An English letter opens with its date above the addressee and gives its reference
    under the title, before the salutation. (The Chinese letter dates itself by the seal;
    its blocks are unchanged, so a firm's own English template still pairs with it.)"""
    case = agent_case(letter_no="（2026）示律函字第0118号")
    en = text(case, "en")
    assert en.index("20 November 2026") < en.index("To: ") < en.index("Our ref.: （2026）示律函字第0118号") \
        < en.index("Dear Sir or Madam")
    own = text(make_case(), "en")  # the buyer's own letter: a date, no reference
    assert own.index("20 November 2026") < own.index("To: ") and "Our ref." not in own


# ------------------------------------------------------------------ what a lawyer found (meridian)


@pytest.fixture(scope="module")
def meridian() -> m.Case:
    return load_case(EXAMPLES / "meridian-junk.yaml")


def test_no_trade_assurance_threat_once_the_window_has_closed(meridian):
    """Receipt confirmed on 22 September: the 30 days ended on 22 October, before the letter."""
    zh, en = text(meridian, "zh"), text(meridian, "en")
    assert "信用保障" not in zh.split("四、")[1] and "Trade Assurance" not in en.split("4. If you do not pay")[1]
    # the forum is then the last step, and the list ends with a full stop
    assert "要求贵司返还全部款项并赔偿损失。\n" in zh and "compensation for the loss.\n" in en
    # confirmed ten days before the letter: the claim is still open and is named
    open_ = replace(meridian, "outcome", receipt_confirmed_on=dt.date(2026, 11, 10))
    assert "向阿里巴巴国际站申请信用保障退款。" in text(open_, "zh").split("四、")[0]


def test_a_card_payment_a_chargeback_may_return_is_credited(meridian):
    zh, en = text(meridian, "zh"), text(meridian, "en")
    assert ("上述款项中，2026年7月4日以万事达卡（尾号5510）支付的1,900.00英镑，如经发卡机构通过拒付（chargeback）"
            "程序退还我方，已退还的金额将从上述款项中相应扣减") in zh
    assert "the GBP 1,900.00 paid by Mastercard card ending 5510 on 4 July 2026 may be refunded" in en
    # a chargeback already lost returns nothing: no credit is promised
    lost = dataclasses.replace(meridian, proceedings=proc.Proceedings(chargebacks=(
        proc.ChargebackFiled(payment=0, filed_on=dt.date(2026, 10, 1), result="lost"),)))
    assert "拒付" not in text(lost, "zh") and "chargeback" not in text(lost, "en")
    # a wire only: nothing to credit
    assert "拒付" not in text(make_case(), "zh")


def test_delivered_goods_are_held_at_the_sellers_disposal(meridian):
    zh, en = text(meridian, "zh"), text(meridian, "en")
    assert "贵司交付的货物现由我方妥为保管，听候贵司处置" in zh and "恢复原状（同法第五百六十六条第一款）" in zh
    assert "运输及相关费用由贵司承担" in zh and "at your disposal" in en and "Art. 566(1)" in en
    # under the CISG: concurrent restitution, Art. 81(2), and the buyer preserves them, Art. 86(1)
    # a buyer in Germany buying for its business (a consumer's purchase is outside it: Art. 2(a))
    cisg = replace(replace(meridian, "client", country="DE"), "order", for_resale=True)
    zh_cisg = text(cisg, "zh")
    assert "公约第八十六条第一款" in zh_cisg and "双方应同时返还各自所受领的货物和价款（公约第八十一条第二款）" in zh_cisg
    # nothing delivered: nothing to hold
    assert "听候贵司处置" not in text(make_case(), "zh")


def test_the_outcome_reads_with_que_in_its_place(meridian):
    zh = text(meridian, "zh")
    assert "贵司交付的货物却与合同约定的规格明显不符" in zh and "贵司却交付" not in zh
    counterfeit = replace(meridian, "outcome", kind="counterfeit")
    assert "贵司交付的货物却是假冒产品" in text(counterfeit, "zh")


def test_a_card_payments_merchant_descriptor_is_never_printed_as_its_reference():
    en, zh = text(make_case(), "en"), text(make_case(), "zh")
    assert "20 July 2026 | USD 17,500.00 | Visa card ending 4242 | —\n" in en
    assert "GLORYTECH SZ" not in en and "GLORYTECH SZ" not in zh


def test_the_settlement_letter_pairs_english_and_chinese_block_by_block():
    from stage_cases import stage_case

    doc = render_document(stage_case("settled_partial"), "demand_letter", "bilingual", dt.date(2026, 12, 20))
    assert tuple(map(str, doc.langs)) == ("en", "zh")


def test_a_company_that_did_not_sign_the_settlement_is_held_to_the_sale_contract():
    """settlement.supplier_signed: false: the relatives signed, the company did not. The letter says
    who signed and when, claims against the guarantors under the agreement, and against the
    company under the sale contract (Civil Code Arts. 577, 584), never "贵司已与委托人达成和解协议"."""
    case = load_case(EXAMPLES / "lotus-settlement.yaml")
    assert case.settlement.signed_on == dt.date(2026, 10, 12) and case.settlement.supplier_signed is False
    when = dt.date(2026, 12, 27)
    zh = document_text(render_document(case, "demand_letter", "zh", when))
    en = document_text(render_document(case, "demand_letter", "en", when))
    assert "贵司已与委托人达成和解协议" not in zh and "贵司未按和解协议约定的期限付款" not in zh
    assert "以和解协议而非原买卖合同为准" not in zh
    assert "林德福和林晓燕已于2026年10月12日与委托人签订和解协议" in zh and "并承担连带保证责任" in zh
    assert ("贵司并非和解协议的签约方，和解协议不免除贵司的责任：贵司仍应依原买卖合同返还委托人已付货款并赔偿损失"
            "（《中华人民共和国民法典》（2020年）第五百七十七条、第五百八十四条）") in zh
    assert "并依原买卖合同要求贵司返还货款、赔偿损失" in zh
    assert "You entered into a settlement agreement" not in en
    assert "On 12 October 2026 Lin Defu and Lin Xiaoyan signed a settlement agreement with our client" in en
    assert "You are not a party to the settlement agreement, and it does not release you" in en
    # the company signed: the agreement fixes what it owes, as before, with its date
    signed = dataclasses.replace(case, settlement=dataclasses.replace(case.settlement, supplier_signed=True))
    zh = document_text(render_document(signed, "demand_letter", "zh", when))
    assert "贵司已于2026年10月12日与委托人达成和解协议" in zh and "委托人现依和解协议主张已到期款项" in zh
    assert render_document(case, "demand_letter", "bilingual", when).blocks


def test_who_signed_to_pay_for_a_company_that_did_not_sign_is_addressed_too():
    case = load_case(EXAMPLES / "lotus-settlement.yaml")
    payer = m.Payer(name="Lin Xiaoyan", name_zh="林晓燕", relation="elder sister of Lin Zhiwei",
                    relation_zh="林志伟之姐", role="payer")
    one_of_each = dataclasses.replace(case, settlement=dataclasses.replace(
        case.settlement, payers=(case.settlement.payers[0], payer)))
    when = dt.date(2026, 12, 27)
    zh = document_text(render_document(one_of_each, "demand_letter", "zh", when))
    en = document_text(render_document(one_of_each, "demand_letter", "en", when))
    assert "致保证人：林德福" in zh and "致代为付款人：林晓燕" in zh
    assert "要求贵司及保证人、代为付款人自收到本函之日起" in zh
    assert "其中林德福承担连带保证责任" in zh
    assert "To the payer under the settlement: Lin Xiaoyan" in en
    assert "you, the guarantors and the payers under the settlement pay" in en



def test_a_person_who_signed_in_his_own_name_beside_the_company_is_addressed_and_named():
    """Fifth reading (maple): the settlement was signed by the legal representative, a suspect, in his own
    name, yet the letter was addressed to the company alone and said only "贵司已…达成和解协议"."""
    from stage_cases import stage_case

    case = stage_case("settled_partial")  # the company signed; guarantor 张四; 10,000 of 20,000 received
    zheng = m.Payer(name="Zhang San", name_zh="张三", relation="legal representative of the seller",
                    relation_zh="该公司法定代表人", id_no="11010519491231002X", role="payer")
    signed = dataclasses.replace(case, settlement=dataclasses.replace(
        case.settlement, signed_on=dt.date(2026, 10, 1), supplier_signed=True, payers=(zheng,)))
    late = dt.date(2026, 12, 20)
    zh = document_text(render_document(signed, "demand_letter", "zh", late))
    en = document_text(render_document(signed, "demand_letter", "en", late))
    assert "致：张三（公民身份号码11010519491231002X，该公司法定代表人）" in zh
    assert "贵司及张三已于2026年10月1日与我方达成和解协议" in zh
    assert "贵司及张三未按和解协议约定的期限付款" in zh and "要求贵司及张三自收到本函之日起" in zh
    assert "依和解协议，贵司及张三应支付20,000.00美元" in zh and "Under the settlement agreement you and Zhang San owe" in en
    assert "要求贵司及张三支付到期款项并承担违约责任" in zh
    assert "To: Zhang San (PRC identity card no. 11010519491231002X, legal representative of the seller)" in en
    assert "You and Zhang San entered into a settlement agreement" in en
    assert "you and Zhang San pay USD 10,000.00" in en
    # a guarantor is addressed with his identity document too
    guaranteed = dataclasses.replace(case, settlement=dataclasses.replace(case.settlement, payers=(
        case.settlement.payers[0], zheng)))
    zh = document_text(render_document(guaranteed, "demand_letter", "zh", late))
    assert "致保证人：张四（公民身份号码110105195001010012，张三之弟）" in zh
    assert "要求贵司、张三及保证人自收到本函之日起" in zh


def test_under_a_settlement_no_rmb_figure_no_clause_on_sums_not_yet_due_and_a_closed_list():
    """Fifth reading (maple): "尚未到期的款项，应按和解协议约定的期限支付" with nothing left undue; a November
    instalment converted to RMB at an April payment's rate; the last consequence ending with "；"."""
    from stage_cases import stage_case

    case = stage_case("settled_partial")  # 10,000 received; instalment 2 of 10,000 due 2026-12-15: the last
    late = dt.date(2026, 12, 20)
    zh = document_text(render_document(case, "demand_letter", "zh", late))
    en = document_text(render_document(case, "demand_letter", "en", late))
    assert "尚未到期的款项" not in zh and "not yet due" not in en
    assert "向我方支付10,000.00美元（大写：美元壹万元整）。" in zh and "人民币" not in zh.split("三、催告事项")[1]
    assert "CNY" not in en.split("3. ")[1].split("4. ")[0]
    assert dl.context(case, bundled("zh"), late).cny.amount is None
    consequences = zh.split("四、逾期不履行的后果")[1].split("上述措施")[0]
    assert consequences.rstrip().endswith("未获履行、退赔款项未付清的情况。")
    assert en.split("4. If you do not pay")[1].split("These steps")[0].rstrip().endswith("the restitution is unpaid.")
    # three instalments, the last not yet due: the clause stays
    s = case.settlement
    three = dataclasses.replace(case, settlement=dataclasses.replace(s, agreed_amount=Decimal("30000.00"), schedule=(
        s.schedule + (m.Instalment(dt.date(2027, 2, 15), Decimal("10000.00")),))))
    zh = document_text(render_document(three, "demand_letter", "zh", late))
    assert "尚未到期的款项，应按和解协议约定的期限支付。" in zh


# --- a seller in default of a settlement it signed (lakeside) ------------------------------

UNSEEN = Path(__file__).resolve().parents[1] / "data" / "unseen"


def _lakeside() -> m.Case:
    return load_case(UNSEEN / "lakeside-instalments.yaml")


def test_a_settlement_in_default_keeps_the_claim_under_the_sale_contract():
    """The debt is not fixed by the settlement "rather than" the sale contract: the client claims the
    instalments due and reserves rescission (Civil Code (2020) Arts. 563(1)(3)(4), 566)."""
    case = _lakeside()
    zh, en = text(case, "zh"), text(case, "en")
    assert "而非原买卖合同为准" not in zh and "not the original contract" not in en
    assert ("委托人现依和解协议主张已到期款项；如贵司仍不履行，委托人保留依据同法第五百六十三条第一款第（三）项、"
            "第（四）项及第五百六十六条解除和解协议，并依原买卖合同主张全部损失的权利。") in zh
    assert "《中华人民共和国民法典》（2020年）第五百七十七条" in zh  # the Code named once, with its version
    assert ("reserves the right to rescind the settlement agreement under Art. 563(1)(3) and (4) and Art. 566 of "
            "the same Code and to claim its whole loss under the original sale contract") in en


def test_the_advice_of_an_instalment_received_is_not_proof_of_the_original_payments():
    case = _lakeside()
    receipt = next(e for e in case.evidence if "HT-SETTLE-01" in e.title)
    zh, en = text(case, "zh"), text(case, "en")
    assert "（付款凭证见证据2）" in zh and "(proof of payment: Exhibit 2)" in en
    assert f"现已支付16,000.00加拿大元（收款凭证见证据{receipt.number}）" in zh
    assert f"of which CAD 16,000.00 has been paid (proof of receipt: Exhibit {receipt.number})" in en


def test_no_reply_since_the_last_contact_ends_with_the_settlement_the_seller_signed():
    case = _lakeside()
    zh, en = text(case, "zh"), text(case, "en")
    assert "贵司即不再回应委托人的任何联系" not in zh and "you have not answered any" not in en
    assert "自2026年5月20日起，贵司即未再回应委托人，直至公安机关立案后方与委托人协商和解。" in zh
    assert ("After 20 May 2026 you did not answer our client until, after the police had opened a case, "
            "you negotiated a settlement with our client.") in en
    # reported, not yet opened when it was signed; and no proceedings at all
    report = dataclasses.replace(case.proceedings.police_report, opened_on=None, case_no=None)
    reported = dataclasses.replace(case, proceedings=dataclasses.replace(case.proceedings, police_report=report))
    assert "直至委托人向公安机关报案后方与委托人协商和解。" in text(reported, "zh")
    bare = dataclasses.replace(case, proceedings=None)
    assert "自2026年5月20日起，贵司即未再回应委托人，其后方与委托人协商和解。" in text(bare, "zh")
    # without a settlement the silence stands as before
    none = dataclasses.replace(case, settlement=None, proceedings=None)
    assert "自2026年5月20日起，贵司即不再回应委托人的任何联系。" in text(none, "zh")


# ------------------------------------------------------------------ consequences


def test_one_consequence_is_not_called_steps_taken_together_or_one_after_another():
    case = replace(make_case(), "order", platform="other", trade_assurance=False, platform_order_id=None)
    ctx = dl.context(case, bundled("zh"), DATE)
    assert ctx.measures == 1 and not ctx.announce_report
    zh, en = text(case, "zh"), text(case, "en")
    assert "上述措施可同时或先后采取" not in zh and "我方保留依法追究贵司全部法律责任的权利。" in zh
    assert "together or one after another" not in en
    assert "The Buyer reserves every other right it has in law against you." in en
    # one step is one sentence, not a list of one (fourth review, L3-7)
    assert "如贵司逾期未足额付款，我方将不再另行通知，依法向有管辖权的人民法院提起诉讼，要求贵司返还全部款项并赔偿损失。" in zh
    assert "以下措施" not in zh
    assert ("If the full amount has not been received by that date, the Buyer will, without further notice, "
            "sue you before the competent people's court, claiming repayment of the full amount") in en
    assert "following lawful step" not in en
    both = replace(case, "claim", announce_report=True)
    assert dl.context(both, bundled("zh"), DATE).measures == 2
    zh2, en2 = text(both, "zh"), text(both, "en")
    assert "上述措施可同时或先后采取，我方保留依法追究贵司全部法律责任的权利。" in zh2 and "依法采取以下措施：" in zh2
    assert "These steps may be taken together or one after another" in en2
    assert "take the following lawful steps:" in en2



# ------------------------------------------------------------------ money paid to persons; a consumer


def test_money_paid_to_persons_is_said_so_and_the_holders_are_addressed():
    from factories import paid_to_persons

    case = replace(paid_to_persons(), "claim", sender="agent")
    zh, en = text(case, "zh"), text(case, "en")
    assert ("合同订立后，委托人按贵司的指示，分别向陈佳琪个人微信支付账户及贵司法定代表人张三个人支付宝账户付款"
            "共计人民币31,000.00元，而非向贵司对公账户付款，明细如下") in zh
    assert "委托人已向贵司付款" not in zh
    assert "致收款人：陈佳琪（涉案款项收款人）" in zh and "致收款人：张三（贵司法定代表人，涉案款项收款人）" in zh
    # the recipients' duty is stated on its legal condition only (Art. 985), the company's duty kept
    assert ("陈佳琪和张三系上述款项的实际收款人。款项汇入其个人账户，不免除贵司依合同返还已付款项的责任；"
            "其取得上述款项没有法律根据的，委托人有权依据《中华人民共和国民法典》（2020年）第九百八十五条要求其返还。") in zh
    assert "To: Zhang San (your legal representative, who received the money)" in en
    assert "our client paid a total of CNY 31,000.00, at your direction, into the personal WeChat Pay account" in en
    assert "(Civil Code of the PRC (2020), Art. 985)" in en
    # a supplier paid into its own account: none of it
    plain = text(agent_case(), "zh")
    assert "致收款人" not in plain and "对公账户" not in plain and "第九百八十五条" not in plain


def test_the_company_that_received_the_money_is_addressed_as_the_police_report_names_it():
    """Fourth review N-2: a mainland company other than the supplier held the account paid into."""
    from factories import paid_to_company

    case = replace(paid_to_company(), "claim", sender="agent")
    zh, en = text(case, "zh"), text(case, "en")
    assert "致收款人：杭州示例贸易有限公司（统一社会信用代码：91330106MA2H3XY80N）" in zh
    assert ("按贵司指示收取上述款项的账户户名人杭州示例贸易有限公司并非合同当事人。款项汇入其账户，不免除贵司依合同返还已付款项的责任；"
            "其取得上述款项没有法律根据的，委托人有权依据《中华人民共和国民法典》（2020年）第九百八十五条要求其返还。") in zh
    assert "个人账户" not in zh
    assert "To: Hangzhou Example Trading Co., Ltd. (Unified Social Credit Code: 91330106MA2H3XY80N)" in en
    assert "is not a party to the contract" in en and "(Civil Code of the PRC (2020), Art. 985)" in en
    # a company holder without its USCC cannot be named as the police report names it: not addressed
    bare = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, bank_accounts=(
        dataclasses.replace(case.supplier.bank_accounts[0], holder_uscc=None),)))
    assert "致收款人" not in text(bare, "zh")


def test_a_consumers_unsupplied_prepayment_cites_the_consumer_law_and_only_reserves_art_55():
    from factories import paid_to_persons

    case = paid_to_persons()
    zh, en = text(case, "zh"), text(case, "en")
    assert "我方系为生活消费需要购买上述商品的消费者。依据《中华人民共和国消费者权益保护法》（2013年修正）第五十三条" in zh
    assert "应当按照消费者的要求履行约定或者退回预付款，并应当承担预付款的利息" in zh
    assert "如贵司的行为经依法认定构成欺诈，我方保留依据同法第五十五条第一款要求贵司增加赔偿的权利。" in zh
    assert "(Law of the PRC on the Protection of Consumer Rights and Interests (as amended 2013), Art. 53)" in en
    for not_consumer in (replace(case, "order", for_resale=True),
                         replace(case, "client", kind="company", name="Example Ltd"),
                         replace(case, "outcome", kind="junk_delivered", delivered_on=dt.date(2026, 9, 20))):
        assert "消费者权益保护法" not in text(not_consumer, "zh")


def consumer_counterfeit(**order) -> m.Case:
    case = replace(make_case(), "client", kind="individual", representative=None)
    case = replace(case, "outcome", kind="counterfeit", delivered_on=dt.date(2026, 8, 28), seller_unreachable=False)
    return replace(case, "order", **order) if order else case


def test_a_consumer_sold_counterfeits_demands_treble_the_price_under_art_55():
    """s23 lawyer 5: counterfeits sold as genuine to a consumer are fraud; the letter claims Art. 55(1) itself."""
    case = consumer_counterfeit()
    zh, en = text(case, "zh"), text(case, "en")
    assert ("我方系为生活消费需要购买上述商品的消费者。贵司以假冒产品冒充正品销售，属于经营者提供商品有欺诈行为。"
            "依据《中华人民共和国消费者权益保护法》（2013年修正）第五十五条第一款") in zh
    assert "增加赔偿的金额不足五百元的，为五百元。我方所购商品价款为25,000.00美元，我方现要求贵司按其三倍增加赔偿75,000.00美元。" in zh
    demand = zh.split("三、催告事项")[1]
    assert "，同时增加赔偿75,000.00美元（大写：美元柒万伍仟元整；" in demand
    assert "and pay increased compensation of USD 75,000.00 (seventy-five thousand US dollars" in en
    assert "保留依据同法第五十五条第一款" not in zh  # claimed, not only reserved
    cheap = text(consumer_counterfeit(total=D("20.00")), "zh")
    assert "我方所购商品价款20.00美元的三倍不足人民币五百元，我方现要求贵司增加赔偿人民币500.00元。" in cheap
    for other in (replace(case, "order", for_resale=True), replace(case, "client", kind="company", name="Example Ltd"),
                  replace(case, "outcome", kind="not_as_described")):
        assert "第五十五条" not in text(other, "zh")


# ------------------------------------------------------------------ the goods delivered, the supplier's former name


def delivered(kind: str) -> m.Case:
    return replace(make_case(), "outcome", kind=kind, delivered_on=dt.date(2026, 8, 28), seller_unreachable=False)


def test_counterfeit_goods_are_kept_as_evidence_never_offered_back():
    zh, en = text(delivered("counterfeit"), "zh"), text(delivered("counterfeit"), "en")
    assert ("贵司交付的货物系涉嫌假冒他人商标的商品（该商标在中国的注册情况有待核实），现由我方作为证据妥为保管（公约第八十六条第一款），"
            "将视有关机关或商标权利人的要求处置，不退运贵司，亦不交由贵司提取。") in zh
    assert "提取该货物" not in zh and "退运贵司，运输" not in zh
    assert "keeps them safely as evidence (CISG Art. 86(1))" in en
    assert "will not be shipped back to you or released for collection" in en
    assert "collect the goods" not in en


def test_other_delivered_goods_are_still_held_at_the_sellers_disposal():
    zh, en = text(delivered("junk_delivered"), "zh"), text(delivered("junk_delivered"), "en")
    assert "可自行或委托承运人到我方处提取该货物" in zh and "作为证据妥为保管" not in zh
    assert "you may collect the goods" in en


def test_the_supplier_is_addressed_with_its_former_name():
    case = replace(make_case(), "supplier", former_names=(
        m.FormerName(name_zh="深圳市旧名电子有限公司", name="Shenzhen Oldname Electronics Co., Ltd.",
                     changed_on=dt.date(2026, 6, 12)),))
    zh, en = text(case, "zh"), text(case, "en")
    assert "曾用名：深圳市旧名电子有限公司（Shenzhen Oldname Electronics Co., Ltd.），2026年6月12日变更" in zh
    assert "Former name: Shenzhen Oldname Electronics Co., Ltd. (深圳市旧名电子有限公司), until 12 June 2026" in en
    assert "曾用名" not in text(make_case(), "zh")


def test_each_payment_names_its_proof_and_a_missing_one_is_to_follow():
    base = make_case()
    slip = m.Exhibit(kind="payment_proof", title="Wire slip FT26156XYZ", number=2, date=dt.date(2026, 6, 5))
    case = dataclasses.replace(base, evidence=base.evidence + (slip,))
    zh, en = text(case, "zh"), text(case, "en")
    # the card payment of 20 July has no proof exhibit: not covered by "付款凭证见证据2"
    assert ("明细如下（2026年6月5日所付7,500.00美元的付款凭证见证据2；2026年7月20日所付17,500.00美元的付款凭证"
            "另行提供）：") in zh
    assert ("(proof of the USD 7,500.00 paid on 5 June 2026: Exhibit 2; proof of the USD 17,500.00 paid on "
            "20 July 2026: to follow):") in en
    # every payment proved: one reference for them all
    statement = m.Exhibit(kind="payment_proof", title="Card statement", number=3, date=dt.date(2026, 8, 1))
    both = dataclasses.replace(case, evidence=case.evidence + (statement,))
    assert "明细如下（付款凭证见证据2、证据3）：" in text(both, "zh")


def test_a_registered_mark_is_said_infringed_as_the_12315_report_says():
    """Fourth review N-9: with its registration number the mark's exclusive right is infringed
    (Trademark Law (2019) Art. 57(3)), as the 12315 report words it; no CISG Art. 82 claim is added."""
    case = delivered("counterfeit")
    case = replace(case, "outcome", trademarks=(m.RegisteredMark(mark="Vorstahl", registration_no="12345678",
                                                            owner="Vorstahl GmbH", owner_zh="福尔斯塔尔有限公司"),))
    zh, en = text(case, "zh"), text(case, "en")
    assert ("贵司交付的货物涉嫌系侵犯“Vorstahl”注册商标专用权的商品（《中华人民共和国商标法》（2019年修正）第五十七条第（三）项）"
            "，现由我方作为证据妥为保管") in zh
    assert "假冒他人商标" not in zh and "有待核实" not in zh and "第八十二条" not in zh
    assert 'infringing the exclusive right to the registered trademark "Vorstahl" (Trademark Law of the PRC (2019 amendment), Art. 57(3))' in en


def test_the_silence_the_summary_already_tells_is_not_told_again():
    """lawyer5 item 18: "……自2026年10月9日起不再回复。自2026年10月9日起，贵司即不再回应……"."""
    told = replace(make_case(), "outcome", last_contact=dt.date(2026, 8, 2),
                   summary="After the balance was paid nothing was shipped, and since 2 August the seller has not answered.",
                   summary_zh="尾款付清后卖方未发货，自2026年8月2日起不再回复。")
    zh, en = text(told, "zh"), text(told, "en")
    assert "自2026年8月2日起不再回复。" in zh and "贵司即不再回应" not in zh
    assert "since 2 August your company has not answered." in en and "you have not answered any" not in en
    # a summary that does not tell the silence keeps the sentence
    untold = replace(told, "outcome", summary="Nothing was shipped.", summary_zh="卖方未发货。")
    assert "自2026年8月2日起，贵司即不再回应" in text(untold, "zh")


def test_the_trade_term_names_its_place_in_chinese_when_the_case_gives_it():
    """lawyer5 item 18: "贸易术语为FOB Ningbo" in the Chinese letter."""
    case = replace(make_case(), "order", incoterm="FOB Ningbo")
    assert "贸易术语为FOB Ningbo" in text(case, "zh")  # no table of ports: as written
    case = replace(case, "order", incoterm_zh="FOB宁波")
    assert "贸易术语为FOB宁波" in text(case, "zh")
    assert "FOB Ningbo" in text(case, "en")
