"""The case plan: classification, routes, deadlines, JSON, iCalendar and the `plan` command."""
from __future__ import annotations

import datetime as dt
import json
from dataclasses import replace
from decimal import Decimal
from pathlib import Path

import pytest
from click.testing import CliRunner
from icalendar import Calendar

from restitution.case.model import Card, Instalment, Payment, Settlement
from restitution.cli import cli, main
from restitution.errors import UsageError
from restitution.plan import make_plan, plan_to_ics, plan_to_json, plan_to_text
from restitution.rules import RULES
from restitution.rules.reason import bundled, say

TODAY = dt.date(2026, 11, 20)
EXAMPLE = Path(__file__).resolve().parents[2] / "examples" / "northwind-vanished.yaml"


def en(value) -> str:
    return say(value, bundled("en"))


def zh(value) -> str:
    return say(value, bundled("zh"))


# --- classification ---------------------------------------------------------------------

def test_vanished_supplier_is_contract_fraud(case):
    c = make_plan(case, TODAY).classification
    assert c.conclusion == "contract_fraud"
    keys = [s.key for s in c.fraud_signs]
    assert keys[:3] == ["vanished_after_payment", "seller_unreachable", "fake_address"]
    assert "registered_capital_cny" in keys  # 10,000 capital against RMB 177,500
    # its last answer (2 August) came after the card payment (20 July), but the case records no
    # negotiation or partial performance: replies that only stalled are no sign of a dispute
    assert c.dispute_signs == ()
    assert c.loss.amount_cny == Decimal("177500.00")
    assert "RMB 177,500.00" in en(c.why) and "177,500.00" in zh(c.why)


def test_performance_and_negotiation_make_a_civil_dispute(case, variant):
    plan = make_plan(variant(
        indicators={"vanished_after_payment": False, "fake_address": False, "refused_escrow": False,
                    "partial_performance": True, "continued_negotiation": True},
        outcome={"kind": "partial_delivery", "seller_unreachable": False}), TODAY)
    c = plan.classification
    assert c.conclusion == "civil_dispute"
    assert [s.key for s in c.dispute_signs] == ["partial_performance", "continued_negotiation", "partial_delivery",
                                                "answered_after_payment"]
    assert plan.route("police").status == "closed"


def test_replies_after_payment_count_only_beside_negotiation_or_performance(variant):
    late_reply = {"kind": "not_delivered", "last_contact": dt.date(2026, 9, 30)}
    stalled = make_plan(variant(outcome=late_reply), TODAY).classification
    assert "answered_after_payment" not in [s.key for s in stalled.dispute_signs]
    for flag in ("continued_negotiation", "partial_performance"):
        signs = make_plan(variant(indicators={flag: True}, outcome=late_reply), TODAY).classification.dispute_signs
        assert [s.key for s in signs] == [flag, "answered_after_payment"]


def test_negotiation_outweighs_a_single_strong_sign(variant):
    plan = make_plan(variant(
        indicators={"fake_address": False, "recently_registered": False, "registered_capital_cny": None,
                    "personal_email_used": False, "refused_escrow": False, "continued_negotiation": True},
        outcome={"seller_unreachable": False}), TODAY)
    assert plan.classification.conclusion == "civil_dispute"


def test_loss_below_20000_is_art266_fraud(variant):
    plan = make_plan(variant(claim={"amount": Decimal("15000.00"), "currency": "CNY", "cny_rate": None}), TODAY)
    assert plan.classification.conclusion == "fraud"
    assert plan.classification.loss.art224_reached is False
    assert plan.route("police").status == "open"


def test_loss_below_the_fraud_threshold_closes_the_police_route(variant):
    plan = make_plan(variant(claim={"amount": Decimal("9999.99"), "currency": "CNY", "cny_rate": None}), TODAY)
    assert plan.classification.conclusion == "fraud"
    police = plan.route("police")
    assert police.status == "closed" and "below the fraud threshold" in en(police.why[0])


