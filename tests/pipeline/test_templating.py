"""The Jinja environment: literal data, strictness, sandbox, filters, 【待译】."""
from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from restitution.errors import TemplateError
from restitution.pipeline.markup import parse
from restitution.document import document_text, Document
from restitution.pipeline.templating import MD, RenderState, escape_md, render_template

DATE = dt.date(2026, 11, 20)


class _Doc:
    def __init__(self, lang):
        self.lang, self.date, self.key = lang, DATE, "t"


def render(tmp_path: Path, body: str, case, lang: str = "en", **x) -> tuple[str, RenderState]:
    folder = tmp_path / lang
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "t.md.j2").write_text(body, encoding="utf-8")
    state = RenderState(case=case, lang=lang)
    out = render_template("t.md.j2", lang, (tmp_path,), {"case": case, "doc": _Doc(lang), "x": x, "_state": state})
    return out, state


def text_of(markdown: str) -> str:
    return document_text(Document("t", "en", "t", parse(markdown)))


HOSTILE = [
    "Smith & Sons <Wholesale> *Ltd*",
    "*Star* <Trading> & [Co](x)",
    "{{ 7*7 }} {% if true %}x{% endif %}",
    "# not a heading",
    "1. not a list",
    "| a | b |",
    "<script>alert(1)</script> &amp; &#x41;",
    "back\\slash `code` ~~strike~~ _under_",
    "::: signature",
    "عربى עברית 😀 emoji",
]


@pytest.mark.parametrize("value", HOSTILE)
def test_data_prints_literally(tmp_path, case, value):
    out, _ = render(tmp_path, "Name: {{ x.v }}\n", case, v=value)
    assert text_of(out) == f"Name: {value}"


@pytest.mark.parametrize("value", HOSTILE)
def test_data_prints_literally_in_a_table_cell(tmp_path, case, value):
    out, _ = render(tmp_path, "| k | v |\n|---|---|\n| name | {{ x.v }} |\n", case, v=value)
    blocks = parse(out)
    assert blocks[0].rows[0][1].inlines[0].text == value


def test_newlines_in_data_are_line_breaks_not_new_blocks(tmp_path, case):
    out, _ = render(tmp_path, "Address: {{ x.v }}\n", case, v="1 Road\n# Town\n\n- Land")
    blocks = parse(out)
    assert len(blocks) == 1
    assert text_of(out) == "Address: 1 Road\n# Town\n\n- Land"


def test_none_is_an_error_not_a_blank(tmp_path, case):
    with pytest.raises(TemplateError) as err:
        render(tmp_path, "line one\nPhone: {{ case.agent.email }}\n", case)
    assert "None" in err.value.message
    assert err.value.location.line == 2
    assert err.value.location.file.endswith("en/t.md.j2")


def test_undefined_is_an_error_with_line(tmp_path, case):
    with pytest.raises(TemplateError) as err:
        render(tmp_path, "a\n\nb {{ case.supplier.nmae }}\n", case)
    assert "nmae" in err.value.message
    assert err.value.location.line == 3


def test_syntax_error_is_located(tmp_path, case):
    with pytest.raises(TemplateError) as err:
        render(tmp_path, "ok\n{% if %}\n", case)
    assert err.value.location.line == 2
    assert "syntax" in err.value.message


@pytest.mark.parametrize("expr", [
    "''.__class__.__mro__",
    "cycler.__init__.__globals__",
    "case.__class__",
    "x.f.__globals__",
])
def test_sandbox_refuses_python_internals(tmp_path, case, expr):
    with pytest.raises(TemplateError) as err:
        render(tmp_path, "{{ " + expr + " }}\n", case, f=lambda: 1)
    assert err.value.location is not None


def test_sandbox_refuses_mutation(tmp_path, case):
    with pytest.raises(TemplateError):
        render(tmp_path, "{{ x.items.append(1) }}\n", case, items=[])


def test_filters_follow_the_language(tmp_path, case):
    body = "{{ d | date }} / {{ a | money('CNY') }} / {{ a | words('CNY') }} / {{ 'NO' | country }}\n"
    ctx = {"d": dt.date(2026, 1, 2), "a": __import__("decimal").Decimal("1409.50")}
    en, _ = render(tmp_path, body.replace("d |", "x.d |").replace("a |", "x.a |"), case, "en", **ctx)
    zh, _ = render(tmp_path, body.replace("d |", "x.d |").replace("a |", "x.a |"), case, "zh", **ctx)
    assert text_of(en).startswith("2 January 2026 / CNY 1,409.50 / ")
    assert text_of(en).endswith("Norway")
    assert text_of(zh) == "2026年1月2日 / 人民币1,409.50元 / 人民币壹仟肆佰零玖元伍角 / 挪威"


def test_tr_marks_missing_chinese_and_records_the_key(tmp_path, case):
    out, state = render(tmp_path, "{% for f in case.facts %}{{ f | tr('text') }}\n\n{% endfor %}", case, "zh")
    blocks = parse(out)
    assert document_text(Document("t", "zh", "t", blocks)).splitlines() == [
        "供应商报价2,000件LED面板灯。",
        "【待译】The parties signed sales contract GT-0602.",
    ]
    # Every field printed is recorded, translated or not: what translation.fields lists.
    assert [(f.path, f.chinese) for f in state.printed.values()] == [
        ("facts[0].text", "供应商报价2,000件LED面板灯。"), ("facts[1].text", None)]
    assert [f.twin for f in state.printed.values() if f.missing] == ["facts[1].text_zh"]
    marked = [r for r in blocks[1].inlines if getattr(r, "untranslated", False)]
    assert marked[0].key == "facts[1].text_zh"


def test_tr_in_english_is_the_plain_field(tmp_path, case):
    out, state = render(tmp_path, "{{ case.outcome | tr('summary') }}\n", case, "en")
    # A template that declares no party terms has the catalogue's: "the seller" is "the supplier".
    assert text_of(out) == case.outcome.summary.replace("the seller", "the supplier")
    assert state.printed == {}  # English documents print no Chinese field


def test_exhibit_references(tmp_path, case):
    body = "{{ exhibits('sales_contract') | refs }}; {{ exhibits()[0] | ref }}\n"
    en, _ = render(tmp_path, body, case, "en")
    zh, _ = render(tmp_path, body, case, "zh")
    assert text_of(en) == "Exhibit 1; Exhibit 1"
    assert text_of(zh) == "证据1; 证据1"


def test_markdown_values_made_by_filters_are_not_escaped_twice():
    assert escape_md(MD("**x**")) == r"\*\*x\*\*"  # escaping is explicit
    assert isinstance(MD("a"), str)


def test_macro_output_is_trusted_but_data_inside_it_is_escaped(tmp_path, case):
    (tmp_path / "en").mkdir(exist_ok=True)
    (tmp_path / "en" / "_m.md.j2").write_text(
        "{% macro who(c) %}**Principal:** {{ c.name }} ({{ c.country | country }}){% endmacro %}", encoding="utf-8")
    out, _ = render(tmp_path, '{% import "_m.md.j2" as m %}{{ m.who(x.c) }}\n', case,
                    c=type("C", (), {"name": "*Star* & <Co>", "country": "US"})())
    (para,) = parse(out)
    assert para.inlines[0].bold and para.inlines[0].text == "Principal:"
    assert para.inlines[1].text == " *Star* & <Co> (United States)"


def test_join_escapes_each_item(tmp_path, case):
    out, _ = render(tmp_path, "{{ x.names | join(', ') }}\n", case, names=["*a*", "[b](c)"])
    assert text_of(out) == "*a*, [b](c)"
