"""The one readable table of domain rules.

Every rule the plan and the documents apply is a row here, with the section
of domain.md it comes from and that file's confidence mark:
[C] confirmed, [S] one secondary source or conflicting sources, [R] recollection
or inference, to be checked first. The functions in this package name the
rows they applied, so a plan can print exactly which rules it used.

The rows hold facts only (id, source, mark); what a rule says, in each
language, is the catalogue entry ``rules.table.<id>``
(templates/<lang>/phrases/rules.yaml), so a translator or a firm rewords a
rule without touching code. A test checks that every row has its wording in
every bundled catalogue.
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Literal

if TYPE_CHECKING:
    from restitution.language.catalogue import Catalogue

Confidence = Literal["C", "S", "R"]


@dataclass(frozen=True)
class Rule:
    id: str
    source: str  # domain.md section, and the provision or page family where useful
    confidence: Confidence

    @property
    def key(self) -> str:
        """Its wording's key in the phrase catalogues."""
        return f"rules.table.{self.id}"

    def word(self, words: Catalogue) -> str:
        return words(self.key)


RULES: list[Rule] = [
    # --- §C fraud and the police -------------------------------------------------
    Rule("police.art224_threshold", "domain.md §C Offences and thresholds", "C"),
    Rule("police.art266_range", "domain.md §C Offences and thresholds", "C"),
    Rule("police.art266_provincial", "domain.md §C Offences and thresholds", "C"),
    Rule("police.loss_in_cny", "domain.md pitfall 5", "C"),
    Rule("police.fraud_test", "domain.md §C Fraud vs a mere contract dispute", "C"),
    Rule("police.dispute_signs", "domain.md §C Fraud vs a mere contract dispute", "C"),
    Rule("police.art224_means", "domain.md §C Offences and thresholds", "C"),
    Rule("classify.capital_below_deal", "domain.md §C fraud test, factor 1 (the comparison is an inference)", "R"),
    Rule("classify.weighing", "domain.md §C (weighing is an inference)", "R"),
    Rule("police.jurisdiction", "domain.md §C Jurisdiction (Economic crime provisions 2017 Art. 8; MPS rules 2020 Arts. 15–17)", "C"),
    Rule("police.bureau_name", "domain.md pitfall 1 (naming pattern is inference)", "R"),
    Rule("police.economic_unit", "domain.md §C Which police unit", "S"),
    Rule("police.must_accept", "domain.md §C Right to report (CPL 2018 Art. 110; Economic crime provisions 2017 Art. 14)", "C"),
    Rule("police.decision_deadline", "domain.md §C Deadlines (Economic crime provisions 2017 Art. 15)", "C"),
    Rule("police.refusal_notice", "domain.md §C Deadlines (MPS rules 2020 Art. 178)", "C"),
    Rule("police.reconsideration", "domain.md §C Deadlines (MPS rules 2020 Art. 179)", "C"),
    Rule("police.review", "domain.md §C Deadlines (MPS rules 2020 Art. 179)", "C"),
    Rule("police.supervision", "domain.md §C Deadlines (CPL 2018 Art. 113)", "C"),
    Rule("police.statement_in_person", "domain.md §C The victim may have to give a statement in person", "S"),
    Rule("police.hong_kong", "domain.md §C Hong Kong-registered supplier", "C"),
    # --- §E chargebacks ------------------------------------------------------------
    Rule("chargeback.authorised", "domain.md §E Mastercard (fraud codes)", "C"),
    Rule("chargeback.visa_codes", "domain.md §E Visa", "C"),
    Rule("chargeback.mastercard_4853", "domain.md §E Mastercard", "C"),
    Rule("chargeback.other_networks", "domain.md §E (no source for these networks)", "R"),
    Rule("chargeback.window_120", "domain.md §E Visa 13.1, Mastercard 4853", "C"),
    Rule("chargeback.receipt_start", "domain.md §E Visa 13.4, 13.5; Mastercard 4853 counterfeit", "C"),
    Rule("chargeback.cap_540", "domain.md §E Visa 13.1, Mastercard 4853", "C"),
    Rule("chargeback.visa_wait_15", "domain.md §E Visa 13.1", "C"),
    Rule("chargeback.mastercard_wait_30", "domain.md §E Mastercard", "C"),
    Rule("chargeback.after_expected_delivery", "domain.md §E (inference from the 13.1 certification)", "R"),
    Rule("chargeback.visa_return_wait", "domain.md §E Visa 13.3", "C"),
    Rule("chargeback.issuer_deadline", "domain.md §E Visa", "C"),
    Rule("chargeback.no_wire", "domain.md §E Payments that no card scheme protects", "S"),
    Rule("fcba.notice_60", "domain.md §E US Fair Credit Billing Act", "C"),
    Rule("fcba.consumer_only", "domain.md §E US Fair Credit Billing Act", "C"),
    Rule("s75.price_band", "domain.md §E UK Consumer Credit Act 1974 s.75", "C"),
    Rule("s75.regulated_credit", "domain.md §E UK s.75 (regulated agreement [C]; business/debit cards [R])", "R"),
    Rule("s75.foreign_suppliers", "domain.md §E UK s.75", "C"),
    Rule("payapp.complaint", "domain.md §E Alipay and WeChat Pay", "S"),
    # --- §F Trade Assurance -------------------------------------------------------------
    Rule("ta.coverage", "domain.md §F", "C"),
    Rule("ta.platform_payment", "domain.md §F Payment must go through Alibaba.com", "C"),
    Rule("ta.window_30", "domain.md §F Claim window", "C"),
    Rule("ta.process", "domain.md §F Process", "C"),
    Rule("ta.acquiesced", "domain.md §F What TA does not cover", "C"),
    # --- §D demand letter and civil routes ---------------------------------------------
    Rule("demand.law_firm", "domain.md §D", "C"),
    Rule("civil.cietac_clause", "domain.md §D CIETAC model clause (consequence)", "R"),
    # --- beyond domain.md: information routes, marked as such ---------------------------
    Rule("home.us_reports", "not in domain.md", "R"),
    Rule("home.gb_reports", "not in domain.md", "R"),
    Rule("home.other_reports", "not in domain.md", "R"),
    Rule("samr.12315", "DESIGN.md (route named; no domain.md source)", "R"),
]

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
assert len(RULES_BY_ID) == len(RULES), "duplicate rule id"


def rule(rule_id: str) -> Rule:
    """The rule with this id; a KeyError names it, so a typo fails a test, not a user."""
    return RULES_BY_ID[rule_id]
