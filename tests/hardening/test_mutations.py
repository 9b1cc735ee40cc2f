"""Random damage to valid case files ends in a Case or in located errors, never a crash.

Mutations: delete a line (a key or a whole section), change a value to garbage,
duplicate a key, swap a scalar for a list or a mapping (and back), insert a
control character, truncate the file, or several of these at once.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from restitution.case import loads_case
from restitution.case.model import Case
from restitution.errors import RestitutionError

from .profiles import cheap

ROOT = Path(__file__).resolve().parents[2]
BASES = [ROOT / "tests" / "data" / "valid" / "case.yaml"] + sorted((ROOT / "examples").glob("*.yaml"))
TEXTS = {p: p.read_text(encoding="utf-8") for p in BASES}

# "case.yaml:41 payments[1].card.last4: message", or a file-level "case.yaml: message" / "case.yaml:3: message"
LOCATED = re.compile(r"^[^:\n]+(:\d+)? \S+: .+$")
FILE_LEVEL = re.compile(r"^[^:\n]+(:\d+)?: .+$")

GARBAGE = st.one_of(
    st.sampled_from(["", "~", "null", "[]", "{}", "[1, 2", "{a: b}", "- x", "&a x", "*a", "!!str x", "!tag x",
                     "yes", "no", "NO", "0x1F", "1e309", ".nan", "-.inf", "2026-02-30", "2026-13-01", "99999999999999999999.99",
                     "-1", "0", "0.001", "'unterminated", '"bad \\q escape"', "|", ">", "? x", ": :", "%YAML 1.1", "---", "...",
                     "@x", "`x`", "\t", "\\", "é", "深圳", "😀", "<<: {a: 1}", "[[[[[[[[[[", "{{{{"]),
    st.text(max_size=20).filter(lambda s: "\n" not in s),
)
CONTROL = st.sampled_from(["\x00", "\x01", "\x07", "\x08", "\x0b", "\x0c", "\x1b", "\x7f", "\x85", "\x9f",
                           "\u2028", "\u2029", "\u202e", "\u2066", "\ufeff", "\r", "\t"])


@st.composite
def mutated(draw) -> tuple[Path, str]:
    base = draw(st.sampled_from(BASES))
    rows = TEXTS[base].split("\n")
    for _ in range(draw(st.integers(1, 3))):
        if not rows:
            break
        i = draw(st.integers(0, len(rows) - 1))
        row = rows[i]
        kind = draw(st.sampled_from(["delete", "garbage", "duplicate", "list", "mapping", "unlist", "control",
                                     "truncate", "indent"]))
        key, sep, value = row.partition(":")
        if kind == "delete":
            del rows[i]
        elif kind == "garbage" and sep:
            rows[i] = f"{key}: {draw(GARBAGE)}"
        elif kind == "duplicate":
            rows.insert(i, row)
        elif kind == "list" and sep:
            indent = len(key) - len(key.lstrip())
            rows[i:i + 1] = [f"{key}:", " " * (indent + 2) + f"- {value.strip() or 'x'}"]
        elif kind == "mapping" and sep:
            indent = len(key) - len(key.lstrip())
            rows[i:i + 1] = [f"{key}:", " " * (indent + 2) + f"inner: {value.strip() or 'x'}"]
        elif kind == "unlist" and row.lstrip().startswith("- "):
            rows[i] = row.replace("- ", "", 1)
        elif kind == "control":
            at = draw(st.integers(0, len(row)))
            rows[i] = row[:at] + draw(CONTROL) + row[at:]
        elif kind == "truncate":
            text = "\n".join(rows)
            cut = draw(st.integers(0, len(text)))
            rows = text[:cut].split("\n")
        elif kind == "indent":
            rows[i] = draw(st.sampled_from([" ", "   ", "\t"])) + row
    return base, "\n".join(rows)


def check_loads_or_located(text: str | bytes, base: Path) -> Case | None:
    try:
        return loads_case(text, "case.yaml", base.parent)
    except RestitutionError as err:
        lines = err.lines()
        assert lines
        for line in lines:
            assert "\n" not in line, line
            assert line.startswith("case.yaml"), line
            assert LOCATED.match(line) or FILE_LEVEL.match(line), line
        return None


@cheap()
@given(mutated())
def test_mutated_case_files_load_or_fail_located(sample):
    base, text = sample
    check_loads_or_located(text, base)


@cheap()
@given(st.sampled_from(BASES), st.data())
def test_mutated_bytes_load_or_fail_located(base, data):
    raw = bytearray(TEXTS[base].encode("utf-8"))
    for _ in range(data.draw(st.integers(1, 4))):
        at = data.draw(st.integers(0, len(raw) - 1))
        raw[at] = data.draw(st.integers(0, 255))
    check_loads_or_located(bytes(raw), base)


@pytest.mark.parametrize("base", BASES, ids=lambda p: p.name)
def test_every_base_file_is_valid(base):
    assert isinstance(check_loads_or_located(TEXTS[base], base), Case)
