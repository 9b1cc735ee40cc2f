"""Write the evidence files of the unseen-case corpus (tests/data/unseen/*.yaml).

Run from the repository root (``python tests/data/unseen/make_evidence.py``);
the outputs are committed so that the tests need not run it. Everything is
fictional: people, companies, accounts and .example addresses. The output is
reproducible byte for byte (reportlab in invariant mode, fixed e-mail dates,
PNGs drawn with the bundled font and written without timestamps), so
re-running it leaves the tree unchanged. The exhibits of aubrac-yiwu, koala-counterfeit and
maple-xiamen are plain text files, committed as written (a reviewer's cases: nothing to make).

Trade-off: the files are deliberately plain (a page of text each, Latin base
fonts, no embedded CJK) so that they stay a few kilobytes; what the tests
exercise is how the toolkit binds, counts and fingerprints them, not how they
look.
"""
from __future__ import annotations

import datetime as dt
import email.policy
import email.utils
import textwrap
from email.message import EmailMessage
from pathlib import Path

from PIL import Image, ImageDraw, ImageFont
from reportlab import rl_config
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas

rl_config.invariant = 1  # no creation date or random document id

HERE = Path(__file__).resolve().parent
OUT = HERE / "evidence"
FONT = HERE.parents[2] / "src" / "restitution" / "fonts" / "NotoSerifSC-Regular.ttf"


def pdf(path: Path, title: str, paragraphs: list[str], *, pages: int = 1) -> None:
    """A text PDF of `pages` pages; the paragraphs are spread over them."""
    path.parent.mkdir(parents=True, exist_ok=True)
    c = canvas.Canvas(str(path), pagesize=A4)
    c.setTitle(title)
    c.setAuthor("tests/data/unseen/make_evidence.py")
    width, height = A4
    per_page = max(1, -(-len(paragraphs) // pages))
    for page in range(pages):
        y = height - 60
        c.setFont("Helvetica-Bold", 13)
        c.drawString(50, y, title if page == 0 else f"{title} (continued)")
        y -= 28
        c.setFont("Helvetica", 10)
        for para in paragraphs[page * per_page:(page + 1) * per_page]:
            for line in textwrap.wrap(para, 95) or [""]:
                c.drawString(50, y, line)
                y -= 14
            y -= 8
        c.setFont("Helvetica", 8)
        c.drawString(50, 30, f"Page {page + 1} of {pages}")
        c.showPage()
    c.save()


def eml(path: Path, *, sender: str, to: str, subject: str, date: dt.datetime, body: str) -> None:
    msg = EmailMessage(policy=email.policy.SMTP)
    msg["From"] = sender
    msg["To"] = to
    msg["Subject"] = subject
    msg["Date"] = email.utils.format_datetime(date)
    msg["Message-ID"] = f"<{path.stem}@mail.example>"
    msg.set_content(body)
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(msg.as_bytes())


def screenshot(path: Path, title: str, lines: list[str]) -> None:
    """A store-page capture: a title bar and lines of text on white."""
    path.parent.mkdir(parents=True, exist_ok=True)
    image = Image.new("RGB", (620, 60 + 22 * len(lines)), "white")
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, 0, 620, 34), fill="#1f5fa8")
    font = ImageFont.truetype(str(FONT), 15)
    draw.text((12, 7), title, fill="white", font=font)
    for i, line in enumerate(lines):
        draw.text((12, 46 + 22 * i), line, fill="black", font=font)
    image.save(path, format="PNG", optimize=False)


def tz(hours: int) -> dt.timezone:
    return dt.timezone(dt.timedelta(hours=hours))


