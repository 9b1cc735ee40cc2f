"""The packet guide / 文件使用说明: what to do with each file a render wrote.

Written with every render (``{id}_guide_{lang}.pdf`` in the client's
language, and a plain ``README.txt``; see `restitution.guide`), it tells the
client, for each document: who it goes to (with the address the case or the
rules know: the police bureau of the supplier's district, the platform's
fraud team, the card issuer), in what order, who signs it, whether it must
be notarised and apostilled (domain.md §A: a power of attorney signed
abroad; Hong Kong papers through a China-Appointed Attesting Officer), what
to enclose, and the deadlines of the plan.

It is a registered document so that its templates are checked like every
other (en/zh structure, variables), but it is not in the packet loop:
`guide.guide_files` renders it after the packet, passing the documents the
render made as ``extra={"docs": […]}``; without it, the guide covers every
document the case can make.

The history changes a step: once a report is filed, the power of attorney is
not offered for reporting (it says what it is still for: the pardon the
lawyer signs under its special authority, or what follows); the pardon's
step takes its signer and its enclosures from the pardon itself
(pardon_letter.signed_by_agent, .attachments), so the two cannot disagree,
and is due now once the agreed sum has arrived. A settlement instalment the
receipts cover is listed as paid, with the day it was received.

Order: the plan's (`plan.steps.next_steps`), so that the guide never tells
the client to do first what the plan says to do after: a card dispute whose
window is closing first (it does not wait for a notary), then the power of
attorney the lawyer acts on, then the reports, then the lawyer's letter (after
the report when the seller has vanished, and then it says so), then the rest.
Documents no open route of the plan names follow in packet order. Trade-off:
a deadline further off than the plan's `CLOSE_DAYS` no longer puts its step
first; its date is still printed against it.
"""
from __future__ import annotations

import datetime as dt

from restitution.case.model import Case
from restitution.case.stage import stage_of
from restitution.documents import DocumentSpec
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules.citations import zh_number

# Route ids of the plan (a prefix before ".") -> the document that acts on that route.
ROUTE_DOCUMENT = {"chargeback": "chargeback_letter", "trade_assurance": "trade_assurance_claim",
                  "police": "police_report", "demand_letter": "demand_letter", "samr_12315": "samr_complaint",
                  "police_payee": "police_report_payee", "police_resident": "police_report_resident",
                  "reconsideration": "reconsideration_application", "pardon": "pardon_letter"}
# The client's own card disputes: the one kind of step that does not need the lawyer's power of attorney.
CARD_ROUTES = ("chargeback.", "fcba.", "s75.", "payapp.")
# (The settlement's dates are the seller's instalments, not the client's: listed, never a "by" date.)
# Documents the client keeps or encloses rather than sends on their own.
NOT_SENT = frozenset({"evidence_index", "case_plan", "case_notes", "victims_schedule", "packet_guide"})
# Where a document is addressed: a catalogue key of guide.to.<key> ({name} filled from the case).
CLIENT_SIGNS = frozenset({"power_of_attorney", "police_report", "police_report_payee", "police_report_resident",
                          "chargeback_letter", "pardon_letter",
                          "trade_assurance_claim", "platform_fraud_report", "samr_complaint"})
# What each document goes with: other documents of the packet (when made) and papers (guide.papers.<key>).
ENCLOSE = {
    "power_of_attorney": ("identity",),
    "police_report": ("evidence_index", "evidence_bundle", "power_of_attorney", "identity"),
    "police_report_payee": ("evidence_index", "evidence_bundle", "power_of_attorney", "identity"),
    "police_report_resident": ("evidence_index", "evidence_bundle", "power_of_attorney", "identity"),
    "demand_letter": ("evidence_index",),
    "chargeback_letter": ("evidence_index", "payment_proof"),
    "trade_assurance_claim": ("evidence_index", "payment_proof"),
    "platform_fraud_report": ("evidence_index",),
    "samr_complaint": ("evidence_index", "power_of_attorney", "identity"),  # filed by the agent: the PoA original
    # the pardon's own enclosures: pardon_letter.attachments
}
# Papers (guide.papers.<key>) rather than documents of the packet.
PAPERS = frozenset({"identity", "payment_proof", "payment_proof_one", "signed_settlement", "restitution_receipts", "signatory_identity",
                    "identity_document", "poa_original"})


