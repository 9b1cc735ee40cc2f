"""All-or-nothing, atomic writes that never overwrite without --force."""
from __future__ import annotations

import pytest

from restitution.errors import ErrorList, OutputError
from restitution.output import TMP_PREFIX, write_all


def test_writes_every_file(tmp_path):
    written = write_all(tmp_path / "out", [("a.pdf", b"A"), ("b.pdf", b"B")], force=False)
    assert [p.read_bytes() for p in written] == [b"A", b"B"]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(TMP_PREFIX)]


def test_existing_file_stops_everything(tmp_path):
    (tmp_path / "b.pdf").write_bytes(b"old")
    with pytest.raises(OutputError) as err:
        write_all(tmp_path, [("a.pdf", b"A"), ("b.pdf", b"B")], force=False)
    assert "--force" in str(err.value) and "b.pdf" in str(err.value)
    assert not (tmp_path / "a.pdf").exists()
    assert (tmp_path / "b.pdf").read_bytes() == b"old"


def test_every_clash_is_listed(tmp_path):
    for n in ("a.pdf", "b.pdf"):
        (tmp_path / n).write_bytes(b"old")
    with pytest.raises(ErrorList) as err:
        write_all(tmp_path, [("a.pdf", b"A"), ("b.pdf", b"B")], force=False)
    assert len(err.value.lines()) == 2


def test_force_overwrites(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"old")
    write_all(tmp_path, [("a.pdf", b"new")], force=True)
    assert (tmp_path / "a.pdf").read_bytes() == b"new"


def test_target_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(OutputError):
        write_all(tmp_path / "out", [("a.pdf", b"A")], force=False)
