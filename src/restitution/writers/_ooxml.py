"""Raw OOXML markup for the DOCX writer: everything python-docx has no API for.

python-docx covers paragraphs, runs, tables and most formatting; what it
lacks lives here, in one place, so the writer itself reads as plain
python-docx: East Asian fonts and languages (``w:rFonts/@w:eastAsia``,
``w:lang/@w:eastAsia``), page-number fields, table borders and header rows,
numbering definitions, document defaults and settings. The package around
the markup (its parts and the zip) is `_ooxml_package`.
"""
from __future__ import annotations

from copy import deepcopy
from typing import Iterable

from docx.oxml import OxmlElement
from docx.oxml.ns import qn

TWIPS_PER_PT = 20

# Elements of w:rPr and w:pPr must appear in schema order or Word rejects
# the file; python-docx knows the order for the elements it models, these
# lists cover the ones inserted here.
_RPR_ORDER = (
    "w:rStyle", "w:rFonts", "w:b", "w:bCs", "w:i", "w:iCs", "w:caps", "w:smallCaps",
    "w:strike", "w:dstrike", "w:outline", "w:shadow", "w:emboss", "w:imprint",
    "w:noProof", "w:snapToGrid", "w:vanish", "w:webHidden", "w:color", "w:spacing",
    "w:w", "w:kern", "w:position", "w:sz", "w:szCs", "w:highlight", "w:u",
    "w:effect", "w:bdr", "w:shd", "w:fitText", "w:vertAlign", "w:rtl", "w:cs",
    "w:em", "w:lang", "w:eastAsianLayout", "w:specVanish", "w:oMath",
)
_PPR_ORDER = (
    "w:pStyle", "w:keepNext", "w:keepLines", "w:pageBreakBefore", "w:framePr",
    "w:widowControl", "w:numPr", "w:suppressLineNumbers", "w:pBdr", "w:shd",
    "w:tabs", "w:suppressAutoHyphens", "w:kinsoku", "w:wordWrap",
    "w:overflowPunct", "w:topLinePunct", "w:autoSpaceDE", "w:autoSpaceDN",
    "w:bidi", "w:adjustRightInd", "w:snapToGrid", "w:spacing", "w:ind",
    "w:contextualSpacing", "w:mirrorIndents", "w:suppressOverlap", "w:jc",
    "w:textDirection", "w:textAlignment", "w:textboxTightWrap",
    "w:outlineLvl", "w:divId", "w:cnfStyle", "w:rPr", "w:sectPr", "w:pPrChange",
)
_TBLPR_ORDER = (
    "w:tblStyle", "w:tblpPr", "w:tblOverlap", "w:bidiVisual", "w:tblStyleRowBandSize",
    "w:tblStyleColBandSize", "w:tblW", "w:jc", "w:tblCellSpacing", "w:tblInd",
    "w:tblBorders", "w:shd", "w:tblLayout", "w:tblCellMar", "w:tblLook",
)


def _child(parent, tag: str, order: tuple[str, ...]):
    """The child `tag` of `parent`, created in schema position if missing."""
    found = parent.find(qn(tag))
    if found is not None:
        return found
    new = OxmlElement(tag)
    later = {qn(t) for t in order[order.index(tag) + 1:]}
    for existing in parent:
        if existing.tag in later:
            existing.addprevious(new)
            return new
    parent.append(new)
    return new


def _set(elm, **attrs: str) -> None:
    for k, v in attrs.items():
        elm.set(qn("w:" + k), v)


# ---------------------------------------------------------------- fonts and languages


def set_fonts(rpr, latin: str, east_asia: str, *, east_asian_text: bool = False) -> None:
    """Name the Latin and East Asian faces of a run or style.

    ``w:hint="eastAsia"`` makes Word set ambiguous characters (curly quotes,
    the middle dot, ※) in the East Asian face, as Chinese Word does when
    one types Chinese; without it a 「“」 in Chinese text comes out in the
    narrow Latin face.
    """
    fonts = _child(rpr, "w:rFonts", _RPR_ORDER)
    for attr in ("asciiTheme", "hAnsiTheme", "eastAsiaTheme", "cstheme"):
        fonts.attrib.pop(qn("w:" + attr), None)
    _set(fonts, ascii=latin, hAnsi=latin, cs=latin, eastAsia=east_asia)
    if east_asian_text:
        _set(fonts, hint="eastAsia")


def set_lang(rpr, latin: str, east_asia: str) -> None:
    _set(_child(rpr, "w:lang", _RPR_ORDER), val=latin, eastAsia=east_asia, bidi="ar-SA")


