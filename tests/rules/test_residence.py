"""A suspect living in mainland China: the bureau of that residence (rules/residence.py)."""
from __future__ import annotations

import dataclasses

import pytest
from factories import make_case

from restitution.case import model as m
from restitution.case.proceedings import Proceedings, Suspect
from restitution.rules.residence import mainland_resident


def with_suspect(region: str = "hong_kong", **residence) -> m.Case:
    case = make_case()
    supplier = dataclasses.replace(case.supplier, region=region) if region != "mainland" else case.supplier
    suspect = Suspect(name="Zheng Haoran", name_zh="郑浩然", role="legal_representative", **residence)
    return dataclasses.replace(case, supplier=supplier, proceedings=Proceedings(suspects=(suspect,)))


@pytest.mark.parametrize("residence, bureau, unit, key", [
    (dict(residence_province_zh="广东省", residence_city_zh="深圳市"), "深圳市公安局", "经济犯罪侦查支队", "city"),
    (dict(residence_province_zh="广东省", residence_city_zh="深圳市", residence_district_zh="南山区"),
     "深圳市公安局南山区分局", "经济犯罪侦查大队", "mainland"),
    (dict(residence_province_zh="上海市", residence_city_zh="上海市"), "上海市公安局", "经济犯罪侦查总队",
     "municipality"),
    # a town of a city without districts: its branch, addressed itself
    (dict(residence_province_zh="广东省", residence_city_zh="东莞市", residence_district_zh="虎门镇"),
     "东莞市公安局虎门分局", "", None),
])
def test_the_bureau_of_the_residence(residence, bureau, unit, key):
    r = mainland_resident(with_suspect(**residence))
    assert r is not None and (r.bureau, r.unit, r.unit_key) == (bureau, unit, key)
    assert r.path == "proceedings.suspects[0]"


def test_the_place_names_a_municipality_once():
    r = mainland_resident(with_suspect(residence_province_zh="北京市", residence_city_zh="北京市",
                                       residence_district_zh="朝阳区"))
    assert r is not None and r.place == "北京市朝阳区"


def test_no_residence_or_a_mainland_supplier_adds_no_bureau():
    assert mainland_resident(with_suspect()) is None
    # a mainland supplier is reported to its own bureau; a director's home elsewhere adds no report
    assert mainland_resident(with_suspect("mainland", residence_province_zh="广东省",
                                          residence_city_zh="深圳市")) is None
