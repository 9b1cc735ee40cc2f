"""The criminal route: thresholds, the competent police body, and its deadlines (domain.md §C).

Functions return facts (amounts, day counts, dates, citations) and reasons
keyed into the catalogues (``rules.police.*``, rules.yaml); documents and the
plan word them in their language. The Chinese names of mainland bureaus are
facts, built by the naming pattern of `mainland_bureau`.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import TYPE_CHECKING

from restitution.case.model import Case
from restitution.errors import CaseError
from restitution.records import record
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
from restitution.rules.reason import Figure, Reason, bundled

if TYPE_CHECKING:
    from restitution.language.catalogue import Catalogue

ART224_THRESHOLD_CNY = Decimal("20000")
ART266_NATIONAL_LOW_CNY = Decimal("3000")
ART266_NATIONAL_HIGH_CNY = Decimal("10000")
# 立案追诉标准(一) (公通字〔2008〕36号) Art. 16: Art. 140 opens at sales of RMB 50,000 [C].
ART140_SALES_CNY = Decimal("50000")
ART140_UNSOLD_CNY = Decimal("150000")
# 法释〔2025〕5号 Art. 5 as one page reports it: gains 30,000 or sales 50,000 [S].
ART214_GAINS_CNY = Decimal("30000")
ART214_SALES_CNY = Decimal("50000")


@record
class Threshold:
    amount: Decimal  # the figure to compare the loss against (reached when loss >= amount)
    source: str
    confidence: str  # "C", "S" or "R"
    provincial: bool = False  # False: the national range's top, used because the province is unknown
    note: Reason | None = None  # how the figure was chosen


# "Relatively large" (数额较大) for Art. 266 where domain.md gives a provincial figure.
_PROVINCIAL_266: dict[str, tuple[Decimal, str, str]] = {
    "云南": (Decimal("5000"), "Yunnan provincial figure (2013), under Fa Shi [2011] No. 7, Art. 1", "C"),
    "重庆": (Decimal("5000"), "Chongqing municipal figure (2013), under Fa Shi [2011] No. 7, Art. 1", "C"),
    "江苏": (Decimal("6000"), "Jiangsu provincial figure (one secondary source), under Fa Shi [2011] No. 7, Art. 1", "S"),
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
                         Reason("rules.police.art266.provincial", amount=Figure(amount, 0)))
    return Threshold(ART266_NATIONAL_HIGH_CNY, "Fa Shi [2011] No. 7, Art. 1 (top of the national range)", "C", False,
                     Reason("rules.police.art266.national"))


@record
class LossCheck:
    amount_cny: Decimal | None  # None: the claim is in a foreign currency and no rate was given
    art224_reached: bool | None
    art266: Threshold
    art266_reached: bool | None
    note: Reason
    citations: tuple[Citation, ...] = (FILING_STANDARD_69, FRAUD_INTERPRETATION_1)


def _reached(yes: bool) -> Reason:
    return Reason("rules.police.loss.reaches" if yes else "rules.police.loss.below")


def loss_check(case: Case) -> LossCheck:
    """The claimed loss in RMB against the Art. 224 and Art. 266 thresholds."""
    t266 = art266_threshold(case.supplier.province_zh)
    from restitution.rules.loss import loss_in_cny

    cny = loss_in_cny(case).amount  # per payment at each day's parity where the case gives them
    if cny is None:
        return LossCheck(None, None, t266, None,
                         Reason("rules.police.loss.no_rate", currency=case.claim.currency))
    r224 = cny >= ART224_THRESHOLD_CNY
    r266 = cny >= t266.amount
    return LossCheck(cny, r224, t266, r266,
                     Reason("rules.police.loss.known", amount=Figure(cny, 2), art224=_reached(r224),
                            art266=_reached(r266), threshold=Figure(t266.amount, 0), basis=t266.note))


@record
class PoliceRoute:
    region: str  # "mainland", "hong_kong", "other"
    bureau: str | None  # the mainland bureau's Chinese name (a fact: the name to check and file with)
    unit: str | None  # the mainland economic-crime unit's Chinese name; "": the bureau is addressed itself
    citations: tuple[Citation, ...]
    note: Reason
    confidence: str
    rules: tuple[str, ...]

    def body(self, words: Catalogue) -> str | None:
        """The police body in the catalogue's language; None: no body this toolkit can name."""
        if self.region == "mainland":
            return words("rules.police.body.mainland", bureau=self.bureau)
        if self.region == "hong_kong":
            return words("rules.police.body.hong_kong")
        return None

    def unit_name(self, words: Catalogue) -> str | None:
        """The unit to address, in the catalogue's language."""
        if self.region == "hong_kong" or (self.region == "mainland" and self.unit):
            return words(f"rules.police.unit.{self.region}")
        return None


