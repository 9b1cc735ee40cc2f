"""Whatever the input, loading ends in a Case or located errors, never a crash."""
from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from restitution.case import loads_case
from restitution.case.model import Case
from restitution.errors import ErrorList

from .helpers import MINIMAL, VALID

LINES = MINIMAL.split("\n")
VALUE_LINES = [i for i, row in enumerate(LINES) if ": " in row]


def _load(data):
    try:
        result = loads_case(data, "case.yaml", VALID)
    except ErrorList as err:
        assert err.errors, "an ErrorList is never empty"
        for e in err.errors:
            assert e.location.file == "case.yaml"
            assert str(e).startswith("case.yaml")
        return None
    assert isinstance(result, Case)
    return result


@settings(max_examples=200, deadline=None)
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data):
    _load(data)


@settings(max_examples=300, deadline=None)
@given(st.sampled_from(VALUE_LINES), st.text(max_size=30))
def test_any_value_in_a_valid_file(index, value):
    rows = list(LINES)
    key = rows[index].split(": ", 1)[0]
    rows[index] = f"{key}: {value}"
    _load("\n".join(rows))


@settings(max_examples=200, deadline=None)
@given(st.text(alphabet="abc:-[]{}&*!|>'\"# \n\t0123", max_size=120))
def test_yaml_punctuation_soup(text):
    _load(text)
