"""Reading YAML without implicit types, with lines, refusing what is unsafe."""
from __future__ import annotations


import pytest
import yaml

from restitution.case import load_case, loads_case
from restitution.errors import ErrorList
from restitution.case.problems import Problems
from restitution.case import yamlsource
from restitution.case.yamlsource import MAX_BYTES, Mapping, Scalar, Sequence, decode, parse

from .helpers import MINIMAL, VALID, edit, errors_of, one_error


def _tree(text: str):
    problems = Problems()
    root = parse(decode(text.encode("utf-8"), problems), problems)
    return root, list(problems)


def test_every_scalar_stays_the_text_written():
    root, problems = _tree("country: NO\nreg: 0012345\nflag: yes\nwhen: 2026-06-02\nnum: 1e3\nq: '7'\n")
    assert problems == []
    assert [(e.key, e.value.text, e.value.plain) for e in root.entries] == [
        ("country", "NO", True),
        ("reg", "0012345", True),
        ("flag", "yes", True),
        ("when", "2026-06-02", True),
        ("num", "1e3", True),
        ("q", "7", False),
    ]


def test_lines_of_keys_values_and_items():
    root, _ = _tree("a: 1\nlist:\n  - x: 2\n  - y: 3\n")
    lst = root.get("list")
    assert (lst.key_line, lst.value.line) == (2, 3)
    assert isinstance(lst.value, Sequence)
    assert [item.line for item in lst.value.items] == [3, 4]
    assert isinstance(lst.value.items[1], Mapping) and lst.value.items[1].entries[0].key_line == 4


def test_plain_null_is_empty_but_quoted_null_is_text():
    root, _ = _tree("a: null\nb: ~\nc:\nd: 'null'\n")
    assert [e.value.is_null for e in root.entries] == [True, True, True, False]
    assert isinstance(root.get("d").value, Scalar) and root.get("d").value.text == "null"


def test_country_no_loads_as_norway():
    case = loads_case(edit("  country: US", "  country: NO"), "case.yaml", VALID)
    assert case.client.country == "NO"


def test_duplicate_key_names_both_lines():
    assert one_error(edit("  country: US", "  country: US\n  country: DE")) == (
        8, "client.country", "key given twice (lines 7 and 8)"
    )


def test_python_tag_is_refused_and_never_executed(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    marker = tmp_path / "pwned"
    text = edit("  name: Northwind Trading LLC", f'  name: !!python/object/apply:os.system ["touch {marker}"]')
    line, path, message = one_error(text)
    assert (line, path) == (6, "client.name")
    assert message == 'YAML tags such as "!!python/object/apply:os.system" are not allowed in a case file'
    assert not marker.exists()


def test_alias_bomb_is_refused_within_a_second():
    rows = ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
    for name, prev in zip("bcdefghijklmnop", "abcdefghijklmno"):
        rows.append(f"{name}: &{name} [" + ",".join([f"*{prev}"] * 9) + "]")
    errors = errors_of("\n".join(rows) + "\n")  # time: benchmarks/limits.py
    assert errors == [(1, "a", "YAML anchors (&) are not allowed in a case file; write the value out")]


def test_file_over_the_size_limit_is_refused_before_reading(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    big = tmp_path / "big.yaml"
    with big.open("wb") as fh:
        fh.write(MINIMAL.encode())
        fh.write(b"# " + b"x" * 1022 + b"\n")
        fh.seek(50 * 1024 * 1024 - 1)
        fh.write(b"\n")
    with pytest.raises(ErrorList) as info:
        load_case("big.yaml")
    [err] = info.value.errors
    assert err.message == "file is 50.0 MB; the limit for a case file is 2 MB"
    assert str(err) == "big.yaml: file is 50.0 MB; the limit for a case file is 2 MB"


def test_largest_pathological_file_is_answered_quickly():
    # Just under the limit, and as many nodes as fit: still a prompt answer.
    text = "".join(f"k{i}: v\n" for i in range(MAX_BYTES // 9))[: MAX_BYTES - 1]
    text = text[: text.rfind("\n") + 1]
    errors = errors_of(text)  # time: benchmarks/limits.py
    assert errors[-1][2].endswith("more problems not listed; fix the ones above first")
    assert len(errors) == 201


def test_text_over_the_size_limit_is_refused():
    line, path, message = one_error(b"a: " + b"x" * MAX_BYTES)
    assert (line, path) == (None, None)
    assert "the limit for a case file is 2 MB" in message


def test_utf8_bom_and_crlf_are_accepted():
    bom = loads_case(b"\xef\xbb\xbf" + MINIMAL.encode(), "case.yaml", VALID)
    crlf = loads_case(MINIMAL.replace("\n", "\r\n").encode(), "case.yaml", VALID)
    assert bom.case.id == crlf.case.id == "T-0001"
    assert crlf.client.address == "1200 Market St, San Francisco, CA 94103, USA"
    assert crlf.where == bom.where


def test_non_utf8_byte_is_located():
    data = MINIMAL.encode().replace(b"Northwind", b"N\xf6rthwind", 1)
    assert one_error(data) == (6, None, "not valid UTF-8 (byte 0xf6 at column 10); save the file as UTF-8")


def test_tab_in_indentation_has_a_clear_message():
    assert one_error(edit("  country: US", "\tcountry: US")) == (
        7, None, "tab character in indentation; YAML indents with spaces only"
    )


def test_tab_inside_free_text_is_kept():
    text = edit("  address: 1200 Market St, San Francisco, CA 94103, USA", '  address: "Suite 400\\t1200 Market St"')
    case = loads_case(text, "case.yaml", VALID)
    assert case.client.address == "Suite 400\t1200 Market St"


def test_syntax_error_is_located_without_echoing_the_file():
    line, path, message = one_error(edit("  country: US", "  country: [US"))
    assert line is not None and path is None
    assert message.startswith("YAML syntax error: ")
    assert "Northwind" not in message


def test_control_character_in_a_comment_is_located():
    assert one_error(edit("schema: 1", "schema: 1  # \x1b[31m")) == (1, None, "control character U+001B is not allowed")


def test_escaped_control_character_names_its_key():
    text = edit("  name: Shenzhen Glory Tech Co., Ltd.", '  name: "Shenzhen\\u0000Glory"')
    assert one_error(text) == (10, "supplier.name", "control character U+0000 is not allowed")


def test_two_documents_are_refused():
    assert one_error(MINIMAL + "---\nschema: 1\n") == (27, None, "more than one YAML document; a case file holds exactly one")


@pytest.mark.parametrize("parser", ["libyaml", "pure-python"])
@pytest.mark.parametrize("text, line, start", [
    ("a: " + "[" * 100_000 + "]" * 100_000, 1, "a[0][0]"),
    ("a: " + "{b: " * 5_000 + "1" + "}" * 5_000, 1, "a.b.b"),
    ("a:\n" + "".join("  " * i + "-\n" for i in range(1, 200)), 33, "a[0][0]"),
])
def test_deep_nesting_is_refused_whichever_parser(monkeypatch, parser, text, line, start):
    # PyYAML's libyaml build stops at its own depth before the event stream reaches
    # ours; the message and location must not depend on which build is installed.
    if parser == "libyaml" and not hasattr(yaml, "CSafeLoader"):
        pytest.skip("PyYAML built without libyaml")
    if parser == "pure-python":
        monkeypatch.setattr(yamlsource, "_Parser", yaml.SafeLoader)
    got_line, path, message = one_error(text)
    assert (got_line, message) == (line, "nested more than 32 levels deep")
    assert path.startswith(start)
