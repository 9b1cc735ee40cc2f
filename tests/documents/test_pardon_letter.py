"""The written pardon (谅解书): only against money received, naming whom it pardons and for what."""
from __future__ import annotations

import dataclasses
import datetime as dt
import shutil
from decimal import Decimal as D
from pathlib import Path

import pytest
from click.testing import CliRunner

from restitution.case import load_case
from restitution.case import model as m
from restitution.cli import cli
from restitution.document import Table, document_text
from restitution.errors import DocumentNotApplicable
from restitution.pipeline.render import render_document

ROOT = Path(__file__).resolve().parents[2]
LOTUS = ROOT / "examples" / "lotus-settlement.yaml"
HARBOUR = ROOT / "examples" / "harbour-hk.yaml"
DATE = dt.date(2026, 11, 20)
KEY = "pardon_letter"


@pytest.fixture(scope="module")
def lotus() -> m.Case:
    """The example (50,000 of 80,000 received) with the pardon allowed before full payment."""
    return with_settlement(load_case(LOTUS), pardon_before_full_payment=True,
                           pardon_before_full_payment_reason="the family pays the rest from a sale due in December")


def text(case: m.Case, lang: str) -> str:
    return document_text(render_document(case, KEY, lang, DATE))


def with_settlement(case: m.Case, **changes: object) -> m.Case:
    return dataclasses.replace(case, settlement=dataclasses.replace(case.settlement, **changes))


def paid_in_full(case: m.Case) -> m.Case:
    return with_settlement(case, received=case.settlement.received + (
        m.Receipt(dt.date(2026, 11, 18), D("30000.00"), "Remittance GZ-4401-261118-0107"),))


def test_addressed_to_the_handling_authority(lotus):
    assert "To: Baiyun Branch of the Guangzhou Public Security Bureau" in text(lotus, "en")
    assert "此致\n广州市公安局白云区分局" in text(lotus, "zh")


def test_without_a_named_authority_the_suppliers_police_bureau(case):
    """A mainland supplier registered in 宝安区 of 深圳市: the district branch of the city bureau."""
    case = dataclasses.replace(case, settlement=m.Settlement(
        agreed_amount=D("20000.00"), currency="USD",
        received=(m.Receipt(dt.date(2026, 12, 14), D("20000.00"), "SWIFT MT103 2026121400123"),)))
    assert "此致\n深圳市公安局宝安区分局" in text(case, "zh")
    assert "深圳市公安局宝安区分局" in text(case, "en")


def test_hong_kong_supplier_goes_to_the_hong_kong_police_in_traditional_chinese():
    hk = load_case(HARBOUR)
    case = dataclasses.replace(hk, settlement=m.Settlement(
        agreed_amount=hk.claim.amount, currency=hk.claim.currency,
        received=(m.Receipt(dt.date(2026, 11, 2), hk.claim.amount, "HK-REF-1"),)))
    en = text(case, "en")
    assert "To: Hong Kong Police Force" in en and "Theft Ordinance (Cap. 210), s.16A" in en
    zh = render_document(case, KEY, "zh", DATE)
    assert zh.lang == "zh-Hant"
    body = document_text(zh)
    assert body.startswith("諒解書") and "香港警務處" in body and "谅解" not in body


def test_without_recorded_suspects_names_the_supplier_and_its_legal_representative(lotus):
    lotus = dataclasses.replace(lotus, proceedings=None)
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "Pardoned party: Guangzhou Example Leather Goods Trading Co., Ltd." in en
    assert ("forgives Guangzhou Example Leather Goods Trading Co., Ltd. and its legal representative, "
            "Lin Zhiwei, for the conduct") in en
    assert "suspected contract fraud (Criminal Law of the PRC (as amended 2023), Art. 224)" in en
    assert "does not extend to any other person or conduct" in en
    assert "被谅解人：广州市示例皮具贸易有限公司" in zh
    assert "谅解人对广州市示例皮具贸易有限公司及其法定代表人林志伟的上述行为予以谅解" in zh
    assert "不及于其他任何人或者其他任何行为" in zh
    nameless = dataclasses.replace(lotus, supplier=dataclasses.replace(
        lotus.supplier, legal_representative=None, legal_representative_zh=None))
    assert "及其" not in text(nameless, "zh")
    assert "legal representative" not in text(nameless, "en")


