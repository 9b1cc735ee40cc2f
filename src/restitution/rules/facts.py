"""What the case's own facts support: indicators, proof of each payment, the rate date.

A flag in the case file (``indicators.vanished_after_payment``) is the user's
statement; the dates beside it (``outcome.delivered_on``, ``last_contact``,
``payments[].date``) are facts. A document must not print a statement its own
facts contradict (a police report saying the seller vanished with the money
while it delivered goods and answered afterwards is a false statement to the
police), so documents ask `absconded` here rather than read the flag, and the
warnings channel (`restitution.case.warnings`) tells the user what does not add up.

Which exhibit proves which payment is inferred, since the format has no key
linking them: a ``payment_proof`` exhibit proves the payments whose reference
its title, Chinese title or file name quotes; one that quotes no payment's
reference proves the payments made on or before its date (all of them when it
has no date) by the method its title names, if it names one ("wire
confirmation", "支付宝付款记录"). One that quotes a reference also proves a
payment that has no reference of its own when it names that payment's method
and no quoted payment was made by it ("Transfer FT123 and Visa statement"
proves the card payment too). One that quotes a ``settlement.received``
reference (and no payment's) records restitution received, not a payment; so
does one that quotes no reference at all, once restitution has been received,
when it is dated the day an instalment arrived after the last payment, or its
title or file name speaks of restitution or a refund ("第一期退赔款到账通知"):
the buyer's payment is never proved by the seller's repayment.
Trade-off: a generic "bank statements"
exhibit dated before a later payment leaves that payment without proof, which
errs on the side of naming a gap rather than pointing an authority at the
wrong exhibit.

The silence that ended: ``outcome.last_contact`` with ``seller_unreachable`` says the seller
stopped answering; a settlement it later agreed to says it answered again. `contact_resumed`
tells a narrative to say both, and which police step came first (the case cannot say more).

The rate date: the PBOC/CFETS central parity is published on PRC business days
only (domain.md §H.4), so a ``cny_rate_date`` on a weekend or a public holiday
names a rate that does not exist. The holiday calendar is the `holidays`
library's China calendar (offline data, State Council schedules).
"""
from __future__ import annotations

import datetime as dt
import re

from restitution.case.model import Case, Exhibit, Payment
from restitution.records import record


@record
class Contradiction:
    """A statement of the case file that its own facts contradict."""

    flag: str  # key path of the statement, e.g. "indicators.vanished_after_payment"
    fact: str  # key path of the fact that contradicts it
    message: str  # English: what is wrong and what to do


def vanished_contradictions(case: Case) -> list[Contradiction]:
    """Why the seller cannot be said to have absconded with the money (Art. 224 item 4), if it cannot."""
    out, pays = case.outcome, case.payments
    flag = "indicators.vanished_after_payment" if case.indicators.vanished_after_payment else "outcome.seller_unreachable"
    found: list[Contradiction] = []
    last_paid = max((p.date for p in pays), default=None)
    if out.delivered_on is not None and out.last_contact is not None and out.last_contact > out.delivered_on:
        found.append(Contradiction(
            flag, "outcome.last_contact",
            f"the seller delivered goods on {out.delivered_on.isoformat()} and answered on "
            f"{out.last_contact.isoformat()}, so it did not vanish with the money; the documents leave "
            "the absconding indicator out (set the flag to false, or correct the dates)"))
    if out.last_contact is not None and last_paid is not None and out.last_contact < last_paid:
        found.append(Contradiction(
            flag, "outcome.last_contact",
            f"the last contact ({out.last_contact.isoformat()}) is before the last payment "
            f"({last_paid.isoformat()}), so the seller cannot have vanished after being paid; the documents "
            "leave the absconding indicator out (correct outcome.last_contact or the flag)"))
    return found


def absconded(case: Case) -> bool:
    """True when the case states the seller vanished after payment and nothing in it says otherwise."""
    stated = case.indicators.vanished_after_payment or case.outcome.seller_unreachable
    return stated and not vanished_contradictions(case)


@record
class EscrowRefusal:
    """What the payments support of ``indicators.refused_escrow``."""

    off: tuple[Payment, ...]  # paid outside the platform (via_platform: false), in date order
    outright: bool  # no platform payment after the first one outside it: the seller refused it throughout
    platform: bool = True  # the order went through a trading platform (else the escrow refused was no platform's)


def _on_platform(p: Payment) -> bool:
    return p.method == "trade_assurance" or p.via_platform is True


def on_platform(case: Case) -> bool:
    """The order went through a trading platform: Alibaba.com, or another one the case shows by a
    platform order number, Trade Assurance or a payment marked in or out of the platform. An order
    ``platform: other`` with none of these was placed directly with the seller (its own web shop,
    e-mail), where no platform's escrow existed to refuse."""
    o = case.order
    return (o.platform == "alibaba" or o.trade_assurance or bool(o.platform_order_id)
            or any(p.via_platform is not None or p.method == "trade_assurance" for p in case.payments))


