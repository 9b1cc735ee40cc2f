"""What a valid case will produce: documents made or skipped, untranslated fields, lost key documents."""
from __future__ import annotations

import dataclasses
import datetime as dt
from decimal import Decimal as D
from pathlib import Path

import pytest

from restitution.case import load_case
from restitution.errors import ErrorList
from restitution.outlook import lines, outlook, rehearse

ROOT = Path(__file__).resolve().parents[1]
DATE = dt.date(2026, 11, 20)


def test_every_packet_document_is_made_or_skipped_with_its_reason():
    case = load_case(ROOT / "examples" / "harbour-hk.yaml")
    result = outlook(case, DATE)
    keys = [o.key for o in result.documents]
    assert "victims_schedule" not in keys and "packet_guide" not in keys  # made by batch, by every render
    skipped = {o.key: o for o in result.documents if not o.made}
    assert "no card payment" in skipped["chargeback_letter"].why
    assert result.lost == []  # no card: losing the chargeback letter is no loss


def test_a_valid_case_without_a_rate_is_told_it_loses_its_police_report():
    case = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    no_rate = dataclasses.replace(case, claim=dataclasses.replace(case.claim, cny_rate=None), payments=tuple(
        dataclasses.replace(p, cny_rate=None, cny_rate_date=None) for p in case.payments))
    result = outlook(no_rate, DATE, translations=False)
    assert [o.key for o in result.lost] == ["police_report"]
    text = lines(result)
    assert any(line.startswith("  skip    police_report: the loss must be stated in RMB") for line in text)
    assert text[-1].startswith("  note: the case is valid but makes no police report:")


def test_a_supplier_registered_elsewhere_is_told_it_makes_no_police_report():
    """Unseen case: a buyer who knows only the seller's English name (region: other) was not told that
    no police report would be made, nor what would let one be made."""
    case = load_case(ROOT / "tests" / "data" / "unseen" / "fjord-english-only.yaml")
    result = outlook(case, DATE, translations=False)
    assert "police_report" in [o.key for o in result.lost]
    text = "\n".join(lines(result))
    assert "skip    police_report: the police report memo covers suppliers registered in mainland China" in text
    assert "give region: mainland with uscc, province_zh, city_zh and district_zh" in text
    assert "note: the case is valid but makes no police report" in text


def test_untranslated_fields_are_counted_once():
    case = load_case(ROOT / "examples" / "meridian-junk.yaml")
    case = dataclasses.replace(case, outcome=dataclasses.replace(case.outcome, summary_zh=None))
    result = outlook(case, DATE)
    assert result.untranslated and len(set(result.untranslated)) == len(result.untranslated)
    assert any("untranslated field(s)" in line for line in lines(result))


def test_a_card_paid_at_checkout_written_as_trade_assurance_gets_a_hint():
    case = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    pays = tuple(dataclasses.replace(p, method="trade_assurance", card=None) for p in case.payments)
    result = outlook(dataclasses.replace(case, payments=pays), DATE, translations=False)
    assert any("method: card with via_platform: true" in line for line in lines(result))


def _the_old_one_payment_parity(monkeypatch) -> None:
    """What rules/loss.py returned for a loss paid once at its own day's parity before session 23:
    basis "parity" with no rate date, which _cny.md.j2 printed (format_date of None)."""
    from restitution.rules import loss

    fixed = loss._at_parity

    def old(case, amount, currency):
        found = fixed(case, amount, currency)
        return None if found is None else loss.CnyLoss(found.amount, "parity", per_payment=found.per_payment)
    monkeypatch.setattr(loss, "_at_parity", old)


def _paid_once_at_parity():
    case = load_case(ROOT / "examples" / "northwind-vanished.yaml")
    [first, *_] = case.payments
    once = dataclasses.replace(first, amount=case.claim.amount, currency=case.claim.currency, cny_rate=D("7.1000"))
    return dataclasses.replace(case, payments=(once,))


def test_rehearse_names_each_document_a_template_cannot_render(monkeypatch):
    case = _paid_once_at_parity()
    rehearse(case, DATE)  # renders
    _the_old_one_payment_parity(monkeypatch)
    with pytest.raises(ErrorList) as info:
        rehearse(case, DATE)
    text = [str(e) for e in info.value.errors]
    assert any(t.startswith("templates/zh/_cny.md.j2:") and "its demand letter (zh) cannot be rendered: "
               "ValueError: format_date needs a date" in t for t in text), text
    assert any("its power of attorney (en) cannot be rendered" in t for t in text), text
    assert all("not of the case file" in t for t in text)


def test_rehearse_locates_a_fault_of_the_code_by_module_never_by_value(monkeypatch):
    from restitution import documents

    made = documents.make_context

    def broken(spec, case, *args, **kwargs):
        if spec.key == "demand_letter":
            raise KeyError(case.client.name)  # a value of the case: never printed
        return made(spec, case, *args, **kwargs)
    case = _paid_once_at_parity()
    monkeypatch.setattr(documents, "make_context", broken)
    with pytest.raises(ErrorList) as info:
        rehearse(case, DATE)
    [en, zh] = [str(e) for e in info.value.errors]
    assert en.startswith("restitution.pipeline.render:") and "its demand letter (en) cannot be rendered: KeyError." in en
    assert zh.startswith("restitution.pipeline.render:") and "demand letter (zh)" in zh
    assert case.client.name not in en + zh


def test_rehearse_renders_the_packet_guide_too(monkeypatch):
    from restitution import documents

    made = documents.make_context

    def broken(spec, case, *args, **kwargs):
        if spec.key == "packet_guide":
            raise TypeError("a fault of the program")
        return made(spec, case, *args, **kwargs)
    monkeypatch.setattr(documents, "make_context", broken)
    with pytest.raises(ErrorList) as info:
        rehearse(_paid_once_at_parity(), DATE)
    assert [str(e).split(": ", 1)[1][:58] for e in info.value.errors] == [
        "the case is valid, but its packet guide (en) cannot be ren"]
