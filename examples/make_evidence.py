"""Generate the evidence files of the bundled example cases.

Run once from the repository root (``python examples/make_evidence.py``);
the outputs are committed so that the examples work without running it.
Everything is fictional: names, companies, accounts and .example addresses.
The output is reproducible byte for byte (fixed dates, invariant PDFs), so
re-running it leaves the tree unchanged.
"""
from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import re
from email.message import EmailMessage
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab import rl_config
from reportlab.lib import colors
from reportlab.lib.enums import TA_CENTER
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen import canvas
from reportlab.platypus import Paragraph, SimpleDocTemplate, Spacer, Table, TableStyle

rl_config.invariant = 1  # no creation date or random id: same bytes on every run

HERE = Path(__file__).resolve().parent
FONTS = HERE.parent / "src" / "restitution" / "fonts"
OUT = HERE / "evidence"
MAX_BYTES = 30 * 1024

# Latin text uses the PDF base fonts (nothing embedded); only runs of Chinese
# switch to the bundled Noto Serif SC, embedded as a subset, which keeps
# every file small.
pdfmetrics.registerFont(TTFont("SC", str(FONTS / "NotoSerifSC-Regular.ttf")))
pdfmetrics.registerFont(TTFont("SC-Bold", str(FONTS / "NotoSerifSC-Bold.ttf")))
_CJK = re.compile(r"[\u2e80-\u9fff\uff00-\uffef\u3000-\u303f]+")


def cjk(text: str, bold: bool = False) -> str:
    face = "SC-Bold" if bold else "SC"
    return _CJK.sub(lambda m: f'<font name="{face}">{m.group(0)}</font>', text)


class P(Paragraph):
    """A paragraph whose Chinese runs are set in the CJK font."""

    def __init__(self, text: str, style: ParagraphStyle):
        super().__init__(cjk(text, style.fontName.endswith("Bold")), style)


BODY = ParagraphStyle("body", fontName="Times-Roman", fontSize=10, leading=14)
SMALL = ParagraphStyle("small", parent=BODY, fontSize=8, leading=11, textColor=colors.HexColor("#444444"))
TITLE = ParagraphStyle("title", parent=BODY, fontName="Times-Bold", fontSize=14, leading=19,
                       alignment=TA_CENTER, spaceAfter=8)
HEAD = ParagraphStyle("head", parent=BODY, fontName="Times-Bold", fontSize=10.5, leading=15, spaceBefore=6)
CHAT_ME = ParagraphStyle("me", parent=BODY, leftIndent=60, backColor=colors.HexColor("#e8f4e8"),
                         borderPadding=3, spaceAfter=5)
CHAT_THEM = ParagraphStyle("them", parent=BODY, rightIndent=60, backColor=colors.HexColor("#f0f0f0"),
                           borderPadding=3, spaceAfter=5)


def _flow(item):
    if isinstance(item, str):
        return P(item, BODY)
    return item


