"""Parsed phrase files kept on disk: used while the file's text is the same, never for a file
with a problem, and read afresh when the entry is torn."""
from __future__ import annotations

import pytest

from restitution.case import yamlsource
from restitution.errors import ErrorList
from restitution.language import EN
from restitution.language import catalogue as catalogue_module
from restitution.language import phrase_cache
from restitution.language.catalogue import catalogue


@pytest.fixture
def cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(tmp_path / "cache"))
    _forget()
    yield tmp_path / "cache" / phrase_cache.FOLDER
    _forget()


def _write(root, text: str):
    folder = root / "en" / "phrases"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / "t.yaml"
    path.write_text(text, encoding="utf-8")
    return path


def _forget():
    """The in-process caches cleared, so that the next reading goes to the disk, as a new process's."""
    catalogue_module._catalogue.cache_clear()
    catalogue_module._read_cached.cache_clear()


def _no_parsing(monkeypatch):
    def refuse(*a, **k):
        raise AssertionError("parsed although the file's phrases are kept")

    monkeypatch.setattr(yamlsource, "parse", refuse)


def test_a_second_process_reads_the_kept_phrases(cache, tmp_path, monkeypatch):
    _write(tmp_path / "t", 'a: "{days} days"\n')
    assert catalogue(EN, [tmp_path / "t"])("t.a", days=3) == "3 days"
    assert len(list(cache.glob("*.pickle"))) == 1
    _forget()
    _no_parsing(monkeypatch)
    words = catalogue(EN, [tmp_path / "t"])
    assert words("t.a", days=4) == "4 days"
    assert words.phrases["t.a"].source == "en/phrases/t.yaml:1"


def test_an_edited_file_is_read_again(cache, tmp_path):
    path = _write(tmp_path / "t", 'a: "old"\n')
    assert catalogue(EN, [tmp_path / "t"])("t.a") == "old"
    _forget()
    path.write_text('a: "new"\n', encoding="utf-8")
    assert catalogue(EN, [tmp_path / "t"])("t.a") == "new"
    assert len(list(cache.glob("*.pickle"))) == 2


def test_a_file_with_a_problem_is_never_kept(cache, tmp_path):
    _write(tmp_path / "t", 'a: "{x.y}"\n')
    for _ in range(2):
        with pytest.raises(ErrorList, match="is not allowed"):
            catalogue(EN, [tmp_path / "t"])
        _forget()
    assert not cache.exists() or list(cache.glob("*.pickle")) == []


def test_a_torn_or_foreign_entry_is_read_afresh(cache, tmp_path):
    _write(tmp_path / "t", 'a: "kept"\n')
    catalogue(EN, [tmp_path / "t"])
    (entry,) = cache.glob("*.pickle")
    for junk in (b"\x80\x05torn", __import__("pickle").dumps({"t.a": "not a phrase"})):
        entry.write_bytes(junk)
        _forget()
        assert catalogue(EN, [tmp_path / "t"])("t.a") == "kept"
