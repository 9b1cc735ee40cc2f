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

from typing import TYPE_CHECKING

__all__ = ["ExhibitError", "ExhibitInfo", "UnusableFile", "clear_cache", "display_name",
           "exhibit_info", "exhibit_infos", "location", "open_pdf", "pdf_pages", "quiet_pypdf"]

if TYPE_CHECKING:
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


def __getattr__(name: str):
    # `files` (and the case reader it needs) is imported on first use of these names, so that
    # the PDF writer can use `images` without loading the case's side (pipeline.writer_process).
    if name in __all__:
        from restitution.exhibits import files

        return getattr(files, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