def pdf(path: Path, title: str, story: list, *, author: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    doc = SimpleDocTemplate(str(path), pagesize=A4, leftMargin=20 * mm, rightMargin=20 * mm,
                            topMargin=18 * mm, bottomMargin=18 * mm, title=title, author=author,
                            creator="examples/make_evidence.py")
    doc.build([P(title, TITLE)] + [_flow(x) for x in story])


def table(rows: list[list[str]], widths: list[float], header: bool = True) -> Table:
    cells = [[P(c, SMALL if not (header and i == 0) else HEAD) for c in row]
             for i, row in enumerate(rows)]
    t = Table(cells, colWidths=[w * mm for w in widths])
    style = [("GRID", (0, 0), (-1, -1), 0.4, colors.grey), ("VALIGN", (0, 0), (-1, -1), "TOP")]
    if header:
        style.append(("BACKGROUND", (0, 0), (-1, 0), colors.HexColor("#eeeeee")))
    t.setStyle(TableStyle(style))
    return t


def chat(lines: list[tuple[str, str, str]]) -> list:
    """(time, who, text) lines; who == "me" is the buyer's side."""
    out = []
    for when, who, text in lines:
        style = CHAT_ME if who == "me" else CHAT_THEM
        out.append(P(f"<font size=7 color='#666666'>{when}</font><br/>{text}", style))
    return out


def eml(path: Path, *, sender: str, to: str, subject: str, date: dt.datetime, body: str, msg_id: str) -> None:
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(date)
    msg["Message-ID"] = f"<{msg_id}>"
    msg.set_content(body)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(msg.as_bytes())


def scan_pdf(path: Path, lines: list[tuple[str, str]], *, author: str) -> None:
    """A one-page "scanned" document: text drawn into a bilevel image at 100 dpi.

    Used for papers that exist as signed scans (and whose Chinese text would
    make an embedded font subset far larger than the page image).
    (style, text) lines, style in title/body/sign; body lines are wrapped.
    """
    width, height, margin = 827, 1169, 80
    img = Image.new("L", (width, height), 255)
    d = ImageDraw.Draw(img)
    fonts = {"title": ImageFont.truetype(str(FONTS / "NotoSerifSC-Bold.ttf"), 26),
             "body": ImageFont.truetype(str(FONTS / "NotoSerifSC-Regular.ttf"), 16),
             "sign": ImageFont.truetype(str(FONTS / "NotoSerifSC-Regular.ttf"), 16)}
    y = 90
    for style, text in lines:
        font = fonts[style]
        if style == "title":
            w = d.textlength(text, font=font)
            d.text(((width - w) / 2, y), text, font=font, fill=0)
            y += 56
            continue
        line = ""
        for ch in text:  # wrap by width, character by character (Chinese has no spaces)
            if d.textlength(line + ch, font=font) > width - 2 * margin:
                d.text((margin, y), line, font=font, fill=0)
                y += 30
                line = ""
            line += ch
        d.text((margin, y), line, font=font, fill=0)
        y += 40 if style == "body" else 30
    page = img.point(lambda v: 0 if v < 150 else 255)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setAuthor(author)
    c.drawImage(ImageReader(page), 0, 0, *A4)
    c.showPage()
    c.save()


def screenshot(path: Path, title: str, lines: list[tuple[str, str]], *, size=(560, 300), bar="#ff6a00") -> None:
    """A small browser-like screenshot: (style, text) lines, style in title/body/warn/muted."""
    img = Image.new("RGB", size, "white")
    d = ImageDraw.Draw(img)
    regular = ImageFont.truetype(str(FONTS / "NotoSerifSC-Regular.ttf"), 15)
    bold = ImageFont.truetype(str(FONTS / "NotoSerifSC-Bold.ttf"), 17)
    d.rectangle([0, 0, size[0], 30], fill="#dddddd")
    d.rounded_rectangle([60, 6, size[0] - 20, 24], radius=6, fill="white")
    d.text((68, 7), title, fill="#333333", font=ImageFont.truetype(str(FONTS / "NotoSerifSC-Regular.ttf"), 12))
    d.rectangle([0, 30, size[0], 40], fill=bar)
    y = 52
    for style, text in lines:
        font = bold if style == "title" else regular
        fill = {"warn": "#c00000", "muted": "#777777"}.get(style, "#111111")
        d.text((20, y), text, fill=fill, font=font)
        y += 28 if style == "title" else 24
    # A palette image keeps the file small; screenshots need few colours.
    img.convert("P", palette=Image.ADAPTIVE, colors=32).save(path, optimize=True)


# ---------------------------------------------------------------- northwind-vanished


def northwind() -> None:
    out = OUT / "northwind-vanished"
    out.mkdir(parents=True, exist_ok=True)
    pdf(out / "contract-gt-0602.pdf", "SALES CONTRACT No. GT-0602", [
        "Date: 2 June 2026 &nbsp;&nbsp; Place: Shenzhen / San Francisco",
        P("Seller: Shenzhen Glory Tech Co., Ltd. (深圳市荣耀示例科技有限公司), "
                  "Unified Social Credit Code 91440300MA5G7K2Q1G, No. 88 Example Street, Bao'an District, "
                  "Shenzhen, Guangdong, China", BODY),
        P("Buyer: Northwind Trading LLC, 1200 Market St, Suite 400, San Francisco, CA 94103, USA", BODY),
        Spacer(1, 6),
        P("1. Goods, quantity and price", HEAD),
        table([["Description", "Qty", "Unit price (USD)", "Amount (USD)"],
               ["LED panel light 600x600 mm, 40 W, 4000 K, CE/RoHS", "2,000 pcs", "12.50", "25,000.00"],
               ["Total", "", "", "25,000.00"]], [80, 25, 30, 35]),
        P("2. Terms", HEAD),
        "2.1 Price term: FOB Shenzhen (Incoterms 2020).",
        "2.2 Payment: 30% deposit (USD 7,500.00) within 3 days of signing; 70% balance "
        "(USD 17,500.00) against photographs of the packed goods, before shipment.",
        "2.3 Shipment: no later than 15 July 2026. The Seller shall send the bill of lading "
        "within 3 days after shipment.",
        "2.4 Quality: as per the approved sample and the specification sheet attached to the "
        "Alibaba.com order 2100456789012345.",
        "2.5 If the Seller fails to ship on time, the Buyer may cancel the contract and the Seller "
        "shall refund all payments within 7 days.",
        "2.6 This contract is governed by the laws of the People's Republic of China.",
        Spacer(1, 18),
        table([["For the Seller", "For the Buyer"],
               ["Tony Wang, Sales Manager<br/>[company chop]", "Jane Doe, Chief Executive Officer"]],
              [85, 85]),
    ], author="Shenzhen Glory Tech Co., Ltd.")

    pdf(out / "proforma-invoice.pdf", "PROFORMA INVOICE GT-PI-0602", [
        "Issued by: Shenzhen Glory Tech Co., Ltd. &nbsp;&nbsp; Date: 2 June 2026",
        "To: Northwind Trading LLC &nbsp;&nbsp; Contract: GT-0602",
        Spacer(1, 6),
        table([["Item", "Qty", "Unit price", "Amount"],
               ["LED panel light 600x600 mm, 40 W", "2,000", "USD 12.50", "USD 25,000.00"],
               ["Deposit due now (30%)", "", "", "USD 7,500.00"]], [80, 20, 30, 40]),
        P("Bank details for the deposit", HEAD),
        "Beneficiary: Shenzhen Glory Tech Co., Ltd.<br/>Bank: Example Bank Shenzhen Branch<br/>"
        "Account: 6222 0000 0000 0000",
        P("Note: please pay the deposit by T/T to the account above, not through the "
                  "Alibaba.com payment page, to save bank fees. The balance can be paid online.", SMALL),
    ], author="Shenzhen Glory Tech Co., Ltd.")

    pdf(out / "wire-ft26156xyz.pdf", "OUTGOING WIRE TRANSFER – ADVICE", [
        "First Example Bank, N.A. · Commercial Banking · San Francisco, CA",
        Spacer(1, 6),
        table([["Field", "Value"],
               ["Value date", "2026-06-05"],
               ["Reference", "FT26156XYZ"],
               ["Ordering customer", "NORTHWIND TRADING LLC, account 000123456789"],
               ["Amount", "USD 7,500.00"],
               ["Charges", "OUR (USD 35.00 debited separately)"],
               ["Beneficiary", "SHENZHEN GLORY TECH CO., LTD."],
               ["Beneficiary account", "6222 0000 0000 0000"],
               ["Beneficiary bank", "EXAMPLE BANK SHENZHEN BRANCH, SHENZHEN, CN"],
               ["Remittance information", "DEPOSIT CONTRACT GT-0602"],
               ["Status", "Executed"]], [50, 120]),
        Spacer(1, 10),
        P("This advice is produced by online banking and needs no signature.", SMALL),
    ], author="First Example Bank")

    pdf(out / "card-statement-2026-08.pdf", "CARD STATEMENT – VISA BUSINESS CREDIT", [
        "First Example Bank, N.A. · Card Services · Statement date: 1 August 2026",
        "Cardholder: NORTHWIND TRADING LLC · Card ending 4242",
        Spacer(1, 6),
        table([["Posting date", "Transaction date", "Description", "Amount (USD)"],
               ["2026-07-21", "2026-07-20", "GLORYTECH SZ · ALIBABA.COM ORDER 2100456789012345", "17,500.00"],
               ["", "", "Total new charges", "17,500.00"]], [30, 30, 80, 30]),
        Spacer(1, 10),
        P("Extract of the monthly statement; other transactions omitted.", SMALL),
    ], author="First Example Bank")

    pdf(out / "chat-export.pdf", "Message record: Northwind Trading LLC – Shenzhen Glory Tech", [
        P("Exported 2026-09-15 from Alibaba.com Messenger and e-mail. Times are UTC+8.", SMALL),
        Spacer(1, 6),
        *chat([
            ("2026-05-28 10:14 Tony Wang", "them", "Hello Jane, for 2,000 pcs 600x600 40 W we can do USD 12.50, "
             "delivery in 35 days. We are a factory, 8 years' experience."),
            ("2026-05-28 10:31 Jane Doe", "me", "Thanks. Can we pay everything through Trade Assurance?"),
            ("2026-05-28 10:40 Tony Wang", "them", "Deposit by T/T to our company account is better, bank "
             "fee is lower. Balance you can pay online."),
            ("2026-07-16 15:02 Tony Wang", "them", "Goods are packed, see photos. Please pay balance today so "
             "we can book the vessel."),
            ("2026-07-20 09:12 Jane Doe", "me", "Balance paid by card on the order. Please send the B/L."),
            ("2026-07-28 11:47 Tony Wang", "them", "Shipped. B/L No. EXLU2607281133."),
            ("2026-07-30 08:05 Jane Doe", "me", "The carrier says this B/L number does not exist. Please check."),
            ("2026-08-02 18:20 Tony Wang", "them", "Sorry, the forwarder made a mistake. Will ship next week."),
            ("2026-08-10 09:00 Jane Doe", "me", "No news for a week. Please answer or refund."),
            ("2026-08-24 09:00 Jane Doe", "me", "Final request: ship or refund USD 25,000 within 7 days."),
        ]),
        P("No reply was received after 2 August 2026.", SMALL),
    ], author="Northwind Trading LLC")

    eml(out / "last-email.eml", sender="Tony Wang <tony.glory@freemail.example>",
        to="Jane Doe <jane.doe@northwind.example>",
        subject="回复：PO-2026-118 发货安排 / Re: shipment of PO-2026-118",
        date=dt.datetime(2026, 8, 2, 18, 20, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        msg_id="20260802182000.7781@freemail.example",
        body="Dear Jane,\n\nSorry for the B/L problem, the forwarder made a mistake. The goods will "
             "ship next week, I will send the new B/L.\n\n王涛 Tony Wang\nSales Manager\n"
             "Shenzhen Glory Tech Co., Ltd.\n")

    screenshot(out / "store-offline.png", "https://gloryexample.en.alibaba.example", [
        ("title", "Page not found"),
        ("body", "The store you are looking for is no longer available."),
        ("body", "该店铺已关闭或不存在。"),
        ("muted", "Screenshot taken 2026-08-05 16:40 (UTC-7) by Jane Doe"),
    ], size=(560, 190))


# ---------------------------------------------------------------- meridian-junk


def meridian() -> None:
    out = OUT / "meridian-junk"
    out.mkdir(parents=True, exist_ok=True)
    screenshot(out / "listing.png", "https://ykfitness.en.alibaba.example/product/7731", [
        ("title", "Commercial Treadmill YK-T900 – 3.0 HP AC motor"),
        ("body", "Motor: 3.0 HP AC (continuous) · Speed 0–20 km/h · Max user 180 kg"),
        ("body", "Frame: welded steel, gym grade · CE certified"),
        ("title", "Multi-station Home Gym YK-G100"),
        ("body", "Weight stack: 100 kg · 8 stations · powder-coated steel"),
        ("warn", "Factory direct – Trade Assurance – ships in 30 days"),
        ("muted", "Screenshot taken 2026-06-24 by Oliver Hartley"),
    ], size=(600, 250))

    pdf(out / "card-statement-2026-07.pdf", "MASTERCARD STATEMENT", [
        "Example Card Services plc · Statement date: 21 July 2026",
        "Cardholder: MR OLIVER HARTLEY · Card ending 5510",
        Spacer(1, 6),
        table([["Posting date", "Transaction date", "Description", "Amount (GBP)"],
               ["2026-07-06", "2026-07-04", "ALIBABA.COM YKFITNESS · ORDER DEPOSIT", "1,900.00"],
               ["", "", "Total new transactions", "1,900.00"]], [30, 30, 80, 30]),
        Spacer(1, 10),
        P("Extract of the monthly statement; other transactions omitted.", SMALL),
    ], author="Example Card Services plc")

    pdf(out / "contract-ykf-26-0318.pdf", "SALES CONTRACT No. YKF-26-0318", [
        "Date: 2026-07-03",
        P("Seller: Yongkang Example Fitness Equipment Co., Ltd. 永康市示例健身器材有限公司, "
                  "USCC 91330784MA7HX4LT3B, 浙江省金华市永康市示例工业区示例路9号", BODY),
        P("Buyer: Oliver Hartley, 14 Meridian Close, Leeds LS6 2QT, United Kingdom", BODY),
        Spacer(1, 4),
        table([["Item", "Specification", "Qty", "Amount (GBP)"],
               ["Treadmill YK-T900", "3.0 HP AC motor, 0–20 km/h, welded steel frame, max user 180 kg", "1",
                "3,450.00"],
               ["Home gym YK-G100", "100 kg weight stack, 8 stations", "1", "2,650.00"],
               ["Freight", "Sea freight and delivery to Leeds (DAP)", "1", "300.00"],
               ["Total", "", "", "6,400.00"]], [35, 85, 12, 38]),
        "Payment: deposit GBP 1,900.00 on signing; balance GBP 4,500.00 before shipment. "
        "Shipment by 5 August 2026; delivery by 25 September 2026.",
        "Quality: the goods shall conform to the specification above and to the product listing. "
        "Non-conforming goods shall be replaced or the price refunded within 15 days.",
        P("Arbitration", HEAD),
        "Any dispute arising from or in connection with this Contract shall be submitted to China "
        "International Economic and Trade Arbitration Commission (CIETAC) for arbitration which shall be "
        "conducted in accordance with the CIETAC's arbitration rules in effect at the time of applying for "
        "arbitration. The arbitral award is final and binding upon both parties.",
        Spacer(1, 12),
        table([["Seller", "Buyer"], ["Chen Guoqiang 陈国强 [company seal]", "Oliver Hartley"]],
              [85, 85]),
    ], author="Yongkang Example Fitness Equipment Co., Ltd.")

    pdf(out / "transfer-4471.pdf", "International payment confirmation", [
        "Example Bank plc · Online Banking · Leeds",
        Spacer(1, 6),
        table([["", ""],
               ["Payment date", "06 Aug 2026"],
               ["Your reference", "HSBCX260806-4471"],
               ["From", "Mr O Hartley · 20-45-77 41239876"],
               ["Amount", "GBP 4,500.00"],
               ["To", "YONGKANG EXAMPLE FITNESS EQUIPMENT CO., LTD."],
               ["Account", "3301 0400 0000 5512"],
               ["Bank / SWIFT", "Example Commercial Bank Jinhua Branch / EXCBCNBJJHA"],
               ["Payment details", "BALANCE YKF-26-0318"],
               ["Status", "Sent"]], [45, 125], header=False),
    ], author="Example Bank plc")

    pdf(out / "test-report-ct-26-1187.pdf", "TEST REPORT CT-26-1187", [
        "Castlegate Testing Ltd · Unit 4, Example Park, Wakefield WF2 0XX, UK",
        "Client: Oliver Hartley · Samples inspected at the client's address on 29 September 2026 · "
        "Report date: 2 October 2026",
        P("1. Items inspected", HEAD),
        table([["Item", "Contract specification", "Found", "Result"],
               ["Treadmill (labelled YK-T900)", "3.0 HP AC motor", "0.75 HP DC motor (rating plate)", "FAIL"],
               ["", "Welded steel frame, max user 180 kg", "Bolted frame, crack at left upright weld, "
                "label: max user 100 kg", "FAIL"],
               ["", "0–20 km/h", "0.8–10 km/h (measured)", "FAIL"],
               ["Home gym (labelled YK-G100)", "100 kg weight stack", "40 kg (8 × 5 kg plates)", "FAIL"]],
              [38, 42, 65, 20]),
        P("2. Safety", HEAD),
        "The cracked upright bears the handrail. Under a 90 kg static load the crack opened by 1.2 mm. "
        "The treadmill must not be used.",
        P("3. Conclusion", HEAD),
        "Neither item matches the contract specification. The treadmill is a light domestic model "
        "and is unsafe in its present condition.",
        Spacer(1, 14),
        "Signed: R. Okafor, Senior Engineer · Castlegate Testing Ltd",
    ], author="Castlegate Testing Ltd")

    eml(out / "reply-to-report.eml", sender="Cindy Chen <cindy.ykfit@freemail.example>",
        to="Oliver Hartley <oliver.hartley@post.example>",
        subject="回复：检测报告 CT-26-1187 / Re: test report CT-26-1187",
        date=dt.datetime(2026, 10, 9, 10, 2, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        msg_id="20261009100200.4410@freemail.example",
        body="Dear Oliver,\n\nThe machine is normal variation, same like other customers. Small crack "
             "is from transport, not our problem. We cannot refund.\n\nCindy\n")


# ---------------------------------------------------------------- harbour-hk and harbour-payee


def flask_order(out: Path, po: str, refs: tuple[str, str], seller: str, seller_address: str, cr_no: str, director: str,
                beneficiary: str, account: str, bank: str, contact: str, contact_zh: str, chat_with: str,
                seller_email: str) -> None:
    """The two Hong Kong cases share one story (a flask order paid in two remittances, then
    silence); only the seller, its people and the account paid into differ."""
    out.mkdir(parents=True, exist_ok=True)
    pdf(out / f"purchase-order-sci-po-{po}.pdf", f"PURCHASE ORDER SCI-PO-{po}", [
        "Saffron Coast Imports Private Limited · 402 Example Towers, 17 Marine Lines Road, Mumbai 400020",
        "Date: 14 July 2026",
        f"To: {seller}, {seller_address} · CR No. {cr_no}",
        Spacer(1, 6),
        table([["Item", "Qty", "Unit price", "Amount"],
               ["Vacuum flask 750 ml, double-wall stainless steel, logo printed", "6,000", "USD 6.40",
                "USD 38,400.00"]], [90, 20, 25, 35]),
        "Terms: FOB Shenzhen. 30% deposit on order, 70% balance against notice of readiness. "
        "Shipment not later than 25 August 2026.",
        Spacer(1, 14),
        table([["Buyer", "Accepted by the Seller"],
               ["Ananya Rao, Director", f"{director}, Director<br/>[company chop] 15 July 2026"]], [85, 85]),
    ], author="Saffron Coast Imports Private Limited")

    first, second = refs  # the two remittances' references
    pdf(out / "remittances.pdf", "Foreign outward remittance advices", [
        "Example Bank of India · Fort Branch, Mumbai",
        table([["", "First remittance", "Second remittance"],
               ["Date", "16-07-2026", "21-08-2026"],
               ["Reference", first, second],
               ["Amount", "USD 11,520.00", "USD 26,880.00"],
               ["Remitter", "SAFFRON COAST IMPORTS PVT LTD", "SAFFRON COAST IMPORTS PVT LTD"],
               ["Beneficiary", beneficiary, beneficiary],
               ["Account", account, account],
               ["Beneficiary bank", bank, bank],
               ["Purpose", f"ADVANCE FOR IMPORT OF GOODS, PO SCI-PO-{po}", f"BALANCE FOR IMPORT OF GOODS, PO SCI-PO-{po}"]],
              [32, 69, 69]),
        P("Computer-generated advice.", SMALL),
    ], author="Example Bank of India")

    company = seller.split(" (")[0]
    eml(out / "ready-for-shipment.eml", sender=f"{director} <{seller_email}>",
        to="Ananya Rao <ananya.rao@saffroncoast.example>",
        subject=f"货已备妥待运 Ready for shipment – SCI-PO-{po}",
        date=dt.datetime(2026, 8, 20, 16, 45, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        msg_id="20260820164500.2207@freemail.example",
        body="Dear Ananya,\n\nAll 6,000 flasks are packed in 250 cartons at our Shenzhen warehouse, photos "
             "on WeChat. Please arrange the 70% balance USD 26,880 today so we can book the vessel of "
             f"27 August.\n\n{director}\n{company}\n")

    them = f"{contact} {contact_zh}"
    pdf(out / "wechat-record.pdf", f"WeChat record: Ananya Rao – {contact} ({chat_with})", [
        P("Exported 2026-10-06 from the client's WeChat account. Times are UTC+8.", SMALL),
        *chat([
            (f"2026-08-18 10:20 {them}", "them", "Hi Ananya, I am at our Shenzhen office in Longgang, "
             "flask printing is finished today."),
            (f"2026-08-20 16:50 {them}", "them", "Cartons ready, 250 ctns. [photos]"),
            ("2026-08-21 12:03 Ananya Rao", "me", f"Balance USD 26,880 sent today, ref {second}."),
            ("2026-08-28 09:30 Ananya Rao", "me", "Vessel of 27 Aug? Please send booking and B/L draft."),
            (f"2026-09-03 11:15 {them}", "them", "Vessel delay, forwarder will update."),
            ("2026-09-10 09:00 Ananya Rao", "me", "The forwarder says it has no booking from you. Please call me."),
            ("2026-09-24 09:00 Ananya Rao", "me", "No reply for three weeks. Refund USD 38,400 or we go to the police."),
        ]),
        P("Messages after 3 September 2026 show as not read.", SMALL),
    ], author="Saffron Coast Imports Private Limited")


def harbour() -> None:
    out = OUT / "harbour-hk"
    flask_order(out, "2607", ("SCI/TT/2607/01", "SCI/TT/2608/02"), "Harbour Pearl Trading Limited (港珠貿易有限公司)",
                "Unit 1208, 12/F, Example Commercial Centre, 88 Example Road, Kwun Tong, Kowloon, Hong Kong",
                "3217845", "Kevin Ho", "HARBOUR PEARL TRADING LIMITED", "012-345-678901-001",
                "EXAMPLE BANK (HONG KONG) LTD, EXBKHKHH", "Lisa Zhang", "张丽", "Harbour Pearl",
                "kevin.harbourpearl@freemail.example")
    screenshot(out / "registry-extract.png", "Companies Registry – e-Search – Company particulars", [
        ("title", "HARBOUR PEARL TRADING LIMITED 港珠貿易有限公司"),
        ("body", "Company No.: 3217845 · Type: Private company limited by shares"),
        ("body", "Date of incorporation: 15-DEC-2025 · Status: Live"),
        ("body", "Registered office: Unit 1208, 12/F, Example Commercial Centre,"),
        ("body", "88 Example Road, Kwun Tong, Kowloon"),
        ("muted", "Screenshot taken 2026-10-06"),
    ], size=(600, 230), bar="#1f4e79")


def harbour_payee() -> None:
    """harbour-hk's story with another Hong Kong seller, paid into a Shenzhen company's account."""
    flask_order(OUT / "harbour-payee", "2612", ("SCI/TT/2612/01", "SCI/TT/2612/02"), "Victoria Crest Homeware Limited (維港冠峰家品有限公司)",
                "Room 705, 7/F, Example Trade Tower, 19 Example Street, Sheung Wan, Hong Kong",
                "3308821", "Kelvin Mak", "SHENZHEN LONGGANG EXAMPLE SUPPLY CHAIN MGMT CO LTD",
                "4000 0231 0920 0112 233", "EXAMPLE BANK SHENZHEN LONGGANG, EXBKCNBJSZN", "Amy Chen", "陈敏",
                "Victoria Crest", "kelvin.vcrest@freemail.example")


# ---------------------------------------------------------------- lotus-settlement


def lotus() -> None:
    out = OUT / "lotus-settlement"
    out.mkdir(parents=True, exist_ok=True)
    scan_pdf(out / "wechat-record.pdf", [
        ("title", "微信聊天记录（刘美玲 — 林志伟）"),
        ("sign", "导出时间：2026年8月20日　时间均为北京时间"),
        ("sign", "2026-07-02 14:11　林志伟："),
        ("body", "刘小姐你好，Maison Aurèle 正品尾货，专柜撤下来的，全部有正品证书。"),
        ("sign", "2026-07-02 14:20　刘美玲："),
        ("body", "保证是正品吗？我是要在店里卖的。"),
        ("sign", "2026-07-02 14:22　林志伟："),
        ("body", "保证正品，假一赔十。［图片：正品证书］"),
        ("sign", "2026-07-08 11:05　刘美玲："),
        ("body", "托特包36个、卡包60个，一共86,400元，确认。"),
        ("sign", "2026-07-27 10:40　林志伟："),
        ("body", "已经发货了，尾款今天付一下。"),
        ("sign", "2026-08-12 17:30　刘美玲："),
        ("body", "品牌代表鉴定全部是假货，请退款。"),
        ("sign", "2026-08-14 09:12　林志伟："),
        ("body", "尾货售出概不退换。"),
        ("sign", "2026-08-14 09:15 之后发送的消息被对方拒收（已被拉黑）。"),
    ], author="LAU Mei Ling")

    screenshot(out / "alipay-records.png", "支付宝 · 账单详情", [
        ("title", "付款给 广州市示例皮具贸易有限公司"),
        ("body", "2026-07-09 11:32  -43,200.00  交易成功"),
        ("muted", "订单号 2026070922001456780012"),
        ("body", "2026-07-27 10:52  -43,200.00  交易成功"),
        ("muted", "订单号 2026072722001456780458"),
    ], size=(520, 200), bar="#1677ff")

    pdf(out / "authentication-letter.pdf", "Authentication letter / 鉴定函", [
        "Maison Aurèle (Asia) Limited – authorised representative for Hong Kong",
        "Date: 12 August 2026 · Our ref: MA-HK-AUTH-26-0412",
        Spacer(1, 6),
        "At the request of Ms LAU Mei Ling we examined 36 tote bags marked \"Belle\" and 60 card holders "
        "marked \"Maison Aurèle\", with the \"authenticity cards\" supplied with them.",
        table([["Feature", "Genuine product", "Items examined"],
               ["Date code", "Laser-engraved, 6 characters", "Printed ink stamp, 4 characters"],
               ["Hardware", "Solid brass, engraved logo", "Plated zinc alloy, cast logo"],
               ["Stitching", "8 stitches per inch, waxed linen", "5–6 per inch, nylon"],
               ["Authenticity card", "Not issued by the brand", "Present (forged)"]], [40, 65, 65]),
        "Conclusion: all 96 items are counterfeit and were not made by or for Maison Aurèle.",
        Spacer(1, 12),
        "Signed: Grace Wong, Brand Protection Manager",
    ], author="Maison Aurèle (Asia) Limited")

    scan_pdf(out / "restitution-agreement.pdf", [
        ("title", "和解协议"),
        ("body", "甲方（被害人）：刘美玲（LAU Mei Ling），委托代理人：羊城示例律师事务所梁嘉慧律师"),
        ("body", "乙方（保证人）：林德福（林志伟之父）、林晓燕（林志伟之姐）"),
        ("body", "鉴于林志伟涉嫌以销售假冒产品的方式骗取甲方货款人民币86,400.00元，已被广州市公安局白云区"
                 "分局依法刑事拘留，乙方自愿代林志伟向甲方退赔，双方经协商达成如下协议："),
        ("body", "一、乙方向甲方退赔人民币80,000.00元（大写：人民币捌万元整）。"),
        ("body", "二、退赔款分两期支付：2026年10月20日前支付人民币50,000.00元；2026年12月20日前支付"
                 "人民币30,000.00元，均汇入甲方指定账户。"),
        ("body", "三、乙方二人对上述款项承担连带保证责任。"),
        ("body", "四、甲方在全部款项实际到账后，向办案机关出具谅解书。"),
        ("body", "五、本协议不影响办案机关依法处理林志伟涉嫌犯罪一事。"),
        ("sign", "甲方委托代理人（签字）：梁嘉慧"),
        ("sign", "乙方（签字、捺印）：林德福　林晓燕"),
        ("sign", "签订日期：2026年10月12日　　签订地点：广州市白云区"),
    ], author="Yangcheng Example Law Firm")

    eml(out / "first-instalment.eml", sender="Example Bank (Hong Kong) <alerts@bank.example>",
        to="LAU Mei Ling <meiling.lau@lotusboutique.example>",
        subject="入账通知：汇入汇款 CNY 50,000.00 / Incoming remittance credited",
        date=dt.datetime(2026, 10, 19, 15, 8, tzinfo=dt.timezone(dt.timedelta(hours=8))),
        msg_id="20261019150800.0032@bank.example",
        body="Dear Customer,\n\nAn incoming remittance has been credited to your account ending 1234-883.\n\n"
             "Amount: CNY 50,000.00\nRemitter: LIN DEFU\nReference: GZ-4401-261019-0032\n"
             "Value date: 19 Oct 2026\n\n此为系统自动发出的通知，请勿回复。\n")


def main() -> None:
    for make in (northwind, meridian, harbour, harbour_payee, lotus):
        make()
    too_big = [p for p in OUT.rglob("*") if p.is_file() and p.stat().st_size > MAX_BYTES]
    for p in sorted(OUT.rglob("*")):
        if p.is_file():
            print(f"{p.stat().st_size:7d}  {p.relative_to(HERE)}")
    if too_big:
        raise SystemExit(f"over {MAX_BYTES} bytes: {', '.join(str(p.relative_to(HERE)) for p in too_big)}")


if __name__ == "__main__":
    main()