def run_properties(run):
    return run._r.get_or_add_rPr()


def style_rpr(style):
    return style.element.get_or_add_rPr()


# ---------------------------------------------------------------- styles


def clear_style(style) -> None:
    """Drop a template style's paragraph and run properties (theme fonts,
    blue colours, borders) so it carries only what the style sheet says."""
    for tag in ("w:pPr", "w:rPr"):
        for child in style.element.findall(qn(tag)):
            style.element.remove(child)


def copy_rpr(source_style, target_style) -> None:
    """Give a linked character style ("Title Char") its paragraph style's run look."""
    for child in target_style.element.findall(qn("w:rPr")):
        target_style.element.remove(child)
    rpr = source_style.element.find(qn("w:rPr"))
    if rpr is not None:
        target_style.element.append(deepcopy(rpr))


def linked_style_id(style) -> str | None:
    link = style.element.find(qn("w:link"))
    return None if link is None else link.get(qn("w:val"))


def set_outline_level(ppr, level: int) -> None:
    _set(_child(ppr, "w:outlineLvl", _PPR_ORDER), val=str(level))


def set_first_line_chars(ppr, chars: int) -> None:
    """Indent in hundredths of a character (``200`` = two characters), the
    unit Chinese Word shows in its dialog; Word prefers it to the length."""
    _set(_child(ppr, "w:ind", _PPR_ORDER), firstLineChars=str(chars * 100))


def set_no_first_line_indent(ppr) -> None:
    """No first-line indent, whatever the style's: both units, as a style's character count
    would otherwise still win over a paragraph's length of nought in Word."""
    _set(_child(ppr, "w:ind", _PPR_ORDER), firstLine="0", firstLineChars="0")


# ---------------------------------------------------------------- paragraphs


def set_bottom_border(ppr, size_eighths: int = 6, space_pt: int = 1, color: str = "000000") -> None:
    border = _child(ppr, "w:pBdr", _PPR_ORDER)
    bottom = OxmlElement("w:bottom")
    _set(bottom, val="single", sz=str(size_eighths), space=str(space_pt), color=color)
    border.append(bottom)


def set_numbering(ppr, num_id: int, level: int) -> None:
    numpr = _child(ppr, "w:numPr", _PPR_ORDER)
    ilvl = OxmlElement("w:ilvl")
    _set(ilvl, val=str(level))
    num = OxmlElement("w:numId")
    _set(num, val=str(num_id))
    numpr.append(ilvl)
    numpr.append(num)


def add_field(paragraph, instruction: str, shown: str, rpr_source=None):
    """Append a complex field (``PAGE``, ``NUMPAGES``) to `paragraph`.

    `shown` is the cached result displayed until the application updates
    the field; Word and LibreOffice update page fields in footers on
    layout. Each of the field's runs copies `rpr_source` (the fonts of the
    surrounding text) so the number matches its label.
    """
    def run(*children):
        r = paragraph.add_run()._r
        if rpr_source is not None:
            r.insert(0, deepcopy(rpr_source))
        for c in children:
            r.append(c)
        return r

    def fld_char(kind: str):
        elm = OxmlElement("w:fldChar")
        _set(elm, fldCharType=kind)
        return elm

    instr = OxmlElement("w:instrText")
    instr.set("{http://www.w3.org/XML/1998/namespace}space", "preserve")
    instr.text = f" {instruction} "
    text = OxmlElement("w:t")
    text.text = shown
    run(fld_char("begin"))
    run(instr)
    run(fld_char("separate"))
    run(text)
    run(fld_char("end"))


def set_hairline(ppr) -> None:
    """A paragraph one point high (exact line height, no space around it) kept with the next:
    what separates two tables without a visible gap (`ends_with_table`)."""
    _set(_child(ppr, "w:keepNext", _PPR_ORDER), val="1")
    _set(_child(ppr, "w:spacing", _PPR_ORDER), before="0", after="0", line=str(TWIPS_PER_PT), lineRule="exact")


# ---------------------------------------------------------------- tables


def _tblpr(table):
    return table._tbl.tblPr


def ends_with_table(container) -> bool:
    """Is the last block of a python-docx document or table cell a table? Word and LibreOffice
    read tables with nothing between them as one table."""
    element = getattr(container, "_body", container)._element
    blocks = [c for c in element if c.tag in (qn("w:p"), qn("w:tbl"))]
    return bool(blocks) and blocks[-1].tag == qn("w:tbl")


