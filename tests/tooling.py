"""External tools some tests read our output with (poppler, LibreOffice, a browser).

A test marked `@needs_tool("pdftoppm", what="poppler-utils")` is skipped where a
tool is missing, except when RESTITUTION_REQUIRE_TOOLS is set (CI sets it after
installing them): there a missing tool fails the test, so a broken install
cannot turn a regression into a quiet skip. The check runs in conftest.py.
"""
from __future__ import annotations

import os
import shutil

import pytest

REQUIRED = os.environ.get("RESTITUTION_REQUIRE_TOOLS", "") not in ("", "0")


def which(*names: str) -> str | None:
    """The first of `names` on PATH."""
    return next((path for path in map(shutil.which, names) if path), None)


def needs_tool(*alternatives: str, what: str):
    """Marker: the test needs one of `alternatives` (each "a b" = all of a and b) on PATH."""
    return pytest.mark.needs_tool(*alternatives, what=what)


def check(item: pytest.Item) -> None:
    for mark in item.iter_markers("needs_tool"):
        if any(all(shutil.which(n) for n in alt.split()) for alt in mark.args):
            continue
        message = f"{mark.kwargs['what']} not installed"
        if REQUIRED:
            pytest.fail(f"{message}, and RESTITUTION_REQUIRE_TOOLS is set", pytrace=False)
        pytest.skip(message)


def require(path: str | None, what: str) -> str:
    """`path` if a tool was found; otherwise skip (or fail under RESTITUTION_REQUIRE_TOOLS)."""
    if path is None:
        if REQUIRED:
            pytest.fail(f"{what} not installed, and RESTITUTION_REQUIRE_TOOLS is set", pytrace=False)
        pytest.skip(f"{what} not installed")
    return path


def libreoffice_pdf(folder, data: bytes, name: str) -> bytes:
    """LibreOffice's PDF export of the DOCX `data`, made in `folder` with a profile of its own."""
    import subprocess

    path = folder / f"{name}.docx"
    path.write_bytes(data)
    soffice = which("soffice", "libreoffice")
    assert soffice is not None
    subprocess.run([soffice, f"-env:UserInstallation={(folder / 'profile').as_uri()}", "--headless",
                    "--convert-to", "pdf", "--outdir", str(folder), str(path)],
                   check=True, timeout=600, capture_output=True)
    return (folder / f"{name}.pdf").read_bytes()
