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
    assert "《公安机关办理刑事案件程序规定》（2020年修正）第十五条至第十七条" in zh
    assert "报案人已就同一事实向深圳市公安局宝安区分局经济犯罪侦查大队报案" in zh
    # the same facts as the first report: the supplier is the reported party, the payee an indicator
    assert "被报案人：深圳市荣耀示例科技有限公司" in zh and "收款主体与合同主体不一致" in zh
    en = text(paid_to_payee(), "en")
    assert "Economic Crime Investigation Brigade, 杭州市公安局西湖区分局" in en
    assert "The reporter has reported the same facts to the Economic Crime Investigation Brigade, " \
           "深圳市公安局宝安区分局." in en


def test_a_hong_kong_seller_is_reported_in_simplified_chinese_under_prc_law():
    case = load_case(EXAMPLES / "harbour-payee.yaml")
    doc = render_document(case, "police_report_payee", "zh", DATE)
    zh = document_text(doc)
    assert doc.lang == "zh" and "涉嫌合同诈骗" in zh and "盗窃罪条例" not in zh
    assert "报案人已就同一事实向香港警务处报案" in zh
    assert "合计折合人民币273,889.92元" in zh and "已达到" in zh
