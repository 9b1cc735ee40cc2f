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
from dataclasses import dataclass
from decimal import Decimal

from restitution.case.model import Case, Fact
from restitution.documents import DocumentSpec
from restitution.documents._phrases import (
    CnyEquivalent,
    PaymentRow,
    client_name,
    cny_equivalent,
    native,
    outcome_text,
    payment_rows,
    representative,
    representative_label,
    supplier_address,
    supplier_identifier,
    supplier_name,
    with_other,
)
from restitution.errors import DocumentNotApplicable
from restitution.formatting import format_date, format_money, format_number
from restitution.language import get as get_language
from restitution.language.catalogue import Catalogue
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


def indicators(case: Case, words: Catalogue) -> list[str]:
    """The true indicators of 非法占有目的, strongest first; nothing is said that the case does not state."""
    ind, out, s = case.indicators, case.outcome, case.supplier
    code = words.language.code
    lines: list[str] = []
    if ind.vanished_after_payment or out.seller_unreachable:
        when = out.last_contact
        if when:
            lines.append(words("police_report.indicator.absconded_last_contact", date=format_date(when, code)))
        else:
            lines.append(words("police_report.indicator.absconded"))
    if ind.fake_address:
        lines.append(words("police_report.indicator.fake_address"))
    if ind.forged_documents:
        lines.append(words("police_report.indicator.forged_documents"))
    if ind.shipped_junk or out.kind in ("junk_delivered", "counterfeit"):
        lines.append(words("police_report.indicator.shipped_junk"))
    if ind.recently_registered:
        days = _days_before_order(case)
        if days is not None:
            lines.append(words("police_report.indicator.registered_on",
                               date=format_date(s.registered_on, code), days=days))
        else:
            lines.append(words("police_report.indicator.recently_registered"))
    capital = ind.registered_capital_cny
    loss = case.claim.amount_cny
    if capital is not None and loss is not None and capital < loss:
        lines.append(words("police_report.indicator.small_capital", capital=format_money(capital, "CNY", code)))
    if ind.refused_escrow:
        lines.append(words("police_report.indicator.refused_escrow"))
    if ind.personal_email_used:
        lines.append(words("police_report.indicator.personal_email"))
    return lines


# ------------------------------------------------------------------ parties

def contacts(case: Case, words: Catalogue) -> list[str]:
    """One line per person of the reported party: name, then each way to reach them."""
    out = []
    for ct in case.supplier.contacts:
        if words.language.chinese:
            if ct.name_zh and ct.name:
                name = with_other(words, ct.name_zh, ct.name)
            else:
                name = ct.name_zh or ct.name or words("police_report.contact.unknown")
        else:
            name = ct.name or ct.name_zh or words("police_report.contact.unknown")
            if ct.role:
                name = words("police_report.contact.with_role", name=name, role=ct.role)
        parts = [words(f"police_report.contact.{k}", value=v)
                 for k, v in (("phone", ct.phone), ("whatsapp", ct.whatsapp), ("wechat", ct.wechat),
                              ("email", ct.email)) if v]
        if parts:
            name = words("police_report.contact.line", name=name,
                         ways=words("police_report.contact.separator").join(parts))
        out.append(name)
    return out


def _norm(account: str | None) -> str:
    return "".join((account or "").split())


def accounts(case: Case, words: Catalogue) -> list[str]:
    """Each receiving account, with the reporter's payments into it (what the police trace and freeze)."""
    code = words.language.code
    out = []
    for acct in case.supplier.bank_accounts:
        holder = native(words, acct.holder, acct.holder_zh)
        bank = native(words, acct.bank, acct.bank_zh)
        parts = []
        if holder:
            parts.append(words("police_report.account.holder", value=holder))
        if bank:
            parts.append(words("police_report.account.bank", value=bank))
        parts.append(words("police_report.account.number", value=acct.account))
        if acct.swift:
            parts.append(words("police_report.account.swift", value=acct.swift))
        line = words("police_report.account.separator").join(parts)
        paid = [p for p in case.payments if p.to_account and _norm(p.to_account) == _norm(acct.account)]
        if paid:
            items = [words("police_report.account.payment", date=format_date(p.date, code),
                           amount=format_money(p.amount, p.currency, code)) for p in paid]
            line += words("police_report.account.paid_into",
                          payments=words("police_report.account.payment_separator").join(items))
        out.append(line)
    return out


