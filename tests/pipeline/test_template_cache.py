"""Compiled templates on disk: reused across environments, never across code or source changes."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from restitution.errors import TemplateError
from restitution.pipeline import template_cache, templating
from restitution.pipeline.templating import RenderState, render_template

DATE = dt.date(2026, 11, 20)


class _Doc:
    def __init__(self, lang):
        self.lang, self.date, self.key = lang, DATE, "t"


@pytest.fixture
def cache(tmp_path, monkeypatch) -> Path:
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(tmp_path / "cache"))
    templating.environment.cache_clear()
    yield tmp_path / "cache" / "templates"
    templating.environment.cache_clear()


def _render(root: Path, body: str, case) -> str:
    folder = root / "en"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "t.md.j2").write_text(body, encoding="utf-8")
    templating.environment.cache_clear()  # a fresh environment: what a new process starts with
    state = RenderState(case=case, lang="en")
    return render_template("t.md.j2", "en", (root,), {"case": case, "doc": _Doc("en"), "x": {}, "_state": state})


def _compiles(monkeypatch) -> list[str]:
    seen: list[str] = []
    real = templating.sandbox.BoundedSandbox.compile

    def counting(self, source, name=None, filename=None, *a, **k):
        seen.append(name)
        return real(self, source, name, filename, *a, **k)

    monkeypatch.setattr(templating.sandbox.BoundedSandbox, "compile", counting)
    return seen


def test_a_new_environment_reuses_the_compiled_template(cache, tmp_path, case, monkeypatch):
    seen = _compiles(monkeypatch)
    body = "Supplier: {{ case.supplier.name }}\n"
    first = _render(tmp_path / "t", body, case)
    assert seen == ["t.md.j2"] and len(list(cache.iterdir())) == 1
    assert _render(tmp_path / "t", body, case) == first
    assert seen == ["t.md.j2"]  # read back, not compiled again
    # A changed template is compiled again and prints its new text.
    assert _render(tmp_path / "t", "Seller: {{ case.supplier.name }}\n", case).startswith("Seller:")
    assert seen == ["t.md.j2", "t.md.j2"]


def test_cached_template_keeps_its_error_lines(cache, tmp_path, case):
    body = "a\n\nb {{ case.supplier.nmae }}\n"
    for _ in range(2):  # compiled, then from the cache
        with pytest.raises(TemplateError) as err:
            _render(tmp_path / "t", body, case)
        assert err.value.location.line == 3 and "nmae" in err.value.message


def test_the_code_generator_is_part_of_the_key(cache, tmp_path, case, monkeypatch):
    seen = _compiles(monkeypatch)
    _render(tmp_path / "t", "x {{ case.supplier.name }}\n", case)
    monkeypatch.setattr(template_cache, "_fingerprint", lambda: "another sandbox")
    _render(tmp_path / "t", "x {{ case.supplier.name }}\n", case)
    assert len(seen) == 2 and len(list(cache.iterdir())) == 2


def test_a_corrupt_entry_is_compiled_afresh(cache, tmp_path, case, monkeypatch):
    seen = _compiles(monkeypatch)
    good = _render(tmp_path / "t", "x {{ case.supplier.name }}\n", case)
    (entry,) = cache.iterdir()
    for junk in (b"", b"j2 not a bucket", entry.read_bytes()[:40]):
        entry.write_bytes(junk)
        assert _render(tmp_path / "t", "x {{ case.supplier.name }}\n", case) == good
    assert len(seen) == 4


def test_unwritable_folder_means_no_cache(tmp_path, monkeypatch, case):
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(blocker))
    assert template_cache.template_cache() is None
    try:
        assert _render(tmp_path / "t", "x {{ case.supplier.name }}\n", case).startswith("x ")
    finally:
        templating.environment.cache_clear()