@record
class DueDate:
    date: dt.date
    what: str  # worded in the guide's language
    missed: bool
    paid_on: dt.date | None = None  # a settlement instalment the receipts cover: the day it was covered
    overdue: bool = False  # a settlement instalment past its day and unpaid: the seller's default, not missed


@record
class Step:
    key: str
    to: str  # who receives it, with the address the case or the rules know ("" for kept papers)
    client_signs: bool
    agent_signs: bool
    notarise: str  # "" | "apostille" | "attesting_officer" | "legalise" (see `_notarise`)
    enclose: tuple[str, ...]  # document keys of the packet and paper keys (guide.papers.*)
    due: tuple[DueDate, ...]  # open deadlines of its routes, soonest first
    letterhead: bool  # the firm speaks: printed on its letterhead
    signers: str = ""  # worded, where more than the client sign (the settlement agreement's parties)
    when: str = ""  # worded "by" line of a step with no dated deadline, where "send it soon" is wrong
    note: str = ""  # worded, what the client must know about this step (a power of attorney after the report)


@record
class PacketGuideContext:
    steps: tuple[Step, ...]
    kept: tuple[str, ...]  # documents for the file (index, plan), in packet order
    deadlines: tuple[DueDate, ...]  # every dated item of the plan, in order
    agent: bool
    today: dt.date  # the day the plan's deadlines are measured from (the render's date)
    papers: frozenset[str] = PAPERS  # enclosure keys that are papers (guide.papers.*), not documents


def _notarise(case: Case, key: str) -> str:
    """How a paper signed by the client abroad becomes usable in China (domain.md §A)."""
    if key != "power_of_attorney" or case.client.country == "CN":
        return ""
    if case.client.country == "HK":
        return "attesting_officer"  # China-Appointed Attesting Officer, not the apostille
    if case.client.country == "IN":
        return "legalise"  # India objected to China's accession: consular legalisation [S]
    return "apostille"  # notarised, then apostilled (Convention in force for China since 2023-11-07)


def _to(case: Case, key: str, words: Catalogue) -> str:
    from restitution.rules.police import police_route

    s, a = case.supplier, case.agent
    if key == "power_of_attorney":
        names = ((a.firm_zh or a.firm or a.name_zh or a.name) if words.language.chinese
                 else (a.firm or a.name)) if a else ""
        return words("guide.to.power_of_attorney", name=names)
    if key in ("demand_letter", "settlement_agreement"):
        zh = words.language.chinese
        copies = settlement_copies(case)
        return words(f"guide.to.{key}", name=(s.name_zh or s.name) if zh else s.name,
                     address=(s.address_zh or s.address or "") if zh else (s.address or s.address_zh or ""),
                     copies=zh_number(copies) if zh else str(copies))
    if key == "police_report":
        route = police_route(case)
        # the Hong Kong Police take the buyer's own report: no mainland lawyer files it
        which = "police_report_hong_kong" if route.region == "hong_kong" else "police_report"
        return words(f"guide.to.{which}", name=route.body(words) or "")
    if key == "police_report_payee":  # the bureau where a mainland company received the money (rules/payee.py)
        from restitution.rules.payee import reportable_payee

        payee = reportable_payee(case)
        unit = f"{payee.bureau}{payee.unit}" if payee and payee.bureau else ""
        return words("guide.to.police_report", name=unit)
    if key == "police_report_resident":  # the bureau where a suspect lives in the mainland (rules/residence.py)
        from restitution.rules.residence import mainland_resident

        resident = mainland_resident(case)
        return words("guide.to.police_report", name=f"{resident.bureau}{resident.unit}" if resident else "")
    if key in ("supplementary_submission", "reconsideration_application"):
        # to the unit that holds the report (a reconsideration: the bureau that refused)
        r = case.proceedings.police_report if case.proceedings else None
        first, second = ((r.authority_zh, r.authority) if words.language.chinese
                         else (r.authority, r.authority_zh)) if r else (None, None)
        return words(f"guide.to.{key}", name=first or second or police_route(case).body(words) or "")
    if key == "chargeback_letter":
        issuers = sorted({p.card.issuer for p in case.card_payments if p.card and p.card.issuer})
        return words("guide.to.chargeback_letter", name=", ".join(issuers) or words("guide.to.issuer"))
    if key == "platform_fraud_report":
        # how to send it, said to the client here and not on the page the platform receives
        return words("guide.to.platform_fraud_report", name=words(f"platform.recipient.{case.order.platform}"))
    if key == "samr_complaint":
        from restitution.documents.samr_complaint import market_bureau

        return words("guide.to.samr_complaint",
                     name=market_bureau(s.province_zh or "", s.city_zh or "", s.district_zh or ""))
    if key == "pardon_letter":
        from restitution.documents.pardon_letter import addressee

        which = "pardon_letter_paid" if stage_of(case).settlement == "paid" else "pardon_letter_early"
        return words(f"guide.to.{which}", name=addressee(case, words) or words("guide.to.authority"))
    return words(f"guide.to.{key}")


