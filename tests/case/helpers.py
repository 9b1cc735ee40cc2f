"""Shared helpers for the case-file tests."""
from __future__ import annotations

from pathlib import Path

import pytest

from restitution.case import loads_case
from restitution.errors import ErrorList

DATA = Path(__file__).resolve().parents[1] / "data"
VALID = DATA / "valid"
INVALID = DATA / "invalid"
MINIMAL = (VALID / "minimal.yaml").read_text(encoding="utf-8")


def errors_of(text: str | bytes, tmp_path: Path | None = None, **kw) -> list[tuple[int | None, str | None, str]]:
    """(line, path, message) of every error `text` produces; fails if it loads."""
    with pytest.raises(ErrorList) as info:
        loads_case(text, "case.yaml", tmp_path or VALID, **kw)
    return [(e.location.line, e.location.path, e.message) for e in info.value.errors]


def one_error(text: str | bytes, tmp_path: Path | None = None, **kw) -> tuple[int | None, str | None, str]:
    errors = errors_of(text, tmp_path, **kw)
    assert len(errors) == 1, errors
    return errors[0]


def edit(old: str, new: str, text: str = MINIMAL) -> str:
    assert old in text, old
    return text.replace(old, new, 1)