def test_names_the_individual_suspects_and_the_case(lotus):
    """§H.7: the pardoned individual by name, identity number and role, and the case with its number."""
    en, zh = text(lotus, "en"), text(lotus, "zh")
    # right below the company pardoned: the person, then the place in it (系该公司法定代表人)
    assert "Pardoned party: Lin Zhiwei (PRC identity card no. 44011119880101123X), the company's legal representative" in en
    assert ("the case against Guangzhou Example Leather Goods Trading Co., Ltd. and Lin Zhiwei for suspected "
            "contract fraud (case no. 穗公白（经）立〔2026〕3321号) is being handled by") in en
    assert "被谅解人：林志伟（公民身份号码44011119880101123X），系该公司法定代表人" in zh
    # the conduct pardoned is the conduct under the order (项下), in the facts and in the scope
    assert zh.count("在采购订单号LB-0708项下") == 2 and zh.count("项下的上述行为") == 2 and "中的上述行为" not in zh
    assert "广州市示例皮具贸易有限公司及林志伟涉嫌合同诈骗一案（案号：穗公白（经）立〔2026〕3321号）现由" in zh
    assert "谅解人对广州市示例皮具贸易有限公司及林志伟的上述行为予以谅解" in zh


def test_receipts_listed_with_amounts_in_words(lotus):
    case = paid_in_full(lotus)
    for lang in ("en", "zh"):
        (table,) = [b for b in render_document(case, KEY, lang, DATE).blocks if isinstance(b, Table)]
        assert len(table.rows) == 2
    zh = text(case, "zh")
    assert "2026年10月19日 | 人民币50,000.00元 | 人民币伍万元整 | Remittance GZ-4401-261019-0032" in zh
    assert "2026年11月18日 | 人民币30,000.00元 | 人民币叁万元整 | Remittance GZ-4401-261118-0107" in zh
    assert "以上共计收到退赔款人民币80,000.00元（大写：人民币捌万元整）" in zh
    en = text(case, "en")
    assert "Total received: CNY 80,000.00 (eighty thousand Chinese yuan)" in en


def test_shortfall_is_stated_when_only_part_has_arrived(lotus):
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "The restitution agreed in settlement is CNY 80,000.00 (eighty thousand Chinese yuan)" in en
    assert "CNY 30,000.00 (thirty thousand Chinese yuan) is still outstanding" in en
    assert "given in respect of the restitution actually received" in en
    assert "尚有人民币30,000.00元（大写：人民币叁万元整）未支付" in zh
    assert "本谅解书仅针对上列实际收到的退赔款出具" in zh
    full_en, full_zh = text(paid_in_full(lotus), "en"), text(paid_in_full(lotus), "zh")
    assert "outstanding" not in full_en and "has been received in full" in full_en
    assert "未支付" not in full_zh and "已全部支付到账" in full_zh


def test_leniency_sentence_follows_the_flag(lotus):
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "respectfully asks" in en and "consider lenient treatment" in en
    assert "恳请广州市公安局白云区分局" in zh and "从宽处理" in zh
    off = with_settlement(lotus, leniency_requested=False)
    en, zh = text(off, "en"), text(off, "zh")
    assert "lenient" not in en and "makes no request concerning their treatment" in en
    assert "从宽" not in zh and "谅解人对其处理不提出请求" in zh


def test_voluntary_and_true_intent(lotus):
    assert "voluntarily, free from any coercion, threat, deception or improper inducement" in text(lotus, "en")
    assert "自愿出具，是谅解人的真实意思表示" in text(lotus, "zh")


def test_before_full_payment_the_client_signs_personally(lotus):
    """The power of attorney lets the agent sign a pardon only once the money has arrived
    (its item 10), so a pardon given earlier is signed by the client; her own signature is
    enough, and the filed page carries no internal explanation of why (lawyer's review)."""
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "Signed by the agent" not in en and "Name: LAU Mei Ling" in en
    assert "personally" not in en and "authorises the agent" not in en
    assert "特别授权委托代理人" not in zh and "谅解人（签字）" in zh
    assert "由谅解人本人签署" not in zh and "授权委托书仅授权" not in zh
    assert "载明代为签署谅解书特别授权的授权委托书原件" not in zh


def test_agent_signs_only_under_the_special_authority(lotus):
    lotus = paid_in_full(lotus)
    en, zh = text(lotus, "en"), text(lotus, "zh")
    assert "under the special authority to sign a written pardon expressly granted" in en
    assert "Signed by the agent under special authority" in en
    assert "依据谅解人出具的授权委托书中代为签署谅解书的特别授权代为签署" in zh
    assert "特别授权委托代理人（签字）" in zh
    alone = dataclasses.replace(lotus, agent=None)
    en, zh = text(alone, "en"), text(alone, "zh")
    assert "agent" not in en.lower() and "special authority" not in en
    assert "Signature of the pardoning party:" in en and "Name: LAU Mei Ling" in en
    assert "代理人" not in zh and "谅解人（签字）" in zh


