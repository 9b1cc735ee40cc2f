"""Shared fixtures."""
from __future__ import annotations

import pytest

from factories import make_case
from restitution.case import model as m


@pytest.fixture
def case() -> m.Case:
    return make_case()