def escrow_refusal(case: Case) -> EscrowRefusal | None:
    """The refusal of platform payment as the payments show it; None when not stated, or when every
    payment went through the platform (then nothing was refused)."""
    pays = sorted(case.payments, key=lambda p: p.date)
    if not case.indicators.refused_escrow or (pays and all(_on_platform(p) for p in pays)):
        return None
    off = tuple(p for p in pays if p.via_platform is False and p.method != "trade_assurance")
    later_on = bool(off) and any(_on_platform(p) and p.date > off[0].date for p in pays)
    return EscrowRefusal(off, not later_on, on_platform(case))


def escrow_contradictions(case: Case) -> list[Contradiction]:
    """Why the seller cannot be said to have refused platform payment outright, if it cannot."""
    if not case.indicators.refused_escrow:
        return []
    pays = sorted(case.payments, key=lambda p: p.date)
    flag = "indicators.refused_escrow"
    refusal = escrow_refusal(case)
    if refusal is None:
        return [Contradiction(flag, "payments", "every payment went through the platform, so the seller did not "
                              "refuse platform payment; the documents leave this indicator out (set via_platform: "
                              "false on a payment made outside the platform, or drop the flag)")]
    if refusal.outright:
        return []
    first = refusal.off[0]
    on = next(p for p in pays if _on_platform(p) and p.date > first.date)
    i = case.payments.index(on)
    return [Contradiction(flag, f"payments[{i}]",
                          f"the seller was paid through the platform on {on.date.isoformat()}, after the payment "
                          f"outside it on {first.date.isoformat()}, so it did not refuse platform payment outright; "
                          "the documents say only which payment went outside the platform")]


def contradictions(case: Case) -> list[Contradiction]:
    """Every indicator the case states and its facts contradict. `seller_unreachable` alone is a
    fact about today, not a statement that the seller absconded: only the flag is reported."""
    found = vanished_contradictions(case) if case.indicators.vanished_after_payment else []
    return found + escrow_contradictions(case)


# ------------------------------------------------------------------ the silence that ended

@record
class Resumed:
    """The seller answered again after ``outcome.last_contact``: it negotiated the settlement."""

    on: dt.date | None  # when the agreement was signed (or first paid), if the case says
    after: str | None  # "opened" / "reported": the police step that came first, or None


def contact_resumed(case: Case) -> Resumed | None:
    """Whether the seller's silence since its last contact ended in a settlement it is party to.
    A letter that says "since May you have not answered" must not contradict the agreement the
    seller signed in September; the police step before the signing is what the case can show."""
    s = case.settlement
    if s is None or not s.supplier_is_party:
        return None  # no settlement, or only others (family) dealt with the client
    on = s.signed_on or min((r.date for r in s.received), default=None)
    report = case.proceedings.police_report if case.proceedings else None
    after = None
    if report is not None:
        if report.opened_on is not None and (on is None or report.opened_on <= on):
            after = "opened"
        elif on is None or report.filed_on <= on:
            after = "reported"
    return Resumed(on, after)


_SILENCE_ZH = ("不再", "停止回复", "停止联系", "未再", "失联", "未回复", "未予回复", "无回应", "没有回复")
_SILENCE_EN = ("not answered", "no longer", "stopped answering", "stopped replying", "stopped responding",
               "silent", "no answer", "not replied", "not responded", "unreachable")
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
           "October", "November", "December")


def summary_tells_silence(case: Case, chinese: bool) -> bool:
    """The outcome's summary, as the document prints it, already says the seller went silent on its
    last contact (it names that day and its silence), so a letter need not say it again.
    Trade-off: a phrase test on the user's text; a summary worded otherwise keeps the sentence
    (a repetition, never a gap)."""
    out, last = case.outcome, case.outcome.last_contact
    text = (out.summary_zh or out.summary) if chinese else (out.summary or out.summary_zh)
    if not text or last is None:
        return False
    month = _MONTHS[last.month - 1]
    days = (f"{last.month}月{last.day}日", f"{last.day} {month}", f"{month} {last.day}")
    low = text.lower()
    return any(d in text for d in days) and any(w in low for w in _SILENCE_ZH + _SILENCE_EN)


# ------------------------------------------------------------------ proof of payment

def _compact(text: str | None) -> str:
    return re.sub(r"[\s\-/_.]", "", text or "").upper()


def _named(exhibit: Exhibit) -> tuple[str | None, ...]:
    """The exhibit's titles and its file's own name: the folders above it are the user's filing
    (evidence/jade-wechat/alipay.pdf is an Alipay record, not a WeChat Pay one)."""
    name = exhibit.file_text.replace("\\", "/").rsplit("/", 1)[-1] if exhibit.file_text else None
    return exhibit.title, exhibit.title_zh, name


