"""Golden dumps of every document's model, for every example and language.

Regenerate after an intended change with ``python tools/regen_golden.py`` and
review the diff like code.
"""
from __future__ import annotations

import dataclasses
import re

import datetime as dt
from pathlib import Path

import pytest

from restitution import documents
from restitution.batch.schedule import group_by_supplier
from restitution.documents.victims_schedule import schedule_extra
from restitution.case import load_case
from restitution.document import dump
from restitution.language import OUTPUT_MODES
from restitution.pipeline.render import render_document

from factories import second_victim

ROOT = Path(__file__).resolve().parents[1]
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
GOLDEN = Path(__file__).resolve().parent / "golden"
DATE = dt.date(2026, 11, 20)


def final_receipt(st):
    """The receipt that completes a settlement: the rest of the agreed amount, arriving on the
    last instalment's due date (or the last receipt's date, if later), with its own reference."""
    from restitution.case.settlement import Receipt

    last = max(i.due for i in st.schedule) if st.schedule else st.received[-1].date
    on = max(last, st.received[-1].date)
    return Receipt(date=on, amount=st.agreed_amount - st.received_total,
                   reference=f"Remittance {on.strftime('%Y%m%d')}-{len(st.received) + 1:04d}")


def expected_dumps() -> dict[Path, str]:
    """Every golden file and its current content, from the templates as they are."""
    out: dict[Path, str] = {}
    for example in EXAMPLES:
        case = load_case(example)
        for key in documents.applicable(case, DATE):
            for lang in OUTPUT_MODES:
                doc = render_document(case, key, lang, DATE)
                out[GOLDEN / example.stem / f"{key}_{lang}.txt"] = dump(doc)
        # The written pardon of a case settled but not fully paid: refused by default, so its
        # dumps are those of the two ways it is made (paid in full; allowed before full payment).
        st = case.settlement
        if st is not None and st.received and st.received_total < st.agreed_amount:
            paid = dataclasses.replace(case, settlement=dataclasses.replace(
                st, received=st.received + (final_receipt(st),)))
            early = dataclasses.replace(case, settlement=dataclasses.replace(
                st, pardon_before_full_payment=True, pardon_before_full_payment_reason="kept for the file"))
            # the pardon against full payment is dated once the money has arrived
            after = max(DATE, paid.settlement.received[-1].date + dt.timedelta(days=1))
            for variant, which, when in (("paid", paid, after), ("before_full_payment", early, DATE)):
                for lang in OUTPUT_MODES:
                    doc = render_document(which, "pardon_letter", lang, when)
                    out[GOLDEN / example.stem / f"pardon_letter_{variant}_{lang}.txt"] = dump(doc)
        # The settlement agreement of a case whose agreement is signed (and so cited, not redrafted):
        # the draft as it stood on the day it was signed.
        drafted = st.as_drafted() if st is not None else None
        if drafted is not None and st is not None and st.signed_on is not None:  # (for the type checker)
            for lang in OUTPUT_MODES:
                doc = render_document(dataclasses.replace(case, settlement=drafted), "settlement_agreement", lang,
                                      st.signed_on)
                out[GOLDEN / example.stem / f"settlement_agreement_as_drafted_{lang}.txt"] = dump(doc)
        # A settlement's demand letter is made only once an instalment is overdue: dated a week
        # after the first due date still unpaid.
        late = [i.due for i in sorted(st.schedule, key=lambda i: i.due)] if st is not None else []
        if st is not None and "demand_letter" not in documents.applicable(case, DATE) and late:
            for due in late:
                when = due + dt.timedelta(days=7)
                if "demand_letter" in documents.applicable(case, when):
                    for lang in OUTPUT_MODES:
                        doc = render_document(case, "demand_letter", lang, when)
                        out[GOLDEN / example.stem / f"demand_letter_overdue_{lang}.txt"] = dump(doc)
                    break
        # The joint victims schedule, made by batch: the example and a second victim of its supplier
        # (another client, with its own payments: the same client and payment twice is refused).
        [group] = group_by_supplier([case, second_victim(case)])
        for lang in OUTPUT_MODES:
            doc = render_document(case, "victims_schedule", lang, DATE, extra=schedule_extra(group))
            out[GOLDEN / example.stem / f"victims_schedule_{lang}.txt"] = dump(doc)
    return out


@pytest.fixture(scope="module")
def dumps() -> dict[Path, str]:
    return expected_dumps()


def test_examples_exist():
    assert len(EXAMPLES) >= 2


def test_every_dump_matches_its_golden_file(dumps):
    missing = [str(p.relative_to(GOLDEN)) for p in dumps if not p.exists()]
    assert not missing, f"no golden file for {missing}; run python tools/regen_golden.py"
    changed = [str(p.relative_to(GOLDEN)) for p, text in dumps.items() if p.read_text(encoding="utf-8") != text]
    assert not changed, f"documents differ from their golden dumps: {changed}; " \
                        "review and run python tools/regen_golden.py"


def test_no_stale_golden_files(dumps):
    stale = [str(p.relative_to(GOLDEN)) for p in GOLDEN.rglob("*.txt") if p not in dumps]
    assert not stale, f"golden files no document produces: {stale}; run python tools/regen_golden.py"


def test_examples_are_distinct_cases():
    # Two examples sharing a platform order would read as one order reported twice.
    orders = [load_case(e).order.platform_order_id for e in EXAMPLES]
    orders = [o for o in orders if o]
    assert len(orders) == len(set(orders)), orders


# Districts of Hong Kong Island: an address there is not "…, Kowloon".
HK_ISLAND = ("Central", "Sheung Wan", "Sai Ying Pun", "Kennedy Town", "Admiralty", "Wan Chai", "Causeway Bay",
             "Happy Valley", "North Point", "Quarry Bay", "Shau Kei Wan", "Chai Wan", "Aberdeen")


def test_example_hong_kong_addresses_name_the_right_side_of_the_harbour():
    for example in EXAMPLES:
        case = load_case(example)
        for address in (case.supplier.address, case.client.address):
            for district in HK_ISLAND:
                assert f"{district}, Kowloon" not in (address or ""), (example.stem, address)


# Emphasis markers that reached a page: "**" anywhere, or two or three underscores (a blank
# to fill in is four or more). Markup is parsed into bold runs, which dumps show as [b]…[/b].
STRAY_MARKUP = re.compile(r"\*\*|(?<![_\\])_{2,3}(?!_)")


def test_no_golden_dump_prints_an_emphasis_marker():
    found = [f"{p.relative_to(GOLDEN)}:{n}: {line.strip()[:80]}"
             for p in sorted(GOLDEN.rglob("*.txt"))
             for n, line in enumerate(p.read_text(encoding="utf-8").splitlines(), 1)
             if STRAY_MARKUP.search(line)]
    assert not found, "literal emphasis markers in documents:\n" + "\n".join(found)
