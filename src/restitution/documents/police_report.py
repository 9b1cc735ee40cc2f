"""The police-report cover memo: 报案材料 (domain.md §C; pitfalls 1, 5, 6).

A mainland supplier is reported to the public security bureau of its
registered district, to the bureau's economic-crime unit, for suspected
contract fraud (Criminal Law Art. 224); a Hong Kong supplier to the Hong Kong
Police Force under the Theft Ordinance (Cap. 210), in English or Traditional
Chinese, with no PRC law in it. The bureau's name and the loss thresholds come
from `restitution.rules`; this module only words them.

Values the templates read as ``x``:

- ``hk``: the Hong Kong route; ``bureau`` / ``unit`` (mainland names, e.g.
  深圳市公安局宝安区分局 / 经济犯罪侦查大队; for Hong Kong the Force and the
  Commercial Crime Bureau in the document's language).
- ``loss``: the claim in its currency; ``cny`` (RMB equivalent, rate, date,
  source) for a foreign-currency claim; ``loss_cny``.
- ``threshold224`` and ``reached224``; ``threshold266``, ``reached266`` and
  ``threshold266_basis`` (mainland only).
- ``indicators``: the true indicators of intent to take possession
  illegally (非法占有目的), worded for the language; ``absconded`` when Art.
  224 item 4 (absconding after receiving payment) is made out.
- ``facts``, ``payments``: in date order; ``contacts`` and ``accounts``:
  one line each about the reported party's people and receiving accounts.
- ``notes``: advice to the reporter, printed on a last page not to be filed.
- ``cite``: citation strings in the document's language.
"""
from __future__ import annotations

import datetime as dt
from typing import Any

from restitution.case.model import Case
from restitution.documents import DocumentSpec
from restitution.documents._phrases import (
    client_name,
    cny_equivalent,
    outcome_text,
    payment_rows,
    representative,
    representative_label,
    supplier_address,
    supplier_identifier,
    supplier_name,
    zh,
)
from restitution.errors import DocumentNotApplicable
from restitution.formatting import format_date, format_money
from restitution.rules import (
    ART224_THRESHOLD_CNY,
    CPL_110,
    CRIMINAL_LAW_224,
    ECONOMIC_CRIME_8,
    ECONOMIC_CRIME_14,
    FILING_STANDARD_69,
    FRAUD_INTERPRETATION_1,
    HK_THEFT_16A,
    HK_THEFT_17,
    loss_check,
    police_deadlines,
    police_route,
)
from restitution.rules.reason import bundled


def check(case: Case) -> None:
    region = case.supplier.region
    if region not in ("mainland", "hong_kong"):
        raise DocumentNotApplicable(
            "the police report memo covers suppliers registered in mainland China or Hong Kong "
            f"(supplier.region is {region!r}); report to the police where the supplier operates",
            case.locate("supplier.region"))
    if region == "mainland":
        police_route(case)  # a missing province, city or district is a located error
        if case.claim.amount_cny is None:
            raise DocumentNotApplicable(
                f"the loss must be stated in RMB to compare it with the filing standard: the claim is in "
                f"{case.claim.currency}, so give claim.cny_rate, with cny_rate_date and cny_rate_source",
                case.locate("claim"))
    if not case.evidence:
        raise DocumentNotApplicable(
            "the police report encloses the evidence and lists it by number: add the exhibits (evidence)",
            case.locate("evidence"))


# ------------------------------------------------------------------ indicators

def _days_before_order(case: Case) -> int | None:
    reg = case.supplier.registered_on
    if reg is None or reg > case.order.date:
        return None
    return (case.order.date - reg).days


