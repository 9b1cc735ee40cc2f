"""The font metrics cache and lazy font loading: same faces, same PDF bytes, safe fallbacks."""
from __future__ import annotations

import datetime as dt
import io
import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from pypdf import PdfReader
from reportlab.pdfbase.ttfonts import TTFont, TTFontFace

from restitution.document import Document, Paragraph, Run
from restitution.writers import _font_cache
from restitution.writers.fonts import BUNDLED_DIR
from restitution.writers.pdf import write_pdf

SRC = Path(__file__).resolve().parents[2] / "src"
SC = BUNDLED_DIR / "NotoSerifSC-Regular.ttf"
LATIN = BUNDLED_DIR / "NotoSerif-Regular.ttf"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(tmp_path / "cache"))
    return tmp_path / "cache" / "fonts"


def _data(face) -> dict:
    return {k: v for k, v in face.__dict__.items() if k not in ("_pdfScale", "_ttf_data")}


@pytest.mark.parametrize("path", [SC, LATIN], ids=["chinese", "latin"])
def test_cached_face_is_the_parsed_face(cache, path):
    parsed = TTFontFace(str(path))
    first = _font_cache.read_face(path)  # a miss: parsed, then stored
    assert len(list(cache.iterdir())) == 1
    second = _font_cache.read_face(path)  # a hit: read back
    for face in (first, second):
        assert _data(face) == _data(parsed)
        assert face._ttf_data == parsed._ttf_data
        assert [face._pdfScale(v) for v in (0, 1, 1000, -75)] == [parsed._pdfScale(v) for v in (0, 1, 1000, -75)]
    assert second.name.ustr == parsed.name.ustr and second.familyName.ustr == parsed.familyName.ustr
    # A subset cut from the cached face is the one cut from a fresh parse.
    chars = [ord(c) for c in "深圳市 Glory"] if path == SC else [ord(c) for c in "Glory Ltd"]
    assert second.makeSubset(chars) == parsed.makeSubset(chars)


def test_font_object_is_the_one_reportlab_builds(cache):
    ours = _font_cache.make_font("X-Regular", _font_cache.read_face(LATIN))
    theirs = TTFont("X-Regular", str(LATIN))
    assert set(ours.__dict__) == set(theirs.__dict__)
    for key in theirs.__dict__:
        if key == "encoding":
            assert type(ours.encoding) is type(theirs.encoding) and vars(ours.encoding) == vars(theirs.encoding)
        elif key not in ("face", "state"):
            assert ours.__dict__[key] == theirs.__dict__[key], key
    assert ours.stringWidth("Glory Tech", 12) == theirs.stringWidth("Glory Tech", 12)


def test_entry_is_keyed_by_the_font_bytes(cache, tmp_path):
    copy = tmp_path / "Face-Regular.ttf"
    copy.write_bytes(LATIN.read_bytes())
    _font_cache.read_face(copy)
    _font_cache.read_face(LATIN)
    assert len(list(cache.iterdir())) == 1  # same bytes, one entry, wherever the file lies
    # Another font under the same name (and the same date): a new entry, never the old metrics.
    stamp = copy.stat()
    copy.write_bytes((BUNDLED_DIR / "NotoSerif-Bold.ttf").read_bytes())
    os.utime(copy, ns=(stamp.st_atime_ns, stamp.st_mtime_ns))
    face = _font_cache.read_face(copy)
    assert face.name.ustr == "NotoSerif-Bold"
    assert len(list(cache.iterdir())) == 2


def test_corrupt_entry_is_parsed_again_and_replaced(cache):
    _font_cache.read_face(LATIN)
    (entry,) = cache.iterdir()
    for junk in (b"", b"\x00garbage", __import__("marshal").dumps({"not": "metrics"})):
        entry.write_bytes(junk)
        face = _font_cache.read_face(LATIN)
        assert _data(face) == _data(TTFontFace(str(LATIN)))
        assert entry.read_bytes() != junk  # rewritten


def test_unwritable_cache_falls_back_to_parsing(tmp_path, monkeypatch):
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(blocker))
    face = _font_cache.read_face(LATIN)
    assert _data(face) == _data(TTFontFace(str(LATIN)))
    assert blocker.read_text() == "not a folder"


def test_default_folder_is_the_users_cache(monkeypatch, tmp_path):
    monkeypatch.delenv("RESTITUTION_CACHE_DIR", raising=False)
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    if sys.platform.startswith("linux"):
        assert _font_cache.cache_dir() == tmp_path / "xdg" / "restitution" / "fonts"
    else:  # pragma: no cover - macOS and Windows have their own cache folders
        assert _font_cache.cache_dir().name == "fonts"


