"""The translator's round trip and the refusal of untranslated Chinese, end to end:
render refuses, --draft marks every page, translate export → a tool fills the XLIFF →
translate import → the same render succeeds with nothing left 【待译】."""
from __future__ import annotations

import re
import zipfile

import pytest
from lxml import etree
from pypdf import PdfReader

from restitution.translation.xliff import NS

from cli_runner import run

from translation.helpers import DATE, copy_examples, drop_twins

DROPPED = ("text", "summary", "purpose")
CASE = "northwind-vanished.yaml"



@pytest.fixture
def untranslated(tmp_path):
    """The example without the Chinese of its facts, outcome and exhibits' purposes;
    (case path, the lines of those English keys)."""
    folder = copy_examples(tmp_path)
    path = folder / CASE
    return path, drop_twins(path, DROPPED)


def comments(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip().startswith("#") or " # " in line]


def pdf_pages(path) -> list[str]:
    return [page.extract_text() for page in PdfReader(path).pages]


def render(case, out, *extra: str):
    return run("render", str(case), "--doc", "police_report", "--doc", "evidence_index", "--lang", "zh",
               "--lang", "bilingual", "-o", str(out), "--date", DATE, *extra)


def test_refused_with_one_located_line_per_field_and_nothing_written(tmp_path, untranslated):
    case, lines = untranslated
    out = tmp_path / "out"
    r = render(case, out)
    assert r.exit_code == 1
    errors = [line for line in r.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == len(lines) == 9 + 1 + 7  # nine facts, the outcome, seven exhibits
    located = sorted(int(re.match(rf"error: {re.escape(CASE)}:(\d+) ", e).group(1)) for e in errors)
    assert located == lines
    assert any(e.startswith(f"error: {CASE}:") and " facts[3].text_zh: missing; the Chinese documents need it"
               in e for e in errors)
    assert not out.exists() or not any(out.iterdir())


def test_english_documents_are_unaffected(tmp_path, untranslated):
    case, _ = untranslated
    r = run("render", str(case), "--doc", "police_report", "--lang", "en", "-o", str(tmp_path / "out"),
            "--date", DATE)
    assert r.exit_code == 0, r.output
    assert "DRAFT" not in r.output


def test_draft_marks_every_page_and_counts_the_fields(tmp_path, untranslated):
    case, lines = untranslated
    out = tmp_path / "out"
    r = render(case, out, "--draft", "--lang", "en")
    assert r.exit_code == 0, r.output
    assert f"DRAFT: {len(lines)} untranslated field(s) marked 【待译】" in r.output
    for pdf in out.glob("*.pdf"):
        pages = pdf_pages(pdf)
        marked = ["DRAFT" in t and "草稿" in t for t in pages]
        if pdf.name.endswith("_en.pdf"):
            assert not any(marked), pdf.name
        else:
            assert all(marked), (pdf.name, marked)
            assert any("【待译】" in t for t in pages)
    for docx in out.glob("*.docx"):
        with zipfile.ZipFile(docx) as z:
            headers = [z.read(n).decode() for n in z.namelist() if re.match(r"word/header\d*\.xml", n)]
        watermarked = [h for h in headers if 'string="DRAFT / 草稿"' in h and ">DRAFT / 草稿</w:t>" in h]
        assert bool(watermarked) == (not docx.name.endswith("_en.docx")), docx.name


def test_export_fill_import_then_render_succeeds(tmp_path, untranslated):
    case, lines = untranslated
    before = case.read_text(encoding="utf-8")
    xlf = tmp_path / "case.xlf"
    r = run("translate", "export", str(case), "-o", str(xlf), "--date", DATE)
    assert r.exit_code == 0, r.output
    assert f"{len(lines)} to translate" in r.output

    # What a translation tool does: add a target to every unit that has none, save.
    tree = etree.parse(str(xlf))
    filled = 0
    for unit in tree.iter(f"{{{NS}}}trans-unit"):
        if unit.find(f"{{{NS}}}target") is None:
            target = etree.SubElement(unit, f"{{{NS}}}target", state="translated")
            target.text = f"译文{filled}：供应商收款后失联。"
            filled += 1
    assert filled == len(lines)
    tree.write(str(xlf), xml_declaration=True, encoding="UTF-8")

    r = run("translate", "import", str(case), str(xlf))
    assert r.exit_code == 0, r.output
    assert f"wrote {filled} Chinese field(s)" in r.output
    after = case.read_text(encoding="utf-8")
    assert comments(after) == comments(before)  # every comment kept, in order
    # Only lines were added, each a twin right after its English key.
    added = [line for line in after.splitlines() if line not in before.splitlines()]
    assert len(added) == filled and all(re.match(r"^ +(text|summary|purpose)_zh: 译文\d+：", a) for a in added)

    out = tmp_path / "out"
    r = render(case, out)
    assert r.exit_code == 0, r.output
    for pdf in out.glob("*.pdf"):
        assert not any("【待译】" in t or "草稿" in t for t in pdf_pages(pdf)), pdf.name
    assert run("preview", str(case), "--date", DATE).output.startswith("every field")


def test_import_refuses_a_file_whose_source_changed(tmp_path, untranslated):
    case, _ = untranslated
    xlf = tmp_path / "case.xlf"
    assert run("translate", "export", str(case), "-o", str(xlf), "--date", DATE).exit_code == 0
    text = xlf.read_text(encoding="utf-8").replace("</source>", "</source><target>译文</target>")
    xlf.write_text(text, encoding="utf-8")
    edited = case.read_text(encoding="utf-8").replace("The supplier's Alibaba.com store went offline.",
                                                      "The store went offline.")
    assert edited != case.read_text(encoding="utf-8")
    case.write_text(edited, encoding="utf-8")
    r = run("translate", "import", str(case), str(xlf))
    assert r.exit_code == 1
    errors = [line for line in r.output.splitlines() if line.startswith("error: ")]
    assert len(errors) == 1 and re.match(r"error: case\.xlf:\d+ facts\[7\]\.text: the English source no longer "
                                         r"matches the case", errors[0]), errors
    assert case.read_text(encoding="utf-8") == edited  # nothing written


def test_import_refuses_another_cases_file(tmp_path, untranslated):
    case, _ = untranslated
    xlf = tmp_path / "other.xlf"
    xlf.write_bytes(b'<?xml version="1.0"?>\n<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2">'
                    b'<file original="x" source-language="en" target-language="zh-CN"><body>\n'
                    b'<trans-unit id="claim.amount"><source>1</source><target>1</target></trans-unit>\n'
                    b'<trans-unit id="facts[99].text"><source>x</source><target>y</target></trans-unit>\n'
                    b"</body></file></xliff>")
    before = case.read_bytes()
    r = run("translate", "import", str(case), str(xlf))
    assert r.exit_code == 1
    assert "other.xlf:3 claim.amount: is not a text field" in r.output
    assert "other.xlf:4 facts[99].text: is not a field of this case" in r.output
    assert case.read_bytes() == before


def test_preview_without_doc_lists_each_field_once(tmp_path, untranslated):
    case, lines = untranslated
    r = run("preview", str(case), "--date", DATE)
    assert r.exit_code == 0, r.output
    listed = [line for line in r.output.splitlines() if line.startswith(f"{CASE}:")]
    assert len(listed) == len(set(listed)) == len(lines)
    assert [int(line.split()[0].split(":")[1]) for line in listed] == lines


def test_batch_and_bundle_refuse_alike(tmp_path, untranslated):
    case, _ = untranslated
    r = run("batch", str(case), "-o", str(tmp_path / "b"), "--doc", "evidence_index", "--lang", "zh",
            "--format", "pdf", "--date", DATE)
    assert r.exit_code == 1 and "facts" not in r.output  # the index prints the purposes only
    assert "evidence[0].purpose_zh: missing" in r.output
    r = run("batch", str(case), "-o", str(tmp_path / "b2"), "--doc", "evidence_index", "--lang", "zh",
            "--format", "pdf", "--date", DATE, "--draft")
    assert r.exit_code == 0 and "DRAFT: 7 untranslated field(s)" in r.output
    r = run("bundle", str(case), "-o", str(tmp_path / "bundle"), "--date", DATE)
    assert r.exit_code == 1 and "evidence[0].purpose_zh: missing" in r.output
    assert not (tmp_path / "bundle").exists() or not any((tmp_path / "bundle").iterdir())
    r = run("bundle", str(case), "-o", str(tmp_path / "bundle"), "--date", DATE, "--draft")
    assert r.exit_code == 0 and "DRAFT: 7 untranslated" in r.output
    index_page = PdfReader(next((tmp_path / "bundle").glob("*.pdf"))).pages[0].extract_text()
    assert "DRAFT" in index_page and "草稿" in index_page


def test_po_round_trip(tmp_path, untranslated):
    from babel.messages.pofile import read_po, write_po

    case, lines = untranslated
    po_file = tmp_path / "case.po"
    r = run("translate", "export", str(case), "-o", str(po_file), "--date", DATE)
    assert r.exit_code == 0, r.output
    with po_file.open("rb") as fh:
        catalog = read_po(fh)
    todo = [m for m in catalog if m.id and not m.string]
    assert len(todo) == len(lines)
    for n, message in enumerate(todo):  # what Poedit does
        message.string = f"译文{n}"
    with po_file.open("wb") as fh:
        write_po(fh, catalog)
    r = run("translate", "import", str(case), str(po_file))
    assert r.exit_code == 0 and f"wrote {len(lines)} Chinese field(s)" in r.output
    assert run("preview", str(case), "--date", DATE).output.startswith("every field")
