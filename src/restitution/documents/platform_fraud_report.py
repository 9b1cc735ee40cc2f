"""Fraud report to the platform / 平台欺诈举报 (DESIGN.md; domain.md §C fraud indicators, §F).

A report to the marketplace's fraud team, ready to send: subject line, the
store and the company behind it, the order and every payment with the
account that received it, what happened, the fraud indicators in plain
words, every contact the supplier used (a personal e-mail address is
flagged: a recognised red flag), the evidence, and what the platform is
asked to do. English is the working language of the Alibaba.com team the
buyer writes to; the Chinese text is for its Chinese-speaking colleagues.

Values the templates read as ``x``: ``subject``, ``recipient``,
``supplier_name``, ``supplier_id_label`` / ``supplier_id``, ``payments``,
``indicators`` (sentences), ``contacts``, ``police`` (the competent police
body's name, when this toolkit can name one), ``ta_claim`` (a Trade
Assurance refund claim is open on the order).
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from restitution.case.model import Case, Contact
from restitution.documents import DocumentSpec
from restitution.documents._phrases import (
    paid_total,
    payment_method,
    supplier_identifier,
    supplier_name,
)
from restitution.errors import DocumentNotApplicable
from restitution.formatting import format_date, format_money
from restitution.rules import paid_through_platform, police_route, trade_assurance

# Free web-mail domains: a supplier's staff writing from one of these instead of
# a company domain is a red flag (seed material on platform fraud).
FREEMAIL = frozenset({
    "gmail.com", "googlemail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "yahoo.com",
    "yahoo.com.cn", "icloud.com", "aol.com", "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net",
    "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "189.cn", "tom.com",
})

_RECIPIENT = {
    "alibaba": ("Alibaba.com, fraud and complaints team", "阿里巴巴国际站 欺诈举报受理团队"),
    "other": ("The platform's fraud and complaints team", "平台欺诈举报受理部门"),
}


def _zh(lang: str) -> bool:
    return lang.startswith("zh")


def subject(case: Case, lang: str) -> str:
    """Fraud Report – <supplier> – order <platform order id>: what the fraud team files it under."""
    o, s = case.order, case.supplier
    ref = o.platform_order_id or o.number
    if _zh(lang):
        name = s.name_zh or s.name
        order = f"订单{ref}" if ref else f"{format_date(o.date, lang)}订单"
        return f"欺诈举报 – {name} – {order}"
    order = f"order {ref}" if ref else f"order of {format_date(o.date, lang)}"
    return f"Fraud Report – {s.name} – {order}"


def _personal(email: str, case: Case, any_known: bool) -> bool:
    """A free web-mail address; or, when the case says personal e-mail was used and no address
    is on a known free-mail domain, every address (the case cannot say which one it was)."""
    domain = email.rsplit("@", 1)[-1].lower()
    if domain in FREEMAIL:
        return True
    return case.indicators.personal_email_used and not any_known


def contacts(case: Case, lang: str) -> list[dict[str, Any]]:
    emails = [c.email for c in case.supplier.contacts if c.email]
    any_known = any(e.rsplit("@", 1)[-1].lower() in FREEMAIL for e in emails)
    out = []
    for c in case.supplier.contacts:
        out.append({
            "name": _contact_name(c, lang),
            "role": c.role,
            "email": c.email,
            "personal": bool(c.email) and _personal(c.email or "", case, any_known),
            "wechat": c.wechat,
            "phone": c.phone,
            "whatsapp": c.whatsapp,
        })
    return out


def _contact_name(c: Contact, lang: str) -> str | None:
    if _zh(lang) and c.name_zh:
        return f"{c.name_zh}（{c.name}）" if c.name else c.name_zh
    return c.name or c.name_zh


def payments(case: Case, lang: str) -> list[dict[str, Any]]:
    rows = []
    for p in sorted(case.payments, key=lambda p: p.date):
        rows.append({
            "payment": p,
            "method": payment_method(p, lang),
            "reference": p.reference or p.merchant_descriptor,
            "account": p.to_account,
            "platform": paid_through_platform(p),
        })
    return rows


def indicators(case: Case, lang: str) -> list[str]:
    """The fraud indicators of the case as plain sentences (domain.md §C: the signs of intent
    to take the money, as opposed to an ordinary dispute)."""
    i, s, zh = case.indicators, case.supplier, _zh(lang)
    out: list[str] = []
    if i.vanished_after_payment:
        out.append("收款后即停止回复、失去联系。" if zh else
                   "It stopped answering once it had been paid and cannot be reached.")
    if i.shipped_junk:
        out.append("以毫无价值的货物冒充订购的货物发出。" if zh else
                   "It shipped worthless goods in place of the goods ordered.")
    if i.forged_documents:
        out.append("向买方提供了伪造的单据。" if zh else "It sent the buyer forged documents.")
    if i.refused_escrow:
        out.append("拒绝通过平台的担保交易（信用保障）收款，要求买方将款项付至其自行提供的账户。" if zh else
                   "It refused payment through the platform's protected checkout (Trade Assurance) "
                   "and asked for money to be sent to an account of its own.")
    if i.fake_address:
        out.append("其登记住所为虚假地址，该处并无该公司经营。" if zh else
                   "Its registered address is false: no such business operates there.")
    if i.recently_registered:
        if s.registered_on:
            when = format_date(s.registered_on, lang)
            out.append(f"该公司于{when}方才注册成立，距本次交易时间很短。" if zh else
                       f"The company was registered only on {when}, shortly before the order.")
        else:
            out.append("该公司在本次交易前不久方才注册成立。" if zh else
                       "The company was registered only shortly before the order.")
    capital = i.registered_capital_cny
    loss = case.claim.amount_cny
    # Small capital says something only against the size of the deal.
    if capital is not None and loss is not None and capital < loss:
        cap = format_money(capital, "CNY", lang)
        out.append(f"注册资本仅{cap}，低于本案涉案金额。" if zh else
                   f"Its registered capital is only {cap}, less than the amount of this order.")
    if i.personal_email_used:
        out.append("其工作人员使用个人邮箱而非公司域名邮箱与买方联系。" if zh else
                   "Its staff wrote from personal e-mail addresses, not from a company domain.")
    return out


def check(case: Case) -> None:
    if case.order.platform is None:
        raise DocumentNotApplicable("the platform fraud report needs order.platform",
                                    case.locate("order"))


def context(case: Case, lang: str, date: dt.date) -> dict[str, Any]:
    id_label, id_value = supplier_identifier(case, lang)
    route = police_route(case)
    platform = case.order.platform or "other"
    ta = trade_assurance(case)
    return {
        "subject": subject(case, lang),
        "recipient": _RECIPIENT[platform][1 if _zh(lang) else 0],
        "supplier_name": supplier_name(case, lang),
        "supplier_id_label": id_label,
        "supplier_id": id_value,
        "payments": payments(case, lang),
        "indicators": indicators(case, lang),
        "contacts": contacts(case, lang),
        # the police body the platform may hear from, when this toolkit can name one
        "police": None if route.body_zh is None else (route.body_zh if _zh(lang) else route.body_en),
        "ta_claim": ta.applies is True and ta.status(date) == "open",
        "paid_total": paid_total(case)[0],
        "paid_currency": paid_total(case)[1],
    }


SPEC = DocumentSpec(
    key="platform_fraud_report",
    title={"en": "Fraud Report", "zh": "欺诈举报"},
    check=check,
    context=context,
    # the report is written for Alibaba.com's fraud team; another platform is asked for explicitly
    in_packet=lambda case: case.order.platform == "alibaba",
)
