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
Assurance refund claim is open on the order), ``settlement`` (a settlement the
case records and the seller is not in default of: what was agreed and received).

A recorded settlement keeps the report out of the default packet (`left_out`
says why), as it keeps the 12315 complaint out: asking the platform to stop a
seller who is paying, or has paid and is owed a written pardon, contradicts the
pardon the same packet hands the police, and may put the agreement at risk [R].
Asked for by name, the report then says the settlement and what was received,
and asks only for a review of the store and for its records to be kept; a
seller in default of an instalment gets the full request again.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Contact, Payment
from restitution.case.stage import overdue, stage_of
from restitution.documents import DocumentSpec
from restitution.rules.facts import absconded, contact_resumed, escrow_refusal
from restitution.rules.loss import small_capital
from restitution.rules.people import OFFICES, on_record, title_of
from restitution.rules.payee import payees
from restitution.documents._phrases import (
    native,
    paid_total,
    payment_method,
    supplier_identifier,
    supplier_name,
    with_other,
)
from restitution.errors import DocumentNotApplicable
from restitution.formatting import format_date, format_money
from restitution.language.catalogue import Catalogue
from restitution.documents._history import recorded_unit
from restitution.records import record
from restitution.rules import paid_through_platform, police_route, trade_assurance
from restitution.rules.people import FREEMAIL


def subject(case: Case, words: Catalogue) -> str:
    """Fraud Report – <supplier> – order <platform order id>: what the fraud team files it under."""
    o, s = case.order, case.supplier
    ref = o.platform_order_id or o.number
    name = (s.name_zh or s.name) if words.language.chinese else s.name
    if ref:
        order = words("platform.order.ref", ref=ref)
    else:
        order = words("platform.order.date", date=format_date(o.date, words.language.code))
    return words("platform.subject", name=name, order=order)


def _personal(email: str, case: Case, any_known: bool) -> bool:
    """A free web-mail address; or, when the case says personal e-mail was used and no address
    is on a known free-mail domain, every address (the case cannot say which one it was)."""
    domain = email.rsplit("@", 1)[-1].lower()
    if domain in FREEMAIL:
        return True
    return case.indicators.personal_email_used and not any_known


@record
class ContactRow:
    name: str | None
    role: str | None
    email: str | None
    personal: bool  # a free web-mail address: a red flag
    wechat: str | None
    phone: str | None
    whatsapp: str | None


def contacts(case: Case, words: Catalogue) -> list[ContactRow]:
    emails = [c.email for c in case.supplier.contacts if c.email]
    any_known = any(e.rsplit("@", 1)[-1].lower() in FREEMAIL for e in emails)
    return [ContactRow(name=_contact_name(c, words), role=_role(case, c, words), email=c.email,
                       personal=bool(c.email) and _personal(c.email or "", case, any_known),
                       wechat=c.wechat, phone=c.phone, whatsapp=c.whatsapp)
            for c in case.supplier.contacts]


def _role(case: Case, c: Contact, words: Catalogue) -> str | None:
    """The role a contact gave, as theirs ("自称董事"); an unrecognised title as the case gives it."""
    title = title_of(c.role)
    if title in OFFICES and on_record(case, c):  # the records name this person in that office
        return words(f"parties.title.{title}")
    return words("parties.claimed", title=words(f"parties.title.{title}")) if title else c.role


def _contact_name(c: Contact, words: Catalogue) -> str | None:
    if words.language.chinese and c.name_zh:
        return with_other(words, c.name_zh, c.name) if c.name else c.name_zh
    return c.name or c.name_zh


@record
class PaymentLine:
    payment: Payment
    method: str
    reference: str | None
    account: str | None
    platform: bool  # paid through the platform's designated account


def payments(case: Case, words: Catalogue) -> list[PaymentLine]:
    # the reference is the transaction's own: a card's merchant descriptor names the merchant, not the payment
    return [PaymentLine(p, payment_method(p, words), p.reference, p.to_account,
                        paid_through_platform(p))
            for p in sorted(case.payments, key=lambda p: p.date)]


def indicators(case: Case, words: Catalogue) -> list[str]:
    """The fraud indicators of the case as plain sentences (domain.md §C: the signs of intent
    to take the money, as opposed to an ordinary dispute)."""
    i, s, code = case.indicators, case.supplier, words.language.code
    out: list[str] = []
    if i.vanished_after_payment and absconded(case):  # never a flag the case's dates contradict
        out.append(words("platform.indicator.vanished"))
    if i.shipped_junk:
        out.append(words("platform.indicator.shipped_junk"))
    if i.forged_documents:
        out.append(words("platform.indicator.forged_documents"))
    refusal = escrow_refusal(case)
    if refusal is not None and refusal.outright:  # a later platform payment: no outright refusal (rules.facts)
        out.append(words("platform.indicator.refused_escrow"))
    if i.fake_address:
        out.append(words("platform.indicator.fake_address"))
    if i.recently_registered:
        if s.registered_on:
            out.append(words("platform.indicator.registered_on", date=format_date(s.registered_on, code)))
        else:
            out.append(words("platform.indicator.recently_registered"))
    capital = i.registered_capital_cny
    # Small capital says something only against the size of the deal (rules/loss.py).
    if capital is not None and small_capital(case):
        out.append(words("platform.indicator.small_capital", capital=format_money(capital, "CNY", code)))
    if i.personal_email_used:
        out.append(words("platform.indicator.personal_email"))
    for payee in payees(case):  # the money went to someone other than the seller (rules/payee.py)
        a = payee.account
        holder = native(words, a.holder, a.holder_zh) or a.account
        out.append(words("platform.indicator.third_party_payee", holder=holder))
    return out