def test_no_rate_leaves_the_amount_open(variant):
    plan = make_plan(variant(claim={"cny_rate": None}), TODAY)
    c = plan.classification
    assert c.conclusion == "contract_fraud" and c.loss.amount_cny is None
    assert "subject to the RMB amount" in en(c.label) and "claim.cny_rate" in en(c.why)


def test_hong_kong_supplier(variant):
    plan = make_plan(variant(supplier={"region": "hong_kong", "hk_company_no": "1234567",
                                       "address": "1 Queen's Road, Hong Kong"}), TODAY)
    assert en(plan.classification.label) == "Likely fraud (Theft Ordinance s.16A)"
    police = plan.route("police")
    assert police.status == "open" and "Hong Kong Police Force" in en(police.why[1])
    # filed through the e-Report Centre or a report room, addressed to the Force (not a bureau of it)
    assert "e-Report Centre" in en(police.why[1]) and zh(police.why[1]).startswith("通过网上报案中心或到警署报案室向香港警务处报案")



def test_a_self_filed_hong_kong_report_needs_no_power_of_attorney(variant):
    plan = make_plan(variant(supplier={"region": "hong_kong", "hk_company_no": "1234567",
                                       "address": "1 Queen's Road, Hong Kong"},
                             client={"country": "IN"}), TODAY)
    needs = [zh(n) for n in plan.route("police").needs]
    assert not any("授权委托书，" in n for n in needs)
    assert "无需授权委托书" in " ".join(needs) and "英文或繁体中文" in " ".join(needs)
    assert "no power of attorney is needed" in " ".join(en(n) for n in plan.route("police").needs)


@pytest.mark.parametrize("country, zh_text, en_text", [
    ("US", "经美国公证机构公证并办理附加证明书", "notarised in United States and apostilled"),
    # India objected to China's accession: no apostille between them (domain.md §A)
    ("IN", "经印度公证机构公证，并经中国驻印度使领馆认证（印度与中国之间不适用附加证明书）",
     "legalised by the Chinese embassy or a consulate there (the apostille does not apply between India and China)"),
    ("HK", "经中国委托公证人公证，并经中国法律服务（香港）有限公司加章转递", "China-Appointed Attesting Officer"),
    ("DE", "适用《取消外国公文书认证要求的公约》的，办理附加证明书，否则经中国驻德国使领馆认证",
     "apostilled if the Apostille Convention applies between Germany and China, otherwise legalised"),
])
def test_the_power_of_attorney_is_authenticated_by_the_client_country_route(variant, country, zh_text, en_text):
    plan = make_plan(variant(client={"country": country}), TODAY)
    police = [n for n in plan.route("police").needs if "授权委托书" in zh(n)]
    civil = [n for n in plan.route("civil").needs if "授权委托书" in zh(n)] if any(
        r.id == "civil" for r in plan.routes) else police
    for need in police + civil:
        assert zh_text in zh(need) and en_text in en(need)
    assert police


# --- routes -----------------------------------------------------------------------------

def test_sample_routes(case):
    plan = make_plan(case, TODAY)
    status = {r.id: r.status for r in plan.routes}
    # The sample has a settlement: no new demand (plan/history.py).
    assert status == {"trade_assurance": "closed", "chargeback.p2": "open", "fcba.p2": "missed",
                      "police": "open", "demand_letter": "closed", "civil": "open", "home_reports": "open",
                          "pardon": "not_yet"}
    cb = plan.route("chargeback.p2")
    assert cb.payment == 2 and "13.1" in en(cb.why[0])
    assert "深圳市公安局宝安区分局经济犯罪侦查大队" in en(plan.route("police").why[1])
    assert "IC3" in en(plan.route("home_reports").name)
    assert "do not threaten CIETAC" in en(plan.route("civil").why[0])


