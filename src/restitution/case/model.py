"""The case file as typed, immutable objects, and the one declaration of its keys.

Attribute names are exactly the keys of the case-file format (see
docs/case-format.md); templates read them as ``case.supplier.name_zh``.
Money is `Decimal`, dates are `datetime.date`, identifiers are `str`.
Lists are tuples so that a loaded case cannot be changed by a template.

Each key is declared here once, as a field whose value says what the file
allows (`keys.line("Full legal name.", required=True)`): the loader, the
JSON Schema of `restitution schema` and the `Case` the documents read all
come from these classes (keys.py says how, and why this rather than a
separate table). Fields appear in the order of the format, which is the
order of the schema and of the loader's messages. A field without such a
declaration (`Exhibit.number`, `Case.where`) is computed by the loader.
A new key is one line here, in its class, plus the templates that print it
(measured with `client.vat_no` printed by both `_parties.md.j2`: 3 files,
where two declarations took 6), and a line in the "Added keys" table of
docs/case-format.md for users.

Classes are keyword-only to construct, except the four small ones that code builds
positionally (GoodsLine, Fact, Instalment, Receipt), whose positional order is kept.

``where`` maps a key path ("payments[1].card.last4") to the line it came from, so that a later
check (a document that needs a key, an evidence file that cannot be read) can still point at it.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from restitution.case import keys
from restitution.case.keys import section
from restitution.case.indicators import Forgery, Indicators  # noqa: F401 (re-exported)
from restitution.case.marks import FormerName, RegisteredMark  # noqa: F401 (re-exported)
from restitution.case.proceedings import Proceedings
from restitution.case.settlement import GuaranteeKind, Instalment, Payer, PayerRole, Receipt, Settlement  # noqa: F401 (re-exported)
from restitution.case.vocabulary import (  # noqa: F401 (re-exported)
    ClientKind,
    Region,
    Platform,
    ArbitrationClause,
    PaymentMethod,
    CardNetwork,
    OutcomeKind,
    Sender,
    ExhibitMedium,
    ExhibitLanguage,
    EVIDENCE_KINDS,
    EVIDENCE_SOURCES,
)
from restitution.errors import Location
from restitution.records import record


@record(kw_only=True)
@section("Case")
class CaseInfo:
    """The case itself."""

    id: str = keys.key("case_id", "Case identifier used in output file names: letters, digits, . _ - only.",
                       required=True)
    opened: dt.date | None = keys.date("Date the case was opened.")
    language: str = keys.choice("The client's language for client-facing text.", choices=("en",), default="en")


@record(kw_only=True)
@section("Representative")
class Representative:
    """For a company client: the person who signs for it."""

    name: str = keys.line("Full name of the signatory.", required=True, verbatim=True)
    name_zh: str | None = keys.zh("name", added=True)
    title: str | None = keys.line("Position, e.g. Chief Executive Officer.")
    title_zh: str | None = keys.zh("title")


@record(kw_only=True)
@section("Client")
class Client:
    """The defrauded buyer (委托人 / 报案人)."""

    kind: ClientKind = keys.choice("company or individual.", required=True)
    name: str = keys.line("Full legal name.", required=True, verbatim=True)
    name_zh: str | None = keys.zh("name")
    country: str = keys.key("country", 'ISO 3166-1 alpha-2 country code; "NO" is Norway.', required=True)
    address: str = keys.text("Full postal address.", required=True, verbatim=True)
    address_zh: str | None = keys.zh("address", added=True)
    registration_no: str | None = keys.ident("Company number, or passport number for an individual.")
    travel_permit_no: str | None = keys.ident(
        "An individual from Hong Kong or Macao: the number of the 港澳居民来往内地通行证 (Mainland Travel Permit); "
        "from Taiwan: of the 台湾居民来往大陆通行证.", added=True)
    representative: Representative | None = keys.part()
    email: str | None = keys.key("email", "E-mail address.")
    phone: str | None = keys.ident("Telephone number.")

    @property
    def name_zh_registered(self) -> bool:
        """`name_zh` is the client's own name (CN, HK, MO, TW), not a translation printed as such."""
        return self.country in ("CN", "HK", "MO", "TW")


