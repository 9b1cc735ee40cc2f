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
- ``deadline_days``: the days the supplier has, counted from its receipt of
  the letter (自收到本函之日起N日内; Civil Code (2020) Arts. 137, 201: the
  notice takes effect on arrival and the first day is not counted);
  ``latest``, the fixed backstop date printed beside it: the letter date +
  ``DELIVERY_ALLOWANCE_DAYS`` + N, moved off a Saturday or Sunday (Art. 203;
  PRC public holidays are not known here and are not moved). ``deadline``
  (the letter date + N) is kept for firm templates written before.
- ``law``: the law of sale the letter pleads (`rules.sales_law`): "cisg"
  (additional period Art. 47(1) → avoidance Art. 49(1)(b), or at once under
  Art. 49(1)(a) for delivered goods that are a fundamental breach →
  restitution Art. 81(2), interest Art. 84(1), damages Art. 74);
  "civil_code" (express notice of termination, Arts. 563(1)(4), 565, 566);
  "common_law" (a Hong Kong seller, no Convention: notice of termination;
  the governing law left to the competent court, 涉外民事关系法律适用法
  (2010) Art. 41 cited for a mainland court, no conclusion of Hong Kong law,
  which a mainland firm is not qualified to draw); "general". ``avoid_now``: goods were delivered and are
  not what was contracted for, so the contract is ended at once.
- ``announce_report``: whether the consequences name a criminal report
  (`rules.report_in_demand`: not to a seller that has vanished, unless
  ``claim.announce_report`` asks for it; never when the plan reads the case as
  a civil dispute, whatever the case asks; never once a report is recorded in
  ``proceedings.police_report``: a threat of what was done already is empty).
- Under a settlement (``under_settlement``) the letter demands only the
  instalments already due before its date and unpaid (``overdue``, receipts
  applied to the earliest first; `case.stage.overdue`); with none overdue it
  is refused (``check_on``), for a demand of money not yet due is no demand. ``undue``: what is
  owed but not yet due; only then does the letter add that the rest is payable on the agreed dates.
  ``guarantors`` are the settlement's payers with role guarantor, to whom the
  letter is addressed too (Civil Code (2020) Art. 688 for a joint guarantee); ``payers_bound``,
  those with role payer, who signed to pay: addressed too, beside the seller when it signed as well
  (a legal representative bound in his own name), each with its identity document (``identity``).
  ``supplier_party``: whether the seller is bound by the agreement (`Settlement.supplier_is_party`);
  when only others signed it (``signatories``, on ``signed_on``), the letter claims the instalments
  from them and holds the seller to the sale contract, less what was received.
- ``payment_proofs``: the exhibits that prove the payments (`rules.facts.proofs_of`), never the
  advice of restitution received, which ``receipt_proofs`` cite for the money received. ``resumed``: the seller, silent since ``outcome.last_contact``,
  later negotiated the settlement (`rules.facts.contact_resumed`), so "no answer since" is said
  with its end.
- ``facts`` and ``payments`` in date order; ``paid_total`` when all payments
  share one currency.
