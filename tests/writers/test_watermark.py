"""A draft's watermark: DRAFT / 草稿 on every page of a PDF and of a DOCX (Word's
header watermark, which LibreOffice shows on every page too)."""
from __future__ import annotations

import io
import re
import shutil
import subprocess
import zipfile

import pytest
from pypdf import PdfReader
from tooling import needs_tool

from restitution.document import Document, PageBreak, Paragraph, Run
from restitution.writers._furniture import watermark_text
from restitution.writers.docx import write_docx
from restitution.writers.pdf import write_pdf


def doc(lang: str, draft: bool, pages: int = 3) -> Document:
    blocks: list = []
    for n in range(pages):
        if n:
            blocks.append(PageBreak())
        blocks.append(Paragraph((Run(f"第{n + 1}页正文 page {n + 1}"),)))
    langs = ("en", "zh") if lang == "bilingual" else (lang,)
    return Document(key="police_report", lang=lang, title="报案材料", blocks=tuple(blocks), langs=langs, draft=draft)


def test_mark_in_english_and_the_documents_chinese():
    assert watermark_text(doc("zh", True)) == "DRAFT / 草稿"
    assert watermark_text(doc("zh-Hant", True)) == "DRAFT / 草稿"
    assert watermark_text(doc("zh", False)) is None


@pytest.mark.parametrize("draft", [True, False])
def test_pdf_every_page(draft):
    buf = io.BytesIO()
    write_pdf(doc("zh", draft), buf)
    pages = [p.extract_text() for p in PdfReader(io.BytesIO(buf.getvalue())).pages]
    assert len(pages) == 3
    assert all(("DRAFT" in t and "草稿" in t) == draft for t in pages)


def _headers(data: bytes) -> list[str]:
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        return [z.read(n).decode() for n in z.namelist() if re.match(r"word/header\d*\.xml$", n)]


def test_docx_header_carries_words_watermark_and_a_text_line():
    buf = io.BytesIO()
    write_docx(doc("zh", True), buf)
    headers = _headers(buf.getvalue())
    assert headers
    for xml in headers:
        assert 'string="DRAFT / 草稿"' in xml and "rotation:315" in xml and 'o:spt="136"' in xml
        assert ">DRAFT / 草稿</w:t>" in xml
    plain = io.BytesIO()
    write_docx(doc("zh", False), plain)
    assert not any("DRAFT" in xml for xml in _headers(plain.getvalue()))


@needs_tool("soffice pdftotext", "libreoffice pdftotext", what="LibreOffice (soffice) and pdftotext")
def test_libreoffice_shows_the_mark_on_every_page(tmp_path):
    source = tmp_path / "draft.docx"
    with source.open("wb") as fh:
        write_docx(doc("bilingual", True, pages=3), fh)
    profile = (tmp_path / "profile").as_uri()
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    subprocess.run([soffice, f"-env:UserInstallation={profile}", "--headless", "--convert-to", "pdf",
                    "--outdir", str(tmp_path), str(source)], check=True, timeout=180, capture_output=True)
    text = subprocess.run(["pdftotext", "-enc", "UTF-8", str(tmp_path / "draft.pdf"), "-"],
                          check=True, timeout=60, capture_output=True).stdout.decode("utf-8")
    pages = [p for p in text.split("\f") if p.strip()]
    assert len(pages) == 3
    assert all("DRAFT / 草稿" in p for p in pages)
