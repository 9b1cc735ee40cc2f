"""translation.xliff: XLIFF 1.2 written, loaded by a translation tool's reader, read back."""
from __future__ import annotations

import pytest
from lxml import etree

from restitution.errors import RestitutionError
from restitution.translation import xliff
from restitution.translation.xliff import NS, Unit

UNITS = [
    Unit("facts[0].text", "The supplier quoted 2,000 LED panels.", "供应商报价2,000件LED面板灯。",
         note="case.yaml line 12: facts[0].text_zh"),
    Unit("outcome.summary", "Paid, then silence.\nThe shop went offline.", None,
         note="case.yaml line 20: outcome.summary_zh (not yet translated)"),
    Unit("client.address", 'A & B <Road> "7"', None),
]


def test_units_round_trip():
    data = xliff.write(UNITS, original="case.yaml")
    back = xliff.read(data, "case.xlf")
    assert [(u.path, u.source, u.target) for u in back] == [(u.path, u.source, u.target) for u in UNITS]
    assert all(u.line for u in back)


def test_structure_states_and_languages():
    root = etree.fromstring(xliff.write(UNITS, original="case.yaml"))
    assert root.tag == f"{{{NS}}}xliff" and root.get("version") == "1.2"
    file_el = root.find(f"{{{NS}}}file")
    assert (file_el.get("source-language"), file_el.get("target-language"), file_el.get("original")) == (
        "en", "zh-CN", "case.yaml")
    units = file_el.findall(f".//{{{NS}}}trans-unit")
    assert [u.get("resname") for u in units] == ["facts[0].text_zh", "outcome.summary_zh", "client.address_zh"]
    assert units[0].find(f"{{{NS}}}target").get("state") == "translated"
    assert units[1].find(f"{{{NS}}}target") is None  # not translated: no target


def test_translate_toolkit_loads_it(tmp_path):
    from translate.storage import factory

    path = tmp_path / "case.xlf"
    path.write_bytes(xliff.write(UNITS, original="case.yaml"))
    store = factory.getobject(str(path))
    assert type(store).__name__ == "Xliff1File"
    by_source = {u.source: u for u in store.units if not u.isheader()}
    assert by_source[UNITS[0].source].target == UNITS[0].target
    assert by_source[UNITS[0].source].istranslated()
    assert not by_source[UNITS[1].source].istranslated()
    # A tool saves its work: the reader here takes the target it set.
    by_source[UNITS[1].source].target = "买方付款后，卖方失联。"
    store.save()
    back = {u.path: u.target for u in xliff.read(path.read_bytes(), "case.xlf")}
    assert back["outcome.summary"] == "买方付款后，卖方失联。"


@pytest.mark.parametrize("data, what", [
    (b"<xliff", "not well-formed XML"),
    (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:2.0" version="2.0"/>', "not an XLIFF 1.2 file"),
    (b'<?xml version="1.0"?>\n<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]>\n'
     b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file><body>'
     b'<trans-unit id="a.b"><source>&e;</source></trans-unit></body></file></xliff>', None),
])
def test_refused_or_harmless(data, what):
    if what is None:  # an external entity is never read
        units = xliff.read(data, "x.xlf")
        assert all("root:" not in (u.source or "") for u in units)
        return
    with pytest.raises(RestitutionError) as err:
        xliff.read(data, "x.xlf")
    assert what in str(err.value) and str(err.value).startswith("x.xlf")


def test_unit_without_source_is_located():
    data = (b'<xliff xmlns="urn:oasis:names:tc:xliff:document:1.2" version="1.2"><file><body>\n'
            b'<trans-unit id="a.b"></trans-unit></body></file></xliff>')
    with pytest.raises(RestitutionError) as err:
        xliff.read(data, "x.xlf")
    assert str(err.value).startswith("x.xlf:2:")
