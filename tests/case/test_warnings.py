"""The warnings channel (case/warnings.py) and its checks (case/crosscheck.py)."""
from __future__ import annotations

import dataclasses
import datetime as dt
import importlib
from decimal import Decimal

import pytest

from factories import make_case
from restitution.case import loads_case
from restitution.case import model as m
from restitution.case.warnings import CHECKS, CaseWarning, as_errors, collect

from .helpers import MINIMAL, VALID, edit, one_error

DATE = dt.date(2026, 11, 20)


def loaded(text: str) -> m.Case:
    return loads_case(text, "case.yaml", VALID, check_files=False)


def test_every_registered_check_can_be_imported():
    for name in CHECKS:
        module, _, attr = name.partition(":")
        assert callable(getattr(importlib.import_module(module), attr))


def with_own_rates(case: m.Case) -> m.Case:
    """Each payment with its own day's central parity (5 June, 20 July 2026: business days)."""
    first, second = case.payments
    return dataclasses.replace(case, payments=(dataclasses.replace(first, cny_rate=Decimal("7.1632")),
                                               dataclasses.replace(second, cny_rate=Decimal("7.1497"))))


def test_a_consistent_case_has_no_warning():
    case = with_own_rates(make_case())
    proof = m.Exhibit(kind="payment_proof", title="Bank statements", number=2, date=dt.date(2026, 8, 1))
    stated = tuple(dataclasses.replace(e, language="en") for e in case.evidence + (proof,))
    assert collect(dataclasses.replace(case, evidence=stated), DATE) == []


def test_a_payment_without_its_own_rate_is_a_warning_naming_the_single_rate():
    from restitution.case.crosscheck import payment_rates

    case = make_case()  # a USD claim with claim.cny_rate only
    found = list(payment_rates(case, DATE))
    assert [w.path for w in found] == ["payments[0]", "payments[1]"]
    assert found[0].message.startswith("this payment of USD 7,500.00 on 2026-06-05 has no cny_rate, so the documents "
                                       "convert the whole claim at the single rate claim.cny_rate (7.10, of 2026-11-20)")
    assert "second best" in found[0].message and "day the supplier received each payment" in found[0].message
    first, second = case.payments
    one_rated = dataclasses.replace(case, payments=(dataclasses.replace(first, cny_rate=Decimal("7.1632")), second))
    assert [w.path for w in payment_rates(one_rated, DATE)] == ["payments[1]"]
    assert list(payment_rates(with_own_rates(case), DATE)) == []
    # no single rate either: the documents needing RMB refuse, no warning doubles that
    assert list(payment_rates(dataclasses.replace(case, claim=dataclasses.replace(case.claim, cny_rate=None)), DATE)) == []


def test_warnings_are_located_in_the_file():
    text = edit("outcome:\n  kind: not_delivered", "outcome:\n  kind: junk_delivered\n  delivered_on: 2026-09-22\n"
                "  last_contact: 2026-10-09\nindicators:\n  vanished_after_payment: true\n"
                "claim:\n  cny_rate: 7.1\n  cny_rate_date: 2026-10-01")
    case = loaded(text)
    found = collect(case, DATE)
    # junk delivered 59 days before the documents' date, no notice of non-conformity recorded (US buyer: CISG)
    assert [w.path for w in found] == ["indicators.vanished_after_payment", "claim.cny_rate_date", "payments[0]",
                                       "outcome.delivered_on"]
    lines = [w.located(case) for w in found]
    # loaded from text, a location is a line (from a file: case.yaml:30)
    assert lines[0].startswith("line 30 indicators.vanished_after_payment: the seller delivered goods")
    assert lines[1] == ("line 33 claim.cny_rate_date: 2026-10-01 is a PRC public holiday (National Day): "
                        "no central parity is published that day; use the last earlier business day's fixing "
                        "and give that date")


