"""The values an enumerated key of the case file takes, named once.

`case/model.py` types its enumerated keys with these, and the loader and the JSON Schema read the
allowed values from those types (case/keys.py); the catalogues word each value. Kept apart from
the model, which re-exports them, so that the model holds the keys and this file their values.
"""
from __future__ import annotations

from typing import Literal

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
ExhibitMedium = Literal["file", "video", "audio", "physical", "other"]
# The language an exhibit itself is written in (ISO 639-1); anything but zh needs a Chinese translation.
ExhibitLanguage = Literal["zh", "en", "de", "fr", "es", "it", "pt", "nl", "ru", "ja", "ko", "ar", "other"]

EVIDENCE_KINDS = (
    "power_of_attorney",
    "business_license",
    "registration_report",  # the supplier's: 企业信用信息公示报告 / Companies Registry search
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
    "authentication_letter",  # a brand owner's 鉴定函 that the goods are counterfeit
    "payment_proof",
    "listing",
    "other",
)

# Keyed values of `evidence[].source`, worded by each catalogue (phrases/sources.yaml).
EVIDENCE_SOURCES = ("signed_by_both_parties", "issued_by_supplier", "issued_by_client_bank", "supplier_email_attachment",
                    "client_mailbox_export", "client_phone_export", "platform_download", "registry_search")