def rhein() -> None:
    d = OUT / "rhein-swift"
    pdf(d / "sales-contract-hx-2026-0412.pdf", "Sales Contract HX-2026-0412", [
        "Seller: Shenzhen Huaxin Precision Electronics Co., Ltd., Longhua District, Shenzhen.",
        "Buyer: Rheinfeld Elektrotechnik GmbH, Mannheim, Germany.",
        "Goods: 1,200 industrial servo drive units SD-750, 750 W, at EUR 48.50; "
        "400 encoder cables EC-5, 5 m, at EUR 6.25. Total EUR 60,700.00.",
        "Payment: 30% deposit on signature, 70% before shipment, by telegraphic transfer "
        "to the account named in the pro forma invoice.",
        "Shipment: FOB Shenzhen not later than 30 June 2026. Governing law: not stated. "
        "Disputes: by negotiation.",
        "Signed for the seller: Zhou Jianhua, General Manager. Signed for the buyer: Katrin Vogel, Geschaeftsfuehrerin.",
    ], pages=2)
    pdf(d / "swift-mt103.pdf", "SWIFT MT103 payment confirmations", [
        "Ordering customer: Rheinfeld Elektrotechnik GmbH, IBAN DE44 5001 0517 0648 4898 90.",
        "Transfer 1 of 2: value date 2026-04-16, EUR 18,210.00, reference RHE-HX-0412-A, "
        "beneficiary CHEN XIAOLI, account 6217 0000 1234 5678 901, beneficiary bank EXBKCNBJSZN.",
        "Transfer 2 of 2: value date 2026-06-22, EUR 42,490.00, reference RHE-HX-0412-B, "
        "same beneficiary and account.",
        "Both transfers were credited; no return or recall has been received.",
    ])
    eml(d / "changed-account.eml", sender="Zhou Jianhua <huaxin.zhou88@freemail.example>",
        to="k.vogel@rheinfeld.example", subject="PI HX-2026-0412 - payment account",
        date=dt.datetime(2026, 4, 14, 10, 12, tzinfo=tz(8)),
        body="Dear Katrin,\n\nBecause of our company annual audit the company account cannot receive "
             "foreign currency this month. Please pay the deposit to our finance manager's account:\n\n"
             "CHEN XIAOLI, 6217 0000 1234 5678 901, SWIFT EXBKCNBJSZN.\n\nThis is normal in China. "
             "Production starts after deposit.\n\nBest regards\nZhou Jianhua\nHuaxin Precision\n")
    eml(d / "ready-to-ship.eml", sender="Zhou Jianhua <huaxin.zhou88@freemail.example>",
        to="k.vogel@rheinfeld.example", subject="HX-2026-0412 goods ready, balance please",
        date=dt.datetime(2026, 6, 19, 16, 40, tzinfo=tz(8)),
        body="Dear Katrin,\n\nAll 1,200 drives passed our QC and are packed. Please pay the balance "
             "EUR 42,490.00 to the same account so we can book the vessel on 28 June.\n\n"
             "Photos attached.\n\nZhou Jianhua\n")
    pdf(d / "gsxt-report.pdf", "Enterprise credit information report (translation)", [
        "Name: Shenzhen Huaxin Precision Electronics Co., Ltd. USCC 91440300MA5K3T8R48.",
        "Registered: 2025-11-03. Registered capital: CNY 100,000 (subscribed, not paid in).",
        "Legal representative: Zhou Jianhua. Registered address: a shared business-centre unit in Longhua District.",
        "Listed on 2026-09-15 in the list of abnormal operations: cannot be reached at the registered address.",
    ])


