"""Who a contact of the supplier says they are, against what the company's records say.

The case keys decide which is which: ``supplier.legal_representative`` (for a
Hong Kong company, a director from the Companies Registry) and
``proceedings.suspects`` are the records; ``supplier.contacts[].role`` is the
role a contact claimed in the dealings (case-format.md). A contact who claims
an office of the company (director, legal representative, chairman, chief
executive, general manager) and is not the person the records name is
"self-styled": the documents print "Kevin Ho（自称董事）" in their lists and
"自称为被报案人董事的Kevin Ho" where the story's own text calls him the
company's director, so a police unit never reads two directors where the
registry shows one. A claimed title that is not an office (a sales manager)
is no record's either: printed "by their own account" in the lists, and
"自称为被报案人销售经理的王涛" in the story, so the story does not state as fact
what the lists call a claim (lawyer4 N8).

Trade-off: a free-text role is recognised only when it is one of the titles
below, written out (case and spaces aside); anything else is printed as the
case gives it in English documents and left out of Chinese ones.

Not every contact is a person: "Lumiair customer service" is a mailbox. A
police report lists only natural persons as 相关责任人员 (lawyer5 item 4), so a
contact whose name is a desk, team or channel (`is_person`) is one of the
company's ways to be reached, never a person reported. The case may say so
(``contacts[].person``); otherwise the name decides, by the words below: a
person who signed "Kevin (customer service)" is then taken for the desk,
which errs on the side of naming no one the file does not name.
"""
from __future__ import annotations


from restitution.case.model import Case, Contact
from restitution.records import record

# English titles a contact may give, by the catalogue key that words them (parties.title.<key>)
_TITLES = {
    "director": "director", "company director": "director", "managing director": "director",
    "legal representative": "legal_representative", "chairman": "chairman",
    "ceo": "ceo", "chief executive officer": "ceo", "general manager": "general_manager",
    "manager": "manager", "sales manager": "sales_manager", "sales": "sales", "salesperson": "sales",
    "owner": "owner", "boss": "owner", "shareholder": "shareholder",
}
OFFICES = frozenset({"director", "legal_representative", "chairman", "ceo", "general_manager"})
# Words that make a contact's name a desk, team or channel of the company rather than a person:
# English as whole words (after lower-casing, "-" and "_" as spaces), Chinese as parts of the name.
_CHANNEL_WORDS = frozenset({"service", "services", "support", "care", "team", "department", "dept", "desk",
                            "helpdesk", "office", "shop", "store", "official", "admin", "info", "enquiries",
                            "inquiries", "mailbox", "hotline", "aftersales"})
_CHANNEL_ZH = ("客服", "售后", "服务部", "销售部", "业务部", "外贸部", "部门", "团队", "小组", "店铺", "旗舰店",
               "官方", "前台", "办公室", "邮箱", "热线")

# Free web-mail domains: a supplier's people writing from one of these instead of a company
# domain is a red flag (seed material on platform fraud); the platform report and the police
# report's indicator name them.
FREEMAIL = frozenset({
    "gmail.com", "googlemail.com", "hotmail.com", "outlook.com", "live.com", "msn.com", "yahoo.com",
    "yahoo.com.cn", "icloud.com", "aol.com", "qq.com", "foxmail.com", "163.com", "126.com", "yeah.net",
    "sina.com", "sina.cn", "sohu.com", "aliyun.com", "139.com", "189.cn", "tom.com",
})


def free_mail_domain(email: str | None) -> str | None:
    """The domain of a free web-mail address ("163.com"), None for any other address."""
    domain = (email or "").rsplit("@", 1)[-1].strip().lower()
    return domain if email and "@" in email and domain in FREEMAIL else None


def _key(name: str | None) -> str:
    return "".join((name or "").lower().split())


def title_of(role: str | None) -> str | None:
    """The catalogue key of a claimed role ("Director" -> "director"), None when not recognised."""
    return _TITLES.get(" ".join((role or "").lower().replace("-", " ").split())) if role else None


@record
class SelfStyled:
    contact: Contact
    title: str  # catalogue key of the title claimed


def recorded_names(case: Case) -> set[str]:
    s = case.supplier
    names = {s.legal_representative, s.legal_representative_zh}
    for sp in case.proceedings.suspects if case.proceedings else ():
        names |= {sp.name, sp.name_zh}
    return {_key(n) for n in names if n}


def _names(contact: Contact) -> set[str]:
    return {_key(contact.name), _key(contact.name_zh)} - {""}


def is_representative(case: Case, contact: Contact) -> bool:
    """The contact is the person the records name as the company's legal representative (a director
    of a Hong Kong company)."""
    s = case.supplier
    return bool(_names(contact) & ({_key(s.legal_representative), _key(s.legal_representative_zh)} - {""}))


def is_person(contact: Contact) -> bool:
    """The contact is a natural person, not a mailbox, desk or team (``person``, else its name)."""
    if contact.person is not None:
        return contact.person
    latin = " ".join((contact.name or "").lower().replace("-", " ").replace("_", " ").split())
    if "@" in latin or set(latin.replace("(", " ").replace(")", " ").split()) & _CHANNEL_WORDS:
        return False
    return not any(w in (contact.name_zh or "") or w in (contact.name or "") for w in _CHANNEL_ZH)


def on_record(case: Case, contact: Contact) -> bool:
    """The contact is a person the company's records name (the legal representative, a suspect)."""
    return bool(_names(contact) & recorded_names(case))


def self_styled(case: Case) -> tuple[SelfStyled, ...]:
    """The contacts whose claimed title no record gives them: every title but an office held by a
    person the records name (the lists print the same ones "自称", documents/_phrases.py)."""
    out = []
    for ct in case.supplier.contacts:
        title = title_of(ct.role)
        if title is not None and not (title in OFFICES and on_record(case, ct)):
            out.append(SelfStyled(ct, title))
    return tuple(out)