# Written in a fresh process: which faces a document makes reportlab register.
_REGISTERED = r"""
import datetime as dt, io, json, sys
from reportlab.pdfbase import pdfmetrics
from restitution.document import Document, Paragraph, Run
from restitution.writers.pdf import write_pdf
lang, text, bold = sys.argv[1], sys.argv[2], sys.argv[3] == "bold"
doc = Document(key="demand_letter", lang=lang, title="T", date=dt.date(2026, 11, 20), case_id="C-1",
               langs=(lang,), blocks=(Paragraph((Run(text, bold=bold),), "body", None),))
buf = io.BytesIO()
write_pdf(doc, buf)
print(json.dumps(sorted(n for n in pdfmetrics.getRegisteredFontNames() if n.startswith("Noto") or n.startswith("DejaVu"))))
"""


def _registered(cache: Path, lang: str, text: str, bold: bool = False) -> list[str]:
    env = dict(os.environ, PYTHONPATH=str(SRC), RESTITUTION_CACHE_DIR=str(cache.parent))
    env.pop("RESTITUTION_FONT_DIR", None)
    out = subprocess.run([sys.executable, "-c", _REGISTERED, lang, text, "bold" if bold else "regular"],
                         capture_output=True, text=True, env=env, check=True)
    return json.loads(out.stdout)


def test_english_without_chinese_never_reads_the_chinese_faces(cache):
    registered = _registered(cache, "en", "Northwind Trading LLC paid USD 25,000.00.")
    assert not any(n.startswith("NotoSerifSC") for n in registered)
    assert "NotoSerif-Regular" in registered
    # A Chinese name in the text brings in the Chinese regular face only, not its bold.
    registered = _registered(cache, "en", "Shenzhen Glory Tech (深圳市荣耀示例科技有限公司)")
    assert "NotoSerifSC-Regular" in registered and "NotoSerifSC-Bold" not in registered
    assert "DejaVuSans-Regular" not in registered and "NotoEmoji-Regular" not in registered
    assert "NotoSerifSC-Bold" in _registered(cache, "zh", "深圳市荣耀示例科技有限公司", bold=True)


def _pdf(lang: str, text: str) -> bytes:
    doc = Document(key="demand_letter", lang=lang, title="T", date=dt.date(2026, 11, 20), case_id="C-1",
                   langs=(lang,), blocks=(Paragraph((Run(text),), "body", None),
                                          Paragraph((Run(text, bold=True),), "body", None)))
    buf = io.BytesIO()
    write_pdf(doc, buf)
    return buf.getvalue()


def test_pdf_from_cached_metrics_embeds_the_same_subsets(cache):
    text = "深圳市荣耀示例科技有限公司 Glory Tech"
    cold = subprocess.run([sys.executable, "-c", _PDF_SHA, text], capture_output=True, text=True, check=True,
                          env=dict(os.environ, PYTHONPATH=str(SRC), RESTITUTION_CACHE_DIR=str(cache.parent)))
    assert any(cache.iterdir())
    warm = subprocess.run([sys.executable, "-c", _PDF_SHA, text], capture_output=True, text=True, check=True,
                          env=dict(os.environ, PYTHONPATH=str(SRC), RESTITUTION_CACHE_DIR=str(cache.parent)))
    assert cold.stdout == warm.stdout  # byte for byte
    data = _pdf("zh", text)
    reader = PdfReader(io.BytesIO(data))
    assert "深圳市荣耀示例科技有限公司" in reader.pages[0].extract_text()
    fonts = reader.pages[0]["/Resources"]["/Font"]
    for ref in fonts.values():
        descriptor = ref.get_object()["/FontDescriptor"].get_object()
        assert "/FontFile2" in descriptor  # embedded
        assert str(ref.get_object()["/BaseFont"]).split("+")[1].startswith("NotoSerif")


_PDF_SHA = r"""
import datetime as dt, hashlib, io, sys
from restitution.document import Document, Paragraph, Run
from restitution.writers.pdf import write_pdf
doc = Document(key="demand_letter", lang="zh", title="T", date=dt.date(2026, 11, 20), case_id="C-1",
               langs=("zh",), blocks=(Paragraph((Run(sys.argv[1]),), "body", None),
                                      Paragraph((Run(sys.argv[1], bold=True),), "body", None)))
buf = io.BytesIO()
write_pdf(doc, buf)
print(hashlib.sha256(buf.getvalue()).hexdigest())
"""
