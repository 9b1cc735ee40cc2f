"""Static template checks: case attributes, filters and names exist."""
from __future__ import annotations


import pytest

from restitution.checks.variables import check_source
from restitution.pipeline.templating import environment


@pytest.fixture
def env(tmp_path):
    (tmp_path / "en").mkdir()
    return environment("en", (tmp_path,))


def problems(env, src):
    return [str(p) for p in check_source(env, "t.md.j2", src)]


def test_clean_template_has_no_problems(env):
    src = """{% for p in case.payments %}{{ p.amount | money(p.currency) }} {{ p.card.last4 }}{% endfor %}
{{ case.claim.amount_cny }} {{ doc.date | date }} {{ x.anything }} {% set y = 2 %}{{ y }}
{% for e in exhibits('emails') %}{{ e | ref }} {{ e | tr('title') }}{% endfor %}
{% macro party(who) %}{{ who.name }}{% endmacro %}{{ party(case.client) }}
"""
    assert problems(env, src) == []


@pytest.mark.parametrize("src, expected", [
    ("{{ case.supplier.nmae }}", "t.md.j2:1: Supplier has no attribute 'nmae'; did you mean 'name'?"),
    ("\n{{ case.claim.amount | mony }}", "t.md.j2:2: unknown filter 'mony'"),
    ("{% for p in case.payments %}{{ p.card.last5 }}{% endfor %}",
     "t.md.j2:1: Card has no attribute 'last5'; did you mean 'last4'?"),
    ("{{ doc.dat }}", "t.md.j2:1: doc has no attribute 'dat' (it has date, key, lang, title)"),
    ("{{ undefined_thing }}", "t.md.j2:1: unknown variable 'undefined_thing'"),
    ("{% for e in exhibits() %}{{ e.titel }}{% endfor %}",
     "t.md.j2:1: Exhibit has no attribute 'titel'; did you mean 'title'?"),
    ("{% if case.order is cietacish %}{% endif %}", "t.md.j2:1: unknown test 'cietacish'"),
    ("{% if %}", "t.md.j2:1: syntax error: Expected an expression, got 'end of statement block'"),
])
def test_each_kind_of_problem_is_located(env, src, expected):
    assert expected in problems(env, src)


def test_x_is_followed_through_the_document_context_dataclass(env):
    from restitution.documents import context_type, get

    x_type = context_type(get("demand_letter"))
    found = [str(p) for p in check_source(env, "t.md.j2", "{{ x.supplier_nmae }}\n"
                                          "{% for r in x.payments %}{{ r.methd }}{% endfor %}\n"
                                          "{{ x.cny.amount }} {{ x.cite.art224 }}", x_type)]
    assert found == [
        "t.md.j2:1: DemandContext has no attribute 'supplier_nmae'; did you mean 'supplier_name'?",
        "t.md.j2:2: PaymentRow has no attribute 'methd'; did you mean 'method'?",
    ]
    # without a context type (a partial, a batch template) x.… is not followed
    assert problems(env, "{{ x.supplier_nmae }}") == []
