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

HK = Path(__file__).resolve().parents[2] / "examples" / "harbour-hk.yaml"
DATE = dt.date(2026, 11, 20)


def _hong_kong_documents():
    case = load_case(HK)
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
