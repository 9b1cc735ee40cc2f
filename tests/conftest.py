"""Shared fixtures."""
from __future__ import annotations

import pytest

from factories import make_case
from restitution.case import model as m


@pytest.fixture
def case() -> m.Case:
    return make_case()


def pytest_configure(config):
    config.addinivalue_line("markers", "needs_tool(*names, what): runs only where the external tool is installed")


def pytest_runtest_setup(item):
    import tooling

    tooling.check(item)
