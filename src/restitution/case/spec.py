"""The keys of the case file, declared once.

This table is the format of docs/case-format.md in code: the loader walks it
to convert and check every value, and `case_schema()` turns it into a JSON
Schema, so the two cannot drift apart. Conditional rules (a mainland
supplier needs a USCC, a card payment needs `card`) live in rules.py.
Keys marked `added` extend the shared format; the format promises that
added keys never change the meaning of existing ones.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import get_args

from restitution.case import model

SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Field:
    kind: str  # see fields.CONVERTERS, plus "section" and "list"
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    places: int = 2  # decimal places allowed for "money" and "decimal"
    allow_zero: bool = False
    minimum: int | None = None
    maximum: int | None = None
    section: "Section | None" = None  # the entries of a "section" or a "list"
    nonempty: bool = False  # a "list" that needs at least one entry
    added: bool = False  # not in the shared format; documented under "Added keys"


@dataclass(frozen=True)
class Section:
    title: str
    doc: str
    fields: dict[str, Field] = field(default_factory=dict)


def _text(doc: str, **kw) -> Field:
    return Field("text", doc, **kw)


def _line(doc: str, **kw) -> Field:
    return Field("line", doc, **kw)


def _ident(doc: str, **kw) -> Field:
    return Field("ident", doc, **kw)


def _date(doc: str, **kw) -> Field:
    return Field("date", doc, **kw)


def _bool(doc: str, **kw) -> Field:
    return Field("bool", doc, **kw)


def _money(doc: str, **kw) -> Field:
    return Field("money", doc, **kw)


def _enum(doc: str, literal, **kw) -> Field:
    return Field("enum", doc, choices=tuple(get_args(literal)), **kw)


def _zh(of: str, **kw) -> Field:
    return Field("text", f"Chinese version of `{of}`; when absent, Chinese documents mark the English text as untranslated.", **kw)


BANK_ACCOUNT = Section(
    "Bank account",
    "A bank account: the supplier's receiving account or the client's refund account.",
    {
        "holder": _line("Account holder as the bank has it."),
        "holder_zh": _zh("holder", added=True),
        "bank": _line("Bank and branch."),
        "bank_zh": _zh("bank", added=True),
        "account": _ident("Account number or IBAN, exactly as the bank writes it.", required=True),
        "swift": Field("swift", "SWIFT/BIC code of the bank (8 or 11 characters)."),
    },
)

REPRESENTATIVE = Section(
    "Representative",
    "For a company client: the person who signs for it.",
    {
        "name": _line("Full name of the signatory.", required=True),
        "name_zh": _zh("name", added=True),
        "title": _line("Position, e.g. Chief Executive Officer."),
        "title_zh": _zh("title"),
    },
)

CONTACT = Section(
    "Contact",
    "A person at the supplier the client dealt with.",
    {
        "name": _line("Name the person used."),
        "name_zh": _zh("name", added=True),
        "role": _line("Role the person claimed, e.g. sales manager.", added=True),
        "email": Field("email", "E-mail address."),
        "wechat": _ident("WeChat ID."),
        "whatsapp": _ident("WhatsApp number.", added=True),
        "phone": _ident("Telephone number."),
    },
)

GOODS_LINE = Section(
    "Goods line",
    "One line of the order.",
    {
        "description": _text("What was ordered.", required=True),
        "description_zh": _zh("description"),
        "quantity": Field("decimal", "Number of units; a positive number.", places=3),
        "unit": _line("Unit, e.g. pcs, sets, kg."),
        "unit_zh": _zh("unit", added=True),
        "unit_price": _money("Price of one unit in the order currency; at most 2 decimal places."),
    },
)

CARD = Section(
    "Card",
    "The card a payment was made with; required when `method` is `card`.",
    {
        "network": _enum("Card network.", model.CardNetwork, required=True),
        "last4": Field("last4", "Last four digits of the card number (never the full number).", required=True),
        "issuer": _line("Bank that issued the card."),
        "statement_date": _date("Date of the statement on which the charge first appeared."),
        "consumer": _bool("true for a consumer card, false for a business or corporate card.", added=True),
        "credit": _bool("true for a credit card, false for a debit card.", added=True),
        "cardholder": _line("Name on the card, when it is not the client.", added=True),
    },
)

PAYMENT = Section(
    "Payment",
    "One payment to the supplier.",
    {
        "date": _date("Date of the payment.", required=True),
        "amount": _money("Amount paid; positive, at most 2 decimal places.", required=True),
        "currency": Field("currency", "ISO 4217 code of the amount.", required=True),
        "method": _enum("How it was paid.", model.PaymentMethod, required=True),
        "reference": _ident("Bank or platform reference of the transfer."),
        "to_account": _ident("Account the money went to."),
        "card": Field("section", CARD.doc, section=CARD),
        "merchant_descriptor": _line("Merchant name as printed on the card statement."),
        "via_platform": _bool("true when paid into the platform's designated account.", added=True),
    },
)

INSTALMENT = Section(
    "Instalment",
    "One agreed instalment of the settlement.",
    {
        "due": _date("Date the instalment is due.", required=True),
        "amount": _money("Amount due.", required=True),
    },
)

RECEIPT = Section(
    "Receipt",
    "Money actually received under the settlement.",
    {
        "date": _date("Date the money arrived.", required=True),
        "amount": _money("Amount received.", required=True),
        "reference": _ident("Bank reference of the transfer."),
    },
)

PAYER = Section(
    "Payer",
    "A relative or other person who pays or guarantees the settlement for the seller.",
    {
        "name": _line("Full name.", required=True),
        "name_zh": _zh("name"),
        "relation": _line("Relation to the seller, e.g. spouse."),
        "relation_zh": _zh("relation"),
        "id_no": _ident("Identity document number."),
        "role": Field("enum", "payer (pays) or guarantor (guarantees the payment).", choices=("payer", "guarantor")),
    },
)

FACT = Section(
    "Fact",
    "One event of the chronology.",
    {
        "date": _date("Date of the event.", required=True),
        "text": _text("What happened, in one or two sentences.", required=True),
        "text_zh": _zh("text"),
    },
)

EXHIBIT = Section(
    "Exhibit",
    "One piece of evidence; exhibits are numbered 1, 2, ... in the order given.",
    {
        "kind": Field("enum", "Checklist kind of the exhibit.", choices=model.EVIDENCE_KINDS, required=True),
        "title": _line("Name of the exhibit.", required=True),
        "title_zh": _zh("title"),
        "date": _date("Date of the document."),
        "file": Field("file", "Path of the file, relative to the case file; must stay inside the case folder."),
        "original": _bool("true when the original is held, false for a copy."),
        "source": _text("Where the exhibit comes from."),
        "source_zh": _zh("source", added=True),
        "purpose": _text("What the exhibit proves."),
        "purpose_zh": _zh("purpose"),
    },
)

ROOT = Section(
    "Case file",
    "One dispute: who was defrauded, by whom, what was ordered and paid, what happened, and which evidence exists.",
    {
        "schema": Field("schema", "Format version of the case file; must be 1.", required=True, minimum=1),
        "case": Field(
            "section",
            "The case itself.",
            required=True,
            section=Section(
                "Case",
                "The case itself.",
                {
                    "id": Field("case_id", "Case identifier used in output file names: letters, digits, . _ - only.", required=True),
                    "opened": _date("Date the case was opened."),
                    "language": Field("enum", "The client's language for client-facing text.", choices=("en",)),
                },
            ),
        ),
        "client": Field(
            "section",
            "The defrauded buyer (委托人 / 报案人).",
            required=True,
            section=Section(
                "Client",
                "The defrauded buyer (委托人 / 报案人).",
                {
                    "kind": _enum("company or individual.", model.ClientKind, required=True),
                    "name": _line("Full legal name.", required=True),
                    "name_zh": _zh("name"),
                    "country": Field("country", 'ISO 3166-1 alpha-2 country code; "NO" is Norway.', required=True),
                    "address": _text("Full postal address.", required=True),
                    "address_zh": _zh("address", added=True),
                    "registration_no": _ident("Company number, or passport number for an individual."),
                    "representative": Field("section", REPRESENTATIVE.doc, section=REPRESENTATIVE),
                    "email": Field("email", "E-mail address."),
                    "phone": _ident("Telephone number."),
                },
            ),
        ),
        "agent": Field(
            "section",
            "The PRC lawyer the client authorises (受托人).",
            section=Section(
                "Agent",
                "The PRC lawyer the client authorises (受托人).",
                {
                    "name": _line("Lawyer's name.", required=True),
                    "name_zh": _zh("name"),
                    "firm": _line("Law firm."),
                    "firm_zh": _zh("firm"),
                    "license_no": _ident("Lawyer's practising certificate number (律师执业证号)."),
                    "address": _text("Firm address in English.", added=True),
                    "address_zh": _text("Firm address in Chinese."),
                    "phone": _ident("Telephone number."),
                    "email": Field("email", "E-mail address."),
                    "letter_no": _ident("The firm's letter number (发函号) for a demand letter.", added=True),
                },
            ),
        ),
        "supplier": Field(
            "section",
            "The seller (被报案人 / 对方当事人).",
            required=True,
            section=Section(
                "Supplier",
                "The seller (被报案人 / 对方当事人).",
                {
                    "name": _line("Name it traded under.", required=True),
                    "name_zh": _line("Registered Chinese name."),
                    "uscc": Field("uscc", "统一社会信用代码: 18 characters, check digit per GB 32100-2015; required for mainland."),
                    "region": _enum("Where the supplier is registered.", model.Region, required=True),
                    "hk_company_no": Field("hk_company_no", "Hong Kong Companies Registry number; required for hong_kong."),
                    "province_zh": _line("Province of registration, e.g. 广东省; required for mainland."),
                    "city_zh": _line("City of registration, e.g. 深圳市; required for mainland."),
                    "district_zh": _line("District or county, e.g. 宝安区; decides the police bureau; required for mainland."),
                    "address_zh": _text("Registered address in Chinese."),
                    "address": _text("Address in English; required for hong_kong."),
                    "legal_representative_zh": _line("Legal representative (法定代表人) in Chinese."),
                    "legal_representative": _line("Legal representative in Latin letters.", added=True),
                    "registered_on": _date("Date of registration, for the recently-registered indicator.", added=True),
                    "storefront": Field("url", "Address of the online store."),
                    "contacts": Field("list", CONTACT.doc, section=CONTACT),
                    "bank_accounts": Field("list", "Accounts the supplier received money in.", section=BANK_ACCOUNT),
                },
            ),
        ),
        "order": Field(
            "section",
            "What was ordered.",
            required=True,
            section=Section(
                "Order",
                "What was ordered.",
                {
                    "number": _ident("Purchase order number."),
                    "platform": _enum("Where the order was placed.", model.Platform),
                    "platform_order_id": _ident("Order number on the platform."),
                    "date": _date("Date of the order.", required=True),
                    "currency": Field("currency", "ISO 4217 code of the order.", required=True),
                    "goods": Field("list", GOODS_LINE.doc, section=GOODS_LINE),
                    "total": _money("Order total; must equal the sum of the goods lines when both are given."),
                    "incoterm": _line("Incoterm and place, e.g. FOB Shenzhen."),
                    "trade_assurance": _bool("true when the order was placed under Alibaba.com Trade Assurance."),
                    "arbitration_clause": _enum(
                        "Arbitration clause of the contract; only cietac lets a letter threaten CIETAC arbitration.",
                        model.ArbitrationClause,
                    ),
                    "promised_ship_date": _date("Shipping date the supplier promised."),
                    "promised_delivery_date": _date("Delivery date the supplier promised."),
                },
            ),
        ),
        "payments": Field("list", PAYMENT.doc, required=True, nonempty=True, section=PAYMENT),
        "outcome": Field(
            "section",
            "What happened after payment.",
            required=True,
            section=Section(
                "Outcome",
                "What happened after payment.",
                {
                    "kind": _enum("What went wrong.", model.OutcomeKind, required=True),
                    "delivered_on": _date("Date of delivery, if anything arrived."),
                    "receipt_confirmed_on": _date("Date receipt was confirmed on the platform."),
                    "last_contact": _date("Last time the supplier answered."),
                    "seller_unreachable": _bool("true when the seller no longer answers."),
                    "summary": _text("What happened, in a few sentences."),
                    "summary_zh": _zh("summary"),
                },
            ),
        ),
        "indicators": Field(
            "section",
            "Facts that separate fraud from an ordinary contract dispute.",
            section=Section(
                "Indicators",
                "Facts that separate fraud from an ordinary contract dispute.",
                {
                    "vanished_after_payment": _bool("The seller disappeared after payment."),
                    "fake_address": _bool("The registered or stated address is false."),
                    "recently_registered": _bool("The company was registered shortly before the order."),
                    "registered_capital_cny": _money("Registered capital in CNY.", allow_zero=True),
                    "personal_email_used": _bool("The seller used a personal e-mail address."),
                    "shipped_junk": _bool("Worthless goods were shipped to simulate performance."),
                    "refused_escrow": _bool("The seller refused payment through escrow or Trade Assurance."),
                    "forged_documents": _bool("The seller used forged documents.", added=True),
                    "partial_performance": _bool("The seller performed in part (a sign of an ordinary dispute).", added=True),
                    "continued_negotiation": _bool("The seller still negotiates (a sign of an ordinary dispute).", added=True),
                },
            ),
        ),
        "facts": Field("list", "The chronology used by the demand letter and the police memo.", section=FACT),
        "claim": Field(
            "section",
            "What the client claims.",
            section=Section(
                "Claim",
                "What the client claims.",
                {
                    "amount": _money("Amount claimed; default: the sum of the payments."),
                    "currency": Field("currency", "ISO 4217 code of the claim; default: the payments' currency."),
                    "cny_rate": Field("decimal", "CNY per one unit of the claim currency; at most 1000.", places=6, maximum=1000),
                    "cny_rate_date": _date("Date of the exchange rate."),
                    "cny_rate_source": _line("Source of the rate, e.g. PBOC central parity."),
                    "deadline_days": Field("int", "Days the supplier has to pay after the demand letter.", minimum=1, maximum=365),
                    "refund_account": Field("section", "Where restitution is to be paid.", section=BANK_ACCOUNT),
                    "sender": _enum("Who sends the demand letter: client or agent.", model.Sender, added=True),
                },
            ),
        ),
        "settlement": Field(
            "section",
            "The settlement track: restitution in exchange for a written pardon.",
            section=Section(
                "Settlement",
                "The settlement track: restitution in exchange for a written pardon.",
                {
                    "agreed_amount": _money("Amount agreed.", required=True),
                    "currency": Field("currency", "ISO 4217 code; default: the claim currency."),
                    "schedule": Field("list", "Instalments; they must add up to agreed_amount.", section=INSTALMENT),
                    "received": Field("list", "What has actually arrived.", section=RECEIPT),
                    "leniency_requested": _bool("Whether the written pardon asks for lenient treatment."),
                    "payers": Field("list", PAYER.doc, section=PAYER, added=True),
                    "handling_authority_zh": _line("Body handling the criminal case, in Chinese.", added=True),
                    "handling_authority": _line("Body handling the criminal case, in English.", added=True),
                },
            ),
        ),
        "evidence": Field("list", "Exhibits, in the order they are to be numbered.", section=EXHIBIT),
    },
)


def walk(section: Section = ROOT, prefix: str = ""):
    """Every (key path, Field) of the format, lists written as `key[]`."""
    for key, f in section.fields.items():
        path = f"{prefix}.{key}" if prefix else key
        yield path, f
        if f.section is not None:
            yield from walk(f.section, path + ("[]" if f.kind == "list" else ""))
