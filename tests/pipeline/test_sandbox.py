"""The bounded sandbox: each limit refuses, located, before the large value exists;
ordinary template code is untouched. (Whole attacks, in a process capped at 1 GB:
tests/hardening/test_firm_attacks.py.)"""
from __future__ import annotations

import os
from pathlib import Path

import pytest

from restitution.pipeline import budget, sandbox
from restitution.errors import TemplateError
from restitution.pipeline.budget import MAX_ITEMS, MAX_TEXT, text_size
from restitution.pipeline.templating import RenderState, render_template

from test_templating import render

OVER = MAX_TEXT + 1


def refused(tmp_path: Path, case, body: str) -> str:
    folder = tmp_path / str(len(list(tmp_path.iterdir())))  # compiled templates are cached per folder
    with pytest.raises(TemplateError) as info:
        render(folder, "one\n\n" + body, case)
    message = str(info.value)
    assert message.startswith("templates/en/t.md.j2:3: "), message
    return message


@pytest.mark.parametrize("body", [
    f"{{{{ 'x' * {OVER} }}}}",
    f"{{{{ 'x'.center({OVER}) }}}}",
    f"{{{{ 'x'.ljust({OVER}) }}}}",
    f"{{{{ 'x'.zfill({OVER}) }}}}",
    f"{{{{ 'x'|center({OVER}) }}}}",
    f"{{{{ 'x'|indent({OVER}) }}}}",
    f"{{{{ '%0{OVER}d'|format(1) }}}}",
    f"{{{{ '%0{OVER}d' % 1 }}}}",
    f"{{{{ '{{:>{OVER}}}'.format('x') }}}}",
    f"{{{{ '{{:>{{}}}}'.format('x', {OVER}) }}}}",
    f"{{{{ '{{0}}{{0}}'.format('x' * {MAX_TEXT // 2 + 1}) }}}}",
    f"{{{{ ('x' * {MAX_TEXT // 2 + 1}).replace('x', 'yy') }}}}",
    f"{{{{ ('x' * {MAX_TEXT // 2 + 1})|replace('x', 'yy') }}}}",
    f"{{{{ ['x' * {MAX_TEXT // 2 + 1}] * 2 }}}}",
    f"{{% set s = 'x' * {MAX_TEXT // 2 + 1} %}}{{{{ s ~ s }}}}",
    f"{{% set s = 'x' * {MAX_TEXT // 2 + 1} %}}{{{{ s + s }}}}",
    f"{{% set s = 'x' * {MAX_TEXT // 2 + 1} %}}{{{{ [s, s]|join }}}}",
    f"{{% set s = 'x' * {MAX_TEXT // 2 + 1} %}}{{{{ ''.join([s, s]) }}}}",
    f"{{{{ (1).to_bytes({OVER}, 'big') }}}}",
])
def test_a_text_over_the_limit_is_refused_before_it_is_made(tmp_path, case, body):
    assert "longer than 5,000,000 characters" in refused(tmp_path, case, body)


@pytest.mark.parametrize("body", [
    f"{{{{ [0] * {MAX_ITEMS + 1} }}}}",
    f"{{{{ [1]|batch({MAX_ITEMS + 1}, 0)|list }}}}",
    f"{{{{ [1]|slice({MAX_ITEMS + 1})|list }}}}",
    f"{{{{ ('x' * {MAX_ITEMS + 1})|list }}}}",
])
def test_a_list_over_the_limit_is_refused(tmp_path, case, body):
    assert f"more than {MAX_ITEMS:,} items" in refused(tmp_path, case, body)


def test_numbers_are_bounded(tmp_path, case):
    assert "bits" in refused(tmp_path, case, "{{ 9 ** 99999999 }}")
    assert "bits" in refused(tmp_path, case, "{% set n = 10 ** 20000 %}{{ (n * n * n * n * n * n) > 0 }}")
    assert "sum adds numbers only" in refused(tmp_path, case, "{{ [[1], [2]]|sum(start=[]) }}")


def test_loops_count_against_one_budget(tmp_path, case, monkeypatch):
    monkeypatch.setattr(sandbox, "MAX_ITERATIONS", 50)
    assert render(tmp_path, "{% for i in range(10) %}{% for j in range(3) %}.{% endfor %}{% endfor %}", case)
    message = refused(tmp_path, case, "{% for i in range(10) %}{% for j in range(10) %}.{% endfor %}{% endfor %}")
    assert "ran more than 50 times in all" in message
    # a recursive loop's inner levels count too
    message = refused(tmp_path, case, "{% for i in [range(60)] recursive %}{% if i is iterable %}"
                                      "{{ loop(i) }}{% endif %}{% endfor %}")
    assert "ran more than 50 times" in message


