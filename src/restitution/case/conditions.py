"""Conditions that relate several keys of the case file, and the values derived from them.

Named conditions, not rules, to keep apart from the `restitution.rules`
package (the law applied to a case, with its `Rule` records) and
`document.Rule` (a horizontal rule in a document).
Runs on the converted tree of build.py. A value that failed to convert is
None (already reported); conditions skip what they cannot judge rather than
report a second, derived error for the same mistake.
"""
from __future__ import annotations

import difflib
import re
from decimal import ROUND_HALF_UP, Decimal
from pathlib import Path

from restitution.case.codes import same_uscc
from restitution.case.evidence import resolve_file
from restitution.case.fields import MAX_AMOUNT, Invalid
from restitution.case.problems import Problems

_CENT = Decimal("0.01")


class _Conditions:
    def __init__(self, tree: dict, where: dict[str, int], problems: Problems):
        self.tree = tree
        self.where = where
        self.problems = problems

    def line(self, path: str) -> int | None:
        while path:
            if path in self.where:
                return self.where[path]
            cut = max(path.rfind("."), path.rfind("["))
            path = path[:cut] if cut > 0 else ""
        return 1

    def add(self, path: str, message: str, *, at: str | None = None) -> None:
        self.problems.add(self.line(at or path), path, message)


def apply_conditions(
    tree: dict,
    where: dict[str, int],
    problems: Problems,
    *,
    base_dir: Path,
    allow_outside: bool,
    check_files: bool,
) -> None:
    """Check the conditions between keys and fill in derived values, in place."""
    r = _Conditions(tree, where, problems)
    _client(r, tree.get("client") or {})
    _supplier(r, tree.get("supplier") or {})
    _order(r, tree.get("order") or {})
    _indicators(r, tree.get("indicators") or {})
    payments = tree.get("payments") or []
    _payments(r, payments)
    tree["claim"] = _claim(r, tree.get("claim") or {}, payments)
    if tree.get("settlement"):
        _settlement(r, tree["settlement"], tree["claim"])
    _minor_units(r, tree)
    if tree.get("proceedings"):
        _proceedings(r, tree["proceedings"], payments)
    _evidence(r, tree.get("evidence") or [], base_dir, allow_outside, check_files)
    if tree.get("settlement"):
        _signing_date(r, tree["settlement"], tree.get("evidence") or [])


def _client(r: _Conditions, client: dict) -> None:
    # A travel permit identifies a Chinese citizen resident in Hong Kong, Macao or Taiwan only.
    if client.get("travel_permit_no") and (client.get("kind") != "individual"
                                           or client.get("country") not in ("HK", "MO", "TW")):
        r.add("client.travel_permit_no", "a travel permit (通行证) is held by an individual from Hong Kong, Macao "
              "or Taiwan (client.kind: individual, client.country: HK, MO or TW); remove it or correct those keys")


def _supplier(r: _Conditions, supplier: dict) -> None:
    region = supplier.get("region")
    needs = {"mainland": ("uscc", "province_zh", "city_zh", "district_zh"), "hong_kong": ("hk_company_no", "address")}
    for key in needs.get(region, ()) if isinstance(region, str) else ():
        if key not in supplier:
            r.add(f"supplier.{key}", f"required for a supplier with region: {region}", at="supplier.region")
    for i, former in enumerate(supplier.get("former_names") or ()):
        if isinstance(former, dict) and not (former.get("name_zh") or former.get("name")):
            r.add(f"supplier.former_names[{i}]", "a former name needs name_zh (the registered Chinese name) or name "
                  "(as contracts and invoices carried it)")
    for i, acct in enumerate(supplier.get("bank_accounts") or ()):
        if not isinstance(acct, dict) or "holder_uscc" not in acct:
            continue
        if same_uscc(acct.get("holder_uscc"), supplier.get("uscc")):
            continue  # the supplier's own account: its name and place are the supplier's, given above
        for key in ("holder", "holder_province_zh", "holder_city_zh", "holder_district_zh"):
            if not acct.get(key):
                r.add(f"supplier.bank_accounts[{i}].{key}", "required with holder_uscc: it names the holder and "
                      "decides which police bureau is competent where the money was received",
                      at=f"supplier.bank_accounts[{i}].holder_uscc")


