"""Fraud or contract dispute: weigh the signs in the case file (domain.md §C).

The police refuse a report that reads like a late delivery or a quality
complaint, so the plan says up front which signs of intent to take possession
illegally the case shows, which signs of an ordinary dispute, and what that
adds up to. It is a screening aid: the weighing rule is itself marked [R].
"""
from __future__ import annotations

from restitution.case.model import Case
from restitution.plan.model import Classification, Sign
from restitution.rules import (
    CRIMINAL_LAW_224,
    CRIMINAL_LAW_266,
    FILING_STANDARD_69,
    FRAUD_INTERPRETATION_1,
    HK_THEFT_16A,
    loss_check,
)

# indicator key -> (English, Chinese); the order is the order printed
_FRAUD_SIGNS = {  # each reads after "The supplier" / "供应商"
    "vanished_after_payment": ("stopped answering or disappeared after the payment", "收款后失联或下线"),
    "seller_unreachable": ("cannot be reached", "无法联系"),
    "fake_address": ("gave a false address", "所留地址虚假"),
    "forged_documents": ("used forged or altered documents", "使用伪造、变造的文件"),
    "recently_registered": ("was registered shortly before the order", "在下单前不久才注册成立"),
    "registered_capital_cny": ("has a registered capital below the value of the deal", "注册资本低于交易金额"),
    "personal_email_used": ("dealt through personal e-mail accounts", "使用个人邮箱联络"),
    "shipped_junk": ("shipped worthless goods in place of the order", "以无价值货物冒充订货发运"),
    "refused_escrow": ("refused escrow or platform payment", "拒绝使用第三方托管或平台支付"),
}
_DISPUTE_SIGNS = {
    "partial_performance": ("performed part of the contract genuinely", "部分实际履行了合同"),
    "continued_negotiation": ("is still negotiating", "仍在协商"),
    "partial_delivery": ("delivered part of the goods", "已交付部分货物"),
}
# Absconding after payment and forged documents are Art. 224 means on their own.
_STRONG = {"vanished_after_payment", "seller_unreachable", "forged_documents"}


def _signs(case: Case) -> tuple[list[Sign], list[Sign]]:
    ind = case.indicators
    present = {key for key in _FRAUD_SIGNS if key != "registered_capital_cny" and getattr(ind, key, False)}
    if case.outcome.seller_unreachable:
        present.add("seller_unreachable")
    amount_cny = case.claim.amount_cny
    if ind.registered_capital_cny is not None and amount_cny is not None and ind.registered_capital_cny < amount_cny:
        present.add("registered_capital_cny")
    fraud = [Sign(k, *_FRAUD_SIGNS[k]) for k in _FRAUD_SIGNS if k in present]
    dispute_present = {k for k in ("partial_performance", "continued_negotiation") if getattr(ind, k)}
    if case.outcome.kind == "partial_delivery":
        dispute_present.add("partial_delivery")
    dispute = [Sign(k, *_DISPUTE_SIGNS[k]) for k in _DISPUTE_SIGNS if k in dispute_present]
    return fraud, dispute


def _join(items: list[str], lang: str) -> str:
    if lang == "zh":
        return "、".join(items)
    if len(items) <= 1:
        return "".join(items)
    return ", ".join(items[:-1]) + " and " + items[-1]


