"""The case's parties, payments, amounts and citations worded for one language.

Shared by the documents' context builders, so that every document names the
supplier, the order and the money the same way. Python decides which fact
applies (which name is the registered one, which identifier a company has);
the words come from the catalogue of the rendering (`words`): the subjects
``parties``, ``order``, ``payments`` and ``law`` under ``templates/<lang>/phrases/``.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Contact, Exhibit, Payment
from restitution.formatting import format_date
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules import CONFLICT_OF_LAWS_41, CRIMINAL_LAW_224, HK_THEFT_16A, HK_THEFT_17
from restitution.rules.citations import zh_number
from restitution.rules.people import OFFICES, on_record, title_of


def native(words: Catalogue, en: str | None, zh: str | None) -> str | None:
    """The value of a case's ``x`` / ``x_zh`` pair for the document's language, else the other."""
    return (zh or en) if words.language.chinese else (en or zh)


def titled_contact(case: Case, contact: Contact, name: str, words: Catalogue) -> str:
    """A contact's name with the title they gave (rules/people.py): "Kevin Ho（自称董事）", or
    "Kevin Ho（董事）" where the company's records name this person in that office."""
    title = title_of(contact.role)
    if title is None:
        return name
    word = words(f"parties.title.{title}")
    if title in OFFICES and on_record(case, contact):
        return words("parties.name_with_other", name=name, other=word)
    return words("parties.self_styled", name=name, title=word)


def with_other(words: Catalogue, name: str, other: str | None) -> str:
    """A name with its other-language form beside it, when there is a different one."""
    if not other or other == name:
        return name
    return words("parties.name_with_other", name=name, other=other)


# ------------------------------------------------------------------ citations

# rules.citations has no entry for the Civil Code; the demand letter and the
# settlement agreement are its only users so far. domain.md §D marks these
# articles [R]; their content (breach, statutory termination, effects of
# termination, scope of damages) is the settled text of the 2020 Code, which
# has not been amended. The words are the catalogue's (``law.civil_code``).


def civil_code(articles: tuple[int, ...], words: Catalogue) -> str:
    chinese = words.language.chinese
    nums = [words("law.article", number=zh_number(a) if chinese else str(a)) for a in articles]
    if len(nums) == 1:
        return words("law.civil_code.one", article=nums[0])
    joined = words("law.article_separator").join(nums[:-1]) + words("law.article_last_separator") + nums[-1]
    return words("law.civil_code.many", articles=joined)


def citations(words: Catalogue) -> "Citations":
    return Citations(
        art224=CRIMINAL_LAW_224.word(words),
        hk_16a=HK_THEFT_16A.word(words),
        hk_17=HK_THEFT_17.word(words),
        conflict_41=CONFLICT_OF_LAWS_41.word(words),
        cc_563=civil_code((563,), words),
        cc_566_577_584=civil_code((566, 577, 584), words),
    )


@record
class Citations:
    art224: str
    hk_16a: str
    hk_17: str
    conflict_41: str
    cc_563: str
    cc_566_577_584: str


# ------------------------------------------------------------------ names and labels


def supplier_name(case: Case, words: Catalogue) -> str:
    """The supplier's full name: registered Chinese name with the English trading name beside it."""
    s = case.supplier
    if not s.name_zh or s.name_zh == s.name:
        return s.name
    if words.language.chinese:
        return with_other(words, s.name_zh, s.name)
    return with_other(words, s.name, s.name_zh)


def client_name(case: Case, words: Catalogue) -> str:
    """The client's name. A Chinese document gives a Chinese party's own Chinese name first;
    a foreign party's Chinese name is a translation, printed as such after its name."""
    c = case.client
    if words.language.chinese and c.name_zh and c.name_zh != c.name:
        if c.name_zh_registered:
            return with_other(words, c.name_zh, c.name)
        return words("parties.name_translated", name=c.name, translation=c.name_zh)
    return c.name


