"""The routes to the money, each with its status, reasons, needs and dated deadlines."""
from __future__ import annotations

import datetime as dt
from decimal import Decimal

from restitution.case.model import Case, Payment
from restitution.plan.model import Classification, Deadline, DeadlineKind, Route
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

_NETWORK = {"visa": "Visa", "mastercard": "Mastercard", "amex": "American Express",
            "unionpay": "UnionPay", "discover": "Discover", "jcb": "JCB"}


def _deadline(route: str, what: str, date: dt.date, kind: DeadlineKind, en: str, zh: str,
              today: dt.date) -> Deadline:
    return Deadline(f"{route}.{what}", date, route, kind, en, zh,
                    missed=kind != "earliest" and date < today)


def _from_finding(route_id: str, name_en: str, name_zh: str, f: Finding, today: dt.date,
                  act_en: str, act_zh: str, payment: int | None = None) -> Route:
    deadlines: tuple[Deadline, ...] = ()
    why_en, why_zh = f.why_en, f.why_zh
    if f.deadline is not None:
        deadlines = (_deadline(route_id, "deadline", f.deadline, "deadline", act_en, act_zh, today),)
    if f.deadline_en:
        why_en += (f"Deadline: {f.deadline_en}.",)
        why_zh += (f"期限：{f.deadline_zh}。",)
    return Route(route_id, name_en, name_zh, f.status(today), why_en, why_zh, f.needs_en, f.needs_zh,
                 deadlines, f.citations, f.rules, payment)


def _card_label(p: Payment) -> str:
    assert p.card is not None
    return f"{_NETWORK[p.card.network]} •{p.card.last4}"


def chargeback_route(case: Case, payment: Payment, index: int, today: dt.date) -> Route:
    w = chargeback_window(case, payment)
    assert w.reason is not None
    rid = f"chargeback.p{index}"
    label = _card_label(payment)
    why_en = [f"Dispute under {w.reason.label_en}: the buyer authorised the payment, so not a fraud "
              f"claim.", w.basis_en]
    why_zh = [f"按{w.reason.label_zh}提出争议：付款系买方授权，不属于盗刷欺诈。", w.basis_zh]
    for alt in alternative_reasons(payment.card.network, case.outcome.kind):  # type: ignore[union-attr]
        why_en.append(f"The issuer may prefer {alt.label_en}.")
        why_zh.append(f"发卡行也可能采用{alt.label_zh}。")
    deadlines = [_deadline(rid, "latest", w.latest, "deadline",
                           f"Last day to dispute the {label} charge with the issuer",
                           f"向发卡行就{label}交易提出争议的最后一日", today)]
    if w.earliest is not None:
        deadlines.insert(0, _deadline(rid, "earliest", w.earliest, "earliest",
                                      f"First day the {label} dispute may be filed",
                                      f"可就{label}交易提出争议的第一日", today))
    return Route(rid, f"Chargeback ({label}, payment {index})", f"拒付申请（{label}，第{index}笔付款）",
                 w.status(today), tuple(why_en), tuple(why_zh),
                 w.reason.requirements_en, w.reason.requirements_zh, tuple(deadlines), (),
                 w.rules, index)


def _card_rights(case: Case, today: dt.date) -> list[Route]:
    country = case.client.country
    if country not in ("US", "GB"):
        return []
    check, key, name_en, name_zh = (
        (fcba, "fcba", "FCBA billing-error notice", "美国《公平信用结算法》账单错误通知") if country == "US"
        else (section75, "s75", "Section 75 claim", "英国第75条连带责任索赔"))
    cards = [(i, p) for i, p in enumerate(case.payments, 1) if p.method == "card"]
    if not cards:
        # Pitfall 7: no statutory card right, and no chargeback, exists for a wire.
        f = check(case, case.payments[0])
        return [Route(key, name_en, name_zh, "closed",
                      ("No payment in this case was made by card.",),
                      ("本案没有以银行卡支付的款项。",), rules=f.rules + ("chargeback.no_wire",))]
    act_en = "Billing-error notice must reach the card issuer" if key == "fcba" else "Claim under s.75"
    act_zh = "账单错误通知须送达发卡机构" if key == "fcba" else "依第75条提出索赔"
    return [_from_finding(f"{key}.p{i}", f"{name_en} ({_card_label(p)}, payment {i})",
                          f"{name_zh}（{_card_label(p)}，第{i}笔付款）", check(case, p), today,
                          act_en, act_zh, i) for i, p in cards]