def test_refused_when_nothing_has_been_received(lotus):
    empty = with_settlement(lotus, received=())
    with pytest.raises(DocumentNotApplicable) as err:
        render_document(empty, KEY, "en", DATE)
    assert str(err.value).endswith(
        "a written pardon records restitution actually received; settlement.received is empty")
    assert err.value.location.path == "settlement.received"


def test_refused_without_a_settlement(case):
    with pytest.raises(DocumentNotApplicable, match="needs a settlement: block"):
        render_document(case, KEY, "en", DATE)


def test_cli_refuses_with_exit_1_and_writes_nothing(tmp_path):
    examples = tmp_path / "examples"
    shutil.copytree(ROOT / "examples", examples)
    yaml = examples / "lotus-settlement.yaml"
    source = yaml.read_text(encoding="utf-8")
    received = ('  received:\n    - date: 2026-10-19\n      amount: 50000.00\n'
                '      reference: "Remittance GZ-4401-261019-0032"\n')
    assert received in source
    yaml.write_text(source.replace(received, ""), encoding="utf-8")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(yaml), "--doc", KEY, "-o", str(out), "--date", "2026-11-20"])
    assert result.exit_code == 1, result.output
    assert "settlement.received is empty" in result.output
    assert "Traceback" not in result.output
    assert not out.exists()


VARIANTS = {
    "partial, agent, leniency": lambda c: c,
    "paid in full, no agent, no leniency": lambda c: dataclasses.replace(
        paid_in_full(c), agent=None, settlement=dataclasses.replace(
            paid_in_full(c).settlement, leniency_requested=False, schedule=())),
}


@pytest.mark.parametrize("variant", VARIANTS)
def test_bilingual_pairs_block_by_block(lotus, variant):
    doc = render_document(VARIANTS[variant](lotus), KEY, "bilingual", DATE)
    assert doc.lang == "bilingual" and doc.blocks


def test_refused_against_partial_payment_with_the_amount_outstanding(tmp_path):
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(LOTUS), "--doc", KEY, "-o", str(out), "--date", "2026-11-20"])
    assert result.exit_code == 1
    assert ("lotus-settlement.yaml:169 settlement.received: the written pardon is given against full payment: "
            "CNY 50,000.00 of CNY 80,000.00 received, CNY 30,000.00 outstanding") in result.output
    assert not out.exists() or not any(out.iterdir())


def test_rendered_once_paid_in_full():
    out = text(paid_in_full(load_case(LOTUS)), "zh")
    assert "已全部支付到账" in out and "未支付" not in out


def test_the_override_needs_its_reason(tmp_path):
    case_file = tmp_path / "lotus.yaml"
    source = LOTUS.read_text(encoding="utf-8")
    case_file.write_text(source.replace("settlement:\n", "settlement:\n  pardon_before_full_payment: true\n", 1),
                         encoding="utf-8")
    result = CliRunner().invoke(cli, ["validate", str(case_file)])
    assert result.exit_code == 1
    assert ("lotus.yaml:160 settlement.pardon_before_full_payment_reason: required when "
            "pardon_before_full_payment is true") in result.output


def test_a_settlement_below_the_loss_leaves_the_rest_to_the_agreement(lotus):
    """Fourth review N-7: the loss is 86,400, the agreed restitution 80,000; the pardon says the other 6,400
    follows the settlement agreement, without saying it is waived (that depends on the agreement) [R]."""
    full = paid_in_full(lotus)
    zh, en = text(full, "zh"), text(full, "en")
    assert ("谅解人的损失共计人民币86,400.00元（大写：人民币捌万陆仟肆佰元整），约定退赔款以外的其余损失人民币6,400.00元"
            "（大写：人民币陆仟肆佰元整），按和解协议约定处理。") in zh
    assert "the rest of it beyond the agreed restitution, CNY 6,400.00" in en
    assert "is dealt with as the settlement agreement provides" in en
    # the agreement covers the whole loss: nothing is said
    whole = with_settlement(full, agreed_amount=D("86400.00"), received=full.settlement.received + (
        m.Receipt(dt.date(2026, 11, 19), D("6400.00"), "Remittance GZ-4401-261119-0108"),))
    assert "按和解协议约定处理" not in text(whole, "zh")