def test_a_payment_without_proof_is_a_warning_once_there_is_evidence():
    case = loaded(MINIMAL)
    assert collect(case, DATE) == []  # no evidence at all: the documents needing it say so
    with_evidence = edit("outcome:", "evidence:\n  - kind: emails\n    title: Mails\n    language: en\noutcome:")
    (w,) = collect(loaded(with_evidence), DATE)
    assert w.path == "payments[0]" and "USD 25,000.00 on 2026-06-05" in w.message


def test_strict_turns_each_warning_into_a_located_error():
    text = edit("    method: wire\n", "    method: wire\n    cny_rate: 7.1632\n")  # its own rate: no fallback warning
    case = loaded(edit("outcome:", "claim:\n  cny_rate: 7.1\n  cny_rate_date: 2026-11-21\noutcome:", text))
    (err,) = as_errors(case, collect(case, DATE)).errors
    assert str(err.location) == "line 28 claim.cny_rate_date"
    assert err.message.endswith("(a warning, an error under --strict)")


def test_a_warning_is_a_value():
    assert CaseWarning("a", "b") == CaseWarning("a", "b")


@pytest.mark.parametrize("missing", ["holder", "holder_province_zh", "holder_city_zh", "holder_district_zh"])
def test_a_payee_registration_needs_its_place(missing):
    keys = {"holder": "X Co", "holder_province_zh": "浙江省", "holder_city_zh": "杭州市", "holder_district_zh": "西湖区"}
    del keys[missing]
    body = "".join(f"      {k}: {v}\n" for k, v in keys.items())
    text = edit("  district_zh: 宝安区\n", "  district_zh: 宝安区\n  bank_accounts:\n    - account: \"1202 0000\"\n"
                f"      holder_uscc: \"91330106MA2H3XY80N\"\n{body}")
    line, path, message = one_error(text)
    assert path == f"supplier.bank_accounts[0].{missing}" and line == 18
    assert message.startswith("required with holder_uscc")


def test_a_payments_own_rate_on_a_day_without_a_fixing_is_a_warning():
    import dataclasses
    import datetime as dt
    from decimal import Decimal

    from factories import make_case

    from restitution.case.crosscheck import rate_date

    case = make_case()
    first, second = case.payments
    case = dataclasses.replace(case, payments=(
        dataclasses.replace(first, cny_rate=Decimal("7.15")),  # 5 June 2026, a Friday: fine
        dataclasses.replace(second, cny_rate=Decimal("7.12"), cny_rate_date=dt.date(2026, 7, 18))))  # a Saturday
    (w,) = [w for w in rate_date(case, dt.date(2026, 11, 20)) if w.path.startswith("payments")]
    assert w.path == "payments[1].cny_rate_date" and w.message.startswith("2026-07-18 is a Saturday")


def test_a_refusal_of_platform_payment_contradicted_by_a_later_platform_payment_is_a_warning():
    from restitution.case.crosscheck import indicators

    case = with_own_rates(make_case())
    pays = (dataclasses.replace(case.payments[0], via_platform=False),
            dataclasses.replace(case.payments[1], via_platform=True))
    case = dataclasses.replace(case, payments=pays, indicators=m.Indicators(refused_escrow=True))
    (w,) = indicators(case, DATE)
    assert w.path == "indicators.refused_escrow" and "did not refuse platform payment outright" in w.message


def test_a_hong_kong_resident_without_a_travel_permit_number_is_warned():
    case = make_case()
    hk = dataclasses.replace(case, client=dataclasses.replace(case.client, kind="individual", country="HK",
                                                              representative=None, travel_permit_no=None))
    found = [w for w in collect(hk, DATE) if w.path == "client.travel_permit_no"]
    assert len(found) == 1 and "港澳居民来往内地通行证" in found[0].message
    given = dataclasses.replace(hk, client=dataclasses.replace(hk.client, travel_permit_no="H60734219"))
    assert not [w for w in collect(given, DATE) if w.path == "client.travel_permit_no"]


