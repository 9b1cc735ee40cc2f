"""The `proceedings` block: loaded, checked against itself, and against the date of the documents."""
from __future__ import annotations

import datetime as dt

import pytest

from restitution.case import loads_case
from restitution.case.codes import looks_like_prc_id, prc_id_check_digit, prc_id_problem
from restitution.case.proceedings import check_history, dates_after
from restitution.errors import ErrorList

from .helpers import MINIMAL, VALID, errors_of

HISTORY = """proceedings:
  police_report:
    filed_on: 2026-08-28
    authority_zh: 广州市公安局白云区分局经济犯罪侦查大队
    receipt_no: "穗公白（经）受案〔2026〕0815号"
    opened_on: 2026-09-10
  suspects:
    - name_zh: 林志伟
      name: Lin Zhiwei
      id_no: "{id_no}"
      role: legal_representative
      measure: criminal_detention
      measure_on: 2026-09-20
  demand_letter:
    sent_on: 2026-08-01
    delivered_on: 2026-08-03
"""


def _case(id_no: str = "11010519491231002X"):
    return loads_case(MINIMAL + HISTORY.format(id_no=id_no), "case.yaml", VALID, check_files=False)


def test_history_loads():
    p = _case().proceedings
    assert p.police_report.opened_on == dt.date(2026, 9, 10)
    assert p.suspects[0].measure == "criminal_detention"
    assert p.demand_letter.delivered_on == dt.date(2026, 8, 3)


@pytest.mark.parametrize("passport", ["E12345678", "C01X00T47", "123456789", "K1234567"])
def test_a_passport_number_is_allowed(passport):
    assert not looks_like_prc_id(passport)
    assert _case(passport).proceedings.suspects[0].id_no == passport


def test_check_character_of_the_standard_example():
    # GB 11643-1999's own example number ends in X.
    assert prc_id_check_digit("11010519491231002") == "X"
    assert prc_id_problem("11010519491231002X") is None
    assert "capital X" in prc_id_problem("11010519491231002x")


def test_a_mistyped_identity_number_is_located():
    (line, path, message), = errors_of(MINIMAL + HISTORY.format(id_no="110105194912310029"))
    assert path == "proceedings.suspects[0].id_no" and line == MINIMAL.count("\n") + 10
    assert "should be X, not 9" in message
    assert "110105194912310029" not in message  # personal data is not echoed


def test_first_generation_number_is_refused():
    (_, _, message), = errors_of(MINIMAL + HISTORY.format(id_no="110105491231002"))
    assert "15-digit" in message


def test_events_after_the_date_of_the_documents_are_located_errors():
    case = _case()
    assert [p for p, _ in dates_after(case, dt.date(2026, 9, 15))] == ["proceedings.suspects[0].measure_on"]
    with pytest.raises(ErrorList) as info:
        check_history(case, dt.date(2026, 9, 1))
    errors = info.value.errors
    assert [e.location.path for e in errors] == ["proceedings.police_report.opened_on",
                                                "proceedings.suspects[0].measure_on"]
    assert all(e.location.line for e in errors)
    assert all("is after the date of the documents (--date), 2026-09-01" in e.message for e in errors)
    check_history(case, dt.date(2026, 9, 20))  # on the day itself: allowed