@record(kw_only=True)
@section("Agent")
class Agent:
    """The PRC lawyer the client authorises (受托人)."""

    name: str = keys.line("Lawyer's name.", required=True, verbatim=True)
    name_zh: str | None = keys.zh("name")
    firm: str | None = keys.line("Law firm.", verbatim=True)
    firm_zh: str | None = keys.zh("firm")
    license_no: str | None = keys.ident("Lawyer's practising certificate number (律师执业证号).")
    address: str | None = keys.text("Firm address in English.", added=True, verbatim=True)
    address_zh: str | None = keys.text("Firm address in Chinese.")
    phone: str | None = keys.ident("Telephone number.")
    email: str | None = keys.key("email", "E-mail address.")
    letter_no: str | None = keys.ident("The firm's letter number (发函号) for a demand letter.", added=True)
    sub_delegation: bool = keys.flag(
        "true when the lawyer may delegate to another lawyer (转委托, Civil Code Art. 169); default not allowed.",
        added=True)


@record(kw_only=True)
@section("Contact")
class Contact:
    """A person at the supplier the client dealt with."""

    name: str | None = keys.line("Name the person used.", verbatim=True)
    name_zh: str | None = keys.zh("name", added=True)
    role: str | None = keys.line("Role the person claimed, e.g. sales manager.", added=True)
    email: str | None = keys.key("email", "E-mail address.")
    wechat: str | None = keys.ident("WeChat ID.")
    whatsapp: str | None = keys.ident("WhatsApp number.", added=True)
    phone: str | None = keys.ident("Telephone number.")
    person: bool | None = keys.flag(
        "false for a shared mailbox, desk or team (customer service, sales department) rather than a "
        "natural person; default: inferred from the name.", added=True, default=None)


@record(kw_only=True)
@section("Bank account")
class BankAccount:
    """A bank account: the supplier's receiving account or the client's refund account."""

    holder: str | None = keys.line("Account holder as the bank has it.", verbatim=True)
    holder_zh: str | None = keys.zh("holder", added=True)
    bank: str | None = keys.line("Bank and branch.", verbatim=True)
    bank_zh: str | None = keys.zh("bank", added=True)
    account: str = keys.ident("Account number or IBAN, exactly as the bank writes it.", required=True)
    swift: str | None = keys.key("swift", "SWIFT/BIC code of the bank (8 or 11 characters).")
    # A mainland company other than the supplier: its bureau is competent too (rules/payee.py).
    holder_uscc: str | None = keys.key("uscc", "The holder's 统一社会信用代码, for a mainland company.", added=True)
    holder_province_zh: str | None = keys.line("The holder's province; required with holder_uscc, unless it is the supplier's own uscc.", added=True)
    holder_city_zh: str | None = keys.line("The holder's city; required with holder_uscc, unless it is the supplier's own uscc.", added=True)
    holder_district_zh: str | None = keys.line("The holder's district or county; required with holder_uscc, unless it is the supplier's own uscc.", added=True)
    holder_legal_representative_zh: str | None = keys.line("The holder's 法定代表人, as its registration shows.",
                                                           added=True)
    holder_role: str | None = keys.line("The role the supplier gave a holder other than itself, e.g. finance "
                                        "manager, as it said it.", added=True)
    holder_role_zh: str | None = keys.zh("holder_role", added=True)


@record(kw_only=True)
@section("Supplier")
class Supplier:
    """The seller (被报案人 / 对方当事人)."""

    name: str = keys.line("Name it traded under.", required=True)
    name_zh: str | None = keys.line("Registered Chinese name.")
    uscc: str | None = keys.key("uscc", "统一社会信用代码: 18 characters, check digit per GB 32100-2015; required for mainland.")
    region: Region = keys.choice("Where the supplier is registered.", required=True)
    hk_company_no: str | None = keys.key("hk_company_no", "Hong Kong Companies Registry number; required for hong_kong.")
    share_capital_hkd: Decimal | None = keys.money(
        "Issued share capital in HKD of a Hong Kong company, as its annual return shows.", added=True)
    province_zh: str | None = keys.line("Province of registration, e.g. 广东省; required for mainland.")
    city_zh: str | None = keys.line("City of registration, e.g. 深圳市; required for mainland.")
    district_zh: str | None = keys.line(
        "District or county, e.g. 宝安区; in a city without districts (东莞市, 中山市, 儋州市, 嘉峪关市) the town or "
        "street, e.g. 长安镇; decides the police bureau; required for mainland.")
    address_zh: str | None = keys.text("Registered address in Chinese.")
    address: str | None = keys.text("Address in English; required for hong_kong.", verbatim=True)
    legal_representative_zh: str | None = keys.line("Legal representative (法定代表人) in Chinese.")
    legal_representative: str | None = keys.line("Legal representative in Latin letters.", added=True, verbatim=True)
    registered_on: dt.date | None = keys.date("Date of registration, for the recently-registered indicator.", added=True)
    storefront: str | None = keys.key("url", "Address of the online store.")
    contacts: tuple[Contact, ...] = keys.entries()
    bank_accounts: tuple[BankAccount, ...] = keys.entries("Accounts the supplier received money in.")
    former_names: tuple[FormerName, ...] = keys.entries("Names it was registered under before (same USCC).", added=True)


