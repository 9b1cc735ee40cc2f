"""Fixtures of the exhibit and bundle tests (imported by their conftest.py); the helpers they use are in bundle_helpers."""
from __future__ import annotations

from pathlib import Path

import pytest

from bundle_helpers import make_eml, make_jpeg_rotated, make_pdf, make_png, make_txt
from reportlab.lib.pagesizes import A4, A5, landscape, letter
from restitution.exhibits import clear_cache


@pytest.fixture(autouse=True)
def _fresh_cache(tmp_path_factory, monkeypatch):
    # A cache folder of its own per test: a test that changes the page layout must not
    # meet a count another test (or a real run) kept on disk.
    monkeypatch.setenv("RESTITUTION_CACHE_DIR", str(tmp_path_factory.mktemp("cache")))
    clear_cache()
    yield
    clear_cache()


@pytest.fixture
def evidence(tmp_path: Path) -> Path:
    """A case folder with one evidence file of every kind the bundle binds."""
    ev = tmp_path / "evidence"
    ev.mkdir()
    make_pdf(ev / "contract.pdf", [A4, letter, landscape(A4), A5], rotate={1: 90})
    make_png(ev / "listing.png")
    make_jpeg_rotated(ev / "photo.jpg")
    make_txt(ev / "chat.txt")
    make_eml(ev / "mail.eml")
    return tmp_path
