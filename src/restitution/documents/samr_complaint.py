"""Complaint to the market regulator (12315) / 投诉举报书 (a business buyer: 举报书) (DESIGN.md; domain.md §C registration).

Chinese is the working text, filed with the market supervision bureau
(市场监督管理局) where the supplier is registered; the English text is the
client's file copy. The bureau is derived from the supplier's registered
province / city / district the way the police bureau is, and the document
says that the exact name must be checked on 12315 or gsxt.gov.cn, where the
supplier's record names its registration authority. Characters 3–8 of the
USCC give that authority's area code (domain.md §C [C]), printed as a check.

Only for a mainland supplier: 12315 is the mainland regulator's channel.
The complaint says plainly that 12315 is built for consumer complaints and
reports of market-order breaches, so a foreign business buyer's refund may be
referred elsewhere: the regulator can act against the business, but it is
not a court.

A business buyer files a report (举报), not a complaint (投诉): under the
SAMR Interim Measures on Complaints and Reports (SAMR Order No. 20, 2019)
Art. 3 a complaint is a consumer's, for goods bought for personal
consumption, and Art. 15 refuses the rest (domain.md §H.5). The report asks
for investigation and penalty, never for mediation or a refund, and cites
the provisions the facts fit: Trademark Law (2019) Art. 57(3) for
counterfeit goods, Product Quality Law (2018) Art. 39 for goods passed off
as genuine, superior or conforming. An individual buyer keeps the
complaint (whether a given purchase was for personal consumption is the
bureau's call), unless ``order.for_resale`` says the goods were bought for
resale: then it files a report like a company.

A consumer's complaint also asks the bureau to investigate and penalise, which is a report
under the same Art. 3: it is titled 投诉举报书 (complaint and report), the party a
投诉举报人. Where the consumer was sold counterfeits as genuine it asks for the increased
compensation of 消费者权益保护法 (2013年修正) Art. 55(1) (rules/increased_compensation.py:
three times the price, at least RMB 500).

Filed through an agent, it lists its enclosures as Order No. 20 requires of a complaint by an
agent: the original power of attorney stating the matters, powers and term and signed by the
principal, and the agent's proof of identity (a lawyer's practising licence); without them the
complaint is refused (Art. 15 [C]; that the requirement sits in Arts. 9-10 is [R], as in the
predecessor measures, which said the same). The principal's identity document and the
exhibits follow.

Not in the default packet once a settlement exists (case.stage): a refund
sought through 12315 mediation would contradict the agreed restitution; the
document is still made when asked for by name.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Fact, Payment
from restitution.case.stage import stage_of
from restitution.documents import DocumentSpec
from restitution.rules.facts import absconded
from restitution.rules.loss import CnyAmount, amount_in_cny
from restitution.documents._phrases import paid_total, payment_method
from restitution.errors import DocumentNotApplicable
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules.increased_compensation import (
    CONSUMER_LAW_55, IncreasedCompensation, compensation_in_cny, increased_compensation,
)
from restitution.rules.police import MUNICIPALITIES, town_of

_COUNTY_SUFFIXES = ("自治县", "县", "自治旗", "旗", "市")  # 市 here: a county-level city
# Outcomes in the regulator's remit as a breach by a registered business in the goods
# themselves (counterfeits, goods passed off as what was contracted). A seller that
# took the money and vanished is a police matter first: a 12315 complaint is then
# available on request but is not put in the default packet.
IN_PACKET = frozenset({"counterfeit", "junk_delivered", "not_as_described"})
# The provisions a report cites, by outcome (catalogue ``law.samr.*``): selling goods that
# infringe a registered trademark (商标法 Art. 57(3)); a seller passing off fakes as genuine,
# inferior as superior or substandard as conforming (产品质量法 Art. 39). Non-delivery is no
# breach of either, so nothing is cited for it.
ARTICLES = {
    "counterfeit": ("trademark_57_3", "quality_39"),
    "junk_delivered": ("quality_39",),
    "not_as_described": ("quality_39",),
}


def market_bureau(province_zh: str, city_zh: str, district_zh: str) -> str:
    """The district or county market supervision bureau by the usual naming pattern
    (深圳市宝安区市场监督管理局, 永康市市场监督管理局); the exact name must be checked.

    In a city without districts the city bureau runs the towns: its branch where the city is known
    to name one per town (东莞市市场监督管理局长安分局), else the city bureau (rules.police.town_of)."""
    province, city, district = province_zh.strip(), city_zh.strip(), district_zh.strip()
    town = town_of(city, district)
    if town is not None:
        branch = town[1]
        return f"{city}市场监督管理局{branch}分局" if branch else f"{city}市场监督管理局"
    municipality = next((m for m in MUNICIPALITIES if m in (province, city)), None)
    if municipality:
        return f"{municipality}{district}市场监督管理局"
    if district.endswith(_COUNTY_SUFFIXES):
        return f"{district}市场监督管理局"
    return f"{city}{district}市场监督管理局"


def area_code(uscc: str | None) -> str | None:
    """The registration authority's area code: characters 3–8 of the USCC."""
    if not uscc or len(uscc) != 18:
        return None
    return uscc[2:8]


