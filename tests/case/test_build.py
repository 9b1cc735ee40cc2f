"""Walking the tree against the format: unknown, missing and mis-shaped keys."""
from __future__ import annotations

from restitution.case import load_case

from .helpers import MINIMAL, VALID, edit, errors_of, one_error


def test_unknown_key_suggests_the_nearest_known_one():
    text = edit("  district_zh: 宝安区", "  district_zh: 宝安区\n  legal_representitive_zh: 张三")
    assert one_error(text) == (16, "supplier.legal_representitive_zh", 'unknown key; did you mean "legal_representative_zh"?')


def test_unknown_key_without_a_near_one():
    assert one_error(MINIMAL + "remarks: call the bank\n") == (27, "remarks", "unknown key")


def test_missing_required_key_is_reported_at_its_parent():
    text = edit("  kind: company\n", "")
    assert one_error(text) == (4, "client.kind", "required key is missing")


def test_missing_section_is_reported_at_the_top():
    text = edit("outcome:\n  kind: not_delivered\n", "")
    assert one_error(text) == (1, "outcome", "required key is missing")


def test_required_key_given_empty():
    assert one_error(edit("  name: Northwind Trading LLC", "  name:")) == (6, "client.name", "required, but empty")


def test_empty_optional_section_counts_as_absent():
    case_text = MINIMAL + "agent:\nindicators:\n"
    from restitution.case import loads_case

    case = loads_case(case_text, "case.yaml", VALID)
    assert case.agent is None and case.indicators.fake_address is False


def test_wrong_shapes():
    text = edit("  name: Northwind Trading LLC", "  name: {first: North, last: Wind}")
    assert one_error(text) == (6, "client.name", "must be a single value, found a mapping of keys")
    text = edit("case:\n  id: T-0001", "case: [T-0001]")
    assert one_error(text) == (2, "case", "must be a mapping of keys (id, opened, language), found a list")


def test_all_errors_are_reported_at_once_sorted_by_line():
    text = edit("  country: US", "  country: UK")
    text = edit("  date: 2026-06-02", "  date: 2026-06-31", text)
    text = edit("  kind: not_delivered", "  kind: lost", text)
    text = edit("  id: T-0001", "  id: T 1", text)
    lines = [e[0] for e in errors_of(text)]
    assert lines == [3, 7, 17, 26]


def test_empty_file_list_and_scalar():
    assert one_error("") == (1, None, "the file is empty; a case file starts with `schema: 1`")
    assert one_error("- a\n") == (1, None, "a case file is a mapping of keys (schema, case, client, ...), found a list")


def test_schema_2_reports_only_the_version():
    text = edit("schema: 1", "schema: 2") + "future_key: 1\n"
    assert one_error(text) == (1, "schema", "schema 2 is not supported; this version of restitution reads schema 1")


def test_where_lines_point_at_keys():
    case = load_case(VALID / "case.yaml")
    text = (VALID / "case.yaml").read_text(encoding="utf-8").split("\n")
    assert text[case.where["payments[1].card.last4"] - 1].strip().startswith("last4:")
    assert text[case.where["supplier.uscc"] - 1].strip().startswith("uscc:")
    assert case.line_of("evidence[1].file") == case.where["evidence[1].file"]
