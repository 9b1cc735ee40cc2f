"""The settlement agreement (和解协议) of the restitution track (domain.md §C).

The victim (甲方), the seller (乙方) and, where the case names them, the
seller's relatives who pay on its behalf or guarantee its payment (丙方)
agree on restitution in instalments. On full payment the victim issues a
written pardon (谅解书) and, if ``settlement.leniency_requested``, asks the
handling authority to consider leniency. The agreement says plainly that the
police, procuratorate and court keep their discretion and that no payment
buys a promise to end the criminal case (§C: the 2021 sentencing guidance
credits restitution and pardon, but the decision is the authorities'; the
formal 刑事和解 of the Criminal Procedure Law (2018) Arts. 288–290 is, by
inference [R], not available for Art. 224 contract fraud, so the template
states it as the parties' understanding, not as settled law).

The agreement is drafted only while the settlement is unsigned: once
``settlement.signed_on`` records a signed one, the other documents cite it and
none is drafted again (a second agreement over the same debt would blur which
one governs and when each guarantee period runs). A draft cannot set a due
date already past for money not yet received (``check_on``); the receipts it
acknowledges as paid before signing are applied to the earliest instalments.

On default the victim keeps its civil claim for the unpaid part; its rights
and duties in the criminal proceedings are never a term of the deal, paid or
not (reserving "the criminal complaint" only on default would imply giving it
up on payment). A guarantor is identified (identity number, address, phone)
and its guarantee is `payers[].guarantee`: joint (Civil Code (2020) Art. 688)
or, unstated, general (Art. 686(2)); no period is agreed beyond the statutory
one, 6 months from each instalment's due date (Art. 692), which the plan
dates (case/stage.guarantee_deadline).

Values the templates read as ``x``:

- ``payers``: the third parties, each with ``label`` (丙方一 / Party C1) and the `Payer`;
  ``has_guarantors``, ``has_payers``.
- ``instalments`` (``n``, ``due``, ``amount``); ``received`` (the `Receipt` list),
  ``received_total``, ``balance`` (agreed amount less what was received).
- ``agreed_cny``: the agreed amount in RMB and its basis (rules/loss.py).
- ``loss`` (claim amount, currency) and ``cny`` (its RMB equivalent with rate, date, source).
- ``payments``: "amount on date" strings; ``paid_total``/``paid_currency``.
- ``authority``: the body handling the criminal case when the case names one, else None;
  ``case_no``: its case number when ``proceedings.police_report.case_no`` records it.
- ``offence``: the offence citation; ``region``.
- ``forum``: "seller_domicile" (a mainland seller: the people's court of its
  registered district), "agent" (the people's court where the victim's PRC
  lawyer practises, where the agreement is signed), or "signing".
- ``forum_place``: the place named for the forum.
- ``cite``: citation strings in the document's language.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Payer, Receipt, Settlement
from restitution.case.stage import GUARANTEE_MONTHS, add_months, stage_of
from restitution.documents import DocumentSpec
from restitution.documents._phrases import (
    civil_code,
    native,
    order_ref,
    paid_total,
    representative,
    representative_label,
)
from restitution.errors import DocumentNotApplicable, Location
from restitution.formatting import format_date, format_money
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules import CRIMINAL_LAW_224, HK_THEFT_16A, Citation
from restitution.rules.citations import zh_number
from restitution.rules.loss import CnyAmount, CnyLoss, amount_in_cny, loss_in_cny

# Criminal reconciliation between the parties (刑事和解), domain.md §C [C] for the
# conditions; that Art. 224 falls outside them is an inference [R].
CPL_288_290 = Citation("criminal_procedure_law", "2018", "288-290")

# Party C1, C2… in English; in Chinese numerals up to ten (丙方一…丙方十), then figures.
_CN_ORDINALS_UP_TO = 10


def outcome_text(case: Case, words: Catalogue) -> str:
    """What the seller did, as a predicate after its name ("Party B …", "乙方……")."""
    return words(f"settlement.outcome.{case.outcome.kind}")


def where(case: Case, path: str) -> Location:
    return case.locate(path)


@record
class PayerLabel:
    label: str  # Party C / Party C1 / 丙方 / 丙方一
    payer: Payer


def payer_labels(case: Case, words: Catalogue) -> list[PayerLabel]:
    """Party C, or Party C1, C2… when several relatives sign (丙方 / 丙方一、丙方二)."""
    payers = case.settlement.payers if case.settlement else ()
    out = []
    for i, payer in enumerate(payers):
        if len(payers) == 1:
            label = words("settlement.payer.one")
        else:
            chinese = words.language.chinese and i < _CN_ORDINALS_UP_TO
            label = words("settlement.payer.numbered", n=zh_number(i + 1) if chinese else str(i + 1))
        out.append(PayerLabel(label, payer))
    return out


def offence(case: Case, words: Catalogue) -> str | None:
    region = case.supplier.region
    if region == "mainland":
        return CRIMINAL_LAW_224.word(words)
    if region == "hong_kong":
        return HK_THEFT_16A.word(words)
    return None


def authority(case: Case, words: Catalogue) -> str | None:
    s = case.settlement
    if s is None:
        return None
    return native(words, s.handling_authority, s.handling_authority_zh)


def receipts_total(case: Case) -> Decimal:
    return case.settlement.received_total if case.settlement else Decimal("0")


def require_settlement(case: Case, what: str, keys: str = "agreed_amount, currency, schedule") -> Settlement:
    """The case's settlement; a located error naming `what` needs it when there is none."""
    if case.settlement is None:
        raise DocumentNotApplicable(f"{what} needs a settlement: block ({keys})", where(case, "settlement"))
    return case.settlement


