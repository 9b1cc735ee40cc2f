"""The routes to the money, each with its status, reasons, needs and dated deadlines.

Every sentence is a `Reason` keyed into the catalogues (``plan.route.*``, or
the rule's own ``rules.*`` reasons), worded by whoever prints the plan.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Payment
from restitution.case.stage import stage_of
from restitution.formatting.names import country_name
from restitution.language.catalogue import Catalogue
from restitution.plan import history
from restitution.plan.model import Classification, Deadline, DeadlineKind, Route, Status
from restitution.records import record
from restitution.rules import (
    Finding,
    alternative_reasons,
    chargeback_window,
    fcba,
    payment_app_dispute,
    police_deadlines,
    police_route,
    section75,
    trade_assurance,
)
from restitution.rules.citations import MPS_RULES_16
from restitution.rules.residence import MPS_RULES_15, mainland_resident
from restitution.rules.conformity import late_avoidance
from restitution.rules.payee import reportable_payee
from restitution.rules.reason import Figure, Reason, Sentences, Wordable
from restitution.rules.report_route import BELOW_THRESHOLD, CIVIL_DISPUTE, report_ruled_out

# Brand names, printed as they are in every language.
_NETWORK = {"visa": "Visa", "mastercard": "Mastercard", "amex": "American Express",
            "unionpay": "UnionPay", "discover": "Discover", "jcb": "JCB"}


def _r(name: str, **params: object) -> Reason:
    return Reason(f"plan.route.{name}", **params)


def _deadline(route: str, what: str, date: dt.date, kind: DeadlineKind, text: Reason,
              today: dt.date) -> Deadline:
    return Deadline(f"{route}.{what}", date, route, kind, text, missed=kind != "earliest" and date < today)


def _from_finding(route_id: str, name: Reason, f: Finding, today: dt.date,
                  act: Reason | None, payment: int | None = None) -> Route:
    deadlines: tuple[Deadline, ...] = ()
    why = f.why
    if f.deadline is not None and act is not None:
        deadlines = (_deadline(route_id, "deadline", f.deadline, "deadline", act, today),)
    if f.deadline_rule is not None:
        why += (_r("deadline", what=f.deadline_rule),)
    return Route(route_id, name, f.status(today), why, f.needs, deadlines, f.citations, f.rules, payment)


@record
class _Country:
    """A country or region named in the reader's language (ISO code → 印度 / India)."""

    code: str

    def word(self, words: Catalogue) -> str:
        return country_name(self.code, words.language)


def _power_of_attorney(case: Case) -> Reason:
    """The power of attorney the mainland lawyer needs, with the way a document signed where
    the client is gets authenticated for mainland use: an apostille only between parties to
    the Convention that apply it with China, consular legalisation otherwise (domain.md §A)."""
    from restitution.documents.power_of_attorney import authentication  # documents import the plan

    country = case.client.country
    return _r(f"poa.{authentication(country)}", country=_Country(country))


def _card_label(p: Payment) -> str:
    assert p.card is not None
    return f"{_NETWORK[p.card.network]} •{p.card.last4}"


def chargeback_route(case: Case, payment: Payment, index: int, today: dt.date) -> Route:
    w = chargeback_window(case, payment)  # a ValueError for a payment without a card
    assert w.reason is not None and payment.card is not None
    rid = f"chargeback.p{index}"
    label = _card_label(payment)
    why: list[Wordable] = [_r("chargeback.dispute_under", reason=w.reason), Sentences(w.basis)]
    for alt in alternative_reasons(payment.card.network, case.outcome.kind):
        why.append(_r("chargeback.alternative", reason=alt))
    deadlines = [_deadline(rid, "latest", w.latest, "deadline", _r("chargeback.latest", card=label), today)]
    if w.conservative is not None:
        # the earliest reading of the window: dated, and once passed, a call to file at once
        deadlines.insert(0, _deadline(rid, "conservative", w.conservative, "deadline",
                                      _r("chargeback.conservative", card=label), today))
        passed = w.conservative < today
        why.append(_r("chargeback.conservative_" + ("passed" if passed else "open"), date=w.conservative))
    if w.earliest is not None:
        deadlines.insert(0, _deadline(rid, "earliest", w.earliest, "earliest",
                                      _r("chargeback.earliest", card=label), today))
    return Route(rid, _r("chargeback.name", card=label, n=index), w.status(today), tuple(why),
                 w.reason.requirements, tuple(deadlines), (), w.rules, index)


