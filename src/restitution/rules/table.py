"""The one readable table of domain rules.

Every rule the plan and the documents apply is a row here, with the section
of domain.md it comes from and that file's confidence mark:
[C] confirmed, [S] one secondary source or conflicting sources, [R] recollection
or inference, to be checked first. The functions in this package name the
rows they applied, so a plan can print exactly which rules it used.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Confidence = Literal["C", "S", "R"]


@dataclass(frozen=True)
class Rule:
    id: str
    text_en: str
    source: str  # domain.md section, and the provision or page family where useful
    confidence: Confidence
    text_zh: str = ""


RULES: list[Rule] = [
    # --- §C fraud and the police -------------------------------------------------
    Rule("police.art224_threshold",
         "Contract fraud (Criminal Law Art. 224) is filed for prosecution from RMB 20,000 "
         "(filing standards II, 2022, Art. 69); the old 5,000–20,000 figures are obsolete.",
         "domain.md §C Offences and thresholds", "C",
         "合同诈骗（刑法第二百二十四条）立案追诉标准为人民币二万元以上（立案追诉标准（二），2022年，第六十九条）。"),
    Rule("police.art266_range",
         "Fraud (Criminal Law Art. 266) is 'relatively large' from RMB 3,000–10,000; each province "
         "fixes its own figure in that range (Fa Shi [2011] No. 7, Art. 1).",
         "domain.md §C Offences and thresholds", "C",
         "诈骗罪（刑法第二百六十六条）“数额较大”为人民币三千元至一万元以上，由各省在幅度内确定（法释〔2011〕7号第一条）。"),
    Rule("police.art266_provincial",
         "Provincial 'relatively large' figures: Yunnan 5,000 and Chongqing 5,000 (2013) [C]; "
         "Jiangsu 6,000 [S].",
         "domain.md §C Offences and thresholds", "C",
         "各省“数额较大”标准：云南5,000元、重庆5,000元（2013年）；江苏6,000元（待核）。"),
    Rule("police.loss_in_cny",
         "State a foreign-currency loss in RMB at a stated rate and date.",
         "domain.md pitfall 5", "C", "外币损失应按注明日期和来源的汇率折算为人民币。"),
    Rule("police.fraud_test",
         "Fraud is told from a contract dispute by intent to take possession illegally: ability to "
         "perform, deceit, steps taken to perform, what was done with the money (absconding, "
         "going silent).",
         "domain.md §C Fraud vs a mere contract dispute", "C",
         "区分诈骗与经济纠纷的关键在于是否具有非法占有目的：履约能力、是否欺骗、是否实际履行、款项去向（携款潜逃、失联）。"),
    Rule("police.dispute_signs",
         "A real transaction background, partial genuine performance and willingness to negotiate "
         "point to a civil dispute; disputes over delay or quality without absconding are civil.",
         "domain.md §C Fraud vs a mere contract dispute", "C",
         "存在真实交易背景、部分实际履行、愿意协商的，倾向于民事纠纷；未潜逃、未隐匿的迟延或质量争议属民事纠纷。"),
    Rule("police.art224_means",
         "Art. 224 means include a fictitious entity, forged documents, partial performance as "
         "bait, and absconding after receiving payment or an advance.",
         "domain.md §C Offences and thresholds", "C",
         "刑法第二百二十四条列举的手段包括：虚构主体、伪造票据或证明、以小额履行诱骗、收款后逃匿。"),
    Rule("classify.capital_below_deal",
         "A registered capital below the value of the deal is read as a sign of no real ability "
         "to perform.",
         "domain.md §C fraud test, factor 1 (the comparison is an inference)", "R",
         "注册资本低于交易金额，视为缺乏实际履约能力的迹象（推断）。"),
    Rule("classify.weighing",
         "The plan calls a case likely fraud when it shows absconding or forged documents without "
         "continued negotiation, or more fraud signs than dispute signs (at least two); Art. 224 "
         "when the loss reaches RMB 20,000, else Art. 266. This is a screening aid, not a legal "
         "conclusion.",
         "domain.md §C (weighing is an inference)", "R",
         "存在逃匿或伪造文件且无继续协商迹象，或诈骗迹象多于纠纷迹象（至少两项）的，初步判断为诈骗；"
         "损失达二万元的按合同诈骗，否则按诈骗罪。本判断仅供筛查，不构成法律意见。"),
    Rule("police.jurisdiction",
         "Report to the PSB of the place of the crime or of the supplier entity's location "
         "(registered domicile, or principal place of business if different); the place where the "
         "proceeds were received also counts.",
         "domain.md §C Jurisdiction (Economic crime provisions 2017 Art. 8; MPS rules 2020 "
         "Arts. 15–17)", "C",
         "由犯罪地或单位所在地（注册地，主要营业地不一致的以主要营业地）公安机关管辖；赃款实际取得地亦属犯罪地。"),
    Rule("police.bureau_name",
         "The district/county bureau's name follows the usual pattern (city bureau + district "
         "branch; county bureau; county-level city bureau; municipality + district branch); "
         "the exact name must be checked before filing.",
         "domain.md pitfall 1 (naming pattern is inference)", "R",
         "区县公安机关名称按通常规律推定，提交前须核实确切名称。"),
    Rule("police.economic_unit",
         "Address a contract-fraud report to the bureau's economic-crime investigation unit "
         "(经侦支队/大队).",
         "domain.md §C Which police unit", "S", "合同诈骗报案应提交公安机关经济犯罪侦查部门（经侦支队/大队）。"),
    Rule("police.must_accept",
         "The police must accept a report of suspected economic crime whether or not they have "
         "jurisdiction, and issue a receipt on the spot.",
         "domain.md §C Right to report (CPL 2018 Art. 110; Economic crime provisions 2017 Art. 14)",
         "C", "公安机关对经济犯罪报案不论是否有管辖权均应接受，并当场出具接报案回执。"),
    Rule("police.decision_deadline",
         "Economic-crime leads: decision within 7 days; up to 30 days for complex leads; a further "
         "30 days for especially major or cross-regional ones.",
         "domain.md §C Deadlines (Economic crime provisions 2017 Art. 15)", "C",
         "经济犯罪线索应在7日内决定是否立案；重大疑难复杂的可延至30日；特别重大或跨区域的可再延长30日。"),
    Rule("police.refusal_notice",
         "A refusal to open a case is served on the complainant as a written notice "
         "(不予立案通知书) within 3 days.",
         "domain.md §C Deadlines (MPS rules 2020 Art. 178)", "C", "决定不予立案的，应在3日内向控告人送达不予立案通知书。"),
    Rule("police.reconsideration",
         "Reconsideration (复议) may be applied for within 7 days of receiving the refusal; the "
         "bureau decides within 30 days (extendable by 30 for complex cases).",
         "domain.md §C Deadlines (MPS rules 2020 Art. 179)", "C", "控告人可在收到不予立案通知书后7日内申请复议，公安机关在30日内作出决定。"),
    Rule("police.review",
         "Review (复核) by the next-level bureau: apply within 7 days of the reconsideration "
         "decision; decided within 30 days.",
         "domain.md §C Deadlines (MPS rules 2020 Art. 179)", "C", "对复议决定不服的，可在7日内向上一级公安机关申请复核，30日内作出决定。"),
    Rule("police.supervision",
         "The procuratorate can be asked to supervise a refusal (立案监督); the bureau explains in "
         "writing within 7 days and, if ordered, opens the case within 15 days.",
         "domain.md §C Deadlines (CPL 2018 Art. 113)", "C",
         "可申请人民检察院立案监督；公安机关应在7日内书面说明不立案理由，经通知立案的应在15日内立案。"),
    Rule("police.statement_in_person",
         "Expect the victim to give a statement in person or by video.",
         "domain.md §C The victim may have to give a statement in person", "S", "被害人可能需要本人到场或视频作询问笔录。"),
    Rule("police.hong_kong",
         "A Hong Kong-registered supplier is reported to the Hong Kong Police (police station or "
         "e-Report Centre) under Theft Ordinance s.16A / s.17, in English or Traditional Chinese; "
         "a mainland bureau may also be competent if it operates from the mainland.",
         "domain.md §C Hong Kong-registered supplier", "C",
         "香港注册的供应商应向香港警务处报案（警署或网上报案中心），援引《盗窃罪条例》第16A条、第17条。"),
    # --- §E chargebacks ------------------------------------------------------------
    Rule("chargeback.authorised",
         "A buyer who chose to pay authorised the payment: use cardholder-dispute codes (Visa 13.x, "
         "Mastercard 4853), never the fraud codes (Visa 10.4, Mastercard 4837).",
         "domain.md §E Mastercard (fraud codes)", "C",
         "买方自行付款属于授权交易，应使用持卡人争议类代码（Visa 13.x、万事达4853），不得使用欺诈类代码（10.4/4837）。"),
    Rule("chargeback.visa_codes",
         "Visa: 13.1 not received, 13.3 not as described or defective, 13.4 counterfeit, "
         "13.5 misrepresentation.",
         "domain.md §E Visa", "C", "Visa：13.1未收到货物，13.3与描述不符或有缺陷，13.4假冒商品，13.5虚假陈述。"),
    Rule("chargeback.mastercard_4853",
         "Mastercard: 4853 Cardholder Dispute covers not provided, not as described, defective and "
         "counterfeit goods.",
         "domain.md §E Mastercard", "C", "万事达：4853持卡人争议涵盖未提供、与描述不符、有缺陷及假冒商品。"),
    Rule("chargeback.other_networks",
         "Other networks (Amex, UnionPay, Discover, JCB): use the network's cardholder-dispute "
         "route; domain.md gives no code numbers for them.",
         "domain.md §E (no source for these networks)", "R", "其他卡组织：按其持卡人争议程序办理；资料中未给出代码。"),
    Rule("chargeback.window_120",
         "File within 120 days of the processing date, or of the expected delivery date when "
         "later (Visa [C]; Mastercard's start date [S]).",
         "domain.md §E Visa 13.1, Mastercard 4853", "C", "应在交易处理日或预计交货日（以较晚者为准）起120日内提出。"),
    Rule("chargeback.receipt_start",
         "Counterfeit (13.4, 4853) and misrepresentation (13.5) may count from receipt of the goods.",
         "domain.md §E Visa 13.4, 13.5; Mastercard 4853 counterfeit", "C", "假冒（13.4、4853）及虚假陈述（13.5）可自收货日起算。"),
    Rule("chargeback.cap_540",
         "Never more than 540 days after the transaction.",
         "domain.md §E Visa 13.1, Mastercard 4853", "C", "无论如何不得超过交易日后540日。"),
    Rule("chargeback.visa_wait_15",
         "Visa 13.1 with no delivery date: wait 15 days from the transaction before filing.",
         "domain.md §E Visa 13.1", "C", "Visa 13.1未约定交货日的，须自交易日起等待15日。"),
    Rule("chargeback.mastercard_wait_30",
         "Mastercard 4853 not provided with no delivery date: wait 30 days from the transaction, "
         "waived when the merchant is out of business or will not perform.",
         "domain.md §E Mastercard", "C", "万事达4853未约定交货日的，须等待30日；商户停业或拒绝履行的除外。"),
    Rule("chargeback.after_expected_delivery",
         "With a delivery date, 'not received' can only be certified after that date has passed.",
         "domain.md §E (inference from the 13.1 certification)", "R", "约定交货日的，须在该日期届满后方能主张未收到货物。"),
    Rule("chargeback.visa_return_wait",
         "Visa 13.3: describe the return or attempted return; wait 15 days after a return.",
         "domain.md §E Visa 13.3", "C", "Visa 13.3：须说明退货或尝试退货情况；退货后须等待15日。"),
    Rule("chargeback.issuer_deadline",
         "The card issuer may set a shorter deadline than the network's: ask it.",
         "domain.md §E Visa", "C", "发卡行可能设定比卡组织更短的期限，应向其确认。"),
    Rule("chargeback.no_wire",
         "A wire transfer, Alipay or WeChat transfer has no card-scheme chargeback.",
         "domain.md §E Payments that no card scheme protects", "S", "电汇、支付宝或微信转账不适用银行卡拒付。"),
    Rule("fcba.notice_60",
         "US FCBA: a written billing-error notice must reach the creditor within 60 days after the "
         "first statement showing the charge (15 U.S.C. 1666).",
         "domain.md §E US Fair Credit Billing Act", "C", "美国《公平信用结算法》：书面账单错误通知须在首次列示该笔款项的账单寄出后60日内送达发卡机构。"),
    Rule("fcba.consumer_only",
         "FCBA covers open-end consumer credit only: no billing-error right on a business card; "
         "debit cards fall under Reg E [S].",
         "domain.md §E US Fair Credit Billing Act", "C", "该法仅适用于个人消费信用卡；商务卡不适用，借记卡适用E条例。"),
    Rule("s75.price_band",
         "UK s.75: the cash price of a single item must be over GBP 100 and not more than "
         "GBP 30,000; part payment by card is enough.",
         "domain.md §E UK Consumer Credit Act 1974 s.75", "C", "英国第75条：单件商品现金价格须高于100英镑且不超过30,000英镑；部分以信用卡支付即可。"),
    Rule("s75.regulated_credit",
         "s.75 needs a regulated consumer credit agreement; business or corporate cards and debit "
         "cards are generally outside it.",
         "domain.md §E UK s.75 (regulated agreement [C]; business/debit cards [R])", "R",
         "第75条须为受监管的消费信贷协议；商务卡与借记卡一般不适用。"),
    Rule("s75.foreign_suppliers",
         "s.75 covers purchases from foreign suppliers (OFT v Lloyds TSB [2007] UKHL 48).",
         "domain.md §E UK s.75", "C", "第75条适用于向境外供应商的购买。"),
    Rule("payapp.complaint",
         "Alipay: bill → order details → refund/complaint, report centre, hotline 95188. WeChat Pay: "
         "bill details → complaint, hotline 95017; a completed transfer cannot be reversed by "
         "complaint, only frozen on police request.",
         "domain.md §E Alipay and WeChat Pay", "S",
         "支付宝：账单→订单详情→退换/投诉，举报中心，95188；微信支付：账单详情→投诉商家，95017；已完成的转账不能通过投诉撤回，只能由公安机关冻结。"),
    # --- §F Trade Assurance -------------------------------------------------------------
    Rule("ta.coverage",
         "Trade Assurance covers goods not shipped on time and goods not meeting the contract's "
         "quality standards.",
         "domain.md §F", "C", "信保订单保障未按时发货及质量不符合合同标准。"),
    Rule("ta.platform_payment",
         "Only payments made through Alibaba.com to the designated account are covered; a wire to "
         "the supplier's private account is not.",
         "domain.md §F Payment must go through Alibaba.com", "C", "仅通过阿里巴巴平台向指定账户支付的款项受保障；汇入供应商私人账户的不受保障。"),
    Rule("ta.window_30",
         "A claim must be made within 30 days after the date of confirmed receipt.",
         "domain.md §F Claim window", "C", "须在确认收货后30日内提出。"),
    Rule("ta.process",
         "Apply for Refund on the order; the supplier answers in 3 days, escalate on day 4; "
         "unresolved disputes escalate to Alibaba's determination.",
         "domain.md §F Process", "C", "在订单中申请退款；供应商3日内回复，第4日可升级至平台裁决。"),
    Rule("ta.acquiesced",
         "Breaches the buyer accepted in writing (e.g. agreeing to a delay) are not covered.",
         "domain.md §F What TA does not cover", "C", "买方书面接受的违约（如同意延期）不受保障。"),
    # --- §D demand letter and civil routes ---------------------------------------------
    Rule("demand.law_firm",
         "Only a law firm issues a 律师函; a letter the buyer sends is a demand letter (催告函).",
         "domain.md §D", "C", "律师函只能由律师事务所出具；买方自行发出的为催告函。"),
    Rule("civil.cietac_clause",
         "CIETAC arbitration is available, and may be threatened, only with a CIETAC clause in the "
         "contract or PO; otherwise the forum is a people's court.",
         "domain.md §D CIETAC model clause (consequence)", "R", "仅在合同或订单含贸仲条款时方可申请或提及贸仲仲裁；否则由人民法院管辖。"),
    # --- beyond domain.md: information routes, marked as such ---------------------------
    Rule("home.us_reports",
         "US buyers can report internet fraud to the FBI's IC3 and to the FTC.",
         "not in domain.md", "R", "美国买方可向FBI互联网犯罪投诉中心（IC3）及联邦贸易委员会（FTC）报告。"),
    Rule("home.gb_reports",
         "UK buyers report fraud to Action Fraud.",
         "not in domain.md", "R", "英国买方可向Action Fraud报告诈骗。"),
    Rule("home.other_reports",
         "Elsewhere: the national police or consumer authority, for information.",
         "not in domain.md", "R", "其他国家：可向本国警方或消费者保护机构报告，供参考。"),
    Rule("samr.12315",
         "Counterfeit goods from a mainland seller can be reported to the market regulator (SAMR) "
         "through 12315.",
         "DESIGN.md (route named; no domain.md source)", "R", "大陆卖家销售假冒商品的，可通过12315向市场监管部门投诉举报。"),
]

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
assert len(RULES_BY_ID) == len(RULES), "duplicate rule id"


def rule(rule_id: str) -> Rule:
    """The rule with this id; a KeyError names it, so a typo fails a test, not a user."""
    return RULES_BY_ID[rule_id]
