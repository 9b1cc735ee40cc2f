"""Conditions across keys (case/conditions.py): region, cards, totals, claim defaults, settlement."""
from __future__ import annotations

from decimal import Decimal

from restitution.case import loads_case

from .helpers import MINIMAL, VALID, edit, errors_of, one_error

HK = (
    '  region: mainland\n  uscc: "91440300MA5G7K2Q1G"\n  province_zh: 广东省\n  city_zh: 深圳市\n  district_zh: 宝安区',
)


def _load(text: str):
    return loads_case(text, "case.yaml", VALID)


def test_mainland_needs_uscc_and_the_three_divisions():
    text = edit('  uscc: "91440300MA5G7K2Q1G"\n  province_zh: 广东省\n  city_zh: 深圳市\n  district_zh: 宝安区\n', "")
    assert errors_of(text) == [
        (11, f"supplier.{key}", "required for a supplier with region: mainland")
        for key in ("uscc", "province_zh", "city_zh", "district_zh")
    ]


def test_hong_kong_needs_company_number_and_address():
    text = edit(HK[0], "  region: hong_kong")
    assert errors_of(text) == [
        (11, "supplier.hk_company_no", "required for a supplier with region: hong_kong"),
        (11, "supplier.address", "required for a supplier with region: hong_kong"),
    ]
    ok = _load(edit(HK[0], "  region: hong_kong\n  hk_company_no: 0123456\n  address: 1 Example Road, Kowloon"))
    assert ok.supplier.hk_company_no == "0123456" and ok.supplier.uscc is None


def test_other_region_needs_neither():
    assert _load(edit(HK[0], "  region: other")).supplier.region == "other"


def test_the_suppliers_own_uscc_on_an_account_needs_no_place_of_its_own():
    # The registration names the supplier, whose province, city and district are given above.
    text = edit("  district_zh: 宝安区\n", '  district_zh: 宝安区\n  bank_accounts:\n    - account: "1202 0000"\n'
                '      holder_uscc: "91440300MA5G7K2Q1G"\n')
    case = _load(text)  # no error
    assert case.supplier.bank_accounts[0].holder_uscc == case.supplier.uscc
    # another company's registration still needs its name and place (tests/case/test_warnings.py)
    other = text.replace('holder_uscc: "91440300MA5G7K2Q1G"', 'holder_uscc: "91330106MA2H3XY80N"')
    assert [path for _, path, _ in errors_of(other)] == [
        f"supplier.bank_accounts[0].{key}" for key in ("holder", "holder_province_zh", "holder_city_zh",
                                                        "holder_district_zh")]


def test_card_payment_needs_a_card():
    assert one_error(edit("    method: wire", "    method: card")) == (
        24, "payments[0].card", "required when method is card (network and last4)"
    )


def test_total_is_computed_from_goods_when_omitted():
    goods = "  goods:\n    - description: A\n      quantity: 2000\n      unit_price: 12.50\n    - description: B\n      quantity: 0.5\n      unit_price: 3.00"
    case = _load(edit("  total: 25000.00", goods))
    assert case.order.total == Decimal("25001.50")
    assert [g.amount for g in case.order.goods] == [Decimal("25000.00"), Decimal("1.50")]


def test_total_must_match_the_goods():
    goods = "  goods:\n    - description: A\n      quantity: 2000\n      unit_price: 12.49\n  total: 25000.00"
    assert one_error(edit("  total: 25000.00", goods)) == (
        23, "order.total", "25000.00 does not equal the sum of the goods lines, 24980.00"
    )


def test_goods_without_prices_need_a_total():
    goods = "  goods:\n    - description: A"
    assert one_error(edit("  total: 25000.00", goods)) == (
        19, "order.total", "required: not every goods line has quantity and unit_price to compute it from"
    )
    case = _load(edit("  total: 25000.00", goods + "\n  total: 25000.00"))
    assert case.order.total == Decimal("25000.00") and case.order.goods[0].amount is None


def test_claim_defaults_to_the_payments():
    case = _load(MINIMAL)
    assert (case.claim.amount, case.claim.currency, case.claim.deadline_days) == (Decimal("25000.00"), "USD", 15)
    assert case.claim.amount_cny is None


def test_claim_in_cny_needs_no_rate():
    text = MINIMAL.replace("USD", "CNY")
    assert _load(text).claim.amount_cny == Decimal("25000.00")


def test_claim_with_mixed_payment_currencies_must_be_given():
    second = "  - date: 2026-07-01\n    amount: 500.00\n    currency: EUR\n    method: wire\noutcome:"
    text = edit("outcome:", second)
    assert errors_of(text) == [(20, "claim.currency", "required: the payments are in EUR and USD")]
    fixed = _load(text + "claim:\n  amount: 25500.00\n  currency: USD\n")
    assert fixed.claim.amount == Decimal("25500.00")


def test_claim_amount_in_another_currency_must_be_given():
    assert one_error(MINIMAL + "claim:\n  currency: EUR\n") == (
        27, "claim.amount", "required: the claim is in EUR but the payments are in USD"
    )


def test_settlement_schedule_adds_up():
    block = "settlement:\n  agreed_amount: 20000.00\n  schedule:\n    - due: 2026-12-15\n      amount: 10000.00\n    - due: 2027-01-15\n      amount: 9000.00\n"
    assert one_error(MINIMAL + block) == (
        29, "settlement.schedule", "the instalments add up to 19000.00, not the agreed amount 20000.00"
    )
    ok = _load(MINIMAL + block.replace("9000.00", "10000.00") + "  received:\n    - date: 2026-12-14\n      amount: 10000.00\n")
    assert ok.settlement.currency == "USD" and ok.settlement.received_total == Decimal("10000.00")


