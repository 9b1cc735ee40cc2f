"""The translator's exchange file: XLIFF 1.2, written and read back.

XLIFF 1.2 rather than 2.x: it is the version every tool a legal translator
is likely to use opens and saves without a conversion step (Trados, memoQ,
OmegaT through Okapi, Phrase, Poedit, translate-toolkit), while 2.x support
is still partial in several of them. The file holds one ``trans-unit`` per
free-text field a Chinese document prints (`fields.printed`): its ``id`` is
the English field's key path (``facts[3].text``), ``resname`` the Chinese
field it fills (``facts[3].text_zh``), ``source`` the English, ``target`` the
Chinese the case already has (``state="translated"``, the unit
``approved="yes"``: it is what the documents print) or none yet (no target,
``approved="no"``), and a note with the line of the
case file. Reading it back accepts what a tool writes (targets added or
changed, states, notes, inline ``mrk`` marks) and refuses with the file's own
line what it cannot use.
"""
from __future__ import annotations


from lxml import etree

from restitution.errors import ErrorList, Location, RestitutionError
from restitution.records import record

NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_NS = "http://www.w3.org/XML/1998/namespace"
SOURCE_LANGUAGE = "en"
# The `_zh` fields are written in Simplified Chinese; documents for Hong Kong convert
# them to Traditional when rendering, so one target language serves every case.
TARGET_LANGUAGE = "zh-CN"
# A translated file is a few hundred KB at most; anything far larger is not one.
MAX_BYTES = 16 * 1024 * 1024


def _q(tag: str) -> str:
    return f"{{{NS}}}{tag}"


@record
class Unit:
    """One field as the exchange file carries it."""

    path: str  # the English field: "facts[3].text"
    source: str
    target: str | None  # None or "": not translated
    note: str = ""
    line: int | None = None  # in the exchange file, when read from one


def write(units: list[Unit], original: str) -> bytes:
    """The XLIFF 1.2 document of `units`; `original` names the case file (its file name)."""
    root = etree.Element(_q("xliff"), nsmap={None: NS}, version="1.2")
    file_el = etree.SubElement(root, _q("file"), original=original, datatype="plaintext",
                               attrib={"source-language": SOURCE_LANGUAGE, "target-language": TARGET_LANGUAGE})
    header = etree.SubElement(file_el, _q("header"))
    note = etree.SubElement(header, _q("note"))
    note.text = ("Each unit is a field of the case file. Translate the source into the Chinese a PRC "
                 "lawyer would file; a unit left without a target stays untranslated.")
    body = etree.SubElement(file_el, _q("body"))
    for u in units:
        tu = etree.SubElement(body, _q("trans-unit"), id=u.path, resname=f"{u.path}_zh")
        tu.set(f"{{{XML_NS}}}space", "preserve")  # line breaks in a fact are the lawyer's
        # The Chinese the case has is what its documents print: approved, in XLIFF's terms.
        tu.set("approved", "yes" if u.target else "no")
        etree.SubElement(tu, _q("source")).text = u.source
        if u.target:
            target = etree.SubElement(tu, _q("target"), state="translated")
            target.text = u.target
        if u.note:
            etree.SubElement(tu, _q("note"), attrib={"from": "restitution"}).text = u.note
    return etree.tostring(root, xml_declaration=True, encoding="UTF-8", pretty_print=True)


def _text(el: etree._Element | None) -> str | None:
    """An element's text with inline marks (``mrk``, ``g``) kept as their text."""
    return None if el is None else "".join(el.itertext())


def read(data: bytes, name: str) -> list[Unit]:
    """The units of an XLIFF 1.2 file; a located error when it is not one."""
    where = Location(name)
    if len(data) > MAX_BYTES:
        raise RestitutionError(f"is {len(data):,} bytes; an exchange file of one case is far smaller", where)
    # No entities, no DTD, no network: the file comes from outside.
    parser = etree.XMLParser(resolve_entities=False, no_network=True, load_dtd=False, huge_tree=False)
    try:
        root = etree.fromstring(data, parser)
    except etree.XMLSyntaxError as exc:
        line = exc.position[0] if exc.position else None
        raise RestitutionError(f"is not well-formed XML ({exc.msg}); save it again from the translation tool",
                               Location(name, line)) from None
    if root.tag != _q("xliff") or root.get("version") != "1.2":
        raise RestitutionError("is not an XLIFF 1.2 file (made by restitution translate export); "
                               "export the case again and translate that file", Location(name, root.sourceline))
    units: list[Unit] = []
    errors: list[RestitutionError] = []
    for tu in root.iter(_q("trans-unit")):
        path, source = tu.get("id"), _text(tu.find(_q("source")))
        if not path or source is None:
            errors.append(RestitutionError("a trans-unit without its id or source; export the case again",
                                           Location(name, tu.sourceline)))
            continue
        target_el = tu.find(_q("target"))
        units.append(Unit(path, source, _text(target_el), line=tu.sourceline))
    if errors:
        raise errors[0] if len(errors) == 1 else ErrorList(errors)
    return units
