"""Every Chinese PDF and DOCX of every example, read as its reader would (issue 14).

The extracted text of each file holds no ASCII quotes, no `pcs`, no 【待译】
and no word for a party other than the document's own terms; the evidence
index's 来源 column is Chinese. The terms are written out here, as the
specification the templates' ``party_terms(...)`` declarations must meet.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import zipfile
from pathlib import Path

import pytest
from pypdf import PdfReader

from restitution.case.load import load_case
from restitution.document import Table, inline_text
from restitution.formatting import to_traditional
from restitution.language.catalogue import catalogue
from restitution.pipeline.render import produce, render_document
from restitution.pipeline.templating import bundled_templates
from restitution.pipeline.casetext import found_party_words

DATE = dt.date(2026, 11, 20)
EXAMPLES = sorted((Path(__file__).resolve().parents[2] / "examples").glob("*.yaml"))

TERMS = {
    "case_plan": ("委托人", "供应商"),
    "chargeback_letter": ("持卡人", "商户"),
    "demand_letter": ("委托人", "我方", "贵司"),  # 委托人 in a lawyer's letter, 我方 in the client's own
    "evidence_index": ("提交人", "供应商", "报案人", "被报案人"),  # a police filing's terms (its header: 提交人)
    "pardon_letter": ("谅解人", "被谅解人"),
    "platform_fraud_report": ("买方", "供应商"),
    "police_report": ("报案人", "被报案人"),
    "power_of_attorney": ("委托人", "对方当事人"),
    "samr_complaint": ("投诉人", "被投诉人", "举报人", "被举报人"),  # a consumer complains, a business reports
    "settlement_agreement": ("甲方", "乙方"),
    "trade_assurance_claim": ("买方", "供应商"),
    "victims_schedule": ("被害人", "被报案人"),
    "supplementary_submission": ("报案人", "被报案人"),
    "reconsideration_application": ("申请人", "被报案人"),
    "packet_guide": ("您", "卖方"),
    "case_notes": ("委托人", "供应商"),
    "police_report_payee": ("报案人", "被报案人"),
    "police_report_resident": ("报案人", "被报案人"),
}


def pdf_text(data: bytes) -> str:
    return "".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def docx_text(data: bytes) -> str:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        xml = "".join(z.read(n).decode("utf-8") for n in z.namelist()
                      if re.fullmatch(r"word/(document|header\d*|footer\d*)\.xml", n))
    return "".join(re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))


@pytest.fixture(scope="module", params=EXAMPLES, ids=lambda p: p.stem)
def files(request):
    case = load_case(request.param)
    packet = produce(case, None, ["zh"], ["pdf", "docx"], DATE)
    assert packet.files
    return case, [(name, pdf_text(data) if name.endswith(".pdf") else docx_text(data))
                  for name, data in packet.files]


def test_no_ascii_quotes_pcs_or_untranslated_marker(files):
    _, texts = files
    for name, text in texts:
        assert '"' not in text and "'" not in text, name
        assert not re.search(r"\bpcs\b", text, re.IGNORECASE), name
        assert "【待译】" not in text and "【待譯】" not in text, name


def test_no_party_word_but_the_documents_own_terms(files):
    case, texts = files
    for name, text in texts:
        doc = next(k for k in TERMS if f"_{k}_" in name)
        language = "zh-Hant" if re.search(r"[們這關於]", text) else "zh"
        words = catalogue(language, [bundled_templates()])
        allowed = TERMS[doc] + tuple(to_traditional(t) for t in TERMS[doc])
        flat = re.sub(r"\s+", "", text)
        assert found_party_words(flat, words, allowed) == [], name


@pytest.mark.parametrize("example", EXAMPLES, ids=lambda p: p.stem)
def test_evidence_index_source_column_is_chinese(example):
    case = load_case(example)
    doc = render_document(case, "evidence_index", "zh", DATE)
    table = next(b for b in doc.blocks if isinstance(b, Table))
    header = [inline_text(c.inlines) for c in table.header]
    column = next(i for i, h in enumerate(header) if h in ("证据来源", to_traditional("证据来源")))
    for row in table.rows:
        cell = inline_text(row[column].inlines)
        assert re.search(r"[\u4e00-\u9fff]", cell), cell