def test_trade_assurance_open_when_paid_through_the_platform(case):
    paid = replace(case.payments[0], via_platform=True)
    plan = make_plan(replace(case, payments=(paid, case.payments[1])), TODAY)
    assert plan.route("trade_assurance").status == "open"


def test_gb_client_with_cietac_clause_and_counterfeit(variant, case):
    gbp_card = Payment(date=dt.date(2026, 10, 1), amount=Decimal("2000.00"), currency="GBP", method="card",
                       card=Card(network="mastercard", last4="5510", consumer=True, credit=True))
    plan = make_plan(variant(client={"country": "GB"}, payments=(gbp_card,),
                             order={"currency": "GBP", "total": Decimal("2000.00"),
                                    "arbitration_clause": "cietac"},
                             outcome={"kind": "counterfeit"}), TODAY)
    ids = [r.id for r in plan.routes]
    assert "s75.p1" in ids and "fcba.p1" not in ids
    assert plan.route("s75.p1").status == "open"
    assert en(plan.route("chargeback.p1").why[0]).startswith("Dispute under 4853")
    assert en(plan.route("civil").name) == "CIETAC arbitration"
    assert en(plan.route("home_reports").name) == "Report at home: Action Fraud"
    assert plan.route("samr_12315").status == "open"


@pytest.mark.parametrize("region, court", [
    ("mainland", "应向人民法院起诉"),
    ("hong_kong", "应向有管辖权的法院（香港特别行政区法院或内地人民法院）起诉"),
    ("other", "应向有管辖权的法院起诉"),
])
def test_the_court_without_an_arbitration_clause_follows_the_suppliers_region(variant, region, court):
    """Third PRC lawyer's reading: a Hong Kong company is not sued only before a people's court."""
    supplier = {"region": region} if region == "mainland" else \
        {"region": region, "uscc": None, "province_zh": None, "city_zh": None, "district_zh": None,
         "hk_company_no": "3187702" if region == "hong_kong" else None, "address": "1 Example Road"}
    plan = make_plan(variant(supplier=supplier), TODAY)
    why = zh(plan.route("civil").why[0])
    assert court in why and "不得以贸仲仲裁相威胁" in why
    assert ("须核实" in why) is (region != "mainland")  # the court abroad is hedged
    assert ("people's court" in en(plan.route("civil").why[0])) is (region != "other")


def test_a_director_living_in_the_mainland_adds_a_mainland_report_route(variant):
    from restitution.case.proceedings import Proceedings, Suspect

    hk = {"region": "hong_kong", "uscc": None, "province_zh": None, "city_zh": None, "district_zh": None,
          "hk_company_no": "3187702", "address": "1 Example Road, Kowloon"}
    director = Suspect(name="Zheng Haoran", name_zh="郑浩然", role="legal_representative",
                       residence_province_zh="广东省", residence_city_zh="深圳市")
    plan = make_plan(variant(supplier=hk, proceedings=Proceedings(suspects=(director,))), TODAY)
    route = plan.route("police_resident")
    assert route.status == plan.route("police").status == "open"
    why = " ".join(zh(w) for w in route.why)
    assert "向深圳市公安局经济犯罪侦查支队报案" in why and "郑浩然居住于广东省深圳市" in why
    assert "（2020年修正）第十五条" in why and "是否受理由该公安机关决定" in why
    assert "police_resident" not in [r.id for r in make_plan(variant(supplier=hk), TODAY).routes]


def test_wire_only_gb_client_has_no_s75(variant, case):
    plan = make_plan(variant(client={"country": "GB"}, payments=(case.payments[0],)), TODAY)
    s75 = plan.route("s75")
    assert s75.status == "closed" and "chargeback.no_wire" in s75.rules
    assert not any(r.id.startswith("chargeback.") for r in plan.routes)


def test_payment_app_and_other_country(variant):
    pay = Payment(date=dt.date(2026, 9, 1), amount=Decimal("3000"), currency="CNY", method="alipay")
    plan = make_plan(variant(client={"country": "DE"}, payments=(pay,)), TODAY)
    assert plan.route("payapp.p1").status == "open" and "95188" in en(plan.route("payapp.p1").why[0])
    assert en(plan.route("home_reports").name) == "Report at home"


