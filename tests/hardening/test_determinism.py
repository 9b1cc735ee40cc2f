"""Same input, same bytes: two processes with different hash seeds write identical files.

Every example, every applicable document, en/zh/bilingual, DOCX and PDF; the
evidence bundle of every example; and a batch (files and manifest).
"""
from __future__ import annotations

import hashlib
import os
import subprocess
import sys
from pathlib import Path

from .helpers import EXAMPLES, ROOT

DATE = "2026-11-20"


def _env(seed: str) -> dict:
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    env["PYTHONHASHSEED"] = seed
    env.pop("SOURCE_DATE_EPOCH", None)
    return env


def _digests(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): hashlib.sha256(p.read_bytes()).hexdigest()
            for p in sorted(folder.rglob("*")) if p.is_file()}


def _run_both(tmp_path: Path, name: str, argv_for) -> tuple[dict, dict]:
    """Start the command for seeds 1 and 2 at once, each into its own folder."""
    procs = []
    for seed in ("1", "2"):
        out = tmp_path / f"{name}-{seed}"
        script = ";".join(" ".join(map(str, argv)) for argv in argv_for(out))
        procs.append((out, subprocess.Popen(["/bin/sh", "-c", "set -e;" + script], env=_env(seed),
                                            stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)))
    results = []
    for out, proc in procs:
        _, err = proc.communicate(timeout=900)
        assert proc.returncode == 0, err
        results.append(_digests(out))
    return results[0], results[1]


def _py() -> str:
    return sys.executable


def test_every_document_is_byte_identical_across_processes(tmp_path):
    def argv(out):
        return [[_py(), "-m", "restitution", "render", p, "-o", out / p.stem, "--date", DATE] for p in EXAMPLES]

    a, b = _run_both(tmp_path, "render", argv)
    assert len(a) >= 4 * 5 * 3 * 2
    assert a == b, sorted(k for k in a if a.get(k) != b.get(k))


def test_bundle_and_batch_are_byte_identical_across_processes(tmp_path):
    def argv(out):
        cmds = [[_py(), "-m", "restitution", "bundle", p, "-o", out / "bundle" / p.stem, "--date", DATE]
                for p in EXAMPLES]
        cmds.append([_py(), "-m", "restitution", "batch", *EXAMPLES, "-o", out / "batch", "--date", DATE,
                     "-j", "2", "--format", "pdf"])
        return cmds

    a, b = _run_both(tmp_path, "bundle", argv)
    assert any(k.startswith("bundle/") for k in a)
    assert "batch/batch_manifest.json" in a
    assert a == b, sorted(k for k in a if a.get(k) != b.get(k))