@record
@section("Goods line")
class GoodsLine:
    """One line of the order."""

    description: str = keys.text("What was ordered.", required=True)
    description_zh: str | None = keys.zh("description", kw_only=True)
    quantity: Decimal | None = keys.key("decimal", "Number of units; a positive number.", places=3)
    unit: str | None = keys.line("Unit, e.g. pcs, sets, kg.")
    unit_zh: str | None = keys.zh("unit", added=True, kw_only=True)
    unit_price: Decimal | None = keys.money("Price of one unit in the order currency; at most 2 decimal places.")

    @property
    def amount(self) -> Decimal | None:
        if self.quantity is None or self.unit_price is None:
            return None
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@record(kw_only=True)
@section("Order")
class Order:
    """What was ordered."""

    number: str | None = keys.ident("Purchase order number.")
    platform: Platform | None = keys.choice("Where the order was placed.")
    platform_order_id: str | None = keys.ident("Order number on the platform.")
    date: dt.date = keys.date("Date of the order.", required=True)
    currency: str = keys.key("currency", "ISO 4217 code of the order.", required=True)
    goods: tuple[GoodsLine, ...] = keys.entries()
    # Set from the goods lines when omitted.
    total: Decimal | None = keys.money("Order total; must equal the sum of the goods lines when both are given.")
    incoterm: str | None = keys.line("Incoterm and place, e.g. FOB Shenzhen.")
    incoterm_zh: str | None = keys.line(
        "The same term with the place in Chinese, e.g. FOB深圳; printed in Chinese documents in place of "
        "incoterm. Requires incoterm, with the same three-letter term.", added=True)
    trade_assurance: bool = keys.flag("true when the order was placed under Alibaba.com Trade Assurance.")
    arbitration_clause: ArbitrationClause = keys.choice(
        "Arbitration clause of the contract; only cietac lets a letter threaten CIETAC arbitration.", default="none")
    promised_ship_date: dt.date | None = keys.date("Shipping date the supplier promised.")
    promised_delivery_date: dt.date | None = keys.date("Delivery date the supplier promised.")
    cisg: bool | None = keys.flag(
        "Whether the UN Sales Convention governs the contract; default: decided from the buyer's country "
        "and the supplier's region. false also records an exclusion (CISG Art. 6).", added=True, default=None)
    for_resale: bool = keys.flag(
        "true when an individual client bought the goods for resale or other business use, not for "
        "personal consumption: the market regulator then takes a report (举报), as from a company, "
        "not a consumer complaint (投诉).", added=True)


@record(kw_only=True)
@section("Card")
class Card:
    """The card a payment was made with; required when `method` is `card`."""

    network: CardNetwork = keys.choice("Card network.", required=True)
    last4: str = keys.key("last4", "Last four digits of the card number (never the full number).", required=True)
    issuer: str | None = keys.line("Bank that issued the card.")
    statement_date: dt.date | None = keys.date("Date of the statement on which the charge first appeared.")
    consumer: bool | None = keys.flag("true for a consumer card, false for a business or corporate card.",
                                      added=True, default=None)
    credit: bool | None = keys.flag("true for a credit card, false for a debit card.", added=True, default=None)
    cardholder: str | None = keys.line("Name on the card, when it is not the client.", added=True)