def test_money_received_under_an_unsigned_settlement_is_warned():
    case = make_case()
    st = m.Settlement(agreed_amount=Decimal("100.00"), currency=case.claim.currency,
                      schedule=(m.Instalment(dt.date(2026, 12, 1), Decimal("100.00")),),
                      received=(m.Receipt(dt.date(2026, 11, 1), Decimal("50.00")),))
    found = [w for w in collect(dataclasses.replace(case, settlement=st), DATE) if w.path == "settlement.received"]
    assert len(found) == 1 and "settlement.signed_on" in found[0].message
    signed = dataclasses.replace(st, signed_on=dt.date(2026, 10, 1), supplier_signed=True)
    assert not [w for w in collect(dataclasses.replace(case, settlement=signed), DATE)
                if w.path == "settlement.received"]


def test_restitution_recorded_after_the_date_of_the_documents_is_a_warning():
    """Unseen case: a receipt dated after the documents was counted by them as received."""
    from restitution.case.settlement import Instalment, Receipt, Settlement

    settlement = Settlement(agreed_amount=Decimal("1000.00"), currency="USD",
                            schedule=(Instalment(dt.date(2026, 12, 15), Decimal("1000.00")),),
                            received=(Receipt(dt.date(2026, 12, 10), Decimal("1000.00")),),
                            signed_on=dt.date(2026, 11, 1), supplier_signed=True)
    case = dataclasses.replace(make_case(), settlement=settlement)
    late = [w for w in collect(case, DATE) if w.path.startswith("settlement")]
    assert [w.path for w in late] == ["settlement.received[0].date"]
    assert late[0].message.startswith("2026-12-10 is after the date of the documents, 2026-11-20: they count")
    assert not [w for w in collect(case, dt.date(2026, 12, 10)) if w.path.startswith("settlement")]


def test_a_fact_reciting_the_signing_on_another_day_is_a_warning():
    """The chronology prints the fact's date, the letters settlement.signed_on: one signing, one date."""
    settlement = m.Settlement(agreed_amount=Decimal("100.00"), currency="USD",
                              schedule=(m.Instalment(dt.date(2026, 12, 1), Decimal("100.00")),),
                              signed_on=dt.date(2026, 9, 24), supplier_signed=True)
    base = dataclasses.replace(make_case(), settlement=settlement)
    fact = m.Fact(dt.date(2026, 9, 15), "The parties signed a settlement agreement.", "双方签订和解协议，约定分期退赔。")
    case = dataclasses.replace(base, facts=base.facts + (fact,))
    found = [w for w in collect(case, DATE) if w.path == f"facts[{len(base.facts)}].date"]
    assert len(found) == 1 and found[0].message.startswith(
        "this fact says a settlement agreement was signed on 2026-09-15, but settlement.signed_on is 2026-09-24")
    zh_only = dataclasses.replace(fact, text="The parties settled.")
    assert [w for w in collect(dataclasses.replace(base, facts=base.facts + (zh_only,)), DATE)
            if w.path.startswith("facts[")]
    same_day = dataclasses.replace(fact, date=dt.date(2026, 9, 24))
    other = m.Fact(dt.date(2026, 11, 16), "The second instalment was not paid.", "第二期款项未支付。")
    quiet = dataclasses.replace(base, facts=base.facts + (same_day, other))
    assert not [w for w in collect(quiet, DATE) if w.path.startswith("facts[")]


def test_a_mainland_app_record_of_unstated_language_is_a_warning_until_its_language_is_given():
    wechat = dataclasses.replace(make_case().payments[0], method="wechat_pay", reference="1000049901")
    chat = m.Exhibit(kind="emails", title="WeChat chat with the seller", number=1, title_zh="与卖方的微信聊天记录")
    # named by its transaction number only: the payment it proves says which app it comes from
    bill = m.Exhibit(kind="payment_proof", title="Record 1000049901", number=2, title_zh="记录1000049901",
                     date=wechat.date)
    case = dataclasses.replace(make_case(), payments=(wechat,), evidence=(chat, bill))
    found = [w for w in collect(case, DATE) if w.path.startswith("evidence")]
    assert [w.path for w in found] == ["evidence[0]", "evidence[1]"]
    assert "a record from WeChat and does not say its language" in found[0].message
    assert "a record from WeChat Pay" in found[1].message and "set language: zh" in found[1].message
    stated = dataclasses.replace(case, evidence=(dataclasses.replace(chat, language="zh"),
                                                 dataclasses.replace(bill, language="en")))
    assert not [w for w in collect(stated, DATE) if w.path.startswith("evidence")]
    # the Hong Kong Police read English too: an unstated exhibit is not marked there
    hk = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, region="hong_kong"))
    assert not [w for w in collect(hk, DATE) if w.path.startswith("evidence")]


