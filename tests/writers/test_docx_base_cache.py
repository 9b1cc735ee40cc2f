"""The DOCX writer's styled base packages kept on disk: same bytes, stale or torn entries never used."""
from __future__ import annotations

import io
from pathlib import Path

import pytest

from restitution.document import Document, Paragraph, Run
from restitution.language import ZH
from restitution.writers import _docx_base_cache, _docx_styles
from restitution.writers.docx import write_docx


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setattr(_docx_styles, "_BASES", {})  # as a fresh process starts
    return tmp_path / "cache" / "docx"


def _doc(lang: str = "en") -> Document:
    en, zh = Paragraph((Run("Power of attorney"),)), Paragraph((Run("授权委托书"),), lang=ZH)
    if lang == "bilingual":
        return Document(key="test", lang=lang, title="Power of attorney", blocks=(en, zh), langs=("en", "zh"))
    if lang == "zh":
        return Document(key="test", lang=lang, title="授权委托书", blocks=(zh,), langs=("zh",))
    return Document(key="test", lang=lang, title="Power of attorney", blocks=(en,))


def _bytes(doc: Document) -> bytes:
    buf = io.BytesIO()
    write_docx(doc, buf)
    return buf.getvalue()


def _fresh_process(monkeypatch) -> None:
    monkeypatch.setattr(_docx_styles, "_BASES", {})


@pytest.mark.parametrize("lang", ["en", "zh", "bilingual"])
def test_a_saved_base_gives_the_same_document(cache, monkeypatch, lang):
    built = _bytes(_doc(lang))  # a miss: built, then saved
    assert len(list(cache.glob("*.docx-base"))) == 1
    _fresh_process(monkeypatch)

    def no_building(*args, **kwargs):
        raise AssertionError("the saved base was not used")

    monkeypatch.setattr(_docx_styles._StyledBase, "build", no_building)
    assert _bytes(_doc(lang)) == built


def test_a_torn_or_foreign_entry_is_built_again_and_replaced(cache, monkeypatch):
    built = _bytes(_doc())
    (entry,) = cache.glob("*.docx-base")
    whole = entry.read_bytes()
    for bad in (whole[: len(whole) // 2], b"restitution-docx-base\nPK not a zip", b"something else"):
        entry.write_bytes(bad)
        _fresh_process(monkeypatch)
        assert _bytes(_doc()) == built
        assert entry.read_bytes() == whole


def test_a_change_to_the_code_that_builds_it_is_a_new_entry(cache, monkeypatch):
    _bytes(_doc())
    monkeypatch.setattr(_docx_base_cache, "_code_fingerprint", lambda: "another version of the writer")
    _fresh_process(monkeypatch)
    _bytes(_doc())
    assert len(list(cache.glob("*.docx-base"))) == 2


def test_an_unwritable_cache_folder_only_costs_time(tmp_path, monkeypatch):
    blocker = tmp_path / "a file, not a folder"
    blocker.write_text("x")
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(blocker))
    _fresh_process(monkeypatch)
    first = _bytes(_doc())
    _fresh_process(monkeypatch)
    assert _bytes(_doc()) == first
