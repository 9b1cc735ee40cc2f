"""The case file as typed, immutable objects.

Attribute names are exactly the keys of the case-file format (see
docs/case-format.md); templates read them as ``case.supplier.name_zh``.
Money is `Decimal`, dates are `datetime.date`, identifiers are `str`.
Lists are tuples so that a loaded case cannot be changed by a template.

``where`` maps a key path ("payments[1].card.last4") to the line it came
from, so that a later check (a document that needs a key, an evidence file
that cannot be read) can still point at the right line.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path
from typing import Literal

from restitution.errors import Location

ClientKind = Literal["company", "individual"]
Region = Literal["mainland", "hong_kong", "other"]
Platform = Literal["alibaba", "other"]
ArbitrationClause = Literal["cietac", "other", "none"]
PaymentMethod = Literal[
    "wire", "card", "alipay", "wechat_pay", "trade_assurance", "letter_of_credit", "paypal", "other"
]
CardNetwork = Literal["visa", "mastercard", "amex", "unionpay", "discover", "jcb"]
OutcomeKind = Literal["not_delivered", "junk_delivered", "not_as_described", "counterfeit", "partial_delivery"]
Sender = Literal["client", "agent"]

EVIDENCE_KINDS = (
    "power_of_attorney",
    "business_license",
    "emails",
    "purchase_order",
    "sales_contract",
    "proforma_invoice",
    "commercial_invoice",
    "insurance_policy",
    "certificate_of_origin",
    "bill_of_lading",
    "packing_list",
    "container_weight_declaration",
    "test_report",
    "payment_proof",
    "listing",
    "other",
)

# The checklist vocabulary of case-format.md: kind -> (English, Chinese).
EVIDENCE_KIND_NAMES: dict[str, tuple[str, str]] = {
    "power_of_attorney": ("Power of Attorney", "授权委托书"),
    "business_license": ("Certificate of Incorporation / Business Licence", "营业执照 / 注册证书"),
    "emails": ("E-mails and chat logs with the supplier", "往来电子邮件及聊天记录"),
    "purchase_order": ("Purchase Order", "采购订单"),
    "sales_contract": ("Sales Contract", "销售合同"),
    "proforma_invoice": ("Pro Forma Invoice", "形式发票"),
    "commercial_invoice": ("Commercial Invoice", "商业发票"),
    "insurance_policy": ("Insurance Policy", "保险单"),
    "certificate_of_origin": ("Certificate of Origin", "原产地证明"),
    "bill_of_lading": ("Bill of Lading", "提单"),
    "packing_list": ("Packing List", "装箱单"),
    "container_weight_declaration": ("Container Weight Declaration and Packaging Declaration",
                                     "集装箱重量声明及包装声明"),
    "test_report": ("Third-Party Test Report", "第三方检测报告"),
    "payment_proof": ("Proof of Payment", "付款凭证"),
    "listing": ("Product listing and store pages", "商品页面及店铺页面"),
    "other": ("Other evidence", "其他证据"),
}


@dataclass(frozen=True)
class CaseInfo:
    id: str
    opened: dt.date | None = None
    language: str = "en"


@dataclass(frozen=True)
class Representative:
    name: str
    title: str | None = None
    title_zh: str | None = None
    name_zh: str | None = None


@dataclass(frozen=True)
class Client:
    kind: ClientKind
    name: str
    country: str  # ISO 3166-1 alpha-2, upper case
    address: str
    name_zh: str | None = None
    address_zh: str | None = None
    registration_no: str | None = None
    representative: Representative | None = None
    email: str | None = None
    phone: str | None = None


@dataclass(frozen=True)
class Agent:
    name: str
    name_zh: str | None = None
    firm: str | None = None
    firm_zh: str | None = None
    license_no: str | None = None
    address: str | None = None
    address_zh: str | None = None
    phone: str | None = None
    email: str | None = None
    letter_no: str | None = None  # the firm's 发函号 for a 律师函 (added key)


@dataclass(frozen=True)
class Contact:
    name: str | None = None
    name_zh: str | None = None
    email: str | None = None
    wechat: str | None = None
    phone: str | None = None
    whatsapp: str | None = None
    role: str | None = None


@dataclass(frozen=True)
class BankAccount:
    account: str
    holder: str | None = None
    bank: str | None = None
    swift: str | None = None
    bank_zh: str | None = None
    holder_zh: str | None = None


@dataclass(frozen=True)
class Supplier:
    name: str
    region: Region
    name_zh: str | None = None
    uscc: str | None = None
    hk_company_no: str | None = None
    province_zh: str | None = None
    city_zh: str | None = None
    district_zh: str | None = None
    address_zh: str | None = None
    address: str | None = None
    legal_representative_zh: str | None = None
    legal_representative: str | None = None
    registered_on: dt.date | None = None  # added key: date of registration, for "recently registered"
    storefront: str | None = None
    contacts: tuple[Contact, ...] = ()
    bank_accounts: tuple[BankAccount, ...] = ()


@dataclass(frozen=True)
class GoodsLine:
    description: str
    quantity: Decimal | None = None
    unit: str | None = None
    unit_price: Decimal | None = None
    description_zh: str | None = None
    unit_zh: str | None = None

    @property
    def amount(self) -> Decimal | None:
        if self.quantity is None or self.unit_price is None:
            return None
        return (self.quantity * self.unit_price).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Order:
    date: dt.date
    currency: str
    number: str | None = None
    platform: Platform | None = None
    platform_order_id: str | None = None
    goods: tuple[GoodsLine, ...] = ()
    total: Decimal | None = None  # set from the goods lines when omitted
    incoterm: str | None = None
    trade_assurance: bool = False
    arbitration_clause: ArbitrationClause = "none"
    promised_ship_date: dt.date | None = None
    promised_delivery_date: dt.date | None = None


@dataclass(frozen=True)
class Card:
    network: CardNetwork
    last4: str
    issuer: str | None = None
    statement_date: dt.date | None = None
    consumer: bool | None = None  # added key: consumer (True) or business/corporate card (False)
    credit: bool | None = None  # added key: credit (True) or debit (False)
    cardholder: str | None = None  # added key: name on the card, when not the client


@dataclass(frozen=True)
class Payment:
    date: dt.date
    amount: Decimal
    currency: str
    method: PaymentMethod
    reference: str | None = None
    to_account: str | None = None
    card: Card | None = None
    merchant_descriptor: str | None = None
    via_platform: bool | None = None  # added key: paid through the platform's designated account


@dataclass(frozen=True)
class Outcome:
    kind: OutcomeKind
    delivered_on: dt.date | None = None
    receipt_confirmed_on: dt.date | None = None
    last_contact: dt.date | None = None
    seller_unreachable: bool = False
    summary: str | None = None
    summary_zh: str | None = None


@dataclass(frozen=True)
class Indicators:
    vanished_after_payment: bool = False
    fake_address: bool = False
    recently_registered: bool = False
    registered_capital_cny: Decimal | None = None
    personal_email_used: bool = False
    shipped_junk: bool = False
    refused_escrow: bool = False
    forged_documents: bool = False  # added key
    partial_performance: bool = False  # added key: signs of an ordinary dispute
    continued_negotiation: bool = False  # added key


@dataclass(frozen=True)
class Fact:
    date: dt.date
    text: str
    text_zh: str | None = None


@dataclass(frozen=True)
class Claim:
    amount: Decimal  # default: the sum of the payments
    currency: str
    cny_rate: Decimal | None = None
    cny_rate_date: dt.date | None = None
    cny_rate_source: str | None = None
    deadline_days: int = 15
    refund_account: BankAccount | None = None
    sender: Sender = "client"  # added key: who sends the demand letter

    @property
    def amount_cny(self) -> Decimal | None:
        if self.currency == "CNY":
            return self.amount
        if self.cny_rate is None:
            return None
        return (self.amount * self.cny_rate).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


@dataclass(frozen=True)
class Instalment:
    due: dt.date
    amount: Decimal


@dataclass(frozen=True)
class Receipt:
    date: dt.date
    amount: Decimal
    reference: str | None = None


@dataclass(frozen=True)
class Payer:
    name: str
    name_zh: str | None = None
    relation: str | None = None
    relation_zh: str | None = None
    id_no: str | None = None
    role: Literal["guarantor", "payer"] = "payer"


@dataclass(frozen=True)
class Settlement:
    agreed_amount: Decimal
    currency: str
    schedule: tuple[Instalment, ...] = ()
    received: tuple[Receipt, ...] = ()
    leniency_requested: bool = False
    payers: tuple[Payer, ...] = ()  # added key: the seller's relatives who pay or guarantee
    handling_authority_zh: str | None = None  # added key: the body handling the criminal case
    handling_authority: str | None = None

    @property
    def received_total(self) -> Decimal:
        return sum((r.amount for r in self.received), Decimal("0"))


@dataclass(frozen=True)
class Exhibit:
    kind: str
    title: str
    number: int  # 1-based, in file order
    title_zh: str | None = None
    date: dt.date | None = None
    file: Path | None = None  # resolved, absolute, inside the case folder
    file_text: str | None = None  # the path as written in the case file
    original: bool = False
    source: str | None = None
    source_zh: str | None = None
    purpose: str | None = None
    purpose_zh: str | None = None


@dataclass(frozen=True)
class Case:
    schema: int
    case: CaseInfo
    client: Client
    supplier: Supplier
    order: Order
    payments: tuple[Payment, ...]
    outcome: Outcome
    claim: Claim
    agent: Agent | None = None
    indicators: Indicators = field(default_factory=Indicators)
    facts: tuple[Fact, ...] = ()
    settlement: Settlement | None = None
    evidence: tuple[Exhibit, ...] = ()
    source: Path | None = None  # the case file
    where: dict[str, int] = field(default_factory=dict, compare=False, repr=False)

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
