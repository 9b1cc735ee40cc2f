"""The packet guide: order, recipients, signatures, notarisation, enclosures and deadlines."""
from __future__ import annotations

import dataclasses
import datetime as dt
from pathlib import Path

from restitution.case import load_case
from restitution.documents.packet_guide import context
from restitution.guide import README, guide_files, guide_name
from restitution.language.catalogue import catalogue
from restitution.pipeline.templating import template_dirs

ROOT = Path(__file__).resolve().parents[2]
DATE = dt.date(2026, 11, 20)
PACKET = ("power_of_attorney", "demand_letter", "police_report", "chargeback_letter", "evidence_index",
          "trade_assurance_claim", "platform_fraud_report", "case_plan")


def _x(case, lang="en", docs=PACKET):
    return context(case, catalogue(lang, tuple(template_dirs(None))), DATE, docs)


def test_nearest_deadline_first_and_every_recipient_named():
    case = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    x = _x(case)
    assert x.steps[0].key == "chargeback_letter" and x.steps[0].due[0].date == dt.date(2026, 12, 18)
    # then the plan's order: the power of attorney the lawyer acts on, the report, the letter after it
    keys = [s.key for s in x.steps]
    assert keys[1] == "power_of_attorney" and keys.index("police_report") < keys.index("demand_letter")
    to = {s.key: s.to for s in x.steps}
    assert "First Example Bank" in to["chargeback_letter"]
    assert "深圳市公安局宝安区分局" in to["police_report"]
    # the recipient, and how to send it: said to the client here, not on the page the platform receives
    assert to["platform_fraud_report"] == (
        "Alibaba.com, fraud and complaints team, through its fraud-report or complaint channel, with the subject "
        "line of the report; keep the case number it gives (check its help pages for the current channel first)")
    assert x.kept == ("evidence_index", "case_plan")


def test_who_signs_and_what_is_notarised():
    case = load_case(ROOT / "examples" / "northwind-vanished.yaml")  # a US company, the firm sends the 律师函
    steps = {s.key: s for s in _x(case).steps}
    assert steps["power_of_attorney"].notarise == "apostille" and steps["power_of_attorney"].client_signs
    assert steps["demand_letter"].agent_signs and steps["demand_letter"].letterhead
    assert not steps["chargeback_letter"].notarise
    assert "evidence_bundle" in steps["police_report"].enclose and "power_of_attorney" in steps["police_report"].enclose
    hk = dataclasses.replace(case, client=dataclasses.replace(case.client, country="HK"))
    assert {s.key: s for s in _x(hk).steps}["power_of_attorney"].notarise == "attesting_officer"
    client_sends = dataclasses.replace(case, claim=dataclasses.replace(case.claim, sender="client"))
    letter = {s.key: s for s in _x(client_sends).steps}["demand_letter"]
    assert letter.client_signs and not letter.letterhead


def test_guide_and_readme_are_written_for_the_documents_made():
    case = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    files = dict(guide_files(case, ["power_of_attorney", "chargeback_letter"], DATE))
    assert set(files) == {guide_name(case), README} and guide_name(case) == "NW-2026-0042_guide_en.pdf"
    assert files[guide_name(case)].startswith(b"%PDF-")
    readme = files[README].decode()
    assert readme.index("chargeback_letter") < readme.index("power_of_attorney")
    assert "police_report" not in readme


def test_the_settlement_agreement_step_agrees_with_the_agreement():
    """Copies and signatories as the agreement's last article and signature blocks have them:
    one original per party (client, seller, each payer or guarantor) and one for the authority;
    a signed agreement is not a step at all, and the pardon encloses a copy of it."""
    signed = load_case(ROOT / "examples" / "lotus-settlement.yaml")
    draft = dataclasses.replace(signed, settlement=dataclasses.replace(signed.settlement, signed_on=None,
                                                                       supplier_signed=None))
    docs = ("power_of_attorney", "settlement_agreement", "pardon_letter")
    zh = {s.key: s for s in _x(draft, "zh", docs).steps}["settlement_agreement"]
    en = {s.key: s for s in _x(draft, "en", docs).steps}["settlement_agreement"]
    assert "一式五份签署" in zh.to and "一式两份" not in zh.to
    assert "to sign in 5 originals" in en.to
    assert zh.signers == ("您（或代理律师依授权委托书中的特别授权代签）、卖方（盖章，并由其法定代表人签字）、"
                          "保证人林德福和保证人林晓燕")
    assert "the guarantor Lin Defu" in en.signers and "the seller" in en.signers
    assert "settlement_agreement" not in [s.key for s in _x(signed, "en").steps]
    pardon = {s.key: s for s in _x(signed, "en", ("pardon_letter",)).steps}["pardon_letter"]
    assert "signed_settlement" in pardon.enclose and "settlement_agreement" not in pardon.enclose
    pardon = {s.key: s for s in _x(draft, "en", docs).steps}["pardon_letter"]
    assert "settlement_agreement" in pardon.enclose and "signed_settlement" not in pardon.enclose