def check(case: Case) -> None:
    s = require_settlement(case, "the settlement agreement")
    if s.signed_on is not None:
        # A stage the case has passed: the signed agreement governs. A second one over the same
        # debt would raise which of the two binds, and when each guarantee period runs.
        raise DocumentNotApplicable(
            f"the settlement agreement was signed on {s.signed_on.isoformat()} (settlement.signed_on): the "
            "signed agreement is on file and is cited by the other documents; no new one is drafted",
            where(case, "settlement.signed_on"))
    if not s.schedule:
        raise DocumentNotApplicable(
            "the settlement agreement states when restitution is paid: add settlement.schedule "
            "(due, amount for each instalment)", where(case, "settlement.schedule"))
    scheduled = sum((i.amount for i in s.schedule), Decimal("0"))
    if scheduled != s.agreed_amount:
        # Figures that disagree make the agreement unenforceable as written (pitfall 10).
        raise DocumentNotApplicable(
            f"the instalments add up to {format_money(scheduled, s.currency, 'en')}, not the agreed amount "
            f"{format_money(s.agreed_amount, s.currency, 'en')} "
            f"(settlement.schedule, settlement.agreed_amount)", where(case, "settlement.schedule"))
    if case.claim.refund_account is None:
        raise DocumentNotApplicable(
            "the settlement agreement names the account restitution is paid into: add "
            "claim.refund_account (holder, bank, account, swift)", where(case, "claim"))


def check_on(case: Case, date: dt.date) -> None:
    """A draft signed on or after `date` cannot set a due date already past for money not yet
    received: the receipts it acknowledges (applied to the earliest instalments) must cover
    every instalment due before it."""
    from restitution.case.stage import overdue

    s = case.settlement
    if s is None or s.signed_on is not None:
        return
    late = overdue(case, date)
    if late:
        n, due, amount = late[0]
        raise DocumentNotApplicable(
            f"instalment {n} ({format_money(amount, s.currency, 'en')} unpaid) is due on {due.isoformat()}, "
            f"before this draft's date {date.isoformat()}: an agreement not yet signed cannot set a due date "
            "already past; if the agreement was signed, record settlement.signed_on, otherwise move the "
            "due date", where(case, "settlement.schedule"))


