"""The application for reconsideration (刑事复议申请书) of a refusal to open a case.

After ``proceedings.police_report.refused_on`` the complainant may apply to the
same public security organ for reconsideration within 7 days of receiving the
written notice of refusal (不予立案通知书); the organ decides within 30 days;
then review (复核) by the next-level organ, also within 7 days; the
procuratorate's supervision (立案监督) stays open throughout (MPS Provisions
on Criminal Procedure (2020) Arts. 178-179; Criminal Procedure Law (2018)
Art. 113; domain.md §C, §H.8). The 7 days run from
``refusal_received_on``, else from ``refused_on`` (the earliest it can have
been received, so the date shown is never later than the real one).

The application goes to the organ that decided, the bureau (分局 or county
公安局) in whose name the notice is issued, not to the investigation unit
inside it that received the report: the recorded authority
(``广州市公安局白云区分局经济犯罪侦查大队``) is cut back to its bureau
(``广州市公安局白云区分局``), in English by dropping a leading brigade,
detachment or squad. A recorded name without such a unit is kept as written.

A PRC remedy: for a Hong Kong seller the document does not apply. An
application after the 7 days still renders when asked for, without the
sentence that it is made in time, and the command line warns.

Values the templates read as ``x``: ``unit``, ``filed_on``, ``receipt_no``,
``refused_on``, ``received_on``, ``deadline``, ``in_time``; ``supplier_name``,
``indicators`` (as the police report words them), ``conduct`` and ``undelivered`` (the
supplier's conduct once paid, from the dated facts: the answer to a refusal as an economic
dispute, lawyer's review s21), ``loss`` / ``loss_currency``
/ ``loss_cny``, ``reached224``, ``threshold224``; ``suspects``; ``cite``.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import re
from decimal import Decimal

from restitution.case.model import Case, Exhibit, Fact
from restitution.case.stage import stage_of
from restitution.documents import DocumentSpec
from restitution.documents._history import SuspectRow, recorded_unit, suspect_rows
from restitution.documents._phrases import native, supplier_name
from restitution.documents.police_report import indicators
from restitution.errors import DocumentNotApplicable
from restitution.language.catalogue import Catalogue
from restitution.records import record
from restitution.rules.conduct import after_payment
from restitution.rules import ART224_THRESHOLD_CNY, CPL_113, CRIMINAL_LAW_224, FILING_STANDARD_69, MPS_RULES_179, loss_check


def check(case: Case) -> None:
    st = stage_of(case)
    if st.police != "refused":
        raise DocumentNotApplicable(
            "reconsideration answers a written refusal to open a case: record "
            "proceedings.police_report.refused_on (the date of the 不予立案通知书)", case.locate("proceedings"))
    if case.supplier.region != "mainland":
        raise DocumentNotApplicable(
            "reconsideration of a refusal is a mainland procedure; it does not apply to a "
            f"{case.supplier.region.replace('_', ' ')} seller", case.locate("supplier.region"))


# An investigation unit inside a bureau, after the bureau's name: 经济犯罪侦查大队, 刑侦支队, 派出所.
_ZH_UNIT = re.compile(r"^(.+?(?:分局|公安局))[^局]*?(?:大队|支队|中队|派出所)$")
_EN_UNIT = re.compile(r"^[^,]*\b(?:Brigade|Detachment|Squad|Team|Police Station)\s*,\s*(.+)$", re.IGNORECASE)


def deciding_organ(case: Case, words: Catalogue) -> str | None:
    """The bureau that decided not to open the case: the recorded unit without its investigation
    unit; the competent bureau when none is recorded."""
    r = case.proceedings.police_report if case.proceedings else None
    if r is None or not (r.authority or r.authority_zh):
        return recorded_unit(case, words)
    zh = _ZH_UNIT.match(r.authority_zh.strip()) if r.authority_zh else None
    en = _EN_UNIT.match(r.authority.strip()) if r.authority else None
    return native(words, en.group(1) if en else r.authority, zh.group(1) if zh else r.authority_zh)


def _as_applicant(lines: list[str], words: Catalogue) -> list[str]:
    """The police report's indicator lines in this application's term for the client: the reporter is
    the applicant. The Chinese template maps 报案人 itself (``in_terms``, the casetext party words);
    English has no such list for toolkit sentences, and "the reporter" is their only client term."""
    if words.language.chinese:
        return lines
    return [re.sub(r"\bthe reporter\b", "the applicant", line) for line in lines]


@record
class ReconsiderationCitations:
    reconsideration: str
    supervision: str
    filing69: str
    art224: str


@record
class Conduct:
    """A fact after the last payment, with the exhibits of the same day (the message that said it)."""

    fact: Fact
    proofs: tuple[Exhibit, ...]


def conduct(case: Case) -> tuple[Conduct, ...]:
    """The supplier's conduct after it had the money (rules/conduct.py), each fact with the exhibits
    dated that day other than payment records: the refusal is answered with facts, not a label."""
    out = []
    for f in after_payment(case):
        # the sentence goes on after the fact (its exhibits): the fact's own full stop is dropped
        told = dataclasses.replace(f, text=f.text.rstrip(" .。"), text_zh=f.text_zh.rstrip(" 。.") if f.text_zh else None)
        out.append(Conduct(told, tuple(e for e in case.evidence if e.date == f.date and e.kind != "payment_proof")))
    return tuple(out)


@record
class ReconsiderationContext:
    unit: str | None
    filed_on: dt.date
    receipt_no: str | None
    refused_on: dt.date
    received_on: dt.date
    received_recorded: bool
    deadline: dt.date
    in_time: bool
    supplier_name: str
    indicators: list[str]
    loss: Decimal
    loss_currency: str
    loss_cny: Decimal | None
    reached224: bool
    threshold224: Decimal
    suspects: list[SuspectRow]
    cite: ReconsiderationCitations
    # the answer to "an economic dispute": what the supplier did once paid, as the case's facts record it
    conduct: tuple[Conduct, ...] = ()
    undelivered: bool = False  # nothing was ever delivered (outcome.kind not_delivered)


def context(case: Case, words: Catalogue, date: dt.date) -> ReconsiderationContext:
    st = stage_of(case)
    assert st.filed_on is not None and st.refused_on is not None and st.reconsideration_due is not None
    loss = loss_check(case)
    return ReconsiderationContext(
        unit=deciding_organ(case, words),
        filed_on=st.filed_on,
        receipt_no=st.receipt_no,
        refused_on=st.refused_on,
        received_on=st.refusal_received_on or st.refused_on,
        received_recorded=st.refusal_received_on is not None,
        deadline=st.reconsideration_due,
        in_time=date <= st.reconsideration_due,
        supplier_name=supplier_name(case, words),
        indicators=_as_applicant(indicators(case, words), words),
        loss=case.claim.amount,
        loss_currency=case.claim.currency,
        loss_cny=loss.amount_cny,
        reached224=bool(loss.art224_reached),
        threshold224=ART224_THRESHOLD_CNY,
        suspects=suspect_rows(case, words),
        conduct=conduct(case),
        undelivered=case.outcome.kind == "not_delivered",
        cite=ReconsiderationCitations(
            reconsideration=MPS_RULES_179.word(words),
            supervision=CPL_113.word(words),
            filing69=FILING_STANDARD_69.word(words),
            art224=CRIMINAL_LAW_224.word(words),
        ),
    )


def warnings(case: Case, date: dt.date) -> list[str]:
    due = stage_of(case).reconsideration_due
    if due is None or date <= due:
        return []
    return [f"the 7 days for reconsideration ended on {due.isoformat()} (MPS Provisions on Criminal Procedure "
            "(2020) Art. 179): a late application may be rejected; the procuratorate's supervision "
            "(立案监督, Criminal Procedure Law (2018) Art. 113) remains open"]


SPEC = DocumentSpec(
    key="reconsideration_application",
    check=check,
    context=context,
    in_packet=lambda case: stage_of(case).police == "refused",
    warnings=warnings,
)