@pytest.mark.parametrize("country, body", [
    ("GB", "英国国家反欺诈报告中心（Action Fraud）"),
    ("US", "美国联邦调查局互联网犯罪投诉中心（IC3）及联邦贸易委员会（FTC）"),
])
def test_a_foreign_reporting_body_is_named_in_chinese_its_own_name_in_brackets(variant, country, body):
    import re

    plan = make_plan(variant(client={"country": country}), TODAY)
    home = plan.route("home_reports")
    words = bundled("zh")
    rules = [r.word(words) for r in plan.rules if r.id in home.rules]
    texts = [zh(home.name), *(zh(w) for w in home.why), *rules]
    assert rules
    assert body in zh(home.name)
    for text in texts:
        # a Latin name is only ever the original after the Chinese one, in brackets
        outside = re.sub("（[^（）]*）", "", text)
        assert not re.search("[A-Za-z]", outside), text


# --- deadlines --------------------------------------------------------------------------

def test_deadlines_sorted_with_missed_flags(case):
    plan = make_plan(case, TODAY)
    got = [(d.date.isoformat(), d.id, d.missed) for d in plan.deadlines]
    assert got == [
        ("2026-08-21", "chargeback.p2.earliest", False),
        ("2026-09-30", "fcba.p2.deadline", True),
        # the earliest reading of the Visa window: 120 days from the processing date (20 July)
        ("2026-11-17", "chargeback.p2.conservative", True),
        ("2026-12-15", "settlement.instalment1", False),
        ("2026-12-18", "chargeback.p2.latest", False),
        ("2027-01-15", "settlement.instalment2", False),
    ]


def test_later_today_misses_more(case):
    plan = make_plan(case, dt.date(2026, 12, 19))
    missed = {d.id for d in plan.deadlines if d.missed}
    # instalment 1 was paid
    assert missed == {"fcba.p2.deadline", "chargeback.p2.conservative", "chargeback.p2.latest"}
    assert plan.route("chargeback.p2").status == "missed"


def test_a_paid_instalment_reads_paid_not_due(case):
    """Unseen case: an instalment paid in September was listed in November as "due"."""
    plan = make_plan(case, dt.date(2026, 12, 19))  # instalment 1 (15 Dec) was covered on 14 Dec
    en, zh = plan_to_text(plan), plan_to_text(plan, "zh")
    assert "2026-12-15  paid   Instalment 1 of 10,000.00 USD" in en
    assert "2027-01-15  due    Instalment 2" in en
    assert "2026-12-15  已付" in zh and "2027-01-15  应付" in zh


def test_unpaid_instalment_is_missed(case):
    s = Settlement(agreed_amount=Decimal("1000"), currency="USD",
                   schedule=(Instalment(dt.date(2026, 11, 1), Decimal("1000")),))
    plan = make_plan(replace(case, settlement=s), TODAY)
    assert next(d for d in plan.deadlines if d.route == "settlement").missed is True
    # worded as the seller's default, not as a step missed (fifth reading, item 15)
    assert "2026-11-01  逾期未付" in plan_to_text(plan, "zh")
    assert "2026-11-01  UNPAID" in plan_to_text(plan)


def test_rules_used_are_listed_in_table_order(case):
    plan = make_plan(case, TODAY)
    order = [r.id for r in RULES]
    used = [r.id for r in plan.rules]
    assert used == sorted(used, key=order.index)
    for route in plan.routes:
        assert set(route.rules) <= set(used)


# --- outputs ----------------------------------------------------------------------------

