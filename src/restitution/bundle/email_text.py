"""An e-mail (.eml) as lines of text to typeset: headers, body, attachment names.

The headers a reader checks first (From, To, Cc, Date, Subject) come first,
with bilingual labels; then the text/plain body, or the text/html body
reduced to text when there is no plain one; then the attachments by name and
size. Attachments are listed, not bound: an attachment that matters is an
exhibit of its own.
"""
from __future__ import annotations

import email
import re
from email import policy
from email.message import EmailMessage
from html.parser import HTMLParser
from pathlib import Path

from restitution.bundle.textpages import SourceLine, plain_lines
from restitution.errors import printable
from restitution.exhibits import UnusableFile

HEADERS = (("From", "发件人"), ("To", "收件人"), ("Cc", "抄送"), ("Date", "日期"), ("Subject", "主题"))


def parse(path: Path) -> EmailMessage:
    with open(path, "rb") as f:
        msg = email.message_from_binary_file(f, policy=policy.default)
    if not any(msg.get(h) for h in ("From", "To", "Date", "Subject")):
        raise UnusableFile("is not an e-mail message (no From, To, Date or Subject header)")
    return msg


def _header(msg: EmailMessage, name: str) -> str:
    try:
        values = msg.get_all(name) or []
        return ", ".join(" ".join(str(v).split()) for v in values)
    except Exception:  # a header the parser cannot interpret: show it as it stands in the file
        raw = [str(v) for k, v in msg.raw_items() if k.lower() == name.lower()]
        return ", ".join(" ".join(v.split()) for v in raw)


def _content(part: EmailMessage) -> str:
    try:
        return part.get_content()
    except LookupError:
        # The charset is text from the file: escaped, so it cannot drive the terminal.
        raise UnusableFile(f"the e-mail uses an unknown character set ({printable(str(part.get_content_charset()), 40)})") from None
    except Exception as e:
        raise UnusableFile(f"the e-mail body cannot be decoded ({type(e).__name__})") from None


def body_text(msg: EmailMessage) -> str | None:
    part = msg.get_body(preferencelist=("plain", "html"))
    if part is None:
        return None
    text = _content(part)
    if part.get_content_subtype() == "html":
        text = html_to_text(text)
    return text.strip("\n")


def attachments(msg: EmailMessage) -> list[tuple[str, int]]:
    out = []
    for part in msg.iter_attachments():
        name = part.get_filename() or f"({part.get_content_type()}, no name)"
        payload = part.get_payload(decode=True)
        out.append((name, len(payload) if isinstance(payload, bytes) else 0))
    return out


def _size(n: int) -> str:
    for unit in ("bytes", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"


def email_lines(path: Path) -> list[SourceLine]:
    msg = parse(path)
    lines: list[SourceLine] = []
    for name, label in HEADERS:
        value = _header(msg, name)
        if value:
            lines.append(((f"{name} / {label}: ", True), (value, False)))
    lines.append(())
    body = body_text(msg)
    if body is None or not body.strip():
        lines.append((("(no text in the body / 正文无文字)", False),))
    else:
        lines.extend(plain_lines(body))
    files = attachments(msg)
    if files:
        lines.append(())
        lines.append((("Attachments / 附件:", True),))
        lines.extend(((f"  • {name} ({_size(size)})", False),) for name, size in files)
    return lines


# ---------------------------------------------------------------- HTML


_BLOCK = {"p", "div", "br", "tr", "li", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre",
          "table", "ul", "ol", "hr", "section", "article", "header", "footer"}
_SKIP = {"script", "style", "head", "title"}


class _TextExtractor(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []
        self.skip = 0
        self.pre = 0

    def handle_starttag(self, tag, attrs):
        if tag in _SKIP:
            self.skip += 1
        elif tag == "pre":
            self.pre += 1
        if tag in _BLOCK:
            self.parts.append("\n")
        if tag == "li":
            self.parts.append("• ")
        elif tag in ("td", "th"):
            self.parts.append("\t")

    def handle_endtag(self, tag):
        if tag in _SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag == "pre":
            self.pre = max(0, self.pre - 1)
        if tag in _BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.skip:
            return
        self.parts.append(data if self.pre else re.sub(r"\s+", " ", data))


def html_to_text(html: str) -> str:
    """The readable text of an HTML body: blocks on their own lines, at most one blank line between."""
    parser = _TextExtractor()
    parser.feed(html)
    parser.close()
    text = "".join(parser.parts)
    lines = [line.strip(" ") for line in text.split("\n")]
    text = "\n".join(lines)
    return re.sub(r"\n{3,}", "\n\n", text).strip("\n")