def _indicators(r: _Conditions, ind: dict) -> None:
    """What a flag is about needs the flag: a forged paper described but forged_documents not set is a
    contradiction the documents would print half of (the paper, with no indicator or plea of forgery)."""
    for part, flag in (("forgery", "forged_documents"), ("address_finding", "fake_address"),
                       ("address_finding_zh", "fake_address")):
        if ind.get(part) is not None and not ind.get(flag) and (flag not in ind or ind[flag] is False):
            r.add(f"indicators.{part}", f"given while indicators.{flag} is false or absent; set "
                  f"indicators.{flag}: true, or remove indicators.{part}")


_INCOTERM = re.compile(r"\s*([A-Za-z]{3})(?![A-Za-z])")


def _incoterm_zh(r: _Conditions, order: dict) -> None:
    """The Chinese form must be the same term: FOB深圳 beside FOB Shenzhen, never CIF深圳."""
    zh, en = order.get("incoterm_zh"), order.get("incoterm")
    if zh is None:
        return
    if en is None:
        if "incoterm" not in order:
            r.add("order.incoterm_zh", "given without order.incoterm; add the term as the contract gives it "
                                       "(e.g. FOB Shenzhen), or remove order.incoterm_zh")
        return
    term_zh, term_en = _INCOTERM.match(zh), _INCOTERM.match(en)
    if term_en is None:
        return  # no three-letter term to compare with
    want = term_en.group(1).upper()
    if term_zh is None or term_zh.group(1).upper() != want:
        r.add("order.incoterm_zh", f"{zh!r} does not start with {want}, the term of order.incoterm ({en!r}); "
                                   f"write the same term with the place in Chinese, e.g. {want}深圳")


def _order(r: _Conditions, order: dict) -> None:
    _incoterm_zh(r, order)
    goods = order.get("goods")
    total = order.get("total")
    if "total" not in order and not goods:
        r.add("order.total", "required when the order lists no goods (give order.total or order.goods)", at="order")
        return
    if any(g.get(k, 0) is None for g in goods or () for k in ("quantity", "unit_price")):
        return  # a quantity or price is wrong and reported; no total can be judged
    if not goods or any(g.get("quantity") is None or g.get("unit_price") is None for g in goods):
        if "total" not in order:
            r.add(
                "order.total",
                "required: not every goods line has quantity and unit_price to compute it from",
                at="order.goods",
            )
        return
    computed = sum(((g["quantity"] * g["unit_price"]).quantize(_CENT, rounding=ROUND_HALF_UP) for g in goods), Decimal("0"))
    if total is None and "total" in order:
        return  # the total itself is wrong, and reported
    if total is None and computed >= MAX_AMOUNT:
        r.add("order.total", f"the goods lines add up to {computed:,.2f}, more than an amount may be "
                             f"(below {MAX_AMOUNT:,}); check the quantities and prices", at="order.goods")
        order["total"] = None
        return
    if total is None:
        order["total"] = computed
    elif total != computed:
        r.add("order.total", f"{total:.2f} does not equal the sum of the goods lines, {computed:.2f}")


def _payments(r: _Conditions, payments: list[dict]) -> None:
    for i, p in enumerate(payments):
        path = f"payments[{i}]"
        method = p.get("method")
        if method == "card" and "card" not in p:
            r.add(f"{path}.card", "required when method is card (network and last4)", at=f"{path}.method")
        elif method is not None and method != "card" and p.get("card"):
            r.add(f"{path}.card", f"only for method: card; this payment's method is {method}")


