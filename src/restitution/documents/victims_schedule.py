"""The joint victims schedule (被害人及损失情况一览表): every victim of one supplier.

A police unit asked to open one case for many buyers wants one table of who
paid what, when, and the total loss in CNY. The schedule is made by
`restitution batch` for each supplier that two or more of its cases share
(`batch.schedule.group_by_supplier` finds them); it is a registered document
like the others, so it is worded by its templates and catalogues, gets its
language (Traditional for a Hong Kong supplier), letterhead and paper from
the one pipeline, and can be checked. What one case cannot give, the group,
comes in as ``extra`` (see `schedule_extra`); rendered from a single case it
is refused with a message saying where it comes from.

Values the templates read as ``x``: ``group`` (the supplier group: ``key``,
``supplier``), ``victims`` (each with ``case``, its ``payments`` and
``claims`` over all its cases, and ``loss_cny``, None when a foreign-currency
claim has no rate; ``per_payment`` or ``rates`` say how it was converted, as
the victim's police report does), ``total_cny`` (None when any rate is
missing), ``missing_rates`` (the ids of those cases) and ``charge``, the
offence the police report pleads (`rules.offence.charge`). Victims are named
with their registration or passport number, never the firm's internal case
number, which means nothing to the police.
"""
from __future__ import annotations

import datetime as dt
from decimal import Decimal
from typing import Any

from restitution.batch.schedule import SupplierGroup, Victim
from restitution.case.model import Case
from restitution.documents import DocumentSpec
from restitution.language.catalogue import Catalogue
from restitution.records import record


@record
class ScheduleContext:
    group: SupplierGroup | None = None
    victims: tuple[Victim, ...] = ()
    total_cny: Decimal | None = None
    missing_rates: tuple[str, ...] = ()
    charge: str = "fraud"  # contract_fraud, hk_fraud or fraud (rules.offence.charge)


def schedule_extra(group: SupplierGroup) -> dict[str, Any]:
    """The ``extra`` that renders the schedule of `group` (with its first victim's case)."""
    return {"group": group, "victims": group.victims, "total_cny": group.total_cny,
            "missing_rates": tuple(group.missing_rates)}


def context(case: Case, words: Catalogue, date: dt.date) -> ScheduleContext:
    from restitution.rules.offence import charge

    # the group arrives as extra; `needs` refuses a rendering without it
    return ScheduleContext(charge=charge(case))


SPEC = DocumentSpec(
    key="victims_schedule",
    context=context,
    zh_variant=lambda case: "zh-Hant" if case.supplier.region == "hong_kong" else "zh",
    in_packet=lambda case: False,
    needs=("group",),
    made_by="restitution batch, for each supplier that two or more cases share",
)
