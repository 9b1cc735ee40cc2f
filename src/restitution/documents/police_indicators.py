"""The indicators of intent to take possession illegally (非法占有目的), each with its proof.

A unit of 经侦 reads an indicator asserted flat as the buyer's opinion. So
each one names the exhibits that show it, found by what the exhibit is (its
kind, its source, the payment it proves, its date), or, where no exhibit
does, is stated as what the reporter has learned, for the bureau to verify.
Trade-off: the format links no exhibit to an indicator, so the link is
inferred conservatively from kinds and dates; an indicator with no matching
exhibit is hedged rather than pointed at a loosely related one. Nothing is
said that the case does not state, and a secretarial registered office in
Hong Kong is never called a false address (it is lawful there). The escrow
refused is the platform's only where the order went through one; an order placed
directly with the seller had none, and the line says a secured means of payment
was refused. Personal e-mail is said of the contacts whose address is on a free
web-mail domain, by name (the legal representative as such), and "hard to trace"
only of someone the records do not name.
"""
from __future__ import annotations

from collections.abc import Callable, Iterable
from decimal import Decimal

from restitution.case.model import Case, Contact, Exhibit, Payment
from restitution.documents._phrases import native, representative_in_text
from restitution.formatting import format_date, format_money
from restitution.language.catalogue import Catalogue
from restitution.rules.conduct import StatedForgery, address_finding, address_finding_proofs, stated_forgery
from restitution.rules.facts import EscrowRefusal, absconded, escrow_refusal, proofs_of
from restitution.rules.loss import small_capital
from restitution.rules.offence import forged_exhibits
from restitution.rules.payee import is_legal_representative, payees
from restitution.rules.people import free_mail_domain, is_representative, on_record, title_of


def refs(words: Catalogue, exhibits: Iterable[Exhibit]) -> str:
    """"Exhibit 3" / "Exhibits 3 and 4" / 证据3、证据4, as the ``refs`` template filter writes them."""
    from restitution.formatting import join_list

    nums = sorted({e.number for e in exhibits})
    if len(nums) == 1:
        return words("common.exhibit", number=nums[0])
    if words.language.chinese:
        return words("common.exhibit_separator").join(words("common.exhibit", number=n) for n in nums)
    return words("common.exhibits", numbers=join_list([str(n) for n in nums], words.language.code))


def _kinds(case: Case, *kinds: str) -> list[Exhibit]:
    return [e for e in case.evidence if e.kind in kinds]


def _last_contact_proof(case: Case) -> list[Exhibit]:
    """Correspondence dated on or after the last answer (it shows the last answer and the silence after)."""
    last = case.outcome.last_contact
    return [e for e in _kinds(case, "emails") if last is not None and e.date is not None and e.date >= last]


def registry_exhibits(case: Case) -> list[Exhibit]:
    """The supplier's registration report (企业信用信息公示报告), found by its source."""
    return [e for e in case.evidence if e.kind == "registration_report"
            or (e.source == "registry_search" and e.kind != "business_license")]


# What the reporter saw itself (it paid, it was told where to pay, it received the goods and the
# mails, its messages went unanswered) is its own account, stated as such; only what it learned from
# others (an address no one operates at, a document another party says is false) is for the police
# to verify.
FIRST_HAND = frozenset({"absconded", "absconded_last_contact", "unreachable_since", "third_party_payee",
                        "refused_escrow", "refused_escrow_paid", "off_platform", "shipped_junk",
                        "shipped_counterfeit", "personal_email", "refused_secured", "refused_secured_before",
                        "personal_email_named", "personal_email_named_untraced"})


def _line(words: Catalogue, text: str, proof: list[Exhibit], public: str | None, hk: bool,
          first_hand: bool = False) -> str:
    """``public``: where anyone can check the fact (a public register), said when no exhibit shows it;
    ``first_hand``: the reporter's own experience, stated without a hedge when no exhibit shows it."""
    text = text.rstrip("。.")  # the wrapper closes the sentence after the exhibit numbers
    if proof:
        return words("police_report.indicator.proved", text=text, refs=refs(words, proof))
    if public:
        return words(f"police_report.indicator.public_{public}", text=text)
    if first_hand:
        return words("police_report.indicator.first_hand", text=text)
    return words("police_report.indicator.learned_hk" if hk else "police_report.indicator.learned", text=text)


def off_platform_text(words: Catalogue, paid: Iterable[Payment]) -> str:
    """"2026年8月6日支付的4,500.00英镑" / "the GBP 4,500.00 paid on 6 August 2026", joined."""
    code = words.language.code
    items = [words("police_report.indicator.off_platform_payment", date=format_date(p.date, code),
                   amount=format_money(p.amount, p.currency, code)) for p in paid]
    return words("police_report.indicator.off_platform_separator").join(items)


