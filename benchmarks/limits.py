"""Limits of one case: time and peak memory for the largest inputs the loader accepts.

    PYTHONPATH=src python benchmarks/limits.py                 # every scenario, a table
    PYTHONPATH=src python benchmarks/limits.py exhibits-10000  # one scenario, JSON
    PYTHONPATH=src python benchmarks/limits.py exhibits        # the exhibit scenarios, a table

Each scenario runs in a fresh process, so its peak RSS (resource.getrusage) is
its own. Scenarios:

- ``exhibits-10000``: a case with 10,000 exhibits (all pointing at one small
  text file): refused at load (a list may have at most 1,000 entries);
- ``exhibits-1000``: the most the loader accepts: the evidence index in
  en/zh/bilingual, DOCX and PDF;
- ``fact-1mb``: a fact text of 1 MB: refused at load (a text may have at most
  20,000 characters; before that limit, the PDF alone took 343 s);
- ``fact-20000``: the longest fact the loader accepts: the demand letter in
  en/zh/bilingual, DOCX and PDF; ``facts-50x20000``: fifty such facts, English;
- ``tiny-keys-2mb``: a file of just under the 2 MB limit holding ~250,000
  tiny unknown keys (the worst case the limit was set for): time to reject;
- ``over-limit``: a file over the limit: time to reject.

Exhibit scenarios (``exhibit-*``): one exhibit file made in the scenario,
then the evidence bundle (`write_bundle`, index included): time, peak RSS,
and the located error for the refused ones (issue 12's reproductions).

Figures are written into benchmarks/LIMITS.md by hand, with the machine.
"""
from __future__ import annotations

import datetime as dt
import json
import resource
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
BASE = (ROOT / "tests" / "data" / "valid" / "case.yaml").read_text(encoding="utf-8")
DATE = dt.date(2026, 11, 20)
SCENARIOS = ("exhibits-10000", "exhibits-1000", "fact-1mb", "fact-20000", "facts-50x20000", "tiny-keys-2mb", "over-limit",
             "nesting-100000", "alias-bomb")
EXHIBIT_SCENARIOS = ("exhibit-txt-1.5mb-one-line", "exhibit-txt-5mb-one-line", "exhibit-txt-4.9mb-lines",
                     "exhibit-eml-3mb-one-line", "exhibit-eml-mime-2000-deep", "exhibit-pdf-50000-pages",
                     "exhibit-pdf-10000-pages", "exhibit-png-13000x13000", "exhibit-png-7000x7000",
                     "exhibit-jpeg-8000x6000", "exhibit-pdf-mediabox-0")


def _without_evidence(text: str) -> str:
    return text[: text.index("evidence:   ")] if "evidence:   " in text else text[: text.index("\nevidence:")] + "\n"


def _exhibits(n: int) -> str:
    rows = ["evidence:"]
    for i in range(n):
        rows += [f"  - kind: other", f"    title: Exhibit {i + 1}", "    date: 2026-06-02",
                 "    file: evidence/e.txt", f"    purpose: What exhibit {i + 1} proves"]
    return _without_evidence(BASE) + "\n".join(rows) + "\n"