def prairie() -> None:
    d = OUT / "prairie-counterfeit"
    screenshot(d / "listing.png", "Made-in-China.com - Yiwu Jinlan Sporting Goods", [
        "Original brand basketballs, size 7, composite leather - USD 9.80/piece",
        "Brand authorised distributor certificate available",
        "MOQ 500 pieces - Audited supplier",
        "Captured 2026-07-02 14:08 CDT",
    ])
    pdf(d / "invoice-jl-26-0707.pdf", "Commercial Invoice JL-26-0707", [
        "Seller: Yiwu Jinlan Sporting Goods Co., Ltd. Buyer: Prairie Court Supply LLC, Wichita, Kansas.",
        "3,000 basketballs size 7 (brand as listed) at USD 9.80: USD 29,400.00. "
        "Freight and insurance to Houston: USD 1,350.00. Total USD 30,750.00.",
        "Paid: PayPal USD 9,225.00 on 2026-07-08; card USD 21,525.00 on 2026-08-04.",
    ])
    pdf(d / "paypal-and-card.pdf", "Payment records", [
        "PayPal transaction 7HX24519LM0098236, 2026-07-08, USD 9,225.00 to jinlan.sport@pay.example.",
        "Mastercard business credit card ending 5117, charge 2026-08-04, USD 21,525.00, "
        "descriptor YW JINLAN SPORT, statement closing 2026-08-15.",
    ])
    pdf(d / "authentication-letter.pdf", "Authentication letter", [
        "The brand owner's anti-counterfeiting team examined 12 balls drawn from the consignment on 2026-09-22.",
        "None was made by or for the brand owner: the valve, panel print, serial format and carcass "
        "construction differ from genuine production. The 'authorised distributor certificate' shown "
        "by the seller was never issued by the brand owner.",
    ], pages=2)
    pdf(d / "test-report.pdf", "Third-party test report TR-2609-4471", [
        "Samples: 6 basketballs marked size 7. Circumference 71.2-73.9 cm (standard 74.9-78.0 cm). "
        "Weight 498-531 g (standard 567-650 g). Rebound fails at 1.8 m drop.",
        "Conclusion: the samples do not meet the specification of an official size 7 ball.",
    ])


def wattle() -> None:
    d = OUT / "wattle-partial-refund"
    pdf(d / "trade-assurance-order.pdf", "Trade Assurance order 2300118842076651", [
        "Supplier: Pacific Bright Lighting Limited, Kwun Tong, Hong Kong. Buyer: Wattle & Gum Interiors Pty Ltd.",
        "800 solar garden lights SGL-2, 1,200 lumen, IP65, at USD 27.00: USD 21,600.00.",
        "Paid through Alibaba.com: USD 21,600.00 on 2026-06-11.",
    ])
    pdf(d / "inspection-report.pdf", "Arrival inspection report, Brisbane", [
        "Inspected 2026-08-24: 800 units received. Measured output 90-140 lumen, not 1,200. "
        "41 units do not switch on. Housings unmarked, no IP rating on any label.",
    ], pages=2)
    eml(d / "refund-offer.eml", sender="Jason Leung <jason@pacificbright.example>",
        to="olivia@wattleandgum.example", subject="Re: SGL-2 complaint",
        date=dt.datetime(2026, 9, 7, 11, 5, tzinfo=tz(8)),
        body="Hi Olivia,\n\nWe refunded USD 2,160.00 today as compensation (10%). The lumen on the "
             "listing is the LED chip rating, not the lamp. We cannot do more.\n\nJason\n")
    pdf(d / "refund-record.pdf", "Refund record", [
        "Refund of USD 2,160.00 received on 2026-09-07 from Pacific Bright Lighting Limited, reference RF-0907-PBL.",
    ])