def police(case: Case, cls: Classification) -> Route:
    pr = police_route(case)
    ids = pr.rules + ("police.statement_in_person",)
    if pr.body_zh is None:
        return Route("police", "Police report", "刑事报案", "unknown", (pr.note_en,), (pr.note_zh,), rules=ids)
    body = f"{pr.body_zh}{pr.unit_zh}" if pr.region == "mainland" else f"{pr.body_en} ({pr.body_zh})"
    why_en = [f"Report to {body}.", pr.note_en]
    why_zh = [f"向{pr.body_zh}{pr.unit_zh or ''}报案。", pr.note_zh]
    status = "open"
    if cls.conclusion == "civil_dispute":
        status = "closed"
        why_en.insert(0, "The case reads as a civil dispute (see the classification): a report would "
                         "likely be refused.")
        why_zh.insert(0, "本案目前更像民事纠纷（见案件定性），报案很可能不予立案。")
    elif pr.region == "mainland" and cls.loss.art266_reached is False:
        status = "closed"
        why_en.insert(0, "The loss is below the fraud threshold: " + cls.loss.note_en)
        why_zh.insert(0, "损失低于诈骗罪立案标准：" + cls.loss.note_zh)
    else:
        why_en.insert(0, f"{cls.label_en}: see the classification.")
        why_zh.insert(0, f"{cls.label_zh}：见案件定性。")
    needs_en = ["the police-report memo and the evidence index, with Chinese translations",
                "a power of attorney with special authority, notarised and apostilled (or legalised)",
                "a statement by the buyer in person or by video"]
    needs_zh = ["报案材料及证据目录（附中文译文）", "含特别授权的授权委托书，经公证及附加证明书（或领事认证）",
                "买方本人到场或视频作询问笔录"]
    if pr.region == "mainland":
        needs_en.append("ask for the on-the-spot receipt, and a written notice if refused")
        needs_zh.append("当场索取接报案回执；不予立案的，索取书面通知书")
        # The case file holds no report date yet, so the steps are given in days.
        for step in police_deadlines(None):
            why_en.append(f"{step.days} days from {step.counted_from_en}: {step.text_en} "
                          f"({step.citation.en()}).")
            why_zh.append(f"自{step.counted_from_zh}起{step.days}日：{step.text_zh}（{step.citation.zh()}）。")
            ids += (step.rule,)
    citations = cls.citations + tuple(c for c in pr.citations if c not in cls.citations)
    return Route("police", "Police report", "刑事报案", status, tuple(why_en), tuple(why_zh),
                 tuple(needs_en), tuple(needs_zh), (), citations, tuple(dict.fromkeys(ids)))


def demand_letter(case: Case) -> Route:
    by_firm = case.claim.sender == "agent"
    why_en = [f"A demand giving the supplier {case.claim.deadline_days} days to pay, sent by EMS or "
              f"registered mail with tracking."]
    why_zh = [f"书面催告供应商在{case.claim.deadline_days}日内付款，以EMS或挂号信寄送并保留投递凭证。"]
    if by_firm:
        why_en.append("Sent by the law firm, it is a 律师函 with the firm's seal and letter number.")
        why_zh.append("由律师事务所出具的为律师函，须加盖律所公章并编发函号。")
    else:
        why_en.append("Sent by the buyer itself, it is a demand letter (催告函), not a 律师函.")
        why_zh.append("由买方自行发出的为催告函，不得称为律师函。")
    return Route("demand_letter", "Demand letter", "催告函/律师函", "open", tuple(why_en), tuple(why_zh),
                 ("the amount in figures and in words, the order number, the payee account",),
                 ("金额（小写及大写）、订单号、收款账户",), rules=("demand.law_firm",))


