"""`restitution check` finds a template line whose bold marker pairs with nothing."""
from __future__ import annotations

from restitution.checks.markers import check_markers

T = "templates/zh/x.md.j2"


def test_paired_markers_pass_around_data_and_branches():
    source = ("**未按时发货。**{% if a %}合同约定{{ d | date }}发货。{% endif %}\n"
              "（最迟不晚于**{{ x.latest | date }}**）\n"
              "日期：______年____月____日\n"
              "字面的星号写作\\*\\*。{# ** in a comment #}\n")
    assert check_markers(T, source) == []


def test_an_unpaired_marker_is_reported_with_its_line():
    source = "# 标题\n\n**未按时发货。合同约定\n"
    [problem] = check_markers(T, source)
    assert problem.startswith(f"{T}:3: an odd number of '**'")


def test_a_marker_printed_in_one_branch_only_is_reported():
    assert len(check_markers(T, "{% if a %}**重要{% endif %}。\n")) == 1


def test_double_underscores_are_markers_but_blanks_are_not():
    assert check_markers(T, "签字：__________________\n") == []
    assert len(check_markers(T, "__重要\n")) == 1
