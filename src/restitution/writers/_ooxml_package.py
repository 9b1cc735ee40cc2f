"""The DOCX package as the writer ships it: which parts it carries and how
it is zipped.

python-docx starts from a template made in Word, with parts and
bookkeeping a generated document should not carry (a thumbnail, revision
ids, a claim to be "Microsoft Macintosh Word"); this module removes or
replaces them, adds font-table entries for the faces in use, and zips the
parts with fixed timestamps and order, so equal documents give equal bytes.
"""
from __future__ import annotations

import io
import zipfile
from typing import Iterable, cast

from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.phys_pkg import PhysPkgWriter
from docx.opc.pkgwriter import PackageWriter
from docx.oxml.ns import qn
from lxml import etree

_STYLES_WITH_EFFECTS = "http://schemas.microsoft.com/office/2007/relationships/stylesWithEffects"


_RSID_ATTRS = etree.XPath("descendant-or-self::*/@*[namespace-uri()=$ns and starts-with(local-name(), 'rsid')]")


def strip_rsids(root) -> None:
    """Remove the revision-save ids (``w:rsid*``) the template's styles and
    section carry; they record editing sessions that never happened."""
    # One XPath query finds the attributes; a Python loop over every element is slow.
    for attr in _RSID_ATTRS(root, ns=root.nsmap["w"]):
        del attr.getparent().attrib[attr.attrname]
    for elm in list(root.iter(qn("w:rsid"))):
        elm.getparent().remove(elm)


def prune_template_parts(document) -> None:
    """Drop parts of the default template a generated document should not
    carry: the thumbnail of a blank page, bibliography custom XML and
    Word 2010's duplicate styles part (stale once the styles change)."""
    package = document.part.package
    for rid, rel in list(package.rels.items()):
        if rel.reltype == RT.THUMBNAIL:
            package.rels.pop(rid)
    unwanted = {RT.CUSTOM_XML, _STYLES_WITH_EFFECTS}
    for rid, rel in list(document.part.rels.items()):
        if rel.reltype in unwanted:
            document.part.rels.pop(rid)


_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties" '
    'xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    "<Template>Normal.dotm</Template><Application>restitution</Application>"
    "<DocSecurity>0</DocSecurity><ScaleCrop>false</ScaleCrop><LinksUpToDate>false</LinksUpToDate>"
    "<SharedDoc>false</SharedDoc><HyperlinksChanged>false</HyperlinksChanged></Properties>"
)


def set_app_properties(document) -> None:
    """Replace the template's extended properties (which claim a word count
    of 0 and "Microsoft Macintosh Word") with neutral ones."""
    for rel in document.part.package.rels.values():
        if rel.reltype == RT.EXTENDED_PROPERTIES and not rel.is_external:
            rel.target_part._blob = _APP_XML.encode("utf-8")


# Font-table entries let Word find a substitute with the right script and
# width class when a face is missing (a Mac without SimSun, say): charset
# 86 is GB2312, 136 is Big5.
_FONT_INFO = {
    "SimSun": ("宋体", "02010600030101010101", "86", "auto", "variable"),
    "SimHei": ("黑体", "02010609060101010101", "86", "modern", "fixed"),
    "PMingLiU": ("新細明體", "02020500000000000000", "88", "roman", "variable"),
    "Microsoft JhengHei": ("微軟正黑體", "020B0604030504040204", "88", "swiss", "variable"),
}


def register_fonts(document, names: Iterable[str]) -> None:
    part = next(rel.target_part for rel in document.part.rels.values()
                if rel.reltype == RT.FONT_TABLE and not rel.is_external)
    root = etree.fromstring(part.blob)
    present = {f.get(qn("w:name")) for f in root.findall(qn("w:font"))}
    for name in names:
        if name in present or name not in _FONT_INFO:
            continue
        alt, panose, charset, family, pitch = _FONT_INFO[name]
        font = etree.SubElement(root, qn("w:font"))
        font.set(qn("w:name"), name)
        for tag, val in (("altName", alt), ("panose1", panose), ("charset", charset),
                         ("family", family), ("pitch", pitch)):
            etree.SubElement(font, qn("w:" + tag)).set(qn("w:val"), val)
        present.add(name)
    part._blob = etree.tostring(root, xml_declaration=True, encoding="UTF-8", standalone=True)


# ---------------------------------------------------------------- packaging

_EPOCH = (1980, 1, 1, 0, 0, 0)
_FIRST = ("[Content_Types].xml", "_rels/.rels")


def package_bytes(document, compress: bool = True) -> bytes:
    """The document's parts zipped deterministically (fixed timestamps and
    permissions, a fixed member order), straight from the parts: python-docx's
    `save` would compress every part first. Uncompressed, for a package that
    is only to be read again in this process."""
    members: dict[str, bytes] = {}

    class _Members:  # python-docx's physical package writer, keeping the parts
        def write(self, uri, blob: bytes) -> None:
            members[uri.membername] = blob

    package = document.part.package
    for part in package.parts:
        part.before_marshal()
    # python-docx annotates `_write_parts` with its zip writer class, yet calls
    # nothing but `write(uri, blob)` on it: any object with that method serves.
    sink = cast(PhysPkgWriter, _Members())
    PackageWriter._write_content_types_stream(sink, package.parts)
    PackageWriter._write_pkg_rels(sink, package.rels)
    PackageWriter._write_parts(sink, package.parts)
    return _zip(members, compress)


def _zip(members: dict[str, bytes], compress: bool = True) -> bytes:
    order = [n for n in _FIRST if n in members] + sorted(n for n in members if n not in _FIRST)
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w") as dst:
        for name in order:
            info = zipfile.ZipInfo(name, date_time=_EPOCH)
            info.compress_type = zipfile.ZIP_DEFLATED if compress else zipfile.ZIP_STORED
            info.create_system = 0
            info.external_attr = 0
            dst.writestr(info, members[name], compresslevel=6 if compress else None)
    return out.getvalue()
