"""Nothing internal and nothing contradicted in what is filed (issue 15, points 5-7).

Over every example and generated cases, the text of every document that goes
to an authority, a bank, a platform or the seller (every document but
case_notes and the case plan) is scanned for: the reporter's notes of that
case, the missing-evidence list and the other notes on the evidence, a YAML
key path, and the absconding indicator when the case's own dates contradict
it. The examples are scanned in the text extracted from their PDFs, as a
reader gets them; generated cases in the document model's text (the same
words, without writing a PDF per draw).
"""
from __future__ import annotations

import datetime as dt
import io
import re
import tempfile
from pathlib import Path

import pypdf
import pytest
from hypothesis import given

from restitution import documents
from restitution.case import load_case, loads_case
from restitution.document import document_text
from restitution.documents.case_notes import police_notes
from restitution.errors import RestitutionError
from restitution.formatting import to_traditional
from restitution.pipeline.render import render_document, to_bytes
from restitution.rules.facts import vanished_contradictions
from restitution.rules.reason import bundled
from restitution.rules.payee import payees

from .cases import case_files
from .helpers import EXAMPLES
from .profiles import rendering

DATE = dt.date(2026, 11, 20)
INTERNAL = {"case_notes", "case_plan"}  # for the client and the lawyer
# Headings of the notes that once sat inside filed documents.
NOTE_HEADINGS = ("报案人须知", "Notes for the reporter", "尚需补充的证据", "Evidence still to gather",
                 "中文译本", "Chinese translations", "证据说明", "Notes on the evidence", "买方提示",
                 "Warning for the Buyer", "read before sending", "说明", "Notes")
# The 12315 complaint's checks before filing (now in case_notes): the bureau's name is inferred
# and must be verified; a filed document that says so tells the bureau its own name is a guess.
SAMR_NOTES = ("按通常命名规则推定", "提交前须", "usual naming pattern", "Before filing, check",
              "可能不将其作为消费者投诉受理", "may decline to handle it as a consumer complaint")
# A key path of the case file: a list entry (payments[0]) or a dotted key with an underscore.
KEY_PATH = re.compile(r"\b(?:payments|evidence|facts|contacts|bank_accounts|goods|schedule|received)\[\d+\]"
                      r"|\b(?:case|client|agent|supplier|order|outcome|indicators|claim|settlement)\.[a-z]+_[a-z_]+")


def filed(case) -> list[str]:
    return [k for k in documents.applicable(case, DATE) if k not in INTERNAL]


def forbidden(case, lang: str) -> list[str]:
    """What no filed document of `case` in `lang` may contain."""
    words = bundled("zh" if lang.startswith("zh") else "en")
    out = list(NOTE_HEADINGS) + list(SAMR_NOTES)
    if case.supplier.region in ("mainland", "hong_kong"):
        try:
            out += police_notes(case, words, DATE)
        except RestitutionError:  # a report the case cannot make has no notes
            pass
    if vanished_contradictions(case):
        for key in ("police_report.indicator.absconded", "platform.indicator.vanished"):
            out.append(words(key).rstrip("。."))
        out += ["收受对方当事人给付的货物、货款、预付款或者担保财产后逃匿", "absconding after receiving",
                "收款后失去联系", "not been reachable since it was paid"]
    return [s for s in out if s]


def _flat(text: str) -> str:
    """Without spaces and line breaks (a PDF's lines), in one script (a Hong Kong report is Traditional)."""
    return to_traditional(re.sub(r"\s+", "", text))


def scan(case, key: str, lang: str, text: str) -> None:
    # A sentence is matched across the PDF's line breaks; a short heading as a line of its own
    # (flattened, "证据" closing one table cell and "说明" opening the next would match).
    flat, lines = _flat(text), {to_traditional(line.strip()) for line in text.splitlines()}
    for s in forbidden(case, lang):
        if s not in NOTE_HEADINGS:
            assert _flat(s) not in flat, f"{key} ({lang}) contains {s[:60]!r}"
        else:
            assert to_traditional(s) not in lines, f"{key} ({lang}) has the heading {s!r}"
    found = KEY_PATH.search(text)
    assert found is None, f"{key} ({lang}) contains the key path {found.group()!r}"