@record(kw_only=True)
@section("Payment")
class Payment:
    """One payment to the supplier."""

    date: dt.date = keys.date("Date of the payment.", required=True)
    amount: Decimal = keys.money("Amount paid; positive, at most 2 decimal places.", required=True)
    currency: str = keys.key("currency", "ISO 4217 code of the amount.", required=True)
    method: PaymentMethod = keys.choice("How it was paid.", required=True)
    reference: str | None = keys.ident("Bank or platform reference of the transfer.")
    to_account: str | None = keys.ident("Account the money went to.")
    card: Card | None = keys.part()
    merchant_descriptor: str | None = keys.line("Merchant name as printed on the card statement.")
    payee_name: str | None = keys.line("Name of the recipient as PayPal or the payment app shows it (a card "
                                       "payment's is merchant_descriptor).", added=True, verbatim=True)
    via_platform: bool | None = keys.flag("true when paid into the platform's designated account.",
                                          added=True, default=None)
    cny_rate: Decimal | None = keys.key("decimal", "CNY per unit: central parity of the day the supplier received it.", places=6, maximum=1000, added=True)
    cny_rate_date: dt.date | None = keys.date("Date of that central parity (default: the payment's date).", added=True)


@record(kw_only=True)
@section("Outcome")
class Outcome:
    """What happened after payment."""

    kind: OutcomeKind = keys.choice("What went wrong.", required=True)
    delivered_on: dt.date | None = keys.date("Date of delivery, if anything arrived.")
    receipt_confirmed_on: dt.date | None = keys.date("Date receipt was confirmed on the platform.")
    last_contact: dt.date | None = keys.date("Last time the supplier answered.")
    seller_unreachable: bool = keys.flag("true when the seller no longer answers.")
    summary: str | None = keys.text("What happened, in a few sentences.")
    summary_zh: str | None = keys.zh("summary")
    trademarks: tuple[RegisteredMark, ...] = keys.entries("Marks registered in China that counterfeit goods bear.", added=True)


@record
@section("Fact")
class Fact:
    """One event of the chronology."""

    date: dt.date = keys.date("Date of the event.", required=True)
    text: str = keys.text("What happened, in one or two sentences.", required=True)
    text_zh: str | None = keys.zh("text")
    # The unit that opened the case or took a measure knows it: a submission to it does not retell it.
    official: bool | None = keys.flag(
        "true: an act of the police, the procuratorate or a court in the case (the case opened, a detention, "
        "bail); the supplementary submission to the unit does not retell it. Default: true for a fact dated "
        "on a day `proceedings` records such an act (opened_on, refused_on, a suspect's measure_on).",
        added=True, default=None)


