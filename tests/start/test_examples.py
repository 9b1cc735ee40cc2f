"""`init --example NAME`: a bundled example and its evidence, copied and valid."""
from __future__ import annotations

import pytest

from restitution.case import load_case
from restitution.errors import OutputError, UsageError
from restitution.start.examples import copy_example, names


def test_every_example_copies_and_validates(tmp_path):
    for name in names():
        target = tmp_path / name / "case.yaml"
        written = copy_example(name, target, force=False)
        assert target in written and len(written) > 1
        assert load_case(target).id


def test_an_existing_file_is_never_overwritten(tmp_path):
    (tmp_path / "case.yaml").write_text("keep\n")
    with pytest.raises(OutputError):
        copy_example("northwind-vanished", tmp_path / "case.yaml", force=False)
    assert (tmp_path / "case.yaml").read_text() == "keep\n"
    assert not (tmp_path / "evidence").exists()


def test_an_unknown_example_names_the_known_ones(tmp_path):
    with pytest.raises(UsageError, match="northwind-vanished"):
        copy_example("nope", tmp_path / "case.yaml", force=False)