def test_json_is_stable_and_typed(case):
    first = json.dumps(plan_to_json(make_plan(case, TODAY)), ensure_ascii=False)
    again = json.dumps(plan_to_json(make_plan(case, TODAY)), ensure_ascii=False)
    assert first == again
    data = json.loads(first)
    assert list(data) == ["schema", "case_id", "today", "classification", "routes", "deadlines", "rules"]
    assert data["schema"] == 2 and data["today"] == "2026-11-20"
    loss = data["classification"]["loss"]
    assert loss["amount_cny"] == "177500.00" and loss["art224_threshold_cny"] == "20000.00"
    assert data["classification"]["citations"][0]["zh"] == "《中华人民共和国刑法》（2023年修正）第二百二十四条"
    route = data["routes"][1]
    assert set(route) == {"id", "name", "status", "payment", "why", "needs", "deadlines", "citations", "rules"}
    assert route["deadlines"] == ["chargeback.p2.earliest", "chargeback.p2.conservative", "chargeback.p2.latest"]
    assert data["deadlines"][1] == {"id": "fcba.p2.deadline", "date": "2026-09-30", "route": "fcba.p2",
                                    "kind": "deadline", "missed": True, "paid_on": None,
                                    "what": {"en": "Billing-error notice must reach the card issuer",
                                             "zh": "账单错误通知须送达发卡机构"}}


def test_text_in_both_languages(case):
    plan = make_plan(case, TODAY)
    en = plan_to_text(plan)
    assert "CLASSIFICATION: Likely contract fraud (Art. 224)" in en
    assert "[MISSED] FCBA billing-error notice" in en
    assert "2026-09-30  MISSED" in en
    zh = plan_to_text(plan, "zh")
    assert "案件定性：初步判断为合同诈骗（第二百二十四条）" in zh
    assert "[已错过]" in zh and "《中华人民共和国刑法》（2023年修正）第二百二十四条" in zh
    with pytest.raises(UsageError):
        plan_to_text(plan, "fr")


def test_ics_parses_back_and_is_deterministic(case):
    plan = make_plan(case, TODAY)
    data = plan_to_ics(plan)
    assert data == plan_to_ics(make_plan(case, TODAY))
    cal = Calendar.from_ical(data)
    events = cal.walk("VEVENT")
    assert len(events) == len(plan.deadlines)
    first = events[0]
    assert str(first["UID"]) == "NW-2026-0042.chargeback.p2.earliest@restitution"
    assert first.decoded("DTSTART") == dt.date(2026, 8, 21)
    assert first.decoded("DTEND") == dt.date(2026, 8, 22)
    assert first.decoded("DTSTAMP") == dt.datetime(2026, 11, 20, tzinfo=dt.timezone.utc)
    assert "Chargeback (Visa •4242, payment 2)" in str(first["SUMMARY"])
    missed = [e for e in events if str(e["SUMMARY"]).startswith("MISSED: ")]
    assert [str(e["UID"]) for e in missed] == ["NW-2026-0042.fcba.p2.deadline@restitution",
                                               "NW-2026-0042.chargeback.p2.conservative@restitution"]
    zh = Calendar.from_ical(plan_to_ics(plan, "zh")).walk("VEVENT")
    assert str(zh[1]["SUMMARY"]).startswith("已错过：")


# --- the command ------------------------------------------------------------------------

