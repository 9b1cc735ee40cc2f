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

When the file's own words say someone lives in the mainland (a fact, an
exhibit's purpose, a suspect's mainland address) but no suspect records the
residence keys, `validate` warns (`unrecorded_residence`), located at those
words, naming the keys to add. Trade-off: the words are never turned into a
residence for the documents (which person, which city and district are the
user's to state); the match is a phrase test ("居住于深圳市", "lives in
Shenzhen"), so a sentence worded otherwise passes unwarned, and one about a
person other than a suspect warns once, which the keys or a rewording settle.
"""
from __future__ import annotations

import datetime as dt
import re
from typing import TYPE_CHECKING, Iterator

from restitution.case.model import Case
from restitution.case.proceedings import PoliceReportFiled, Suspect
from restitution.records import record
from restitution.rules.citations import Citation
from restitution.rules.police import MUNICIPALITIES, mainland_bureau
from restitution.rules.reason import bundled

if TYPE_CHECKING:
    from restitution.case.warnings import CaseWarning

MPS_RULES_15 = Citation("mps_procedure_rules", "2020", "15")  # the suspect's residence [C]


@record
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


# "居住于深圳市", "住在广东省…", "常住内地": a verb of living, then within a few characters a mainland place
# (a province, city, district or county, or 内地/大陆), not Hong Kong, Macao or Taiwan
# (住所 is left out: the law uses it for a company's domicile, which is no one's residence)
_LIVES_ZH = re.compile(r"(?:(?:居住|住址|常住|定居)(?:于|在|地为|地|为|位于)?|住(?:于|在))[：:]?"
                       r"([^，。；、,;]{0,12}?(?:省|市|自治区|区|县|内地|大陆))")
_NOT_MAINLAND = ("香港", "澳门", "澳門", "台湾", "台灣", "境外", "海外")
_LIVES_EN = re.compile(r"\b(?:lives?|living|resides?|residing|resident|domiciled)\s+(?:in|at)\s+"
                       r"(?:[\w'-]+\s+){0,4}?(mainland(?:\s+China)?|the\s+PRC|PRC|China|"
                       r"[A-Z][a-z]+(?:\s+[A-Z][a-z]+)?\s+(?:Province|City))\b")
_MAINLAND_CITIES_EN = re.compile(
    r"\b(?:lives?|living|resides?|residing|resident|domiciled)\s+(?:in|at)\s+(Shenzhen|Guangzhou|Dongguan|Foshan|"
    r"Zhongshan|Zhuhai|Huizhou|Shantou|Xiamen|Fuzhou|Quanzhou|Ningbo|Hangzhou|Wenzhou|Yiwu|Jinhua|Taizhou|Suzhou|"
    r"Wuxi|Changzhou|Nanjing|Qingdao|Tianjin|Beijing|Shanghai|Chongqing|Chengdu|Wuhan|Xi'an|Zhengzhou|Changsha|"
    r"Hefei|Shenyang|Dalian|Guangdong|Fujian|Zhejiang|Jiangsu|Shandong)\b")


def _says_mainland_residence(text: str | None) -> str | None:
    """The words of `text` saying someone lives in the mainland ("居住于深圳市"), or None."""
    if not text:
        return None
    for m in _LIVES_ZH.finditer(text):
        if not any(n in m.group(1) for n in _NOT_MAINLAND):
            return m.group(0)
    en = _LIVES_EN.search(text) or _MAINLAND_CITIES_EN.search(text)
    if en and not any(n in en.group(0) for n in ("Hong Kong", "Macao", "Taiwan")):
        return en.group(0)
    return None


def _residence_words(case: Case) -> Iterator[tuple[str, str]]:
    """(key path, words) of each place where the file says someone lives in the mainland."""
    texts = (("facts", case.facts, ("text_zh", "text")), ("evidence", case.evidence, ("purpose_zh", "purpose")))
    for section, entries, keys in texts:
        for i, entry in enumerate(entries):
            # the Chinese text first; one place an entry
            said = next(((key, w) for key in keys if (w := _says_mainland_residence(getattr(entry, key)))), None)
            if said:
                yield f"{section}[{i}].{said[0]}", said[1]
    for i, sp in enumerate(case.proceedings.suspects if case.proceedings else ()):
        address = (sp.address_zh or "").strip()
        if address and not any(n in address for n in _NOT_MAINLAND):
            yield f"proceedings.suspects[{i}].address_zh", ""  # an address is not quoted back


def unrecorded_residence(case: Case, date: dt.date) -> Iterator["CaseWarning"]:
    """A supplier registered outside the mainland whose file says someone lives in the mainland, with no
    suspect's residence recorded: the packet then leaves out the report to that place's bureau
    (MPS procedure rules (2020) Art. 15). One warning, at the first such words; nothing is inferred."""
    from restitution.case.warnings import CaseWarning

    if case.supplier.region == "mainland" or mainland_resident(case) is not None:
        return
    found = next(_residence_words(case), None)
    if found is None:
        return
    path, said = found
    suspects = case.proceedings.suspects if case.proceedings else ()
    where = (f"proceedings.suspects[{path.split('[')[1].split(']')[0]}]" if path.startswith("proceedings.")
             else "proceedings.suspects[N]" if len(suspects) > 1 else "proceedings.suspects[0]")
    quoted = f" (\"{said}\")" if said else ""
    add = (f"add {where}.residence_province_zh and residence_city_zh (and residence_district_zh for the district "
           "bureau)" if suspects else
           "add the person under proceedings.suspects with residence_province_zh and residence_city_zh (and "
           "residence_district_zh for the district bureau)")
    yield CaseWarning(path, f"these words say someone lives in mainland China{quoted}, but no suspect records a "
                            "mainland residence, so the packet makes no report to the bureau of that place "
                            "(MPS procedure rules (2020) Art. 15: the bureau of a suspect's residence may take "
                            f"the case); if a suspect lives there, {add}")