def _claim(r: _Conditions, claim: dict, payments: list[dict]) -> dict:
    valid = all(p.get("amount") is not None and p.get("currency") is not None for p in payments)
    if not valid or not payments:
        return claim  # payment errors are reported already; nothing to derive from
    currencies = sorted({p["currency"] for p in payments})
    anchor = "claim" if "claim" in r.where else "payments"
    if "currency" not in claim:
        if len(currencies) > 1:
            r.add("claim.currency", f"required: the payments are in {' and '.join(currencies)}", at=anchor)
            return claim
        claim["currency"] = currencies[0]
    if "amount" not in claim:
        if len(currencies) > 1:
            r.add("claim.amount", f"required: the payments are in {' and '.join(currencies)}, so they cannot be added up", at=anchor)
        elif claim["currency"] is not None and claim["currency"] != currencies[0]:
            r.add(
                "claim.amount",
                f"required: the claim is in {claim['currency']} but the payments are in {currencies[0]}",
                at=anchor,
            )
        else:
            total = sum((p["amount"] for p in payments), Decimal("0"))
            if total >= MAX_AMOUNT:
                r.add("claim.amount", f"required: the payments add up to {total:,.2f}, more than an amount "
                                      f"may be (below {MAX_AMOUNT:,})", at=anchor)
            else:
                claim["amount"] = total
    return claim


def _settlement(r: _Conditions, settlement: dict, claim: dict) -> None:
    if "currency" not in settlement:
        if claim.get("currency"):
            settlement["currency"] = claim["currency"]
        else:
            r.add("settlement.currency", "required: the claim currency is not known", at="settlement")
    if settlement.get("pardon_before_full_payment") and not (settlement.get("pardon_before_full_payment_reason") or "").strip():
        r.add("settlement.pardon_before_full_payment_reason",
              "required when pardon_before_full_payment is true: say why the pardon is given before the "
              "restitution is paid in full", at="settlement.pardon_before_full_payment")
    _signed(r, settlement)
    for i, payer in enumerate(settlement.get("payers") or []):
        _identity(r, f"settlement.payers[{i}].id_no", payer.get("id_no"))
        if payer.get("guarantee") and payer.get("role") != "guarantor":
            r.add(f"settlement.payers[{i}].guarantee", "only for role: guarantor")
    # One transfer is one receipt: the same bank reference twice counts the money twice.
    seen: dict[str, int] = {}
    for i, rec in enumerate(settlement.get("received") or []):
        ref = " ".join(str(rec.get("reference") or "").split()).casefold()
        if not ref:
            continue
        if ref in seen:
            r.add(f"settlement.received[{i}].reference",
                  f"the same reference as settlement.received[{seen[ref]}]: one transfer is recorded once; "
                  "give each receipt its own bank reference, or remove the repeated entry")
        else:
            seen[ref] = i
    agreed = settlement.get("agreed_amount")
    schedule = settlement.get("schedule") or []
    if agreed is None or not schedule or any(s.get("amount") is None for s in schedule):
        return
    scheduled = sum((s["amount"] for s in schedule), Decimal("0"))
    if scheduled != agreed:
        r.add(
            "settlement.schedule",
            f"the instalments add up to {scheduled:.2f}, not the agreed amount {agreed:.2f}",
        )


def _signed(r: _Conditions, settlement: dict) -> None:
    """Who is bound by a signed agreement decides on what the demand letter claims: asked for, never assumed."""
    signed, supplier = settlement.get("signed_on"), settlement.get("supplier_signed")
    if signed is None:
        if supplier is not None:
            r.add("settlement.supplier_signed", "only with settlement.signed_on (the date the agreement was "
                  "signed); a settlement not yet signed is drafted with the seller as a party")
        return
    if supplier is None:
        r.add("settlement.supplier_signed", "required with signed_on: true when the seller company signed "
              "the agreement, false when only others (settlement.payers) signed with the client",
              at="settlement.signed_on")
    elif supplier is False and not settlement.get("payers"):
        r.add("settlement.payers", "the agreement signed on settlement.signed_on binds someone to pay: with "
              "supplier_signed: false, list who signed it (settlement.payers, each a payer or guarantor)",
              at="settlement.supplier_signed")


