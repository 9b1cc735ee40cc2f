"""A killed batch leaves only complete files; the next run removes stale temporaries;
a case with one failing document writes no file at all."""
from __future__ import annotations

import io
import os
import signal
import subprocess
import sys
import time
import zipfile
from pathlib import Path

import pytest

from restitution.output import TMP_PREFIX, TMP_SUFFIX, write_all

from .helpers import EXAMPLES, ROOT

EXAMPLE = next(p for p in EXAMPLES if p.name == "northwind-vanished.yaml")
WORK = ["--doc", "demand_letter", "--doc", "power_of_attorney", "--no-schedule"]  # enough to kill mid-run


def _copies(folder: Path, n: int) -> list[Path]:
    import shutil

    shutil.copytree(EXAMPLE.parent / "evidence", folder / "evidence")
    text = EXAMPLE.read_text(encoding="utf-8")
    paths = []
    for i in range(n):
        p = folder / f"case{i:02d}.yaml"
        p.write_text(text.replace("id: NW-2026-0042", f"id: NW-2026-{i:04d}", 1), encoding="utf-8")
        paths.append(p)
    return paths


def _env() -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _check_complete(out: Path) -> tuple[int, list[Path]]:
    import docx
    import pypdf

    complete, temporaries = 0, []
    for path in out.rglob("*"):
        if path.name.startswith(TMP_PREFIX):
            temporaries.append(path)
        elif path.suffix == ".pdf":
            assert len(pypdf.PdfReader(io.BytesIO(path.read_bytes()), strict=True).pages) >= 1, path
            complete += 1
        elif path.suffix == ".docx":
            with zipfile.ZipFile(path) as z:
                assert z.testzip() is None, path
            docx.Document(str(path))
            complete += 1
    return complete, temporaries


@pytest.mark.skipif(not hasattr(os, "killpg"), reason="process groups")
def test_a_batch_killed_mid_run_leaves_only_complete_files(tmp_path):
    cases = _copies(tmp_path / "in", 20)
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "restitution", "batch", *map(str, cases), "-o", str(out),
                             "-j", "2", "--date", "2026-11-20", *WORK], env=_env(), start_new_session=True,
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 120
        while time.monotonic() < deadline and proc.poll() is None:
            if out.is_dir() and any(p.is_dir() and any(p.iterdir()) for p in out.iterdir()):
                break
            time.sleep(0.02)
        assert proc.poll() is None, "the batch ended before it could be killed; use more cases"
    finally:
        os.killpg(proc.pid, signal.SIGKILL)
        proc.wait()
    complete, temporaries = _check_complete(out)
    assert complete >= 1
    assert not list(out.glob("batch_manifest.json"))  # killed before the end: no manifest
    # Whatever temporaries the kill left (none, or one per worker), the next run removes them:
    # their owners (named in them) are dead.
    stale = out / "NW-2026-0000" / f"{TMP_PREFIX}{_dead_pid()}-killed{TMP_SUFFIX}"
    stale.parent.mkdir(parents=True, exist_ok=True)
    stale.write_bytes(b"half a file")
    done = subprocess.run([sys.executable, "-m", "restitution", "batch", *map(str, cases), "-o", str(out),
                           "-j", "2", "--date", "2026-11-20", "--force", *WORK], env=_env(), capture_output=True,
                          text=True, timeout=600)
    assert done.returncode == 0, done.stderr
    complete, temporaries = _check_complete(out)
    assert temporaries == []
    assert (out / "batch_manifest.json").is_file()


def _dead_pid() -> int:
    """The pid of a process that has ended (and been reaped)."""
    child = subprocess.Popen([sys.executable, "-c", "pass"])
    child.wait()
    return child.pid


def test_write_all_removes_only_temporaries_whose_owner_is_gone(tmp_path):
    dead = tmp_path / f"{TMP_PREFIX}{_dead_pid()}-0a1b{TMP_SUFFIX}"
    live_owner = subprocess.Popen([sys.executable, "-c", "import sys; sys.stdin.read()"], stdin=subprocess.PIPE)
    try:
        # A concurrent writer's file, however old: not ours to remove while its owner lives.
        live = tmp_path / f"{TMP_PREFIX}{live_owner.pid}-2c3d{TMP_SUFFIX}"
        legacy_old = tmp_path / f"{TMP_PREFIX}k3j2x{TMP_SUFFIX}"  # an earlier version's name, no pid
        legacy_new = tmp_path / f"{TMP_PREFIX}m4n5y{TMP_SUFFIX}"
        other = tmp_path / "notes.tmp"
        for p in (dead, live, legacy_old, legacy_new, other):
            p.write_bytes(b"x")
        past = time.time() - 2 * 86400
        for p in (live, legacy_old, other):
            os.utime(p, (past, past))
        write_all(tmp_path, [("a.txt", b"a")], force=False)
        assert not dead.exists() and not legacy_old.exists()
        assert live.exists() and legacy_new.exists() and other.exists()
        assert (tmp_path / "a.txt").read_bytes() == b"a"
    finally:
        live_owner.communicate(b"")


def test_one_failing_document_leaves_no_file_of_the_case(tmp_path):
    overrides = tmp_path / "overrides" / "zh"
    overrides.mkdir(parents=True)
    (overrides / "police_report.md.j2").write_text("# x\n\n{{ case.no_such_key }}\n", encoding="utf-8")
    out = tmp_path / "out"
    # render: nothing at all
    r = subprocess.run([sys.executable, "-m", "restitution", "render", str(EXAMPLE), "-o", str(out),
                        "--date", "2026-11-20", "--templates", str(overrides.parent)],
                       env=_env(), capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert "templates/zh/police_report.md.j2:3" in r.stderr, r.stderr
    assert not out.exists() or not any(out.rglob("*"))
    # batch: the failing case has no folder, no file; the manifest lists nothing of it
    cases = _copies(tmp_path / "in", 2)
    r = subprocess.run([sys.executable, "-m", "restitution", "batch", *map(str, cases), "-o", str(out), "-j", "1",
                        "--date", "2026-11-20", "--templates", str(overrides.parent), "--no-schedule"],
                       env=_env(), capture_output=True, text=True, timeout=300)
    assert r.returncode == 1 and "Traceback" not in r.stderr
    assert not any(p.is_file() and p.suffix in (".pdf", ".docx") for p in out.rglob("*")), list(out.rglob("*"))
