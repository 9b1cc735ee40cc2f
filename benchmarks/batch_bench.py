"""Benchmark of `restitution batch`: files per second and memory per worker.

    python benchmarks/batch_bench.py                 # 200 cases, -j 1 and -j 2
    python benchmarks/batch_bench.py --cases 20      # a quick run
    python benchmarks/batch_bench.py --jobs 2        # one setting only

The cases are copies of the bundled examples (round robin, each with its own
case id) in a temporary folder, with their evidence. Every case is rendered
with the five packet documents (power of attorney, demand letter, police
report, chargeback letter, evidence index) in en and zh, as DOCX and PDF: 20
files a case, 4,000 for 200 cases. An example to which a document does not
apply (no card payment, so no chargeback letter) is left out of the
rotation, and the report says so. Joint victims schedules are off
(``--no-schedule``), so only case files are counted.

The batch runs as a subprocess (working tree first on PYTHONPATH). While it
runs, the resident set (VmRSS) of the batch process and of each worker is
sampled from /proc every 0.1 s, together with the number of finished case
folders; the report gives each worker's peak, and its RSS once 25% of the
cases are done against at the end (flat memory: the two stay close). The
peak RSS of all children as the kernel counts it (getrusage
RUSAGE_CHILDREN, the largest single process) is reported as well.
Target: at least 40 files per second with -j 2 on 2 cores.
"""
from __future__ import annotations

import argparse
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
EXAMPLES = ROOT / "examples"
DOCS = ["power_of_attorney", "demand_letter", "police_report", "chargeback_letter", "evidence_index"]
LANGS = ["en", "zh"]
FORMATS = ["docx", "pdf"]
DATE = "2026-11-20"
TARGET_FPS = 40.0


def env() -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(SRC) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e.pop("RESTITUTION_TEMPLATES", None)
    return e


def doc_args() -> list[str]:
    args = []
    for d in DOCS:
        args += ["--doc", d]
    for lang in LANGS:
        args += ["--lang", lang]
    for f in FORMATS:
        args += ["--format", f]
    return args


def usable_examples(tmp: Path) -> tuple[list[Path], list[str]]:
    """Examples to which all five documents apply (checked with a dry run)."""
    ok, left_out = [], []
    for case in sorted(EXAMPLES.glob("*.yaml")):
        r = subprocess.run([sys.executable, "-m", "restitution", "render", str(case), *doc_args(),
                            "-o", str(tmp / "probe" / case.stem), "--date", DATE, "--format", "docx",
                            "--lang", "en"],
                           capture_output=True, text=True, env=env(), cwd=ROOT)
        if r.returncode == 0:
            ok.append(case)
        else:
            why = (r.stderr.strip().splitlines() or ["?"])[-1]
            left_out.append(f"{case.name}: {why}")
    return ok, left_out


def make_cases(folder: Path, examples: list[Path], n: int) -> None:
    folder.mkdir(parents=True)
    shutil.copytree(EXAMPLES / "evidence", folder / "evidence")
    texts = [(p, p.read_text(encoding="utf-8")) for p in examples]
    for i in range(n):
        path, text = texts[i % len(texts)]
        new, count = re.subn(r"^(  id: )(\S+)", lambda m: f"{m.group(1)}{m.group(2)}-B{i:04d}", text, count=1,
                             flags=re.M)
        if count != 1:
            raise SystemExit(f"{path.name}: cannot find the case id")
        (folder / f"{i:04d}-{path.stem}.yaml").write_text(new, encoding="utf-8")


# ---------------------------------------------------------------- /proc sampling


def _children() -> dict[int, list[int]]:
    kids: dict[int, list[int]] = {}
    for d in os.listdir("/proc"):
        if not d.isdigit():
            continue
        try:
            with open(f"/proc/{d}/stat") as f:
                stat = f.read()
        except OSError:
            continue
        ppid = int(stat.rsplit(")", 1)[1].split()[1])
        kids.setdefault(ppid, []).append(int(d))
    return kids


def _rss_kb(pid: int) -> int | None:
    try:
        with open(f"/proc/{pid}/status") as f:
            for line in f:
                if line.startswith("VmRSS:"):
                    return int(line.split()[1])
    except OSError:
        return None
    return None


