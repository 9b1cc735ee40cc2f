"""The power of attorney (授权委托书) the client signs for the PRC lawyer.

domain.md §A and pitfalls 2 and 3: the powers are listed one by one, with
express special authority to settle, sign a written pardon and receive
restitution; the term is stated; and the closing note says how a foreign
principal's signature is authenticated, which depends on where the client
is: an apostille since the Convention entered into force for China on
7 November 2023, consular legalisation where it does not apply between the
two states, or the China-Appointed Attesting Officer route from Hong Kong.

The instrument serves the Mainland route only: the matter is described
with the offence the mainland report pleads (contract fraud, Criminal Law
Art. 224), and for a Hong Kong supplier it says that the report to the Hong
Kong Police is the client's own, since a PRC lawyer's powers before that
force are not the Mainland's to grant (issue 16, point 9). Sub-delegation
(转委托, Civil Code (2020) Art. 169) is stated either way by
``agent.sub_delegation`` (default: not allowed). The signing date is left
blank: it is the day of signature before the notary, not the render date.

A lawyer often acts before the instrument is signed and certified: the report
is filed, a lawyer's letter sent, restitution negotiated. When the case file
records such steps before the render date (``proceedings``, a lawyer's
demand letter, a settlement), the instrument ratifies what the agent has
already done for the principal in the matter (追认, Civil Code (2020)
Art. 171(1): an act without authority binds the principal once ratified),
naming the kinds of act the record shows, so that a unit or the seller's
lawyer cannot question the earlier steps for want of authority.

An instrument attested by a China-Appointed Attesting Officer in Hong Kong
states its use and its place of use in the mainland (domain.md §H.6, one
source [S]): the mainland seller's city, where the report is handled, or
the Mainland as a whole when the case gives no such place.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case
from restitution.case.proceedings import PoliceReportFiled
from restitution.documents import DocumentSpec
from restitution.documents._history import recorded_unit
from restitution.documents.samr_complaint import IN_PACKET as SAMR_OUTCOMES
from restitution.errors import DocumentNotApplicable
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules import CRIMINAL_LAW_224
from restitution.rules.loss import loss_in_cny

# Where a power of attorney signed in the client's country is authenticated
# for use in mainland China. Kept deliberately small: a country not listed
# gets the conditional note ("apostille if the Convention applies, otherwise
# legalisation") that is right either way. Confidence marks follow domain.md.
APOSTILLE = frozenset({
    # Contracting states of the Apostille Convention that apply it with China
    # (accession in force for China 2023-11-07 [C]); membership of each [R]
    # from general knowledge of the HCCH status table, except Canada, which
    # joined on 2024-01-11 [C].
    # Germany is left out on purpose until the domain notes settle it: a
    # reviewer recalled an objection to China's accession [R], while public
    # pages (German missions in China; services quoting the Chinese embassy in
    # Germany) say the Convention applies between the two and the embassy no
    # longer legalises. The conditional note is right either way.
    "US", "GB", "IE", "FR", "IT", "ES", "PT", "NL", "BE", "LU", "AT", "CH",
    "SE", "NO", "DK", "FI", "IS", "PL", "CZ", "GR", "JP", "KR", "AU", "NZ",
    "CA", "SG", "MX", "BR", "ZA", "IL", "TR",
})
# Contracting states that objected to China's accession, so the Convention
# does not apply between them and China: India [S] (domain.md §A).
APOSTILLE_OBJECTED = frozenset({"IN"})
# States outside the Convention: consular legalisation [R] (not found in the
# Convention's status table as far as recalled; check before relying on it).
NOT_PARTY = frozenset({"AE", "VN", "TH", "MY", "EG", "NG"})
# Chinese regions with their own routes into the Mainland; Hong Kong's is
# the China-Appointed Attesting Officer [C].
OTHER_REGIONS = frozenset({"MO", "TW"})


def authentication(country: str) -> str:
    """How a power of attorney signed in `country` is authenticated for mainland use."""
    code = country.upper()
    if code == "CN":
        return "domestic"
    if code == "HK":
        return "hong_kong"
    if code in OTHER_REGIONS:
        return "other_region"
    if code in APOSTILLE:
        return "apostille"
    if code in APOSTILLE_OBJECTED or code in NOT_PARTY:
        return "legalisation"
    return "unknown"


def check(case: Case) -> None:
    agent = case.agent
    if agent is None:
        raise DocumentNotApplicable(
            "the power of attorney needs an agent (agent: name, firm, license_no)", case.locate("agent"))
    missing = [k for k in ("firm", "license_no") if not getattr(agent, k)]
    if missing:
        # A PoA naming a lawyer without firm and licence number is not accepted by the police.
        keys = ", ".join(f"agent.{k}" for k in missing)
        raise DocumentNotApplicable(
            f"the power of attorney identifies the lawyer by firm and licence number ({keys})",
            case.locate(f"agent.{missing[0]}"))
    client = case.client
    if client.kind == "company" and client.representative is None:
        raise DocumentNotApplicable(
            "a company signs the power of attorney through an authorised signatory "
            "(client.representative: name, title)", case.locate("client"))
    if not client.registration_no:
        what = "company registration number" if client.kind == "company" else "passport number"
        raise DocumentNotApplicable(
            f"the power of attorney identifies the principal by its {what} (client.registration_no)",
            case.locate("client"))


@record
class PowerOfAttorneyContext:
    authentication: str  # domestic, hong_kong, other_region, apostille, legalisation, unknown
    apostille_objection: bool
    # No case key fixes the end of the term yet; an agent.term_until (or
    # similar) would be read here. Until then the term runs to the end of
    # the proceedings and of the recovery.
    term_until: dt.date | None
    offence: str  # the suspected offence as the matter states it, with its citation
    # The loss in RMB as the police report states it (rules.offence.loss_in_cny): payment by
    # payment at each day's parity when the case gives them (per_payment), else the claim's rate.
    loss_cny: Decimal | None
    per_payment: bool
    hong_kong: bool  # the supplier is in Hong Kong: the instrument serves the Mainland route only
    sub_delegation: bool
    # Steps recorded before the render date that the agent may have taken: the instrument ratifies them.
    prior_report: PoliceReportFiled | None = None
    prior_unit: str | None = None  # the unit that holds that report, in the document's language
    prior_letter: dt.date | None = None  # the lawyer's demand letter, when sent
    prior_settlement: bool = False
    # Attested in Hong Kong: the instrument states its use and its mainland place of use
    # (domain.md §H.6 [S]): the seller's city, where the report is handled; None otherwise.
    place_of_use: str | None = None
    # A 12315 complaint or report is a route of the case (documents/samr_complaint.py's packet rule):
    # the instrument grants the power to file it (fourth review N-5).
    samr: bool = False

    @property
    def ratify(self) -> bool:
        return self.prior_report is not None or self.prior_letter is not None or self.prior_settlement


def context(case: Case, words: Catalogue, date: dt.date) -> PowerOfAttorneyContext:
    country = case.client.country.upper()
    p = case.proceedings
    report = p.police_report if p and p.police_report and p.police_report.filed_on <= date else None
    letter = p.demand_letter if p and p.demand_letter and case.claim.sender == "agent" else None
    loss = loss_in_cny(case)
    return PowerOfAttorneyContext(
        authentication=authentication(country),
        apostille_objection=country in APOSTILLE_OBJECTED,
        term_until=getattr(case.agent, "term_until", None),
        offence=offence(case, words),
        loss_cny=loss.amount,
        per_payment=bool(loss.per_payment),
        hong_kong=case.supplier.region == "hong_kong",
        sub_delegation=bool(case.agent and case.agent.sub_delegation),
        prior_report=report,
        prior_unit=recorded_unit(case, words) if report else None,
        prior_letter=letter.sent_on if letter and letter.sent_on <= date else None,
        prior_settlement=case.settlement is not None,
        place_of_use=place_of_use(case, words) if authentication(country) == "hong_kong" else None,
        samr=case.supplier.region == "mainland" and case.outcome.kind in SAMR_OUTCOMES,
    )


def place_of_use(case: Case, words: Catalogue) -> str:
    """Where in the mainland the instrument is used: the mainland seller's province and city (its
    registered place, where the report is filed and the case handled), else the Mainland as a whole."""
    s = case.supplier
    if s.region == "mainland" and s.province_zh and s.city_zh:
        return s.province_zh + ("" if s.city_zh == s.province_zh else s.city_zh)
    return words("parties.place_of_use_mainland")


def offence(case: Case, words: Catalogue) -> str:
    """The offence named in the matter: the mainland report's (contract fraud) where the
    supplier is in China, Hong Kong included (its mainland staff or accounts are what a
    mainland report reaches); plain fraud for a supplier elsewhere."""
    if case.supplier.region in ("mainland", "hong_kong"):
        return words("parties.offence.contract_fraud", cite=CRIMINAL_LAW_224.word(words))
    return words("parties.offence.fraud")


SPEC = DocumentSpec(
    key="power_of_attorney",
    check=check,
    language_clause=True,  # its last article says the Chinese text prevails
    context=context,
)
