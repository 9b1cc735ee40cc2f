"""The criminal route: thresholds, the competent police body, and its deadlines (domain.md §C)."""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from restitution.case.model import Case
from restitution.errors import CaseError
from restitution.rules.citations import (
    CPL_110,
    CPL_113,
    CRIMINAL_LAW_224,
    CRIMINAL_LAW_266,
    ECONOMIC_CRIME_8,
    ECONOMIC_CRIME_14,
    ECONOMIC_CRIME_15,
    FILING_STANDARD_69,
    FRAUD_INTERPRETATION_1,
    HK_THEFT_16A,
    HK_THEFT_17,
    MPS_RULES_15_17,
    MPS_RULES_178,
    MPS_RULES_179,
    Citation,
)

ART224_THRESHOLD_CNY = Decimal("20000")
ART266_NATIONAL_LOW_CNY = Decimal("3000")
ART266_NATIONAL_HIGH_CNY = Decimal("10000")


@dataclass(frozen=True)
class Threshold:
    amount: Decimal  # the figure to compare the loss against (reached when loss >= amount)
    source: str
    confidence: str  # "C", "S" or "R"
    provincial: bool = False  # False: the national range's top, used because the province is unknown
    note_en: str = ""
    note_zh: str = ""


# "Relatively large" (数额较大) for Art. 266 where domain.md gives a provincial figure.
_PROVINCIAL_266: dict[str, tuple[Decimal, str, str]] = {
    "云南": (Decimal("5000"), "Yunnan 2013, domain.md §C", "C"),
    "重庆": (Decimal("5000"), "Chongqing 2013, domain.md §C", "C"),
    "江苏": (Decimal("6000"), "Jiangsu, domain.md §C (one secondary source)", "S"),
}


def _province_key(province_zh: str | None) -> str:
    name = (province_zh or "").strip()
    for suffix in ("省", "市"):
        if name.endswith(suffix):
            return name[: -len(suffix)]
    return name


def art266_threshold(province_zh: str | None) -> Threshold:
    """The 'relatively large' amount for fraud in this province, or the cautious national figure."""
    known = _PROVINCIAL_266.get(_province_key(province_zh))
    if known:
        amount, source, confidence = known
        return Threshold(amount, source, confidence, True,
                         f"the provincial figure for 'relatively large' is RMB {amount:,.0f}",
                         f"该省“数额较大”标准为人民币{amount:,.0f}元")
    return Threshold(
        ART266_NATIONAL_HIGH_CNY, "Fa Shi [2011] No. 7, Art. 1, domain.md §C", "C", False,
        "each province sets its own figure between RMB 3,000 and 10,000; compared against the top "
        "of the range, RMB 10,000, to be safe",
        "各省在人民币三千元至一万元幅度内自行确定标准；为稳妥起见按上限一万元比较",
    )


@dataclass(frozen=True)
class LossCheck:
    amount_cny: Decimal | None  # None: the claim is in a foreign currency and no rate was given
    art224_reached: bool | None
    art266: Threshold
    art266_reached: bool | None
    note_en: str
    note_zh: str
    citations: tuple[Citation, ...] = (FILING_STANDARD_69, FRAUD_INTERPRETATION_1)


def loss_check(case: Case) -> LossCheck:
    """The claimed loss in RMB against the Art. 224 and Art. 266 thresholds."""
    t266 = art266_threshold(case.supplier.province_zh)
    cny = case.claim.amount_cny
    if cny is None:
        return LossCheck(None, None, t266, None,
                         f"The claim is in {case.claim.currency} and the case gives no CNY rate "
                         f"(claim.cny_rate): the loss must be stated in RMB at a dated rate before "
                         f"it can be compared with the thresholds.",
                         f"索赔币种为{case.claim.currency}，案件未提供人民币汇率（claim.cny_rate），"
                         f"须按注明日期的汇率折算为人民币后方能与立案标准比较。")
    r224 = cny >= ART224_THRESHOLD_CNY
    r266 = cny >= t266.amount
    en = (f"Loss RMB {cny:,.2f}: {'reaches' if r224 else 'is below'} the RMB 20,000 contract-fraud "
          f"threshold; {'reaches' if r266 else 'is below'} RMB {t266.amount:,.0f} for fraud "
          f"({t266.note_en}).")
    zh = (f"损失人民币{cny:,.2f}元：{'达到' if r224 else '未达到'}合同诈骗罪二万元立案标准；"
          f"{'达到' if r266 else '未达到'}诈骗罪{t266.amount:,.0f}元标准（{t266.note_zh}）。")
    return LossCheck(cny, r224, t266, r266, en, zh)