def forum(case: Case, words: Catalogue) -> tuple[str, str | None]:
    """Where disputes go: the people's court of the seller's registered district for a
    mainland seller (the defendant's domicile, where the criminal case also sits);
    otherwise that of the victim's PRC lawyer, at whose office the agreement is signed."""
    s = case.supplier
    if s.region == "mainland" and s.province_zh and s.city_zh and s.district_zh:
        place = s.province_zh + ("" if s.city_zh == s.province_zh else s.city_zh) + s.district_zh
        return "seller_domicile", place
    a = case.agent
    if a is not None and (a.address or a.address_zh):
        return "agent", native(words, a.address, a.address_zh)
    return "signing", None


@record
class InstalmentRow:
    n: int
    due: dt.date
    amount: Decimal
    # the last day of the guarantee period for this instalment: six months from its due date
    # (Civil Code (2020) Art. 692; the due date itself is not counted, Art. 201)
    guarantee_ends: dt.date


@record
class SettlementCitations:
    reconciliation: str
    criminal_law: str  # the Criminal Law with its version, as every citation of it reads
    guarantee: str
    guarantee_general: str
    guarantee_period: str
    sentencing: str


@record
class SettlementContext:
    payers: list[PayerLabel]
    has_guarantors: bool
    has_payers: bool
    instalments: list[InstalmentRow]
    received: list[Receipt]
    received_total: Decimal
    balance: Decimal
    agreed_cny: CnyAmount
    last_due: dt.date
    loss: Decimal
    loss_currency: str
    cny: CnyLoss  # the loss in RMB (rules/loss.py), the packet's one figure
    payments: list[str]  # "amount on date", one per payment in date order
    paid_total: Decimal | None
    paid_currency: str | None
    order_ref: str
    outcome: str
    authority: str | None
    case_no: str | None  # the police case number, when proceedings.police_report records it
    offence: str | None
    region: str
    rep_label: str
    rep: str | None
    forum: str
    forum_place: str | None
    cite: SettlementCitations


def context(case: Case, words: Catalogue, date: dt.date) -> SettlementContext:
    s = require_settlement(case, "the settlement agreement")
    code = words.language.code
    total, total_currency = paid_total(case)
    received_total = receipts_total(case)
    kind, place = forum(case, words)
    payers = payer_labels(case, words)
    payments = [words("settlement.payment", amount=format_money(p.amount, p.currency, code),
                      date=format_date(p.date, code))
                for p in sorted(case.payments, key=lambda p: p.date)]
    return SettlementContext(
        payers=payers,
        has_guarantors=any(p.payer.role == "guarantor" for p in payers),
        has_payers=any(p.payer.role == "payer" for p in payers),
        instalments=[InstalmentRow(n, i.due, i.amount, add_months(i.due, GUARANTEE_MONTHS))
                     for n, i in enumerate(sorted(s.schedule, key=lambda i: i.due), start=1)],
        received=sorted(s.received, key=lambda r: r.date),
        received_total=received_total,
        balance=max(s.agreed_amount - received_total, Decimal("0")),
        agreed_cny=amount_in_cny(case, s.agreed_amount, s.currency),
        last_due=max(i.due for i in s.schedule),
        loss=case.claim.amount,
        loss_currency=case.claim.currency,
        cny=loss_in_cny(case),
        payments=payments,
        paid_total=total,
        paid_currency=total_currency,
        order_ref=order_ref(case, words),
        outcome=outcome_text(case, words),
        authority=authority(case, words),
        case_no=stage_of(case).case_no,
        offence=offence(case, words),
        region=case.supplier.region,
        rep_label=representative_label(case, words),
        rep=representative(case, words),
        forum=kind,
        forum_place=place,
        cite=SettlementCitations(
            reconciliation=CPL_288_290.word(words),
            criminal_law=CRIMINAL_LAW_224.law_name(words),
            guarantee=civil_code((688,), words),
            guarantee_general=civil_code((686,), words),
            guarantee_period=civil_code((692,), words),
            sentencing=words("settlement.sentencing_guidance"),
        ),
    )


SPEC = DocumentSpec(
    key="settlement_agreement",
    check=check,
    language_clause=True,  # its last article says the Chinese text prevails
    check_on=check_on,
    context=context,
    # A Hong Kong seller and its family read Traditional Chinese (pitfall 10).
    zh_variant=lambda case: "zh-Hant" if case.supplier.region == "hong_kong" else "zh",
)