def indicators(case: Case, lang: str) -> list[str]:
    """The true indicators of 非法占有目的, strongest first; nothing is said that the case does not state."""
    ind, out, s = case.indicators, case.outcome, case.supplier
    z = zh(lang)
    lines: list[str] = []
    if ind.vanished_after_payment or out.seller_unreachable:
        when = out.last_contact
        if z:
            lines.append("收取货款后即停止联系、拒不履行，携款失联"
                         + (f"（最后一次联系为{format_date(when, lang)}）" if when else "") + "。")
        else:
            lines.append("After receiving the money it stopped all contact and did not perform: it absconded "
                         "with the payments" + (f" (last contact: {format_date(when, lang)})" if when else "") + ".")
    if ind.fake_address:
        lines.append("其登记或对外宣称的经营地址系虚假地址，该地址并无其实际经营。" if z else
                     "Its registered or stated business address is false: it does not operate there.")
    if ind.forged_documents:
        lines.append("向报案人提供伪造、虚假的单据，制造已履行合同的假象。" if z else
                     "It gave the reporter forged or false documents to make it look as if it were performing.")
    if ind.shipped_junk or out.kind in ("junk_delivered", "counterfeit"):
        lines.append("以毫无价值或假冒的货物冒充合同货物发运，以掩盖其骗取货款的真实目的。" if z else
                     "It shipped worthless or counterfeit goods in place of the contracted goods, to disguise "
                     "the taking of the money as performance.")
    if ind.recently_registered:
        days = _days_before_order(case)
        if z:
            lines.append(f"成立时间极短：于{format_date(s.registered_on, lang)}登记成立，距订立本案合同仅{days}日。"
                         if days is not None else "在本案交易前不久方登记成立，成立时间极短。")
        else:
            lines.append(f"It was registered on {format_date(s.registered_on, lang)}, only {days} days "
                         "before the contract." if days is not None
                         else "It was registered only shortly before the transaction.")
    capital = ind.registered_capital_cny
    loss = case.claim.amount_cny
    if capital is not None and loss is not None and capital < loss:
        cap = format_money(capital, "CNY", lang)
        lines.append(f"注册资本仅{cap}，与本案交易金额明显不相称，不具备相应的履约能力。" if z else
                     f"Its registered capital is only {cap}, out of all proportion to this transaction: it had "
                     "no real capacity to perform.")
    if ind.refused_escrow:
        lines.append("拒绝通过平台担保交易收款，坚持要求报案人将款项直接汇入其指定账户。" if z else
                     "It refused payment through the platform's escrow and insisted that the money be sent "
                     "directly to an account of its choosing.")
    if ind.personal_email_used:
        lines.append("其业务人员使用个人免费邮箱而非公司邮箱与报案人往来，身份难以追查。" if z else
                     "Its staff dealt with the reporter from personal free e-mail accounts, not company "
                     "addresses, which makes them hard to trace.")
    return lines


# ------------------------------------------------------------------ parties

def contacts(case: Case, lang: str) -> list[str]:
    z = zh(lang)
    sep = "；" if z else "; "
    out = []
    for ct in case.supplier.contacts:
        if z:
            name = f"{ct.name_zh}（{ct.name}）" if ct.name_zh and ct.name else (ct.name_zh or ct.name or "姓名不详")
        else:
            name = ct.name or ct.name_zh or "name unknown"
            if ct.role:
                name += f", {ct.role}"
        parts = []
        if ct.phone:
            parts.append(("电话：" if z else "phone ") + ct.phone)
        if ct.whatsapp:
            parts.append(("WhatsApp：" if z else "WhatsApp ") + ct.whatsapp)
        if ct.wechat:
            parts.append(("微信号：" if z else "WeChat ") + ct.wechat)
        if ct.email:
            parts.append(("电子邮箱：" if z else "e-mail ") + ct.email)
        out.append(name + ("：" if z else ": ") + sep.join(parts) if parts else name)
    return out


def _norm(account: str | None) -> str:
    return "".join((account or "").split())