def pdf_text(data: bytes) -> str:
    return "\n".join(page.extract_text() or "" for page in pypdf.PdfReader(io.BytesIO(data)).pages)


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_examples_file_nothing_internal_or_contradicted(example):
    case = load_case(example)
    keys = filed(case)
    assert "police_report" in keys or case.supplier.region == "other"
    for key in keys:
        for lang in ("en", "zh"):
            doc = render_document(case, key, lang, DATE)
            scan(case, key, lang, pdf_text(to_bytes(doc, "pdf")))
    notes = document_text(render_document(case, "case_notes", "zh", DATE))
    # advice on filing, or, once the report is recorded, its progress (documents/_progress.py)
    assert "报案须知" in notes or "报案及立案进展" in notes or case.supplier.region == "other"


def test_meridian_police_report_does_not_say_the_seller_absconded():
    """Delivered on 22 September, answered on 9 October: no absconding, in any filed document."""
    case = load_case(EXAMPLES[0].parent / "meridian-junk.yaml")
    assert vanished_contradictions(case)
    zh = document_text(render_document(case, "police_report", "zh", DATE))
    assert "携款失联" not in zh and "自2026年10月9日起不再回复报案人的任何联系" in zh


@pytest.mark.parametrize("name", ["meridian-junk", "harbour-hk"])
def test_the_police_report_counts_only_filed_pages(name):
    """The last page is the enclosed evidence list, and the footer's total is the number of pages."""
    case = load_case(EXAMPLES[0].parent / f"{name}.yaml")
    reader = pypdf.PdfReader(io.BytesIO(to_bytes(render_document(case, "police_report", "zh", DATE), "pdf")))
    pages = [re.sub(r"\s+", "", p.extract_text() or "") for p in reader.pages]
    n = len(pages)
    assert f"第{n}页共{n}页" in pages[-1] or f"第{n}頁共{n}頁" in pages[-1]
    assert "证据目录" in pages[-1] or "證據目錄" in pages[-1]


def test_the_hong_kong_seller_paid_in_shenzhen_gets_a_second_report():
    case = load_case(EXAMPLES[0].parent / "harbour-payee.yaml")
    assert [p.bureau for p in payees(case)] == ["深圳市公安局龙岗区分局"]
    assert "police_report_payee" in documents.applicable(case)
    hk = document_text(render_document(case, "police_report", "zh", DATE))
    assert "深圳市龍崗區示例供應鏈管理有限公司" in hk and "收款主體與合同主體不一致" in hk
    second = render_document(case, "police_report_payee", "zh", DATE)
    text = document_text(second)
    assert second.lang == "zh" and "此致\n深圳市公安局龙岗区分局经济犯罪侦查大队" in text
    assert "犯罪所得的实际取得地" in text and "报案人将同时就同一事实向香港警务处报案" in text


# the examples whose supplier is registered on the mainland: the 12315 route exists for them
SAMR_EXAMPLES = [p for p in EXAMPLES if "samr_complaint" in documents.applicable(load_case(p))]


def test_some_examples_make_a_12315_document():
    assert len(SAMR_EXAMPLES) >= 2


@pytest.mark.parametrize("example", SAMR_EXAMPLES, ids=lambda p: p.stem)
def test_the_12315_checks_are_in_the_case_notes_not_the_complaint(example):
    """The 12315 document is filed as it is: its checks before filing are the client's."""
    case = load_case(example)
    for lang, mark in (("zh", "按通常命名规则推定"), ("en", "usual naming pattern")):
        filed_text = document_text(render_document(case, "samr_complaint", lang, DATE))
        assert mark not in filed_text and "::: note" not in filed_text
        scan(case, "samr_complaint", lang, filed_text)
        assert mark in document_text(render_document(case, "case_notes", lang, DATE))


@rendering()
@given(case_files())
def test_generated_cases_file_nothing_internal_or_contradicted(drawn):
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        drawn.write(folder)
        case = loads_case(drawn.text, "case.yaml", folder)
        for key in filed(case):
            for lang in ("en", "zh"):
                scan(case, key, lang, document_text(render_document(case, key, lang, DATE)))
