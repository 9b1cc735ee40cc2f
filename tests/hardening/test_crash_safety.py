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
            # a published file (temporaries, backups and journals are hidden): a case is complete
            if out.is_dir() and any(p.is_dir() and any(not f.name.startswith(".") for f in p.iterdir())
                                    for p in out.iterdir()):
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


def _processes():
    """(pid, state, parent pid, process group) of every process, from /proc."""
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            fields = Path(f"/proc/{entry}/stat").read_bytes().rsplit(b")", 1)[1].split()
        except (OSError, IndexError):
            continue
        yield int(entry), fields[0], int(fields[1]), int(fields[2])


def _group_alive(pgid: int) -> list[int]:
    """Processes of the group that are still running (zombies excluded)."""
    return [pid for pid, state, _, group in _processes() if group == pgid and state != b"Z"]


def _writer_groups(pid: int) -> list[int]:
    """The process groups of `pid`'s children that lead a group of their own (the render's
    writer process and the pool it forks)."""
    return [child for child, state, parent, group in _processes() if parent == pid and group == child and state != b"Z"]


def _folder_states(out: Path, old: dict[str, str]) -> dict[str, str]:
    """Each case folder: "old" (every file as the first run left it), "new" (none of them)."""
    import hashlib

    states = {}
    for folder in sorted(p for p in out.iterdir() if p.is_dir()):
        same = [hashlib.sha256(f.read_bytes()).hexdigest() == old[f"{folder.name}/{f.name}"]
                for f in folder.iterdir()]
        assert all(same) or not any(same), f"{folder.name} mixes old and new files"
        states[folder.name] = "old" if all(same) else "new"
    return states


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
@pytest.mark.parametrize("signum, code, to_group", [(signal.SIGTERM, 143, False), (signal.SIGINT, 130, True)])
def test_a_signal_mid_batch_stops_every_worker_and_mixes_no_packet(tmp_path, signum, code, to_group):
    """SIGTERM to the batch (as a service manager sends it), Ctrl-C to its process group (as a
    terminal sends it): the exit code of the signal, no live worker, each case all old or all new."""
    import json

    cases = _copies(tmp_path / "in", 12)
    out = tmp_path / "out"
    base = [sys.executable, "-m", "restitution", "batch", *map(str, cases), "-o", str(out), "-j", "2", *WORK]
    first = subprocess.run([*base, "--date", "2026-11-20"], env=_env(), capture_output=True, text=True, timeout=600)
    assert first.returncode == 0, first.stderr
    old = {e["path"]: e["sha256"] for e in json.loads((out / "batch_manifest.json").read_text())["files"]}
    (out / "batch_manifest.json").unlink()
    stamp = {p: p.stat().st_mtime_ns for p in out.rglob("*.pdf")}
    proc = subprocess.Popen([*base, "--date", "2026-12-24", "--force"], env=_env(), start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None:
            if any(p.stat().st_mtime_ns != t for p, t in stamp.items() if p.exists()):
                break  # a first case has been republished: the workers are busy with the next ones
            time.sleep(0.02)
        assert proc.poll() is None, "the batch ended before the signal; use more cases"
        os.killpg(proc.pid, signum) if to_group else proc.send_signal(signum)
        stdout, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
    assert proc.returncode == code, stderr
    assert "Traceback" not in stderr, stderr
    assert "stopped: " in stderr and "no manifest" in stderr
    assert _group_alive(proc.pid) == []  # no worker outlived the batch
    states = _folder_states(out, old)
    assert "new" in states.values() and "old" in states.values(), states  # stopped midway
    complete, temporaries = _check_complete(out)
    assert temporaries == [] and not (out / "batch_manifest.json").exists()


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="reads /proc")
def test_sigterm_while_render_workers_run_stops_them_and_writes_nothing(tmp_path):
    out = tmp_path / "out"
    proc = subprocess.Popen([sys.executable, "-m", "restitution", "render", str(EXAMPLE), "-o", str(out),
                             "--date", "2026-11-20"], env=_env(), start_new_session=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    groups: list[int] = []

    def workers() -> int:
        """The processes writing: the render's own workers, or its writer process and that one's pool."""
        groups[:] = sorted(set(groups) | set(_writer_groups(proc.pid)))
        return len(_group_alive(proc.pid)) - 1 + sum(len(_group_alive(g)) for g in groups)

    try:
        deadline = time.monotonic() + 300
        while time.monotonic() < deadline and proc.poll() is None and workers() < 2:
            time.sleep(0.01)  # until the worker processes exist
        if proc.poll() is not None or workers() < 2:
            pytest.skip("the packet was made without worker processes (one usable CPU)")
        proc.send_signal(signal.SIGTERM)
        _, stderr = proc.communicate(timeout=120)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        for g in groups:
            if _group_alive(g):
                os.killpg(g, signal.SIGKILL)
    assert proc.returncode == 143 and "Traceback" not in stderr, stderr
    assert stderr.strip().splitlines()[-1] == "terminated"
    deadline = time.monotonic() + 30  # a killed process is gone once the system has ended it
    while time.monotonic() < deadline and (_group_alive(proc.pid) or any(_group_alive(g) for g in groups)):
        time.sleep(0.01)
    assert _group_alive(proc.pid) == [] and all(_group_alive(g) == [] for g in groups)
    assert not out.exists() or not any(out.iterdir())