def _refusal(case: Case, words: Catalogue, refusal: EscrowRefusal) -> tuple[str, dict[str, str]]:
    """The indicator key and its values for the refused escrow. An order placed directly with the
    seller had no platform escrow to refuse: what was refused is a secured means of payment, and what
    was insisted on is said as the payments show it (before shipment, the whole price, by wire)."""
    if refusal.platform or refusal.off:
        key = "refused_escrow" if not refusal.off else "refused_escrow_paid" if refusal.outright else "off_platform"
        return key, {"payments": off_platform_text(words, refusal.off)}
    pays, out, total = case.payments, case.outcome, case.order.total
    delivered = out.delivered_on
    before = (out.kind == "not_delivered" and delivered is None) or (
        delivered is not None and all(p.date <= delivered for p in pays))
    paid = sum((p.amount for p in pays if p.currency == case.order.currency), Decimal(0))
    full = total is not None and paid >= total
    wire = all(p.method == "wire" for p in pays)
    return ("refused_secured_before" if before else "refused_secured",
            {"amount": words("police_report.indicator.secured_amount." + ("full" if full else "part")),
             "means": words("police_report.indicator.secured_means." + ("wire" if wire else "other"))})


def _mail_user(case: Case, words: Catalogue, contact: Contact) -> str:
    """A contact who wrote from free web-mail, named as the records or their own claim make them."""
    name = native(words, contact.name, contact.name_zh) or ""
    if is_representative(case, contact):
        return words("police_report.indicator.mail_user_representative", title=representative_in_text(case, words),
                     name=name)
    title = title_of(contact.role)
    if title is not None and not on_record(case, contact):
        return words("parties.self_styled", name=name, title=words(f"parties.title.{title}"))
    return name


def _personal_email(case: Case, words: Catalogue) -> tuple[str, dict[str, str]]:
    """Who wrote from free web-mail and from which domains, as the contacts show it; when no contact's
    address is on a known free-mail domain, the case cannot say who: the people it dealt with."""
    # the representative first: the sentence opens with the person the records name
    users = sorted((c for c in case.supplier.contacts if free_mail_domain(c.email)),
                   key=lambda c: not is_representative(case, c))
    if not users:
        return "personal_email", {}
    domains = list(dict.fromkeys(free_mail_domain(c.email) or "" for c in users))
    sep = words("police_report.indicator.off_platform_separator")
    untraced = not all(on_record(case, c) for c in users)  # a name the records do not give may not be theirs
    return ("personal_email_named_untraced" if untraced else "personal_email_named",
            {"who": sep.join(_mail_user(case, words, c) for c in users),
             "domains": sep.join(domains)})


def _days_before_order(case: Case) -> int | None:
    reg = case.supplier.registered_on
    if reg is None or reg > case.order.date:
        return None
    return (case.order.date - reg).days


def forged_when(words: Catalogue, stated: StatedForgery) -> str:
    """"订立合同前，于2026年7月2日" / "于2026年8月3日" / "" (no date declared)."""
    if stated.shown_on is None:
        return words("police_report.indicator.forged_when_undated")
    return words("police_report.indicator.forged_when_before" if stated.before_contract
                 else "police_report.indicator.forged_when", date=format_date(stated.shown_on, words.language.code))


def _forged(case: Case, words: Catalogue, add: Callable[..., None]) -> None:
    """What was forged and when: the forged paper the case declares (``indicators.forgery``,
    rules/conduct.py), by its title or what it claimed; forged exhibits by their titles, with what
    they served (inducing a payment, or faking performance after the last one); else only that
    papers were forged, hedged."""
    stated = stated_forgery(case)
    if stated is not None:
        when = forged_when(words, stated)
        called = stated.title_zh if words.language.chinese else stated.title
        if called:  # by what the case calls it; in Chinese only from its declared twin
            add("forged_titled" if stated.kind == "other" else f"forged_{stated.kind}_titled", list(stated.proofs),
                when=when, title=called)
        elif stated.kind != "other":  # the kind's own words
            add(f"forged_{stated.kind}", list(stated.proofs), when=when)
        else:
            add("forged_documents", list(stated.proofs))
        return
    forged = list(forged_exhibits(case))
    if not forged:
        add("forged_documents", [])
        return
    title = (lambda e: e.title_zh or e.title) if words.language.chinese else (lambda e: e.title)
    code = words.language.code
    # the exhibit is the forged paper itself: the forgery is stated with the day it was given, no hedge
    # (one paper: "于2026年5月20日向报案人提供伪造的验厂报告"; several: each with its date)
    one = forged[0].date if len(forged) == 1 else None
    when = (words("police_report.indicator.forged_when", date=format_date(one, code)) if one
            else words("police_report.indicator.forged_when_undated"))

    def named(e: Exhibit) -> str:
        if one is None and e.date is not None:
            return words("police_report.indicator.forged_doc_dated", title=title(e), date=format_date(e.date, code))
        return title(e)
    last = max((p.date for p in case.payments), default=None)
    dated = [e.date for e in forged if e.date is not None]
    aim = ""
    if last is not None and dated and len(dated) == len(forged):
        after = all(d > last for d in dated)
        aim = words("police_report.indicator.forged_aim_delay" if after else "police_report.indicator.forged_aim_induce")
    add("forged_exhibits", forged, docs=words("police_report.indicator.off_platform_separator").join(
        named(e) for e in forged), aim=aim, when=when)