def settlement_copies(case: Case) -> int:
    """The originals the agreement is signed in, as its last article counts them: one for each
    party (the client, the seller, each payer or guarantor) and one for the authority."""
    return 3 + (len(case.settlement.payers) if case.settlement else 0)


def settlement_signers(case: Case, words: Catalogue) -> str:
    """Who signs the drafted agreement, as its signature blocks list them (settlement_agreement.md.j2)."""
    from restitution.formatting.names import join_list

    zh = words.language.chinese
    people = [words("guide.sign.client_or_agent") if case.agent else words("guide.sign.client"),
              words("guide.sign.seller")]
    for p in case.settlement.payers if case.settlement else ():
        people.append(words(f"guide.sign.{p.role}", name=(p.name_zh or p.name) if zh else p.name))
    return join_list(people, words.language)


def _pardon(case: Case, words: Catalogue, made: tuple[str, ...]) -> dict:
    """The pardon's step as the pardon itself has it: who signs (pardon_letter.signed_by_agent), what it
    encloses (pardon_letter.attachments), and when: now that the money is in, not "before the loss grows"."""
    from restitution.documents.pardon_letter import attachments, signed_by_agent
    from restitution.formatting import format_date
    from restitution.plan.history import paid_in_full_on

    a = case.agent
    signers = words("guide.sign.client")
    if signed_by_agent(case) and a is not None:
        name = (a.name_zh or a.name) if words.language.chinese else a.name
        signers = words("guide.sign.pardon_agent", name=name)
    full = paid_in_full_on(case)
    when = (words("guide.when.pardon_paid", date=format_date(full, words.language)) if full
            else words("guide.when.pardon_early"))
    return {"enclose": attachments(case, made), "signers": signers, "when": when}


def _power_after_report(case: Case, words: Catalogue, made: tuple[str, ...]) -> dict:
    """A power of attorney once the report is filed: not for reporting any more. The lawyer who signs
    the pardon needs the special authority to sign one; else it serves only what follows, if needed."""
    from restitution.documents.pardon_letter import signed_by_agent
    from restitution.formatting import format_date

    st = stage_of(case)
    if not st.reported or st.filed_on is None or case.supplier.region == "hong_kong":
        return {}
    filed = format_date(st.filed_on, words.language)
    if "pardon_letter" in made and signed_by_agent(case):
        return {"note": words("guide.poa_after_report.pardon", date=filed), "when": words("guide.when.before_pardon")}
    return {"note": words("guide.poa_after_report.other", date=filed), "when": words("guide.when.if_needed")}


def _demand_after_report(case: Case, words: Catalogue, made: tuple[str, ...]) -> dict:
    """A demand letter goes out only after the police report the packet holds is filed, when it is also
    addressed to the company that received the money, or when the seller has vanished (the plan's
    notes plan.steps.payee_first / report_first): sent first, it would warn them to move the money."""
    from restitution.plan.steps import addressed_payee
    from restitution.rules.demand import seller_vanished
    from restitution.rules.reason import say

    holder = addressed_payee(case)
    reports = {"police_report", "police_report_payee"} & set(made)
    if not reports or stage_of(case).reported:
        return {}
    if holder is not None:
        return {"when": words("guide.when.after_report_payee", holder=say(holder, words))}
    if seller_vanished(case) and "police_report" in made:
        return {"when": words("guide.when.after_report")}
    return {}


