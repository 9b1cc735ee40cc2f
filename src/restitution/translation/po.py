"""The same exchange as gettext PO, for translators whose tool is Poedit or Weblate.

One message per field: ``msgctxt`` is the English field's key path (two
fields with the same English stay two messages), ``msgid`` the English,
``msgstr`` the Chinese the case has or empty, and an extracted comment says
where the field is. Babel, already a dependency for dates and numbers, reads
and writes the format; the trade-off against XLIFF is that PO has no
"translated but not approved" state, so every non-empty ``msgstr`` counts.
"""
from __future__ import annotations

import datetime as dt
import io

from babel.messages.catalog import Catalog
from babel.messages.pofile import PoFileError, read_po, write_po

from restitution.errors import Location, RestitutionError
from restitution.translation.xliff import Unit

LOCALE = "zh_CN"


def write(units: list[Unit], original: str, date: dt.date) -> bytes:
    """The PO file of `units`, dated `date` (same case and date, same bytes)."""
    when = dt.datetime.combine(date, dt.time(), dt.timezone.utc)
    catalog = Catalog(locale=LOCALE, project=original, version="1", creation_date=when, revision_date=when,
                      charset="utf-8", fuzzy=False, msgid_bugs_address="", last_translator="",
                      language_team="", header_comment=f"# The Chinese of the case file {original}; "
                                                      "msgctxt is the English field's key path.")
    for u in units:
        catalog.add(u.source, u.target or "", context=u.path, auto_comments=[u.note] if u.note else ())
    buf = io.BytesIO()
    write_po(buf, catalog, width=0, omit_header=False, include_lineno=False)
    # Babel fills the people it does not know with placeholders (EMAIL@ADDRESS): left out.
    return b"".join(line for line in buf.getvalue().splitlines(keepends=True) if not line.startswith(_PLACEHOLDERS))


_PLACEHOLDERS = (b'"Report-Msgid-Bugs-To:', b'"Last-Translator:', b'"Language-Team:')


def read(data: bytes, name: str) -> list[Unit]:
    """The units of a PO file; a located error when it cannot be read."""
    try:
        catalog = read_po(io.BytesIO(data), locale=LOCALE, abort_invalid=True)
    except (PoFileError, UnicodeDecodeError, ValueError) as exc:
        raise RestitutionError(f"is not a PO file this tool can read ({str(exc)[:80]}); export the case again",
                               Location(name)) from None
    units = []
    for message in catalog:
        if not message.id or not message.context:
            continue  # the header, or a message not made by the export
        target = message.string if isinstance(message.string, str) else None
        units.append(Unit(message.context, str(message.id), target, line=message.lineno))
    return units