def bureau_words(words: Catalogue, bureau: str, unit: str | None, key: str | None = "mainland") -> str:
    """A mainland bureau and its unit as a document names them: 深圳市公安局经济犯罪侦查支队, or in
    English "Economic Crime Investigation Detachment, 深圳市公安局"; without a unit the bureau alone."""
    return f"{bureau}{unit or ''}" if words.language.chinese or not unit else f"{words(f'rules.police.unit.{key}')}, {bureau}"


MUNICIPALITIES = ("北京市", "上海市", "天津市", "重庆市")
_COUNTY_SUFFIXES = ("自治县", "县", "自治旗", "旗")
# Prefecture-level cities without districts (不设区的地级市): their towns and streets are directly
# under the city, so such a supplier's district_zh holds its town or street (长安镇, 南城街道).
CITIES_WITHOUT_DISTRICTS = ("东莞市", "中山市", "儋州市", "嘉峪关市")
# Of these, the cities whose police and market regulator run a branch per town or street, named
# after it without 镇 / 街道 (东莞市公安局长安分局, 东莞市市场监督管理局长安分局). In the others the
# branch's name is not known here: the city bureau is addressed and the branch is left to check.
TOWN_BRANCH_CITIES = ("东莞市", "中山市")
_TOWN_SUFFIXES = ("街道办事处", "街道", "镇", "乡")


def town_of(city_zh: str, district_zh: str) -> tuple[str, str | None] | None:
    """For a city without districts: (the town or street as given, its branch's name or None).

    The branch name is the town's name without 镇 / 街道 (长安镇 → 长安) in the cities known to
    name branches so; None elsewhere, or when the town is not given (district_zh repeats the
    city). None for any other city: its districts and counties are county-level bodies."""
    city, town = city_zh.strip(), district_zh.strip()
    if city not in CITIES_WITHOUT_DISTRICTS:
        return None
    if not town or town == city:
        return town, None
    if city not in TOWN_BRANCH_CITIES:
        return town, None
    base = next((town[: -len(x)] for x in _TOWN_SUFFIXES if town.endswith(x) and len(town) > len(x)), town)
    return town, base


def _require(case: Case, key: str) -> str:
    value = getattr(case.supplier, key)
    if not value:
        path = f"supplier.{key}"
        raise CaseError("required for a mainland supplier: it decides which police bureau receives "
                        "the report", case.locate(path))
    return value.strip()


def mainland_bureau(province_zh: str, city_zh: str, district_zh: str) -> tuple[str, str]:
    """(bureau, economic-crime unit) by the usual naming pattern; the exact name must be checked.

    Both are Chinese proper names, printed in Chinese in every language's document
    (the English report reads "…, 深圳市公安局宝安区分局 (经济犯罪侦查大队)"), so the
    pattern that builds a bureau's name from the place names is kept here with the
    place names it reads, not in a per-language catalogue. The unit's name is the
    Chinese catalogue's ``rules.police.unit.mainland``.

    In a city without districts (`town_of`) the unit is "": a town branch (东莞市公安局长安分局)
    or the city bureau is addressed itself, since whether a town branch has an economic-crime
    brigade of its own is unverified.
    """
    town = town_of(city_zh, district_zh)
    if town is not None:
        _, branch = town
        return (f"{city_zh.strip()}公安局{branch}分局" if branch else f"{city_zh.strip()}公安局"), ""
    unit = bundled("zh")("rules.police.unit.mainland")
    municipality = next((m for m in MUNICIPALITIES if m in (province_zh, city_zh)), None)
    if municipality:
        if district_zh.endswith(_COUNTY_SUFFIXES):
            return f"{municipality}{district_zh}公安局", unit
        # municipal district branches drop 区: 北京市公安局朝阳分局
        base = district_zh[:-1] if district_zh.endswith("区") else district_zh
        return f"{municipality}公安局{base}分局", unit
    if district_zh.endswith(_COUNTY_SUFFIXES) or district_zh.endswith("市"):  # 市: a county-level city
        return f"{district_zh}公安局", unit
    return f"{city_zh}公安局{district_zh}分局", unit


