"""A suspect living in mainland China: a mainland bureau for a supplier registered elsewhere.

A Hong Kong company run by a mainland resident (a sole director holding a PRC
identity card and living in Shenzhen) is reported to the Hong Kong Police, but
a criminal case may also be handled by the bureau of the suspect's residence
where that is more suitable (公安机关办理刑事案件程序规定 (2020) Art. 15;
domain.md §C "Jurisdiction" [C], §C "Hong Kong-registered supplier": registered
in Hong Kong does not mean operating there [R]). The case records such a
residence on the suspect (``proceedings.suspects[].residence_province_zh``,
``residence_city_zh``, optionally ``residence_district_zh``); this module
names the bureau it points to. Whether that bureau takes the case is its
call: the report asks it to, on the residence, and the documents say so
rather than asserting its jurisdiction.

A supplier registered in the mainland is reported to its own bureau (rules.police);
a residence elsewhere in the mainland adds no report here.

Without a district the city bureau and its economic-crime detachment (支队)
are addressed (a municipality's is a 总队); the names are built by the
patterns of rules.police and must be checked, as the route note says.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from restitution.case.model import Case
from restitution.case.proceedings import PoliceReportFiled, Suspect
from restitution.rules.citations import Citation
from restitution.rules.police import MUNICIPALITIES, mainland_bureau
from restitution.rules.reason import bundled

MPS_RULES_15 = Citation("mps_procedure_rules", "2020", "15")  # the suspect's residence [C]


@dataclass(frozen=True)
class Resident:
    """A suspect living in mainland China and the bureau of that place."""

    index: int  # in proceedings.suspects
    suspect: Suspect
    bureau: str  # the bureau's Chinese name (a fact to check)
    unit: str  # its economic-crime unit's Chinese name; "": the bureau itself
    unit_key: str | None  # rules.police.unit.<key>: the unit in a document's language
    place: str  # province, city and district as the case gives them

    @property
    def path(self) -> str:
        return f"proceedings.suspects[{self.index}]"

    @property
    def id_kind(self) -> str:
        """"prc" when the suspect's number is a 公民身份号码 (how documents label it), else "other"."""
        from restitution.case.codes import looks_like_prc_id

        return "prc" if self.suspect.id_no and looks_like_prc_id(self.suspect.id_no) else "other"


def city_bureau(province_zh: str, city_zh: str) -> tuple[str, str, str]:
    """(bureau, unit, unit key) of a city as a whole: 深圳市公安局 and its 经济犯罪侦查支队."""
    key = "municipality" if any(m in (province_zh, city_zh) for m in MUNICIPALITIES) else "city"
    return f"{city_zh}公安局", bundled("zh")(f"rules.police.unit.{key}"), key


def mainland_resident(case: Case) -> Resident | None:
    """The first suspect with a mainland residence, when the supplier is registered outside the mainland."""
    if case.supplier.region == "mainland" or case.proceedings is None:
        return None
    for i, sp in enumerate(case.proceedings.suspects):
        province, city = (sp.residence_province_zh or "").strip(), (sp.residence_city_zh or "").strip()
        if not (province and city):
            continue
        district = (sp.residence_district_zh or "").strip()
        if district:
            bureau, unit = mainland_bureau(province, city, district)
            key = "mainland" if unit else None
        else:
            bureau, unit, key = city_bureau(province, city)
        place = province + city + district if province != city else city + district
        return Resident(i, sp, bureau, unit, key, place)
    return None


def recorded_resident_report(case: Case, date: dt.date, *, to_resident: bool) -> PoliceReportFiled | None:
    """The report the case records (filed by `date`) with one police body of this two-report case:
    the residence's bureau (`to_resident`: its authority names that bureau) or the supplier's own."""
    r = mainland_resident(case)
    filed = case.proceedings.police_report if case.proceedings else None
    if r is None or filed is None or filed.filed_on > date:
        return None
    at_residence = r.bureau in (filed.authority_zh or "")
    return filed if at_residence == to_resident else None
