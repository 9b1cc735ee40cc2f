"""Exhibit files: relative to the case file, inside its folder, existing."""
from __future__ import annotations

import os

import pytest

from restitution.case import load_case
from restitution.case.evidence import resolve_file
from restitution.case.fields import Invalid
from restitution.errors import ErrorList

from .helpers import MINIMAL


@pytest.fixture
def folder(tmp_path):
    case_dir = tmp_path / "case"
    (case_dir / "evidence").mkdir(parents=True)
    (case_dir / "evidence" / "emails.pdf").write_bytes(b"%PDF-1.4\n")
    (tmp_path / "secret.txt").write_text("not evidence")
    return case_dir


def _why(written, folder, **kw) -> str:
    with pytest.raises(Invalid) as info:
        resolve_file(written, folder, **kw)
    return str(info.value)


def test_relative_path_resolves_inside(folder):
    assert resolve_file("evidence/emails.pdf", folder) == (folder / "evidence" / "emails.pdf").resolve()
    assert resolve_file("./evidence/../evidence/emails.pdf", folder).name == "emails.pdf"


def test_parent_directory_is_refused_unless_allowed(folder):
    assert _why("../secret.txt", folder) == '"../secret.txt" leads outside the case folder; keep evidence next to the case file'
    assert resolve_file("../secret.txt", folder, allow_outside=True).read_text() == "not evidence"


def test_symlink_pointing_out_is_refused(folder):
    link = folder / "evidence" / "linked.txt"
    try:
        os.symlink(folder.parent / "secret.txt", link)
    except (OSError, NotImplementedError):
        pytest.skip("symbolic links are not available here")
    message = _why("evidence/linked.txt", folder)
    assert message == '"evidence/linked.txt" leads outside the case folder through a symbolic link; keep evidence next to the case file'
    assert str(folder.parent) not in message


def test_absolute_path_is_refused(folder):
    assert _why(str(folder / "evidence" / "emails.pdf"), folder).endswith("must be a path relative to the case file's folder")


def test_missing_file_and_folder(folder):
    assert _why("evidence/none.pdf", folder) == 'file "evidence/none.pdf" not found (paths are relative to the case file)'
    assert _why("evidence", folder) == '"evidence" is not a regular file'
    assert resolve_file("evidence/none.pdf", folder, check_files=False).name == "none.pdf"


def test_load_case_reports_the_path_as_written(folder, monkeypatch):
    (folder / "case.yaml").write_text(
        MINIMAL + "evidence:\n  - kind: emails\n    title: E-mails\n    file: evidence/emails.pdf\n"
        "  - kind: other\n    title: Elsewhere\n    file: ../secret.txt\n",
        encoding="utf-8",
    )
    monkeypatch.chdir(folder.parent)
    with pytest.raises(ErrorList) as info:
        load_case("case/case.yaml")
    assert info.value.lines() == [
        'case/case.yaml:33 evidence[1].file: "../secret.txt" leads outside the case folder; keep evidence next to the case file'
    ]
    case = load_case("case/case.yaml", allow_outside=True)
    assert case.evidence[0].file == (folder / "evidence" / "emails.pdf").resolve()
    assert case.evidence[0].file_text == "evidence/emails.pdf"
    assert case.folder.resolve() == folder.resolve()