def test_cli_text_and_json():
    runner = CliRunner()
    result = runner.invoke(cli, ["plan", str(EXAMPLE), "--today", "2026-11-20"])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("Case plan NW-2026-0042, as of 2026-11-20")
    result = runner.invoke(cli, ["plan", str(EXAMPLE), "--today", "2026-11-20", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.output)["classification"]["conclusion"] == "contract_fraud"


def test_cli_today_from_source_date_epoch():
    result = CliRunner().invoke(cli, ["plan", str(EXAMPLE), "--format", "json"],
                                env={"SOURCE_DATE_EPOCH": "1795046400"})  # 2026-11-19T00:00Z
    assert json.loads(result.output)["today"] == "2026-11-19"


def test_cli_ics_never_overwrites_without_force(tmp_path, capsys):
    target = tmp_path / "deadlines.ics"
    args = ["plan", str(EXAMPLE), "--today", "2026-11-20", "--ics", str(target)]
    result = CliRunner().invoke(cli, args)
    assert result.exit_code == 0
    written = target.read_bytes()
    assert Calendar.from_ical(written).walk("VEVENT")
    target.write_bytes(b"mine")
    with pytest.raises(SystemExit) as ex:
        main(args)
    assert ex.value.code == 1
    assert "use --force" in capsys.readouterr().err
    assert target.read_bytes() == b"mine"
    assert CliRunner().invoke(cli, args + ["--force"]).exit_code == 0
    assert target.read_bytes() == written
    assert [p.name for p in tmp_path.iterdir()] == ["deadlines.ics"]  # no temporary file left


def test_cli_errors_are_located_not_tracebacks(tmp_path, capsys):
    with pytest.raises(SystemExit) as ex:
        main(["plan", str(EXAMPLE), "--today", "20-11-2026"])
    assert ex.value.code == 2
    err = capsys.readouterr().err
    assert "--today '20-11-2026'" in err and "Traceback" not in err
    with pytest.raises(SystemExit) as ex:
        main(["plan", str(tmp_path / "missing.yaml")])
    assert ex.value.code == 2


def test_text_takes_a_language_value_and_words_hong_kong_chinese(case):
    from restitution.language import ZH, ZH_HANT

    plan = make_plan(case, TODAY)
    assert plan_to_text(plan, ZH) == plan_to_text(plan, "zh")
    hant = plan_to_text(plan, ZH_HANT)
    assert "案件定性：" in hant and "詐騙跡象" in hant  # converted from the Simplified catalogue


def test_plan_cites_laws_never_a_project_file(case):
    from restitution.plan import plan_to_text

    plan = make_plan(case, TODAY)
    texts = [plan_to_text(plan, "en"), plan_to_text(plan, "zh"),
             json.dumps(plan_to_json(plan), ensure_ascii=False)]
    for text in texts:
        for mark in ("domain.md", "DESIGN.md", "case-format.md", "pitfall"):
            assert mark not in text
    assert "Criminal Law of the PRC (as amended 2023), Art. 224" in texts[0]
    assert "《中华人民共和国刑法》（2023年修正）第二百二十四条" in texts[1]


def test_a_late_avoidance_without_a_notice_of_nonconformity_is_a_reason_of_the_demand_route(variant):
    # a US buyer and a mainland seller (CISG); counterfeit goods delivered on 28 August
    late = variant(outcome={"kind": "counterfeit", "delivered_on": dt.date(2026, 8, 28), "seller_unreachable": False},
                   settlement=None)
    why = [en(w) for w in make_plan(late, TODAY).route("demand_letter").why]
    assert any(w.startswith("The buyer knew by 28 August 2026 that the goods do not conform (the day of delivery), "
                            "84 days before") and "Art. 39(1)" in w and "49(2)(b)" in w for w in why), why
    assert any("第三十九条第一款" in zh(w) for w in make_plan(late, TODAY).route("demand_letter").why)
    soon = variant(outcome={"kind": "counterfeit", "delivered_on": dt.date(2026, 11, 1), "seller_unreachable": False},
                   settlement=None)
    assert not any("Art. 39(1)" in en(w) for w in make_plan(soon, TODAY).route("demand_letter").why)


def test_the_12315_route_needs_the_registered_mark_until_the_case_gives_its_number(variant):
    from restitution.case.model import RegisteredMark

    plan = make_plan(variant(outcome={"kind": "counterfeit"}), TODAY)
    assert any("CNIPA" in en(n) for n in plan.route("samr_12315").needs)
    marked = variant(outcome={"kind": "counterfeit",
                              "trademarks": (RegisteredMark(mark="Vorstahl", registration_no="12345678"),)})
    assert not any("CNIPA" in en(n) for n in make_plan(marked, TODAY).route("samr_12315").needs)