def test_a_hong_kong_police_report_is_filed_by_the_buyer_without_a_power_of_attorney():
    case = load_case(ROOT / "examples" / "harbour-hk.yaml")
    for lang, words in (("zh", "无需授权委托书"), ("en", "no power of attorney is needed")):
        police = next(s for s in _x(case, lang).steps if s.key == "police_report")
        assert words in police.to and "power_of_attorney" not in police.enclose
    # a mainland report still goes with the lawyer's power of attorney
    mainland = next(s for s in _x(load_case(ROOT / "examples" / "northwind-vanished.yaml")).steps
                    if s.key == "police_report")
    assert "power_of_attorney" in mainland.enclose


def test_a_packet_with_nothing_to_send_says_so():
    """Unseen case: an English-only buyer (no lawyer, no refund account, no Chinese registration) got a
    guide whose only list was "kept for the file, and enclosed where listed above", with nothing above."""
    from restitution.document import document_text
    from restitution.pipeline.render import render_document

    case = load_case(ROOT / "tests" / "data" / "unseen" / "fjord-english-only.yaml")
    en = document_text(render_document(case, "packet_guide", "en", DATE))
    assert "Nothing is ready to send yet: restitution validate names" in en
    assert "enclosed where listed above" not in en
    zh = document_text(render_document(case, "packet_guide", "zh", DATE))
    assert "尚无可发送的文件" in zh
    full = document_text(render_document(load_case(ROOT / "examples" / "northwind-vanished.yaml"),
                                         "packet_guide", "en", DATE))
    assert "Kept for the file, and enclosed where listed above:" in full and "Nothing is ready" not in full


def test_after_a_settlement_paid_in_full_the_pardon_step_says_who_signs_what_goes_with_it_and_now():
    """The third reading (osprey): the guide said the pardon is "Signed by: you" although the pardon is signed by
    the agent under special authority, enclosed only the settlement agreement against the pardon's four
    attachments, and said "send it soon, since the loss grows harder to recover" of a pardon."""
    from restitution.document import document_text
    from restitution.pipeline.render import render_document
    from stage_cases import stage_case

    case = stage_case("settled_paid")  # a lawyer acts; USD 20,000.00 received in full on 10 November 2026
    case = dataclasses.replace(case, settlement=dataclasses.replace(
        case.settlement, signed_on=dt.date(2026, 10, 1), supplier_signed=True))
    docs = ("power_of_attorney", "pardon_letter", "evidence_index")
    pardon = {s.key: s for s in _x(case, "en", docs).steps}["pardon_letter"]
    assert pardon.signers == ("your lawyer, Li Ming, on your behalf, under the special authority to sign a written "
                              "pardon that your power of attorney expressly grants")
    assert pardon.enclose == ("restitution_receipts", "signed_settlement", "signatory_identity", "poa_original")
    assert pardon.when == "now (the agreed sum was received in full on 10 November 2026)"
    assert "only once the agreed sum has been paid" not in pardon.to
    # the pardon itself: signed by the agent, with the same four attachments in the same order
    page = document_text(render_document(case, "pardon_letter", "en", DATE))
    enclosures = page.split("Enclosures:")[1].split("To:")[0]
    assert len([line for line in enclosures.splitlines() if line.strip()]) == len(pardon.enclose)
    assert "Signed by the agent under special authority" in page
    zh = {s.key: s for s in _x(case, "zh", docs).steps}["pardon_letter"]
    assert zh.when == "即时递交（约定款项已于2026年11月10日全部到账）"
    assert zh.signers == "代理律师李明，依授权委托书中代为签署谅解书的特别授权代您签署"
    # without a lawyer the client signs, and no power of attorney goes with it
    alone = {s.key: s for s in _x(dataclasses.replace(case, agent=None), "en", docs).steps}["pardon_letter"]
    assert alone.signers == "you" and "poa_original" not in alone.enclose


def test_after_the_report_the_power_of_attorney_is_not_proposed_for_reporting():
    """The report is filed: the guide says the power of attorney is not needed to report, and what it is for."""
    from stage_cases import stage_case

    paid = stage_case("settled_paid")
    poa = {s.key: s for s in _x(paid, "en", ("power_of_attorney", "pardon_letter")).steps}["power_of_attorney"]
    assert "filed on 1 September 2026: this power of attorney is not needed to report" in poa.note
    assert "written pardon" in poa.note and poa.when.startswith("before the written pardon is handed over")
    opened = {s.key: s for s in _x(stage_case("opened"), "en", ("power_of_attorney", "police_report")).steps}
    assert "not needed to report" in opened["power_of_attorney"].note
    assert opened["power_of_attorney"].when.startswith("no deadline: only if your lawyer needs it")
    fresh = {s.key: s for s in _x(stage_case("new"), "en", ("power_of_attorney",)).steps}["power_of_attorney"]
    assert fresh.note == "" and fresh.when == ""