# ------------------------------------------------------------------ notes to the reporter
# The notes, with the police's deadlines, are reworded by the change that moves the
# police deadlines into rules/ and their catalogue; until then they read the language code.


def zh(lang: str) -> bool:
    return get_language(lang).chinese


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


@dataclass(frozen=True)
class PoliceCitations:
    """Citation strings in the document's language; only the route's own are set."""

    hk_16a: str | None = None
    hk_17: str | None = None
    art224: str | None = None
    filing69: str | None = None
    fraud1: str | None = None
    econ8: str | None = None
    cpl110: str | None = None


@dataclass(frozen=True)
class PoliceReportContext:
    hk: bool
    supplier_name: str
    client_name: str
    supplier_id_label: str | None
    supplier_id: str | None
    supplier_address: str | None
    rep_label: str
    rep: str | None
    contacts: list[str]
    accounts: list[str]
    facts: list[Fact]
    payments: list[PaymentRow]
    outcome: str
    indicators: list[str]
    absconded: bool
    notes: list[str]
    registered_capital: Decimal | None
    bureau: str | None
    unit: str | None
    cite: PoliceCitations
    # mainland only
    unit_en: str | None = None
    place: str | None = None
    cny: CnyEquivalent | None = None
    loss_cny: Decimal | None = None
    threshold224: Decimal | None = None
    reached224: bool = False
    threshold266: Decimal | None = None
    reached266: bool = False
    threshold266_basis: str | None = None


def context(case: Case, words: Catalogue, date: dt.date) -> PoliceReportContext:
    hk = case.supplier.region == "hong_kong"
    id_label, id_value = supplier_identifier(case, words)
    s = case.supplier
    code = words.language.code
    common = dict(
        hk=hk,
        supplier_name=supplier_name(case, words),
        client_name=client_name(case, words),
        supplier_id_label=id_label,
        supplier_id=id_value,
        supplier_address=supplier_address(case, words),
        rep_label=representative_label(case, words),
        rep=representative(case, words),
        contacts=contacts(case, words),
        accounts=accounts(case, words),
        facts=sorted(case.facts, key=lambda f: f.date),
        payments=payment_rows(case, words),
        outcome=outcome_text(case, words),
        indicators=indicators(case, words),
        absconded=case.indicators.vanished_after_payment,
        notes=notes(case, code, date),
        registered_capital=case.indicators.registered_capital_cny,
    )
    if hk:
        return PoliceReportContext(
            **common,
            bureau=words("police_report.hk.bureau"),
            unit=words("police_report.hk.unit"),
            cite=PoliceCitations(hk_16a=HK_THEFT_16A.text(code), hk_17=HK_THEFT_17.text(code)),
        )
    route = police_route(case)
    loss = loss_check(case)
    t266 = loss.art266
    if t266.provincial:
        basis = words("police_report.threshold266.provincial", province=(s.province_zh or "").strip(),
                      amount=format_number(t266.amount, code, places=0))
    else:
        basis = words("police_report.threshold266.range")
    return PoliceReportContext(
        **common,
        bureau=route.body_zh,
        unit=route.unit_zh,
        unit_en=route.unit_en,
        place=f"{s.province_zh or ''}{s.city_zh or ''}{s.district_zh or ''}",
        cny=cny_equivalent(case, words),
        loss_cny=loss.amount_cny,
        threshold224=ART224_THRESHOLD_CNY,
        reached224=bool(loss.art224_reached),
        threshold266=t266.amount,
        reached266=bool(loss.art266_reached),
        threshold266_basis=basis,
        cite=PoliceCitations(
            art224=CRIMINAL_LAW_224.text(code),
            filing69=FILING_STANDARD_69.text(code),
            fraud1=FRAUD_INTERPRETATION_1.text(code),
            econ8=ECONOMIC_CRIME_8.text(code),
            cpl110=CPL_110.text(code),
        ),
    )


SPEC = DocumentSpec(
    key="police_report",
    check=check,
    context=context,
    # the Hong Kong Police read English or Traditional Chinese (pitfall 1)
    zh_variant=lambda case: "zh-Hant" if case.supplier.region == "hong_kong" else "zh",
    in_packet=lambda case: case.supplier.region in ("mainland", "hong_kong"),
)