def indicators(case: Case, words: Catalogue, to_hk_police: bool | None = None) -> list[str]:
    """The true indicators of 非法占有目的, strongest first, each with its exhibits or hedged.

    ``to_hk_police``: the report goes to the Hong Kong Police (default: a Hong Kong supplier), who,
    not a bureau, verify what the reporter only knows."""
    if to_hk_police is None:
        to_hk_police = case.supplier.region == "hong_kong"
    ind, out, s = case.indicators, case.outcome, case.supplier
    code = words.language.code
    lines: list[str] = []

    # a registration fact can be checked by anyone in the register of the supplier's region
    register = "mainland" if s.region == "mainland" else "hong_kong"

    def add(key: str, proof: list[Exhibit], public: str | None = None, **values: object) -> None:
        lines.append(_line(words, words(f"police_report.indicator.{key}", **values), proof, public,
                           to_hk_police, key in FIRST_HAND))

    if absconded(case):
        if out.last_contact:
            add("absconded_last_contact", _last_contact_proof(case), date=format_date(out.last_contact, code))
        else:
            add("absconded", [])
    elif out.seller_unreachable and out.last_contact:
        # the facts rule out absconding with the money (rules.facts); that it stopped answering stays true
        add("unreachable_since", _last_contact_proof(case), date=format_date(out.last_contact, code))
    for payee in payees(case):
        holder = native(words, payee.account.holder, payee.account.holder_zh) or payee.account.account
        proof = [e for p in payee.payments for e in proofs_of(case, p)]
        if payee.payments and is_legal_representative(case, payee.account):  # company money, personal account
            lines.append(_line(words, words("payments.personal.indicator_representative", holder=holder), proof,
                               None, to_hk_police, True))
        else:
            add("third_party_payee", proof, holder=holder)
    if ind.fake_address:
        # a secretarial registered office is lawful in Hong Kong: say what is true, not "fake"
        en, zh = address_finding(case) if s.region != "hong_kong" else (None, None)
        said = zh if words.language.chinese else en  # Chinese only from its declared twin: else the hedge
        if said:  # what the case records at the address, the reporter's own account: no hedge
            lines.append(_line(words, words("police_report.indicator.address_fact", text=said),
                               address_finding_proofs(case), None, to_hk_police, first_hand=True))
        else:
            add("hk_no_business_at_office" if s.region == "hong_kong" else "fake_address", [])
    if ind.forged_documents or forged_exhibits(case):
        _forged(case, words, add)
    if ind.shipped_junk or out.kind in ("junk_delivered", "counterfeit"):
        add("shipped_counterfeit" if out.kind == "counterfeit" else "shipped_junk",
            _kinds(case, "test_report", "authentication_letter"))
    if ind.recently_registered:
        days, registered = _days_before_order(case), s.registered_on
        if days is not None and registered is not None:
            add("registered_on", registry_exhibits(case), register, date=format_date(registered, code), days=days)
        else:
            add("recently_registered", registry_exhibits(case), register)
    capital = ind.registered_capital_cny
    if capital is not None and small_capital(case) and s.region == "mainland":  # a tenth of the loss at most
        add("small_capital", registry_exhibits(case), register, capital=format_money(capital, "CNY", code))
    refusal = escrow_refusal(case)  # None: not stated, or every payment went through the platform
    if refusal is not None:
        # name the payments that went outside the platform; a later platform payment means no outright refusal
        key, values = _refusal(case, words, refusal)
        add(key, _kinds(case, "proforma_invoice"), **values)
    if ind.personal_email_used:
        key, values = _personal_email(case, words)
        add(key, _kinds(case, "emails"), **values)
    return lines
