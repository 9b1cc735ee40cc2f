"""The demand letter: 催告函 from the client, or 律师函 from the law firm (domain.md §D, pitfall 9).

Who signs decides what the letter may be called: only a law firm issues a
律师函, under its seal and with its letter number (发函号); a letter the buyer
sends itself is a 催告函 / Demand Letter. ``claim.sender`` chooses.

Values the templates read as ``x``:

- ``agent_letter``: True for a 律师函 (``claim.sender: agent``).
- ``letter_no``: the firm's 发函号: ``agent.letter_no`` when the case gives it,
  otherwise derived as ``（<year>）<code>律函字第<serial>号``, where the code
  is the first character of the firm's Chinese name after any leading place
  name and the serial is the last group of digits of the case id
  (NW-2026-0042 → 0042). ``letter_no_derived`` says which; a derived number
  is a stand-in until the firm assigns its own.
- ``deadline`` (the letter date + ``claim.deadline_days``), ``deadline_days``.
- ``facts`` and ``payments`` in date order; ``paid_total`` when all payments
  share one currency.
- ``supplier_name`` / ``client_name``: full names for the language (a PRC
  company's registered Chinese name is its legal name, so both languages print it).
- ``supplier_id_label`` / ``supplier_id``: the USCC, or the Hong Kong
  Companies Registry number.
- ``cny``: the claim's RMB equivalent with rate, date and source, or None.
- ``trade_assurance``: a Trade Assurance refund claim is open (a TA order with
  at least one payment through the platform, rules.trade_assurance).
- ``forum``: "cietac" only with a CIETAC clause; "other_arbitration";
  "people_court" (mainland supplier); "court" (elsewhere).
- ``cite``: citation strings in the document's language.
"""
from __future__ import annotations

import datetime as dt
import re
from decimal import Decimal
from typing import Any

from restitution.case.model import Case, Payment
from restitution.documents import DocumentSpec
from restitution.formatting import format_date
from restitution.errors import DocumentNotApplicable
from restitution.rules import CRIMINAL_LAW_224, HK_THEFT_16A, HK_THEFT_17, trade_assurance
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

_PLACE = re.compile(r"^(?:.{2,3}?[省市])?(?:.{2,3}?[市区县])?")


def derive_letter_no(firm_zh: str, case_id: str, year: int) -> str | None:
    """（2026）示律函字第0042号 from 示例律师事务所 and NW-2026-0042; None without a usable serial."""
    digits = re.findall(r"\d+", case_id)
    name = firm_zh.strip()
    stripped = _PLACE.sub("", name)
    if stripped.startswith("律师事务所") or not stripped:
        stripped = name
    if not digits or not stripped:
        return None
    serial = digits[-1][-4:].zfill(4)
    return f"（{year}）{stripped[0]}律函字第{serial}号"


# ------------------------------------------------------------------ spec


def check(case: Case) -> None:
    if case.claim.sender == "agent":
        if case.agent is None:
            raise DocumentNotApplicable(
                "a lawyer's letter (claim.sender: agent) is issued by a law firm, and the case names no "
                "agent; add the agent, or send the letter as the client (claim.sender: client)",
                case.locate("claim.sender"))
        if not case.agent.firm or not case.agent.firm_zh:
            missing = "agent.firm" if not case.agent.firm else "agent.firm_zh"
            raise DocumentNotApplicable(
                f"a lawyer's letter is issued in the name of the law firm: {missing} is required "
                "when claim.sender is agent", case.locate(missing if case.agent.firm else "agent"))
        if not case.agent.letter_no and derive_letter_no(case.agent.firm_zh, case.id, 2000) is None:
            raise DocumentNotApplicable(
                "the case id has no digits to derive the letter number (发函号) from; give agent.letter_no",
                case.locate("agent"))
    if case.claim.refund_account is None:
        raise DocumentNotApplicable(
            "the demand letter must say where the money is to be paid: add claim.refund_account "
            "(holder, bank, account, swift)", case.locate("claim"))
    s = case.supplier
    if s.region == "mainland" and not s.name_zh:
        raise DocumentNotApplicable(
            "a demand to a mainland supplier must name it by its full registered Chinese name "
            "(supplier.name_zh, as shown in the national enterprise credit system)",
            case.locate("supplier.name"))


def context(case: Case, lang: str, date: dt.date) -> dict[str, Any]:
    agent_letter = case.claim.sender == "agent"
    letter_no, derived = None, False
    if agent_letter and case.agent is not None:
        letter_no = case.agent.letter_no
        if not letter_no:
            letter_no, derived = derive_letter_no(case.agent.firm_zh or "", case.id, date.year), True
    total, total_currency = paid_total(case)
    id_label, id_value = supplier_identifier(case, lang)
    clause = case.order.arbitration_clause
    if clause == "cietac":
        forum = "cietac"
    elif clause == "other":
        forum = "other_arbitration"
    else:
        forum = "people_court" if case.supplier.region == "mainland" else "court"
    return {
        "agent_letter": agent_letter,
        "letter_no": letter_no,
        "letter_no_derived": derived,
        "deadline": date + dt.timedelta(days=case.claim.deadline_days),
        "deadline_days": case.claim.deadline_days,
        "facts": sorted(case.facts, key=lambda f: f.date),
        "payments": payment_rows(case, lang),
        "paid_total": total,
        "paid_currency": total_currency,
        "supplier_name": supplier_name(case, lang),
        "client_name": client_name(case, lang),
        "supplier_id_label": id_label,
        "supplier_id": id_value,
        "supplier_address": supplier_address(case, lang),
        "cny": cny_equivalent(case, lang),
        "outcome": outcome_text(case, lang),
        "order_ref": order_ref(case, lang),
        # the claim is exactly what was paid: the letter says "repay", not just "pay"
        "claim_is_refund": total is not None and total == case.claim.amount
        and total_currency == case.claim.currency,
        "rep_label": representative_label(case, lang),
        "rep": representative(case, lang),
        "agent_address": agent_address(case, lang),
        "supplier_emails": [ct.email for ct in case.supplier.contacts if ct.email],
        "trade_assurance": bool(trade_assurance(case).applies),
        "forum": forum,
        "region": case.supplier.region,
        "cite": citations(lang),
    }


SPEC = DocumentSpec(
    key="demand_letter",
    # A client's letter must not be called 律师函 (pitfall 9); the template prints 律师函 only for the firm.
    title={"en": "Demand Letter", "zh": "催告函"},
    check=check,
    context=context,
    # Hong Kong reads Traditional Chinese (pitfall 10)
    zh_variant=lambda case: "zh-Hant" if case.supplier.region == "hong_kong" else "zh",
)
