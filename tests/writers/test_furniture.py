"""The page footer: worded by each language's catalogue, through the document's template roots."""
from __future__ import annotations

import io

import pytest
from pypdf import PdfReader

from restitution import styles
from restitution.document import Document, Paragraph, Run
from restitution.errors import TemplateError
from restitution.language import EN, LANGUAGES, ZH, ZH_HANT
from restitution.pipeline.templating import bundled_templates
from restitution.writers._docx_styles import FONTS
from restitution.writers._furniture import footer_parts, footer_text
from restitution.writers.pdf import write_pdf


def doc(*langs, roots=()) -> Document:
    return Document("k", "x", "t", (Paragraph((Run("a"),)),), langs=langs, template_roots=roots)


def test_each_language_words_its_own_footer():
    assert footer_text(footer_parts(doc(EN), EN), 2, 5) == "Page 2 of 5"
    assert footer_text(footer_parts(doc(ZH), ZH), 2, 5) == "第 2 页 共 5 页"
    assert footer_text(footer_parts(doc(ZH_HANT), ZH_HANT), 2, 5) == "第 2 頁 共 5 頁"
    assert footer_parts(doc(EN), EN) == [("Page ", None), ("", "page"), (" of ", None), ("", "pages")]


def test_a_firm_folder_overrides_the_footer_and_braces_stay_literal(tmp_path):
    firm = tmp_path / "firm"
    (firm / "en" / "phrases").mkdir(parents=True)
    (firm / "en" / "phrases" / "common.yaml").write_text('page_footer: "{{draft}} {page}/{pages}"\n',
                                                        encoding="utf-8")
    d = doc(EN, roots=(firm, bundled_templates()))
    assert footer_text(footer_parts(d, EN), 1, 3) == "{draft} 1/3"
    out = io.BytesIO()
    write_pdf(d, out)
    assert "{draft} 1/1" in PdfReader(out).pages[0].extract_text()


def test_a_footer_without_the_page_count_is_refused(tmp_path):
    firm = tmp_path / "firm"
    (firm / "zh" / "phrases").mkdir(parents=True)
    (firm / "zh" / "phrases" / "common.yaml").write_text('page_footer: "第 {page} 页"\n', encoding="utf-8")
    with pytest.raises(TemplateError, match="pages"):
        footer_parts(doc(ZH, roots=(firm, bundled_templates())), ZH)


def test_every_language_has_a_sheet_and_word_faces():
    for language in LANGUAGES.values():
        assert styles.sheet_for(language).lang == language.sheet
        assert set(FONTS[language]) == {"body", "heading"}