def _route_note(province: str, city: str, district: str, bureau: str) -> Reason:
    """Why this bureau, and what to check: a city without districts says how its towns are policed."""
    place = f"{province}{city}{district}"
    town = town_of(city, district)
    if town is None:
        return Reason("rules.police.route.mainland", place=place, city=city)
    name, branch = town
    if branch:
        return Reason("rules.police.route.town_branch", place=place, city=city, bureau=bureau)
    if name and name != city:
        return Reason("rules.police.route.town_unknown", place=place, city=city, town=name)
    return Reason("rules.police.route.city_only", place=place, city=city)


def police_route(case: Case) -> PoliceRoute:
    """Which police body receives the report, and under which law."""
    s = case.supplier
    if s.region == "mainland":
        province = _require(case, "province_zh")
        city = _require(case, "city_zh")
        district = _require(case, "district_zh")
        bureau, unit = mainland_bureau(province, city, district)
        return PoliceRoute(
            "mainland", bureau, unit,
            (CRIMINAL_LAW_224, CRIMINAL_LAW_266, FILING_STANDARD_69, ECONOMIC_CRIME_8,
             MPS_RULES_15_17, CPL_110, ECONOMIC_CRIME_14),
            _route_note(province, city, district, bureau),
            "R",
            ("police.jurisdiction", "police.bureau_name", "police.economic_unit", "police.must_accept"),
        )
    if s.region == "hong_kong":
        return PoliceRoute("hong_kong", None, None, (HK_THEFT_16A, HK_THEFT_17),
                           Reason("rules.police.route.hong_kong"), "C", ("police.hong_kong",))
    return PoliceRoute("other", None, None, (), Reason("rules.police.route.other"), "R", ())


@record
class PoliceStep:
    id: str  # "police.<name>"; what happens is worded by rules.police.step.<name>
    date: dt.date | None  # None: counted from an event whose date is not known yet
    days: int
    counted_from: str  # the event, a key under rules.police.from
    citation: Citation
    rule: str

    @property
    def what(self) -> Reason:
        return Reason(f"rules.police.step.{self.id.split('.', 1)[1]}")

    @property
    def start(self) -> Reason:
        return Reason(f"rules.police.from.{self.counted_from}")


def police_deadlines(report_date: dt.date | None, refusal_received: dt.date | None = None) -> list[PoliceStep]:
    """The decision and remedy deadlines that follow a report to a mainland bureau.

    Steps counted from an event whose date is not given (no report yet, no
    refusal received) carry ``date=None`` and their day count. Each step's
    words are catalogue entries: ``rules.police.step.<name>`` (what happens)
    and ``rules.police.from.<event>`` (what it counts from).
    """

    def on(d: dt.date | None, n: int) -> dt.date | None:
        return d + dt.timedelta(days=n) if d else None

    served = refusal_received
    return [
        PoliceStep("police.decision", on(report_date, 7), 7, "report", ECONOMIC_CRIME_15,
                   "police.decision_deadline"),
        PoliceStep("police.decision_extended", on(report_date, 30), 30, "report", ECONOMIC_CRIME_15,
                   "police.decision_deadline"),
        PoliceStep("police.decision_further", on(report_date, 60), 60, "report", ECONOMIC_CRIME_15,
                   "police.decision_deadline"),
        PoliceStep("police.refusal_notice", None, 3, "refusal_decision", MPS_RULES_178, "police.refusal_notice"),
        PoliceStep("police.reconsideration", on(served, 7), 7, "refusal_received", MPS_RULES_179,
                   "police.reconsideration"),
        PoliceStep("police.review", None, 7, "reconsideration_received", MPS_RULES_179, "police.review"),
        PoliceStep("police.supervision", None, 7, "procuratorate", CPL_113, "police.supervision"),
    ]
