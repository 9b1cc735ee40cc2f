"""Case files the toolkit was not built around (tests/data/unseen/): what must hold on any case.

Each case is rendered once per session through the command line, as a user
runs it (every document, en/zh/bilingual, DOCX and PDF, dated): first without
``--draft``, which a case missing Chinese text must refuse with located
errors and no file written, then with ``--draft`` for those. On the output:
no traceback; every PDF passes the layout check of ``check --layout``; no
【待译】 in a file rendered without ``--draft``; no untranslated Latin sentence
in the Chinese version of a filed document; the parties named the same way in
every document of a language. `plan` and `bundle` run on each case too.

Trade-off: a subprocess per command (a few seconds per case) rather than
calling the functions, because what is tested includes the exit code and
that no traceback reaches the user.
"""
from __future__ import annotations

import datetime as dt
import io
import re
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest
from tooling import needs_tool

from restitution import documents
from restitution.case import load_case
from restitution.case.model import Case
from restitution.formatting import to_traditional

from .helpers import ROOT, docx_text, pdf_text

UNSEEN = sorted((ROOT / "tests" / "data" / "unseen").glob("*.yaml"))
DATE = "2026-11-29"
# For the client and the lawyer, not filed: they may gloss a Chinese term in English.
INTERNAL = ("case_notes", "case_plan", "guide")
UNTRANSLATED = "【待译】"
# Four or more Latin words in a row: a sentence or a description left in English.
LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z'’]*(?:[ ,;:&()/-]+[A-Za-z][A-Za-z'’.]*){3,}")


@dataclass(frozen=True)
class Rendered:
    case_file: Path
    case: Case
    out: Path
    draft: bool  # the refusal came, and the files were made with --draft
    refusal: str  # what the render without --draft printed when it refused
    output: str  # what the successful render printed


def restitution(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "restitution", *args], capture_output=True, text=True,
                          cwd=ROOT, timeout=600)


@pytest.fixture(scope="module", params=UNSEEN, ids=[p.stem for p in UNSEEN])
def rendered(request, tmp_path_factory) -> Rendered:
    case_file: Path = request.param
    out = tmp_path_factory.mktemp(case_file.stem)
    args = ["render", str(case_file), "--date", DATE, "-o", str(out), "--lang", "en", "--lang", "zh",
            "--lang", "bilingual", "--format", "pdf", "--format", "docx"]
    first = restitution(*args)
    assert "Traceback" not in first.stdout + first.stderr
    if first.returncode == 0:
        return Rendered(case_file, load_case(case_file), out, False, "", first.stdout + first.stderr)
    assert first.returncode == 1, first.stderr
    assert not any(out.iterdir()), "a refused render wrote files"
    second = restitution(*args, "--draft")
    assert "Traceback" not in second.stdout + second.stderr
    assert second.returncode == 0, second.stderr
    return Rendered(case_file, load_case(case_file), out, True, first.stderr, second.stdout + second.stderr)


def outputs(r: Rendered, suffix: str) -> list[Path]:
    return sorted(r.out.glob(f"*{suffix}"))


def key_of(r: Rendered, path: Path) -> str:
    """The document key of an output named {case.id}_{doc}_{lang}.{ext}."""
    return path.stem[len(r.case.id) + 1:].rsplit("_", 1)[0]


def flat(text: str) -> str:
    return re.sub(r"\s+", " ", text)


def test_a_refusal_names_every_missing_translation_by_line(rendered):
    lines = [line for line in rendered.refusal.splitlines() if line.startswith("error:")]
    if not rendered.draft:
        assert lines == []  # every Chinese text is there: rendered without --draft, no refusal
        return
    assert lines
    for line in lines:
        assert re.match(rf"error: {re.escape(str(rendered.case_file.relative_to(ROOT)))}:\d+ [\w.\[\]]+_zh: missing", line) \
            or re.match(r"error: .+:\d+ [\w.\[\]]+_zh: missing", line), line
        assert "--draft" in line


def test_every_applicable_document_is_made_in_every_language_and_format(rendered):
    made = {key_of(rendered, p) for p in outputs(rendered, ".pdf")} - {"guide"}
    packet = set(documents.packet(rendered.case, dt.date.fromisoformat(DATE)))
    assert made == packet
    for key in packet:
        for lang in ("en", "zh", "bilingual"):
            for ext in ("pdf", "docx"):
                assert (rendered.out / f"{rendered.case.id}_{key}_{lang}.{ext}").is_file()


