"""The reported party's people as the police report lists them: its contacts, each with the ways
to reach them (a mailbox or desk apart, as the company's contact details), and the individuals
behind it with their part (legal representative, director, a title they claimed), then the
holders of personal accounts that received the money.

`police_report` assembles the report (and its payee and resident variants) from these lines.
"""
from __future__ import annotations

from restitution.case.codes import looks_like_prc_id
from restitution.case.model import Case
from restitution.documents._phrases import titled_contact, with_other
from restitution.documents.police_accounts import payee_people
from restitution.language.catalogue import Catalogue
from restitution.rules.offence import individuals
from restitution.rules.people import is_person, title_of


def contacts(case: Case, words: Catalogue, persons: bool = True) -> list[str]:
    """One line per person of the reported party: name, then each way to reach them. With
    `persons` false, the lines of its mailboxes and desks instead (rules.people.is_person), which
    the report gives as the company's contact details, never as people (lawyer5 item 4)."""
    out = []
    for ct in case.supplier.contacts:
        if is_person(ct) != persons:
            continue
        if words.language.chinese:
            if ct.name_zh and ct.name:
                name = with_other(words, ct.name_zh, ct.name)
            else:
                name = ct.name_zh or ct.name or words("police_report.contact.unknown")
        else:
            name = ct.name or ct.name_zh or words("police_report.contact.unknown")
        if title_of(ct.role):  # "Kevin Ho（自称董事）", "（董事）" where the records name him
            name = titled_contact(case, ct, name, words)
        elif ct.role and not words.language.chinese:
            name = words("police_report.contact.with_role", name=name, role=ct.role)
        parts = [words(f"police_report.contact.{k}", value=v)
                 for k, v in (("phone", ct.phone), ("whatsapp", ct.whatsapp), ("wechat", ct.wechat),
                              ("email", ct.email)) if v]
        if parts:
            key = "line" if persons else "channel_line"
            name = words(f"police_report.contact.{key}", name=name,
                         ways=words("police_report.contact.separator").join(parts))
        out.append(name)
    return out


def people(case: Case, words: Catalogue) -> list[str]:
    """The individuals behind the reported company, one line each, with their part in it."""
    out = []
    for p in individuals(case):
        name = (with_other(words, p.name_zh, p.name) if words.language.chinese else with_other(words, p.name, p.name_zh)) \
            if p.name_zh and p.name and p.name_zh != p.name else (p.name_zh or p.name)
        # a company outside the mainland has directors, not a 法定代表人
        director = p.role == "legal_representative" and case.supplier.region != "mainland"
        role = words("police_report.person.director" if director else f"police_report.person.{p.role}")
        # a claimed role is printed as the case gives it; an English title stays out of a Chinese page
        title = title_of(p.claimed_role)
        if title or (p.claimed_role and (not words.language.chinese or not p.claimed_role.isascii())):
            role = words("police_report.person.claimed",
                         role=words(f"parties.title.{title}") if title else p.claimed_role)
        line = words("police_report.person.line", name=name, role=role)
        if p.id_no:  # a PRC resident identity card's number is a 公民身份号码
            line += words("police_report.person.id_prc" if looks_like_prc_id(p.id_no) else "police_report.person.id_no",
                          value=p.id_no)
        out.append(line)
    return out + payee_people(case, words, individuals(case))