def set_table_borders(table, size_eighths: int = 4, color: str = "000000") -> None:
    """A single-line grid; ``size_eighths=0`` removes every border."""
    tblpr = _tblpr(table)
    old = tblpr.find(qn("w:tblBorders"))
    if old is not None:
        tblpr.remove(old)
    borders = _child(tblpr, "w:tblBorders", _TBLPR_ORDER)
    for edge in ("top", "left", "bottom", "right", "insideH", "insideV"):
        elm = OxmlElement("w:" + edge)
        if size_eighths:
            _set(elm, val="single", sz=str(size_eighths), space="0", color=color)
        else:
            _set(elm, val="nil")
        borders.append(elm)


def set_table_widths(table, widths_twips: Iterable[int]) -> None:
    """Fixed layout with explicit column widths, so Word and LibreOffice
    lay the table out alike instead of each auto-fitting its own way."""
    widths = list(widths_twips)
    tblpr = _tblpr(table)
    _set(_child(tblpr, "w:tblW", _TBLPR_ORDER), w=str(sum(widths)), type="dxa")
    _set(_child(tblpr, "w:tblLayout", _TBLPR_ORDER), type="fixed")
    grid = table._tbl.tblGrid
    for col, w in zip(grid.findall(qn("w:gridCol")), widths):
        _set(col, w=str(w))
    for row in table.rows:
        for tc, w in zip(row._tr.tc_lst, widths):
            tcw = tc.get_or_add_tcPr().get_or_add_tcW()
            _set(tcw, w=str(w), type="dxa")


def set_cell_margins(table, left_twips: int, right_twips: int) -> None:
    mar = _child(_tblpr(table), "w:tblCellMar", _TBLPR_ORDER)
    for edge, w in (("left", left_twips), ("right", right_twips)):
        elm = OxmlElement("w:" + edge)
        _set(elm, w=str(w), type="dxa")
        mar.append(elm)


def set_repeat_header(row) -> None:
    """Mark a row as a header row repeated at the top of every page."""
    trpr = row._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    trpr.append(header)


def set_cant_split(row) -> None:
    trpr = row._tr.get_or_add_trPr()
    trpr.insert(0, OxmlElement("w:cantSplit"))


def set_cell_shading(cell, fill: str) -> None:
    tcpr = cell._tc.get_or_add_tcPr()
    shd = OxmlElement("w:shd")
    _set(shd, val="clear", color="auto", fill=fill)
    tcpr.append(shd)


# ---------------------------------------------------------------- numbering


def add_list_numbering(numbering_element, levels: list[dict]) -> int:
    """Add an abstract numbering definition and a ``w:num`` using it.

    Each level is a dict with ``fmt`` (decimal, lowerLetter, lowerRoman,
    bullet), ``text`` (``%1.``), ``start``, ``left`` and ``hanging`` (twips)
    and optional ``font``. Every list gets its own definition so it starts
    from its own number and carries its own marker kinds.
    """
    abstract_ids = [int(a.get(qn("w:abstractNumId"))) for a in numbering_element.findall(qn("w:abstractNum"))]
    abstract_id = max(abstract_ids, default=-1) + 1
    abstract = OxmlElement("w:abstractNum")
    _set(abstract, abstractNumId=str(abstract_id))
    multi = OxmlElement("w:multiLevelType")
    _set(multi, val="hybridMultilevel")
    abstract.append(multi)
    for i, spec in enumerate(levels):
        lvl = OxmlElement("w:lvl")
        _set(lvl, ilvl=str(i))
        for tag, val in (("w:start", str(spec["start"])), ("w:numFmt", spec["fmt"]),
                         ("w:lvlText", spec["text"]), ("w:lvlJc", "left")):
            elm = OxmlElement(tag)
            _set(elm, val=val)
            lvl.append(elm)
        ppr = OxmlElement("w:pPr")
        ind = OxmlElement("w:ind")
        _set(ind, left=str(spec["left"]), hanging=str(spec["hanging"]))
        ppr.append(ind)
        lvl.append(ppr)
        if spec.get("font"):
            rpr = OxmlElement("w:rPr")
            set_fonts(rpr, spec["font"], spec.get("east_asia_font", spec["font"]))
            lvl.append(rpr)
        abstract.append(lvl)
    # Schema order: every w:abstractNum before the first w:num.
    first_num = numbering_element.find(qn("w:num"))
    if first_num is not None:
        first_num.addprevious(abstract)
    else:
        numbering_element.append(abstract)
    return numbering_element.add_num(abstract_id).numId


