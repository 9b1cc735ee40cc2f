"""The written pardon (谅解书) the victim gives the authority handling the case.

domain.md §C ("What a 谅解书 should contain") and pitfall 10: it names who is
pardoned (the supplier and its named legal representative, never unnamed
people) and for what; records the restitution actually received, each
payment with its date, amount in figures and 大写 and reference; says
whether leniency is requested; states that it is voluntary; and is signed by
the victim, its legal representative, or an agent whom the power of attorney
expressly authorises to sign a pardon (§A). A pardon is never written
against money not yet received, so an empty ``settlement.received`` is
refused; a partial receipt is not refused, but the letter states the
shortfall and limits the pardon to what was received.

Values the templates read as ``x``:

- ``authority``: the addressee: ``settlement.handling_authority(_zh)``, else the
  unit recorded in ``proceedings.police_report``, else the police body for the
  supplier (rules.police_route).
- ``suspects``: the individuals of ``proceedings.suspects``, each named with
  identity document and role (§H.7: the pardoned individual is named); with
  them ``pardoned`` is the supplier and those individuals, and the case is
  named "…涉嫌合同诈骗一案" with ``case_no`` when known.
- ``receipts`` (``n``, ``date``, ``amount``, ``reference``), ``received_total``,
  ``agreed``, ``outstanding``, ``partial``.
- ``supplier`` (name in running text), ``pardoned`` (the supplier and its named
  legal representative).
- ``paid_total``/``paid_currency`` (None when the payments mix currencies),
  ``offence``, ``region``, ``order_ref``, ``outcome``, ``rep_label``, ``rep``.
- ``agent_signs``: the agent signs under the power of attorney's special authority (`signed_by_agent`).
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case
from restitution.case.stage import stage_of
from restitution.documents import DocumentSpec
from restitution.documents._history import SuspectRow, recorded_unit, suspect_rows
from restitution.documents._phrases import (
    order_ref,
    paid_total,
    representative,
    representative_in_text,
    representative_label,
)
from restitution.documents.settlement_agreement import (
    authority,
    offence,
    outcome_text,
    require_settlement,
    where,
)
from restitution.errors import DocumentNotApplicable
from restitution.formatting import format_money
from restitution.formatting.names import join_list
from restitution.language import EN
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules import police_route


def addressee(case: Case, words: Catalogue) -> str | None:
    """settlement.handling_authority, else the unit recorded as holding the report, else the competent one."""
    return authority(case, words) or recorded_unit(case, words)


def supplier_short(case: Case, words: Catalogue) -> str:
    """The supplier's name in running text: the registered Chinese name in Chinese."""
    s = case.supplier
    return (s.name_zh or s.name) if words.language.chinese else s.name


def pardoned(case: Case, words: Catalogue) -> str:
    """Who is pardoned: the supplier and the individual suspects of proceedings.suspects (§H.7: the
    individual is named), else its legal representative when the case names one."""
    rep = representative(case, words)
    name = supplier_short(case, words)
    rows = suspect_rows(case, words)
    if rows:
        return words("settlement.pardoned_suspects", name=name,
                     people=join_list([r.name for r in rows], words.language))
    if not rep:
        return name
    return words("settlement.pardoned", name=name, title=representative_in_text(case, words), rep=rep)


def signed_by_agent(case: Case) -> bool:
    """Whether the agent signs the pardon (under the power of attorney's special authority to sign one):
    with an agent, once the agreed sum is received in full; before that the client signs in person,
    as the power of attorney grants that authority only after the money arrives. The templates'
    ``a`` (pardon_letter.md.j2) is ``x.agent_signs``; the packet guide says the same signer."""
    st = case.settlement
    return case.agent is not None and st is not None and st.received_total >= st.agreed_amount


