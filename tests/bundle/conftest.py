"""The exhibit fixtures (tests/exhibit_fixtures.py), shared with the exhibit tests."""
from exhibit_fixtures import _fresh_cache, evidence  # noqa: F401  (pytest finds fixtures by name)
