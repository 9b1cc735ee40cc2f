"""translation.yamlfile: Chinese twins written in, everything else of the file kept."""
from __future__ import annotations

import pytest

from restitution.translation.yamlfile import set_twins, split_path

from translation.helpers import EXAMPLES, ROOT

CASE = """\
# The client's file: comments are the lawyer's.
client:
  name: A   # as in the passport
  # the address below is the registered one
  address: 1 Road
  country: GB
facts:
  - date: 2026-01-01
    text: >-
      Folded text
      over two lines.
    # the next key is the lawyer's note
    note: kept
  - date: 2026-01-02    # second fact
    text: "quoted"
    text_zh: 旧的
outcome:
  delivered_on: null
"""


def test_twins_inserted_after_their_english_key_and_replaced_in_place():
    out = set_twins(CASE.encode(), {"client.address": "地址", "facts[0].text": "第一行\n第二行",
                                    "facts[1].text": "新的"}).decode()
    assert out == """\
# The client's file: comments are the lawyer's.
client:
  name: A   # as in the passport
  # the address below is the registered one
  address: 1 Road
  address_zh: 地址
  country: GB
facts:
  - date: 2026-01-01
    text: >-
      Folded text
      over two lines.
    text_zh: |-
      第一行
      第二行
    # the next key is the lawyer's note
    note: kept
  - date: 2026-01-02    # second fact
    text: "quoted"
    text_zh: 新的
outcome:
  delivered_on: null
"""


def test_comment_lines_stay_above_the_key_they_precede():
    out = set_twins(CASE.encode(), {"client.name": "甲"}).decode()
    assert "  name: A   # as in the passport\n  name_zh: 甲\n  # the address below" in out


@pytest.mark.parametrize("path", sorted(EXAMPLES.glob("*.yaml")) + sorted((ROOT / "tests/data/valid").glob("*.yaml")),
                         ids=lambda p: p.name)
def test_files_come_back_byte_for_byte(path):
    data = path.read_bytes()
    assert set_twins(data, {}) == data


def test_line_endings_and_bom_kept():
    data = b"\xef\xbb\xbf" + CASE.replace("\n", "\r\n").encode()
    out = set_twins(data, {"client.address": "地址"})
    assert out.startswith(b"\xef\xbb\xbf") and b"  address_zh: \xe5\x9c\xb0\xe5\x9d\x80\r\n" in out
    assert b"\n" not in out.replace(b"\r\n", b"")


def test_chinese_that_needs_quoting_is_quoted():
    import yaml

    out = set_twins(CASE.encode(), {"client.address": "#1: 路"})
    assert yaml.safe_load(out)["client"]["address_zh"] == "#1: 路"


@pytest.mark.parametrize("path", ["client.missing", "facts[9].text", "client", "facts[0]", "a..b"])
def test_paths_the_file_does_not_hold(path):
    with pytest.raises((KeyError, ValueError)):
        set_twins(CASE.encode(), {path: "x"})


def test_split_path():
    assert split_path("facts[3].text") == ["facts", 3, "text"]
    assert split_path("order.goods[0].unit") == ["order", "goods", 0, "unit"]
    for bad in ("", "facts[3]", ".a", "a..b", "a[x]", "a b", "a.b."):
        with pytest.raises(ValueError):
            split_path(bad)