@dataclass(frozen=True)
class PoliceRoute:
    region: str  # "mainland", "hong_kong", "other"
    body_zh: str | None  # None: no police body this toolkit can name
    body_en: str | None
    unit_zh: str | None  # the economic-crime unit to address
    unit_en: str | None
    citations: tuple[Citation, ...]
    note_en: str
    note_zh: str
    confidence: str
    rules: tuple[str, ...]


MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
_COUNTY_SUFFIXES = ("自治县", "县", "自治旗", "旗")


def _require(case: Case, key: str) -> str:
    value = getattr(case.supplier, key)
    if not value:
        path = f"supplier.{key}"
        raise CaseError("required for a mainland supplier: it decides which police bureau receives "
                        "the report", case.locate(path))
    return value.strip()


def mainland_bureau(province_zh: str, city_zh: str, district_zh: str) -> tuple[str, str]:
    """(bureau, economic-crime unit) by the usual naming pattern; the exact name must be checked."""
    municipality = next((m for m in MUNICIPALITIES if m in (province_zh, city_zh)), None)
    if municipality:
        if district_zh.endswith(_COUNTY_SUFFIXES):
            return f"{municipality}{district_zh}公安局", "经济犯罪侦查大队"
        # municipal district branches drop 区: 北京市公安局朝阳分局
        base = district_zh[:-1] if district_zh.endswith("区") else district_zh
        return f"{municipality}公安局{base}分局", "经济犯罪侦查大队"
    if district_zh.endswith(_COUNTY_SUFFIXES):
        return f"{district_zh}公安局", "经济犯罪侦查大队"
    if district_zh.endswith("市"):  # county-level city under a prefecture
        return f"{district_zh}公安局", "经济犯罪侦查大队"
    return f"{city_zh}公安局{district_zh}分局", "经济犯罪侦查大队"


def police_route(case: Case) -> PoliceRoute:
    """Which police body receives the report, and under which law."""
    s = case.supplier
    if s.region == "mainland":
        province = _require(case, "province_zh")
        city = _require(case, "city_zh")
        district = _require(case, "district_zh")
        bureau, unit = mainland_bureau(province, city, district)
        return PoliceRoute(
            "mainland", bureau, f"Public Security Bureau {bureau}", unit,
            "Economic Crime Investigation Brigade",
            (CRIMINAL_LAW_224, CRIMINAL_LAW_266, FILING_STANDARD_69, ECONOMIC_CRIME_8,
             MPS_RULES_15_17, CPL_110, ECONOMIC_CRIME_14),
            f"The bureau of the supplier's registered district ({province}{city}{district}); the "
            f"bureau of its real place of business, or of the city where the bank account received "
            f"the money, is also competent. The name follows the usual pattern: check the exact "
            f"name before filing. The city bureau's economic-crime detachment ({city}公安局经济犯罪侦查支队) "
            f"handles larger cases.",
            f"由供应商注册地（{province}{city}{district}）公安机关管辖；其实际经营地或收款账户所在地公安机关亦有管辖权。"
            f"机关名称系按通常规律推定，提交前须核实确切名称；案值较大的可向{city}公安局经济犯罪侦查支队报案。",
            "R",
            ("police.jurisdiction", "police.bureau_name", "police.economic_unit", "police.must_accept"),
        )
    if s.region == "hong_kong":
        return PoliceRoute(
            "hong_kong", "香港警务处", "Hong Kong Police Force", "商业罪案调查科",
            "Commercial Crime Bureau",
            (HK_THEFT_16A, HK_THEFT_17),
            "Report at the nearest police station or through the e-Report Centre, in English or "
            "Traditional Chinese, citing Hong Kong law. The Anti-Scam Helpline 18222 gives advice "
            "only. If the seller actually operates from the mainland, a mainland bureau may also "
            "be competent.",
            "可到就近警署或通过网上报案中心报案，使用英文或繁体中文并援引香港法律。防骗易热线18222仅提供咨询，不受理报案。"
            "如卖方实际在内地经营，内地公安机关亦可能有管辖权。",
            "C", ("police.hong_kong",),
        )
    return PoliceRoute(
        "other", None, None, None, None, (),
        "The supplier is registered outside mainland China and Hong Kong: this toolkit names no "
        "police body; report where the supplier operates or where the money was received.",
        "供应商注册地不在中国内地或香港，本工具不指定报案机关；可向其经营地或收款地警方报案。",
        "R", (),
    )