def test_a_letter_also_addressed_to_the_receiving_company_is_sent_after_the_report():
    from factories import make_case, paid_to_company

    x = _x(paid_to_company(), "en", ("demand_letter", "police_report", "police_report_payee"))
    keys = [s.key for s in x.steps]
    assert keys.index("demand_letter") > keys.index("police_report_payee")
    letter = {s.key: s for s in x.steps}["demand_letter"]
    assert letter.when.startswith("only after the police report is filed: the letter is also addressed to "
                                  "Hangzhou Example Trading Co., Ltd.")
    answers = make_case(outcome=dataclasses.replace(make_case().outcome, seller_unreachable=False))
    plain = {s.key: s for s in _x(answers, "en", ("demand_letter", "police_report")).steps}["demand_letter"]
    assert plain.when == ""


def test_the_steps_follow_the_plan_and_a_letter_to_a_vanished_seller_waits_for_the_report():
    """Fifth reading (aubrac): the guide listed "2. Lawyer's letter" before "3. Police report" while the plan
    said the seller had vanished: report first, then send the letter, so as not to warn it."""
    from factories import make_case
    from restitution.plan import make_plan
    from restitution.plan.steps import next_steps

    wire_only = make_case(payments=make_case().payments[:1])  # no card dispute: the police come first
    docs = ("power_of_attorney", "demand_letter", "police_report", "evidence_index")
    x = _x(wire_only, "en", docs)
    assert [s.key for s in x.steps] == ["power_of_attorney", "police_report", "demand_letter"]
    plan = [s.route for s in next_steps(wire_only, make_plan(wire_only, DATE))]
    assert plan.index("police") < plan.index("demand_letter")
    letter = {s.key: s for s in x.steps}["demand_letter"]
    assert letter.when == ("send only after the police report has been filed: the seller has vanished, "
                           "and a letter sent before would warn it to move the money")
    zh = {s.key: s for s in _x(wire_only, "zh", docs).steps}["demand_letter"]
    assert zh.when.startswith("仅在向公安机关报案之后发出：卖方已失联")
    # (a card dispute whose window is closing still comes first: northwind, above)
    # no report in the packet: nothing to wait for
    alone = {s.key: s for s in _x(wire_only, "en", ("demand_letter",)).steps}["demand_letter"]
    assert alone.when == ""


def test_the_deadline_list_reads_a_received_instalment_as_paid():
    from stage_cases import stage_case

    x = _x(stage_case("settled_paid"), "en", ("pardon_letter",))
    dues = [d for d in x.deadlines if d.paid_on]
    assert [d.paid_on for d in dues] == [dt.date(2026, 10, 14), dt.date(2026, 11, 10)]
    assert all("due from" not in d.what for d in dues)


def test_an_individual_is_never_asked_for_a_certificate_of_incorporation():
    """A consumer's guide told them their certificate of incorporation goes through the apostille too."""
    from restitution.document import document_text
    from restitution.pipeline.render import render_document

    company = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    person = dataclasses.replace(company, client=dataclasses.replace(
        company.client, kind="individual", name="Eleanor Example", name_zh=None, representative=None))

    def guide(case, lang):
        return document_text(render_document(case, "packet_guide", lang, DATE))
    en, zh = guide(person, "en"), guide(person, "zh")
    assert "incorporation" not in en and "公司注册证书" not in zh
    assert "apostilled" in en and "a copy of your passport or other identity document" in en
    assert "附加证明书" in zh and "护照或其他身份证件复印件" in zh
    assert "2023).- " not in en and "生效）。- " not in zh  # the next item stays an item of its own
    en, zh = guide(company, "en"), guide(company, "zh")
    assert "Your certificate of incorporation goes through the same steps." in en
    assert "a copy of your certificate of incorporation" in en and "(an individual)" not in en
    assert "公司注册证书亦须办理同样手续" in zh and "公司注册证书复印件" in zh and "（个人）" not in zh
    assert "steps.- " not in en and "手续。- " not in zh


def test_the_12315_complaint_filed_by_the_lawyer_encloses_the_power_of_attorney():
    """s23 lawyer 6: a complaint filed through an agent goes with the original power of attorney."""
    case = load_case(ROOT / "examples" / "meridian-junk.yaml")  # a 12315 complaint in its packet
    x = _x(case, docs=("power_of_attorney", "samr_complaint", "evidence_index"))
    samr = next(s for s in x.steps if s.key == "samr_complaint")
    assert samr.enclose == ("evidence_index", "power_of_attorney", "identity_document")  # an individual's
