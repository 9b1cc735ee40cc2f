"""Which law of sale the demand letter pleads: the CISG, the PRC Civil Code or neither.

domain.md §H.1 and §H.2. A contract between a buyer and a seller whose
places of business are in different Contracting States of the UN Convention
on Contracts for the International Sale of Goods (1980) is governed by it
(Art. 1(1)(a)), unless the parties excluded it (Art. 6), and only if it was
concluded on or after the day the Convention entered into force for both
(Art. 100(2)), and never to a consumer's purchase (Art. 2(a): an individual
client not buying for resale). China made the Art. 95 declaration, so a mainland court
applies the Convention only under Art. 1(1)(a): a buyer in a
non-Contracting State (the United Kingdom, India) gets the law chosen or,
failing a choice, the seller's law (涉外民事关系法律适用法 Art. 41), which
for a mainland seller is the Civil Code. A Hong Kong seller is never put
under the PRC Civil Code: without the Convention the letter terminates in
plain terms and leaves the governing law to the competent court.

Trade-off: the table of Contracting States is a short, dated list, not the
depositary's full status table. A country that is in neither list is not
guessed: the letter asks the case (``order.cisg``) to say whether the
Convention applies, which also records an Art. 6 exclusion. Confidence
marks follow domain.md: [C] where §H.1 confirms a state and its date, [R]
where the date is recalled from the UNCITRAL status table and must be
checked before it decides a case near the date.
"""
from __future__ import annotations

import datetime as dt

from restitution.case.model import Case
from restitution.records import record

_D = dt.date

# Entry into force of the Convention for each Contracting State (ISO code).
CONTRACTING: dict[str, dt.date] = {
    "CN": _D(1988, 1, 1),   # [C]; Art. 95 declaration in force
    "HK": _D(2022, 12, 1),  # [C] extension, [S] date (Art. 97(3))
    "US": _D(1988, 1, 1),   # [C]; date [R]
    "DE": _D(1991, 1, 1),   # [C]
    "EE": _D(1994, 10, 1),  # [C]; date [R]
    "NO": _D(1989, 8, 1),   # [C]
    # [R]: recalled from the UNCITRAL status table
    "AR": _D(1988, 1, 1), "AT": _D(1989, 1, 1), "AU": _D(1989, 4, 1), "BE": _D(1997, 11, 1),
    "BR": _D(2014, 4, 1), "CA": _D(1992, 5, 1), "CH": _D(1991, 3, 1), "CL": _D(1991, 3, 1),
    "CO": _D(2002, 8, 1), "CZ": _D(1993, 1, 1), "DK": _D(1990, 3, 1), "ES": _D(1991, 8, 1),
    "FI": _D(1989, 1, 1), "FR": _D(1988, 1, 1), "GR": _D(1999, 2, 1), "IL": _D(2003, 2, 1),
    "IT": _D(1988, 1, 1), "JP": _D(2009, 8, 1), "KR": _D(2005, 3, 1), "MX": _D(1989, 1, 1),
    "NL": _D(1992, 1, 1), "NZ": _D(1995, 10, 1), "PL": _D(1996, 6, 1), "PT": _D(2021, 10, 1),
    "RU": _D(1991, 9, 1), "SE": _D(1989, 1, 1), "SG": _D(1996, 3, 1), "TR": _D(2011, 8, 1),
    "VN": _D(2017, 1, 1),
}
# Not Contracting States: the United Kingdom and India [C]; the others [R].
NOT_CONTRACTING = frozenset({"GB", "IN", "IE", "ZA", "MY", "TH", "ID", "PK", "BD", "NG"})

# Where the seller's place of business is taken to be, by supplier.region.
_SELLER_STATE = {"mainland": "CN", "hong_kong": "HK"}


@record
class SalesLaw:
    """The regime, and the facts the letter states about it.

    ``regime``: "cisg"; "civil_code" (mainland seller, no Convention);
    "common_law" (Hong Kong seller, no Convention); "general" (a seller
    elsewhere, no Convention: no statute is cited); "unknown" (the buyer's
    country is in neither list and the case does not say).
    """

    regime: str
    buyer_state: str
    seller_state: str | None
    decided_by_case: bool = False  # order.cisg said so

    @property
    def cisg(self) -> bool:
        return self.regime == "cisg"


def _in_force(state: str, on: dt.date) -> bool | None:
    if state in CONTRACTING:
        return CONTRACTING[state] <= on
    if state in NOT_CONTRACTING:
        return False
    return None


def _without_cisg(region: str) -> str:
    return {"mainland": "civil_code", "hong_kong": "common_law"}.get(region, "general")


def sales_law(case: Case) -> SalesLaw:
    """The law of sale for the case's contract (see the module docstring)."""
    buyer = case.client.country.upper()
    region = case.supplier.region
    seller = _SELLER_STATE.get(region)
    chosen = case.order.cisg
    if chosen is not None:
        return SalesLaw("cisg" if chosen else _without_cisg(region), buyer, seller, decided_by_case=True)
    if case.client.kind == "individual" and not case.order.for_resale:
        # CISG Art. 2(a): goods bought for personal, family or household use are outside the Convention
        # (unless the seller neither knew nor ought to have known; order.cisg: true says so).
        return SalesLaw(_without_cisg(region), buyer, seller)
    if seller is None or buyer == seller or {buyer, seller} == {"CN", "HK"}:
        # A seller outside China is out of the table; a domestic sale is not international;
        # whether the Convention governs a Hong Kong–mainland sale is disputed (§H.1 [S]),
        # so the letter relies on the seller's own law there.
        return SalesLaw(_without_cisg(region), buyer, seller)
    both = (_in_force(buyer, case.order.date), _in_force(seller, case.order.date))
    if None in both:
        return SalesLaw("unknown", buyer, seller)
    return SalesLaw("cisg" if all(both) else _without_cisg(region), buyer, seller)


def consumer_prepayment(case: Case) -> bool:
    """A consumer (an individual buying for personal use: not ``order.for_resale``) paid in advance, the
    Civil Code governs, and the goods were not supplied, in whole or in part: the letter adds 消费者权益保护法
    (2013年修正) Art. 53 (a business that took prepayment and did not supply refunds it with interest),
    and only reserves Art. 55(1) (increased damages for fraud, for a court to find). Neither article is
    in domain.md: the wording states the article's own terms and claims nothing beyond them [R]."""
    return (case.client.kind == "individual" and not case.order.for_resale and sales_law(case).regime == "civil_code"
            and case.outcome.kind in ("not_delivered", "partial_delivery"))
