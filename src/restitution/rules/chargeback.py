"""Card-network dispute reasons and their time windows (domain.md §E).

The buyer authorised its own payment, so only the cardholder-dispute reasons
apply (Visa 13.x, Mastercard 4853); the fraud codes (10.4, 4837) are for
unauthorised use and are deliberately absent from this module.

Day arithmetic: "within N days of D" means D + N is the last open day, so
day 120 after the start is open and day 121 is missed.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from restitution.case.model import Case, Payment

WINDOW_DAYS = 120
CAP_DAYS = 540
VISA_WAIT_DAYS = 15
MASTERCARD_WAIT_DAYS = 30
VISA_RETURN_WAIT_DAYS = 15

NOT_RECEIVED = frozenset({"not_delivered", "partial_delivery"})


@dataclass(frozen=True)
class ReasonCode:
    network: str
    code: str | None  # None: domain.md gives no code number for this network
    name_en: str
    name_zh: str
    requirements_en: tuple[str, ...]
    requirements_zh: tuple[str, ...]
    source: str  # domain.md section + confidence mark

    @property
    def label_en(self) -> str:
        return f"{self.code} {self.name_en}" if self.code else self.name_en

    @property
    def label_zh(self) -> str:
        return f"{self.code} {self.name_zh}" if self.code else self.name_zh


_TRIED_MERCHANT_EN = "certification that the cardholder tried to resolve it with the merchant"
_TRIED_MERCHANT_ZH = "持卡人已尝试与商户协商解决的声明"

VISA_13_1 = ReasonCode(
    "visa", "13.1", "Merchandise/Services Not Received", "未收到商品/服务",
    ("certification that the goods were not received by the expected date or at the agreed place",
     _TRIED_MERCHANT_EN,
     "a detailed description of the goods, beyond the clearing record"),
    ("未在预计日期或约定地点收到货物的声明", _TRIED_MERCHANT_ZH, "详细的货物描述（不限于清算记录）"),
    "domain.md §E Visa 13.1 [C]",
)
VISA_13_3 = ReasonCode(
    "visa", "13.3", "Not as Described or Defective Merchandise/Services", "商品/服务与描述不符或有缺陷",
    ("how and when the cardholder returned or tried to return the goods, and where they are now",
     "certification that the merchant refused the return or a return authorisation, "
     "or told the cardholder not to return them",
     _TRIED_MERCHANT_EN),
    ("持卡人退货或尝试退货的方式、时间及货物现所在地", "商户拒绝退货、拒绝退货授权或告知不必退货的声明", _TRIED_MERCHANT_ZH),
    "domain.md §E Visa 13.3 [C]",
)
VISA_13_4 = ReasonCode(
    "visa", "13.4", "Counterfeit Merchandise", "假冒商品",
    ("identification of the goods as counterfeit by the IP owner or its representative, customs, "
     "law enforcement, another government agency or a neutral third-party expert",
     _TRIED_MERCHANT_EN),
    ("由知识产权权利人或其授权代表、海关、执法机关、其他政府机构或中立第三方专家出具的假冒认定", _TRIED_MERCHANT_ZH),
    "domain.md §E Visa 13.4 [C]",
)
VISA_13_5 = ReasonCode(
    "visa", "13.5", "Misrepresentation", "虚假陈述",
    ("the merchant's representation (listing, quotation, contract) and how the goods differ from it",
     _TRIED_MERCHANT_EN),
    ("商户的陈述（商品页面、报价、合同）及货物与之不符之处", _TRIED_MERCHANT_ZH),
    "domain.md §E Visa 13.5 [C]",
)

_MC_DOCS_EN = ("a cardholder letter, e-mail, message or Dispute Resolution Form describing the "
               "complaint in enough detail")
_MC_DOCS_ZH = "详细说明争议的持卡人信函、电子邮件、消息或争议处理表"
_MC_SUBTYPE = {
    "not_delivered": ("Goods or Services Not Provided", "未提供商品或服务"),
    "partial_delivery": ("Goods or Services Not Provided", "未提供商品或服务"),
    "junk_delivered": ("Not as Described / Defective", "与描述不符/有缺陷"),
    "not_as_described": ("Not as Described / Defective", "与描述不符/有缺陷"),
    "counterfeit": ("Counterfeit Goods", "假冒商品"),
}

_OTHER_NETWORKS = {
    "amex": ("American Express", "美国运通"),
    "unionpay": ("UnionPay", "银联"),
    "discover": ("Discover", "Discover"),
    "jcb": ("JCB", "JCB"),
}
_OUTCOME_TEXT = {
    "not_delivered": ("goods not received", "未收到货物"),
    "partial_delivery": ("goods only partly received", "货物仅部分收到"),
    "junk_delivered": ("goods not as described", "货物与描述不符"),
    "not_as_described": ("goods not as described", "货物与描述不符"),
    "counterfeit": ("counterfeit goods", "假冒商品"),
}


def chargeback_reason(network: str, outcome_kind: str) -> ReasonCode:
    """The cardholder-dispute reason for this network and outcome."""
    if outcome_kind not in _OUTCOME_TEXT:
        raise ValueError(f"unknown outcome kind {outcome_kind!r}")
    if network == "visa":
        if outcome_kind in NOT_RECEIVED:
            return VISA_13_1
        if outcome_kind == "counterfeit":
            return VISA_13_4
        return VISA_13_3
    if network == "mastercard":
        sub_en, sub_zh = _MC_SUBTYPE[outcome_kind]
        extra_en: tuple[str, ...] = ()
        extra_zh: tuple[str, ...] = ()
        if outcome_kind == "counterfeit":
            extra_en = ("evidence that the goods were not made by an authorised manufacturer",)
            extra_zh = ("货物并非由授权制造商生产的证据",)
        elif outcome_kind in ("junk_delivered", "not_as_described"):
            extra_en = ("optionally an expert's report on the quality, and the invoice or contract",)
            extra_zh = ("可附质量鉴定报告及发票或合同",)
        return ReasonCode(
            "mastercard", "4853", f"Cardholder Dispute – {sub_en}", f"持卡人争议——{sub_zh}",
            (_MC_DOCS_EN, _TRIED_MERCHANT_EN) + extra_en, (_MC_DOCS_ZH, _TRIED_MERCHANT_ZH) + extra_zh,
            "domain.md §E Mastercard 4853 [C]",
        )
    if network in _OTHER_NETWORKS:
        name_en, name_zh = _OTHER_NETWORKS[network]
        what_en, what_zh = _OUTCOME_TEXT[outcome_kind]
        return ReasonCode(
            network, None,
            f"{name_en} cardholder dispute ({what_en}), not a fraud claim",
            f"{name_zh}持卡人争议（{what_zh}），非盗刷欺诈申请",
            (f"the issuer's dispute form for {what_en}", _TRIED_MERCHANT_EN,
             "the order, the payment record and the correspondence"),
            (f"发卡行关于{what_zh}的争议申请表", _TRIED_MERCHANT_ZH, "订单、付款记录及往来函件"),
            "domain.md §E (no code given for this network) [R]",
        )
    raise ValueError(f"unknown card network {network!r}")


def alternative_reasons(network: str, outcome_kind: str) -> tuple[ReasonCode, ...]:
    """Other reasons the issuer may prefer: Visa 13.5 when the goods differ from what was promised."""
    if network == "visa" and outcome_kind in ("junk_delivered", "not_as_described", "counterfeit"):
        return (VISA_13_5,)
    return ()


@dataclass(frozen=True)
class Window:
    earliest: dt.date | None  # None: no waiting period applies (or cannot be computed; see basis)
    latest: dt.date
    cap: dt.date
    basis_en: str
    basis_zh: str
    reason: ReasonCode | None = None
    start: dt.date | None = None  # the day the 120 days run from
    rules: tuple[str, ...] = ()  # ids in restitution.rules.RULES

    def status(self, today: dt.date) -> str:
        """"not_yet" before the earliest filing day, "open" up to and including latest, then "missed"."""
        if today > self.latest:
            return "missed"
        if self.earliest is not None and today < self.earliest:
            return "not_yet"
        return "open"


def _fmt(d: dt.date) -> str:
    return d.isoformat()


def chargeback_window(case: Case, payment: Payment) -> Window:
    """When a dispute of this card payment may be filed, under the network's rules."""
    if payment.card is None:
        raise ValueError("chargeback_window needs a card payment")
    network = payment.card.network
    kind = case.outcome.kind
    reason = chargeback_reason(network, kind)
    txn = payment.date
    cap = txn + dt.timedelta(days=CAP_DAYS)
    rules = ["chargeback.authorised", "chargeback.window_120", "chargeback.cap_540",
             "chargeback.issuer_deadline"]
    en: list[str] = []
    zh: list[str] = []

    # The 120 days run from the latest of the dates the rules allow.
    start, start_en, start_zh = txn, "the transaction date", "交易日"
    expected = case.order.promised_delivery_date
    if expected is not None and expected > start:
        start, start_en, start_zh = expected, "the expected delivery date", "预计交货日"
    received = case.outcome.delivered_on
    counts_from_receipt = kind == "counterfeit" or reason.code == "13.5"
    if counts_from_receipt and received is not None and received > start:
        start, start_en, start_zh = received, "the date the goods were received", "收货日"
        rules.append("chargeback.receipt_start")
    latest = min(start + dt.timedelta(days=WINDOW_DAYS), cap)
    en.append(f"{WINDOW_DAYS} days from {start_en} ({_fmt(start)}), never beyond {CAP_DAYS} days "
              f"after the transaction ({_fmt(cap)}); the issuer may set a shorter deadline.")
    zh.append(f"自{start_zh}（{_fmt(start)}）起{WINDOW_DAYS}日内，且不超过交易日后{CAP_DAYS}日"
              f"（{_fmt(cap)}）；发卡行可能设定更短期限。")
    if network == "mastercard" and expected is not None:
        en.append("Mastercard's start date for 4853 is reported both as the processing date and as "
                  "the expected delivery date [S]: file before 120 days from the transaction if you can.")
        zh.append("万事达4853的起算日有交易处理日与预计交货日两种说法（待核），如可能请在交易日后120日内提出。")

    earliest: dt.date | None = None
    if kind in NOT_RECEIVED:
        if expected is not None:
            earliest = expected + dt.timedelta(days=1)
            rules.append("chargeback.after_expected_delivery")
            en.append(f"'Not received' can be certified only after the expected delivery date "
                      f"({_fmt(expected)}) [R].")
            zh.append(f"须在预计交货日（{_fmt(expected)}）届满后方能主张未收到货物（推断）。")
        elif network == "visa":
            earliest = txn + dt.timedelta(days=VISA_WAIT_DAYS)
            rules.append("chargeback.visa_wait_15")
            en.append(f"No delivery date was set: Visa requires a {VISA_WAIT_DAYS}-day wait from the "
                      f"transaction.")
            zh.append(f"未约定交货日：Visa要求自交易日起等待{VISA_WAIT_DAYS}日。")
        elif network == "mastercard":
            rules.append("chargeback.mastercard_wait_30")
            if case.outcome.seller_unreachable:
                en.append(f"No delivery date was set, but the {MASTERCARD_WAIT_DAYS}-day wait is "
                          f"waived because the merchant is unreachable.")
                zh.append(f"未约定交货日，但商户已失联，{MASTERCARD_WAIT_DAYS}日等待期不适用。")
            else:
                earliest = txn + dt.timedelta(days=MASTERCARD_WAIT_DAYS)
                en.append(f"No delivery date was set: Mastercard requires a {MASTERCARD_WAIT_DAYS}-day "
                          f"wait from the transaction (waived if the merchant is out of business).")
                zh.append(f"未约定交货日：万事达要求自交易日起等待{MASTERCARD_WAIT_DAYS}日（商户停业的除外）。")
    elif reason.code == "13.3":
        rules.append("chargeback.visa_return_wait")
        en.append(f"If the goods were returned, wait {VISA_RETURN_WAIT_DAYS} days after the return; "
                  f"the case file records no return date, so this wait is not computed.")
        zh.append(f"如已退货，须在退货后等待{VISA_RETURN_WAIT_DAYS}日；案件文件未记录退货日期，故未计算该等待期。")
    if earliest is not None and earliest > latest:
        earliest = latest  # never let the wait push past the last day
    return Window(earliest, latest, cap, " ".join(en), "".join(zh), reason, start, tuple(rules))
