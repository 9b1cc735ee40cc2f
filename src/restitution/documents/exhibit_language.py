"""Which exhibits a filing authority can read as they are, and which need a Chinese translation.

The evidence index marks an exhibit written in another language than Chinese
附中文译文 (证据规定 (2019) Art. 17 asks a translation of a foreign-language
exhibit only), so the mark must not fall on a Chinese paper. The case states an
exhibit's language with ``evidence[].language``; without it the toolkit
defaults:

- before the Hong Kong Police, who read English too: readable;
- a paper whose origin the case states is Chinese: an official record or
  licence formed in the mainland, Taiwan or Macao (``issued_in``, else the
  supplier's place for its registry record), any exhibit ``issued_in`` one of
  them, a paper of a mainland authority (a 受案回执 or 立案/不予立案 notice, a
  court's, a market regulator's or a notary's paper: named by its source or its
  Chinese form), and the settlement agreement signed with a mainland seller;
- anything else counts as foreign: the buyer is abroad, and its contract,
  wire slip and mails are.

Trade-off: the last default is usually right but not always (a chat on a
mainland app, a contract drawn in Chinese), and the toolkit cannot read the
file to tell. So it never guesses more: every exhibit left foreign by default
gets a located warning (`unstated_foreign`, `unstated_app_record` naming the
app where a title or payment says which), and the user states the language.
"""
from __future__ import annotations

import re

from restitution.case.model import Case, Exhibit

OFFICIAL = ("business_license", "registration_report")
_REGION_PLACE = {"mainland": "CN", "hong_kong": "HK"}
# Where Chinese is the official written language (Hong Kong papers are often English only).
_CHINESE_PLACES = frozenset({"CN", "TW", "MO"})

# A mainland authority, as a source names it; and the forms only a mainland police unit issues.
_MAINLAND_AUTHORITY = re.compile(
    r"公安|派出所|人民法院|人民检察院|市场监督管理|公证处|"
    r"public\s+security|people's\s+(?:court|procuratorate)|procuratorate|market\s+regulation|notary\s+office",
    re.IGNORECASE)
_MAINLAND_FORMS = re.compile(r"受案回执|受案回執|立案告知书|立案告知書|立案决定书|立案決定書|立案通知书|立案通知書|"
                             r"不予立案通知书|不予立案通知書|受案登记表|受案登記表")

# Mainland apps whose bills and chats are Chinese records for most users (the app's language
# follows the phone's, so not for all): what `unstated_app_record` looks for in a title or source.
_MAINLAND_APPS = re.compile(r"微信|WeChat|支付宝|Alipay|抖音|Douyin|淘宝|Taobao|天猫|Tmall|拼多多|Pinduoduo|闲鱼|"
                            r"钉钉|DingTalk|\bQQ\b|1688", re.IGNORECASE)


def issued_in(exhibit: Exhibit, case: Case) -> str | None:
    """Where an official document was formed: as the case says, else the client's country
    for its certificate of incorporation, the supplier's place for its registry record."""
    if exhibit.issued_in:
        return exhibit.issued_in.upper()
    if exhibit.kind == "business_license":
        return case.client.country.upper()
    if exhibit.kind == "registration_report":
        return _REGION_PLACE.get(case.supplier.region)
    return None


def chinese_by_origin(exhibit: Exhibit, case: Case) -> bool:
    """Whether what the case says of the exhibit's origin makes it a Chinese paper (module docstring)."""
    from restitution.case.settlement import is_signed_agreement

    if issued_in(exhibit, case) in _CHINESE_PLACES:
        return True
    if any(t and _MAINLAND_AUTHORITY.search(t) for t in (exhibit.source, exhibit.source_zh)):
        return True
    if any(t and _MAINLAND_FORMS.search(t) for t in (exhibit.title, exhibit.title_zh)):
        return True
    # made in the restitution talks in China, with a mainland seller: drawn in Chinese
    return case.supplier.region == "mainland" and is_signed_agreement(
        exhibit.kind, exhibit.title, exhibit.title_zh, exhibit.file_text)


def readable_as_filed(exhibit: Exhibit, case: Case) -> bool:
    """Whether the exhibit needs no Chinese translation where it is filed: a mainland unit reads
    Chinese only (an exhibit of unstated language counts as foreign unless its origin makes it
    Chinese, `chinese_by_origin`); the Hong Kong Police read English as well, and there an exhibit
    of unstated language is taken as English."""
    hk = case.supplier.region == "hong_kong"
    if exhibit.language is not None:
        return exhibit.language == "zh" or (hk and exhibit.language == "en")
    return hk or chinese_by_origin(exhibit, case)


def unstated_app_record(exhibit: Exhibit, case: Case) -> str | None:
    """The mainland app an exhibit of unstated language is a record of (a WeChat Pay or Alipay
    bill, a WeChat chat, a Douyin shop page), when a mainland unit would take it for a foreign
    one and the index would mark a Chinese translation attached: the app's name, else None.
    Such a record is most often in Chinese, but in English when the user's phone is: the toolkit
    cannot tell, so the warnings channel asks for ``evidence[].language`` rather than guessing."""
    if exhibit.language is not None or readable_as_filed(exhibit, case):
        return None
    texts = (exhibit.title, exhibit.title_zh, exhibit.source, exhibit.source_zh)
    found = next((m.group(0) for t in texts if t for m in [_MAINLAND_APPS.search(t)] if m), None)
    if found is None and exhibit.kind == "payment_proof":
        from restitution.rules.facts import proofs_of

        methods = {p.method for p in case.payments if exhibit in proofs_of(case, p)}
        if methods and methods <= {"alipay", "wechat_pay"}:
            found = " / ".join(sorted({"alipay": "Alipay", "wechat_pay": "WeChat Pay"}[m] for m in methods))
    return found


def unstated_foreign(case: Case) -> list[Exhibit]:
    """The exhibits of unstated language that the index marks foreign by default, other than the
    mainland app records (`unstated_app_record` names those one by one)."""
    return [e for e in case.evidence if e.language is None and not readable_as_filed(e, case)
            and unstated_app_record(e, case) is None]