def attachments(case: Case, made: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The pardon's enclosures in its own order (pardon_letter.md.j2), as keys the packet guide words
    (guide.papers.<key>, or a document of the packet in `made`): proof of each receipt; the settlement
    agreement (the signed copy, or the one drafted in this packet) where it has a schedule; the
    client's identity papers; the original power of attorney when the agent signs."""
    st = case.settlement
    out = ["restitution_receipts"]
    if st is not None and st.schedule:
        if st.signed_on is not None:
            out.append("signed_settlement")
        elif "settlement_agreement" in made:
            out.append("settlement_agreement")
    out.append("signatory_identity" if case.client.kind == "company" else "identity_document")
    if signed_by_agent(case):
        out.append("poa_original")
    return tuple(out)


def check(case: Case) -> None:
    st = require_settlement(case, "the written pardon", "agreed_amount, currency, received")
    if not st.received:
        raise DocumentNotApplicable(
            "a written pardon records restitution actually received; settlement.received is empty",
            where(case, "settlement.received"))
    outstanding = st.agreed_amount - st.received_total
    if outstanding > 0 and not st.pardon_before_full_payment:
        # A pardon is given or not: handed over before the last instalment it removes the
        # payer's reason to go on paying (domain.md §C, §H.7).
        code = EN.code
        raise DocumentNotApplicable(
            f"the written pardon is given against full payment: {format_money(st.received_total, st.currency, code)} "
            f"of {format_money(st.agreed_amount, st.currency, code)} received, "
            f"{format_money(outstanding, st.currency, code)} outstanding; to give it earlier set "
            "settlement.pardon_before_full_payment: true with pardon_before_full_payment_reason",
            where(case, "settlement.received"))
    named = st.handling_authority or st.handling_authority_zh
    if not named:
        if case.supplier.region not in ("mainland", "hong_kong"):
            raise DocumentNotApplicable(
                "the written pardon is addressed to the body handling the case: add "
                "settlement.handling_authority_zh (and handling_authority)", where(case, "settlement"))
        police_route(case)  # the police body is the addressee: a missing place is a located error


@record
class ReceiptRow:
    n: int
    date: dt.date
    amount: Decimal
    reference: str | None


@record
class PardonContext:
    authority: str | None
    receipts: list[ReceiptRow]
    received_total: Decimal
    agreed: Decimal
    outstanding: Decimal
    partial: bool
    paid_total: Decimal | None
    paid_currency: str | None
    offence: str | None
    region: str
    order_ref: str
    outcome: str
    supplier: str
    pardoned: str
    rep_label: str
    rep: str | None
    suspects: list[SuspectRow]  # the individuals pardoned, each with identity document and role
    case_no: str | None  # the case number, when proceedings.police_report records it
    agent_signs: bool = False  # signed_by_agent: the packet guide names the same signer
    # The loss (claim.amount) and what the agreed restitution leaves of it, when the agreement is in the
    # claim's currency and covers less: the pardon says the rest follows the agreement (domain.md §H.7) [R].
    loss: Decimal | None = None
    rest: Decimal | None = None


def context(case: Case, words: Catalogue, date: dt.date) -> PardonContext:
    s = require_settlement(case, "the written pardon", "agreed_amount, currency, received")
    received = s.received_total
    total, total_currency = paid_total(case)
    loss = case.claim.amount if case.claim.currency == s.currency else None
    return PardonContext(
        authority=addressee(case, words),
        receipts=[ReceiptRow(n, r.date, r.amount, r.reference)
                  for n, r in enumerate(sorted(s.received, key=lambda r: r.date), start=1)],
        received_total=received,
        agreed=s.agreed_amount,
        outstanding=max(s.agreed_amount - received, Decimal("0")),
        partial=received < s.agreed_amount,
        paid_total=total,
        paid_currency=total_currency,
        offence=offence(case, words),
        region=case.supplier.region,
        order_ref=order_ref(case, words),
        outcome=outcome_text(case, words),
        supplier=supplier_short(case, words),
        pardoned=pardoned(case, words),
        rep_label=representative_label(case, words),
        rep=representative(case, words),
        suspects=suspect_rows(case, words),
        case_no=stage_of(case).case_no,
        agent_signs=signed_by_agent(case),
        loss=loss,
        rest=loss - s.agreed_amount if loss is not None and loss > s.agreed_amount else None,
    )


SPEC = DocumentSpec(
    key="pardon_letter",
    check=check,
    context=context,
    # The Hong Kong Police read Traditional Chinese (domain.md §C, pitfall 10).
    zh_variant=lambda case: "zh-Hant" if case.supplier.region == "hong_kong" else "zh",
)