def _plan_order(case: Case, plan) -> dict[str, float]:
    """Each document's place in the plan's order of steps: where the first open route it acts on stands;
    the power of attorney just before the first step the lawyer takes (any but a card dispute)."""
    from restitution.plan.steps import next_steps

    order: dict[str, float] = {}
    for i, step in enumerate(next_steps(case, plan)):
        key = ROUTE_DOCUMENT.get(step.route.split(".")[0])
        if key:
            order.setdefault(key, i)
        if not step.route.startswith(CARD_ROUTES):
            order.setdefault("power_of_attorney", i - 0.5)
    order.setdefault("power_of_attorney", -0.5)
    return order


def context(case: Case, words: Catalogue, date: dt.date, docs: tuple[str, ...] | None = None) -> PacketGuideContext:
    from restitution import documents
    from restitution.plan import make_plan
    from restitution.rules.reason import say

    made = list(docs) if docs is not None else [k for k in documents.applicable(case, date)
                                                  if documents.get(k).in_packet(case)]
    plan = make_plan(case, date)
    dated = tuple(DueDate(d.date, say(d.what, words), d.missed, d.paid_on, d.missed and d.kind == "due")
                  for d in plan.deadlines)
    due: dict[str, list[DueDate]] = {}
    for d, worded in zip(plan.deadlines, dated):
        key = ROUTE_DOCUMENT.get(d.route.split(".")[0])
        # A day something opens is no "by" date, nor is one already past.
        if key and not d.missed and d.kind not in ("earliest", "ends") and d.date >= date:
            due.setdefault(key, []).append(worded)
    agent_sends = case.agent is not None and case.claim.sender == "agent"
    steps = []
    for key in made:
        if key in NOT_SENT:
            continue
        signed = case.settlement is not None and case.settlement.signed_on is not None
        papers = tuple(p for p in ENCLOSE.get(key, ())
                       if p in made or p in ("identity", "payment_proof") or (p == "evidence_bundle" and case.evidence)
                       or (p == "signed_settlement" and signed))
        if case.client.kind != "company":  # a person proves who they are by passport, not a certificate
            papers = tuple("identity_document" if p == "identity" else p for p in papers)
        if len(case.payments) == 1:  # "the proof of each payment" of a case paid once
            papers = tuple("payment_proof_one" if p == "payment_proof" else p for p in papers)
        if key == "police_report" and case.supplier.region == "hong_kong":
            papers = tuple(p for p in papers if p != "power_of_attorney")  # filed by the buyer itself
        firm = key == "demand_letter" and agent_sends
        own = (_pardon(case, words, tuple(made)) if key == "pardon_letter"
               else _power_after_report(case, words, tuple(made)) if key == "power_of_attorney"
               else _demand_after_report(case, words, tuple(made)) if key == "demand_letter" else {})
        steps.append(Step(key, _to(case, key, words), key in CLIENT_SIGNS or (key == "demand_letter" and not firm)
                          or key == "settlement_agreement", firm, _notarise(case, key), own.get("enclose", papers),
                          tuple(due.get(key, ())), firm,
                          settlement_signers(case, words) if key == "settlement_agreement" else own.get("signers", ""),
                          own.get("when", ""), own.get("note", "")))
    packet = {k: i for i, k in enumerate(documents.available())}
    planned = _plan_order(case, plan)
    # what no open route names (a supplementary submission, an agreement to sign) after, in packet order
    steps.sort(key=lambda s: (planned.get(s.key, len(packet)), packet.get(s.key, len(packet))))
    kept = tuple(k for k in made if k in NOT_SENT)
    return PacketGuideContext(tuple(steps), kept, dated, case.agent is not None, date)


def _context(case: Case, words: Catalogue, date: dt.date) -> PacketGuideContext:
    return context(case, words, date)


SPEC = DocumentSpec(
    key="packet_guide",
    file_reference=True,
    context=_context,
    in_packet=lambda case: False,  # written beside every packet by `restitution.guide`, not as one of it
    firm_speaks=lambda case: True,  # with a firm's profile, the firm's instructions to its client
)