- ``supplier_name`` / ``client_name``: full names for the language (a PRC
  company's registered Chinese name is its legal name, so both languages print it).
- ``supplier_id_label`` / ``supplier_id``: the USCC, or the Hong Kong
  Companies Registry number.
- ``cny``: what is demanded in RMB (rules/loss.py, the packet's one figure when it is the whole claim);
  none under a settlement, whose sums are owed in the agreed currency and paid long after the
  payments: a payment's rate would put a figure on money never paid at it (fifth review, item 15).
- ``trade_assurance``: a Trade Assurance refund claim is still open on the
  letter's date (a TA order with at least one payment through the platform,
  and the 30 days from confirmed receipt not passed: rules.trade_assurance).
  A closed claim is not threatened: the seller knows the window as well. An open one is made
  with the letter, not after its deadline (the window runs regardless, domain.md §F).
- ``credited``: card payments a chargeback may still return (filed and not
  lost, or not filed and its window not missed: rules.chargeback). The letter
  claims the whole price but says what the issuer refunds is credited, so
  the seller cannot say the buyer claims the same money twice.
- ``ta_filed_on``: the Trade Assurance claim already filed (``proceedings.trade_assurance_claim``):
  the letter says so and that what the platform refunds is deducted, no double recovery
  (domain.md §D, §F); ``trade_assurance`` (announcing a claim) is then false.
- ``notice``: the buyer's notice of non-conformity (``proceedings.nonconformity_notice``),
  recalled before a CISG avoidance of delivered goods (Arts. 39(1), 49(2)(b)), with
  ``notice_exhibits``, the e-mails dated the day of the notice or of the seller's answer.
- ``goods_held``: goods were delivered and the contract is ended for them
  (``avoid_now``): restitution runs both ways (Civil Code (2020) Art. 566;
  CISG Art. 81(2), concurrently; Art. 86(1), the buyer preserves them), so
  the letter holds the goods at the seller's disposal, returnable at its cost.
- ``outcome_but``: the outcome with 却 where Chinese puts it (贵司交付的货物却…).
- ``measures``: how many steps the consequences list; only with two or more does the letter
  say they may be taken together or one after another (lawyer's review s22, item 7).
- ``paid_to_persons`` / ``personal_all`` / ``recipients``: money paid into persons' accounts at the seller's
  direction (documents/_personal_accounts.py); the holders addressed too, Art. 985 (``cc_985``) on its own condition [R].
  A company other than the supplier that held the account paid into (with its USCC) is addressed as the police
  report names it, on the same condition; the plan and guide send the letter after the report then.
- ``consumer_law``: 消费者权益保护法 (2013) Art. 53, a consumer's prepayment not supplied; Art. 55(1) only reserved.
- ``increased``: a consumer sold counterfeits as genuine claims Art. 55(1) itself, three times the price
  (at least RMB 500), beside the refund (rules/increased_compensation.py).
- ``regulator``: when the plan rules a criminal report out (`rules.report_route`), a mainland seller
  whose goods are in the market regulator's remit (samr_complaint.IN_PACKET) is told of a complaint
  and report to it instead ("complaint": a consumer; "report": a business or a purchase for resale,
  SAMR Order No. 20 Art. 3); None otherwise (lawyer5 item 3).
- ``forum``: "cietac" only with a CIETAC clause; "other_arbitration";
  "people_court" (mainland supplier); "court" (elsewhere).
- ``cite``: citation strings in the document's language.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Exhibit, Fact, Payment
from restitution.case.proceedings import NonConformityNotice
from restitution.case.stage import overdue, stage_of
from restitution.documents import DocumentSpec
from restitution.documents._personal_accounts import Recipient, paid_to_persons, recipients
from restitution.documents._phrases import (
    Citations,
    civil_code,
    PaymentRow,
    citations,
    supplier_name,
    client_name,
    supplier_identifier,
    agent_address,
    supplier_address,
    payment_rows,
    paid_total,
    outcome_text,
    order_ref,
    representative_label,
    representative,
)
from restitution.documents.demand_settlement import Guarantor, OverdueInstalment, check_on, settlement_people
from restitution.errors import DocumentNotApplicable
from restitution.language.catalogue import Catalogue
from restitution.rules import chargeback_window, report_in_demand, trade_assurance
from restitution.rules.citations import CONSUMER_LAW_53
from restitution.rules.facts import Resumed, contact_resumed, proofs_of, receipt_proofs, summary_tells_silence
from restitution.rules.increased_compensation import (
    CONSUMER_LAW_55, IncreasedCompensation, compensation_in_cny, increased_compensation,
)
from restitution.rules.loss import CnyAmount, amount_in_cny
from restitution.rules.payee import all_paid_to_persons
from restitution.rules.report_route import report_ruled_out
from restitution.rules.sales_law import consumer_prepayment, sales_law
from restitution.documents.letter_number import (  # noqa: F401 (derive_letter_no re-exported)
    derive_letter_no, letter_number, running_reference, zh_variant as _zh_variant,
)
from restitution.records import record

# Days a letter sent by EMS (and e-mail) is allowed to arrive before the
# backstop date: international EMS usually arrives within 5–10 days [R].
DELIVERY_ALLOWANCE_DAYS = 10


# ------------------------------------------------------------------ spec


def latest_date(date: dt.date, days: int) -> dt.date:
    """The backstop date: letter date + delivery allowance + the days given, off a weekend."""
    latest = date + dt.timedelta(days=DELIVERY_ALLOWANCE_DAYS + days)
    while latest.weekday() >= 5:
        latest += dt.timedelta(days=1)
    return latest


def check(case: Case) -> None:
    if sales_law(case).regime == "unknown":
        raise DocumentNotApplicable(
            f"the letter must say which law governs the sale, and {case.client.country!r} is not in the "
            "toolkit's table of the UN Sales Convention (CISG): set order.cisg to true if the buyer's country "
            "was a Contracting State when the order was placed and the contract did not exclude it, else false",
            case.locate("client.country"))
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
    if case.settlement is not None and stage_of(case).owed == 0:
        raise DocumentNotApplicable(
            "the settlement is paid in full (settlement.received adds up to agreed_amount): nothing is "
            "left to demand", case.locate("settlement.received"))
    s = case.supplier
    if s.region == "mainland" and not s.name_zh:
        raise DocumentNotApplicable(
            "a demand to a mainland supplier must name it by its full registered Chinese name "
            "(supplier.name_zh, as shown in the national enterprise credit system)",
            case.locate("supplier.name"))


@record
class DemandContext:
    agent_letter: bool
    letter_no: str | None
    letter_no_derived: bool
    latest: dt.date
    deadline_days: int
    deadline: dt.date  # the letter date + the days: kept for firm templates written before ``latest``
    law: str
    avoid_now: bool
    announce_report: bool
    facts: list[Fact]
    payments: list[PaymentRow]
    paid_total: Decimal | None
    paid_currency: str | None
    supplier_name: str
    client_name: str
    supplier_id_label: str | None
    supplier_id: str | None
    supplier_address: str | None
    cny: CnyAmount
    outcome: str
    outcome_but: str
    order_ref: str
    # the claim is exactly what was paid: the letter says "repay", not just "pay"
    claim_is_refund: bool
    # What is demanded: the claim, or under a settlement what is still owed (agreed less received)
    demanded: Decimal
    demanded_currency: str
    under_settlement: bool
    overdue: tuple[OverdueInstalment, ...]
    guarantors: tuple[Guarantor, ...]
    rep_label: str
    rep: str | None
    agent_address: str | None
    supplier_emails: list[str]
    trade_assurance: bool
    credited: list[PaymentRow]
    goods_held: bool
    forum: str
    region: str
    cite: Citations
    measures: int  # the steps the letter lists as consequences: "together or one after another" needs two
    # Who the settlement binds: the seller itself (a draft, or signed by it), or only the
    # others who signed (``signatories``, the payers and guarantors), when the claim against the
    # seller still rests on the sale contract.
    supplier_party: bool = True
    signed_on: dt.date | None = None
    signatories: tuple[str, ...] = ()
    # those who signed to pay for the seller (role payer), whether or not the seller signed too (a legal
    # representative, a suspect, who signed in his own name beside the company): addressed too, with
    # their identity document, and named beside the seller as bound to pay (fifth review, item 8)
    payers_bound: tuple[Guarantor, ...] = ()
    ta_filed_on: dt.date | None = None
    notice: NonConformityNotice | None = None
    notice_exhibits: tuple[Exhibit, ...] = ()
    # the exhibits that prove the payments (rules.facts.proofs_of): never the advice of
    # restitution received under the settlement
    payment_proofs: tuple[Exhibit, ...] = ()
    receipt_proofs: tuple[Exhibit, ...] = ()  # the advice of restitution received (rules.facts)
    # the seller's silence since outcome.last_contact ended in the settlement (rules.facts)
    resumed: Resumed | None = None
    silence_told: bool = False  # the outcome's summary already says since when the seller has not answered
    # money paid at the seller's direction into persons' accounts (documents/_personal_accounts.py):
    # the clause saying so, whether all was, and the holders, addressed too (Civil Code Art. 985 reserved)
    paid_to_persons: str | None = None
    personal_all: bool = False
    recipients: tuple[Recipient, ...] = ()
    cc_985: str | None = None
    consumer_law: str | None = None  # 消费者权益保护法 Art. 53, for a consumer's prepayment not supplied
    # under a settlement, what is still owed but not yet due on the letter's date: only then does the
    # letter say the rest is payable on the agreed dates
    undue: Decimal = Decimal("0")
    increased: IncreasedCompensation | None = None  # 消费者权益保护法 Art. 55(1), counterfeits sold as genuine
    increased_cny: CnyAmount | None = None
    law_55: str = ""
    regulator: str | None = None  # "complaint" or "report" to the market regulator, in place of a police report


def regulator(case: Case, under_settlement: bool) -> str | None:
    """The market-regulator step the letter names when no criminal report may be threatened."""
    from restitution.documents.samr_complaint import IN_PACKET

    if under_settlement or case.supplier.region != "mainland" or case.outcome.kind not in IN_PACKET \
            or not report_ruled_out(case):
        return None
    return "report" if case.client.kind == "company" or case.order.for_resale else "complaint"


def refundable_by_card(case: Case, date: dt.date) -> list[Payment]:
    """Card payments a chargeback may still return: a dispute filed and not lost, or none filed
    and the network's window not missed on `date`."""
    filed = {c.payment: c for c in case.proceedings.chargebacks} if case.proceedings else {}
    out = []
    for i, p in enumerate(case.payments):
        if p.card is None:
            continue
        dispute = filed.get(i)
        if dispute is not None:
            if dispute.result != "lost":
                out.append(p)
        elif chargeback_window(case, p).status(date) != "missed":
            out.append(p)
    return out


def context(case: Case, words: Catalogue, date: dt.date) -> DemandContext:
    agent_letter = case.claim.sender == "agent"
    terms = "letter_agent" if agent_letter else "letter_client"
    letter_no, derived = letter_number(case, date)
    total, total_currency = paid_total(case)
    st = stage_of(case)
    late = tuple(OverdueInstalment(n, due, amount) for n, due, amount in overdue(case, date))
    demanded = sum((i.amount for i in late), Decimal("0")) if case.settlement is not None else st.owed
    people = settlement_people(case, words)
    guarantors = tuple(g for role, g in people if role == "guarantor")
    supplier_party = case.settlement.supplier_is_party if case.settlement else True
    reported = case.proceedings is not None and case.proceedings.police_report is not None
    id_label, id_value = supplier_identifier(case, words)
    clause = case.order.arbitration_clause
    if clause == "cietac":
        forum = "cietac"
    elif clause == "other":
        forum = "other_arbitration"
    else:
        forum = "people_court" if case.supplier.region == "mainland" else "court"
    avoid_now = case.outcome.kind in ("junk_delivered", "not_as_described", "counterfeit")
    by_card = {id(p) for p in refundable_by_card(case, date)}
    rows = payment_rows(case, words)  # in date order, as sorted here
    credited = [r for r, p in zip(rows, sorted(case.payments, key=lambda p: p.date)) if id(p) in by_card]
    proc = case.proceedings
    ta_filed = proc.trade_assurance_claim.filed_on if proc and proc.trade_assurance_claim else None
    announce = bool(report_in_demand(case).applies) and not reported
    under_settlement = st.settlement != "none"
    to_regulator = regulator(case, under_settlement)
    ta_open = trade_assurance(case).status(date) == "open" and ta_filed is None
    notice = proc.nonconformity_notice if proc and avoid_now else None  # delivered goods that do not conform
    notice_days = {notice.sent_on, notice.answered_on} if notice else set()
    regime = sales_law(case).regime
    increased = increased_compensation(case) if regime == "civil_code" and not under_settlement else None
    return DemandContext(
        agent_letter=agent_letter,
        letter_no=letter_no,
        letter_no_derived=derived,
        latest=latest_date(date, case.claim.deadline_days),
        deadline=date + dt.timedelta(days=case.claim.deadline_days),
        deadline_days=case.claim.deadline_days,
        law=regime,
        avoid_now=avoid_now,
        announce_report=announce,
        facts=sorted(case.facts, key=lambda f: f.date),
        payments=rows,
        paid_total=total,
        paid_currency=total_currency,
        supplier_name=supplier_name(case, words),
        client_name=client_name(case, words),
        supplier_id_label=id_label,
        supplier_id=id_value,
        supplier_address=supplier_address(case, words),
        # A settlement's sums are owed in the agreed currency and paid months after the payments: no RMB
        # figure at a payment's (or the claim's) rate, which would state a rate the sum was never paid at.
        cny=CnyAmount(None, "none") if under_settlement else amount_in_cny(case, demanded, st.owed_currency),
        outcome=outcome_text(case, words),
        outcome_but=words(f"order.outcome_but.{case.outcome.kind}"),
        order_ref=order_ref(case, words),
        claim_is_refund=st.settlement == "none" and total is not None and total == case.claim.amount
        and total_currency == case.claim.currency,
        demanded=demanded,
        demanded_currency=st.owed_currency,
        under_settlement=st.settlement != "none",
        overdue=late,
        guarantors=guarantors,
        supplier_party=supplier_party,
        signed_on=case.settlement.signed_on if case.settlement else None,
        signatories=tuple(g.name for _, g in people),
        payers_bound=tuple(g for role, g in people if role == "payer"),
        payment_proofs=tuple(e for e in case.evidence if any(e in proofs_of(case, p) for p in case.payments)),
        receipt_proofs=receipt_proofs(case),
        resumed=contact_resumed(case),
        silence_told=summary_tells_silence(case, words.language.chinese),
        rep_label=representative_label(case, words),
        rep=representative(case, words),
        agent_address=agent_address(case, words),
        supplier_emails=[ct.email for ct in case.supplier.contacts if ct.email],
        trade_assurance=ta_open,
        credited=credited if st.settlement == "none" else [],
        goods_held=avoid_now and st.settlement == "none",
        forum=forum,
        region=case.supplier.region,
        cite=citations(words),
        # as the template lists them: a report, the action (under a settlement, and word to the
        # police handling the case), a Trade Assurance claim
        measures=int(announce) + (1 + int(reported) if under_settlement else 1) + int(to_regulator is not None),
        ta_filed_on=ta_filed if st.settlement == "none" else None,
        notice=notice,
        notice_exhibits=tuple(e for e in case.evidence if e.kind == "emails" and e.date in notice_days),
        paid_to_persons=None if under_settlement else paid_to_persons(case, words, terms, with_total=True),
        personal_all=all_paid_to_persons(case),
        recipients=recipients(case, words) if not under_settlement else (),
        cc_985=civil_code((985,), words),
        consumer_law=CONSUMER_LAW_53.word(words) if consumer_prepayment(case) and not under_settlement else None,
        undue=st.owed - demanded if under_settlement else Decimal("0"),
        increased=increased,
        increased_cny=compensation_in_cny(case, increased) if increased else None,
        law_55=CONSUMER_LAW_55.word(words),
        regulator=to_regulator,
    )

def in_packet(case: Case) -> bool:
    """Under a settlement, the demand of overdue instalments (``check_on`` skips it, saying why,
    when none is overdue). Otherwise not once the case is opened (a demand would undercut the
    investigation), nor when a demand was already sent (proceedings.demand_letter)."""
    st = stage_of(case)
    if st.settlement != "none":
        return True
    return st.police != "opened" and st.demand_sent_on is None


SPEC = DocumentSpec(
    key="demand_letter",
    # Later pages repeat the 发函号 of its head, never the firm's internal file number (domain.md §D).
    own_reference=running_reference,
    check=check,
    check_on=check_on,
    context=context,
    in_packet=in_packet,
    zh_variant=_zh_variant,
    firm_speaks=lambda case: case.claim.sender == "agent" and case.agent is not None,
)