# ---------------------------------------------------------------- document defaults and settings


def set_doc_defaults(styles_element, latin: str, east_asia: str, size_pt: float,
                     lang: str, east_asia_lang: str) -> None:
    """Fonts, size and languages of ``w:docDefaults``, replacing theme fonts.

    The default template points the East Asian face at the theme with a
    Japanese theme language; anything not covered by a style would then be
    set in a Japanese face.
    """
    defaults = styles_element.find(qn("w:docDefaults"))
    rpr = defaults.find(qn("w:rPrDefault")).find(qn("w:rPr"))
    set_fonts(rpr, latin, east_asia)
    half_points = str(round(size_pt * 2))
    _set(_child(rpr, "w:sz", _RPR_ORDER), val=half_points)
    _set(_child(rpr, "w:szCs", _RPR_ORDER), val=half_points)
    set_lang(rpr, lang, east_asia_lang)
    ppr = defaults.find(qn("w:pPrDefault")).find(qn("w:pPr"))
    for child in list(ppr):  # spacing of the template's defaults; styles set their own
        ppr.remove(child)
    # East Asian line-breaking rules on in every paragraph (the lists are the settings'
    # w:noLineBreaksBefore/After): both applications' default, said once for either.
    _set(_child(ppr, "w:kinsoku", _PPR_ORDER), val="1")


# Word keeps one kinsoku list per East Asian language and knows Chinese by these two tags.
KINSOKU_LANG = {"zh-CN": "zh-CN", "zh-SG": "zh-CN", "zh-TW": "zh-TW", "zh-HK": "zh-TW", "zh-MO": "zh-TW"}
_SETTINGS_AFTER_KINSOKU = ("w:savePreviewPicture", "w:doNotValidateAgainstSchema", "w:saveInvalidXml",
                           "w:ignoreMixedContent", "w:alwaysShowPlaceholderText", "w:doNotDemarcateInvalidXml",
                           "w:saveXmlDataOnly", "w:useXSLTWhenSaving", "w:saveThroughXslt", "w:showXMLTags",
                           "w:alwaysMergeEmptyNamespace", "w:updateFields", "w:hdrShapeDefaults",
                           "w:footnotePr", "w:endnotePr", "w:compat", "w:docVars", "w:rsids", "m:mathPr",
                           "w:attachedSchema", "w:themeFontLang", "w:clrSchemeMapping")


def set_kinsoku(settings_element, east_asia_lang: str, no_start: str, no_end: str) -> None:
    """The characters no line may start with (``w:noLineBreaksBefore``) or end with
    (``w:noLineBreaksAfter``) in the document's Chinese text. The schema allows one list of
    each, for one language: Word then uses them instead of its built-in list for that
    language."""
    lang = KINSOKU_LANG.get(east_asia_lang, east_asia_lang)
    later = {qn(t) for t in _SETTINGS_AFTER_KINSOKU}
    anchor = next((e for e in settings_element if e.tag in later), None)
    for tag, chars in (("w:noLineBreaksAfter", no_end), ("w:noLineBreaksBefore", no_start)):
        for old in settings_element.findall(qn(tag)):
            settings_element.remove(old)
        elm = OxmlElement(tag)
        _set(elm, lang=lang, val=chars)
        if anchor is not None:
            anchor.addprevious(elm)
        else:
            settings_element.append(elm)


def set_settings(settings_element, lang: str, east_asia_lang: str, compress_punctuation: bool) -> None:
    """Theme language, punctuation compression; drop the template's
    revision-save ids, which mean nothing in a generated file."""
    rsids = settings_element.find(qn("w:rsids"))
    if rsids is not None:
        settings_element.remove(rsids)
    theme_lang = settings_element.find(qn("w:themeFontLang"))
    if theme_lang is not None:
        _set(theme_lang, val=lang, eastAsia=east_asia_lang)
    spacing = settings_element.find(qn("w:characterSpacingControl"))
    if spacing is not None:
        _set(spacing, val="compressPunctuation" if compress_punctuation else "doNotCompress")
    # A justified line that ends in a manual line break (party and address blocks) is not
    # spread across the column: Word's compatibility option, which LibreOffice also reads.
    compat = settings_element.find(qn("w:compat"))  # the bundled base has one
    if compat is not None and compat.find(qn("w:doNotExpandShiftReturn")) is None:
        compat.insert(0, OxmlElement("w:doNotExpandShiftReturn"))  # first in CT_Compat's sequence
