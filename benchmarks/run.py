"""Speed benchmark of `restitution`: start-up, documents, scaling, a comparison pipeline, sizes.

    python benchmarks/run.py               # everything (a few minutes)
    python benchmarks/run.py --quick       # fewer repetitions, scaling up to 1,000 exhibits
    python benchmarks/run.py --skip-compare

Every timing is the wall time of a fresh subprocess running the working tree
(``python -m restitution`` with ``src/`` first on PYTHONPATH), so start-up is
included, as a user sees it; the median of several runs is reported. Peak
memory is the largest resident set of the child (``ru_maxrss``), measured by a
small wrapper process per run so that runs do not mask each other.

Sections:

- start-up: ``--help`` and ``validate`` (target < 0.3 s), and the heavy
  libraries each of them imports (there should be none);
- documents: one document (the power of attorney) per language and format,
  and the full packet of 5 documents x en/zh/bilingual x docx/pdf = 30 files
  (target < 1.5 s);
- scaling: the evidence index with 10, 100, 1,000 and 10,000 exhibits (one
  shared evidence file), time and peak memory; time per exhibit should stay
  flat (linear growth);
- comparison: the same power of attorney through docxtpl (a Word template with
  Jinja tags built here with python-docx) and ``soffice --headless
  --convert-to pdf``, as a ratio to our direct PDF; skipped when docxtpl or
  LibreOffice is missing (``pip install '.[bench]'``);
- sizes: every file of the packet, with the page count of each PDF.

Results go to stdout as a table, and with ``--json FILE`` as JSON as well.
Copy the figures into BENCHMARKS.md when a change affects speed.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
SRC = ROOT / "src"
CASE = ROOT / "examples" / "northwind-vanished.yaml"
DATE = "2026-11-20"
PACKET = ["power_of_attorney", "demand_letter", "police_report", "chargeback_letter", "evidence_index"]
HEAVY = ["reportlab", "docx", "markdown_it", "opencc", "pypdf", "PIL", "fontTools", "lxml", "jinja2",
         "icalendar"]

# Run one command and report its wall time and the child's peak RSS as JSON (a fresh
# process per measurement, so RUSAGE_CHILDREN holds that one child only). The wall time
# ends when the command exits; its CPU includes a process it leaves to end on its own (the
# writer process of a one-document render): on Linux the wrapper adopts and reaps it.
_WRAPPER = r"""
import json, os, resource, subprocess, sys, time
try:
    import ctypes
    ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER
except Exception:
    pass
