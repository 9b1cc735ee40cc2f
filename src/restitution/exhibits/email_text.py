"""An e-mail (.eml) as lines of text to typeset, as a mail program shows it, headers as in the file.

- Headers (From, To, Cc, Date, Subject) are printed as they stand in the
  file: only folding is undone and RFC 2047 encoded words are decoded in
  place (with the encoded original on the next line). Nothing is
  reformatted: a Date header with a weekday that does not match its date
  (itself a sign of forgery) is printed as it is, with a note saying so.
- The body is the part mail programs show: the HTML alternative when there
  is one, reduced to text (`html_text`). Text hidden in the HTML is not
  printed as body: it gets a marker and a section of its own. When the
  plain-text alternative says something else than the HTML one, both are
  bound, the plain one after a notice.
- Attachments are listed by name and size, not bound: an attachment that
  matters is an exhibit of its own.

Bounds (benchmarks/LIMITS.md): 25 MB per file, 20 levels of MIME nesting,
1,000 parts, and the text limits of `textpages` for every body line.
"""
from __future__ import annotations

import datetime as dt
import email
import re
from email import policy
from email.header import decode_header
from email.message import EmailMessage, Message, MIMEPart
from email.utils import parsedate_to_datetime
from pathlib import Path

from restitution.exhibits.html_text import html_to_text
from restitution.exhibits.textpages import MAX_LINE_CHARS, SourceLine, check_size, plain_lines
from restitution.errors import printable
from restitution.exhibits import UnusableFile
from restitution.exhibits.wording import bilingual
from restitution.formatting import format_date

HEADERS = ("From", "To", "Cc", "Date", "Subject")  # printed in this order, labelled by email.header.<name>
MAX_EMAIL_BYTES = 25 * 1024 * 1024  # the usual limit of a mail server
MAX_DEPTH = 20
MAX_PARTS = 1_000
_WEEKDAYS = ("Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun")
_ENCODED_WORD = re.compile(r"=\?[^?\s]+\?[bBqQ]\?[^?\s]*\?=")


def parse(path: Path) -> EmailMessage:
    check_size(path, "e-mail", MAX_EMAIL_BYTES)
    try:
        with open(path, "rb") as f:
            msg = email.message_from_binary_file(f, policy=policy.default)
    except RecursionError:  # the standard library's parser recurses once per nested part
        raise UnusableFile(f"the e-mail nests its parts more than {MAX_DEPTH} levels deep") from None
    # raw_items, not msg.get: the header parser is slow on a huge header, which is checked later
    if not any(k.lower() in ("from", "to", "date", "subject") and v.strip() for k, v in msg.raw_items()):
        raise UnusableFile("is not an e-mail message (no From, To, Date or Subject header)")
    _check_structure(msg)
    return msg


def _check_structure(msg: EmailMessage) -> None:
    """Depth and number of parts, walked without recursion, before anything recursive runs."""
    stack: list[tuple[Message, int]] = [(msg, 1)]
    parts = 0
    while stack:
        part, depth = stack.pop()
        parts += 1
        if depth > MAX_DEPTH:
            raise UnusableFile(f"the e-mail nests its parts more than {MAX_DEPTH} levels deep")
        if parts > MAX_PARTS:
            raise UnusableFile(f"the e-mail has more than {MAX_PARTS:,} parts")
        payload = part.get_payload() if part.is_multipart() else None
        if isinstance(payload, list):
            stack.extend((p, depth + 1) for p in payload if isinstance(p, Message))


# ---------------------------------------------------------------- headers


def _unfold(value: str) -> str:
    """The header's value with folding undone (RFC 5322 2.2.3): line breaks go, the spaces stay."""
    value = re.sub(r"\r?\n(?=[ \t])", "", value)
    if any("\udc80" <= ch <= "\udcff" for ch in value):  # raw 8-bit bytes: mail programs read them as UTF-8
        value = value.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    return value


def _decode_words(value: str) -> str:
    """RFC 2047 encoded words decoded where they stand; the text around them as it is."""
    def one(word: str) -> str:
        try:
            (data, charset), = decode_header(word)
            return data.decode(charset or "ascii", "replace") if isinstance(data, bytes) else data
        except (LookupError, ValueError):
            return word

    # white space between two adjacent encoded words is not shown (RFC 2047 section 6.2)
    value = re.sub(r"(\?=)\s+(?==\?)", r"\1", value)
    return _ENCODED_WORD.sub(lambda m: one(m.group(0)), value)


def raw_headers(msg: EmailMessage, name: str) -> list[str]:
    return [_unfold(v) for k, v in msg.raw_items() if k.lower() == name.lower()]


