"""The document registry: contexts take the catalogue and return frozen dataclasses."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

import pytest

from restitution import documents
from restitution.case import load_case
from restitution.errors import TemplateError
from restitution.language.catalogue import catalogue
from restitution.pipeline.templating import bundled_templates

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATE = dt.date(2026, 11, 20)


def test_every_document_context_is_a_frozen_dataclass_the_check_can_follow():
    for key in documents.available():
        if key == "case_plan":  # still a mapping; it moves with the plan's wording
            continue
        tp = documents.context_type(documents.get(key))
        assert tp is not None and dataclasses.is_dataclass(tp), key
        assert tp.__dataclass_params__.frozen, key


def test_context_words_follow_the_catalogue_language():
    case = load_case(EXAMPLES / "northwind-vanished.yaml")
    spec = documents.get("demand_letter")
    en = documents.make_context(spec, case, catalogue("en", [bundled_templates()]), DATE)
    zh = documents.make_context(spec, case, catalogue("zh", [bundled_templates()]), DATE)
    assert en.supplier_id_label == "Unified Social Credit Code"
    assert zh.supplier_id_label == "统一社会信用代码"
    assert zh.supplier_name.startswith(case.supplier.name_zh)


def test_a_firm_catalogue_overrides_one_phrase(tmp_path):
    (tmp_path / "en" / "phrases").mkdir(parents=True)
    (tmp_path / "en" / "phrases" / "parties.yaml").write_text('id:\n  uscc: "USCC"\n', encoding="utf-8")
    case = load_case(EXAMPLES / "northwind-vanished.yaml")
    words = catalogue("en", [tmp_path, bundled_templates()])
    x = documents.make_context(documents.get("demand_letter"), case, words, DATE)
    assert x.supplier_id_label == "USCC"
    assert x.rep_label == "Legal representative"  # every other key still comes from the bundled file


def test_extra_replaces_a_field_and_an_unknown_one_is_an_error():
    case = load_case(EXAMPLES / "northwind-vanished.yaml")
    spec = documents.get("evidence_index")
    words = catalogue("en", [bundled_templates()])
    x = documents.make_context(spec, case, words, DATE, {"page_ranges": {1: (1, 2)}})
    assert x.page_ranges == {1: (1, 2)}
    with pytest.raises(TemplateError, match="EvidenceIndexContext has no field page_rnages"):
        documents.make_context(spec, case, words, DATE, {"page_rnages": {}})


def test_an_extra_that_gives_every_field_is_the_context_and_the_documents_own_is_not_made():
    """The packet guide's context, made by `restitution.guide` for the documents of the packet, is
    not made again (which would read every document's module)."""
    case = load_case(EXAMPLES / "northwind-vanished.yaml")
    spec = documents.get("evidence_index")
    words = catalogue("en", [bundled_templates()])
    x = documents.make_context(spec, case, words, DATE)
    whole = {f.name: getattr(x, f.name) for f in dataclasses.fields(x)}

    def not_again(*args):
        raise AssertionError("the context was made again")

    not_again.__annotations__ = {"return": type(x)}  # what `context_type` reads
    spec = dataclasses.replace(spec, context=not_again)
    assert documents.make_context(spec, case, words, DATE, whole) == x
    with pytest.raises(AssertionError, match="made again"):  # a part of the fields: made, then replaced
        documents.make_context(spec, case, words, DATE, {"page_ranges": {}})


# Letters and the client's own papers carry the firm's file number in the running header;
# pages filed with the police or a court, a notarised power of attorney and agreements do not.
# The client's and the firm's own papers. A letter sent out (to the supplier, a card issuer, the
# platform) carries only the reference of its own head (a 律师函's 发函号), never the case id.
WITH_FILE_NUMBER = {"case_plan", "case_notes", "packet_guide"}


def test_only_the_clients_and_firms_own_papers_carry_the_file_number():
    assert {k for k in documents.available() if documents.get(k).file_reference} == WITH_FILE_NUMBER
    from restitution.pipeline.render import render_document

    case = load_case(EXAMPLES / "northwind-vanished.yaml")
    for key in ("police_report", "power_of_attorney", "evidence_index", "demand_letter"):
        for lang in ("zh", "bilingual"):
            doc = render_document(case, key, lang, DATE)
            own = case.agent.letter_no if key == "demand_letter" else None
            assert doc.case_id == (case.id if key in WITH_FILE_NUMBER else own), (key, lang)


def test_a_filed_page_header_has_no_file_number():
    from io import BytesIO

    from pypdf import PdfReader

    from restitution.pipeline.render import render_document, to_bytes

    case = load_case(EXAMPLES / "northwind-vanished.yaml")
    police = PdfReader(BytesIO(to_bytes(render_document(case, "police_report", "zh", DATE), "pdf")))
    letter = PdfReader(BytesIO(to_bytes(render_document(case, "demand_letter", "zh", DATE), "pdf")))
    assert len(police.pages) > 1 and len(letter.pages) > 1  # the header is printed from page 2
    assert not any(case.id in p.extract_text() for p in police.pages)
    later = letter.pages[1].extract_text()
    assert case.id not in later and "示律函字第0118号" in later

