"""Styled base packages of the DOCX writer kept on disk, so a fresh process does not define them again.

Defining the Word styles of a set of languages (`_docx_styles._StyledBase`) is
python-docx work on the style part: about 0.1 s for English, 0.15 s for a
bilingual document, paid once by every process that writes a DOCX, and by each
worker of a packet. The result is a small package (about 30 KB), so it is kept
in the user's cache folder (`restitution.cache`) and read back as a process's
first base.

What decides the package is in the entry's name: the sides' description (the
languages, their style sheets, the firm's fonts), python-docx's version (its
template), and the source of the modules that build the package, so that a
change to any of them gives a new entry and a stale package is never used. The
trade-off: one file per set of languages and style sheets used; the folder is
trusted as the user's own .pyc files are. A missing, torn or unwritable entry
means building the package as before (the bytes are the same either way: the
base is always read back from its saved form, see `open_package`).
"""
from __future__ import annotations

import hashlib
from functools import lru_cache
from pathlib import Path

from restitution import cache
from restitution.cache import cache_dir

_MAGIC = b"restitution-docx-base\n"


@lru_cache(maxsize=1)
def _code_fingerprint() -> str:
    import docx

    from restitution import styles
    from restitution.writers import _docx_styles, _ooxml, _ooxml_package

    h = hashlib.sha256(str(getattr(docx, "__version__", "")).encode())
    for module in (_docx_styles, _ooxml, _ooxml_package, styles):
        h.update(Path(module.__file__ or "").read_bytes())
    return h.hexdigest()


def _entry(description: str) -> Path:
    digest = hashlib.sha256(f"{_code_fingerprint()}\0{description}".encode()).hexdigest()
    return cache_dir("docx") / f"{digest}.docx-base"


def load(description: str) -> bytes | None:
    """The saved base of `description`, or None (not saved, unreadable, torn)."""
    try:
        blob = _entry(description).read_bytes()
    except Exception:  # no cache folder, unreadable file: build it
        return None
    if not blob.startswith(_MAGIC):
        return None
    data = blob[len(_MAGIC):]
    return data if data.startswith(b"PK") else None


def store(description: str, data: bytes) -> None:
    """Save a base, write-then-rename (another process may read it meanwhile); never fails."""
    try:
        target = _entry(description)
    except Exception:  # no usable cache folder: build it again next time
        return
    cache.store(target, _MAGIC + data)
