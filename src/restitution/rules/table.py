"""The one readable table of domain rules.

Every rule the plan and the documents apply is a row here, with what it rests on
(`basis`: laws cited with version and article, scheme or platform rules, or the
toolkit's own inference, as printed in a plan), where it was researched (`source`,
for maintainers) and the research's confidence mark:
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

from typing import TYPE_CHECKING, Literal

from restitution.records import record
from restitution.rules.citations import (
    CPL_110, CPL_113, CRIMINAL_LAW_224, CRIMINAL_LAW_266, ECONOMIC_CRIME_8, ECONOMIC_CRIME_14, ECONOMIC_CRIME_15,
    FILING_STANDARD_69, FRAUD_INTERPRETATION_1, HK_THEFT_16A, HK_THEFT_17, MPS_RULES_15_17, MPS_RULES_16, MPS_RULES_178,
    MPS_RULES_179, UK_CCA_75, US_FCBA_1666, Citation,
)

if TYPE_CHECKING:
    from restitution.language.catalogue import Catalogue

Confidence = Literal["C", "S", "R"]


@record
class Authority:
    """A source that is not a statute of `citations`: card-scheme or platform rules, a
    court decision, practice, or the toolkit's own inference. Its words are the catalogue
    entry ``rules.basis.<key>`` ({detail}: a condition or reason code)."""

    key: str
    detail: str = ""

    def word(self, words: Catalogue) -> str:
        return words(f"rules.basis.{self.key}", detail=self.detail) if self.detail else words(f"rules.basis.{self.key}")


A = Authority


@record
class Grounds:
    """What a rule rests on, as printed: its laws (with version and article) and other authorities."""

    items: tuple[Citation | Authority, ...]

    def word(self, words: Catalogue) -> str:
        return words("rules.basis.separator").join(item.word(words) for item in self.items)


@record
class Rule:
    id: str
    # Where the rule was researched (the project's research notes): for maintainers only,
    # never printed; what a plan prints is `grounds`.
    source: str
    confidence: Confidence
    basis: tuple[Citation | Authority, ...] = ()

    @property
    def grounds(self) -> Grounds:
        return Grounds(self.basis)

    @property
    def key(self) -> str:
        """Its wording's key in the phrase catalogues."""
        return f"rules.table.{self.id}"

    def word(self, words: Catalogue) -> str:
        return words(self.key)


