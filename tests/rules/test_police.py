"""The police bureau of a city without districts (rules/police.py: town_of, mainland_bureau, police_route).

东莞, 中山, 儋州 and 嘉峪关 have no districts: a supplier's district_zh holds its town or street,
which is no county-level body. The third PRC lawyer's reading found "东莞市公安局长安镇分局经济
犯罪侦查大队" printed for a Dongguan supplier; the branch is 东莞市公安局长安分局.
"""
from __future__ import annotations

import dataclasses

import pytest
from factories import make_case

from restitution.rules.police import mainland_bureau, police_route, town_of
from restitution.rules.reason import bundled, say


@pytest.mark.parametrize("province, city, town, bureau", [
    ("广东省", "东莞市", "长安镇", "东莞市公安局长安分局"),  # a town: 镇 dropped
    ("广东省", "东莞市", "虎门镇", "东莞市公安局虎门分局"),
    ("广东省", "东莞市", "南城街道", "东莞市公安局南城分局"),  # a street: 街道 dropped
    ("广东省", "中山市", "古镇镇", "中山市公安局古镇分局"),  # the town's own name keeps its 镇
    ("广东省", "中山市", "小榄镇", "中山市公安局小榄分局"),
])
def test_a_town_branch_in_a_city_that_names_one_per_town(province, city, town, bureau):
    name, unit = mainland_bureau(province, city, town)
    # the branch itself is addressed: whether it has an economic-crime brigade is unverified
    assert (name, unit) == (bureau, "")


@pytest.mark.parametrize("province, city, town", [
    ("海南省", "儋州市", "那大镇"),
    ("甘肃省", "嘉峪关市", "峪泉镇"),
])
def test_the_city_bureau_where_the_branch_name_is_not_known(province, city, town):
    assert mainland_bureau(province, city, town) == (f"{city}公安局", "")
    assert town_of(city, town) == (town, None)


def test_a_city_with_districts_keeps_the_district_branch_and_its_unit():
    assert town_of("深圳市", "宝安区") is None
    assert mainland_bureau("广东省", "深圳市", "宝安区") == ("深圳市公安局宝安区分局", "经济犯罪侦查大队")


def dongguan(town: str):
    case = make_case()
    return dataclasses.replace(case, supplier=dataclasses.replace(
        case.supplier, province_zh="广东省", city_zh="东莞市", district_zh=town))


def test_the_route_explains_the_town_branch_and_hedges_its_name():
    route = police_route(dongguan("长安镇"))
    zh, en = bundled("zh"), bundled("en")
    assert route.body(zh) == "东莞市公安局长安分局" and route.unit_name(zh) is None
    note = say(route.note, zh)
    assert "东莞市不设市辖区" in note and "提交前须核实确切名称" in note
    assert "是否设有经济犯罪侦查部门未经核实" in note and "长安镇分局" not in note
    assert "has no districts" in say(route.note, en)


def test_a_city_without_districts_and_no_town_goes_to_the_city_bureau():
    route = police_route(dongguan("东莞市"))
    assert route.bureau == "东莞市公安局"
    assert "supplier.district_zh" in say(route.note, bundled("zh"))


def test_a_town_whose_branch_is_not_known_is_named_in_the_hedge():
    case = dongguan("那大镇")
    case = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, province_zh="海南省",
                                                                   city_zh="儋州市"))
    route = police_route(case)
    assert route.bureau == "儋州市公安局"
    assert "须核实是否应向其在那大镇的分局或派出所提交" in say(route.note, bundled("zh"))
