"""exhibit_info / exhibit_infos: facts of each file, and a located error for each bad one."""
from __future__ import annotations

import hashlib
import io
from pathlib import Path

import pytest
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4

from bundle_helpers import ALL_FILES, make_case, make_pdf, make_png
from restitution.exhibits import files as exhibits
from restitution.exhibits import textpages
from restitution.errors import ErrorList
from restitution.exhibits import ExhibitError, exhibit_info, exhibit_infos


def test_facts_of_every_kind_of_file(evidence: Path):
    case = make_case(evidence, ALL_FILES)
    infos = exhibit_infos(case)
    assert [i.media for i in infos] == ["pdf", "image", "image", "text", "email"]
    assert [i.number for i in infos] == [1, 2, 3, 4, 5]
    assert infos[0].pages == 4
    assert infos[1].pages == infos[2].pages == infos[4].pages == 1
    for info, name in zip(infos, ALL_FILES):
        data = (evidence / name).read_bytes()
        assert info.sha256 == hashlib.sha256(data).hexdigest()
        assert info.size == len(data)
        assert info.file == name
        assert info.path == (evidence / name).resolve()


def test_text_page_count_comes_from_the_layout(tmp_path: Path):
    (tmp_path / "long.txt").write_text("\n".join(f"第{i}行 line {i}" for i in range(200)), encoding="utf-8")
    case = make_case(tmp_path, ["long.txt"])
    info = exhibit_info(case, case.evidence[0])
    laid_out = list(textpages.layout(textpages.text_lines(tmp_path / "long.txt")))
    assert info.pages == len(laid_out) == -(-200 // textpages.LINES_PER_PAGE)
    assert sum(len(p) for p in laid_out) == 200


def _error(case, number: int = 1) -> ExhibitError:
    with pytest.raises(ExhibitError) as err:
        exhibit_info(case, case.evidence[number - 1])
    return err.value


def test_missing_file_is_located(tmp_path: Path):
    err = _error(make_case(tmp_path, ["evidence/nowhere.pdf"]))
    assert str(err).startswith("case.yaml:105 evidence[0].file: exhibit 1 (evidence/nowhere.pdf)")
    assert "not found" in str(err)


def test_password_protected_pdf_is_refused(tmp_path: Path):
    make_pdf(tmp_path / "plain.pdf", [A4])
    writer = PdfWriter(clone_from=PdfReader(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="secret", owner_password="owner", algorithm="AES-128")
    writer.write(tmp_path / "locked.pdf")
    err = _error(make_case(tmp_path, ["locked.pdf"]))
    assert "encrypted" in err.message and "exhibit 1 (locked.pdf)" in err.message


def test_pdf_with_owner_password_only_is_bound(tmp_path: Path):
    make_pdf(tmp_path / "plain.pdf", [A4, A4])
    writer = PdfWriter(clone_from=PdfReader(tmp_path / "plain.pdf"))
    writer.encrypt(user_password="", owner_password="owner", algorithm="AES-128")
    writer.write(tmp_path / "restricted.pdf")
    case = make_case(tmp_path, ["restricted.pdf"])
    assert exhibit_info(case, case.evidence[0]).pages == 2


@pytest.mark.parametrize("content, words", [
    (b"%PDF-1.7\n1 0 obj garbage\n", "damaged"),
    (b"this is not a pdf at all", "not a PDF"),
])
def test_corrupt_pdf_is_refused(tmp_path: Path, content: bytes, words: str):
    (tmp_path / "bad.pdf").write_bytes(content)
    err = _error(make_case(tmp_path, ["bad.pdf"]))
    assert words in err.message and err.location.path == "evidence[0].file"


def test_undecodable_images_are_refused(tmp_path: Path):
    make_png(tmp_path / "ok.png")
    good = (tmp_path / "ok.png").read_bytes()
    (tmp_path / "truncated.png").write_bytes(good[: len(good) // 2])
    (tmp_path / "noise.jpg").write_bytes(b"\xff\xd8\xff\xe0" + b"\x00" * 64)
    case = make_case(tmp_path, ["truncated.png", "noise.jpg"])
    assert "cannot be decoded" in _error(case, 1).message
    assert "cannot be decoded" in _error(case, 2).message


def test_unsupported_type_names_exhibit_and_file(tmp_path: Path):
    (tmp_path / "contract.docx").write_bytes(b"PK\x03\x04 not really")
    err = _error(make_case(tmp_path, ["contract.docx"]))
    assert "exhibit 1 (contract.docx)" in err.message and "'.docx'" in err.message


def test_file_outside_the_case_folder(tmp_path: Path):
    folder = tmp_path / "case"
    folder.mkdir()
    make_pdf(tmp_path / "elsewhere.pdf", [A4])
    case = make_case(folder, ["../elsewhere.pdf"])
    assert "outside the case file's folder" in _error(case).message
    assert exhibit_info(case, case.evidence[0], allow_outside=True).pages == 1


def test_text_that_is_not_utf8(tmp_path: Path):
    (tmp_path / "chat.txt").write_bytes("供应商".encode("gbk"))
    err = _error(make_case(tmp_path, ["chat.txt"]))
    assert "not UTF-8" in err.message


def test_utf16_text_with_bom_is_read(tmp_path: Path):
    (tmp_path / "notepad.txt").write_bytes("供应商 supplier".encode("utf-16"))
    case = make_case(tmp_path, ["notepad.txt"])
    assert exhibit_info(case, case.evidence[0]).pages == 1


def test_eml_without_headers_is_refused(tmp_path: Path):
    (tmp_path / "note.eml").write_text("just some words\n", encoding="utf-8")
    assert "not an e-mail" in _error(make_case(tmp_path, ["note.eml"])).message


def test_empty_file_is_refused(tmp_path: Path):
    (tmp_path / "empty.pdf").write_bytes(b"")
    assert "empty" in _error(make_case(tmp_path, ["empty.pdf"])).message


def test_all_problems_are_reported_at_once(evidence: Path):
    (evidence / "bad.pdf").write_bytes(b"%PDF-1.4 broken")
    case = make_case(evidence, ["evidence/contract.pdf", "bad.pdf", "missing.png"])
    with pytest.raises(ErrorList) as err:
        exhibit_infos(case)
    lines = err.value.lines()
    assert len(lines) == 2
    assert lines[0].startswith("case.yaml:114 evidence[1].file: exhibit 2")
    assert lines[1].startswith("case.yaml:123 evidence[2].file: exhibit 3")


def test_facts_are_cached_until_the_file_changes(tmp_path: Path, monkeypatch):
    make_pdf(tmp_path / "a.pdf", [A4])
    case = make_case(tmp_path, ["a.pdf"])
    calls = []
    real = exhibits._read
    monkeypatch.setattr(exhibits, "_read", lambda *a: calls.append(a) or real(*a))
    first = exhibit_info(case, case.evidence[0])
    exhibit_info(case, case.evidence[0])
    assert len(calls) == 1
    make_pdf(tmp_path / "a.pdf", [A4, A4, A4])
    again = exhibit_info(case, case.evidence[0])
    assert len(calls) == 2 and again.pages == 3 and again.sha256 != first.sha256


def test_messages_do_not_leak_the_machine_path(tmp_path: Path):
    err = _error(make_case(tmp_path, ["evidence/nowhere.pdf"]))
    assert str(tmp_path) not in str(err)


def test_page_count_of_a_pdf_is_read_not_guessed(tmp_path: Path):
    make_pdf(tmp_path / "seven.pdf", [A4] * 7)
    case = make_case(tmp_path, ["seven.pdf"])
    assert exhibit_info(case, case.evidence[0]).pages == len(PdfReader(io.BytesIO((tmp_path / "seven.pdf").read_bytes())).pages)