@needs_tool("pdftotext", what="poppler-utils")
def test_every_pdf_passes_the_layout_check(rendered):
    from restitution.checks.layout import check_pdf, expectations
    from restitution.pipeline.render import render_document

    problems = []
    date = dt.date.fromisoformat(DATE)
    for pdf in outputs(rendered, ".pdf"):
        key = key_of(rendered, pdf)
        if key == "guide":
            continue
        lang = pdf.stem.rsplit("_", 1)[1]
        doc = render_document(rendered.case, key, lang, date)
        data = pdf.read_bytes()
        if rendered.draft:
            # The DRAFT / 草稿 mark lies across the text by design; the pages are laid out as without it.
            from restitution.writers.pdf import write_pdf

            buffer = io.BytesIO()
            write_pdf(doc, buffer)
            data = buffer.getvalue()
        problems += [f"{pdf.name}: {p}" for p in check_pdf(data, *expectations(doc, "pdf"))]
    assert problems == []


def test_the_untranslated_marker_only_in_a_draft(rendered):
    marked = []
    for path in outputs(rendered, ".pdf") + outputs(rendered, ".docx"):
        data = path.read_bytes()
        text = pdf_text(data) if path.suffix == ".pdf" else docx_text(data)
        if UNTRANSLATED in text:
            marked.append(path.name)
    if rendered.draft:
        assert marked  # a draft shows where the Chinese is missing
        # never in an English document (the client's own notes may name the marker, to explain it)
        assert not [name for name in marked if name.endswith(("_en.pdf", "_en.docx"))
                    and key_of(rendered, Path(name)) not in INTERNAL]
    else:
        assert marked == []


def verbatim_names(case: Case) -> list[str]:
    """Values printed as written in a Chinese document (the format's `verbatim` fields), and the
    other Latin text a Chinese document rightly carries."""
    c, s, a = case.client, case.supplier, case.agent
    out = [c.name, c.address, c.email or "", s.name, s.address or "", s.storefront or "", case.order.incoterm or ""]
    out += [c.representative.name] if c.representative else []
    out += [a.name, a.firm or "", a.address or "", a.email or ""] if a else []
    out += [p.name or "" for p in s.contacts] + [p.email or "" for p in s.contacts]
    for acct in s.bank_accounts + ((case.claim.refund_account,) if case.claim.refund_account else ()):
        out += [acct.holder or "", acct.bank or ""]
    if case.settlement:
        out += [p.name for p in case.settlement.payers] + [p.address or "" for p in case.settlement.payers]
    if case.proceedings:
        out += [p.name for p in case.proceedings.suspects]
    out += [e.file_text for e in case.evidence if e.file_text]  # the evidence index's file column
    return sorted({flat(v) for v in out if v}, key=len, reverse=True)


def test_no_untranslated_latin_sentence_in_a_chinese_page(rendered):
    allowed = verbatim_names(rendered.case)
    found = []
    for pdf in outputs(rendered, "_zh.pdf"):
        if key_of(rendered, pdf) in INTERNAL:
            continue
        # a file path broken across lines at /, - or before its extension
        text = re.sub(r" ?([/-]) ?| (?=\.\w)", r"\1", flat(pdf_text(pdf.read_bytes())))
        # a draft's marked text runs from the marker to the next marker or Chinese character
        text = re.sub(UNTRANSLATED + r".*?(?=【|[\u3400-\u9fff]|$)", " ", text)
        for name in allowed:
            text = text.replace(name, " ")
        found += [f"{pdf.name}: {m.group(0)!r}" for m in LATIN_RUN.finditer(text)
                  if not re.fullmatch(r"[\w.+-]+@[\w.-]+|https?://\S+", m.group(0))]
    assert found == []


def names(case: Case, chinese: bool) -> tuple[str, str]:
    """The client's and the supplier's names as a document of that language prints them."""
    client = case.client.name_zh if chinese and case.client.name_zh else case.client.name
    supplier = case.supplier.name_zh if chinese and case.supplier.name_zh else case.supplier.name
    return client, supplier


def test_the_parties_are_named_the_same_in_every_document(rendered):
    """Every filed document names the client and the supplier, each in one form per language (a
    Hong Kong report in Traditional script)."""
    missing = []
    for pdf in outputs(rendered, ".pdf"):
        key, lang = key_of(rendered, pdf), pdf.stem.rsplit("_", 1)[1]
        if key in INTERNAL or lang == "bilingual":
            continue
        text = re.sub(r"\s+", "", pdf_text(pdf.read_bytes()))
        for name in names(rendered.case, lang == "zh"):
            squashed = re.sub(r"\s+", "", name)
            if squashed not in text and to_traditional(squashed) not in text:
                missing.append(f"{pdf.name}: {name}")
    assert missing == []


def test_plan_and_bundle_run_cleanly(rendered, tmp_path):
    plan = restitution("plan", str(rendered.case_file), "--today", DATE)
    assert plan.returncode == 0 and "Traceback" not in plan.stderr
    assert f"Case plan {rendered.case.id}, as of {DATE}" in plan.stdout
    args = ["bundle", str(rendered.case_file), "--date", DATE, "-o", str(tmp_path)]
    bundle = restitution(*args, *(["--draft"] if rendered.draft else []))
    assert bundle.returncode == 0, bundle.stderr
    assert "Traceback" not in bundle.stderr and any(tmp_path.glob("*.pdf"))
