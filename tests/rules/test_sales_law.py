"""Which law of sale governs: the CISG table (domain.md §H.1), the Civil Code, or neither."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from factories import make_case

from restitution.rules.sales_law import CONTRACTING, NOT_CONTRACTING, sales_law


def case_with(country: str, region: str = "mainland", date: dt.date = dt.date(2026, 6, 2), cisg=None):
    case = make_case()
    case = dataclasses.replace(case, client=dataclasses.replace(case.client, country=country),
                               supplier=dataclasses.replace(case.supplier, region=region),
                               order=dataclasses.replace(case.order, date=date, cisg=cisg))
    return case


@pytest.mark.parametrize("country, region, regime", [
    ("DE", "mainland", "cisg"),          # both Contracting States: Art. 1(1)(a)
    ("GB", "mainland", "civil_code"),    # the UK is not a Contracting State; China made the Art. 95 declaration
    ("IN", "mainland", "civil_code"),
    ("US", "mainland", "cisg"),
    ("DE", "hong_kong", "cisg"),         # Hong Kong since 1 December 2022
    ("IN", "hong_kong", "common_law"),   # never the PRC Civil Code for a Hong Kong seller
    ("GB", "hong_kong", "common_law"),
    ("HK", "mainland", "civil_code"),    # Hong Kong–mainland: disputed, the seller's law is relied on
    ("CN", "mainland", "civil_code"),    # not an international sale
    ("DE", "other", "general"),
    ("ZZ", "mainland", "unknown"),       # not in the table: the case must say
])
def test_regime_by_country(country, region, regime):
    assert sales_law(case_with(country, region)).regime == regime


def test_a_hong_kong_contract_before_the_extension_is_not_under_the_convention():
    assert sales_law(case_with("DE", "hong_kong", dt.date(2022, 11, 30))).regime == "common_law"
    assert sales_law(case_with("DE", "hong_kong", dt.date(2022, 12, 1))).regime == "cisg"


def test_the_case_decides_an_exclusion_or_an_unlisted_country():
    assert sales_law(case_with("DE", cisg=False)).regime == "civil_code"
    assert sales_law(case_with("ZZ", cisg=True)).regime == "cisg"
    assert sales_law(case_with("ZZ", "hong_kong", cisg=False)).regime == "common_law"


def test_the_table_is_consistent():
    assert not set(CONTRACTING) & NOT_CONTRACTING
    assert {"GB", "IN"} <= NOT_CONTRACTING
    assert CONTRACTING["HK"] == dt.date(2022, 12, 1) and CONTRACTING["DE"] == dt.date(1991, 1, 1)


def test_a_consumers_purchase_is_outside_the_convention():
    """CISG Art. 2(a): an individual buying for personal use is under the seller's law, whatever the
    countries; one buying for resale is a trader, as a company is; the case can still say otherwise."""
    def individual(country, region="mainland", for_resale=False, cisg=None):
        case = case_with(country, region, cisg=cisg)
        return dataclasses.replace(case, client=dataclasses.replace(case.client, kind="individual"),
                                   order=dataclasses.replace(case.order, for_resale=for_resale))

    assert sales_law(individual("DE")).regime == "civil_code"
    assert sales_law(individual("DE", "hong_kong")).regime == "common_law"
    assert sales_law(individual("ZZ")).regime == "civil_code"  # no table needed
    assert sales_law(individual("DE", for_resale=True)).regime == "cisg"
    assert sales_law(individual("DE", cisg=True)).regime == "cisg"