def test_evidence_is_numbered_in_order():
    block = "evidence:\n  - kind: emails\n    title: E-mails\n  - kind: sales_contract\n    title: Contract\n"
    case = _load(MINIMAL + block)
    assert [(e.number, e.kind) for e in case.evidence] == [(1, "emails"), (2, "sales_contract")]


def test_derived_totals_stay_below_the_amount_limit():
    goods = ("  goods:\n    - description: bolts\n      quantity: 999999999999\n      unit_price: 999999999999.99\n")
    text = edit("  total: 25000.00\n", goods)
    line, path, message = one_error(text)
    assert (line, path) == (19, "order.total") and "the goods lines add up to" in message
    many = "".join(f"  - date: 2026-06-05\n    amount: 999999999999.99\n    currency: USD\n    method: wire\n"
                   for _ in range(2))
    text = edit("payments:\n", "payments:\n" + many)
    assert ("claim.amount" in {p for _, p, _ in errors_of(text)})


def test_two_receipts_with_one_reference_are_refused_at_the_second():
    from pathlib import Path

    import pytest

    from restitution.errors import RestitutionError

    src = (Path(__file__).resolve().parents[1] / "data" / "invalid" / "settlement_receipt_same_reference.yaml")
    text = src.read_text(encoding="utf-8")
    with pytest.raises(RestitutionError) as err:
        loads_case(text, "case.yaml", src.parent, check_files=False)
    assert "settlement.received[1].reference" in str(err.value) and ":40 " in str(err.value)
    # its own reference, and the case loads
    ok = text.replace('reference: "MT103 2026121400123"\n', 'reference: "MT103 2027011500456"\n', 1)
    assert loads_case(ok, "case.yaml", src.parent, check_files=False).settlement.received_total == 20000


def test_a_signed_settlement_says_whether_the_seller_signed_it():
    """settlement.signed_on asks settlement.supplier_signed: what a demand letter may claim from
    the company depends on it, so it is never assumed."""
    block = ("settlement:\n  agreed_amount: 20000.00\n  schedule:\n    - due: 2026-12-15\n      amount: 20000.00\n"
             "  signed_on: 2026-10-12\n")
    line, path, message = one_error(MINIMAL + block)
    assert path == "settlement.supplier_signed" and line == 32 and message.startswith("required with signed_on")
    assert _load(MINIMAL + block + "  supplier_signed: true\n").settlement.supplier_is_party
    # only others signed: they must be named
    line, path, message = one_error(MINIMAL + block + "  supplier_signed: false\n")
    assert path == "settlement.payers" and "list who signed it" in message
    payers = "  payers:\n    - name: Zhang Si\n      role: guarantor\n      guarantee: joint\n"
    case = _load(MINIMAL + block + "  supplier_signed: false\n" + payers)
    assert not case.settlement.supplier_is_party
    # supplier_signed without a signing date means nothing
    unsigned = block.replace("  signed_on: 2026-10-12\n", "  supplier_signed: true\n")
    assert one_error(MINIMAL + unsigned)[1] == "settlement.supplier_signed"
    assert _load(MINIMAL + block.replace("  signed_on: 2026-10-12\n", "")).settlement.supplier_is_party


def test_the_signed_agreement_on_file_is_dated_the_day_it_was_signed():
    """An exhibit that is the signed settlement agreement and settlement.signed_on give one date:
    the documents cite both, and two dates for one signing are the first thing the seller's lawyer
    (or the police) asks about. Other papers that name the agreement are not it."""
    block = ("settlement:\n  agreed_amount: 20000.00\n  schedule:\n    - due: 2026-12-15\n      amount: 20000.00\n"
             "  signed_on: 2026-10-12\n  supplier_signed: true\n")

    def exhibit(kind: str, title: str, day: str) -> str:
        return f"evidence:\n  - kind: {kind}\n    title: {title}\n    date: {day}\n"

    line, path, message = one_error(MINIMAL + block + exhibit("other", "Settlement agreement (signed)", "2026-10-15"))
    assert path == "settlement.signed_on" and line == 32  # the line of signed_on
    assert message.startswith("2026-10-12 is not the date of the signed agreement, evidence[0] (dated 2026-10-15")
    assert one_error(MINIMAL + block + exhibit("other", "已签署的和解协议", "2026-10-15"))[1] == "settlement.signed_on"
    # the same day; a draft, a supplementary agreement, the messages, the advice of an instalment
    assert _load(MINIMAL + block + exhibit("other", "Settlement agreement (signed)", "2026-10-12"))
    for kind, title in (("other", "Settlement agreement, draft"), ("other", "和解协议补充协议"),
                        ("emails", "E-mails on the settlement agreement"),
                        ("payment_proof", "Settlement agreement instalment 1")):
        assert _load(MINIMAL + block + exhibit(kind, title, "2026-10-15")).evidence[0].title == title
    # no signing recorded: nothing to compare
    unsigned = block.replace("  signed_on: 2026-10-12\n  supplier_signed: true\n", "")
    assert _load(MINIMAL + unsigned + exhibit("other", "Settlement agreement", "2026-10-15"))