def _signing_date(r: _Conditions, settlement: dict, exhibits: list[dict]) -> None:
    """The exhibit of the signed agreement is dated the day it was signed: the documents cite the
    exhibit and print settlement.signed_on, and two dates for one signing invite the question which
    is true (case/settlement.py says how the exhibit is recognised)."""
    from restitution.case.settlement import is_signed_agreement

    signed = settlement.get("signed_on")
    if signed is None:
        return
    for i, e in enumerate(exhibits):
        day = e.get("date")
        if day is None or day == signed or not is_signed_agreement(
                e.get("kind"), e.get("title"), e.get("title_zh"), e.get("file_text") or e.get("file")):
            continue
        where = r.line(f"evidence[{i}].date")
        r.add("settlement.signed_on",
              f"{signed.isoformat()} is not the date of the signed agreement, evidence[{i}] (dated "
              f"{day.isoformat()}{f', line {where}' if where else ''}): the documents would give two dates "
              "for one signing; correct the one that is wrong (if that exhibit is another paper, such as a "
              "draft or a supplementary agreement, say so in its title)")


def _minor_units(r: _Conditions, tree: dict) -> None:
    """An amount finer than its currency's minor unit (JPY 100.50) cannot be paid or printed."""
    from restitution.formatting._locale import minor_digits

    def check(path: str, amount, currency, at: str | None = None) -> None:
        if not isinstance(amount, Decimal) or not isinstance(currency, str):
            return
        try:
            places = minor_digits(currency)
        except (ValueError, LookupError):
            return  # an unknown currency is reported by its own field
        if amount != amount.quantize(Decimal(1).scaleb(-places)):
            unit = "whole amounts only" if places == 0 else f"at most {places} decimal place{'s' if places > 1 else ''}"
            r.add(path, f"{amount} cannot be expressed in {currency} ({unit})", at=at)

    order = tree.get("order") or {}
    check("order.total", order.get("total"), order.get("currency"),
          at=None if "order.total" in r.where else "order.goods")
    for i, p in enumerate(tree.get("payments") or []):
        check(f"payments[{i}].amount", p.get("amount"), p.get("currency"))
    claim = tree.get("claim") or {}
    if "claim.amount" in r.where:  # a derived claim is the sum of payments checked above
        check("claim.amount", claim.get("amount"), claim.get("currency"))
    settlement = tree.get("settlement") or {}
    cur = settlement.get("currency")
    check("settlement.agreed_amount", settlement.get("agreed_amount"), cur)
    for key in ("schedule", "received"):
        for i, s in enumerate(settlement.get(key) or []):
            check(f"settlement.{key}[{i}].amount", s.get("amount"), cur)


def _before(r: _Conditions, later_path: str, later, earlier_path: str, earlier, what: str) -> None:
    """`later` may not precede `earlier` (dates that failed to convert are None and skipped)."""
    if later is not None and earlier is not None and later < earlier:
        r.add(later_path, f"{later.isoformat()} is before {earlier_path.rsplit('.', 1)[-1]} "
                          f"({earlier.isoformat()}): {what}; correct one of the dates")