def _card_rights(case: Case, today: dt.date) -> list[Route]:
    country = case.client.country
    if country not in ("US", "GB"):
        return []
    check, key = (fcba, "fcba") if country == "US" else (section75, "s75")
    right = _r(f"{key}.name")
    cards = [(i, p) for i, p in enumerate(case.payments, 1) if p.method == "card"]
    if not cards:
        # Pitfall 7: no statutory card right, and no chargeback, exists for a wire.
        f = check(case, case.payments[0])
        return [Route(key, right, "closed", (_r("card_right.no_card"),), rules=f.rules + ("chargeback.no_wire",))]
    return [_from_finding(f"{key}.p{i}", _r("card_right.name", right=right, card=_card_label(p), n=i),
                          check(case, p), today, _r(f"{key}.act"), i) for i, p in cards]


def police(case: Case, cls: Classification) -> Route:
    pr = police_route(case)
    ids = pr.rules + ("police.statement_in_person",)
    name = _r("police.name")
    if pr.region not in ("mainland", "hong_kong"):
        return Route("police", name, "unknown", (pr.note,), rules=ids)
    report_to = (_r("police.report_to.mainland", bureau=pr.bureau, unit=pr.unit) if pr.region == "mainland"
                 else _r("police.report_to.hong_kong"))
    why = [report_to, pr.note]
    status: Status = "open"
    ruled_out = report_ruled_out(case, cls)  # the packet and the demand letter follow the same rule
    if CIVIL_DISPUTE in ruled_out:
        status = "closed"
        why.insert(0, _r("police.civil_dispute"))
    elif BELOW_THRESHOLD in ruled_out:
        status = "closed"
        why.insert(0, _r("police.below_threshold", loss=cls.loss.note))
    elif cls.conclusion == "civil_dispute":  # counterfeit goods at a sum Art. 140 / 214 reach
        why.insert(0, _r("police.counterfeit", label=cls.label))
    else:
        why.insert(0, _r("police.see_classification", label=cls.label))
    if pr.region == "hong_kong":
        # filed by the buyer itself with the Hong Kong Police: no mainland lawyer, no power of attorney
        needs = [_r("police.need.memo_hong_kong"), _r("police.need.self_filed"), _r("police.need.statement")]
    else:
        needs = [_r("police.need.memo"), _power_of_attorney(case), _r("police.need.statement")]
    if pr.region == "mainland":
        needs.append(_r("police.need.receipt"))
        # The case file holds no report date yet, so the steps are given in days.
        for step in police_deadlines(None):
            why.append(_r("police.step", days=step.days, start=step.start, what=step.what, cite=step.citation))
            ids += (step.rule,)
    citations = cls.citations + tuple(c for c in pr.citations if c not in cls.citations)
    return Route("police", name, status, tuple(why), tuple(needs), (), citations,
                 tuple(dict.fromkeys(ids)))


def police_payee(case: Case, police_route_: Route) -> Route | None:
    """The second competent unit: the bureau where a mainland company received the money (rules/payee.py)."""
    payee = reportable_payee(case)
    if payee is None:
        return None
    a = payee.account
    why = (_r("police.report_to.mainland", bureau=payee.bureau, unit=payee.unit),
           _r("police_payee.why", holder=a.holder_zh or a.holder or a.account, place=payee.place,
              cite=MPS_RULES_16))
    status: Status = "closed" if police_route_.status == "closed" else "open"
    return Route("police_payee", _r("police_payee.name"), status, why,
                 (_r("police.need.memo"), _r("police.need.receipt")), (), (MPS_RULES_16,),
                 ("police.jurisdiction", "police.proceeds_place", "police.bureau_name", "police.economic_unit"))


def police_resident(case: Case, police_route_: Route) -> Route | None:
    """A mainland bureau for a supplier registered elsewhere: where a suspect lives (rules/residence.py)."""
    r = mainland_resident(case)
    if r is None or reportable_payee(case) is not None:  # the payee's bureau already takes it to the mainland
        return None
    why = (_r("police.report_to.mainland", bureau=r.bureau, unit=r.unit),
           _r("police_resident.why", person=r.suspect.name_zh or r.suspect.name, place=r.place, cite=MPS_RULES_15))
    status: Status = "closed" if police_route_.status == "closed" else "open"
    return Route("police_resident", _r("police_resident.name"), status, why,
                 (_r("police.need.memo"), _power_of_attorney(case), _r("police.need.receipt")), (), (MPS_RULES_15,),
                 ("police.jurisdiction", "police.bureau_name", "police.economic_unit"))


def demand_missing(case: Case) -> tuple[str, ...]:
    """What the case file lacks before the demand letter can be made, as documents/demand_letter.py
    refuses it: the account to pay into, the law firm of a lawyer's letter. A plan that says
    "demand letter: now" while the letter cannot be made sends the client nowhere."""
    missing = []
    if case.claim.refund_account is None:
        missing.append("refund_account")
    if case.claim.sender == "agent" and (case.agent is None or not case.agent.firm or not case.agent.firm_zh):
        missing.append("agent")
    return tuple(missing)