def run_batch(cases: Path, out: Path, jobs: int, n: int) -> dict:
    cmd = [sys.executable, "-m", "restitution", "batch", str(cases), "-o", str(out), "-j", str(jobs),
           "--no-schedule", "--date", DATE, *doc_args()]
    wrapper = (
        "import json, resource, subprocess, sys\n"
        "r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)\n"
        "ru = resource.getrusage(resource.RUSAGE_CHILDREN)\n"
        "print(json.dumps({'rc': r.returncode, 'maxrss_kb': ru.ru_maxrss,"
        " 'cpu': ru.ru_utime + ru.ru_stime, 'err': r.stderr.decode(errors='replace')[-3000:]}))\n"
    )
    started = time.perf_counter()
    proc = subprocess.Popen([sys.executable, "-c", wrapper, *cmd], stdout=subprocess.PIPE, text=True, env=env(),
                            cwd=ROOT)
    samples: list[tuple[float, int, dict[int, int]]] = []  # (time, cases done, pid -> rss)
    batch_pid = None
    while proc.poll() is None:
        kids = _children()
        if batch_pid is None:
            batch_pid = next(iter(kids.get(proc.pid, [])), None)
        if batch_pid is not None:
            pids = [batch_pid] + kids.get(batch_pid, [])
            rss = {p: r for p in pids if (r := _rss_kb(p)) is not None}
            done = sum(1 for d in out.iterdir() if d.is_dir()) if out.exists() else 0
            samples.append((time.perf_counter() - started, done, rss))
        time.sleep(0.1)
    wall = time.perf_counter() - started
    res = json.loads(proc.stdout.read())
    if res["rc"] != 0:
        raise SystemExit(f"batch -j {jobs} failed ({res['rc']}):\n{res['err']}")
    manifest = json.loads((out / "batch_manifest.json").read_text(encoding="utf-8"))
    files = len(manifest["files"])

    workers = sorted({p for _, _, rss in samples for p in rss if p != batch_pid}) if jobs > 1 else [batch_pid]
    quarter = max(1, n // 4)

    def at(pid: int, cases_done: int) -> int | None:
        for _, done, rss in samples:
            if done >= cases_done and pid in rss:
                return rss[pid]
        return None

    def last(pid: int) -> int | None:
        for _, _, rss in reversed(samples):
            if pid in rss:
                return rss[pid]
        return None

    per_worker = []
    for pid in workers:
        peak = max((rss[pid] for _, _, rss in samples if pid in rss), default=None)
        per_worker.append({"pid": pid, "peak_kb": peak, "at_quarter_kb": at(pid, quarter), "end_kb": last(pid)})
    parent_peak = max((rss.get(batch_pid, 0) for _, _, rss in samples), default=0)
    return {"jobs": jobs, "cases": n, "files": files, "wall": wall, "files_per_s": files / wall,
            "cpu": res["cpu"], "maxrss_children_kb": res["maxrss_kb"], "parent_peak_kb": parent_peak,
            "workers": per_worker, "quarter": quarter, "samples": len(samples)}


def _mb(kb: int | None) -> str:
    return "-" if kb is None else f"{kb / 1024:.0f} MB"


def report(results: list[dict], left_out: list[str], examples: list[Path]) -> str:
    cpu = "unknown"
    try:
        cpu = next(line.split(":", 1)[1].strip() for line in Path("/proc/cpuinfo").read_text().splitlines()
                   if line.startswith("model name"))
    except (OSError, StopIteration):
        pass
    import platform

    lines = [f"machine: {os.cpu_count()} CPUs, {cpu}, Python {platform.python_version()}",
             f"cases: copies of {', '.join(p.name for p in examples)}"
             + (f"; left out: {'; '.join(left_out)}" if left_out else ""), "",
             "| jobs | cases | files | wall s | files/s | target | cpu s | peak RSS per worker "
             "| worker RSS at 25% -> end | batch process peak |",
             "| ---: | ---: | ---: | ---: | ---: | --- | ---: | --- | --- | ---: |"]
    for r in results:
        peaks = ", ".join(_mb(w["peak_kb"]) for w in r["workers"])
        drift = ", ".join(f"{_mb(w['at_quarter_kb'])} -> {_mb(w['end_kb'])}" for w in r["workers"])
        ok = "ok" if r["files_per_s"] >= TARGET_FPS else "MISSED"
        target = f">= {TARGET_FPS:.0f} {ok}" if r["jobs"] > 1 else ""
        lines.append(f"| {r['jobs']} | {r['cases']} | {r['files']} | {r['wall']:.1f} | {r['files_per_s']:.1f} | "
                     f"{target} | {r['cpu']:.1f} | {peaks} | {drift} | {_mb(r['parent_peak_kb'])} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--cases", type=int, default=200, help="number of cases (default 200)")
    ap.add_argument("--jobs", type=int, action="append", help="worker count (repeatable; default 1 and 2)")
    ap.add_argument("--json", help="also write the results as JSON to this file")
    args = ap.parse_args(argv)
    jobs = args.jobs or [1, 2]
    with tempfile.TemporaryDirectory(prefix="restitution-batch-bench-") as t:
        tmp = Path(t)
        examples, left_out = usable_examples(tmp)
        if not examples:
            raise SystemExit("no example takes all five documents")
        cases = tmp / "cases"
        make_cases(cases, examples, args.cases)
        results = []
        for j in jobs:
            print(f"batch -j {j}, {args.cases} cases ...", file=sys.stderr)
            results.append(run_batch(cases, tmp / f"out-j{j}", j, args.cases))
    print(report(results, left_out, examples))
    if args.json:
        Path(args.json).write_text(json.dumps({"results": results, "left_out": left_out}, indent=2) + "\n",
                                   encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
