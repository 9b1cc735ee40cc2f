"""The settlement agreement (和解协议): parties, schedule, account, the criminal-proceedings clause."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from restitution.case import load_case
from restitution.case import model as m
from restitution.document import Table, document_text
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document

ROOT = Path(__file__).resolve().parents[2]
LOTUS = ROOT / "examples" / "lotus-settlement.yaml"
HARBOUR = ROOT / "examples" / "harbour-hk.yaml"
DATE = dt.date(2026, 11, 20)
KEY = "settlement_agreement"


def unsigned(case: m.Case) -> m.Case:
    """The case as it stood before the agreement was signed: the one the toolkit drafts."""
    return with_settlement(case, signed_on=None, supplier_signed=None)


@pytest.fixture(scope="module")
def lotus() -> m.Case:
    return unsigned(load_case(LOTUS))


def text(case: m.Case, lang: str) -> str:
    return document_text(render_document(case, KEY, lang, DATE))


def tables(case: m.Case, lang: str) -> list[Table]:
    return [b for b in render_document(case, KEY, lang, DATE).blocks if isinstance(b, Table)]


def with_settlement(case: m.Case, **changes) -> m.Case:
    return dataclasses.replace(case, settlement=dataclasses.replace(case.settlement, **changes))


def usd_settlement() -> m.Settlement:
    return m.Settlement(
        agreed_amount=D("20000.00"), currency="USD",
        schedule=(m.Instalment(dt.date(2026, 12, 15), D("10000.00")),
                  m.Instalment(dt.date(2027, 1, 15), D("6000.00")),
                  m.Instalment(dt.date(2027, 2, 15), D("4000.00"))),
        payers=(m.Payer(name="Zhang Si", name_zh="张四", relation="brother of Zhang San",
                        relation_zh="张三之弟", id_no="440300199001011234", role="payer"),),
    )


def test_parties_in_full_with_guarantors(lotus):
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "Party A (the victim): LAU Mei Ling" in en and "K07734219" in en
    assert "Party B (the seller): Guangzhou Example Leather Goods Trading Co., Ltd." in en
    assert "91440111MAC2RP8N63" in en and "Legal representative: Lin Zhiwei" in en
    assert "Party C1 (guarantor): Lin Defu (林德福)" in en and "father of Lin Zhiwei" in en
    assert "Party C2 (guarantor): Lin Xiaoyan (林晓燕)" in en
    assert "jointly and severally liable" in en and "Civil Code of the PRC (2020), Art. 688" in en
    assert "甲方（被害人）：刘美玲（LAU Mei Ling）" in zh
    assert "乙方：广州市示例皮具贸易有限公司" in zh and "法定代表人：林志伟" in zh
    assert "丙方一（保证人）：林德福" in zh and "关系：林志伟之父" in zh
    assert "丙方二（保证人）：林晓燕" in zh
    assert "连带责任保证（《中华人民共和国民法典》（2020年）第六百八十八条）" in zh


@pytest.fixture
def usd(case) -> m.Case:
    """The shared mainland company case (USD, with a CNY rate) with a settlement."""
    return dataclasses.replace(case, settlement=usd_settlement())


def test_payer_on_behalf_with_identity_number(usd):
    case = usd
    en, zh = text(case, "en"), text(case, "zh")
    assert "Party C (payer on Party B's behalf): Zhang Si (张四)" in en
    assert "Identity document number: 440300199001011234" in en
    assert "pays the restitution on Party B's behalf" in en
    assert "jointly and severally" not in en
    assert "丙方（代为付款人）：张四" in zh and "身份证件号码：440300199001011234" in zh
    assert "代乙方向甲方支付退赔款" in zh and "连带责任保证" not in zh


def test_recitals_state_the_loss_in_words_and_in_rmb(usd):
    case = usd
    en, zh = text(case, "en"), text(case, "zh")
    assert "USD 25,000.00 (twenty-five thousand US dollars)" in en
    assert "about CNY 177,500.00, estimated at USD 1 = CNY 7.10" in en and "central parity" not in en
    # the agreed amount in RMB at the same rate, an estimate too
    assert "(about CNY 142,000.00, estimated at USD 1 = CNY 7.10" in en
    assert "按2026年11月20日汇率1美元兑人民币7.10元估算，约合人民币177,500.00元，仅供参考" in zh and "美元贰万元整" in zh


def test_schedule_table_has_one_row_per_instalment(lotus, usd):
    for case in (lotus, usd):
        n = len(case.settlement.schedule)
        for lang in ("en", "zh"):
            (table,) = tables(case, lang)
            assert len(table.rows) == n
    zh = text(lotus, "zh")
    assert "第1期 | 2026年10月20日 | 人民币50,000.00元 | 人民币伍万元整" in zh
    assert "第2期 | 2026年12月20日 | 人民币30,000.00元 | 人民币叁万元整" in zh
    assert "分两期支付" in zh
    en = text(usd, "en")
    assert "3 | 15 February 2027 | USD 4,000.00 | four thousand US dollars" in en


def test_money_received_before_signing_is_credited(lotus):
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "received on 19 October 2026, reference Remittance GZ-4401-261019-0032" in en
    assert "Balance still to be paid: CNY 30,000.00 (thirty thousand Chinese yuan)" in en
    assert "2026年10月19日收到人民币50,000.00元（大写：人民币伍万元整）" in zh
    assert "尚余人民币30,000.00元（大写：人民币叁万元整）未付" in zh
    # nothing received yet: drafted before the first due date
    nothing = document_text(render_document(with_settlement(lotus, received=()), KEY, "en", dt.date(2026, 10, 1)))
    assert "Balance still to be paid" not in nothing


def test_payee_account(lotus):
    en, zh = text(lotus, "en"), text(lotus, "zh")
    for t in (en, zh):
        assert "024-556-781234-883" in t and "EXBKHKHH" in t and "Example Bank (Hong Kong) Limited" in t
    assert "Account holder: LAU Mei Ling" in en and "户名：LAU Mei Ling" in zh


def test_the_authorities_keep_their_discretion_and_nothing_is_promised(lotus):
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "independently and in accordance with the law; this Agreement does not bind them" in en
    assert "does not and cannot promise that the criminal case will be withdrawn, dropped or ended" in en
    assert "no payment under this Agreement is made in exchange for one" in en
    assert "Criminal Procedure Law of the PRC (2018 amendment), Arts. 288–290" in en
    assert "as the parties understand it" in en
    assert "(Fa Fa [2021] No. 21)" in en
    assert "依法独立决定，本协议对其不具有约束力" in zh
    assert "本协议没有也不能承诺刑事案件撤回、撤销或者终结" in zh
    assert "《中华人民共和国刑事诉讼法》（2018年修正）第二百八十八条至第二百九十条" in zh
    assert "各方理解" in zh


def test_hong_kong_seller_reads_hong_kong_authorities_in_traditional_chinese():
    hk = load_case(HARBOUR)
    case = dataclasses.replace(hk, settlement=m.Settlement(
        agreed_amount=hk.claim.amount, currency=hk.claim.currency,
        schedule=(m.Instalment(dt.date(2026, 12, 31), hk.claim.amount),)))
    en = text(case, "en")
    assert "the Hong Kong Police, the Department of Justice and the courts" in en
    assert "288" not in en
    assert "in a single payment" in en
    zh = render_document(case, KEY, "zh", DATE)
    assert zh.lang == "zh-Hant"
    assert "和解協議" in document_text(zh) and "香港警務處" in document_text(zh)


def test_pardon_and_leniency_follow_the_flag(lotus):
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "consider lenient treatment of Party B and its legal representative, Lin Zhiwei" in en
    assert "依法对乙方及其法定代表人林志伟从宽处理" in zh
    off = with_settlement(lotus, leniency_requested=False)
    en, zh = text(off, "en"), text(off, "zh")
    assert "consider lenient treatment" not in en and "does not undertake to ask for lenient treatment" in en
    assert "从宽处理。" not in zh and "甲方不承诺请求从宽处理" in zh


def test_late_payment_keeps_the_civil_claim_and_leaves_the_criminal_proceedings_alone(lotus):
    """The default clause keeps the civil claim for the unpaid part; the criminal proceedings are never
    a term of the deal (reserving them only on default would imply giving them up once paid)."""
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "the whole unpaid balance falls due at once" in en
    assert "keeps its civil claim for the part of its loss not yet made good (its whole loss less the amounts received)" in en
    assert "Party A's rights and duties in the criminal proceedings are not affected by this Agreement, " \
           "whether it is performed or not" in en
    assert "criminal complaint" not in en
    assert "全部未付款项视为立即到期" in zh and "保留就未获赔偿部分（即全部损失扣除已收款项后的余额）主张民事赔偿的权利" in zh
    assert "无论本协议是否履行，甲方在刑事诉讼中的权利和义务均不受影响" in zh
    assert "继续进行刑事控告" not in zh


def test_guarantors_identified_and_the_guarantee_type_stated(lotus):
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "Identity document number: 440111195803151013" in en and "Telephone: +86 139 0000 2211" in en
    assert "住址：广州市白云区示例巷18号2栋301房" in zh and "联系电话：+86 137 0000 8833" in zh
    assert "six months from the day each instalment falls due (Civil Code of the PRC (2020), Art. 692)" in en
    assert "保证期间为各期款项付款期限届满之日起六个月（《中华人民共和国民法典》（2020年）第六百九十二条）" in zh
    # Unstated: a general guarantee (Civil Code Art. 686(2)), which answers only after the debtor is pursued.
    unstated = with_settlement(lotus, payers=tuple(dataclasses.replace(p, guarantee=None)
                                                   for p in lotus.settlement.payers))
    en, zh = text(unstated, "en"), text(unstated, "zh")
    assert "gives a general guarantee" in en and "Civil Code of the PRC (2020), Art. 686" in en
    assert "jointly and severally" not in en
    assert "提供一般保证（《中华人民共和国民法典》（2020年）第六百八十六条）" in zh
    assert "甲方应先对乙方提起诉讼或者申请仲裁" in zh and "连带责任保证" not in zh


def test_forum_is_the_sellers_domicile_for_a_mainland_seller(lotus):
    assert "people's court with jurisdiction at Party B's domicile (广东省广州市白云区)" in text(lotus, "en")
    assert "乙方住所地（广东省广州市白云区）有管辖权的人民法院" in text(lotus, "zh")


def test_agent_signature_wording_only_with_an_agent(lotus):
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "acting under the special authority to negotiate and sign a settlement" in en
    assert "依据授权委托书中代为和解的特别授权" in zh
    alone = dataclasses.replace(lotus, agent=None)
    en, zh = text(alone, "en"), text(alone, "zh")
    assert "Agent" not in en and "special authority" not in en
    assert "委托代理人" not in zh and "Signature of Party A:" in en


def test_signature_blocks_for_every_party(lotus):
    en = text(lotus, "en")
    assert "(company seal)" in en and "Signature of the legal representative (Lin Zhiwei)" in en
    assert "Party C1: Lin Defu (signature and fingerprint)" in en
    assert "Place of signature:" in en
    assert "一式五份" in text(lotus, "zh")


VARIANTS = {
    "lotus": lambda c: c,
    "no agent, no payers, no receipts": lambda c: dataclasses.replace(
        c, agent=None, settlement=dataclasses.replace(c.settlement, payers=(), received=(),
                                                      leniency_requested=False,
                                                      schedule=tuple(dataclasses.replace(i, due=dt.date(2026, 12, 20))
                                                                     for i in c.settlement.schedule))),
    "company client in USD": None,
    "one guarantor and one payer": lambda c: with_settlement(c, payers=(
        m.Payer(name="Lin Defu", name_zh="林德福", role="guarantor"),
        m.Payer(name="Lin Xiaoyan", role="payer"))),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_bilingual_pairs_block_by_block(lotus, usd, variant):
    case = usd if VARIANTS[variant] is None else VARIANTS[variant](lotus)
    doc = render_document(case, KEY, "bilingual", DATE)
    assert doc.lang == "bilingual" and doc.blocks


def test_not_applicable_without_a_settlement(case):
    assert case.settlement is None
    with pytest.raises(DocumentNotApplicable, match=r"needs a settlement: block \(agreed_amount, currency, schedule\)"):
        render_document(case, KEY, "en", DATE)


def test_instalments_must_add_up_to_the_agreed_amount(lotus):
    bad = with_settlement(lotus, schedule=(m.Instalment(dt.date(2026, 12, 20), D("30000.00")),))
    with pytest.raises(DocumentNotApplicable) as err:
        render_document(bad, KEY, "en", DATE)
    assert "settlement.schedule" in str(err.value) and "80,000.00" in str(err.value)
    assert err.value.location.line is not None


def test_refund_account_is_required(lotus):
    bad = dataclasses.replace(lotus, claim=dataclasses.replace(lotus.claim, refund_account=None))
    with pytest.raises(DocumentNotApplicable, match="claim.refund_account"):
        render_document(bad, KEY, "en", DATE)


def test_each_guarantee_period_ends_on_a_stated_date(lotus):
    """Six months from each instalment's due date (Art. 692), printed as dates, not only the rule;
    a due date on the 31st ends on the last day of a shorter month."""
    zh, en = text(lotus, "zh"), text(lotus, "en")
    assert "即第1期款项的保证期间至2027年4月20日届满；第2期款项的保证期间至2027年6月20日届满。" in zh
    assert "it ends for instalment 1 on 20 April 2027; for instalment 2 on 20 June 2027." in en
    one = with_settlement(lotus, schedule=(m.Instalment(dt.date(2026, 8, 31), lotus.settlement.agreed_amount),))
    assert "即至2027年2月28日届满。" in document_text(render_document(one, KEY, "zh", dt.date(2026, 8, 1)))


def test_the_agreement_has_one_name_in_every_document():
    """和解协议 (Settlement Agreement), as the agreement's own title: never 退赔协议 in a template,
    a catalogue or a rendered lotus document."""
    from restitution import documents

    root = ROOT / "templates"
    assert not [p.name for p in root.rglob("*") if p.is_file() and "退赔协议" in p.read_text(encoding="utf-8")]
    case = unsigned(load_case(LOTUS))
    for key in documents.applicable(case, dt.date(2026, 11, 20)):
        assert "退赔协议" not in document_text(render_document(case, key, "zh", dt.date(2026, 11, 20))), key
    assert "和解协议" in text(case, "zh")


def test_a_signed_settlement_is_cited_not_drafted_again():
    """settlement.signed_on: the signed agreement is on file; a fresh 和解协议 for a stage the
    case has passed would contradict it (copies, parties, the recital of money received)."""
    from restitution import documents

    signed = load_case(LOTUS)
    assert signed.settlement.signed_on == dt.date(2026, 10, 12)
    with pytest.raises(DocumentNotApplicable, match="signed on 2026-10-12") as err:
        render_document(signed, KEY, "zh", DATE)
    assert err.value.location.path == "settlement.signed_on" and err.value.location.line
    assert KEY not in documents.applicable(signed, DATE)
    assert KEY in documents.applicable(unsigned(signed), DATE)


def test_a_draft_sets_no_past_due_date_for_money_not_received(lotus):
    """The receipts a draft acknowledges cover the instalments due before its date; an unpaid
    instalment already past due cannot be agreed afresh."""
    late = with_settlement(lotus, received=())
    with pytest.raises(DocumentNotApplicable, match="instalment 1 .* is due on 2026-10-20, before this draft's date"):
        render_document(late, KEY, "zh", DATE)
    # covered by the receipt of 19 October: the draft recites it as received before signing
    assert "甲方确认，在本协议签订前已收到下列退赔款" in text(lotus, "zh")
    # dated before the first due date, nothing is late
    render_document(late, KEY, "zh", dt.date(2026, 10, 1))


def test_recital_names_the_case_number_and_the_guidance_its_document_number(lotus):
    zh, en = text(lotus, "zh"), text(lotus, "en")
    assert "该案（案号：穗公白（经）立〔2026〕3321号）现由广州市公安局白云区分局" in zh
    assert "under case number 穗公白（经）立〔2026〕3321号" in en
    assert "《最高人民法院、最高人民检察院关于常见犯罪的量刑指导意见（试行）》（法发〔2021〕21号）" in zh
    assert "(Fa Fa [2021] No. 21)" in en
    # no case number recorded: none printed
    bare = dataclasses.replace(lotus, proceedings=None)
    assert "案号" not in text(bare, "zh")


def test_bilingual_agreement_has_one_language_clause(lotus):
    """Its last article says the Chinese text prevails; the pairing adds no note that would
    be a second, narrower clause ("in the PRC")."""
    both = document_text(render_document(lotus, KEY, "bilingual", DATE))
    assert "以中文文本为准" in both
    assert "在中华人民共和国境内使用时" not in both and "prevails for use in the People's Republic" not in both


def test_the_loss_in_rmb_is_the_police_reports():
    """Unseen case: the agreement, a copy of which goes to the unit, stated the loss as RMB 283,800.00 at
    the claim's rate while the police report and the plan said RMB 285,749.75, payment by payment."""
    from restitution.rules.loss import loss_in_cny

    signed = load_case(ROOT / "tests" / "data" / "unseen" / "lakeside-instalments.yaml")
    case = dataclasses.replace(signed, settlement=signed.settlement.as_drafted())  # the draft it was signed from
    assert loss_in_cny(case).amount == D("285749.75")
    zh = document_text(render_document(case, KEY, "zh", signed.settlement.signed_on))
    en = document_text(render_document(case, KEY, "en", signed.settlement.signed_on))
    assert "按各笔款项到账当日人民币汇率中间价折算，合人民币285,749.75元" in zh
    assert "CNY 285,749.75 at the RMB central parity of the day each payment was received" in en
    assert "283,800.00" not in zh and "按鉴于条款第2项所列汇率" not in zh  # no single rate to refer to
    single = dataclasses.replace(case, payments=tuple(dataclasses.replace(p, cny_rate=None, cny_rate_date=None)
                                                      for p in case.payments))
    assert "1加拿大元兑人民币5.1600元估算，约合人民币247,680.00元，仅供参考" in document_text(
        render_document(single, KEY, "zh", signed.settlement.signed_on))
