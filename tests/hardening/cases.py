"""Random valid case files, written as YAML text.

`case_files()` draws a `Drawn`: the YAML text of a valid case (names with CJK,
Latin-extended, right-to-left, emoji and Markdown/HTML/Jinja syntax; amounts
with 0-2 decimals; dates in order; 1-4 payments, 0-5 facts, 0-4 exhibits;
mainland, Hong Kong or other supplier; card or not; a payment's own rate or not;
settlement or not) and the small evidence files it refers to, to be written next
to it.
"""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from hypothesis import strategies as st


class Plain(str):
    """A scalar written unquoted (dates, numbers, enum words, booleans)."""


def emit(value, indent: int = 0) -> str:
    """Block-style YAML of nested dicts / lists; text is double-quoted (JSON escapes are YAML escapes)."""
    pad = " " * indent
    out: list[str] = []
    if isinstance(value, dict):
        for key, v in value.items():
            if isinstance(v, (dict, list)) and v:
                out.append(f"{pad}{key}:")
                out.append(emit(v, indent + 2))
            else:
                out.append(f"{pad}{key}: {_scalar(v)}")
    elif isinstance(value, list):
        for item in value:
            if isinstance(item, dict):
                body = emit(item, indent + 2).split("\n")
                out.append(f"{pad}- {body[0].lstrip()}")
                out.extend(body[1:])
            else:
                out.append(f"{pad}- {_scalar(item)}")
    return "\n".join(out)


def _scalar(v) -> str:
    if isinstance(v, Plain):
        return str(v)
    if isinstance(v, bool):
        return "true" if v else "false"
    if isinstance(v, (int, Decimal)):
        return str(v)
    if isinstance(v, dt.date):
        return v.isoformat()
    if v is None:
        return "null"
    return json.dumps(str(v), ensure_ascii=False)


# ------------------------------------------------------------------ text

LATIN = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"
LATIN_EXT = "ÀÉÎÕÜßçñøåæœŁłŚśŻżČčŠšŽžĐđŐőŰűĦħĞğİıŞşȘșȚțĀāĒēĪīŌōŪūẞạảấầẩẫậ"
CJK = "深圳市荣耀示例科技有限公司北风贸易广东省宝安区供应商张三李明销售合同证据货款诈骗报案律师函龍觀塘貿易"
RTL = "אבגדהוזחטיכלמנסעפצקרשת" + "ابتثجحخدذرزسشصضطظعغفقكلمنهوي"
EMOJI = "😀😂🙂🚚📦💰🧾✅❌⭐🔥👍🏭💳📧"
SYNTAX = "*_`#>|[]()<>&!{}%~\\'\"-+.:;=^$@/"
MARKUP = [
    "**x**", "# h", "1. a", "| a |", "[x](y)", "`code`", "<b>", "&amp;", "<?xml", "{{ 7*7 }}",
    "{% raw %}", "{#", "#}", "</w:t>", "<script>", "\\", "_u_", "~~s~~", "- ", "* ", "> q", "---", "&#x41;",
]

_piece = st.one_of(
    st.text(alphabet=LATIN, min_size=1, max_size=8),
    st.text(alphabet=LATIN_EXT, min_size=1, max_size=4),
    st.text(alphabet=CJK, min_size=1, max_size=6),
    st.text(alphabet=RTL, min_size=1, max_size=5),
    st.text(alphabet=EMOJI, min_size=1, max_size=2),
    st.text(alphabet=SYNTAX, min_size=1, max_size=3),
    st.sampled_from(MARKUP),
    st.characters(min_codepoint=0x4E00, max_codepoint=0x9FA5),
)


@st.composite
def line(draw, max_pieces: int = 5) -> str:
    """One line of text that starts and ends with a letter (blank edges are trimmed by the loader)."""
    parts = draw(st.lists(_piece, min_size=0, max_size=max_pieces))
    seps = draw(st.lists(st.sampled_from([" ", "", " ", ", "]), min_size=len(parts), max_size=len(parts)))
    body = "".join(p + s for p, s in zip(parts, seps))
    head = draw(st.sampled_from("ABCXYZ深北Ł"))
    tail = draw(st.sampled_from("abcxyz市司ł"))
    return f"{head}{body}{tail}"


@st.composite
def text(draw) -> str:
    """Free text, possibly over several lines."""
    rows = draw(st.lists(line(), min_size=1, max_size=3))
    return "\n".join(rows)


# ------------------------------------------------------------------ numbers and dates


@st.composite
def amount(draw, lo: int = 1, hi: int = 200_000, whole: bool = False) -> Decimal:
    places = 0 if whole else draw(st.integers(0, 2))
    units = draw(st.integers(lo, hi))
    if places == 0:
        return Decimal(units)
    frac = draw(st.integers(0, 10**places - 1))
    return Decimal(f"{units}.{frac:0{places}d}")