def thames() -> None:
    d = OUT / "thames-reconsideration"
    pdf(d / "pro-forma-gz-8812.pdf", "Pro Forma Invoice GZ-8812", [
        "Seller: Guangzhou Baiyun Lingfeng Leather Products Co., Ltd. Buyer: Oliver Pennington, trading as Pennington Saddlery.",
        "150 leather saddle bags, full-grain, at GBP 64.00: GBP 9,600.00. Sample approved 2026-03-02.",
        "Payment: 40% deposit, 60% on shipment. Bank: company account 4402 0000 8812 0001 (Example Bank Guangzhou Baiyun Sub-branch).",
    ])
    pdf(d / "payments.pdf", "Bank and card payment records", [
        "Transfer 2026-03-10, GBP 3,840.00, reference PENN-GZ8812-DEP, to 4402 0000 8812 0001.",
        "Visa credit card ending 9032, charge 2026-04-28, GBP 5,760.00, descriptor LINGFENG LEATHER GZ.",
    ])
    pdf(d / "refusal-notice.pdf", "Notice of refusal to open a case (translation)", [
        "The Baiyun Branch of the Guangzhou Public Security Bureau decided on 2026-11-20 not to open a case, "
        "finding the matter an economic dispute. Reconsideration may be applied for within 7 days of receipt.",
    ])
    eml(d / "last-message.eml", sender="Lingfeng Sales <lingfeng.leather@freemail.example>",
        to="oliver@pennington-saddlery.example", subject="Shipment",
        date=dt.datetime(2026, 5, 6, 9, 30, tzinfo=tz(8)),
        body="Dear Oliver,\n\nThe goods are at the port. Tracking next week.\n\nLingfeng\n")


def lakeside() -> None:
    d = OUT / "lakeside-instalments"
    pdf(d / "contract-lk-0315.pdf", "Purchase contract LK-0315", [
        "Seller: Guangzhou Tianhe Hengtai Trading Co., Ltd. Buyer: Lakeside Outfitters Inc., Kelowna, British Columbia.",
        "2,500 insulated winter jackets at CAD 22.00: CAD 55,000.00. Ship by 15 May 2026.",
    ])
    pdf(d / "wires.pdf", "Wire transfer confirmations", [
        "2026-03-18 CAD 16,500.00 reference LKO-0315-1; 2026-05-02 CAD 38,500.00 reference LKO-0315-2; "
        "beneficiary Guangzhou Tianhe Hengtai Trading Co., Ltd.",
    ])
    pdf(d / "settlement-signed.pdf", "Settlement agreement (signed copy)", [
        "Agreed restitution CAD 48,000.00 in three instalments: 30 Sep, 15 Nov and 15 Dec 2026. "
        "Guarantor: Mo Lihua, jointly and severally.",
    ], pages=2)
    pdf(d / "first-instalment.pdf", "Credit advice", [
        "2026-09-29 CAD 16,000.00 received, reference HT-SETTLE-01, remitter Mo Lihua.",
    ])


def fjord() -> None:
    d = OUT / "fjord-english-only"
    screenshot(d / "store-page.png", "Global Sources style store - SunRise Outdoor", [
        "Ultralight 2-person tents, 1.9 kg, 3000 mm hydrostatic head",
        "Price NOK 420 / piece, MOQ 200",
        "Contact: Lucy (WhatsApp +86 150 0000 3321)",
    ])
    pdf(d / "order-confirmation.pdf", "Order confirmation SR-7781", [
        "Seller: SunRise Outdoor Gear (Ningbo). Buyer: Ingrid Haugen, Tromso, Norway.",
        "300 ultralight tents at NOK 420.00: NOK 126,000.00. Delivery by sea to Oslo by 1 September 2026.",
    ])
    pdf(d / "payment-receipts.pdf", "Payment receipts", [
        "2026-07-03 international transfer NOK 37,800.00, reference HAUGEN-SR7781, to SUNRISE OUTDOOR GEAR, account 3100 0000 7781 22.",
        "2026-07-29 Alipay payment NOK 88,200.00 equivalent, transaction 2026072922001400000077810.",
    ])
    eml(d / "whatsapp-export.eml", sender="Ingrid Haugen <ingrid.haugen@fjordmail.example>",
        to="ingrid.haugen@fjordmail.example", subject="WhatsApp chat with Lucy (export)",
        date=dt.datetime(2026, 9, 12, 20, 15, tzinfo=tz(2)),
        body="[03.07.26 10:02] Lucy: deposit received, production begins\n"
             "[28.07.26 09:40] Lucy: tents finished, pay balance by Alipay please, bank is slow\n"
             "[20.08.26 15:11] Ingrid: where is the bill of lading?\n"
             "[12.09.26 20:14] Ingrid: Lucy? (no reply since 20.08)\n")


