"""What the stage documents (supplementary submission, reconsideration, pardon) share about
the case's history: the unit that holds the report, the suspects as one line each, the
reference of the case.

Facts only; the sentences are in the templates. The unit is the one recorded in
``proceedings.police_report`` (the one that actually holds the file), falling back on the
unit the toolkit would address a new report to.
"""
from __future__ import annotations

import datetime as dt

from restitution.case.codes import looks_like_prc_id
from restitution.case.model import Case
from restitution.case.proceedings import Suspect
from restitution.documents._phrases import native
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules import police_route


def recorded_unit(case: Case, words: Catalogue) -> str | None:
    """The unit holding the report in the document's language: as recorded, else the competent one."""
    p = case.proceedings
    r = p.police_report if p else None
    if r is not None and (r.authority or r.authority_zh):
        return native(words, r.authority, r.authority_zh)
    if case.supplier.region not in ("mainland", "hong_kong"):
        return None
    return police_route(case).body(words)


@record
class SuspectRow:
    name: str
    line: str  # name, identity document and role, e.g. 林志伟（公民身份号码…，法定代表人）
    # Right after the company it belongs to (the pardon): 林志伟（公民身份号码…），系该公司法定代表人
    in_company: str
    role: str
    measure: str | None  # the coercive measure in words, None when none
    measure_on: dt.date | None


def suspect_rows(case: Case, words: Catalogue) -> list[SuspectRow]:
    p = case.proceedings
    return [_row(s, words) for s in (p.suspects if p else ())]


def _row(s: Suspect, words: Catalogue) -> SuspectRow:
    name = native(words, s.name, s.name_zh) or s.name
    role = words(f"proceedings.role.{s.role}")
    person = name
    if s.id_no:
        kind = "id_prc" if looks_like_prc_id(s.id_no) else "id_passport"
        document = words(f"proceedings.{kind}", id_no=s.id_no)
        line = words("proceedings.suspect", name=name, id=document, role=role)
        person = words("proceedings.person", name=name, id=document)
    else:
        line = words("proceedings.suspect_no_id", name=name, role=role)
    # "a person involved" says nothing of a place in the company: the name and document alone
    in_company = person if s.role == "other" else words("proceedings.of_company", person=person, role=role)
    measure = None if s.measure == "none" else words(f"proceedings.measure.{s.measure}")
    return SuspectRow(name, line, in_company, role, measure, s.measure_on)