def _quotes(exhibit: Exhibit, reference: str | None) -> bool:
    ref = _compact(reference)
    if len(ref) < 4:  # "1" or "A1" would match by accident
        return False
    return any(ref in _compact(t) for t in _named(exhibit))


# Words in an exhibit's title or file name that name how a payment was made: a wire
# confirmation never proves a card payment, whatever its date.
_METHOD_WORDS: dict[str, tuple[str, ...]] = {
    "wire": ("wire", "remittance", "transfer", "swift", "mt103", "电汇", "汇款", "转账", "匯款", "轉賬"),
    "card": ("card", "visa", "mastercard", "amex", "unionpay", "信用卡", "银行卡", "銀行卡"),
    "alipay": ("alipay", "支付宝", "支付寶"),
    "wechat_pay": ("wechat", "weixin", "微信"),
    "paypal": ("paypal",),
    "trade_assurance": ("trade assurance", "信用保障"),
    "letter_of_credit": ("letter of credit", "信用证", "信用證"),
}


def _methods_named(exhibit: Exhibit) -> set[str]:
    text = " ".join(t for t in _named(exhibit) if t).casefold()
    return {method for method, names in _METHOD_WORDS.items() if any(n in text for n in names)}


def _also_named(exhibit: Exhibit, payment: Payment, quoted: list[Payment]) -> bool:
    """A payment with no reference, by a method the exhibit names and none of its quoted
    payments used, made by the exhibit's date: "Transfer FT123 and Visa statement"."""
    if payment.reference or payment.method in {p.method for p in quoted}:
        return False
    return payment.method in _methods_named(exhibit) and (exhibit.date is None or payment.date <= exhibit.date)


# Words in an exhibit's title or file name that name money coming back to the buyer ("instalment" and
# "settlement" are not among them: a buyer pays the price in instalments, and a bank "settles" a transfer).
_RESTITUTION_WORDS = ("restitution", "refund", "repayment", "退赔", "退賠", "退款", "还款", "還款", "返还", "返還",
                      "和解")


def _records_receipt(case: Case, exhibit: Exhibit) -> bool:
    """Whether a ``payment_proof`` exhibit that quotes no payment's reference records restitution
    received under the settlement rather than a payment (see the module docstring)."""
    received = case.settlement.received if case.settlement else ()
    if not received:
        return False
    if any(_quotes(exhibit, r.reference) for r in received):
        return True
    last_paid = max((p.date for p in case.payments), default=None)
    if exhibit.date is not None and last_paid is not None and exhibit.date > last_paid \
            and exhibit.date in {r.date for r in received}:
        return True
    text = " ".join(t for t in _named(exhibit) if t).casefold()
    return any(w in text for w in _RESTITUTION_WORDS)


def proofs_of(case: Case, payment: Payment) -> tuple[Exhibit, ...]:
    """The ``payment_proof`` exhibits that prove `payment` (see the module docstring)."""
    found = []
    for e in case.evidence:
        if e.kind != "payment_proof":
            continue
        quoted = [p for p in case.payments if _quotes(e, p.reference)]
        if quoted:
            if payment in quoted or _also_named(e, payment, quoted):
                found.append(e)
            continue
        if _records_receipt(case, e):
            continue  # the advice of an instalment of restitution received, not of a payment made
        named = _methods_named(e)
        if named and payment.method not in named:
            continue
        if e.date is None or payment.date <= e.date:
            found.append(e)
    return tuple(found)


def receipt_proofs(case: Case) -> tuple[Exhibit, ...]:
    """The ``payment_proof`` exhibits that record restitution received under the settlement: they
    quote no payment's reference, and a ``settlement.received`` one, or the day or words of a
    receipt (see `proofs_of`)."""
    return tuple(e for e in case.evidence if e.kind == "payment_proof"
                 and not any(_quotes(e, p.reference) for p in case.payments) and _records_receipt(case, e))


def payment_proofs(case: Case) -> list[tuple[Exhibit, ...]]:
    """For each payment, in file order, the exhibits that prove it (empty: a gap)."""
    return [proofs_of(case, p) for p in case.payments]


def unproved_payments(case: Case) -> list[int]:
    """Indexes (from 0) of the payments no exhibit proves."""
    return [i for i, found in enumerate(payment_proofs(case)) if not found]


# ------------------------------------------------------------------ the rate date

def rate_day_problem(day: dt.date) -> str | None:
    """Why no central parity is published on `day` ("a Saturday", "a PRC public holiday (National
    Day)"), or None for a business day or a year the calendar does not cover."""
    from restitution.holiday_calendar import holiday_name

    name = holiday_name(day)
    if name:
        return f"a PRC public holiday ({name})"
    if day.weekday() >= 5:
        return "a Saturday" if day.weekday() == 5 else "a Sunday"
    return None