def demand_letter(case: Case, today: dt.date) -> Route:
    by_firm = case.claim.sender == "agent"
    why: tuple[Reason, ...] = (_r("demand.why", days=case.claim.deadline_days),
                               _r("demand.by_firm" if by_firm else "demand.by_buyer"))
    why += tuple(_r(f"demand.missing.{m}") for m in demand_missing(case))
    late = late_avoidance(case, today)
    if late is not None:  # CISG Arts. 39(1), 49(2)(b): the seller may say the avoidance comes too late
        how = _r("demand.known_by.exhibit", number=late.exhibit) if late.exhibit else _r("demand.known_by.delivery")
        why += (_r("demand.late_notice", known=late.known_on, how=how, declared=late.declared_on, days=late.days),)
    return Route("demand_letter", _r("demand.name"), "open", why, (_r("demand.need.contents"),),
                 rules=("demand.law_firm",))


def civil(case: Case) -> Route:
    clause = case.order.arbitration_clause
    if clause == "cietac":
        return Route("civil", _r("civil.cietac.name"), "open", (_r("civil.cietac.why"),),
                     (_r("civil.cietac.need"),), rules=("civil.cietac_clause",))
    # a people's court is the forum of a mainland supplier; elsewhere the competent court is hedged
    court = {"mainland": "civil.court", "hong_kong": "civil.court_hong_kong"}.get(case.supplier.region,
                                                                               "civil.court_other")
    why = (_r("civil.other_body") if clause == "other" else _r(court),)
    return Route("civil", _r("civil.name"), "open", why,
                 (_power_of_attorney(case), _r("civil.need.translations")), rules=("civil.cietac_clause",))


def home_reports(case: Case) -> Route:
    country = case.client.country
    where, rule = {"US": ("us", "home.us_reports"), "GB": ("gb", "home.gb_reports")}.get(
        country, ("other", "home.other_reports"))
    return Route("home_reports", _r(f"home.{where}.name"), "open", (_r(f"home.{where}.why"),), rules=(rule,))


def samr(case: Case) -> Route | None:
    if case.outcome.kind != "counterfeit":
        return None
    if case.supplier.region != "mainland":
        return Route("samr_12315", _r("samr.name"), "closed", (_r("samr.not_mainland"),), rules=("samr.12315",))
    needs: tuple[Reason, ...] = (_r("samr.need"),)
    if not any(mk.registration_no for mk in case.outcome.trademarks):  # Trademark Law Art. 57(3): a registered mark
        needs += (_r("samr.need_mark"),)
    return Route("samr_12315", _r("samr.name"), "open", (_r("samr.why"),), needs, rules=("samr.12315",))


def settlement_dues(case: Case, today: dt.date) -> list[Deadline]:
    s = case.settlement
    if s is None:
        return []
    out: list[Deadline] = []
    scheduled = Decimal("0")
    for n, inst in enumerate(sorted(s.schedule, key=lambda i: i.due), 1):
        scheduled += inst.amount
        # receipts go to the earliest instalments first (case.stage.overdue): this one is paid on the
        # day the money received reached the sum scheduled up to it, whether before or after its day
        paid_on = history.covered_on(s, scheduled)
        amount = Figure(inst.amount, 2)
        what = (_r("settlement.instalment_paid", n=n, amount=amount, currency=s.currency) if paid_on
                else _r("settlement.instalment", n=n, amount=amount, currency=s.currency))
        out.append(Deadline(f"settlement.instalment{n}", inst.due, "settlement", "due", what,
                            missed=inst.due < today and paid_on is None, paid_on=paid_on))
    return out + history.guarantee(case, today)


def all_routes(case: Case, cls: Classification, today: dt.date) -> list[Route]:
    st = stage_of(case)
    ta = trade_assurance(case)
    routes = [history.trade_assurance(st, _from_finding("trade_assurance", _r("ta.name"), ta, today, _r("ta.act")))]
    for i, p in enumerate(case.payments, 1):
        if p.method == "card":
            routes.append(history.chargeback(case, chargeback_route(case, p, i, today)))
    routes.extend(_card_rights(case, today))
    for i, p in enumerate(case.payments, 1):
        if p.method in ("alipay", "wechat_pay"):
            routes.append(_from_finding(f"payapp.p{i}", _r("payapp.name", n=i), payment_app_dispute(p), today,
                                        None, i))
    report = history.police(case, st, police(case, cls), today)
    routes += report
    second = police_payee(case, report[0])
    if second is not None:
        routes.append(second)
    resident = police_resident(case, report[0])
    if resident is not None:
        routes.append(resident)
    routes += [history.demand(case, st, demand_letter(case, today), today), history.civil(case, st, civil(case), today),
               home_reports(case)]
    extra = samr(case)
    if extra is not None:
        routes.append(extra)
    written_pardon = history.pardon(case, st)
    if written_pardon is not None:
        routes.append(written_pardon)
    return history.settled(routes) if st.settlement == "paid" else routes
