import datetime as dt

import pytest

from restitution.clock import document_date
from restitution.errors import UsageError


def test_explicit_date_wins(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "0")
    assert document_date("2026-11-20") == dt.date(2026, 11, 20)


def test_source_date_epoch(monkeypatch):
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1795132800")
    assert document_date(None) == dt.date(2026, 11, 20)


@pytest.mark.parametrize("bad", ["2026-02-30", "20/11/2026", "tomorrow"])
def test_bad_dates_are_usage_errors(bad):
    with pytest.raises(UsageError) as err:
        document_date(bad)
    assert err.value.exit_code == 2 and "YYYY-MM-DD" in err.value.message
