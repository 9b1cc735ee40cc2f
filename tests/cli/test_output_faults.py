"""Each output fault a real run meets: one located `error:` line, exit 1, no traceback, and
the previous packet left exactly as it was (no new file beside old ones, no temporary).

The commands run in a child process (as a user runs them). Faults:
- parent is a file, name too long: any machine;
- full disk: a file-size limit in the child (RLIMIT_FSIZE gives EFBIG on the first
  write past it, deterministically, as any user), and a real full disk on a small
  tmpfs where this process may mount one (root); under CI (CI set) that must work;
- read-only folder: a 0555 folder stops writes for a normal user but not for root
  (CAP_DAC_OVERRIDE ignores the mode), so as root the folder is made read-only by a
  read-only bind mount of itself instead; under CI that must work too.
"""
from __future__ import annotations

import ctypes
import ctypes.util
import hashlib
import os
import resource
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "northwind-vanished.yaml"
# Four files (en and zh, PDF and DOCX; the zh PDF about 120 KB, the others under 50 KB).
SMALL = ["--doc", "power_of_attorney", "--lang", "en", "--lang", "zh", "--format", "pdf", "--format", "docx"]
IN_CI = bool(os.environ.get("CI"))


def restitution(*args: str, limit_bytes: int | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src") + os.pathsep + os.environ.get("PYTHONPATH", ""))

    def limit() -> None:
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit_bytes, limit_bytes))

    return subprocess.run([sys.executable, "-m", "restitution", *args], env=env, capture_output=True, text=True,
                          timeout=600, preexec_fn=limit if limit_bytes else None)


def render(out: Path, date: str, *extra: str, **kw) -> subprocess.CompletedProcess:
    return restitution("render", str(EXAMPLE), "-o", str(out), "--date", date, *SMALL, *extra, **kw)


def snapshot(folder: Path) -> dict[str, str]:
    """Every entry of the folder (hidden ones too) with the SHA-256 of its bytes."""
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(folder.iterdir())}


def assert_located_failure(r: subprocess.CompletedProcess, shown: str, words: str) -> None:
    assert r.returncode == 1, (r.returncode, r.stderr)
    assert "Traceback" not in r.stderr, r.stderr
    lines = [line for line in r.stderr.splitlines() if line.startswith("error: ")]
    assert lines and lines[0].startswith(f"error: {shown}"), r.stderr
    assert words in lines[0], r.stderr


@pytest.fixture
def old_packet(tmp_path) -> Path:
    out = tmp_path / "out"
    r = render(out, "2026-11-20")
    assert r.returncode == 0, r.stderr
    assert len(list(out.iterdir())) == 6  # 4 documents, the packet guide and README.txt
    return out


# ---------------------------------------------------------------- any machine


def test_parent_is_a_file(tmp_path):
    (tmp_path / "afile").write_text("mine")
    r = render(tmp_path / "afile" / "out", "2026-11-20")
    assert_located_failure(r, str(tmp_path / "afile" / "out"), f"{tmp_path / 'afile'} is a file, not a folder")
    assert (tmp_path / "afile").read_text() == "mine"


def test_name_too_long(tmp_path):
    out = tmp_path / ("x" * 300)
    r = render(out, "2026-11-20")
    assert_located_failure(r, str(out), "too long for the file system; use a shorter output path")
    assert list(tmp_path.iterdir()) == []


def test_file_size_limit_leaves_the_old_packet(old_packet):
    before = snapshot(old_packet)
    # 64 KiB: the English files fit, the Chinese PDF does not (EFBIG on its write).
    r = render(old_packet, "2026-12-24", "--force", limit_bytes=64 * 1024)
    assert_located_failure(r, str(old_packet / "NW-2026-0042_power_of_attorney_zh.pdf"), "file-size limit")
    assert snapshot(old_packet) == before  # all old: no new file, no temporary left


# ---------------------------------------------------------------- mounts (root)

