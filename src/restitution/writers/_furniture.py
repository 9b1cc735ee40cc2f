"""The words the writers print themselves: the page footer and a draft's watermark,
from the phrase catalogue.

Everything else on a page comes from the templates; the footer ("Page 1 of 5",
"第 1 页 共 5 页", for Hong Kong "第 1 頁 共 5 頁") is the one sentence the writers
add, and it is the catalogue phrase ``common.page_footer`` of each language of
the document, through the document's template roots (a firm overrides it like
any phrase). One home for it: both writers call `footer_parts`. A draft
(`Document.draft`) also carries ``common.draft_mark`` across every page, in
English and in each Chinese language of the document ("DRAFT / 草稿"), so that
a reader of either language sees it is not for filing (`watermark_text`).

A DOCX footer holds live PAGE and NUMPAGES fields rather than numbers, so the
phrase is cut at its two fields. The cut uses markers passed as the field
values, not the phrase's source text, so a firm's phrase with literal braces
(``{{``) reads as it prints.
"""
from __future__ import annotations

import re

from restitution.document import FURNITURE_KEYS, Document, furniture_words
from restitution.errors import TemplateError
from restitution.language import EN, Language

KEY = FURNITURE_KEYS[0]
FIELDS = ("page", "pages")
_MARK = {name: f"\x00{name}\x00" for name in FIELDS}
_CUT = re.compile("\x00(page|pages)\x00")


def footer_parts(doc: Document, language: Language) -> list[tuple[str, str | None]]:
    """The footer phrase of `language` as (literal text, None) and ("", field) parts,
    field being "page" or "pages", in reading order."""
    text = furniture_words(doc, language)(KEY, **_MARK)
    parts: list[tuple[str, str | None]] = []
    pos = 0
    for m in _CUT.finditer(text):
        if m.start() > pos:
            parts.append((text[pos:m.start()], None))
        parts.append(("", m.group(1)))
        pos = m.end()
    if pos < len(text):
        parts.append((text[pos:], None))
    if not any(field == "pages" for _, field in parts) or not any(field == "page" for _, field in parts):
        raise TemplateError(f"phrase {KEY} ({language.code}) must name both {{page}} and {{pages}}")
    return parts


def footer_text(parts: list[tuple[str, str | None]], page: int, pages: int) -> str:
    """The footer with the numbers in."""
    numbers = {"page": page, "pages": pages}
    return "".join(text if field is None else str(numbers[field]) for text, field in parts)


DRAFT_KEY = FURNITURE_KEYS[1]


def watermark_text(doc: Document) -> str | None:
    """The mark across every page of a draft, or None for a document that is not one."""
    if not doc.draft:
        return None
    marks = [furniture_words(doc, language)(DRAFT_KEY) for language in (EN, *doc.langs)]
    return " / ".join(dict.fromkeys(marks))