@dataclass(frozen=True)
class PoliceStep:
    id: str
    date: dt.date | None  # None: counted from an event whose date is not known yet
    days: int
    counted_from_en: str
    counted_from_zh: str
    text_en: str
    text_zh: str
    citation: Citation
    rule: str


def police_deadlines(report_date: dt.date | None, refusal_received: dt.date | None = None) -> list[PoliceStep]:
    """The decision and remedy deadlines that follow a report to a mainland bureau.

    Steps counted from an event whose date is not given (no report yet, no
    refusal received) carry ``date=None`` and their day count.
    """

    def on(d: dt.date | None, n: int) -> dt.date | None:
        return d + dt.timedelta(days=n) if d else None

    served = refusal_received
    return [
        PoliceStep("police.decision", on(report_date, 7), 7, "the report", "报案之日",
                   "The bureau decides whether to open a case.", "公安机关决定是否立案。",
                   ECONOMIC_CRIME_15, "police.decision_deadline"),
        PoliceStep("police.decision_extended", on(report_date, 30), 30, "the report", "报案之日",
                   "Latest decision for a complex lead (county-level head's approval).",
                   "重大疑难复杂线索的最迟决定期限（经县级以上公安机关负责人批准）。",
                   ECONOMIC_CRIME_15, "police.decision_deadline"),
        PoliceStep("police.decision_further", on(report_date, 60), 60, "the report", "报案之日",
                   "Latest decision for an especially major or cross-regional lead (30 + 30 days).",
                   "特别重大或跨区域线索的最迟决定期限（30日再延长30日）。",
                   ECONOMIC_CRIME_15, "police.decision_deadline"),
        PoliceStep("police.refusal_notice", None, 3, "the refusal decision", "不予立案决定之日",
                   "A refusal must be served on you in writing (不予立案通知书): ask for it.",
                   "不予立案的，应向控告人送达不予立案通知书，应主动索取。",
                   MPS_RULES_178, "police.refusal_notice"),
        PoliceStep("police.reconsideration", on(served, 7), 7, "receipt of the refusal notice",
                   "收到不予立案通知书之日",
                   "Apply to the same bureau for reconsideration (复议); it decides within 30 days.",
                   "向原公安机关申请复议；公安机关在30日内作出决定。",
                   MPS_RULES_179, "police.reconsideration"),
        PoliceStep("police.review", None, 7, "receipt of the reconsideration decision", "收到复议决定之日",
                   "Apply to the next-level bureau for review (复核); decided within 30 days.",
                   "向上一级公安机关申请复核；30日内作出决定。",
                   MPS_RULES_179, "police.review"),
        PoliceStep("police.supervision", None, 7, "the procuratorate's request", "检察院要求之日",
                   "Ask the procuratorate to supervise (立案监督): the bureau explains within 7 days "
                   "and, if ordered, opens the case within 15 days.",
                   "申请检察院立案监督：公安机关7日内说明理由，经通知立案的15日内立案。",
                   CPL_113, "police.supervision"),
    ]