_MS_RDONLY, _MS_REMOUNT, _MS_BIND = 1, 32, 4096
_MNT_DETACH = 2


def _libc():
    return ctypes.CDLL(ctypes.util.find_library("c") or None, use_errno=True)


def _mount(source: str, target: Path, fstype: str | None, flags: int, data: str | None = None) -> None:
    rc = _libc().mount(source.encode(), str(target).encode(), fstype.encode() if fstype else None,
                       ctypes.c_ulong(flags), data.encode() if data else None)
    if rc != 0:
        err = ctypes.get_errno()
        raise OSError(err, os.strerror(err), str(target))


def _umount(target: Path) -> None:
    _libc().umount2(str(target).encode(), _MNT_DETACH)


def _mount_or_skip(*args) -> None:
    try:
        _mount(*args)
    except OSError as err:
        if IN_CI and os.geteuid() == 0:
            raise  # CI runs as root: a mount must work there, not skip
        pytest.skip(f"cannot mount here ({err.strerror})")


def test_full_disk_leaves_the_old_packet(tmp_path):
    disk = tmp_path / "disk"
    disk.mkdir()
    # 320 KiB: the old packet (about 220 KiB) fits, old and new side by side do not.
    _mount_or_skip("tmpfs", disk, "tmpfs", 0, "size=320k,mode=0755")
    try:
        out = disk / "out"
        first = render(out, "2026-11-20")
        assert first.returncode == 0, first.stderr
        before = snapshot(out)
        r = render(out, "2026-12-24", "--force")
        assert_located_failure(r, str(out / "NW-2026-0"), "no space left on the device; free some space")
        assert snapshot(out) == before
    finally:
        _umount(disk)


def _read_only(folder: Path) -> bool:
    """Make `folder` read-only with its mode; False where that does not stop this user (root)."""
    os.chmod(folder, 0o555)
    probe = folder / ".probe"
    try:
        probe.write_bytes(b"")
    except PermissionError:
        return True
    probe.unlink()
    os.chmod(folder, 0o755)
    return False


def test_read_only_folder_leaves_the_old_packet(old_packet):
    before = snapshot(old_packet)
    mounted = False
    if not _read_only(old_packet):
        _mount_or_skip(str(old_packet), old_packet, None, _MS_BIND)
        mounted = True
        try:
            _mount(str(old_packet), old_packet, None, _MS_REMOUNT | _MS_BIND | _MS_RDONLY)
        except OSError:
            _umount(old_packet)
            raise
    try:
        r = render(old_packet, "2026-12-24", "--force")
        why = "read-only; choose another output folder" if mounted else "permission denied"
        assert_located_failure(r, str(old_packet / "NW-2026-0042_power_of_attorney_en.pdf"), why)
        assert snapshot(old_packet) == before
    finally:
        if mounted:
            _umount(old_packet)
        os.chmod(old_packet, 0o755)


# ---------------------------------------------------------------- inputs, links, modes


def test_the_case_file_is_never_an_output(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_bytes(EXAMPLE.read_bytes())
    shutil.copytree(EXAMPLE.parent / "evidence", tmp_path / "evidence")
    for args in (["plan", str(case), "--ics", str(case), "--force", "--today", "2026-11-20"],
                 ["preview", str(case), "--doc", "power_of_attorney", "--html", str(case), "--force"]):
        r = restitution(*args)
        assert_located_failure(r, str(case), "is an input of this run")
        assert case.read_bytes() == EXAMPLE.read_bytes()


def test_force_keeps_a_read_only_outputs_mode(old_packet):
    target = old_packet / "NW-2026-0042_power_of_attorney_en.pdf"
    os.chmod(target, 0o444)
    r = render(old_packet, "2026-12-24", "--force")
    assert r.returncode == 0, r.stderr
    assert oct(os.stat(target).st_mode & 0o777) == oct(0o444)