def test_every_exhibit_the_index_marks_foreign_by_default_is_warned_once_and_a_chinese_paper_is_not():
    contract = make_case().evidence[0]
    receipt = m.Exhibit(kind="other", title="Police acceptance receipt", number=2, title_zh="受案回执",
                        source_zh="宁波市公安局鄞州分局")
    advice = m.Exhibit(kind="payment_proof", title="Bank credit advice", number=3, source="ING Bank N.V.")
    case = dataclasses.replace(make_case(), evidence=(contract, receipt, advice))
    (w,) = [w for w in collect(case, DATE) if w.path.startswith("evidence")]
    assert w.path == "evidence[0]" and w.message.startswith("exhibits 1, 3 do not say their language")
    assert "language: zh for a paper in Chinese" in w.message
    one = dataclasses.replace(case, evidence=(dataclasses.replace(contract, language="en"), receipt, advice))
    (w,) = [w for w in collect(one, DATE) if w.path.startswith("evidence")]
    assert w.path == "evidence[2]" and w.message.startswith("exhibit 3 does not say its language")


# ------------------------------------------------------------------ counterfeit goods, late notice


def counterfeit(case: m.Case, **outcome) -> m.Case:
    """The factory case with counterfeit goods delivered on 2026-08-28 (a US buyer: the CISG applies)."""
    return dataclasses.replace(case, outcome=dataclasses.replace(
        case.outcome, kind="counterfeit", delivered_on=dt.date(2026, 8, 28), seller_unreachable=False, **outcome))


def messages(case: m.Case, check: str, date: dt.date = DATE) -> list[CaseWarning]:
    return [w for w in collect(case, date) if w in list(getattr(
        importlib.import_module("restitution.case.crosscheck"), check)(case, date))]


def test_counterfeit_goods_without_a_registered_mark_are_warned():
    case = counterfeit(make_case())
    (w,) = messages(case, "trademark_registration")
    assert w.path == "outcome.kind" and "outcome.trademarks" in w.message and "57(3)" in w.message


def test_a_mark_without_its_registration_number_is_warned_and_a_registered_one_is_not():
    marks = (m.RegisteredMark(mark="Vorstahl", registration_no="12345678", owner="Vorstahl GmbH"),
             m.RegisteredMark(mark="VX"))
    (w,) = messages(counterfeit(make_case(), trademarks=marks), "trademark_registration")
    assert w.path == "outcome.trademarks[1]" and "registration_no" in w.message
    assert not messages(counterfeit(make_case(), trademarks=marks[:1]), "trademark_registration")


def test_a_hong_kong_seller_of_counterfeits_is_not_warned_about_a_mainland_report():
    case = counterfeit(make_case())
    case = dataclasses.replace(case, supplier=dataclasses.replace(case.supplier, region="hong_kong",
                                                                  hk_company_no="1234567"))
    assert not messages(case, "trademark_registration")


def test_a_late_avoidance_without_a_notice_of_nonconformity_is_warned():
    # known on delivery (28 August); the letter is dated 20 November: 84 days later
    (w,) = messages(counterfeit(make_case()), "nonconformity_notice")
    assert w.path == "outcome.delivered_on"
    assert "84 days" in w.message and "Art. 39(1)" in w.message and "49(2)(b)" in w.message
    assert "proceedings.nonconformity_notice" in w.message


