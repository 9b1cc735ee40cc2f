"""Benchmark of `restitution bundle`: wall time and peak memory for 50, 500 and 2,000 pages.

    PYTHONPATH=src python benchmarks/bundle_bench.py            # all sizes
    PYTHONPATH=src python benchmarks/bundle_bench.py 2000       # one size
    PYTHONPATH=src python benchmarks/bundle_bench.py --stand-in # the bundle's own cost, index aside

Each size runs in a fresh process (so peak RSS is that run's own) on
generated evidence: per round of five exhibits, an 8-page PDF with text, a
1600x1200 JPEG photo, a 1280x800 PNG screenshot, a 2-page text file and an
e-mail, i.e. 18 bundle pages with the cover sheets. The timed part is
`write_bundle` (validation, index, binding, manifest), not the generation.
When the evidence_index document is not available yet, a one-line-per-exhibit
reportlab index stands in for it, and the report says so.
"""
from __future__ import annotations

import datetime as dt
import io
import json
import resource
import subprocess
import sys
import tempfile
import time
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

DATE = dt.date(2026, 11, 20)
PAGES_PER_ROUND = 18


def _pdf(path: Path, pages: int, tag: str) -> None:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    c = Canvas(str(path), pagesize=A4, invariant=1)
    for p in range(pages):
        c.setFont("Helvetica", 10)
        for line in range(50):
            c.drawString(50, 790 - line * 15, f"{tag} page {p + 1} line {line + 1}: the supplier confirms the order")
        c.showPage()
    c.save()


def _images(folder: Path, k: int) -> None:
    from PIL import Image

    photo = Image.linear_gradient("L").resize((1600, 1200)).convert("RGB")
    photo.paste((k * 37 % 255, 90, 160), (100, 100, 600, 500))
    photo.save(folder / f"photo{k}.jpg", "JPEG", quality=85)
    shot = Image.new("RGB", (1280, 800), (240, 240, 240))
    shot.paste((k * 53 % 255, 20, 20), (40, 40, 1240, 120))
    shot.save(folder / f"shot{k}.png", "PNG")


def _text(path: Path, k: int) -> None:
    line = f"第{k}轮 供应商承诺于2026年7月15日前发货。The supplier promised shipment by 15 July 2026."
    path.write_text("\n".join(f"{i:03d} {line}" for i in range(80)), encoding="utf-8")


def _eml(path: Path, k: int) -> None:
    msg = EmailMessage()
    msg["From"] = "Tony <tony.glory@example.com>"
    msg["To"] = "jane.doe@northwind.example"
    msg["Subject"] = f"关于订单PO-2026-118的发货 ({k})"
    msg["Date"] = "Tue, 02 Jun 2026 10:00:00 +0800"
    msg.set_content("您好，货物将于七月中旬发出，请先支付尾款。\n" * 10)
    path.write_bytes(bytes(msg))


def make_case(folder: Path, target_pages: int):
    from restitution.case.model import (Case, CaseInfo, Claim, Client, Exhibit, Order, Outcome, Payment,
                                        Supplier)

    ev = folder / "evidence"
    ev.mkdir()
    files = []
    for k in range(max(1, round(target_pages / PAGES_PER_ROUND))):
        _pdf(ev / f"doc{k}.pdf", 8, f"doc{k}")
        _images(ev, k)
        _text(ev / f"chat{k}.txt", k)
        _eml(ev / f"mail{k}.eml", k)
        files += [f"doc{k}.pdf", f"photo{k}.jpg", f"shot{k}.png", f"chat{k}.txt", f"mail{k}.eml"]
    source = folder / "case.yaml"
    source.write_text("schema: 1\n", encoding="utf-8")
    exhibits = tuple(
        Exhibit(kind="other", title=f"Exhibit {name}", title_zh=f"证据{name}", number=i + 1,
                file=(ev / name).resolve(), file_text=f"evidence/{name}", purpose="What the supplier promised",
                purpose_zh="证明供应商的承诺")
        for i, name in enumerate(files))
    return Case(
        schema=1, case=CaseInfo(id="BENCH-1"),
        client=Client(kind="company", name="Northwind Trading LLC", country="US", address="1200 Market St"),
        supplier=Supplier(name="Shenzhen Glory Tech Co., Ltd.", region="other"),
        order=Order(date=dt.date(2026, 6, 2), currency="USD", total=Decimal("25000.00")),
        payments=(Payment(date=dt.date(2026, 6, 5), amount=Decimal("25000.00"), currency="USD", method="wire"),),
        outcome=Outcome(kind="not_delivered"), claim=Claim(amount=Decimal("25000.00"), currency="USD"),
        evidence=exhibits, source=source)


def stand_in_index(case, date, page_ranges) -> bytes:
    from reportlab.lib.pagesizes import A4
    from reportlab.pdfgen.canvas import Canvas

    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    for i, (n, (first, last)) in enumerate(sorted(page_ranges.items())):
        if i and i % 40 == 0:
            c.showPage()
        c.setFont("Helvetica", 10)
        c.drawString(60, 780 - (i % 40) * 18, f"Exhibit {n}: pages {first}-{last}")
    c.showPage()
    c.save()
    return buf.getvalue()


def _index_available(case) -> bool:
    """Whether the evidence_index document renders yet (its template may still be missing)."""
    from restitution.bundle.index import render_index
    from restitution.errors import RestitutionError

    try:
        render_index(case, DATE, {e.number: (1, 1) for e in case.evidence})
        return True
    except (ImportError, RestitutionError):
        return False


def run_one(target: int, stand_in: bool = False) -> dict:
    from restitution.bundle import write_bundle
    from restitution.exhibits import clear_cache

    with tempfile.TemporaryDirectory() as tmp:
        case = make_case(Path(tmp), target)
        real_index = not stand_in and _index_available(case)
        clear_cache()  # the probe above read every exhibit; time the bundle from cold
        started = time.perf_counter()
        files = write_bundle(case, Path(tmp) / "out", date=DATE, index=None if real_index else stand_in_index)
        wall = time.perf_counter() - started
        size = files.pdf.stat().st_size
    peak_kb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss  # kilobytes on Linux
    return {"target": target, "pages": files.layout.total, "exhibits": len(case.evidence), "seconds": round(wall, 2),
            "peak_rss_mb": round(peak_kb / 1024, 1), "bundle_mb": round(size / 2 ** 20, 1),
            "index": "evidence_index document" if real_index else "stand-in"}


def main(argv: list[str]) -> None:
    if argv[:1] == ["--child"]:
        print(json.dumps(run_one(int(argv[1]), stand_in="--stand-in" in argv)))
        return
    stand_in = "--stand-in" in argv
    sizes = [int(a) for a in argv if a != "--stand-in"] or [50, 500, 2000]
    print(f"{'pages':>6} {'exhibits':>8} {'seconds':>8} {'peak RSS MB':>12} {'bundle MB':>10}  index")
    for target in sizes:
        args = [sys.executable, __file__, "--child", str(target)] + (["--stand-in"] if stand_in else [])
        child = subprocess.run(args, capture_output=True, text=True)
        if child.returncode:
            sys.exit(f"the {target}-page run failed:\n{child.stderr}")
        r = json.loads(child.stdout.strip().splitlines()[-1])
        print(f"{r['pages']:>6} {r['exhibits']:>8} {r['seconds']:>8} {r['peak_rss_mb']:>12} "
              f"{r['bundle_mb']:>10}  {r['index']}")


if __name__ == "__main__":
    main(sys.argv[1:])