def civil(case: Case) -> Route:
    clause = case.order.arbitration_clause
    if clause == "cietac":
        return Route("civil", "CIETAC arbitration", "中国国际经济贸易仲裁委员会仲裁", "open",
                     ("The contract has a CIETAC clause: arbitration is the forum, and the demand "
                      "letter may say so.",),
                     ("合同含贸仲仲裁条款：应提起仲裁，催告函可据此提及仲裁。",),
                     ("the contract with the clause, the evidence index, a Chinese translation",),
                     ("含仲裁条款的合同、证据目录及中文译文",), rules=("civil.cietac_clause",))
    if clause == "other":
        why_en = ("The contract names another arbitration body: bring the claim there; do not "
                  "threaten CIETAC.",)
        why_zh = ("合同约定了其他仲裁机构：应向该机构申请仲裁，不得以贸仲相威胁。",)
    else:
        why_en = ("No arbitration clause: the forum is a people's court; do not threaten CIETAC.",)
        why_zh = ("合同无仲裁条款：应向人民法院起诉，不得以贸仲仲裁相威胁。",)
    return Route("civil", "Civil suit or arbitration", "民事诉讼或仲裁", "open", why_en, why_zh,
                 ("a power of attorney with special authority, notarised and apostilled (or legalised)",
                  "Chinese translations of every foreign-language exhibit"),
                 ("含特别授权的授权委托书（经公证及附加证明书或领事认证）", "全部外文证据的中文译文"),
                 rules=("civil.cietac_clause",))


def home_reports(case: Case) -> Route:
    country = case.client.country
    if country == "US":
        return Route("home_reports", "Reports at home: IC3 and FTC", "本国报告：IC3及FTC", "open",
                     ("Report the fraud to the FBI's Internet Crime Complaint Center (IC3) and the "
                      "Federal Trade Commission, for the record and for your bank.",),
                     ("向美国联邦调查局互联网犯罪投诉中心（IC3）及联邦贸易委员会报告，以备存档及供银行参考。",),
                     rules=("home.us_reports",))
    if country == "GB":
        return Route("home_reports", "Report at home: Action Fraud", "本国报告：Action Fraud", "open",
                     ("Report the fraud to Action Fraud and keep the crime reference number.",),
                     ("向Action Fraud报告并保存案件编号。",), rules=("home.gb_reports",))
    return Route("home_reports", "Report at home", "本国报告", "open",
                 ("For information: report to the national police or consumer authority of the "
                  "client's country.",),
                 ("供参考：可向委托人所在国警方或消费者保护机构报告。",), rules=("home.other_reports",))


def samr(case: Case) -> Route | None:
    if case.outcome.kind != "counterfeit":
        return None
    if case.supplier.region != "mainland":
        return Route("samr_12315", "Market-regulator complaint (12315)", "市场监管投诉举报（12315）", "closed",
                     ("12315 is the mainland market regulator; the supplier is not a mainland company.",),
                     ("12315为内地市场监管部门渠道；供应商并非内地企业。",), rules=("samr.12315",))
    return Route("samr_12315", "Market-regulator complaint (12315)", "市场监管投诉举报（12315）", "open",
                 ("Counterfeit goods from a mainland seller: complain to the market regulator (SAMR) "
                  "through 12315.",),
                 ("大陆卖家销售假冒商品：可通过12315向市场监管部门投诉举报。",),
                 ("the listing, the goods' photos, the counterfeit identification",),
                 ("商品页面、货物照片、假冒鉴定意见",), rules=("samr.12315",))


def settlement_dues(case: Case, today: dt.date) -> list[Deadline]:
    s = case.settlement
    if s is None:
        return []
    out: list[Deadline] = []
    scheduled = Decimal("0")
    for n, inst in enumerate(sorted(s.schedule, key=lambda i: i.due), 1):
        scheduled += inst.amount
        paid_enough = s.received_total >= scheduled
        out.append(Deadline(f"settlement.instalment{n}", inst.due, "settlement", "due",
                            f"Instalment {n} of {inst.amount:,.2f} {s.currency} due from the supplier",
                            f"供应商应付第{n}期款项{inst.amount:,.2f} {s.currency}",
                            missed=inst.due < today and not paid_enough))
    return out


def all_routes(case: Case, cls: Classification, today: dt.date) -> list[Route]:
    ta = trade_assurance(case)
    routes = [_from_finding("trade_assurance", "Trade Assurance refund claim", "信用保障退款申请", ta, today,
                            "Last day for the Trade Assurance claim", "信保索赔最后一日")]
    for i, p in enumerate(case.payments, 1):
        if p.method == "card":
            routes.append(chargeback_route(case, p, i, today))
    routes.extend(_card_rights(case, today))
    for i, p in enumerate(case.payments, 1):
        if p.method in ("alipay", "wechat_pay"):
            routes.append(_from_finding(f"payapp.p{i}", f"In-app complaint (payment {i})",
                                        f"应用内投诉（第{i}笔付款）", payment_app_dispute(p), today, "", "", i))
    routes += [police(case, cls), demand_letter(case), civil(case), home_reports(case)]
    extra = samr(case)
    if extra is not None:
        routes.append(extra)
    return routes
