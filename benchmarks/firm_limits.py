"""Firm-template attacks (issue 12): time, peak memory and outcome of each one.

    PYTHONPATH=src python benchmarks/firm_limits.py              # every attack, a Markdown table
    PYTHONPATH=src python benchmarks/firm_limits.py logo_bomb    # some attacks only
    python benchmarks/firm_limits.py --src OTHER/src --timeout 60  # the attacks on another source tree

The attacks are those of tests/hardening/firm_attacks.py (the tests assert
their outcome; this measures them). Each runs as ``python -m restitution ...``
in a child process capped at 1 GB of address space (RLIMIT_AS), one attack at
a time; peak RSS is the child's (resource.getrusage of children, in a fresh
parent per attack). Figures go into benchmarks/LIMITS.md by hand.
"""
from __future__ import annotations

import argparse
import json
import os
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests" / "hardening"))

import firm_attacks  # noqa: E402


def one(name: str, src: Path, timeout: float) -> dict:
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "firm"
        args = firm_attacks.ATTACKS[name](folder)
        env = dict(os.environ, PYTHONPATH=str(src))
        env.pop("RESTITUTION_TEMPLATES", None)
        start = time.monotonic()
        try:
            proc = subprocess.run([sys.executable, "-m", "restitution", *args], capture_output=True, text=True,
                                  env=env, preexec_fn=firm_attacks._cap_memory, timeout=timeout,
                                  stdin=subprocess.DEVNULL)
            code, err = proc.returncode, proc.stderr
        except subprocess.TimeoutExpired:
            code, err = None, f"still running after {timeout:g} s (killed)"
        seconds = time.monotonic() - start
        written = (Path(tmp) / "out").exists() and any((Path(tmp) / "out").iterdir())
        lines = [line for line in err.splitlines() if line.strip()]
        shown = lines[-1] if lines else ""
        if "Traceback" in err:
            shown = "traceback: " + shown
        peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024
        return {"attack": name, "exit": code, "seconds": round(seconds, 1), "peak_rss_mb": round(peak),
                "written": written, "message": shown.replace(str(folder), "DIR")[:160]}


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("attacks", nargs="*")
    parser.add_argument("--src", default=str(ROOT / "src"))
    parser.add_argument("--timeout", type=float, default=firm_attacks.TIMEOUT, help="seconds before a run is killed")
    parser.add_argument("--one", action="store_true", help=argparse.SUPPRESS)
    opts = parser.parse_args()
    if opts.one:
        print(json.dumps(one(opts.attacks[0], Path(opts.src), opts.timeout)))
        return
    print("| attack | exit | s | peak RSS MB | written | message |")
    print("| --- | --- | --- | --- | --- | --- |")
    for name in opts.attacks or list(firm_attacks.ATTACKS):
        out = subprocess.run([sys.executable, __file__, "--one", "--src", opts.src, "--timeout", str(opts.timeout), name],
                             capture_output=True, text=True, check=True).stdout
        r = json.loads(out)
        print(f"| {r['attack']} | {r['exit']} | {r['seconds']} | {r['peak_rss_mb']} | "
              f"{'yes' if r['written'] else 'no'} | {r['message'].replace('|', '¦')} |", flush=True)


if __name__ == "__main__":
    main()