def _dates(draw, start: dt.date, n: int, end: dt.date) -> list[dt.date]:
    span = (end - start).days
    offsets = sorted(draw(st.lists(st.integers(0, span), min_size=n, max_size=n)))
    return [start + dt.timedelta(days=o) for o in offsets]


# ------------------------------------------------------------------ a case

MAINLAND = [("91440300MA5G7K2Q1G", "广东省", "深圳市", "宝安区"), ("91330106MA2H3XYZ0X", "浙江省", "杭州市", "西湖区")]
CURRENCIES = ["USD", "EUR", "GBP", "CNY", "JPY", "AUD"]
METHODS = ["wire", "card", "alipay", "wechat_pay", "trade_assurance", "letter_of_credit", "paypal", "other"]
KINDS = ["sales_contract", "emails", "payment_proof", "listing", "commercial_invoice", "bill_of_lading",
         "business_license", "other"]
OUTCOMES = ["not_delivered", "junk_delivered", "not_as_described", "counterfeit", "partial_delivery"]
PNG = bytes.fromhex(  # a 2x2 red PNG
    "89504e470d0a1a0a0000000d4948445200000002000000020802000000fdd49a730000001649444154789c63fccfc0c0c0c0"
    "c0c4c0c0c0c0c000000d1d01036ac29be90000000049454e44ae426082")


@dataclass
class Drawn:
    text: str
    files: dict[str, bytes] = field(default_factory=dict)
    values: dict[str, str] = field(default_factory=dict)  # some printed values, for literal checks

    def write(self, folder: Path, name: str = "case.yaml") -> Path:
        for rel, data in self.files.items():
            p = folder / rel
            p.parent.mkdir(parents=True, exist_ok=True)
            p.write_bytes(data)
        path = folder / name
        path.write_text(self.text, encoding="utf-8")
        return path


