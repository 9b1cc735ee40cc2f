"""Hong Kong documents are Traditional on every line: Chinese halves, English halves
(the Chinese they quote), titles and page furniture (the footer is tested with the writers)."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from restitution import documents
from restitution.case import load_case
from restitution.document import document_text
from restitution.formatting import to_traditional
from restitution.pipeline.render import render_document

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
HK = EXAMPLES / "harbour-hk.yaml"
HK_EXAMPLES = (HK, EXAMPLES / "harbour-payee.yaml")
DATE = dt.date(2026, 11, 20)


def _hong_kong_documents(case=None):
    case = case or load_case(HK)
    for key in documents.applicable(case, DATE):
        if documents.get(key).zh_variant(case) == "zh-Hant":
            yield key


@pytest.mark.parametrize("lang", ["en", "zh", "bilingual"])
def test_every_line_of_a_hong_kong_document_is_traditional(lang):
    case = load_case(HK)
    keys = list(_hong_kong_documents())
    assert {"demand_letter", "police_report", "evidence_index"} <= set(keys)
    for key in keys:
        doc = render_document(case, key, lang, DATE)
        for line in [doc.title, *document_text(doc).splitlines()]:
            # Our conversion (OpenCC s2hk and its corrections) changes nothing left.
            assert to_traditional(line) == line, (key, line)


# Mainland forms a Hong Kong reader notices: glyph-standard variants OpenCC's s2hk writes
# (户 温 兑 啓) and mainland quotation marks (Hong Kong writes 「」 and 『』).
MAINLAND_FORMS = "户温兑啓“”‘’"


@pytest.mark.parametrize("example", HK_EXAMPLES, ids=lambda p: p.stem)
def test_hong_kong_chinese_has_no_mainland_forms_or_quotes(example):
    case = load_case(example)
    for key in _hong_kong_documents(case):
        doc = render_document(case, key, "zh", DATE)
        for line in [doc.title, *document_text(doc).splitlines()]:
            found = [ch for ch in line if ch in MAINLAND_FORMS]
            assert not found, (example.stem, key, found, line)


def test_registered_hong_kong_name_prints_as_registered():
    case = load_case(EXAMPLES / "harbour-payee.yaml")
    assert case.supplier.name_zh == "維港冠峰家品有限公司"
    for key in _hong_kong_documents(case):
        for lang in ("en", "zh"):
            text = document_text(render_document(case, key, lang, DATE))
            assert "冠峯" not in text, (key, lang)
            if lang == "zh":
                assert case.supplier.name_zh in text, key
