"""Case text entering documents: verbatim keys, fixed vocabulary, the parties' terms, punctuation."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D

import pytest

from factories import make_case
from restitution.case import model as m
from restitution.documents import applicable
from restitution.language.catalogue import catalogue
from restitution.pipeline.render import render_markdown
from restitution.pipeline.templating import UNTRANSLATED, bundled_templates
from restitution.pipeline.casetext import found_party_words, is_verbatim, measure_word, party_terms, unit_key

DATE = dt.date(2026, 11, 20)
ZH = catalogue("zh", [bundled_templates()])
EN = catalogue("en", [bundled_templates()])


def zh(case: m.Case, doc: str) -> str:
    return render_markdown(case, doc, "zh", DATE).text


def foreign_individual() -> m.Case:
    """An Estonian individual with no Chinese twin anywhere but the facts."""
    client = m.Client(kind="individual", name="Oliver Bennett", country="EE",
                      address="Narva mnt 7, 10117 Tallinn, Estonia", registration_no="K1234567",
                      email="oliver.bennett@example.ee")
    agent = m.Agent(name="Wang Fang", firm="Example & Partners Law Firm", license_no="11101201910000000",
                    address="1 Example Road, Chaoyang, Beijing")
    supplier = dataclasses.replace(make_case().supplier, contacts=(m.Contact(name="Tony Wang", email="t@x.example"),),
                                   bank_accounts=(m.BankAccount(account="6222 0000 0000 0000", holder="Glory Tech",
                                                                bank="Example Bank Shenzhen Branch"),))
    facts = (m.Fact(dt.date(2026, 7, 28), "The supplier e-mailed a forged bill of lading.",
                    "供应商通过电子邮件发送了一份伪造的提单。"),)
    return make_case(client=client, agent=agent, supplier=supplier, facts=facts)


# ------------------------------------------------------------------ never translated, never marked


@pytest.mark.parametrize("doc", ["police_report", "power_of_attorney", "demand_letter", "evidence_index"])
def test_names_and_foreign_addresses_are_never_marked(doc):
    case = foreign_individual()
    r = render_markdown(case, doc, "zh", DATE)
    assert "Oliver Bennett" in r.text
    assert UNTRANSLATED + "Oliver" not in r.text and UNTRANSLATED + "Narva" not in r.text
    for key in ("client.name_zh", "client.address_zh", "agent.name_zh", "agent.firm_zh", "agent.address_zh"):
        assert key not in r.untranslated


def test_police_report_prints_the_foreign_address_as_written():
    text = zh(foreign_individual(), "police_report")
    assert "住址：Narva mnt 7, 10117 Tallinn, Estonia" in text.replace("\\", "")
    assert "【待译】[Narva" not in text


def test_the_model_declares_which_keys_are_verbatim():
    assert is_verbatim(m.Client, "name") and is_verbatim(m.Client, "address")
    assert is_verbatim(m.Agent, "name") and is_verbatim(m.BankAccount, "bank")
    assert not is_verbatim(m.Fact, "text") and not is_verbatim(m.Exhibit, "purpose")
    assert not is_verbatim(m.Representative, "title")


def test_foreign_companys_chinese_name_is_a_translation_beside_its_name():
    client = dataclasses.replace(make_case().client, name="Baltic Amber Imports OÜ", country="EE",
                                 name_zh="波罗的海琥珀进口有限公司")
    case = make_case(client=client)
    expected = "Baltic Amber Imports OÜ（中文译名：波罗的海琥珀进口有限公司）"
    for doc in ("police_report", "power_of_attorney", "samr_complaint"):
        assert expected in zh(case, doc)


def test_chinese_partys_chinese_name_is_its_own_name_first():
    client = dataclasses.replace(make_case().client, name="Harbour Light Trading Limited", country="HK",
                                 name_zh="港光贸易有限公司")
    assert "港光贸易有限公司（Harbour Light Trading Limited）" in zh(make_case(client=client), "power_of_attorney")


# ------------------------------------------------------------------ fixed vocabulary


@pytest.mark.parametrize("spelling, key", [("pcs", "piece"), ("PCS.", "piece"), ("pieces", "piece"),
                                           ("units", "piece"), ("sets", "set"), ("ctns", "carton"),
                                           ("kgs", "kg"), ("square metres", "m2"), ("drums", None)])
def test_unit_spellings(spelling, key):
    assert unit_key(spelling) == key


def goods(*lines: m.GoodsLine) -> m.Order:
    return dataclasses.replace(make_case().order, goods=lines, total=sum(g.amount for g in lines))


def test_units_are_worded_by_the_toolkit_and_unit_zh_wins():
    order = goods(m.GoodsLine("Vacuum flask", D(400), "pcs", D("1.00"), description_zh="保温杯 500毫升"),
                  m.GoodsLine("Spare kits", D(10), "sets", D("5.00"), description_zh="备件包"),
                  m.GoodsLine("Treadmill", D(2), "set", D("100.00"), description_zh="跑步机", unit_zh="台"))
    case = make_case(order=order, claim=dataclasses.replace(make_case().claim, amount=D("650.00")))
    r = render_markdown(case, "demand_letter", "zh", DATE)
    assert "数量400个" in r.text and "数量10套" in r.text and "数量2台" in r.text
    assert "pcs" not in r.text and not any("unit" in k for k in r.untranslated)


@pytest.mark.parametrize("description_zh, word", [
    ("LED面板灯 600x600毫米 40瓦", "盏"), ("LED面板灯40W", "盏"), ("跑步机（家用）", "台"), ("运动鞋 EU42", "双"),
    ("灯罩", "件"), ("T恤", "件"), ("充电器", "件"), (None, "件"),  # no sure measure word: 件
])
def test_counted_units_take_the_measure_word_of_the_goods(description_zh, word):
    assert measure_word(description_zh, ZH) == word


def test_unknown_unit_without_unit_zh_is_marked():
    order = goods(m.GoodsLine("Resin", D(4), "drums", D("10.00"), description_zh="树脂"))
    case = make_case(order=order, claim=dataclasses.replace(make_case().claim, amount=D("40.00")))
    r = render_markdown(case, "demand_letter", "zh", DATE)
    assert "order.goods[0].unit_zh" in r.untranslated


def exhibit(source: str, source_zh: str | None = None) -> m.Exhibit:
    return m.Exhibit(kind="emails", title="E-mails", title_zh="往来电子邮件", number=1, source=source,
                     source_zh=source_zh, purpose="Promises", purpose_zh="证明承诺")


@pytest.mark.parametrize("key, zh_text, en_text", [
    ("signed_by_both_parties", "双方签署，通过电子邮件交换", "Signed by both parties, exchanged by e-mail"),
    # the index of a mainland supplier goes with the police report: its terms (报案人, 被报案人)
    ("issued_by_client_bank", "报案人开户银行出具", "Issued by the reporter's bank"),
    ("supplier_email_attachment", "被报案人所发电子邮件的附件", "Attachment to an e-mail from the reported party"),
    ("client_mailbox_export", "从报案人邮箱导出", "Exported from the reporter's mailbox"),
    ("client_phone_export", "从报案人手机导出", "Exported from the reporter's phone"),
    ("platform_download", "从交易平台下载", "Downloaded from the trading platform"),
])
def test_keyed_sources_are_worded_in_each_language_with_the_documents_terms(key, zh_text, en_text):
    case = make_case(evidence=(exhibit(key),))
    assert zh_text in zh(case, "evidence_index")
    assert en_text in render_markdown(case, "evidence_index", "en", DATE).text.replace("\\", "")


def test_free_text_source_still_needs_its_twin():
    case = make_case(evidence=(exhibit("From a friend"),))
    assert "evidence[0].source_zh" in render_markdown(case, "evidence_index", "zh", DATE).untranslated
    assert "朋友提供" in zh(make_case(evidence=(exhibit("From a friend", "朋友提供"),)), "evidence_index")


# ------------------------------------------------------------------ one name per party


FACT = "供应商发送了一份伪造的提单，买方随即停止付款；卖家此后失联。"


def with_fact(text_zh: str, **changes) -> m.Case:
    return make_case(facts=(m.Fact(dt.date(2026, 7, 28), "The supplier sent a forged bill of lading.", text_zh),),
                     **changes)


@pytest.mark.parametrize("doc, client, supplier", [
    ("police_report", "报案人", "被报案人"),
    ("demand_letter", "我方", "贵司"),  # the client's own letter (no agent letter number)
    ("samr_complaint", "举报人", "被举报人"),  # a company buyer reports (举报)
    ("platform_fraud_report", "买方", "供应商"),
])
def test_case_text_takes_the_documents_terms(doc, client, supplier):
    text = zh(with_fact(FACT), doc)
    assert f"{supplier}发送了一份伪造的提单，{client}随即停止付款；{supplier}此后失联。" in text


def test_names_are_never_rewritten():
    supplier = dataclasses.replace(make_case().supplier, name_zh="深圳市好卖家科技有限公司")
    text = zh(with_fact(FACT, supplier=supplier), "police_report")
    assert "深圳市好卖家科技有限公司" in text and "被报案人发送了" in text


def test_english_terms_keep_a_capital_at_a_sentence_start():
    terms = party_terms(EN, "the reporter", "the reported party")
    assert terms.apply("The supplier paid; the buyer's bank and the Seller agreed.") == \
        "The reported party paid; the reporter's bank and the reported party agreed."


def test_longer_party_word_wins():
    terms = party_terms(ZH, "甲方", "乙方")
    assert terms.apply("被报案人和报案人") == "乙方和甲方"


def test_found_party_words_reports_the_others():
    assert found_party_words("报案人称被报案人即供应商", ZH, ("报案人", "被报案人")) == ["供应商"]


# ------------------------------------------------------------------ punctuation where case text enters


def test_case_text_punctuation_is_made_chinese():
    text = zh(with_fact('供应商称"下周发货",此后再无回应'), "police_report")
    assert "被报案人称“下周发货”，此后再无回应" in text


def test_hong_kong_documents_use_corner_brackets():
    supplier = dataclasses.replace(make_case().supplier, region="hong_kong", hk_company_no="3141592",
                                   address="Unit 5, 8/F, 1 Example Road, Kowloon, Hong Kong", uscc=None,
                                   province_zh=None, city_zh=None, district_zh=None)
    case = with_fact('供应商称"下周发货",此后再无回应', supplier=supplier)
    text = render_markdown(case, "police_report", "zh-Hant", DATE).text
    assert "「下週發貨」，此後再無回應" in text and '"' not in text


def test_every_applicable_chinese_document_of_a_foreign_individual_is_unmarked_for_names():
    case = foreign_individual()
    for doc in applicable(case, DATE):
        r = render_markdown(case, doc, "zh", DATE)
        assert not [k for k in r.untranslated if k.endswith(("name_zh", "address_zh", "firm_zh", "holder_zh",
                                                              "bank_zh"))], doc


def test_english_case_text_takes_the_english_documents_terms():
    case = make_case(facts=(m.Fact(dt.date(2026, 7, 28), "The supplier sent a forged bill of lading to the buyer."),))
    police = render_markdown(case, "police_report", "en", DATE).text.replace("\\", "")
    assert "The reported party sent a forged bill of lading to the reporter." in police
    agreement_terms = party_terms(EN, "Party A", "Party B")
    assert agreement_terms.apply("the seller's account") == "Party B's account"


def test_english_names_are_never_rewritten():
    client = dataclasses.replace(make_case().client, name="The Buyer Collective Ltd")
    text = render_markdown(make_case(client=client), "police_report", "en", DATE).text
    assert "The Buyer Collective Ltd" in text


def test_every_source_key_of_the_format_is_worded_in_both_catalogues():
    from restitution.case.model import EVIDENCE_SOURCES

    for words in (EN, ZH):
        assert {k.split(".", 1)[1] for k in words.keys() if k.startswith("sources.")} == set(EVIDENCE_SOURCES)


def test_other_people_of_the_same_kind_keep_their_word():
    terms = party_terms(ZH, "报案人", "被报案人")
    assert terms.apply("卖家还骗了其他买家和多名买家") == "被报案人还骗了其他买家和多名买家"


_MAINLAND_CHINESE = r"""
import sys, datetime as dt
from restitution.case import load_case
from restitution.pipeline.render import render_document
from restitution.translation.fields import untranslated
case = load_case(sys.argv[1])
for lang in ("zh", "bilingual"):
    render_document(case, "police_report", lang, dt.date(2026, 11, 20))
untranslated(case, dt.date(2026, 11, 20), ["power_of_attorney", "demand_letter", "police_report"])
print("opencc" in sys.modules)
"""


def test_a_mainland_case_never_loads_the_traditional_converter():
    """OpenCC's dictionaries cost 60 ms to load: only a Hong Kong document needs them (a packet
    and `validate` paid for them through a self-styled officer's title, session 22)."""
    import os
    import subprocess
    import sys
    from pathlib import Path

    out = subprocess.run([sys.executable, "-c", _MAINLAND_CHINESE, str(Path(__file__).resolve().parents[2] / "examples" / "northwind-vanished.yaml")], capture_output=True, check=True,
                         env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stdout.decode().split()[-1] == "False"
