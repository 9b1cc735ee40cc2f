"""User templates (``--templates DIR``) cannot reach Python internals.

Each hostile template shadows the bundled ``en/demand_letter.md.j2`` in an
override folder; ``restitution render`` must refuse it with a located
TemplateError (``templates/en/demand_letter.md.j2:LINE: ...``), exit 1, write
nothing and print no traceback.
"""
from __future__ import annotations

import re

import pytest
from click.testing import CliRunner

from restitution.cli import cli

from .helpers import EXAMPLES

CASE = next(p for p in EXAMPLES if p.name == "northwind-vanished.yaml")

HOSTILE = {
    "mro": "{{ ''.__class__.__mro__ }}",
    "subclasses": "{{ ''.__class__.__mro__[1].__subclasses__() }}",
    "cycler": "{{ cycler.__init__.__globals__ }}",
    "lipsum": "{{ lipsum.__globals__ }}",
    "range_self": "{{ range.__self__ }}",
    "case_init": "{{ case.__class__.__init__ }}",
    "case_init_globals": "{{ case.__class__.__init__.__globals__ }}",
    "attr_filter": "{{ case | attr('__class__') }}",
    "attr_filter_chain": "{{ (case | attr('__class__')) | attr('__init__') }}",
    "dict": "{{ case.__dict__ }}",
    "dict_item": "{{ case['__dict__'] }}",
    "format": "{{ '{0.__class__}'.format(case) }}",
    "format_map": "{{ '{0.__class__.__init__.__globals__}'.format_map({'0': case}) }}",
    "format_filter": "{{ '%s' | format(case.__class__) }}",
    "template_reference": "{{ self._TemplateReference__context }}",
    "self_context": "{{ self.__dict__ }}",
    "filters_global": "{{ (case.client.name|attr('__class__')).__base__ }}",
    "namespace": "{% set ns = namespace() %}{{ ns.__init__.__globals__ }}",
    "joiner": "{{ joiner.__init__.__globals__ }}",
    "exhibits_globals": "{{ exhibits.__globals__ }}",
    "loop_internals": "{% for e in [1] %}{{ loop.__class__.__init__.__globals__ }}{% endfor %}",
    "setattr_mutation": "{% set _ = case.client.__setattr__('name', 'x') %}",
    "list_append": "{% set l = [] %}{{ l.append(1) }}",
    "str_mod": "{{ '%(a)s' % {'a': case.__class__} }}",
    # exhausting the machine is refused too
    "big_power": "{{ 9 ** 99999999 }}",
    "big_repeat": "{{ 'x' * 10 ** 10 }}",
    "big_list": "{{ ([0] * 100000) * 100000 }}",
    "recursion": "{% macro f() %}{{ f() }}{% endmacro %}{{ f() }}",
    "format_index": "{{ '{0.__class__.__init__.__globals__}'.format_map({'0': case}) }}",
    "format_missing": "{{ '{5}'.format(1) }}",
}

LOCATED = re.compile(r"^error: templates/en/demand_letter\.md\.j2:\d+: .+")


def _override(tmp_path, source: str):
    folder = tmp_path / "overrides" / "en"
    folder.mkdir(parents=True)
    (folder / "demand_letter.md.j2").write_text("# Demand\n\nText.\n\n" + source + "\n", encoding="utf-8")
    return folder.parent


@pytest.mark.parametrize("name", sorted(HOSTILE))
def test_hostile_template_is_refused_with_a_location(tmp_path, name):
    overrides = _override(tmp_path, HOSTILE[name])
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(CASE), "--doc", "demand_letter", "--lang", "en",
                                      "--templates", str(overrides), "-o", str(out), "--date", "2026-11-20"])
    err = result.stderr if hasattr(result, "stderr") else result.output
    assert result.exit_code == 1, (result.exit_code, result.output, result.exception)
    assert "Traceback" not in err
    lines = [line for line in err.splitlines() if line.strip()]
    assert lines and all(LOCATED.match(line) for line in lines), lines
    assert not out.exists() or not any(out.iterdir())
    # nothing of the internals leaks into the message
    assert "<function" not in err and "__builtins__" not in err and "<class" not in err, err


def test_an_ordinary_override_still_works(tmp_path):
    overrides = _override(tmp_path, "{{ case.supplier.name }} owes {{ case.claim.amount | money(case.claim.currency) }}.")
    out = tmp_path / "out"
    result = CliRunner().invoke(cli, ["render", str(CASE), "--doc", "demand_letter", "--lang", "en", "--format",
                                      "docx", "--templates", str(overrides), "-o", str(out), "--date", "2026-11-20"])
    assert result.exit_code == 0, result.output
    assert (out / "NW-2026-0042_demand_letter_en.docx").is_file()
