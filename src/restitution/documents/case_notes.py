"""Notes for the client and the lawyer: what is not filed with any authority.

Everything the toolkit has to tell the people running the case, and that must
not reach a police unit, a bank, a platform or the seller, is gathered here,
one document per case (en, zh, bilingual like the others): the reporter's
advice and the bureau's deadlines (once the police report's last page, which
made the filed copy read "page 4 of 5"), the evidence still to gather, the
entries still to translate and how exhibits are to be certified (once the
evidence index's sections, which told the suspect which evidence is missing:
the index is served on the other side in civil proceedings), the Trade
Assurance claim's warnings (once a box addressed to the buyer inside the
claim), how the power of attorney is signed and certified (once a notes
box inside the instrument the notary certifies), and what to check before
the 12315 complaint or report is filed (once a notes box at its foot, which
told the bureau that its own name was a guess).

Each part reuses the context of the document it came from, so the notes and
the filed documents are computed once and cannot disagree; a part whose
document the case cannot make is left out (None or empty).
"""
from __future__ import annotations

import datetime as dt

from restitution.case.model import Case
from restitution.case.stage import stage_of
from restitution.documents import DocumentSpec
from restitution.documents import evidence_index, power_of_attorney, samr_complaint, trade_assurance_claim
from restitution.documents._phrases import PaymentRow, payment_rows
from restitution.documents.evidence_index import EvidenceIndexContext
from restitution.documents.power_of_attorney import PowerOfAttorneyContext
from restitution.documents.samr_complaint import SamrContext
from restitution.documents.trade_assurance_claim import TradeAssuranceContext
from restitution.errors import DocumentNotApplicable
from restitution.formatting import format_date
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules import ECONOMIC_CRIME_14, police_deadlines, police_route


def police_notes(case: Case, words: Catalogue, date: dt.date) -> list[str]:
    """Advice to the reporter (``police_notes.*``), with the bureau's deadlines for a mainland report."""
    if case.supplier.region == "hong_kong":
        from restitution.rules.payee import reportable_payee
        from restitution.rules.residence import mainland_resident

        # how to get the mainland report, while the packet has none (police_report_payee / _resident)
        told = ("where", "mainland_too") + (() if mainland_resident(case) or reportable_payee(case) else ("residence",))
        return [words(f"police_notes.hong_kong.{k}") for k in told + ("originals", "statement")]
    route = police_route(case)
    return [
        route.note.word(words),
        words("police_notes.mainland.in_person", cite=ECONOMIC_CRIME_14.word(words)),
        *deadline_notes(words, date),
        words("police_notes.mainland.statement"),
        words("police_notes.mainland.papers"),
    ]


def deadline_notes(words: Catalogue, date: dt.date) -> list[str]:
    """The bureau's decision deadlines and the remedies against a refusal, for a report filed on `date`.

    The day counts, dates and citations come from `rules.police_deadlines`, which
    owns them; the words are the catalogue's ``rules.police.notes.*``.
    """
    code = words.language.code
    steps = {step.id: step for step in police_deadlines(date)}
    decision, extended = steps["police.decision"], steps["police.decision_extended"]
    further = steps["police.decision_further"]
    assert decision.date is not None
    return [
        words("rules.police.notes.decision", days=decision.days, extended=extended.days,
              further=further.days - extended.days, cite=decision.citation.word(words),
              filed=format_date(date, code), first=format_date(decision.date, code)),
        words("rules.police.notes.remedies", reconsider=steps["police.reconsideration"].days,
              review=steps["police.review"].days, notice_cite=steps["police.refusal_notice"].citation.word(words),
              remedy_cite=steps["police.reconsideration"].citation.word(words),
              supervision_cite=steps["police.supervision"].citation.word(words)),
    ]


def _applies(spec: DocumentSpec, case: Case) -> bool:
    try:
        spec.check(case)
    except DocumentNotApplicable:
        return False
    return True


@record
class CaseNotesContext:
    police: list[str]  # advice for the reporter; empty when the case has no police report
    # once proceedings.police_report records the report: what happened, deadlines from the record
    reported: bool
    calendar: list[str]  # the settlement's instalments and guarantee periods (documents._progress)
    police_hk: bool
    evidence: EvidenceIndexContext | None  # what is missing, untranslated, to certify
    ta: TradeAssuranceContext | None  # only when the claim has something to warn about
    poa: PowerOfAttorneyContext | None  # how the power of attorney is signed and certified
    unproved: list[PaymentRow]  # payments no exhibit proves yet (rules.facts), once there is evidence
    samr: SamrContext | None = None  # what to check before the 12315 complaint or report is filed


def context(case: Case, words: Catalogue, date: dt.date) -> CaseNotesContext:
    from restitution.documents import police_report

    from restitution.documents._progress import progress_notes, settlement_calendar
    from restitution.rules.report_route import report_ruled_out

    reported = stage_of(case).reported and case.supplier.region == "mainland"
    if reported:
        police = progress_notes(case, words)
    else:
        # no advice on a report the plan rules out (rules/report_route.py) and the packet leaves out
        police = police_notes(case, words, date) if _applies(police_report.SPEC, case) \
            and not report_ruled_out(case) else []
    evidence = evidence_index.context(case, words, date) if _applies(evidence_index.SPEC, case) else None
    ta = None
    if case.order.trade_assurance and _applies(trade_assurance_claim.SPEC, case):
        ta = trade_assurance_claim.context(case, words, date)
        if not (ta.outside or ta.late):
            ta = None
    poa = power_of_attorney.context(case, words, date) if _applies(power_of_attorney.SPEC, case) else None
    unproved = [r for r in payment_rows(case, words) if not r.proofs] if case.evidence else []
    samr = samr_complaint.context(case, words, date) if _applies(samr_complaint.SPEC, case) else None
    return CaseNotesContext(police, reported, settlement_calendar(case, words), case.supplier.region == "hong_kong",
                            evidence, ta, poa, unproved, samr)


SPEC = DocumentSpec(
    key="case_notes",
    file_reference=True,
    context=context,
)