RULES: list[Rule] = [
    # --- §C fraud and the police -------------------------------------------------
    Rule("police.art224_threshold", "domain.md §C Offences and thresholds", "C", (CRIMINAL_LAW_224, FILING_STANDARD_69,)),
    Rule("police.art266_range", "domain.md §C Offences and thresholds", "C", (CRIMINAL_LAW_266, FRAUD_INTERPRETATION_1,)),
    Rule("police.art266_provincial", "domain.md §C Offences and thresholds", "C", (FRAUD_INTERPRETATION_1, A("provincial_figures"),)),
    Rule("police.loss_in_cny", "domain.md pitfall 5", "C", (A("theft_rate_analogy"),)),
    Rule("police.fraud_test", "domain.md §C Fraud vs a mere contract dispute", "C", (CRIMINAL_LAW_224, CRIMINAL_LAW_266, A("practice_courts"),)),
    Rule("police.dispute_signs", "domain.md §C Fraud vs a mere contract dispute", "C", (A("practice_courts"),)),
    Rule("police.art224_means", "domain.md §C Offences and thresholds", "C", (CRIMINAL_LAW_224,)),
    Rule("classify.capital_below_deal", "domain.md §C fraud test, factor 1 (the comparison is an inference)", "R", (A("inference"),)),
    Rule("classify.weighing", "domain.md §C (weighing is an inference)", "R", (A("inference"),)),
    Rule("police.jurisdiction", "domain.md §C Jurisdiction (Economic crime provisions 2017 Art. 8; MPS rules 2020 Arts. 15–17)", "C", (ECONOMIC_CRIME_8, MPS_RULES_15_17,)),
    Rule("police.proceeds_place", "domain.md §C Jurisdiction (MPS rules 2020 Arts. 15–17 [C]; that Art. 16 holds the proceeds rule is unchecked)", "R", (MPS_RULES_16,)),
    Rule("police.bureau_name", "domain.md pitfall 1 (naming pattern is inference)", "R", (A("inference"),)),
    Rule("police.economic_unit", "domain.md §C Which police unit", "S", (A("practice_police"),)),
    Rule("police.must_accept", "domain.md §C Right to report (CPL 2018 Art. 110; Economic crime provisions 2017 Art. 14)", "C", (CPL_110, ECONOMIC_CRIME_14,)),
    Rule("police.decision_deadline", "domain.md §C Deadlines (Economic crime provisions 2017 Art. 15)", "C", (ECONOMIC_CRIME_15,)),
    Rule("police.refusal_notice", "domain.md §C Deadlines (MPS rules 2020 Art. 178)", "C", (MPS_RULES_178,)),
    Rule("police.reconsideration", "domain.md §C Deadlines (MPS rules 2020 Art. 179)", "C", (MPS_RULES_179,)),
    Rule("police.review", "domain.md §C Deadlines (MPS rules 2020 Art. 179)", "C", (MPS_RULES_179,)),
    Rule("police.supervision", "domain.md §C Deadlines (CPL 2018 Art. 113)", "C", (CPL_113,)),
    Rule("police.statement_in_person", "domain.md §C The victim may have to give a statement in person", "S", (A("practice_police"),)),
    Rule("police.measure_term", "not in domain.md (Criminal Procedure Law; recalled, article unchecked)", "R", (A("inference"),)),
    Rule("police.hong_kong", "domain.md §C Hong Kong-registered supplier", "C", (HK_THEFT_16A, HK_THEFT_17,)),
    # --- §E chargebacks ------------------------------------------------------------
    Rule("chargeback.authorised", "domain.md §E Mastercard (fraud codes)", "C", (A("visa", "10.4, 13.1–13.5"), A("mastercard", "4837, 4853"),)),
    Rule("chargeback.visa_codes", "domain.md §E Visa", "C", (A("visa", "13.1, 13.3, 13.4, 13.5"),)),
    Rule("chargeback.mastercard_4853", "domain.md §E Mastercard", "C", (A("mastercard", "4853"),)),
    Rule("chargeback.other_networks", "domain.md §E (no source for these networks)", "R", (A("other_networks"),)),
    Rule("chargeback.window_120", "domain.md §E Visa 13.1, Mastercard 4853", "C", (A("visa", "13.1"), A("mastercard", "4853"),)),
    Rule("chargeback.receipt_start", "domain.md §E Visa 13.4, 13.5 and Mastercard 4853 counterfeit [C]; 13.3 and 4853 not as described [S]", "S", (A("visa", "13.3, 13.4, 13.5"), A("mastercard", "4853"),)),
    Rule("chargeback.processing_date", "domain.md §E Visa (issuers' own deadlines) [C]; Mastercard 4853 start date [S]", "C", (A("issuer_terms"), A("mastercard", "4853"),)),
    Rule("chargeback.cap_540", "domain.md §E Visa 13.1, Mastercard 4853", "C", (A("visa", "13.1"), A("mastercard", "4853"),)),
    Rule("chargeback.visa_wait_15", "domain.md §E Visa 13.1", "C", (A("visa", "13.1"),)),
    Rule("chargeback.mastercard_wait_30", "domain.md §E Mastercard", "C", (A("mastercard", "4853"),)),
    Rule("chargeback.after_expected_delivery", "domain.md §E (inference from the 13.1 certification)", "R", (A("visa", "13.1"), A("inference"),)),
    Rule("chargeback.visa_return_wait", "domain.md §E Visa 13.3", "C", (A("visa", "13.3"),)),
    Rule("chargeback.issuer_deadline", "domain.md §E Visa", "C", (A("issuer_terms"),)),
    Rule("chargeback.no_wire", "domain.md §E Payments that no card scheme protects", "S", (A("card_schemes"),)),
    Rule("fcba.notice_60", "domain.md §E US Fair Credit Billing Act", "C", (US_FCBA_1666,)),
    Rule("fcba.consumer_only", "domain.md §E US Fair Credit Billing Act", "C", (A("reg_z"),)),
    Rule("s75.price_band", "domain.md §E UK Consumer Credit Act 1974 s.75", "C", (UK_CCA_75,)),
    Rule("s75.regulated_credit", "domain.md §E UK s.75 (regulated agreement [C]; business/debit cards [R])", "R", (UK_CCA_75, A("inference"),)),
    Rule("s75.foreign_suppliers", "domain.md §E UK s.75", "C", (UK_CCA_75, A("oft_v_lloyds"),)),
    Rule("payapp.complaint", "domain.md §E Alipay and WeChat Pay", "S", (A("payment_apps"),)),
    # --- §F Trade Assurance -------------------------------------------------------------
    Rule("ta.coverage", "domain.md §F", "C", (A("trade_assurance"),)),
    Rule("ta.platform_payment", "domain.md §F Payment must go through Alibaba.com", "C", (A("trade_assurance"),)),
    Rule("ta.window_30", "domain.md §F Claim window", "C", (A("trade_assurance"),)),
    Rule("ta.process", "domain.md §F Process", "C", (A("trade_assurance"),)),
    Rule("ta.acquiesced", "domain.md §F What TA does not cover", "C", (A("trade_assurance"),)),
    # --- §D demand letter and civil routes ---------------------------------------------
    Rule("demand.law_firm", "domain.md §D", "C", (A("lawyers_law_25"),)),
    Rule("civil.parallel_criminal", "not in domain.md (criminal and civil proceedings on the same facts: lawyer's reading, unchecked)", "R", (A("inference"),)),
    Rule("civil.cietac_clause", "domain.md §D CIETAC model clause (consequence)", "R", (A("cietac"),)),
    # --- beyond domain.md: information routes, marked as such ---------------------------
    Rule("home.us_reports", "not in domain.md", "R", (A("public_channels"),)),
    Rule("home.gb_reports", "not in domain.md", "R", (A("public_channels"),)),
    Rule("home.other_reports", "not in domain.md", "R", (A("public_channels"),)),
    Rule("samr.12315", "DESIGN.md (route named; no domain.md source)", "R", (A("samr_measures"),)),
]

RULES_BY_ID: dict[str, Rule] = {r.id: r for r in RULES}
assert len(RULES_BY_ID) == len(RULES), "duplicate rule id"


def rule(rule_id: str) -> Rule:
    """The rule with this id; a KeyError names it, so a typo fails a test, not a user."""
    return RULES_BY_ID[rule_id]