def accounts(case: Case, lang: str) -> list[str]:
    """Each receiving account, with the reporter's payments into it (what the police trace and freeze)."""
    z = zh(lang)
    out = []
    for acct in case.supplier.bank_accounts:
        holder = (acct.holder_zh or acct.holder) if z else (acct.holder or acct.holder_zh)
        bank = (acct.bank_zh or acct.bank) if z else (acct.bank or acct.bank_zh)
        parts = []
        if holder:
            parts.append(("户名：" if z else "holder ") + holder)
        if bank:
            parts.append(("开户行：" if z else "bank ") + bank)
        parts.append(("账号：" if z else "account ") + acct.account)
        if acct.swift:
            parts.append(("SWIFT：" if z else "SWIFT ") + acct.swift)
        line = ("；" if z else ", ").join(parts)
        paid = [p for p in case.payments if p.to_account and _norm(p.to_account) == _norm(acct.account)]
        if paid:
            items = [f"{format_date(p.date, lang)}{'汇入' if z else ''}{format_money(p.amount, p.currency, lang)}"
                     if z else f"{format_money(p.amount, p.currency, lang)} on {format_date(p.date, lang)}"
                     for p in paid]
            line += (f"（报案人于{'、'.join(items)}）" if z else f" (the reporter paid into it {', '.join(items)})")
        out.append(line)
    return out


# ------------------------------------------------------------------ notes to the reporter

def notes(case: Case, lang: str, date: dt.date) -> list[str]:
    z = zh(lang)
    if case.supplier.region == "hong_kong":
        return [
            "可到就近警署报案，或通过香港警务处网上报案中心提交（非紧急案件）；防骗易热线18222只提供咨询，不受理报案。"
            if z else "File at the nearest police station, or through the Hong Kong Police e-Report Centre for a "
            "non-urgent case; the Anti-Scam Helpline 18222 gives advice only and does not take reports.",
            "如卖方实际在内地经营（例如收款账户或办公地点在内地），亦可向当地内地警方报案，届时须另备简体中文报案材料。"
            if z else "If the seller in fact operates from mainland China (for instance its bank account or office "
            "is there), the mainland police of that place may also be competent; that report needs its own "
            "papers in Simplified Chinese.",
            "报案时携带全部证据原件及复印件，并记下报案编号及承办警员的姓名和联系方式。"
            if z else "Bring the originals and copies of every exhibit, and note the report number and the "
            "name and contact details of the officer in charge.",
            "警方可能要求报案人本人或经手人员当面或以视像方式录取口供，请预先安排。"
            if z else "The police may take a statement from the reporter or the person who handled the deal, in "
            "person or by video: plan for it.",
        ]
    route = police_route(case)
    return [
        route.note_zh if z else route.note_en,
        (f"报案人应以被害人（控告人）身份当面递交本材料，并要求当场出具受案回执；经济犯罪案件不论是否属于本机关管辖，"
         f"公安机关均应接受并登记（{ECONOMIC_CRIME_14.text(lang)}）。") if z else
        ("File in person as the victim-complainant (控告人) and ask for the case-acceptance receipt (受案回执) on "
         f"the spot: a bureau must accept and register a report of economic crime whether or not it has "
         f"jurisdiction ({ECONOMIC_CRIME_14.text(lang)})."),
        *deadline_notes(lang, date),
        "警方通常要求被害人本人或经手人员当面或以视频方式制作询问笔录，请预先安排。" if z else
        "The police usually take a statement (询问笔录) from the victim or the person who handled the deal, in "
        "person or by video: plan for it.",
        "外文证据须附中文译文；复印件应注明“与原件核对无异”，加盖公章或由经办人签字，并携带原件备查。委托律师报案的，"
        "须同时提交经公证及认证（或附加证明书）的授权委托书、律师事务所证明函及律师执业证复印件。" if z else
        "Every exhibit in a foreign language needs a Chinese translation; mark each copy as identical to the "
        "original, seal or sign it, and bring the originals. A lawyer filing for the reporter also brings the "
        "notarised and apostilled (or legalised) power of attorney, the law firm's letter and a copy of the "
        "lawyer's licence.",
    ]