def _proceedings(r: _Conditions, p: dict, payments: list[dict]) -> None:
    """Dates in the order events can happen, suspects' identity numbers, chargebacks on card payments."""
    report = p.get("police_report") or {}
    base = "proceedings.police_report"
    filed = report.get("filed_on")
    _before(r, f"{base}.opened_on", report.get("opened_on"), f"{base}.filed_on", filed,
            "a case is opened after the report")
    _before(r, f"{base}.refused_on", report.get("refused_on"), f"{base}.filed_on", filed,
            "a refusal follows the report")
    _before(r, f"{base}.refusal_received_on", report.get("refusal_received_on"), f"{base}.refused_on",
            report.get("refused_on"), "the notice is received after it is issued")
    _before(r, f"{base}.opened_on", report.get("opened_on"), f"{base}.refused_on", report.get("refused_on"),
            "a refusal (不予立案) answers a report not yet opened: a case may be opened after it "
            "(on reconsideration), not before")
    if report.get("refusal_received_on") is not None and report.get("refused_on") is None and "refused_on" not in report:
        r.add(f"{base}.refused_on", "required when refusal_received_on is given", at=f"{base}.refusal_received_on")
    for i, s in enumerate(p.get("suspects") or []):
        path = f"proceedings.suspects[{i}]"
        _before(r, f"{path}.measure_on", s.get("measure_on"), f"{base}.filed_on", filed,
                "a measure follows the report")
        if s.get("measure_on") is not None and s.get("measure") in (None, "none"):
            r.add(f"{path}.measure", "required when measure_on is given (which measure was taken that day)",
                  at=f"{path}.measure_on")
        if s.get("measure") not in (None, "none") and "police_report" not in p:
            r.add(f"{base}", f"required: suspects[{i}] is under a measure, so a report was filed; "
                             "give proceedings.police_report.filed_on", at=f"{path}.measure")
        _identity(r, f"{path}.id_no", s.get("id_no"))
        _residence(r, path, s)
    for i, c in enumerate(p.get("chargebacks") or []):
        n = c.get("payment")
        if n is None:
            continue
        if n >= len(payments):
            r.add(f"proceedings.chargebacks[{i}].payment",
                  f"there is no payments[{n}]: the case lists {len(payments)} payment(s), counted from 0")
        elif payments[n].get("method") not in (None, "card"):
            r.add(f"proceedings.chargebacks[{i}].payment",
                  f"payments[{n}] was paid by {payments[n]['method']}; a chargeback disputes a card payment")
    letter = p.get("demand_letter") or {}
    _before(r, "proceedings.demand_letter.delivered_on", letter.get("delivered_on"),
            "proceedings.demand_letter.sent_on", letter.get("sent_on"), "a letter is delivered after it is sent")
    notice = p.get("nonconformity_notice") or {}
    _before(r, "proceedings.nonconformity_notice.answered_on", notice.get("answered_on"),
            "proceedings.nonconformity_notice.sent_on", notice.get("sent_on"), "a notice is answered after it is sent")


def _residence(r: _Conditions, path: str, suspect: dict) -> None:
    """A mainland residence names its province and city together (they decide the bureau)."""
    given = {k for k in ("residence_province_zh", "residence_city_zh", "residence_district_zh", "address_zh")
             if suspect.get(k)}
    if not given - {"address_zh"}:
        return
    for key in ("residence_province_zh", "residence_city_zh"):
        if key not in given:
            other = sorted(given - {key, "address_zh"})[0]
            r.add(f"{path}.{key}", f"required with {other}: the province and city of the residence decide "
                                   "which police bureau is competent there", at=f"{path}.{other}")


def _identity(r: _Conditions, path: str, value) -> None:
    from restitution.case.codes import looks_like_prc_id, prc_id_problem

    if not isinstance(value, str) or not value:
        return
    if looks_like_prc_id(value):
        problem = prc_id_problem(value)
        if problem:
            r.add(path, problem)
    elif not (5 <= len(value) <= 20 and value.isascii() and value.isalnum()):
        # Not echoed: an identity number is personal data.
        r.add(path, "must be an 18-character identity number (公民身份号码) or a passport number "
                    "(5 to 20 letters and digits, no spaces)")


def _evidence(r: _Conditions, exhibits: list[dict], base_dir: Path, allow_outside: bool, check_files: bool) -> None:
    from restitution.case.model import EVIDENCE_SOURCES

    for i, exhibit in enumerate(exhibits):
        exhibit["number"] = i + 1
        source = exhibit.get("source")
        # A word_with_underscores is meant as a keyed source: a typo would print as it stands.
        if isinstance(source, str) and re.fullmatch(r"[a-z]+(?:_[a-z]+)+", source) \
                and source not in EVIDENCE_SOURCES:
            near = difflib.get_close_matches(source, EVIDENCE_SOURCES, n=1)
            hint = f"did you mean {near[0]!r}? " if near else ""
            r.add(f"evidence[{i}].source", f"{source!r} is not a source key; {hint}use one of "
                  f"{', '.join(EVIDENCE_SOURCES)}, or describe the source in words")
        written = exhibit.get("file")
        if not written:
            continue
        path = f"evidence[{i}].file"
        try:
            exhibit["file"] = resolve_file(written, base_dir, allow_outside=allow_outside, check_files=check_files)
            exhibit["file_text"] = written
        except Invalid as err:
            exhibit["file"] = None
            r.add(path, str(err))
