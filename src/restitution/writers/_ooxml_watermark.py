"""A draft's watermark in a DOCX: the mark Word's own Design > Watermark makes.

Word draws a watermark as a VML WordArt shape (``v:textpath``) anchored in the
page header, centred on the page margins and turned 45°: a shape in a header
repeats on every page that header serves, under the body text. LibreOffice
reads the same markup as its own watermark (a Fontwork shape), so one form
serves both. The trade-off: VML is a legacy part of OOXML, but it is the form
Word writes and reads back as a watermark it can edit or remove, which a
DrawingML text box is not. LibreOffice's PDF export draws the shape as
outlines, not text, so the same paragraph also prints the mark as a small
line of text at the head of every page: searchable, and still there when a
photocopy loses the pale shape.
"""
from __future__ import annotations

from xml.sax.saxutils import escape, quoteattr

from docx.oxml import parse_xml

_NS = ('xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main" '
       'xmlns:v="urn:schemas-microsoft-com:vml" '
       'xmlns:o="urn:schemas-microsoft-com:office:office" '
       'xmlns:w10="urn:schemas-microsoft-com:office:word"')

# Word's WordArt "plain text" shape type (136), as Word writes it beside a watermark.
_SHAPETYPE = (
    '<v:shapetype id="_x0000_t136" coordsize="21600,21600" o:spt="136" adj="10800" '
    'path="m@7,l@8,m@5,21600l@6,21600e">'
    '<v:formulas><v:f eqn="sum #0 0 10800"/><v:f eqn="prod #0 2 1"/><v:f eqn="sum 21600 0 @1"/>'
    '<v:f eqn="sum 0 0 @2"/><v:f eqn="sum 21600 0 @3"/><v:f eqn="if @0 @3 0"/><v:f eqn="if @0 21600 @1"/>'
    '<v:f eqn="if @0 0 @2"/><v:f eqn="if @0 @4 21600"/><v:f eqn="mid @5 @6"/><v:f eqn="mid @8 @5"/>'
    '<v:f eqn="mid @7 @8"/><v:f eqn="mid @6 @7"/><v:f eqn="sum @6 0 @5"/></v:formulas>'
    '<v:path textpathok="t" o:connecttype="custom" o:connectlocs="@9,0;@10,10800;@11,21600;@12,10800" '
    'o:connectangles="270,180,90,0"/>'
    '<v:textpath on="t" fitshape="t"/>'
    '<v:handles><v:h position="#0,bottomRight" xrange="6629,14971"/></v:handles>'
    '<o:lock v:ext="edit" text="t" shapetype="t"/></v:shapetype>'
)


def watermark_paragraph(text: str, font: str, width_pt: float, height_pt: float, number: int = 1):
    """A header paragraph holding `text` as a watermark `width_pt` × `height_pt`, turned 315°
    (bottom left to top right), light grey and half transparent. `number` keeps the shape
    ids of several headers (first page, later pages) apart."""
    style = (f"position:absolute;margin-left:0;margin-top:0;width:{width_pt:.0f}pt;height:{height_pt:.0f}pt;"
             "rotation:315;z-index:-251654144;mso-position-horizontal:center;"
             "mso-position-horizontal-relative:margin;mso-position-vertical:center;"
             "mso-position-vertical-relative:margin")
    font_style = f'font-family:"{font}";font-size:1pt'
    fonts = f"<w:rFonts w:ascii={quoteattr(font)} w:hAnsi={quoteattr(font)} w:eastAsia={quoteattr(font)}/>"
    xml = (
        f'<w:p {_NS}><w:pPr><w:spacing w:before="0" w:after="0"/><w:jc w:val="right"/></w:pPr>'
        f'<w:r><w:rPr>{fonts}<w:color w:val="808080"/><w:sz w:val="16"/><w:szCs w:val="16"/></w:rPr>'
        f"<w:t xml:space=\"preserve\">{escape(text)}</w:t></w:r>"
        '<w:r><w:rPr><w:noProof/></w:rPr><w:pict>'
        f"{_SHAPETYPE}"  # in each header: each is a part of its own
        f'<v:shape id="PowerPlusWaterMarkObject{number}" o:spid="_x0000_s{2048 + number}" type="#_x0000_t136" '
        f'style="{style}" o:allowincell="f" fillcolor="#a6a6a6" stroked="f">'
        '<v:fill opacity=".45"/>'
        f"<v:textpath style={quoteattr(font_style)} string={quoteattr(text)}/>"
        '<w10:wrap anchorx="margin" anchory="margin"/>'
        "</v:shape></w:pict></w:r></w:p>"
    )
    return parse_xml(xml)