def check(case: Case) -> None:
    s = case.supplier
    if s.region != "mainland":
        where = "in Hong Kong" if s.region == "hong_kong" else "outside mainland China"
        raise DocumentNotApplicable(
            f"a 12315 complaint goes to the mainland market regulator; the supplier is registered "
            f"{where} (supplier.region)", case.locate("supplier.region"))
    if not s.name_zh:
        raise DocumentNotApplicable(
            "a complaint to the market regulator names the respondent by its full registered Chinese "
            "name (supplier.name_zh, as shown in the national enterprise credit system)",
            case.locate("supplier.name"))


@record
class PaymentLine:
    payment: Payment
    method: str


@record
class SamrContext:
    authority: str
    area_code: str | None
    registered_in: str
    facts: list[Fact]
    payments: list[PaymentLine]
    paid_total: Decimal | None
    paid_currency: str | None
    refund: Decimal
    refund_currency: str
    refund_cny: CnyAmount  # what was paid, in RMB as the packet's other documents give it (rules/loss.py)
    report: bool  # a business buyer, or an individual buying for resale: 举报, not 投诉
    articles: list[str]  # the provisions the reported conduct is suspected of breaching
    measures: str  # the SAMR measures, cited by name and order number
    absconded: bool = False  # unreachable since it was paid, and the dates do not contradict it (rules.facts)
    # a consumer sold counterfeits as genuine: 消费者权益保护法 Art. 55(1), with the sum in RMB where it converts
    increased: IncreasedCompensation | None = None
    increased_cny: CnyAmount | None = None
    law_55: str = ""
    # the enclosures: how the power of attorney signed abroad is authenticated (power_of_attorney.authentication;
    # None at home), whether the agent is a lawyer (a firm), the principal's identity paper
    poa_papers: str | None = None
    agent_lawyer: bool = False
    identity: str = "passport"  # "passport" | "resident_id" (a mainland individual) | "permit" (HK, Macao, Taiwan)


def context(case: Case, words: Catalogue, date: dt.date) -> SamrContext:
    s = case.supplier
    total, currency = paid_total(case)
    payments = sorted(case.payments, key=lambda p: p.date)
    # The refund asked for is what was paid; payments in several currencies fall back to the claim.
    cl = case.claim
    report = case.client.kind == "company" or case.order.for_resale
    increased = None if report else increased_compensation(case)
    refund, refund_currency = (total, currency) if total is not None and currency is not None \
        else (cl.amount, cl.currency)
    return SamrContext(
        authority=market_bureau(s.province_zh or "", s.city_zh or "", s.district_zh or ""),
        area_code=area_code(s.uscc),
        registered_in=f"{s.province_zh}{s.city_zh}{s.district_zh}",
        facts=sorted(case.facts, key=lambda f: f.date),
        payments=[PaymentLine(p, payment_method(p, words)) for p in payments],
        paid_total=total,
        paid_currency=currency,
        refund=refund,
        refund_currency=refund_currency,
        refund_cny=amount_in_cny(case, refund, refund_currency),
        report=report,
        articles=[words(f"law.samr.{a}") for a in ARTICLES.get(case.outcome.kind, ())],
        measures=words("law.samr.measures"),
        absconded=absconded(case),
        increased=increased,
        increased_cny=compensation_in_cny(case, increased) if increased else None,
        law_55=CONSUMER_LAW_55.word(words),
        poa_papers=_poa_papers(case),
        agent_lawyer=case.agent is not None and bool(case.agent.firm or case.agent.firm_zh or case.agent.license_no),
        identity=("resident_id" if case.client.country == "CN" else
                  "permit" if case.client.country in ("HK", "MO", "TW") else "passport"),
    )


def _poa_papers(case: Case) -> str | None:
    """How the client's power of attorney is authenticated for mainland use (catalogue police_report.papers.*)."""
    from restitution.documents.power_of_attorney import authentication  # it imports this module's IN_PACKET

    route = authentication(case.client.country.upper())
    return None if route == "domestic" else route


SPEC = DocumentSpec(
    key="samr_complaint",
    check=check,
    context=context,
    in_packet=lambda case: (case.supplier.region == "mainland" and case.outcome.kind in IN_PACKET
                            and stage_of(case).settlement == "none"),
)