def jade() -> None:
    d = OUT / "jade-wechat"
    pdf(d / "wechat-chat.pdf", "WeChat record with 'Wu Jianfeng', 3 Aug - 9 Oct 2026", [
        "Export of the chat.", "The seller promised two e-cargo bikes within 20 days."])
    pdf(d / "wechat-pay.pdf", "WeChat Pay transfer record", ["12 Aug 2026 CNY 18,600.00 to Chen Jiaqi (personal)."])
    pdf(d / "alipay.pdf", "Alipay transfer record", ["2 Sep 2026 CNY 12,400.00 to Wu Jianfeng (personal)."])
    pdf(d / "listing.pdf", "Douyin shop page screenshots", ["Shop 'Chengguang E-Bike Official'."])


def kowloon() -> None:
    d = OUT / "kowloon-swift"
    pdf(d / "invoice.pdf", "Proforma invoice VHC-PI-2026-031", ["USD 96,000.00, 40,000 pcs lithium cells."])
    pdf(d / "swift.pdf", "SWIFT MT103 copies", ["USD 28,800.00 on 4 Jun 2026; USD 67,200.00 on 2 Jul 2026."])
    pdf(d / "cr-search.pdf", "Companies Registry search: Victoria Harbour Components Limited", [
        "Director: ZHENG Haoran, PRC identity card, residential address Shenzhen."])
    pdf(d / "emails.pdf", "E-mails with the supplier", ["Promised shipment 20 Jul 2026; nothing shipped."])


def osprey() -> None:
    d = OUT / "osprey-pardon"
    pdf(d / "contract.pdf", "Sales contract NB-OS-0412", ["EUR 72,000.00 stainless steel cookware."])
    pdf(d / "payments.pdf", "Bank statements (SEPA/SWIFT)", ["EUR 72,000.00 paid in two transfers."])
    pdf(d / "receipt.pdf", "Police acceptance receipt", ["Receipt of report, Yinzhou Branch."])
    pdf(d / "settlement.pdf", "Settlement agreement 18 Oct 2026", ["EUR 60,000.00 in two instalments."])
    pdf(d / "received.pdf", "Bank credit advices", ["EUR 30,000.00 on 30 Oct 2026; EUR 30,000.00 on 20 Nov 2026."])


def saguaro() -> None:
    d = OUT / "saguaro-counterfeit"
    pdf(d / "contract.pdf", "Sales contract DGM-PL-0519 with Dongguan Mingrui Hardware Co., Ltd.", [
        "Power tools of the brand 'Vorstahl'."])
    pdf(d / "invoice.pdf", "Commercial invoice DGH-INV-0633 by Dongguan Hengxin Tools Technology Co., Ltd.", [
        "Same USCC; company renamed on 12 Jun 2026."])
    pdf(d / "registry.pdf", "National Enterprise Credit Information Publicity System extract", [
        "Name change 12 Jun 2026: Dongguan Mingrui Hardware Products Co., Ltd. -> "
        "Dongguan Hengxin Tools Technology Co., Ltd."])
    pdf(d / "authentication.pdf", "Vorstahl GmbH authentication letter", ["All 1,200 drills counterfeit."])
    pdf(d / "listing.pdf", "Made-in-China.com listing", ["'Original Vorstahl, authorised distributor'."])
    pdf(d / "payment.pdf", "Card statement and wire confirmation", ["Mastercard EUR 14,000.00; wire EUR 28,000.00."])
    pdf(d / "bl.pdf", "Bill of lading DGSZ26070118", ["Shipped 18 Jul 2026 Shenzhen -> Gdansk."])


def main() -> None:
    for make in (rhein, prairie, wattle, thames, lakeside, fjord, jade, kowloon, osprey, saguaro):
        make()


if __name__ == "__main__":
    main()
