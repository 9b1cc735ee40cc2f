"""A suspect living in mainland China: the bureau of that residence (rules/residence.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from factories import make_case

from restitution.case import model as m
from restitution.case.proceedings import Proceedings, Suspect
from restitution.rules.residence import mainland_resident, unrecorded_residence

DATE = dt.date(2026, 11, 30)


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


def said(case: m.Case, text_zh: str | None, text: str = "The director's details were checked.") -> m.Case:
    fact = m.Fact(date=case.facts[0].date if case.facts else make_case().order.date, text=text, text_zh=text_zh)
    return dataclasses.replace(case, facts=case.facts + (fact,))


def test_words_of_a_mainland_residence_without_the_keys_warn_located_at_them_never_inferred():
    case = said(with_suspect(), "经查询，唯一董事郑浩然持中华人民共和国居民身份证，居住于深圳市。")
    found = list(unrecorded_residence(case, DATE))
    assert len(found) == 1
    w = found[0]
    assert w.path == f"facts[{len(case.facts) - 1}].text_zh"
    assert "居住于深圳市" in w.message
    assert "proceedings.suspects[0].residence_province_zh and residence_city_zh" in w.message
    assert mainland_resident(case) is None  # nothing is made of the words: the documents stay as they were


def test_english_words_and_a_mainland_address_warn_too():
    assert list(unrecorded_residence(said(with_suspect(), None, "The sole director lives in Shenzhen."), DATE))
    w = list(unrecorded_residence(with_suspect(address_zh="广东省深圳市福田区示例路1号"), DATE))
    assert [x.path for x in w] == ["proceedings.suspects[0].address_zh"]
    assert "示例路" not in w[0].message  # an address is not printed back


@pytest.mark.parametrize("case", [
    said(with_suspect(), "唯一董事居住于香港九龙。"),  # Hong Kong is not the mainland
    said(with_suspect(residence_province_zh="广东省", residence_city_zh="深圳市"), "董事居住于深圳市。"),  # recorded
    said(with_suspect("mainland"), "法定代表人居住于深圳市。"),  # a mainland supplier: its own bureau
    said(with_suspect(), "供应商称货物抵挡不住市场压力。"),
])
def test_no_warning_without_mainland_words_or_when_the_residence_is_recorded(case):
    assert list(unrecorded_residence(case, DATE)) == []


def test_without_suspects_the_warning_says_to_add_the_person():
    case = said(dataclasses.replace(with_suspect(), proceedings=None), "唯一董事居住于广东省东莞市。")
    (w,) = unrecorded_residence(case, DATE)
    assert "add the person under proceedings.suspects" in w.message
