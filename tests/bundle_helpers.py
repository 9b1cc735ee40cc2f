"""Evidence files made at test time, cases built from the model, and a stand-in index.

(A module of its own rather than conftest.py: the suite has several conftest
modules, and ``from conftest import`` would pick whichever comes first.)

The stand-in index is a plain reportlab document listing each exhibit's page
range as "Exhibit N: pages A-B", so tests can read the ranges back from the
bundle and compare them with the real ones.
"""
from __future__ import annotations

import datetime as dt
import io
from decimal import Decimal
from email.message import EmailMessage
from pathlib import Path

from PIL import Image
from pypdf import PdfReader, PdfWriter
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from restitution.case.model import (Case, CaseInfo, Claim, Client, Exhibit, Order, Outcome, Payment,
                                    Supplier)

DATE = dt.date(2026, 11, 20)
CHINESE_LINE = "合同编号GT-0602：供应商承诺于2026年7月15日前发货，收到尾款后即失联。"


def make_pdf(path: Path, sizes, rotate: dict[int, int] | None = None, label: str = "page") -> Path:
    buf = io.BytesIO()
    c = Canvas(buf, invariant=1)
    for i, size in enumerate(sizes, 1):
        c.setPageSize(size)
        c.setFont("Helvetica", 12)
        c.drawString(40, size[1] - 60, f"{label} {i} of {path.name}")
        c.showPage()
    c.save()
    if rotate:
        reader = PdfReader(io.BytesIO(buf.getvalue()))
        writer = PdfWriter()
        for i, page in enumerate(reader.pages):
            if i in rotate:
                page.rotate(rotate[i])
            writer.add_page(page)
        buf = io.BytesIO()
        writer.write(buf)
    path.write_bytes(buf.getvalue())
    return path


def make_png(path: Path, size=(800, 500)) -> Path:
    Image.new("RGBA", size, (200, 30, 30, 255)).save(path, "PNG")
    return path


def make_jpeg_rotated(path: Path, size=(600, 300)) -> Path:
    """A wide JPEG whose EXIF orientation (6: turn 90° clockwise) makes it tall."""
    img = Image.new("RGB", size, (30, 120, 200))
    exif = Image.Exif()
    exif[0x0112] = 6
    img.save(path, "JPEG", exif=exif.tobytes(), dpi=(150, 150))
    return path


def make_txt(path: Path, repeat: int = 3) -> Path:
    body = "\n".join([CHINESE_LINE, "", "The seller promised shipment by 15 July 2026. " * 6] * repeat)
    path.write_text(body + "\n", encoding="utf-8")
    return path


def make_eml(path: Path) -> Path:
    msg = EmailMessage()
    msg["From"] = "王托尼 <tony.glory@example.com>"
    msg["To"] = "jane.doe@northwind.example"
    msg["Subject"] = "关于订单PO-2026-118的发货安排"
    msg["Date"] = "Tue, 02 Jun 2026 10:00:00 +0800"
    msg.set_content("您好，\n货物将于七月中旬发出，请先支付尾款。\nBest regards, Tony\n")
    msg.add_attachment(b"%PDF-1.4\n", maintype="application", subtype="pdf", filename="invoice-118.pdf")
    path.write_bytes(bytes(msg))
    return path


def make_case(folder: Path, files: list[str], case_id: str = "NW-2026-0042", **exhibit_fields) -> Case:
    """A valid case whose evidence is `files` (paths relative to `folder`), one exhibit each."""
    source = folder / "case.yaml"
    source.write_text("schema: 1\n", encoding="utf-8")
    exhibits = []
    where = {"evidence": 100}
    for i, name in enumerate(files):
        exhibits.append(Exhibit(
            kind="sales_contract" if i == 0 else "other",
            title=f"Exhibit file {name}",
            title_zh=f"证据文件{i + 1}",
            number=i + 1,
            date=dt.date(2026, 6, 2),
            file=(folder / name).resolve(),
            file_text=name,
            source="Exchanged by e-mail",
            source_zh="通过电子邮件交换",
            purpose="The agreed goods, price and delivery date",
            purpose_zh="证明双方约定的货物、价格及交货日期",
            **exhibit_fields,
        ))
        where[f"evidence[{i}]"] = 101 + 9 * i
        where[f"evidence[{i}].file"] = 105 + 9 * i
    return Case(
        schema=1,
        case=CaseInfo(id=case_id, opened=DATE),
        client=Client(kind="company", name="Northwind Trading LLC", country="US", address="1200 Market St"),
        supplier=Supplier(name="Shenzhen Glory Tech Co., Ltd.", region="mainland"),
        order=Order(date=dt.date(2026, 6, 2), currency="USD", total=Decimal("25000.00")),
        payments=(Payment(date=dt.date(2026, 6, 5), amount=Decimal("25000.00"), currency="USD", method="wire"),),
        outcome=Outcome(kind="not_delivered"),
        claim=Claim(amount=Decimal("25000.00"), currency="USD"),
        evidence=tuple(exhibits),
        source=source,
        where=where,
    )


def simple_index(case: Case, date: dt.date, page_ranges: dict[int, tuple[int, int]],
                 lines_per_page: int = 20) -> bytes:
    """A stand-in for the rendered evidence index: one line per exhibit with its page range."""
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    for i, (n, (first, last)) in enumerate(sorted(page_ranges.items())):
        if i % lines_per_page == 0:
            if i:
                c.showPage()
            c.setFont("Helvetica-Bold", 14)
            c.drawString(60, 780, f"Evidence index {case.id} {date.isoformat()}")
            c.setFont("Helvetica", 11)
        c.drawString(60, 750 - (i % lines_per_page) * 24, f"Exhibit {n}: pages {first}-{last}")
    c.showPage()
    c.save()
    return buf.getvalue()


ALL_FILES = ["evidence/contract.pdf", "evidence/listing.png", "evidence/photo.jpg", "evidence/chat.txt",
             "evidence/mail.eml"]