def check(case: Case) -> None:
    if case.order.platform is None:
        raise DocumentNotApplicable("the platform fraud report needs order.platform",
                                    case.locate("order"))


@record
class SettledView:
    """A settlement as the report states it: the requests are then limited to review and records."""

    signed_on: dt.date | None  # the agreement's date, when signed by the report's date
    agreed: Decimal
    currency: str
    received: Decimal  # received by the report's date
    paid_in_full_on: dt.date | None  # the day the last of the agreed sum arrived


def settled_view(case: Case, date: dt.date) -> SettledView | None:
    """The settlement the report states, or None: none recorded, or the seller is in default of an
    instalment due before `date` (then the report asks for everything again)."""
    s = case.settlement
    if s is None or overdue(case, date):
        return None
    arrived = sorted((r for r in s.received if r.date <= date), key=lambda r: r.date)
    total, full_on = Decimal("0"), None
    for r in arrived:
        total += r.amount
        if full_on is None and total >= s.agreed_amount:
            full_on = r.date
    signed = s.signed_on if s.signed_on and s.signed_on <= date else None
    return SettledView(signed, s.agreed_amount, s.currency, total, full_on)


def left_out(case: Case) -> str | None:
    """Why the default packet leaves the report out: a settlement is recorded."""
    if case.order.platform != "alibaba" or case.settlement is None:
        return None
    ask = ("ask for it with --doc platform_fraud_report, which then states the settlement and asks only "
           "for a review of the store and for its records to be kept")
    if stage_of(case).settlement == "paid":
        return ("the settlement is paid in full (settlement.received adds up to agreed_amount) and the written "
                "pardon is due: a report asking the platform to stop the seller would contradict it; " + ask)
    return ("a settlement is recorded (settlement): a report asking the platform to stop the seller could put "
            "the agreed payments at risk; " + ask)


@record
class PlatformReportContext:
    subject: str
    recipient: str
    supplier_name: str
    supplier_id_label: str | None
    supplier_id: str | None
    payments: list[PaymentLine]
    indicators: list[str]
    contacts: list[ContactRow]
    # the police body the platform may hear from, when this toolkit can name one
    police: str | None
    ta_claim: bool  # a Trade Assurance refund claim is open on the order
    paid_total: Decimal | None
    paid_currency: str | None
    # the seller went silent but later negotiated the settlement (rules.facts): "no longer answers"
    # would contradict the agreement it signed
    resumed: bool = False
    # the report the case records as filed by the report's date (proceedings.police_report): the
    # platform is told it was made (and the case opened), not that the buyer "is reporting"
    reported_on: dt.date | None = None
    opened_on: dt.date | None = None
    case_no: str | None = None
    # a settlement the seller is not in default of: stated, and the requests limited to review and records
    settlement: SettledView | None = None


def context(case: Case, words: Catalogue, date: dt.date) -> PlatformReportContext:
    id_label, id_value = supplier_identifier(case, words)
    route = police_route(case)
    platform = case.order.platform or "other"
    ta = trade_assurance(case)
    total, currency = paid_total(case)
    police = route.body(words)
    filed = case.proceedings.police_report if case.proceedings else None
    if filed is not None and filed.filed_on > date:
        filed = None  # recorded for a later day than this report's
    if filed is not None:
        police = recorded_unit(case, words) or police
    opened = filed.opened_on if filed is not None and filed.opened_on and filed.opened_on <= date else None
    return PlatformReportContext(
        subject=subject(case, words),
        recipient=words(f"platform.recipient.{platform}"),
        supplier_name=supplier_name(case, words),
        supplier_id_label=id_label,
        supplier_id=id_value,
        payments=payments(case, words),
        indicators=indicators(case, words),
        contacts=contacts(case, words),
        police=police,
        ta_claim=ta.applies is True and ta.status(date) == "open",
        paid_total=total,
        paid_currency=currency,
        resumed=contact_resumed(case) is not None,
        reported_on=filed.filed_on if filed is not None else None,
        opened_on=opened,
        case_no=filed.case_no if opened is not None and filed is not None else None,
        settlement=settled_view(case, date),
    )


SPEC = DocumentSpec(
    key="platform_fraud_report",
    check=check,
    context=context,
    # the report is written for Alibaba.com's fraud team; another platform is asked for explicitly;
    # a recorded settlement keeps it out (left_out says why)
    in_packet=lambda case: case.order.platform == "alibaba" and case.settlement is None,
    left_out=left_out,
)