def supplier_identifier(case: Case, words: Catalogue) -> tuple[str | None, str | None]:
    s = case.supplier
    if s.region == "mainland" and s.uscc:
        return words("parties.id.uscc"), s.uscc
    if s.region == "hong_kong" and s.hk_company_no:
        return words("parties.id.hk_company_no"), s.hk_company_no
    return None, None


def agent_address(case: Case, words: Catalogue) -> str | None:
    a = case.agent
    if a is None:
        return None
    return native(words, a.address, a.address_zh)


def supplier_address(case: Case, words: Catalogue) -> str | None:
    s = case.supplier
    return native(words, s.address, s.address_zh)


def payment_method(p: Payment, words: Catalogue) -> str:
    if p.method == "card" and p.card is not None:
        return words("payments.card", network=network_name(p.card.network, words), last4=p.card.last4)
    return words(f"payments.method.{p.method}")


def network_name(network: str, words: Catalogue) -> str:
    """A card network's name (in Chinese it is followed by 卡 or 规则: "万事达卡", "银联规则")."""
    return words(f"payments.network.{network}")


@record
class PaymentRow:
    date: dt.date
    amount: Decimal
    currency: str
    method: str
    reference: str
    proofs: tuple[Exhibit, ...] = ()  # the exhibits proving this payment (rules.facts); empty: a gap


def payment_rows(case: Case, words: Catalogue) -> list[PaymentRow]:
    """The payments in date order. The reference is the transaction reference only: a card
    statement's merchant descriptor names the merchant, not the payment (the chargeback letter
    prints it on its own line)."""
    from restitution.rules.facts import proofs_of

    rows = []
    for p in sorted(case.payments, key=lambda p: p.date):
        rows.append(PaymentRow(p.date, p.amount, p.currency, payment_method(p, words), p.reference or "—",
                               proofs_of(case, p)))
    return rows


def paid_total(case: Case) -> tuple[Decimal | None, str | None]:
    currencies = {p.currency for p in case.payments}
    if len(currencies) != 1:
        return None, None
    return sum((p.amount for p in case.payments), Decimal("0")), currencies.pop()


def outcome_text(case: Case, words: Catalogue) -> str:
    """What the supplier did; in English a past participle phrase after "has"/"have"."""
    return words(f"order.outcome.{case.outcome.kind}")


def order_number_kind(case: Case) -> str:
    """What `order.number` is: the buyer's purchase order ("purchase_order"), the order number the
    seller's own web shop gave ("web_shop"), or an order number of no known origin ("order").

    A consumer issues no purchase order: the number it holds is the one the shop gave its order,
    and a seller's lawyer would point at a "purchase order" that never existed. A business buyer
    (a company, or an individual buying for resale) is taken to have ordered by its own number."""
    c, o = case.client, case.order
    if c.kind != "individual" or o.for_resale:
        return "purchase_order"
    return "web_shop" if o.platform != "alibaba" and case.supplier.storefront else "order"


def order_ref(case: Case, words: Catalogue) -> str:
    """How the letter names the transaction: by order number, else by its date."""
    o = case.order
    if o.number:
        return words("order.ref.number", label=words("order.number." + order_number_kind(case)), number=o.number)
    return words("order.ref.date", date=format_date(o.date, words.language.code))


def _representative_key(case: Case) -> str:
    # a Hong Kong company has directors (董事), not a 法定代表人; elsewhere the title is unknown
    return case.supplier.region if case.supplier.region in ("mainland", "hong_kong") else "other"


def representative_label(case: Case, words: Catalogue) -> str:
    return words("parties.representative." + _representative_key(case))


def representative_in_text(case: Case, words: Catalogue) -> str:
    """The representative's title inside a sentence ("its legal representative")."""
    return words("parties.representative_in_text." + _representative_key(case))


def representative(case: Case, words: Catalogue) -> str | None:
    s = case.supplier
    return native(words, s.legal_representative, s.legal_representative_zh)
