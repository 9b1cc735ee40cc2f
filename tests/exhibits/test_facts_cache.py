"""Page counts kept on disk: reused by a new process, never across other bytes, code or fonts."""
from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

from bundle_helpers import make_case, make_eml, make_pdf, make_txt
from reportlab.lib.pagesizes import A4
from restitution.exhibits import clear_cache, exhibit_infos, facts_cache, files


def _infos(folder: Path, names: list[str]):
    clear_cache()  # a new process: nothing in memory
    return exhibit_infos(make_case(folder, names))


def _no_counting(monkeypatch):
    def refuse(path):
        raise AssertionError(f"counted {path.name} again")

    for reader in ("pdf_pages", "_text_pages", "_email_pages", "_image_pages"):
        monkeypatch.setattr(files, reader, refuse)


def test_a_new_process_reads_the_count_from_disk(tmp_path, monkeypatch):
    make_pdf(tmp_path / "contract.pdf", [A4] * 3)
    make_eml(tmp_path / "mail.eml")
    make_txt(tmp_path / "chat.txt", repeat=40)
    names = ["contract.pdf", "mail.eml", "chat.txt"]
    first = _infos(tmp_path, names)
    assert [i.pages for i in first][0] == 3 and first[2].pages > 1
    _no_counting(monkeypatch)
    again = _infos(tmp_path, names)
    assert [(i.pages, i.sha256, i.size) for i in again] == [(i.pages, i.sha256, i.size) for i in first]


def test_other_bytes_are_counted_afresh(tmp_path):
    make_pdf(tmp_path / "contract.pdf", [A4] * 2)
    assert _infos(tmp_path, ["contract.pdf"])[0].pages == 2
    stamp = (tmp_path / "contract.pdf").stat()
    make_pdf(tmp_path / "contract.pdf", [A4] * 5)
    os.utime(tmp_path / "contract.pdf", ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    assert _infos(tmp_path, ["contract.pdf"])[0].pages == 5


def test_other_layout_code_or_fonts_are_counted_afresh(tmp_path, monkeypatch):
    make_txt(tmp_path / "chat.txt", repeat=40)
    base = _infos(tmp_path, ["chat.txt"])[0].pages
    counted: list[str] = []
    real = files._text_pages

    def counting(path):
        counted.append(path.name)
        return real(path)

    monkeypatch.setattr(files, "_text_pages", counting)
    monkeypatch.setattr(facts_cache, "_code_fingerprint", lambda: "other typesetting code")
    assert _infos(tmp_path, ["chat.txt"])[0].pages == base and counted == ["chat.txt"]
    # The user's font folder takes part in the e-mail and text layout.
    fonts = tmp_path / "fonts"
    fonts.mkdir()
    monkeypatch.setenv("RESTITUTION_FONT_DIR", str(fonts))
    key = facts_cache._fonts_fingerprint()
    (fonts / "Extra-Regular.ttf").write_bytes(b"\0")
    assert facts_cache._fonts_fingerprint() != key


def test_a_refusal_is_never_cached(tmp_path):
    (tmp_path / "bad.pdf").write_bytes(b"%PDF-1.4 not really")
    with pytest.raises(files.ExhibitError):
        _infos(tmp_path, ["bad.pdf"])
    cache = Path(os.environ["RESTITUTION_CACHE_DIR"]) / "exhibits"
    assert not cache.exists() or not any(cache.iterdir())


def test_corrupt_entry_or_unwritable_folder_means_counting(tmp_path, monkeypatch):
    make_pdf(tmp_path / "contract.pdf", [A4] * 2)
    _infos(tmp_path, ["contract.pdf"])
    (entry,) = (Path(os.environ["RESTITUTION_CACHE_DIR"]) / "exhibits").iterdir()
    for junk in ("", "{", '{"pages": "2"}', '{"pages": 0}', "[]"):
        entry.write_text(junk)
        assert _infos(tmp_path, ["contract.pdf"])[0].pages == 2
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(blocker))
    assert _infos(tmp_path, ["contract.pdf"])[0].pages == 2


def test_a_cached_index_does_not_import_pypdf():
    import subprocess

    root = Path(__file__).resolve().parents[2]
    code = ("import sys; from restitution.case import load_case; from restitution.exhibits import exhibit_infos; "
            "infos = exhibit_infos(load_case(sys.argv[1])); "
            "print(','.join(str(i.pages) for i in infos), 'pypdf' in sys.modules)")
    env = dict(os.environ, PYTHONPATH=str(root / "src"))
    case = str(root / "examples" / "northwind-vanished.yaml")
    runs = [subprocess.run([sys.executable, "-c", code, case], capture_output=True, text=True, env=env,
                           check=True).stdout.split() for _ in range(2)]
    assert runs[0][0] == runs[1][0]  # the same counts (PDFs, the e-mail, the photo)
    assert [r[1] for r in runs] == ["True", "False"]  # counted, then read back