def test_the_findings_exhibit_dates_the_knowledge():
    letter = m.Exhibit(kind="authentication_letter", title="Brand owner's letter", number=2,
                       date=dt.date(2026, 10, 30))
    case = counterfeit(make_case())
    case = dataclasses.replace(case, evidence=case.evidence + (letter,))
    # 21 days before the letter: no warning
    assert not messages(case, "nonconformity_notice")
    (w,) = messages(case, "nonconformity_notice", dt.date(2026, 12, 15))
    assert w.path == "outcome.kind" and "exhibit 2" in w.message and "46 days" in w.message


def test_no_late_notice_warning_with_a_notice_a_settlement_or_outside_the_convention():
    from restitution.case import proceedings as proc

    case = counterfeit(make_case())
    noticed = dataclasses.replace(case, proceedings=proc.Proceedings(
        nonconformity_notice=proc.NonConformityNotice(sent_on=dt.date(2026, 8, 30))))
    assert not messages(noticed, "nonconformity_notice")
    british = dataclasses.replace(case, client=dataclasses.replace(case.client, country="GB"))
    assert not messages(british, "nonconformity_notice")  # not a Contracting State: the Civil Code
    not_delivered = dataclasses.replace(case, outcome=dataclasses.replace(case.outcome, kind="not_delivered"))
    assert not messages(not_delivered, "nonconformity_notice")


def test_a_letter_already_sent_dates_the_avoidance():
    from restitution.case import proceedings as proc

    case = dataclasses.replace(counterfeit(make_case()), proceedings=proc.Proceedings(
        demand_letter=proc.DemandLetterSent(sent_on=dt.date(2026, 9, 15))))
    assert not messages(case, "nonconformity_notice")  # 18 days after delivery


def test_a_fact_naming_who_signed_the_settlement_who_is_not_a_payer_is_a_warning():
    """Fifth reading (maple): the chronology said the legal representative signed the settlement, the case
    listed no payer, and the letter went to the company alone: the user is asked which it was."""
    settlement = m.Settlement(agreed_amount=Decimal("100.00"), currency="USD",
                              schedule=(m.Instalment(dt.date(2026, 12, 1), Decimal("100.00")),),
                              signed_on=dt.date(2026, 9, 24), supplier_signed=True)
    base = dataclasses.replace(make_case(), settlement=settlement)
    fact = m.Fact(dt.date(2026, 9, 24), "Our lawyer and Zhang San agreed on restitution.", "委托人的代理律师与张三签订和解协议。")
    case = dataclasses.replace(base, facts=base.facts + (fact,))
    found = [w for w in collect(case, DATE) if w.path == f"facts[{len(base.facts)}]"]
    assert len(found) == 1 and found[0].message.startswith(
        "this fact says 张三 signed the settlement agreement, and settlement.payers does not list 张三")
    listed = dataclasses.replace(case, settlement=dataclasses.replace(settlement, payers=(
        m.Payer(name="Zhang San", name_zh="张三", role="payer"),)))
    assert not [w for w in collect(listed, DATE) if "settlement.payers does not list" in w.message]


def test_a_relation_of_the_person_signing_is_not_the_signatory():
    """Lotus: "Lin Zhiwei's father and elder sister signed" names who signed by their relation to him."""
    settlement = m.Settlement(agreed_amount=Decimal("100.00"), currency="USD",
                              schedule=(m.Instalment(dt.date(2026, 12, 1), Decimal("100.00")),),
                              signed_on=dt.date(2026, 9, 24), supplier_signed=False)
    base = dataclasses.replace(make_case(), settlement=settlement)
    fact = m.Fact(dt.date(2026, 9, 24), "Zhang San's father signed a settlement agreement as guarantor.",
                  "张三的父亲作为保证人签订和解协议。")
    case = dataclasses.replace(base, facts=base.facts + (fact,))
    assert not [w for w in collect(case, DATE) if "settlement.payers does not list" in w.message]
