"""Example counts of the hardening properties, chosen by a Hypothesis profile.

``hardening-ci`` is used when the CI environment variable is set, ``hardening-dev``
otherwise; ``RESTITUTION_HYPOTHESIS_PROFILE`` picks one by name. The profiles
are applied per test (``settings(parent=...)``), so other test modules keep
their own settings.

- cheap properties (mutate a case file and load it): ``CHEAP`` examples;
- the render-everything property (every document, three languages, two
  formats, each reopened): ``RENDER`` examples.
"""
from __future__ import annotations

import os

from hypothesis import HealthCheck, settings

settings.register_profile("hardening-ci", max_examples=500, deadline=None, print_blob=True)
settings.register_profile("hardening-dev", max_examples=100, deadline=None)

PROFILE = os.environ.get("RESTITUTION_HYPOTHESIS_PROFILE") or ("hardening-ci" if os.environ.get("CI") else "hardening-dev")
BASE = settings.get_profile(PROFILE)
CHEAP = BASE.max_examples
RENDER = 30 if PROFILE == "hardening-ci" else 6


def cheap(**kw) -> settings:
    return settings(parent=BASE, max_examples=kw.pop("max_examples", CHEAP), **kw)


def rendering(**kw) -> settings:
    return settings(parent=BASE, max_examples=kw.pop("max_examples", RENDER),
                    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large,
                                           HealthCheck.function_scoped_fixture], **kw)