def classify(case: Case) -> Classification:
    fraud, dispute = _signs(case)
    keys = {s.key for s in fraud}
    loss = loss_check(case)
    rules = ["police.fraud_test", "police.dispute_signs", "police.art224_means", "classify.weighing",
             "police.art224_threshold", "police.art266_range", "police.loss_in_cny"]
    if "registered_capital_cny" in keys or case.indicators.registered_capital_cny is not None:
        rules.append("classify.capital_below_deal")
    if loss.art266.provincial:
        rules.append("police.art266_provincial")

    strong = bool(keys & _STRONG)
    negotiating = any(s.key == "continued_negotiation" for s in dispute)
    criminal = (strong and not negotiating) or (len(fraud) >= 2 and len(fraud) > len(dispute))
    hk = case.supplier.region == "hong_kong"

    fraud_en = _join([s.text_en for s in fraud], "en")
    fraud_zh = _join([s.text_zh for s in fraud], "zh")
    dispute_en = _join([s.text_en for s in dispute], "en")
    dispute_zh = _join([s.text_zh for s in dispute], "zh")
    if not criminal:
        why_en = ("The case shows " + (f"signs of an ordinary dispute (the supplier {dispute_en})"
                                       if dispute else "no sign of intent to take the money")
                  + (f"; the only fraud signs: the supplier {fraud_en}" if fraud else "")
                  + ". A report would likely be refused as a contract dispute: pursue the money by "
                    "demand, platform, card and civil routes, and add any fraud signs to the case "
                    "file if they exist.")
        why_zh = ("本案" + (f"存在经济纠纷迹象（供应商{dispute_zh}）" if dispute else "未显示非法占有目的")
                  + (f"，诈骗迹象仅有：供应商{fraud_zh}" if fraud else "")
                  + "。报案很可能以经济纠纷为由不予立案；应通过催告、平台、银行卡及民事途径追偿；如另有诈骗迹象，请补充至案件文件。")
        return Classification("civil_dispute", "Likely a civil dispute", "初步判断为民事纠纷",
                              why_en, why_zh, tuple(fraud), tuple(dispute), loss, (), tuple(rules))

    base_en = f"The supplier {fraud_en}"
    base_zh = f"供应商{fraud_zh}"
    if dispute:
        base_en += f"; against this, it {dispute_en}"
        base_zh += f"；但同时{dispute_zh}"
    base_en += ". These point to intent to take the money rather than a failed contract."
    base_zh += "。上述情形指向非法占有目的，而非单纯的合同履行失败。"
    if hk:
        return Classification(
            "fraud", "Likely fraud (Theft Ordinance s.16A)", "初步判断为欺诈（《盗窃罪条例》第16A条）",
            base_en + " Hong Kong law sets no amount threshold for reporting.",
            base_zh + "香港法律对报案无金额门槛。",
            tuple(fraud), tuple(dispute), loss, (HK_THEFT_16A,), tuple(rules + ["police.hong_kong"]))
    if loss.amount_cny is None:
        tail_en = (" Contract fraud if the loss reaches RMB 20,000: " + loss.note_en)
        tail_zh = "如损失达到人民币二万元则构成合同诈骗：" + loss.note_zh
        return Classification("contract_fraud", "Likely contract fraud (Art. 224), subject to the RMB amount",
                              "初步判断为合同诈骗（第二百二十四条），以人民币金额为准",
                              base_en + tail_en, base_zh + tail_zh, tuple(fraud), tuple(dispute), loss,
                              (CRIMINAL_LAW_224, FILING_STANDARD_69), tuple(rules))
    if loss.art224_reached:
        return Classification("contract_fraud", "Likely contract fraud (Art. 224)", "初步判断为合同诈骗（第二百二十四条）",
                              base_en + " The money was obtained through a contract. " + loss.note_en,
                              base_zh + "款项系在签订、履行合同过程中取得；" + loss.note_zh,
                              tuple(fraud), tuple(dispute), loss, (CRIMINAL_LAW_224, FILING_STANDARD_69),
                              tuple(rules))
    below = "" if loss.art266_reached else (
        " The loss is below the fraud threshold, so the police are unlikely to open a case: "
        "use the civil and payment routes.")
    below_zh = "" if loss.art266_reached else "损失低于诈骗罪立案标准，公安机关很可能不予立案，应采用民事及支付途径。"
    return Classification("fraud", "Likely fraud (Art. 266)", "初步判断为诈骗（第二百六十六条）",
                          base_en + " " + loss.note_en + below, base_zh + loss.note_zh + below_zh,
                          tuple(fraud), tuple(dispute), loss, (CRIMINAL_LAW_266, FRAUD_INTERPRETATION_1),
                          tuple(rules))
