"""`restitution check` finds containers left open or swallowed by a template tag."""
from __future__ import annotations

from restitution.checks.containers import check_containers, stray_lines
from restitution.pipeline.markup import parse

T = "templates/en/x.md.j2"


def test_balanced_containers_pass_even_around_branches():
    source = "::: letterhead\n{% if a %}\nA\n{% else %}\nB\n{% endif %}\n:::\n\n{% if b %}\n::: note\nn\n:::\n{% endif %}\n"
    assert check_containers(T, source) == []


def test_an_unclosed_container_is_reported_with_its_line():
    problems = check_containers(T, "# T\n\n::: center\nSubtitle\n\nBody\n")
    assert problems == [f"{T}:3: '::: center' is not closed by the end of the template; add a ':::' line "
                        "(an open container takes every paragraph after it)"]


def test_a_closer_swallowed_by_an_if_is_reported():
    source = "::: center\nSuspected fraud by X{% if zh %} (Y)\n:::\n{% endif %}\n\nBody\n"
    problems = check_containers(T, source)
    assert any(p.startswith(f"{T}:3: ':::' closes a container opened outside it, inside the {{% if %}} of line 2")
               for p in problems)
    assert any(p.startswith(f"{T}:1: '::: center' is not closed") for p in problems)


def test_a_container_opened_in_one_branch_must_close_there():
    source = "{% if a %}\n::: note\nx\n{% else %}\ny\n:::\n{% endif %}\n"
    problems = check_containers(T, source)
    assert problems[0].startswith(f"{T}:2: '::: note' is not closed before the {{% else %}} of line 4")


def test_comments_and_set_blocks_are_followed():
    source = "{# ::: center #}\n{% set t %}\n::: note\nx\n:::\n{% endset %}\n{% set y = 1 %}\n"
    assert check_containers(T, source) == []


def test_a_stray_container_line_in_a_rendered_document_is_found():
    blocks = parse("::: center\nA\n:::\n\nB\n\n:::\n\nC\n")
    assert stray_lines(blocks) == [":::"]