def _weekday_note(raw: str) -> str | None:
    """A note when a Date header names a weekday its date did not fall on."""
    m = re.match(r"\s*([A-Za-z]{3})[a-z]*\s*,", raw)
    if not m or m.group(1).title() not in _WEEKDAYS:
        return None
    try:
        when: dt.datetime = parsedate_to_datetime(raw)
    except (TypeError, ValueError, IndexError):
        return None
    actual = _WEEKDAYS[when.weekday()]
    if actual == m.group(1).title():
        return None
    words, weekday = bilingual(), f"email.weekday.{actual.lower()}"
    # The English date is written as the header writes dates (03 Mar 2026), to be compared with it.
    en = words.en("email.weekday_mismatch", said=m.group(1), date=f"{when:%d %b %Y}", weekday=words.en(weekday))
    zh = words.zh("email.weekday_mismatch", said=m.group(1), date=format_date(when.date(), "zh"),
                  weekday=words.zh(weekday))
    return f"({en} / {zh})"


def _header_lines(msg: EmailMessage) -> list[SourceLine]:
    lines: list[SourceLine] = []
    words = bilingual()
    for name in HEADERS:
        for raw in raw_headers(msg, name):
            value = raw.strip()
            if len(value) > MAX_LINE_CHARS:
                raise UnusableFile(f"the {name} header is {len(value):,} characters long; a line may have at most "
                                   f"{MAX_LINE_CHARS:,}")
            shown = _decode_words(value)
            lines.append(((f"{words.pair(f'email.header.{name.lower()}')}: ", True), (shown, False)))
            if shown != value:
                lines.append(((f"    {words.pair('email.as_in_file')}: ", False), (value, False)))
            note = _weekday_note(value) if name == "Date" else None
            if note:
                lines.append((("    ", False), (note, True)))
    return lines


# ---------------------------------------------------------------- body


def _content(part: MIMEPart) -> str:
    try:
        return part.get_content()
    except LookupError:
        # The charset is text from the file: escaped, so it cannot drive the terminal.
        raise UnusableFile(f"the e-mail uses an unknown character set ({printable(str(part.get_content_charset()), 40)})") from None
    except Exception as e:
        raise UnusableFile(f"the e-mail body cannot be decoded ({type(e).__name__})") from None


def _squash(text: str) -> str:
    return " ".join(re.sub(r"[^\w]+", " ", text).split()).casefold()


def body_lines(msg: EmailMessage) -> list[SourceLine]:
    """The body as a mail program shows it, hidden HTML text apart, a differing plain alternative after it."""
    words = bilingual()
    no_body: list[SourceLine] = [((f"({words.pair('email.no_body')})", False),)]
    shown = msg.get_body(preferencelist=("html", "plain"))
    if shown is None:
        return no_body
    text = _content(shown)
    hidden: list[str] = []
    if shown.get_content_subtype() == "html":
        text, hidden = html_to_text(text)
    text = text.strip("\n")
    lines = plain_lines(text, what="body line") if text.strip() else no_body
    if hidden:
        lines += [(), ((f"{words.pair('email.hidden.heading')}:", True),)]
        for k, item in enumerate(hidden, 1):
            lines += plain_lines(f"  [{words.pair('email.hidden.marker', number=k)}] {item}")
    plain = msg.get_body(preferencelist=("plain",)) if shown.get_content_subtype() == "html" else None
    if plain is not None:
        other = _content(plain).strip("\n")
        if _squash(other) != _squash(text):
            lines += [(), ((f"{words.pair('email.plain_differs')}:", True),), ()]
            lines += (plain_lines(other, what="plain-text body line") if other.strip()
                      else [((f"({words.pair('email.empty')})", False),)])
    return lines


def attachments(msg: EmailMessage) -> list[tuple[str, int]]:
    out = []
    for part in msg.iter_attachments():
        name = part.get_filename() or f"({part.get_content_type()}, no name)"
        payload = part.get_payload(decode=True)
        out.append((name, len(payload) if isinstance(payload, bytes) else 0))
    return out


def _size(n: float) -> str:
    for unit in ("bytes", "KB", "MB"):
        if n < 1024 or unit == "MB":
            return f"{n} {unit}" if unit == "bytes" else f"{n:.1f} {unit}"
        n /= 1024
    return f"{n} bytes"


def email_lines(path: Path) -> list[SourceLine]:
    msg = parse(path)
    lines = _header_lines(msg)
    lines.append(())
    lines += body_lines(msg)
    files = attachments(msg)
    if files:
        lines.append(())
        lines.append(((f"{bilingual().pair('email.attachments')}:", True),))
        lines.extend(((f"  • {name} ({_size(size)})", False),) for name, size in files)
    return lines