def _fact(size: int) -> str:
    sentence = "The supplier promised delivery and then did not answer. "
    text = (sentence * (size // len(sentence) + 1))[:size].strip()
    return _without_evidence(BASE).replace("    text: The parties signed sales contract GT-0602.",
                                           f"    text: {json.dumps(text)}", 1)


def _facts(n: int, size: int) -> str:
    sentence = "The supplier promised delivery and then did not answer. "
    text = (sentence * (size // len(sentence) + 1))[:size].strip()
    rows = "".join(f"  - date: 2026-06-{1 + i % 28:02d}\n    text: {json.dumps(text)}\n" for i in range(n))
    head, tail = _without_evidence(BASE).split("facts:", 1)
    return head + "facts:\n" + rows + tail[tail.index("\nclaim:") + 1:]


def _render(case, keys, langs, formats) -> int:
    from restitution.pipeline.render import render_document, to_bytes

    n = 0
    for key in keys:
        for lang in langs:
            doc = render_document(case, key, lang, DATE)
            for fmt in formats:
                n += len(to_bytes(doc, fmt))
    return n


def _make_exhibit(name: str, folder: Path) -> str:
    """Write the exhibit file of scenario `name` into `folder`; return its file name."""
    head = "From: a@example.com\r\nSubject: x\r\nDate: Tue, 02 Jun 2026 10:00:00 +0800\r\n"
    if name.startswith("exhibit-txt-"):
        size = {"1.5mb": 1_500_000, "5mb": 5_000_000}.get(name.split("-")[2], 0)
        text = "x" * size if name.endswith("one-line") else ("The seller promised shipment by 15 July. " * 2 + "\n") * 61_000
        (folder / "e.txt").write_text(text)
        return "e.txt"
    if name == "exhibit-eml-3mb-one-line":
        (folder / "e.eml").write_text(head + "\r\n" + "x" * 3_000_000 + "\r\n")
        return "e.eml"
    if name == "exhibit-eml-mime-2000-deep":
        parts = "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(2000))
        (folder / "e.eml").write_text(head + parts + "Content-Type: text/plain\r\n\r\nhi\r\n")
        return "e.eml"
    if name.startswith("exhibit-pdf-"):
        from pypdf import PdfWriter

        writer = PdfWriter()
        n = {"50000": 50_000, "10000": 10_000}.get(name.split("-")[2], 1)
        for _ in range(n):
            writer.add_blank_page(595, 842)
        if name.endswith("mediabox-0"):
            from pypdf.generic import NameObject, RectangleObject

            writer.pages[0][NameObject("/MediaBox")] = RectangleObject((0, 0, 0, 0))
        with open(folder / "e.pdf", "wb") as f:
            writer.write(f)
        return "e.pdf"
    from PIL import Image

    w, h = (int(v) for v in name.split("-")[2].split("x"))
    if name.startswith("exhibit-png-") and w * h > 100_000_000:
        import struct
        import zlib

        def chunk(kind: bytes, data: bytes) -> bytes:
            return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

        # the header of a 13000x13000 image with (truncated) data: the size is what is tested
        (folder / "e.png").write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                                       + chunk(b"IDAT", zlib.compress(b"\0" * (3 * w + 1) * 64)) + chunk(b"IEND", b""))
        return "e.png"
    img = Image.linear_gradient("L").resize((w, h)).convert("RGB")
    fmt = "PNG" if name.startswith("exhibit-png-") else "JPEG"
    img.save(folder / f"e.{fmt.lower()}", fmt)
    del img
    return f"e.{fmt.lower()}"


def run_exhibit(name: str) -> dict:
    """One exhibit scenario: make the file, then time `write_bundle` alone, in this process."""
    from restitution.bundle import write_bundle
    from restitution.case import loads_case
    from restitution.errors import RestitutionError

    out: dict = {"scenario": name}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "evidence").mkdir()
        # made in a child process, so that the peak RSS below is the bundle's, not the maker's
        file = subprocess.run([sys.executable, __file__, "--make", name, str(folder / "evidence")], check=True,
                              capture_output=True, text=True).stdout.strip()
        out["file_bytes"] = (folder / "evidence" / file).stat().st_size
        rows = ["evidence:", "  - kind: other", "    title: The exhibit", f"    file: evidence/{file}"]
        case = loads_case(_without_evidence(BASE) + "\n".join(rows) + "\n", "case.yaml", folder)
        rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        start = time.perf_counter()
        try:
            files = write_bundle(case, folder / "out", date=DATE)
            out["render"] = f"ok, {files.layout.total} pages"
            out["output_bytes"] = files.pdf.stat().st_size
        except RestitutionError as err:
            out["render"] = f"refused: {str(err)[:170]}"
        out["render_s"] = round(time.perf_counter() - start, 2)
        out["rss_before_mb"] = round(rss_before, 1)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def run(name: str) -> dict:
    from restitution.case import loads_case
    from restitution.errors import RestitutionError

    out: dict = {"scenario": name}
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp)
        (folder / "evidence").mkdir()
        (folder / "evidence" / "e.txt").write_text("A small exhibit.\n", encoding="utf-8")
        if name == "exhibits-10000":
            text, keys, langs = _exhibits(10_000), ["evidence_index"], ["en", "zh", "bilingual"]
        elif name == "exhibits-1000":  # the most the loader accepts
            text, keys, langs = _exhibits(1_000), ["evidence_index"], ["en", "zh", "bilingual"]
        elif name == "fact-1mb":
            text, keys, langs = _fact(1024 * 1024), ["demand_letter", "police_report"], ["en"]
        elif name == "fact-20000":  # the longest text the loader accepts
            text, keys, langs = _fact(20_000), ["demand_letter"], ["en", "zh", "bilingual"]
        elif name == "facts-50x20000":  # fifty of them
            text, keys, langs = _facts(50, 20_000), ["demand_letter"], ["en"]
        elif name == "tiny-keys-2mb":
            text, keys, langs = "schema: 1\n" + "".join(f"k{i:06x}: 1\n" for i in range(2 * 1024 * 1024 // 12 - 2)), [], []
        elif name == "over-limit":
            text, keys, langs = _fact(2 * 1024 * 1024 + 10), [], []
        elif name == "nesting-100000":  # libyaml stops early; the pure-Python re-read must be as prompt
            text, keys, langs = "a: " + "[" * 100_000 + "]" * 100_000, [], []
        elif name == "alias-bomb":
            rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
            rows += [f"{n}: &{n} [" + ",".join([f"*{p}"] * 9) + "]" for n, p in zip("bcdefghijklmnop", "abcdefghijklmno")]
            text, keys, langs = "\n".join(rows) + "\n", [], []
        else:
            raise SystemExit(f"unknown scenario {name!r}; one of {', '.join(SCENARIOS)}")
        out["file_bytes"] = len(text.encode("utf-8"))
        start = time.perf_counter()
        try:
            case = loads_case(text, "case.yaml", folder)
            out["load"] = "ok"
        except RestitutionError as err:
            case = None
            lines = err.lines()
            out["load"] = f"refused: {lines[0][:120]}" + (f" (+{len(lines) - 1} more)" if len(lines) > 1 else "")
        out["load_s"] = round(time.perf_counter() - start, 2)
        if case is not None and keys:
            start = time.perf_counter()
            try:
                out["output_bytes"] = _render(case, keys, langs, ["docx", "pdf"])
                out["render"] = "ok"
            except RestitutionError as err:
                out["render"] = f"refused: {str(err)[:160]}"
            out["render_s"] = round(time.perf_counter() - start, 2)
    out["peak_rss_mb"] = round(resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 1)
    return out


def machine() -> str:
    import os

    model = "unknown CPU"
    try:
        for row in Path("/proc/cpuinfo").read_text().splitlines():
            if row.startswith("model name"):
                model = row.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    return f"{os.cpu_count()} CPUs (nproc {len(os.sched_getaffinity(0))}), {model}, Python {sys.version.split()[0]}"


def main(argv: list[str]) -> None:
    if argv and argv[0] == "--make":
        print(_make_exhibit(argv[1], Path(argv[2])))
        return
    if argv and argv[0] == "exhibits":  # the exhibit scenarios, a table
        _table(EXHIBIT_SCENARIOS, ["scenario", "file", "bundle", "s", "output", "peak RSS (before the bundle)"],
               lambda r: [f"{r['file_bytes'] / 1024:,.0f} KB", r["render"], r["render_s"],
                          f"{r.get('output_bytes', 0) / 1024:,.0f} KB",
                          f"{r['peak_rss_mb']} MB ({r['rss_before_mb']} MB)"])
        return
    if argv:
        print(json.dumps(run_exhibit(argv[0]) if argv[0].startswith("exhibit-") else run(argv[0])))
        return
    _table(SCENARIOS, ["scenario", "file", "load", "load s", "render", "render s", "output", "peak RSS"],
           lambda r: [f"{r['file_bytes'] / 1024:,.0f} KB", r["load"], r["load_s"], r.get("render", "-"),
                      r.get("render_s", "-"), f"{r.get('output_bytes', 0) / 1024:,.0f} KB",
                      f"{r['peak_rss_mb']} MB"])


def _table(names, header: list[str], cells) -> None:
    """One Markdown table: each scenario run in a fresh process (its peak RSS is its own)."""
    print(machine())
    print("| " + " | ".join(header) + " |")
    print("| " + " | ".join("---" for _ in header) + " |")
    for name in names:
        proc = subprocess.run([sys.executable, __file__, name], capture_output=True, text=True)
        if proc.returncode:
            print(f"| {name} | failed: {proc.stderr.strip().splitlines()[-1:]} |")
            continue
        print("| " + " | ".join([name, *map(str, cells(json.loads(proc.stdout)))]) + " |")


if __name__ == "__main__":
    main(sys.argv[1:])
