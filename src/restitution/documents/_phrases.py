"""The case's parties, payments, amounts and citations phrased for one language.

Shared by the documents' context builders, so that every document names the
supplier, the order and the money the same way.
"""
from __future__ import annotations

from decimal import Decimal
from typing import Any

from restitution.case.model import Case, Payment
from restitution.formatting import format_date
from restitution.rules import CRIMINAL_LAW_224, HK_THEFT_16A, HK_THEFT_17
from restitution.rules.citations import zh_number


def zh(lang: str) -> bool:
    return lang.startswith("zh")


# ------------------------------------------------------------------ citations

# rules.citations has no entry for the Civil Code; the demand letter is its only
# user so far. domain.md §D marks these articles [R]; their content (breach,
# statutory termination, effects of termination, scope of damages) is the
# settled text of the 2020 Code, which has not been amended.
CIVIL_CODE_EN = "Civil Code of the PRC (2020)"
CIVIL_CODE_ZH = "《中华人民共和国民法典》（2020年）"


def civil_code(articles: tuple[int, ...], lang: str) -> str:
    if zh(lang):
        return CIVIL_CODE_ZH + "、".join(f"第{zh_number(a)}条" for a in articles)
    label = "Arts." if len(articles) > 1 else "Art."
    nums = [str(a) for a in articles]
    joined = nums[0] if len(nums) == 1 else ", ".join(nums[:-1]) + " and " + nums[-1]
    return f"{CIVIL_CODE_EN}, {label} {joined}"


def citations(lang: str) -> dict[str, str]:
    return {
        "art224": CRIMINAL_LAW_224.text(lang),
        "hk_16a": HK_THEFT_16A.text(lang),
        "hk_17": HK_THEFT_17.text(lang),
        "cc_563": civil_code((563,), lang),
        "cc_566_577_584": civil_code((566, 577, 584), lang),
    }


# ------------------------------------------------------------------ names and labels


def supplier_name(case: Case, lang: str) -> str:
    """The supplier's full name: registered Chinese name with the English trading name beside it."""
    s = case.supplier
    if not s.name_zh or s.name_zh == s.name:
        return s.name
    return f"{s.name_zh}（{s.name}）" if zh(lang) else f"{s.name} ({s.name_zh})"


def client_name(case: Case, lang: str) -> str:
    c = case.client
    if zh(lang) and c.name_zh and c.name_zh != c.name:
        return f"{c.name_zh}（{c.name}）"
    return c.name


def supplier_identifier(case: Case, lang: str) -> tuple[str | None, str | None]:
    s = case.supplier
    if s.region == "mainland" and s.uscc:
        return ("统一社会信用代码" if zh(lang) else "Unified Social Credit Code"), s.uscc
    if s.region == "hong_kong" and s.hk_company_no:
        return ("香港公司注册处编号" if zh(lang) else "Hong Kong Companies Registry No."), s.hk_company_no
    return None, None


def agent_address(case: Case, lang: str) -> str | None:
    a = case.agent
    if a is None:
        return None
    return (a.address_zh or a.address) if zh(lang) else (a.address or a.address_zh)


def supplier_address(case: Case, lang: str) -> str | None:
    s = case.supplier
    return (s.address_zh or s.address) if zh(lang) else (s.address or s.address_zh)


_NETWORK = {
    "visa": ("Visa", "Visa"), "mastercard": ("Mastercard", "万事达"), "amex": ("American Express", "美国运通"),
    "unionpay": ("UnionPay", "银联"), "discover": ("Discover", "Discover"), "jcb": ("JCB", "JCB"),
}
_METHOD = {
    "wire": ("wire transfer", "电汇"),
    "alipay": ("Alipay", "支付宝"),
    "wechat_pay": ("WeChat Pay", "微信支付"),
    "trade_assurance": ("Alibaba.com Trade Assurance", "阿里巴巴国际站信用保障"),
    "letter_of_credit": ("letter of credit", "信用证"),
    "paypal": ("PayPal", "PayPal"),
    "other": ("other means", "其他方式"),
}


def payment_method(p: Payment, lang: str) -> str:
    i = 1 if zh(lang) else 0
    if p.method == "card" and p.card is not None:
        net = _NETWORK[p.card.network][i]
        return f"{net}卡（尾号{p.card.last4}）" if i else f"{net} card ending {p.card.last4}"
    return _METHOD[p.method][i]


def payment_rows(case: Case, lang: str) -> list[dict[str, Any]]:
    rows = []
    for p in sorted(case.payments, key=lambda p: p.date):
        ref = p.reference or p.merchant_descriptor
        rows.append({"date": p.date, "amount": p.amount, "currency": p.currency,
                     "method": payment_method(p, lang), "reference": ref or "—"})
    return rows


def paid_total(case: Case) -> tuple[Decimal | None, str | None]:
    currencies = {p.currency for p in case.payments}
    if len(currencies) != 1:
        return None, None
    return sum((p.amount for p in case.payments), Decimal("0")), currencies.pop()


# Rate sources a Chinese reader knows by their Chinese name.
_RATE_SOURCES_ZH = {
    "pboc central parity": "中国人民银行授权中国外汇交易中心公布的人民币汇率中间价",
    "pboc": "中国人民银行公布的人民币汇率中间价",
    "cfets central parity": "中国外汇交易中心公布的人民币汇率中间价",
}


def cny_equivalent(case: Case, lang: str) -> dict[str, Any] | None:
    c = case.claim
    if c.currency == "CNY" or c.amount_cny is None:
        return None
    source = c.cny_rate_source
    if source and zh(lang):
        source = _RATE_SOURCES_ZH.get(source.strip().lower(), source)
    return {"amount": c.amount_cny, "rate": c.cny_rate, "date": c.cny_rate_date, "source": source}


# English: a past participle phrase after "has"/"have"
_OUTCOME = {
    "not_delivered": ("not delivered any of the goods", "至今未交付任何货物"),
    "junk_delivered": ("delivered goods that bear no relation to the goods contracted for and are worthless",
                       "交付的货物与合同约定的货物完全不符，毫无使用价值"),
    "not_as_described": ("delivered goods that do not match the description and specifications agreed "
                         "in the contract", "交付的货物与合同约定的品名、规格不符"),
    "counterfeit": ("delivered counterfeit goods", "交付的货物为假冒产品"),
    "partial_delivery": ("delivered only part of the goods", "仅交付了部分货物"),
}


def outcome_text(case: Case, lang: str) -> str:
    return _OUTCOME[case.outcome.kind][1 if zh(lang) else 0]


def order_ref(case: Case, lang: str) -> str:
    """How the letter names the transaction: by order number, else by its date."""
    o = case.order
    if zh(lang):
        return f"订单号{o.number}" if o.number else f"{format_date(o.date, 'zh')}订单"
    return f"order {o.number}" if o.number else f"the order of {format_date(o.date, 'en')}"


def representative_label(case: Case, lang: str) -> str:
    # a Hong Kong company has directors, not a 法定代表人
    if case.supplier.region == "mainland":
        return "法定代表人" if zh(lang) else "Legal representative"
    return "负责人" if zh(lang) else "Person in charge"


def representative(case: Case, lang: str) -> str | None:
    s = case.supplier
    return (s.legal_representative_zh or s.legal_representative) if zh(lang) else (
        s.legal_representative or s.legal_representative_zh)


# ------------------------------------------------------------------ letter number
