"""Exhibits: the evidence files of a case, checked, measured and turned into pages.

An exhibit comes from the other side of a dispute, so everything here treats
it as hostile: `files` says what each file is (kind, fingerprint, pages) and
refuses what cannot be bound safely, with a located error; `fitting` and
`sanitize` isolate a PDF's pages and strip active content; `images` places a
photo (a JPEG byte for byte); `textpages`, `email_text` and `html_text`
typeset plain text and e-mail as a reader sees them. `geometry` is the page
frame they all fit into. The evidence bundle (`restitution.bundle`) binds
the result and stamps it; nothing here imports it.
"""
from __future__ import annotations

from restitution.exhibits.files import (
    ExhibitError,
    ExhibitInfo,
    UnusableFile,
    clear_cache,
    display_name,
    exhibit_info,
    exhibit_infos,
    location,
    open_pdf,
    pdf_pages,
    quiet_pypdf,
)

__all__ = ["ExhibitError", "ExhibitInfo", "UnusableFile", "clear_cache", "display_name",
           "exhibit_info", "exhibit_infos", "location", "open_pdf", "pdf_pages", "quiet_pypdf"]
