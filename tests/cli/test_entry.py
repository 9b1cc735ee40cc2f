"""The program's entry point (`restitution.cli.run`): main's exit status and output, without the teardown."""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
EXAMPLE = ROOT / "examples" / "northwind-vanished.yaml"


def program(*args: str, cwd: Path) -> subprocess.CompletedProcess:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run([sys.executable, "-m", "restitution", *args], capture_output=True, text=True, cwd=cwd,
                          env=env, timeout=300)


def test_a_render_writes_every_file_whole_and_says_so(tmp_path):
    r = program("render", str(EXAMPLE), "--doc", "power_of_attorney", "--lang", "en", "-o", "out",
                "--date", "2026-11-20", cwd=tmp_path)
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith("wrote 4 files to out")  # printed before the fast exit: flushed
    out = tmp_path / "out"
    assert sorted(p.name for p in out.iterdir()) == sorted(
        ["NW-2026-0042_power_of_attorney_en.docx", "NW-2026-0042_power_of_attorney_en.pdf",
         "NW-2026-0042_guide_en.pdf", "README.txt"])
    assert (out / "NW-2026-0042_power_of_attorney_en.pdf").read_bytes().rstrip().endswith(b"%%EOF")


@pytest.mark.parametrize("args, status, said", [
    (("render", "missing.yaml"), 2, "no such file"),
    (("render", str(EXAMPLE), "--lang", "fr"), 2, "--lang 'fr'"),
    (("validate", str(EXAMPLE), "--date", "2026-11-20"), 0, "ok: "),
])
def test_exit_status_and_messages_are_mains(tmp_path, args, status, said):
    r = program(*args, cwd=tmp_path)
    assert r.returncode == status
    assert said in r.stdout + r.stderr
    assert "Traceback" not in r.stderr


def test_output_cut_short_by_a_closed_pipe_is_not_a_traceback(tmp_path):
    # `restitution schema | head -1`: the reader goes away before the schema is written.
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen([sys.executable, "-m", "restitution", "schema"], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, cwd=tmp_path, env=env)
    assert proc.stdout is not None and proc.stderr is not None
    proc.stdout.read(1)
    proc.stdout.close()
    err = proc.stderr.read().decode()
    proc.wait(timeout=60)
    assert "Traceback" not in err