t = time.perf_counter()
r = subprocess.run(sys.argv[1:], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
wall = time.perf_counter() - t
while True:
    try:
        os.waitpid(-1, 0)
    except ChildProcessError:
        break
ru = resource.getrusage(resource.RUSAGE_CHILDREN)
print(json.dumps({"rc": r.returncode, "wall": wall, "cpu": ru.ru_utime + ru.ru_stime,
                  "rss_kb": ru.ru_maxrss, "err": r.stderr.decode(errors="replace")[-2000:]}))
"""

# Which heavy modules a command imports, and whether Babel loaded locale data.
_IMPORTS = r"""
import sys
from restitution.cli import main
try:
    main(sys.argv[1:])
except SystemExit:
    pass
import json
heavy = %r
loaded = [m for m in heavy if m in sys.modules]
bd = sys.modules.get("babel.localedata")
if bd is not None and getattr(bd, "_cache", None):
    loaded.append("babel locale data")
print("\n" + json.dumps(loaded))
"""


def env(src: Path = SRC) -> dict[str, str]:
    e = dict(os.environ)
    e["PYTHONPATH"] = str(src) + (os.pathsep + e["PYTHONPATH"] if e.get("PYTHONPATH") else "")
    e.pop("RESTITUTION_TEMPLATES", None)
    e.pop("RESTITUTION_FONT_DIR", None)
    # As an installed package runs: Python's .pyc files written and used.
    e.pop("PYTHONDONTWRITEBYTECODE", None)
    if CACHE is not None:
        e["RESTITUTION_CACHE_DIR"] = str(CACHE)
    return e


# The cache folder (font metrics, compiled templates) of every child: a fresh one per
# run of this script, filled by a first, untimed run, so "fresh process" means what a
# user's second and later commands pay; the first-ever run is measured on its own.
CACHE: Path | None = None


def measure(cmd: list[str], cwd: Path | None = None, src: Path = SRC) -> dict:
    out = subprocess.run([sys.executable, "-c", _WRAPPER, *cmd], capture_output=True, text=True,
                         env=env(src), cwd=cwd or ROOT, check=True)
    res = json.loads(out.stdout)
    if res["rc"] != 0:
        raise SystemExit(f"command failed ({res['rc']}): {' '.join(cmd)}\n{res['err']}")
    return res


def restitution(*args: str) -> list[str]:
    return [sys.executable, "-m", "restitution", *args]


# The case loader refuses a list of more than 1,000 entries (case/build.py MAX_ENTRIES);
# the scaling section lifts that in its child process to measure the writers beyond it.
_NO_LIST_LIMIT = ("import sys, restitution.case.build as b; b.MAX_ENTRIES = 10**9; "
                  "from restitution.cli import main; main(sys.argv[1:])")


def restitution_no_list_limit(*args: str) -> list[str]:
    return [sys.executable, "-c", _NO_LIST_LIMIT, *args]


def repeat(cmd_for_run, runs: int, src: Path = SRC) -> dict:
    """Median wall time (and the largest peak RSS) of `runs` runs; cmd_for_run(i) gives the command."""
    results = [measure(cmd_for_run(i), src=src) for i in range(runs)]
    return {"wall": statistics.median(r["wall"] for r in results),
            "cpu": statistics.median(r["cpu"] for r in results),
            "rss_kb": max(r["rss_kb"] for r in results),
            "runs": [round(r["wall"], 3) for r in results]}


# ---------------------------------------------------------------- sections


def startup(runs: int) -> list[dict]:
    rows = []
    for label, args in (("restitution --help", ["--help"]),
                        ("restitution validate northwind-vanished.yaml", ["validate", str(CASE)])):
        r = repeat(lambda i: restitution(*args), runs)
        code = _IMPORTS % (HEAVY,)
        imp = subprocess.run([sys.executable, "-c", code, *args], capture_output=True, text=True,
                             env=env(), cwd=ROOT)
        heavy = json.loads(imp.stdout.strip().splitlines()[-1])
        rows.append({"what": label, **r, "target": 0.3, "heavy_imports": heavy})
    return rows


def documents(tmp: Path, runs: int) -> list[dict]:
    rows = []
    for lang in ("en", "zh", "bilingual"):
        for fmt in ("docx", "pdf"):
            r = repeat(lambda i: restitution("render", str(CASE), "--doc", "power_of_attorney", "--lang", lang,
                                             "--format", fmt, "-o", str(tmp / f"one-{lang}-{fmt}-{i}"),
                                             "--date", DATE), runs)
            rows.append({"what": f"power_of_attorney {lang} {fmt}", **r})
    doc_args = [a for d in PACKET for a in ("--doc", d)]
    r = repeat(lambda i: restitution("render", str(CASE), *doc_args, "-o", str(tmp / f"packet-{i}"),
                                     "--date", DATE), runs)
    rows.append({"what": "full packet (30 files)", **r, "target": 1.0, "cpu_target": 1.8})
    return rows


def warm_in_process(runs: int, src: Path = SRC) -> list[dict]:
    """Per-file time once the process is warm (templates compiled, fonts loaded): what a batch pays."""
    code = r"""
import datetime as dt, json, statistics, sys, time
from restitution.case import load_case
from restitution.pipeline.render import produce
case = load_case(sys.argv[1]); when = dt.date(2026, 11, 20)
docs = %r
out = []
for fmt in ("docx", "pdf"):
    produce(case, docs, ["en", "zh", "bilingual"], [fmt], when)  # warm-up
    ts = []
    for _ in range(%d):
        t = time.perf_counter(); produce(case, docs, ["en", "zh", "bilingual"], [fmt], when)
        ts.append(time.perf_counter() - t)
    out.append({"what": f"warm, per {fmt} file (packet average)", "wall": statistics.median(ts) / 15})
# The document of the comparison pipeline, alone: model and PDF, as a batch worker makes it.
ts = []
for _ in range(%d):
    t = time.perf_counter(); produce(case, ["power_of_attorney"], ["en"], ["pdf"], when)
    ts.append(time.perf_counter() - t)
out.append({"what": "warm, power of attorney en pdf", "wall": statistics.median(ts)})
print(json.dumps(out))
""" % (PACKET, runs, 3 * runs)
    res = subprocess.run([sys.executable, "-c", code, str(case_of(src))], capture_output=True, text=True,
                         env=env(src), cwd=ROOT, check=True)
    return json.loads(res.stdout)


def case_of(src: Path) -> Path:
    """The example case of a tree: an earlier revision reads its own copy (the case format
    gains keys, which an older loader refuses), a document of the same story and size."""
    return CASE if src == SRC else src.parent / "examples" / CASE.name


def export_tree(ref: str, folder: Path) -> Path:
    """The source of a git revision (`git archive`), to measure it beside the working tree."""
    folder.mkdir()
    archive = subprocess.run(["git", "archive", ref], cwd=ROOT, capture_output=True, check=True).stdout
    subprocess.run(["tar", "-x", "-C", str(folder)], input=archive, check=True)
    return folder / "src"


def before_after(tmp: Path, before: Path, runs: int) -> list[dict]:
    """The single English PDF and the packet, on the revision given and on the working tree,
    runs interleaved (before, after, before, ...) so that both see the same load."""
    doc_args = [a for d in PACKET for a in ("--doc", d)]
    one = ["--doc", "power_of_attorney", "--lang", "en", "--format", "pdf"]
    # Since session 20 every render also writes the packet guide (a second PDF) and README.txt;
    # "--no-guide" is the one PDF alone, as the revisions before the guide wrote it.
    cases = [("power_of_attorney en pdf", one, (("before", before, []), ("after", SRC, []),
                                                ("after --no-guide", SRC, ["--no-guide"]))),
             ("full packet (30 files)", doc_args, (("before", before, []), ("after", SRC, [])))]
    rows = []
    for label, args, trees in cases:
        got: dict[str, list[dict]] = {tree: [] for tree, _, _ in trees}
        for i in range(runs):
            for tree, src, extra in trees:
                out = tmp / f"ab-{tree.replace(' ', '')}-{i}-{len(rows)}"
                got[tree].append(measure(restitution("render", str(case_of(src)), *args, *extra, "-o", str(out),
                                                     "--date", DATE), src=src))
        for tree, results in got.items():
            rows.append({"what": label, "tree": tree,
                         "wall": statistics.median(r["wall"] for r in results),
                         "cpu": statistics.median(r["cpu"] for r in results),
                         "rss_kb": max(r["rss_kb"] for r in results),
                         "runs": [round(r["wall"], 3) for r in results]})
    for tree, src in (("before", before), ("after", SRC)):
        for r in warm_in_process(max(3, runs // 2), src):
            rows.append({**r, "tree": tree, "cpu": None, "rss_kb": None, "runs": []})
    return rows


def first_run(tmp: Path, runs: int) -> dict:
    """The single English PDF with an empty cache folder: a user's very first command."""
    global CACHE
    kept = CACHE
    results = []
    try:
        for i in range(runs):
            CACHE = tmp / f"empty-cache-{i}"
            results.append(measure(restitution("render", str(CASE), "--doc", "power_of_attorney", "--lang", "en",
                                               "--format", "pdf", "-o", str(tmp / f"first-{i}"), "--date", DATE)))
    finally:
        CACHE = kept
    return {"what": "power_of_attorney en pdf, empty cache folder (first run)",
            "wall": statistics.median(r["wall"] for r in results), "cpu": statistics.median(r["cpu"] for r in results),
            "rss_kb": max(r["rss_kb"] for r in results), "runs": [round(r["wall"], 3) for r in results]}


def make_scaled_case(folder: Path, n: int) -> Path:
    """The northwind case with `n` exhibits: its own, then copies sharing one small PDF."""
    text = CASE.read_text(encoding="utf-8")
    if not re.search(r"^evidence:", text, re.M) or re.search(r"^\S", text.split("\nevidence:", 1)[1], re.M):
        raise SystemExit("make_scaled_case expects `evidence:` to be the last section of the example")
    shutil.copytree(CASE.parent / "evidence" / CASE.stem, folder / "evidence" / CASE.stem, dirs_exist_ok=True)
    own = len(re.findall(r"^  - kind:", text.split("\nevidence:", 1)[1], re.M))
    # One small PDF shared by the added exhibits, each written on one line: the loader
    # refuses case files over 2 MB, and 10,000 block-style exhibits would pass that.
    shutil.copy(CASE.parent / "evidence" / CASE.stem / "contract-gt-0602.pdf", folder / "e.pdf")
    extra = []
    for k in range(own + 1, n + 1):
        extra.append(f"  - {{kind: other, title: Record {k}, title_zh: 记录{k}, date: 2026-07-{1 + k % 28:02d}, "
                     f"file: e.pdf, purpose: Dealings item {k}, purpose_zh: 往来{k}}}\n")
    path = folder / f"scaled-{n}.yaml"
    path.write_text(text.rstrip("\n") + "\n" + "".join(extra), encoding="utf-8")
    return path


def scaling(tmp: Path, sizes: list[int]) -> list[dict]:
    rows = []
    for n in sizes:
        folder = tmp / f"scale-{n}"
        folder.mkdir()
        case = make_scaled_case(folder, n)
        for fmt in ("pdf", "docx"):
            r = measure(restitution_no_list_limit("render", str(case), "--doc", "evidence_index", "--lang", "en",
                                                  "--format", fmt, "-o", str(folder / f"out-{fmt}"), "--date", DATE))
            out = next((folder / f"out-{fmt}").iterdir())
            rows.append({"what": f"evidence_index en {fmt}, {n} exhibits", "n": n, "fmt": fmt, **r,
                         "size": out.stat().st_size})
    for fmt in ("pdf", "docx"):
        mine = [r for r in rows if r["fmt"] == fmt]
        base = mine[0]
        for r in mine:
            # Cost above the smallest case, per added exhibit: flat when growth is linear.
            r["per_exhibit_ms"] = (1000 * (r["wall"] - base["wall"]) / (r["n"] - base["n"])) if r is not base else None
    return rows


def pdf_pages(path: Path) -> int | None:
    try:
        from pypdf import PdfReader
    except ImportError:  # pragma: no cover - pypdf is a dependency
        return None
    return len(PdfReader(str(path)).pages)


def sizes(tmp: Path) -> list[dict]:
    folder = tmp / "packet-0"
    rows = []
    for f in sorted(folder.iterdir()):
        rows.append({"file": f.name, "size": f.stat().st_size,
                     "pages": pdf_pages(f) if f.suffix == ".pdf" else None})
    return rows


# ---------------------------------------------------------------- comparison pipeline


def _soffice() -> str | None:
    return shutil.which("soffice") or shutil.which("libreoffice")


def _build_docxtpl_template(path: Path, paragraphs: list[tuple[str, str]]) -> None:
    import docx

    d = docx.Document()
    for style, text in paragraphs:
        d.add_paragraph(text, style=style)
    d.save(str(path))


def compare(tmp: Path, runs: int, before: Path | None = None) -> dict:
    """docxtpl + LibreOffice against our direct PDF, on the power of attorney (en)."""
    try:
        import docxtpl  # noqa: F401
    except ImportError:
        return {"skipped": "docxtpl is not installed (pip install '.[bench]')"}
    office = _soffice()
    if office is None:
        return {"skipped": "LibreOffice (soffice) is not installed"}

    # The same content: our own rendering of the document, with the case's values turned
    # back into Jinja tags, in a Word template made with python-docx.
    folder = tmp / "compare"
    folder.mkdir()
    code = r"""
import datetime as dt, json, sys
from restitution.case import load_case
from restitution.document import Heading, Paragraph, Container, ListBlock, Table, Run, block_text
from restitution.pipeline.render import render_document
case = load_case(sys.argv[1])
doc = render_document(case, "power_of_attorney", "en", dt.date(2026, 11, 20))
def walk(blocks):
    for b in blocks:
        if isinstance(b, Container):
            yield from walk(b.blocks)
        elif isinstance(b, Heading):
            yield ("Heading %d" % b.level if b.level > 1 else "Title", block_text(b))
        elif block_text(b).strip():
            yield ("Normal", block_text(b))
values = {"client_name": case.client.name, "supplier_name": case.supplier.name, "case_id": case.id,
          "agent_name": case.agent.name if case.agent else None}
print(json.dumps({"paragraphs": list(walk(doc.blocks)), "values": {k: v for k, v in values.items() if v}}))
"""
    res = subprocess.run([sys.executable, "-c", code, str(CASE)], capture_output=True, text=True, env=env(),
                         cwd=ROOT)
    if res.returncode != 0:
        return {"skipped": f"could not read the document model: {res.stderr.strip().splitlines()[-1:]}"}
    data = json.loads(res.stdout)
    values = data["values"]
    paragraphs = []
    for style, text in data["paragraphs"]:
        for key, value in sorted(values.items(), key=lambda kv: -len(kv[1])):
            text = text.replace(value, "{{ %s }}" % key)
        paragraphs.append((style, text))
    template = folder / "poa-template.docx"
    _build_docxtpl_template(template, paragraphs)
    tags = sum(p[1].count("{{") for p in paragraphs)

    render_script = folder / "docxtpl_render.py"
    render_script.write_text(
        "import json, sys\nfrom docxtpl import DocxTemplate\n"
        "t = DocxTemplate(sys.argv[1])\nt.render(json.loads(sys.argv[3]))\nt.save(sys.argv[2])\n",
        encoding="utf-8")
    profile = folder / "lo-profile"
    lo = [office, f"-env:UserInstallation={profile.as_uri()}", "--headless", "--convert-to", "pdf",
          "--outdir", str(folder / "lo-out")]
    # First LibreOffice start creates its profile: not timed.
    subprocess.run([sys.executable, str(render_script), str(template), str(folder / "warm.docx"),
                    json.dumps(values)], check=True, env=env())
    subprocess.run(lo + [str(folder / "warm.docx")], capture_output=True, check=True)

    tpl = repeat(lambda i: [sys.executable, str(render_script), str(template), str(folder / f"poa-{i}.docx"),
                            json.dumps(values)], runs)
    conv = repeat(lambda i: lo + [str(folder / f"poa-{i}.docx")], runs)
    ours = repeat(lambda i: restitution("render", str(CASE), "--doc", "power_of_attorney", "--lang", "en",
                                        "--format", "pdf", "-o", str(folder / f"ours-{i}"), "--date", DATE), runs)
    alone = repeat(lambda i: restitution("render", str(CASE), "--doc", "power_of_attorney", "--lang", "en",
                                         "--format", "pdf", "--no-guide", "-o", str(folder / f"alone-{i}"),
                                         "--date", DATE), runs)
    total = tpl["wall"] + conv["wall"]
    out = {"tags": tags, "paragraphs": len(paragraphs), "docxtpl": tpl, "soffice": conv, "ours": ours,
           "ours_no_guide": alone, "total": total, "ratio": total / ours["wall"],
           "ratio_no_guide": total / alone["wall"], "cpu_total": tpl["cpu"] + conv["cpu"]}
    if before is not None:
        out["ours_before"] = repeat(lambda i: restitution("render", str(case_of(before)), "--doc", "power_of_attorney", "--lang",
                                                          "en", "--format", "pdf", "-o", str(folder / f"before-{i}"),
                                                          "--date", DATE), runs, src=before)
        out["ratio_before"] = total / out["ours_before"]["wall"]
    return out


# ---------------------------------------------------------------- output


def machine() -> dict:
    cpu = "unknown"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return {"nproc": os.cpu_count(), "cpu": cpu, "python": platform.python_version(),
            "platform": platform.platform()}


def _t(x: float | None) -> str:
    return "-" if x is None else f"{x:.3f}"


def _mb(kb: int) -> str:
    return f"{kb / 1024:.0f} MB"


def report(res: dict) -> str:
    m = res["machine"]
    lines = [f"machine: {m['nproc']} CPUs, {m['cpu']}, Python {m['python']}", ""]
    lines += ["| what | median wall s | cpu s | peak RSS | target | runs |", "| --- | ---: | ---: | ---: | --- | --- |"]
    for r in res["startup"] + res["documents"] + [res["first_run"]]:
        target = r.get("target")
        ok = "" if target is None else (f"<= {target} s " + ("ok" if r["wall"] <= target else "MISSED"))
        if r.get("cpu_target"):
            ok += f"; cpu <= {r['cpu_target']} s " + ("ok" if r["cpu"] <= r["cpu_target"] else "MISSED")
        lines.append(f"| {r['what']} | {_t(r['wall'])} | {_t(r['cpu'])} | {_mb(r['rss_kb'])} | {ok} | "
                     f"{', '.join(map(str, r['runs']))} |")
    for r in res["startup"]:
        lines.append(f"\nheavy imports by `{r['what']}`: {', '.join(r['heavy_imports']) or 'none'}")
    if res.get("before_after"):
        lines += ["", f"before = {res['before']}, after = the working tree; runs interleaved",
                  "", "| what | tree | median wall s | cpu s | peak RSS | runs |", "| --- | --- | ---: | ---: | ---: | --- |"]
        for r in res["before_after"]:
            rss = "-" if r["rss_kb"] is None else _mb(r["rss_kb"])
            lines.append(f"| {r['what']} | {r['tree']} | {_t(r['wall'])} | {_t(r['cpu'])} | {rss} | "
                         f"{', '.join(map(str, r['runs']))} |")
    lines += ["", "| warm, in one process | s per file |", "| --- | ---: |"]
    for r in res["warm"]:
        lines.append(f"| {r['what']} | {_t(r['wall'])} |")
    lines += ["", "| scaling | wall s | peak RSS | ms per added exhibit | output |", "| --- | ---: | ---: | ---: | ---: |"]
    for r in res["scaling"]:
        per = "-" if r["per_exhibit_ms"] is None else f"{r['per_exhibit_ms']:.2f}"
        lines.append(f"| {r['what']} | {_t(r['wall'])} | {_mb(r['rss_kb'])} | {per} | {r['size'] / 1024:.0f} KB |")
    c = res["compare"]
    lines.append("")
    if "skipped" in c:
        lines.append(f"comparison pipeline: skipped ({c['skipped']})")
    else:
        lines += ["| comparison (power of attorney, en) | median wall s |", "| --- | ---: |",
                  f"| docxtpl render ({c['paragraphs']} paragraphs, {c['tags']} tags) | {_t(c['docxtpl']['wall'])} |",
                  f"| soffice --headless --convert-to pdf | {_t(c['soffice']['wall'])} |",
                  f"| docxtpl + soffice | {_t(c['total'])} |",
                  f"| restitution render --format pdf (the PDF, the packet guide, README.txt) | {_t(c['ours']['wall'])} |",
                  f"| ratio (docxtpl + soffice) / restitution | {c['ratio']:.1f}x (target 5x) |"]
        if "ours_no_guide" in c:
            lines += [f"| restitution render --format pdf --no-guide (the one PDF) | {_t(c['ours_no_guide']['wall'])} |",
                      f"| ratio (docxtpl + soffice) / restitution --no-guide | {c['ratio_no_guide']:.1f}x (target 5x) |"]
        if "ours_before" in c:
            lines += [f"| restitution render --format pdf, {res['before']} | {_t(c['ours_before']['wall'])} |",
                      f"| ratio (docxtpl + soffice) / restitution, {res['before']} | {c['ratio_before']:.1f}x |"]
        warm = next((r for r in res["warm"] if r["what"] == "warm, power of attorney en pdf"), None)
        if warm:
            lines += [f"| in a running process: power of attorney en pdf | {_t(warm['wall'])} |",
                      f"| ratio soffice conversion / in-process PDF | {c['soffice']['wall'] / warm['wall']:.0f}x "
                      "(target 30x) |"]
    lines += ["", "| packet file | size | pages |", "| --- | ---: | ---: |"]
    for r in res["sizes"]:
        lines.append(f"| {r['file']} | {r['size'] / 1024:.0f} KB | {r['pages'] or ''} |")
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--quick", action="store_true", help="3 runs instead of 7; scaling up to 1,000 exhibits")
    ap.add_argument("--runs", type=int, help="runs per timing (median reported)")
    ap.add_argument("--sizes", help="exhibit counts for scaling, comma separated (default 10,100,1000,10000)")
    ap.add_argument("--skip-compare", action="store_true", help="skip the docxtpl + LibreOffice pipeline")
    ap.add_argument("--json", help="also write the results as JSON to this file")
    ap.add_argument("--before", metavar="REF",
                    help="also measure this git revision (e.g. main), interleaved with the working tree")
    args = ap.parse_args(argv)
    runs = args.runs or (3 if args.quick else 7)
    sizes_ = ([int(x) for x in args.sizes.split(",")] if args.sizes
              else [10, 100, 1000] if args.quick else [10, 100, 1000, 10000])
    started = time.perf_counter()
    global CACHE
    with tempfile.TemporaryDirectory(prefix="restitution-bench-") as t:
        tmp = Path(t)
        res = {"machine": machine(), "command": "python benchmarks/run.py " + " ".join(argv or sys.argv[1:]),
               "before": args.before}
        before = export_tree(args.before, tmp / "before") if args.before else None
        CACHE = tmp / "cache"
        # Fill the cache folder (and Python's .pyc files) with an untimed run of each tree.
        for src in filter(None, (SRC, before)):
            measure(restitution("render", str(case_of(src)), *[a for d in PACKET for a in ("--doc", d)], "-o",
                                str(tmp / f"fill-{src == SRC}"), "--date", DATE), src=src)
        print("start-up ...", file=sys.stderr)
        res["startup"] = startup(runs)
        print("documents ...", file=sys.stderr)
        res["documents"] = documents(tmp, runs)
        res["first_run"] = first_run(tmp, runs)
        if before is not None:
            print("before / after ...", file=sys.stderr)
            res["before_after"] = before_after(tmp, before, runs)
        res["warm"] = warm_in_process(max(3, runs // 2))
        res["sizes"] = sizes(tmp)
        print("scaling ...", file=sys.stderr)
        res["scaling"] = scaling(tmp, sizes_)
        print("comparison ...", file=sys.stderr)
        res["compare"] = {"skipped": "--skip-compare"} if args.skip_compare else compare(tmp, max(3, runs // 2), before)
    res["elapsed"] = time.perf_counter() - started
    print(report(res))
    if args.json:
        Path(args.json).write_text(json.dumps(res, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
