"""The `settlement` block of the case file: restitution agreed with the seller or its family.

Declared like the classes of model.py (keys.py says how); kept apart so that
model.py stays within one screenful per idea. The conditions between these keys
(instalments adding up to the agreed amount, a guarantor's identity, the pardon
only against full payment, who signed an agreement on file) are in conditions.py and
documents/pardon_letter.py. A signed agreement (`signed_on`) is cited, never redrafted: a
second agreement over the same debt would blur which one governs and when each guarantee
period runs (Civil Code (2020) Art. 692); `supplier_signed` says whether the seller company
itself is bound by it, for a claim against a company that did not sign rests on the sale.

The case's own record of the signing (the exhibit of the signed agreement, a fact that
recites the signing) must give the same date as `signed_on`, which every document prints.
The format links neither to the settlement, so `is_signed_agreement` and `recites_signing`
recognise them by their words. Trade-off: the exhibit is the agreement itself and the
documents cite it as such, so its conflicting date is an error (conditions.py); a fact is
free narrative, possibly about another agreement, so its date only warns (crosscheck.py).
"""
from __future__ import annotations

import datetime as dt
import dataclasses
import re
from decimal import Decimal
from typing import Literal

from restitution.case import keys
from restitution.case.keys import section
from restitution.records import record

# the agreement itself, in the words of an exhibit's title or file name
_AGREEMENT = re.compile(r"settlement[\s_-]*agreement|和解协议|和解協議", re.IGNORECASE)
# an exhibit that names the agreement but is another paper: a draft, a later amendment, the
# messages about it, or the advice of money paid under it
_OTHER_PAPER = re.compile(r"draft|unsigned|supplement|amend|e-?mail|chat|message|receipt|advice|payment|"
                          r"transfer|statement|草|未签|未簽|补充|補充|变更|變更|邮件|郵件|聊天|记录|記錄|"
                          r"收据|收據|凭证|憑證|入账|入賬|付款|转账|轉賬", re.IGNORECASE)
# kinds that never are the agreement itself
_NOT_AGREEMENT_KINDS = frozenset({"payment_proof", "emails", "listing", "business_license", "bill_of_lading",
                                  "packing_list", "test_report", "power_of_attorney"})


def is_signed_agreement(kind: str | None, *texts: str | None) -> bool:
    """Whether an exhibit (its kind, title, Chinese title, file name) is the signed settlement agreement."""
    if kind in _NOT_AGREEMENT_KINDS:
        return False
    words = " ".join(t for t in texts if isinstance(t, str))
    return bool(_AGREEMENT.search(words)) and not _OTHER_PAPER.search(words)


_SIGNING = (re.compile(r"\bsign(?:s|ed|ing)?\b[^.;]*settlement agreement|settlement agreement[^.;]*\bsigned\b",
                       re.IGNORECASE),
            re.compile(r"(?:签订|签署|簽訂|簽署|订立|訂立)[^。；]*和解协议|(?:签订|签署|簽訂|簽署|订立|訂立)[^。；]*和解協議"))


def recites_signing(*texts: str | None) -> bool:
    """Whether a fact's text says a settlement agreement was signed (English or Chinese)."""
    return any(p.search(t) for t in texts if isinstance(t, str) for p in _SIGNING)


PayerRole = Literal["payer", "guarantor"]
GuaranteeKind = Literal["general", "joint"]


@record
@section("Instalment")
class Instalment:
    """One agreed instalment of the settlement."""

    due: dt.date = keys.date("Date the instalment is due.", required=True)
    amount: Decimal = keys.money("Amount due.", required=True)


@record
@section("Receipt")
class Receipt:
    """Money actually received under the settlement."""

    date: dt.date = keys.date("Date the money arrived.", required=True)
    amount: Decimal = keys.money("Amount received.", required=True)
    reference: str | None = keys.ident("Bank reference of the transfer.")


@record(kw_only=True)
@section("Payer")
class Payer:
    """A relative or other person who pays or guarantees the settlement for the seller."""

    name: str = keys.line("Full name.", required=True, verbatim=True)
    name_zh: str | None = keys.zh("name")
    relation: str | None = keys.line("Relation to the seller, e.g. spouse.")
    relation_zh: str | None = keys.zh("relation")
    id_no: str | None = keys.ident("Identity document number.")
    role: PayerRole = keys.choice("payer (pays) or guarantor (guarantees the payment).", default="payer")
    address: str | None = keys.text("Address where the person can be served.", added=True)
    address_zh: str | None = keys.zh("address", added=True)
    phone: str | None = keys.ident("Telephone number.", added=True)
    guarantee: GuaranteeKind | None = keys.choice(
        "A guarantor's guarantee: general or joint (unstated: general, Civil Code Art. 686).", added=True)


@record(kw_only=True)
@section("Settlement")
class Settlement:
    """The settlement track: restitution in exchange for a written pardon."""

    agreed_amount: Decimal = keys.money("Amount agreed.", required=True)
    currency: str = keys.key("currency", "ISO 4217 code; default: the claim currency.", filled_in=True)
    schedule: tuple[Instalment, ...] = keys.entries("Instalments; they must add up to agreed_amount.")
    received: tuple[Receipt, ...] = keys.entries("What has actually arrived.")
    leniency_requested: bool = keys.flag("Whether the written pardon asks for lenient treatment.")
    payers: tuple[Payer, ...] = keys.entries(added=True)
    handling_authority_zh: str | None = keys.line("Body handling the criminal case, in Chinese.", added=True)
    handling_authority: str | None = keys.line("Body handling the criminal case, in English.", added=True)
    signed_on: dt.date | None = keys.date(
        "Date the settlement agreement was signed. Absent: not signed yet, and the toolkit drafts it; "
        "given: the signed agreement is on file and no new one is drafted.", added=True)
    supplier_signed: bool | None = keys.key(
        "bool", "Required with signed_on: true when the seller company itself signed (and sealed) the "
        "agreement, false when only others (its relatives, the guarantors in payers) signed with the client.",
        added=True)
    pardon_before_full_payment: bool = keys.flag(
        "true to issue the written pardon before settlement.received adds up to agreed_amount "
        "(default false: a pardon is given against full payment).")
    pardon_before_full_payment_reason: str | None = keys.text(
        "Why the pardon is given before full payment; required when pardon_before_full_payment is true. "
        "Printed nowhere, kept for the file.")

    @property
    def received_total(self) -> Decimal:
        return sum((r.amount for r in self.received), Decimal("0"))

    @property
    def supplier_is_party(self) -> bool:
        """Whether the seller company is bound by the agreement: it signed the one on file, or
        the agreement is still a draft, which makes it a party (乙方)."""
        return self.signed_on is None or bool(self.supplier_signed)

    def as_drafted(self) -> "Settlement | None":
        """The settlement as it stood when the agreement on file was drafted: unsigned, nothing
        received yet (its recital of money received names only what came before signing). None
        when no agreement is recorded as signed. The agreement's template is then still
        checked (`restitution check`, the golden dumps) on a case whose settlement is signed."""
        if self.signed_on is None:
            return None
        early = tuple(r for r in self.received if r.date <= self.signed_on)
        return dataclasses.replace(self, signed_on=None, supplier_signed=None, received=early)