def deadline_notes(lang: str, date: dt.date) -> list[str]:
    """The bureau's decision deadlines and the remedies against a refusal, for a report filed on `date`.

    The day counts, dates and citations come from `rules.police_deadlines`, which
    owns them; the words are the catalogue's ``rules.police.notes.*``.
    """
    words = bundled(lang)
    steps = {step.id: step for step in police_deadlines(date)}
    decision, extended = steps["police.decision"], steps["police.decision_extended"]
    further = steps["police.decision_further"]
    assert decision.date is not None
    return [
        words("rules.police.notes.decision", days=decision.days, extended=extended.days,
              further=further.days - extended.days, cite=decision.citation.word(words),
              filed=format_date(date, lang), first=format_date(decision.date, lang)),
        words("rules.police.notes.remedies", reconsider=steps["police.reconsideration"].days,
              review=steps["police.review"].days, notice_cite=steps["police.refusal_notice"].citation.word(words),
              remedy_cite=steps["police.reconsideration"].citation.word(words),
              supervision_cite=steps["police.supervision"].citation.word(words)),
    ]


# ------------------------------------------------------------------ context

def _hk_bodies(lang: str) -> tuple[str, str]:
    return ("香港警务处", "商业罪案调查科") if zh(lang) else ("Hong Kong Police Force", "Commercial Crime Bureau")


def context(case: Case, lang: str, date: dt.date) -> dict[str, Any]:
    hk = case.supplier.region == "hong_kong"
    id_label, id_value = supplier_identifier(case, lang)
    s = case.supplier
    x: dict[str, Any] = {
        "hk": hk,
        "supplier_name": supplier_name(case, lang),
        "client_name": client_name(case, lang),
        "supplier_id_label": id_label,
        "supplier_id": id_value,
        "supplier_address": supplier_address(case, lang),
        "rep_label": representative_label(case, lang),
        "rep": representative(case, lang),
        "contacts": contacts(case, lang),
        "accounts": accounts(case, lang),
        "facts": sorted(case.facts, key=lambda f: f.date),
        "payments": payment_rows(case, lang),
        "outcome": outcome_text(case, lang),
        "indicators": indicators(case, lang),
        "absconded": case.indicators.vanished_after_payment,
        "notes": notes(case, lang, date),
        "registered_capital": case.indicators.registered_capital_cny,
    }
    if hk:
        x["bureau"], x["unit"] = _hk_bodies(lang)
        x["cite"] = {"hk_16a": HK_THEFT_16A.text(lang), "hk_17": HK_THEFT_17.text(lang)}
        return x
    route = police_route(case)
    loss = loss_check(case)
    t266 = loss.art266
    province = (s.province_zh or "").strip()
    if t266.provincial:
        basis = (f"{province}确定的标准为人民币{t266.amount:,.0f}元" if zh(lang)
                 else f"the figure set for {province}: RMB {t266.amount:,.0f}")
    else:
        basis = ("各省、自治区、直辖市在人民币三千元至一万元幅度内确定，取其上限人民币一万元" if zh(lang)
                 else "each province sets it between RMB 3,000 and 10,000; compared here with the top of "
                 "that range, RMB 10,000")
    x.update({
        "bureau": route.body_zh,
        "unit": route.unit_zh,
        "unit_en": route.unit_en,
        "place": f"{s.province_zh or ''}{s.city_zh or ''}{s.district_zh or ''}",
        "cny": cny_equivalent(case, lang),
        "loss_cny": loss.amount_cny,
        "threshold224": ART224_THRESHOLD_CNY,
        "reached224": bool(loss.art224_reached),
        "threshold266": t266.amount,
        "reached266": bool(loss.art266_reached),
        "threshold266_basis": basis,
        "cite": {
            "art224": CRIMINAL_LAW_224.text(lang),
            "filing69": FILING_STANDARD_69.text(lang),
            "fraud1": FRAUD_INTERPRETATION_1.text(lang),
            "econ8": ECONOMIC_CRIME_8.text(lang),
            "cpl110": CPL_110.text(lang),
        },
    })
    return x


SPEC = DocumentSpec(
    key="police_report",
    title={"en": "Police Report", "zh": "报案材料"},
    check=check,
    context=context,
    # the Hong Kong Police read English or Traditional Chinese (pitfall 1)
    zh_variant=lambda case: "zh-Hant" if case.supplier.region == "hong_kong" else "zh",
    in_packet=lambda case: case.supplier.region in ("mainland", "hong_kong"),
)
