"""The case notes' account of a case already reported: what happened when, and the dates that follow.

Before a report the notes tell the reporter how to file and count the bureau's
deadlines from the notes' own date (a report filed today). Once
``proceedings.police_report`` records the report, those words would be false:
the deadlines run from the recorded filing date, a refusal starts the
reconsideration period, an opened case needs no filing advice. Under a
settlement the notes add its calendar: each instalment, whether it arrived, and
the last day of each guarantee period (six months from the due date, Civil Code
(2020) Art. 692), after which an unclaimed guarantor is released (Art. 693).

Trade-off: the facts come from `case.stage` (the one place a case's history is
read), the sentences from the catalogue (``police_notes.recorded.*``,
``police_notes.calendar.*``); this module only pairs them, so the plan and the
notes cannot count differently.
"""
from __future__ import annotations

from decimal import Decimal

from restitution.case.model import Case
from restitution.case.stage import GUARANTEE_MONTHS, add_months, stage_of
from restitution.documents._history import recorded_unit
from restitution.documents._phrases import civil_code, native
from restitution.formatting import format_date, format_money
from restitution.language.catalogue import Catalogue
from restitution.rules import police_deadlines

MEASURES = ("criminal_detention", "arrest", "bail", "residential_surveillance")


def progress_notes(case: Case, words: Catalogue) -> list[str]:
    """What the record says happened to the report, with the deadlines counted from it."""
    st = stage_of(case)
    assert st.filed_on is not None, "only for a case whose report is recorded"
    code = words.language.code
    d = lambda day: format_date(day, code)  # noqa: E731
    steps = {s.id: s for s in police_deadlines(st.filed_on, st.refusal_received_on or st.refused_on)}
    receipt = words("police_notes.recorded.receipt", no=st.receipt_no) if st.receipt_no else ""
    out = [words("police_notes.recorded.filed", filed=d(st.filed_on), receipt=receipt,
                 authority=recorded_unit(case, words) or "")]
    if st.police == "reported":
        first, ext, further = (steps[k] for k in ("police.decision", "police.decision_extended",
                                                  "police.decision_further"))
        out.append(words("police_notes.recorded.decision", days=first.days, extended=ext.days,
                         further=further.days - ext.days, cite=first.citation.word(words),
                         filed=d(st.filed_on), first=d(first.date), second=d(ext.date), third=d(further.date)))
    elif st.police == "refused":
        assert st.refused_on is not None and st.reconsideration_due is not None
        out.append(words("police_notes.recorded.refused", refused=d(st.refused_on),
                         received=d(st.refusal_received_on or st.refused_on), due=d(st.reconsideration_due),
                         cite=steps["police.reconsideration"].citation.word(words)))
    elif st.police == "opened":
        assert st.opened_on is not None
        case_no = words("police_notes.recorded.case_no", no=st.case_no) if st.case_no else ""
        out.append(words("police_notes.recorded.opened", opened=d(st.opened_on), case_no=case_no))
    for s in st.suspects:
        if s.measure in MEASURES and s.measure_on is not None:
            out.append(words("police_notes.recorded.measure", name=native(words, s.name, s.name_zh),
                             measure=words(f"police_notes.recorded.measures.{s.measure}"), on=d(s.measure_on)))
    return out


def settlement_calendar(case: Case, words: Catalogue) -> list[str]:
    """Each instalment with what arrived against it (receipts applied to the earliest first), and,
    with a guarantor, the last day of the guarantee period of each instalment still unpaid."""
    s = case.settlement
    if s is None or not s.schedule:
        return []
    code = words.language.code
    money = lambda amount: format_money(amount, s.currency, code)  # noqa: E731
    receipts = sorted(s.received, key=lambda r: r.date)
    covered, out, open_ = s.received_total, [], []
    schedule = sorted(s.schedule, key=lambda i: i.due)
    for n, inst in enumerate(schedule, start=1):
        paid = min(covered, inst.amount)
        covered -= paid
        if paid == inst.amount:
            # the day the running total of receipts first covered this instalment
            running, on = Decimal(0), receipts[-1].date
            need = sum((i.amount for i in schedule[:n]), Decimal(0))
            for r in receipts:
                running += r.amount
                if running >= need:
                    on = r.date
                    break
            out.append(words("police_notes.calendar.instalment_paid", n=n, amount=money(inst.amount),
                             due=format_date(inst.due, code), paid=format_date(on, code)))
        else:
            open_.append((n, inst))
            unpaid = words("police_notes.calendar.unpaid", amount=money(inst.amount - paid)) if paid else ""
            out.append(words("police_notes.calendar.instalment_open", n=n, amount=money(inst.amount),
                             due=format_date(inst.due, code), unpaid=unpaid))
    guarantors = [p for p in s.payers if p.role == "guarantor"]
    if guarantors:
        joint = all(p.guarantee == "joint" for p in guarantors)
        how = words("police_notes.calendar.how_joint" if joint else "police_notes.calendar.how_general")
        for n, inst in open_:  # a guarantee matters only for what is still unpaid
            out.append(words("police_notes.calendar.guarantee", n=n,
                             ends=format_date(add_months(inst.due, GUARANTEE_MONTHS), code),
                             how=how, cite=civil_code((692,), words), cite693=civil_code((693,), words)))
    return out