@record(kw_only=True)
@section("Claim")
class Claim:
    """What the client claims."""

    amount: Decimal = keys.money("Amount claimed; default: the sum of the payments.", filled_in=True)
    currency: str = keys.key("currency", "ISO 4217 code of the claim; default: the payments' currency.", filled_in=True)
    cny_rate: Decimal | None = keys.key("decimal", "CNY per one unit of the claim currency; at most 1000.",
                                        places=6, maximum=1000)
    cny_rate_date: dt.date | None = keys.date("Date of the exchange rate.")
    cny_rate_source: str | None = keys.line("Source of the rate, e.g. PBOC central parity.")
    deadline_days: int = keys.key("int", "Days the supplier has to pay after the demand letter.",
                                  minimum=1, maximum=365, default=15)
    refund_account: BankAccount | None = keys.part("Where restitution is to be paid.")
    sender: Sender = keys.choice("Who sends the demand letter: client or agent.", added=True, default="client")
    announce_report: bool = keys.flag(
        "true: a demand to a seller that has vanished still announces a criminal report.", added=True)

    @property
    def amount_cny(self) -> Decimal | None:
        """The claim at its single rate; documents print the loss as rules/loss.py computes it."""
        if self.currency == "CNY":
            return self.amount
        if self.cny_rate is None:
            return None
        return (self.amount * self.cny_rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@record(kw_only=True)
@section("Exhibit")
class Exhibit:
    """One piece of evidence; exhibits are numbered 1, 2, ... in the order given."""

    number: int  # 1-based, in file order
    kind: str = keys.choice("Checklist kind of the exhibit.", choices=EVIDENCE_KINDS, required=True)
    title: str = keys.line("Name of the exhibit.", required=True)
    title_zh: str | None = keys.zh("title")
    date: dt.date | None = keys.date("Date of the document.")
    # Resolved, absolute, inside the case folder; file_text is the path as written.
    file: Path | None = keys.key("file", "Path of the file, relative to the case file; must stay inside the case folder.")
    file_text: str | None = None
    original: bool = keys.flag("true when the original is held, false for a copy.")
    forged: bool = keys.flag("true when the exhibit is a document the seller forged.", added=True)
    source: str | None = keys.text("Where the exhibit comes from.")
    source_zh: str | None = keys.zh("source", added=True)
    purpose: str | None = keys.text("What the exhibit proves.")
    purpose_zh: str | None = keys.zh("purpose")
    medium: ExhibitMedium = keys.choice("file (bound; the default), or video, audio, physical, other: provided "
                                        "separately (另行提交), a placeholder page in the bundle.", default="file", added=True)
    issued_in: str | None = keys.key(
        "country", "Where an official document was issued, as a country code (HK: Hong Kong): decides how it is "
        "certified for the mainland (and, on any exhibit, CN, TW or MO makes its language Chinese by default). "
        "Default: the client's country for a business_license, the supplier's place for a registration_report.",
        added=True)
    language: ExhibitLanguage | None = keys.choice(
        "Language the exhibit itself is written in (zh, en, de, ... or other); any but zh: the evidence "
        "index marks that a Chinese translation is attached. Default: Chinese for a paper the case says was "
        "issued in the mainland, Taiwan or Macao (issued_in; a registry record or licence formed there), by "
        "a mainland authority (source), or a settlement signed with a mainland seller; else foreign.", added=True)
    translation: bool | None = keys.flag(
        "false: no Chinese translation goes with this foreign-language exhibit (the index then says it "
        "is still to come, rather than marking one attached).", added=True, default=None)

    @property
    def separate(self) -> bool:
        """Provided separately rather than bound (a video, a sample, a file that cannot be printed)."""
        return self.medium != "file"


@record(kw_only=True)
@section("Case file")
class Case:
    """One dispute: who was defrauded, by whom, what was ordered and paid, what happened, and which evidence exists."""

    schema: int = keys.key("schema", "Format version of the case file; must be 1.", required=True, minimum=1)
    case: CaseInfo = keys.part(required=True)
    client: Client = keys.part(required=True)
    agent: Agent | None = keys.part()
    supplier: Supplier = keys.part(required=True)
    order: Order = keys.part(required=True)
    payments: tuple[Payment, ...] = keys.entries(required=True, nonempty=True)
    outcome: Outcome = keys.part(required=True)
    indicators: Indicators = keys.part(default_factory=Indicators)
    facts: tuple[Fact, ...] = keys.entries("The chronology used by the demand letter and the police memo.")
    claim: Claim = keys.part(filled_in=True)  # default: the payments (conditions.py)
    settlement: Settlement | None = keys.part()
    proceedings: Proceedings | None = keys.part()
    evidence: tuple[Exhibit, ...] = keys.entries("Exhibits, in the order they are to be numbered.")
    source: Path | None = None  # the case file
    where: dict[str, int] = field(default_factory=dict, compare=False, repr=False)
    # Loaded with --allow-outside: exhibits may lie outside the case folder (a shared
    # evidence folder reached through a symbolic link), at binding time too.
    outside_allowed: bool = field(default=False, compare=False, repr=False)

    @property
    def id(self) -> str:
        return self.case.id

    @property
    def folder(self) -> Path | None:
        return self.source.parent if self.source else None

    def locate(self, path: str) -> Location:
        """Where a key path of this case is, for an error: ``case.yaml:41 payments[1].card.last4``.

        The file is named as the loader names it (as given, never an absolute path)."""
        from restitution.case.load import display_name  # load imports this module

        return Location(display_name(self.source) if self.source else None, self.line_of(path), path)

    def line_of(self, path: str) -> int | None:
        """The line of a key path, or of its nearest ancestor that has one."""
        while path:
            if path in self.where:
                return self.where[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return None

    @property
    def card_payments(self) -> tuple[Payment, ...]:
        return tuple(p for p in self.payments if p.method == "card")