def test_a_rendering_past_its_time_is_stopped(tmp_path, case, monkeypatch):
    monkeypatch.setattr(budget, "TIME_LIMIT", -1.0)  # already past: no waiting, no timing
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "{% for i in range(3) %}.{% endfor %}", case)
    assert str(info.value).startswith("templates/en/t.md.j2:1: the document took longer than -1 s to render")


def test_all_text_made_counts_against_one_budget(tmp_path, case, monkeypatch):
    monkeypatch.setattr(budget, "MAX_MADE", 1000)
    message = refused(tmp_path, case, "{% for i in range(100) %}{{ 'x' * 20 }}{% endfor %}")
    assert "made more than 1,000 characters of text in all" in message


def test_nothing_random(tmp_path, case):
    assert "the random filter is not available" in refused(tmp_path, case, "{{ range(10)|random }}")
    assert "lipsum (random text) is not available" in refused(tmp_path, case, "{{ lipsum() }}")


def test_ordinary_template_code_is_untouched(tmp_path, case):
    body = ("{{ 'ab' * 2 }}|{{ '%5d' % 3 }}|{{ '{:>4}'.format('x') }}|{{ 'x'.center(5) }}|"
            "{{ ['a', 'b']|join('-') }}|{{ 'a-b'.replace('-', '+') }}|{{ 'a' ~ 1 }}|{{ [1, 2] + [3] }}|"
            "{% for i in range(3) %}{{ i }}{% if loop.last %}!{% endif %}{% endfor %}|"
            "{% for i in [1, [2, [3]]] recursive %}{% if i is iterable %}{{ loop(i) }}{% else %}{{ i }}{% endif %}"
            "{% endfor %}|{{ [3, 1, 2]|sort|join }}|{{ range(5)|sum }}|{{ [1, 2, 3]|batch(2)|list|length }}")
    out, _ = render(tmp_path, body, case)
    assert out == r"abab|    3|   x|  x  |a\-b|a\+b|a1|\[1\, 2\, 3\]|012!|123|123|10|2"


def test_text_size_follows_containers_and_stops_early():
    assert text_size("abc") == 3
    assert text_size(["x" * 10] * 3) > 30
    assert text_size([["y" * 1000] * 1000] * 1000, limit=10_000) < 100_000  # stopped, not walked


# ---------------------------------------------------------------- template files


def test_an_included_file_linking_out_is_refused_at_the_include(tmp_path, case):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "part.md.j2").symlink_to("/etc/passwd")
    with pytest.raises(TemplateError) as info:
        render(tmp_path, "one\n\n{% include 'part.md.j2' %}\n", case)
    assert str(info.value) == ("templates/en/t.md.j2:3: is a link to a file outside the template folder; "
                               "copy the file into the folder instead of linking to it")


def test_a_link_inside_the_folder_is_fine(tmp_path, case):
    (tmp_path / "common").mkdir()
    (tmp_path / "common" / "part.md.j2").write_text("shared", encoding="utf-8")
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "part.md.j2").symlink_to(tmp_path / "common" / "part.md.j2")
    assert render(tmp_path, "{% include 'part.md.j2' %}", case)[0] == "shared"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are POSIX")
def test_a_pipe_is_not_read(tmp_path, case):
    (tmp_path / "en").mkdir()
    os.mkfifo(tmp_path / "en" / "t.md.j2")  # reading it would wait forever
    state = RenderState(case=case, lang="en")
    with pytest.raises(TemplateError, match=r"^templates/en/t.md.j2: is not a regular file"):
        render_template("t.md.j2", "en", (tmp_path,), {"case": case, "x": {}, "_state": state})


def test_a_huge_template_is_refused(tmp_path, case):
    (tmp_path / "en").mkdir()
    (tmp_path / "en" / "t.md.j2").write_text("x" * 300_000, encoding="utf-8")
    state = RenderState(case=case, lang="en")
    with pytest.raises(TemplateError, match=r"^templates/en/t.md.j2: is 300,000 bytes; a template may be at most"):
        render_template("t.md.j2", "en", (tmp_path,), {"case": case, "x": {}, "_state": state})