@st.composite
def case_files(draw, case_id: str = "HX-1") -> Drawn:
    today = dt.date(2026, 11, 20)
    region = draw(st.sampled_from(["mainland", "hong_kong", "other"]))
    currency = draw(st.sampled_from(CURRENCIES))
    n_pay = draw(st.integers(1, 4))
    with_card = draw(st.booleans())
    methods = [draw(st.sampled_from([m for m in METHODS if m != "card"])) for _ in range(n_pay)]
    if with_card:
        methods[draw(st.integers(0, n_pay - 1))] = "card"
    # order date, payments, last contact, in order
    dates = _dates(draw, dt.date(2025, 1, 1), n_pay + 3, dt.date(2026, 10, 31))
    order_date, pay_dates, last_contact, extra = dates[0], dates[1:n_pay + 1], dates[n_pay + 1], dates[n_pay + 2]
    whole = currency == "JPY"  # no minor unit
    amounts = [draw(amount(whole=whole)) for _ in range(n_pay)]

    supplier_name = draw(line())
    client_name = draw(line())
    fact_texts = draw(st.lists(text(), min_size=0, max_size=5))

    client: dict = {"kind": Plain(draw(st.sampled_from(["company", "individual"]))), "name": client_name,
                    "country": Plain(draw(st.sampled_from(["US", "DE", "GB", "FR", "IN", "AU", "NO"]))),
                    "address": draw(text())}
    if draw(st.booleans()):
        client["name_zh"] = draw(line())
    if client["kind"] == "company" and draw(st.booleans()):
        client["representative"] = {"name": draw(line()), "title": draw(line())}
    if draw(st.booleans()):
        client["email"] = "buyer@example.org"

    supplier: dict = {"name": supplier_name, "region": Plain(region)}
    if draw(st.booleans()):
        supplier["name_zh"] = draw(st.text(alphabet=CJK, min_size=2, max_size=12))
    if region == "mainland":
        uscc, prov, city, district = draw(st.sampled_from(MAINLAND[:1]))
        supplier.update(uscc=uscc, province_zh=prov, city_zh=city, district_zh=district)
    elif region == "hong_kong":
        supplier.update(hk_company_no=str(draw(st.integers(1, 99_999_999))), address=draw(text()))
    if draw(st.booleans()):
        supplier["contacts"] = [{"name": draw(line()), "email": "seller@example.com"}]

    payments = []
    for i in range(n_pay):
        p: dict = {"date": pay_dates[i], "amount": amounts[i], "currency": Plain(currency), "method": Plain(methods[i])}
        if draw(st.booleans()):
            p["reference"] = draw(st.text(alphabet=LATIN, min_size=1, max_size=12))
        if draw(st.booleans()):  # the day's own central parity (rules/loss.py: one payment or several)
            p["cny_rate"] = Plain("7.1234")
        if methods[i] == "card":
            p["card"] = {"network": Plain(draw(st.sampled_from(["visa", "mastercard", "amex", "unionpay"]))),
                         "last4": f"{draw(st.integers(0, 9999)):04d}"}
            if draw(st.booleans()):
                p["card"]["issuer"] = draw(line())
            if draw(st.booleans()):
                p["merchant_descriptor"] = draw(line())
        payments.append(p)

    order: dict = {"date": order_date, "currency": Plain(currency)}
    if draw(st.booleans()):
        order["goods"] = [{"description": draw(text()), "quantity": draw(st.integers(1, 5000)), "unit": "pcs",
                           "unit_price": draw(amount(1, 500, whole=whole))}]
    else:
        order["total"] = draw(amount(whole=whole))
    if draw(st.booleans()):
        order["platform"] = Plain("alibaba")
        order["trade_assurance"] = draw(st.booleans())
    if draw(st.booleans()):
        order["number"] = draw(line())

    outcome_kind = draw(st.sampled_from(OUTCOMES))
    outcome: dict = {"kind": Plain(outcome_kind), "last_contact": last_contact,
                     "seller_unreachable": draw(st.booleans())}
    if outcome_kind in ("junk_delivered", "not_as_described", "counterfeit", "partial_delivery"):
        outcome["delivered_on"] = extra
    if draw(st.booleans()):
        outcome["summary"] = draw(text())

    fact_dates = _dates(draw, order_date, len(fact_texts), today)
    facts = []
    for d, t in zip(fact_dates, fact_texts):
        f: dict = {"date": d, "text": t}
        if draw(st.booleans()):
            f["text_zh"] = draw(text())
        facts.append(f)

    files: dict[str, bytes] = {}
    evidence = []
    for i in range(draw(st.integers(0, 4))):
        ex: dict = {"kind": Plain(draw(st.sampled_from(KINDS))), "title": draw(line())}
        if draw(st.booleans()):
            ex["date"] = order_date
        form = draw(st.sampled_from(["none", "txt", "png"]))
        if form != "none":
            rel = f"evidence/e{i}.{form}"
            files[rel] = (draw(text()).encode("utf-8") if form == "txt" else PNG)
            ex["file"] = rel
        if draw(st.booleans()):
            ex["purpose"] = draw(text())
        evidence.append(ex)

    doc: dict = {"schema": Plain("1"), "case": {"id": Plain(case_id), "opened": today}, "client": client}
    if draw(st.booleans()):
        doc["agent"] = {"name": draw(line()), "firm": draw(line()), "license_no": "11101201910000000",
                        "address_zh": "北京市朝阳区示例路1号"}
    doc.update(supplier=supplier, order=order, payments=payments, outcome=outcome)
    if facts:
        doc["facts"] = facts
    total = sum(amounts, Decimal(0))
    claim: dict = {"cny_rate": Plain("7.10"), "cny_rate_date": today, "deadline_days": draw(st.integers(1, 30))}
    if draw(st.booleans()):
        claim["refund_account"] = {"holder": client_name, "bank": draw(line()), "account": "000123456789"}
    doc["claim"] = claim
    if draw(st.booleans()):
        agreed = draw(st.integers(1, max(1, int(total))))
        first = agreed // 2
        schedule = [{"due": dt.date(2026, 12, 15), "amount": Decimal(first)}] if first else []
        schedule.append({"due": dt.date(2027, 1, 15), "amount": Decimal(agreed - first)})
        settlement: dict = {"agreed_amount": Decimal(agreed), "schedule": schedule,
                            "leniency_requested": draw(st.booleans())}
        if draw(st.booleans()):
            settlement["received"] = [{"date": dt.date(2026, 11, 14), "amount": schedule[0]["amount"]}]
        doc["settlement"] = settlement
    if evidence:
        doc["evidence"] = evidence
    # Flags the facts may contradict, and a payee that is not the supplier (rules/facts.py, payee.py).
    if draw(st.booleans()):
        doc["indicators"] = {"vanished_after_payment": draw(st.booleans())}
    if "delivered_on" in outcome and draw(st.booleans()):  # it answered after delivering
        outcome["last_contact"], outcome["delivered_on"] = outcome["delivered_on"], outcome["last_contact"]
    if draw(st.booleans()):
        account: dict = {"holder": draw(line()), "account": "6222 0000 1111 2222"}
        if draw(st.booleans()):
            # another district than the supplier's; a code whose check digit is right
            uscc, prov, city, district = "91330106MA2H3XY80N", "浙江省", "杭州市", "西湖区"
            account.update(holder_uscc=uscc, holder_province_zh=prov, holder_city_zh=city,
                           holder_district_zh=district)
        supplier["bank_accounts"] = [account]
        payments[0]["to_account"] = account["account"]
    values = {"supplier.name": supplier_name, "client.name": client_name}
    return Drawn(emit(doc) + "\n", files, values)
