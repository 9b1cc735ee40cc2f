"""An HTML e-mail body as the text a mail program shows, with the text it hides set apart.

Mail programs show the HTML part of an e-mail. A forger can hide text in it
that a reader never sees (``display:none``, ``visibility:hidden``, a zero
font size, zero opacity, white on the default white background, the
``hidden`` attribute) while a text extractor prints it as body text. Here
hidden text never joins the body: the body gets a marker ``[hidden text 1]``
where it was, and the text itself is returned apart, to be printed under a
heading that says what it is.

The detection reads inline styles and the old presentational attributes
only, not style sheets; that is where senders of such mail put it (style
sheets are often stripped by mail programs themselves). It is a flag for a
human reader, not a rendering engine.
"""
from __future__ import annotations

import re
from html.parser import HTMLParser

from restitution.exhibits.wording import bilingual

_BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
          "table", "ul", "ol", "hr", "section", "article", "header", "footer"}
_SKIP = {"script", "style", "head", "title", "template"}
_VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr",
         "param", "keygen"}
_SELF_CLOSING_PEERS = {"p", "li", "option", "tr", "td", "th", "dt", "dd"}  # a second one closes the first

_WHITE = r"(?:#fff\b|#ffffff\b|white\b|rgba?\(\s*255\s*,\s*255\s*,\s*255\s*(?:,\s*1(?:\.0*)?\s*)?\))"
_HIDDEN_STYLE = re.compile(
    r"display\s*:\s*none"
    r"|visibility\s*:\s*(?:hidden|collapse)"
    r"|(?<![-\w])font-size\s*:\s*(?:0*\.?0+|0*\.\d+|1)\s*(?:px|pt|em|rem|%)?\s*(?:!important\s*)?(?:;|$)"
    r"|(?<![-\w])opacity\s*:\s*0*\.?0+\s*(?:;|$)"
    r"|(?<![-\w])color\s*:\s*" + _WHITE +
    r"|(?<![-\w])(?:max-)?height\s*:\s*0+(?:px|pt|em)?\s*;.*overflow\s*:\s*hidden"
    r"|overflow\s*:\s*hidden\s*;.*(?<![-\w])(?:max-)?height\s*:\s*0+(?:px|pt|em)?\s*(?:;|$)",
    re.IGNORECASE | re.DOTALL)
_WHITE_ATTR = re.compile(_WHITE, re.IGNORECASE)


def _hides(tag: str, attrs: list[tuple[str, str | None]]) -> bool:
    a = {k.lower(): (v or "") for k, v in attrs}
    if "hidden" in a:
        return True
    if _HIDDEN_STYLE.search(a.get("style", "")):
        return True
    if tag == "font" and (_WHITE_ATTR.fullmatch(a.get("color", "").strip()) or a.get("size", "").strip() == "0"):
        return True
    return False


class _Extractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.hidden: list[str] = []  # one entry per hidden element's text
        self.stack: list[tuple[str, bool]] = []  # open elements: (tag, hides)
        self.skip = 0
        self.pre = 0
        self.hiding = 0  # how many open elements hide their content
        self.buffer: list[str] = []

    def _close_to(self, index: int) -> None:
        while len(self.stack) > index:
            tag, hides = self.stack.pop()
            self._end(tag, hides)

    def _end(self, tag: str, hides: bool) -> None:
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if hides:
            self.hiding -= 1
            if self.hiding == 0:
                text = " ".join("".join(self.buffer).split())
                self.buffer = []
                if text:
                    self.hidden.append(text)
                    marker = bilingual().pair("email.hidden.marker", number=len(self.hidden))
                    self.parts.append(f" [{marker}] ")
        if tag in _BLOCK and not self.hiding:
            self.parts.append("\n")

    def handle_starttag(self, tag, attrs):
        if tag in _SELF_CLOSING_PEERS and self.stack and self.stack[-1][0] == tag:
            self._close_to(len(self.stack) - 1)
        if tag in _BLOCK and not self.hiding:
            self.parts.append("\n")
        if tag == "li" and not self.hiding:
            self.parts.append("• ")
        elif tag in ("td", "th") and not self.hiding:
            self.parts.append("\t")
        if tag in _VOID:
            return
        hides = tag not in _SKIP and _hides(tag, attrs)
        if tag in _SKIP:
            self.skip += 1
        elif tag == "pre":
            self.pre += 1
        if hides:
            self.hiding += 1
        self.stack.append((tag, hides))

    def handle_startendtag(self, tag, attrs):
        if tag in _BLOCK and not self.hiding:
            self.parts.append("\n")

    def handle_endtag(self, tag):
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                self._close_to(i)
                return
        # an end tag with no start: ignored, as browsers do

    def handle_data(self, data):
        if self.skip:
            return
        text = data if self.pre else re.sub(r"\s+", " ", data)
        (self.buffer if self.hiding else self.parts).append(text)

    def finish(self) -> None:
        self._close_to(0)


def html_to_text(html: str) -> tuple[str, list[str]]:
    """(the text a mail program shows, the hidden texts in order). Blocks on their own lines."""
    parser = _Extractor()
    parser.feed(html)
    parser.close()
    parser.finish()
    text = "".join(parser.parts)
    lines = [line.strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n"), parser.hidden
