"""Every domain rule as data, with its source, and small pure functions over the case.

The table `RULES` is the readable list (id, text, domain.md section,
confidence mark); the functions below apply rows of it to a `Case` or a
`Payment` and name the rows they used. Documents (the chargeback letter, the
police memo) and the case plan import from here, so a figure or a deadline is
written once.
"""
from __future__ import annotations

import types as _types

from restitution.rules.chargeback import (
    CAP_DAYS,
    MASTERCARD_WAIT_DAYS,
    VISA_RETURN_WAIT_DAYS,
    VISA_WAIT_DAYS,
    WINDOW_DAYS,
    ReasonCode,
    Window,
    alternative_reasons,
    chargeback_reason,
    chargeback_window,
)
from restitution.rules.citations import (
    CPL_110,
    CPL_113,
    CONFLICT_OF_LAWS_41,
    CRIMINAL_LAW_224,
    CRIMINAL_LAW_140,
    CRIMINAL_LAW_214,
    CRIMINAL_LAW_266,
    ECONOMIC_CRIME_8,
    ECONOMIC_CRIME_14,
    ECONOMIC_CRIME_15,
    FILING_STANDARD_69,
    FRAUD_INTERPRETATION_1,
    FRAUD_INTERPRETATION_3,
    FILING_STANDARD_1_16,
    TRADEMARK_INTERPRETATION_5,
    UNIT_CRIME_2,
    HK_THEFT_16A,
    HK_THEFT_17,
    LAWS,
    MPS_RULES_15_17,
    MPS_RULES_178,
    MPS_RULES_178_179,
    MPS_RULES_179,
    UK_CCA_75,
    US_FCBA_1666,
    Citation,
    zh_number,
)
from restitution.rules.consumer import FCBA_NOTICE_DAYS, S75_CEILING_GBP, S75_FLOOR_GBP, fcba, section75
from restitution.rules.demand import report_in_demand, seller_vanished
from restitution.rules.finding import Finding
from restitution.rules.platform import (
    TA_CLAIM_DAYS,
    paid_through_platform,
    payment_app_dispute,
    trade_assurance,
)
from restitution.rules.police import (
    ART224_THRESHOLD_CNY,
    ART266_NATIONAL_HIGH_CNY,
    ART266_NATIONAL_LOW_CNY,
    LossCheck,
    PoliceRoute,
    PoliceStep,
    Threshold,
    art266_threshold,
    loss_check,
    mainland_bureau,
    police_deadlines,
    police_route,
)
from restitution.rules.table import RULES, RULES_BY_ID, Rule, rule

__all__ = sorted(
    name for name, value in globals().items()
    if not name.startswith("_") and name != "annotations" and not isinstance(value, _types.ModuleType)
)
