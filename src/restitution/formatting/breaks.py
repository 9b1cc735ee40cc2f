"""Where a line may break: the rules the PDF and DOCX writers and the layout check share.

- Chinese punctuation (GB/T 15834-2011, W3C clreq at the "basic" level): the marks that
  may not start a line, and those that may not end one;
- an e-mail address or URL longer than the line is cut only where the Chicago Manual of
  Style allows (`url_break`);
- which characters are Chinese text or full-width marks (`cjk`): no space where a line of
  Markdown joins one, and a line may break beside one.

Plain data and string tests, with no writer behind them: the writers import this on every
render, and the layout check (which runs poppler) must not come with it.
"""
from __future__ import annotations

import re

# Marks that may not start a line, and marks that may not end one.
NO_LINE_START = frozenset("。，、：；！？‼⁇．”’）》〉】〗〕］｝」』～·・")
NO_LINE_END = frozenset("“‘（《〈【〖〔［｛「『")

def cjk(ch: str) -> bool:
    """A Chinese character (the BMP blocks and the supplementary planes) or a full-width mark;
    comparisons, not a regular expression: its class would cost 1.4 ms to compile at start-up."""
    o = ord(ch) if len(ch) == 1 else 0
    return 0x2E80 <= o <= 0x9FFF or 0xF900 <= o <= 0xFAFF or 0xFF00 <= o <= 0xFFEF or o >= 0x20000


# An e-mail address or a URL written out (with its scheme, or starting "www.").
ADDRESS = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+|(?:https?://|www\.)[^\s<>\"'，。；）》、]+", re.ASCII)


def url_break(address: str, at: int) -> bool:
    """May `address` (an e-mail address or URL) be cut before address[at] when it is longer than
    the line? The Chicago Manual of Style's rule (17th ed., 6.17, 7.42): after a double slash,
    before a single slash, a period, the @ or a hyphen, never inside a word and with no hyphen
    added; the mark that starts the next line shows that the address goes on, where a period
    ending a line would read as the end of the sentence and a hyphen as a word hyphenated."""
    if not 0 < at < len(address):
        return False
    before, after = address[at - 1], address[at]
    if after in ".@-":
        return True
    if after == "/":
        return before != "/" and address[at + 1:at + 2] != "/"  # a single slash, not half of "//"
    return address[at - 2:at] == "//"
