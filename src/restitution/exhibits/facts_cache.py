"""An exhibit's page count kept on disk, so a fresh process does not lay out the same file again.

Counting pages is the dear part of reading an exhibit: importing pypdf and checking
every page of a PDF, or typesetting an e-mail or a text file with the bundle's fonts
(0.22 s of the packet's cpu for the example's six exhibits, in every process). The
count is written to the user's cache folder (`restitution.cache`) once the file has
been read successfully, and looked up the next time by the file's SHA-256, which
`files` computes anyway.

What decides the count is part of the key, so a cached count is never one that the
code in use would not give: the code of this package (the readers, the typesetter,
the page geometry and limits), the font code and the bundle's font stack
(`RESTITUTION_FONT_DIR` and the files in those folders, by name, size and date:
e-mail and text pages are laid out with them), and the installed pypdf, Pillow and
reportlab (by their files' size and date, found without importing them). Only counts
are cached, never a refusal: a file that fails is read again next time and fails
with its own message. The trade-off: one small file per exhibit in the cache
folder, which is always safe to delete; an unwritable folder means counting again.
"""
from __future__ import annotations

import functools
import hashlib
import json
import os
from importlib.util import find_spec
from pathlib import Path

from restitution import cache
from restitution.cache import cache_dir

FORMAT = 1
_PACKAGE = Path(__file__).resolve().parent
_FONT_CODE = ("bundle/fonts.py", "writers/_font_config.py", "writers/_font_stack.py", "writers/_font_faces.py")
_FONT_ENV = "RESTITUTION_FONT_DIR"


@functools.lru_cache(maxsize=8)
def _code_fingerprint() -> str:
    h = hashlib.sha256(f"exhibit facts {FORMAT}".encode())
    for path in sorted(_PACKAGE.glob("*.py")) + [_PACKAGE.parent / p for p in _FONT_CODE]:
        h.update(path.name.encode() + b"\0" + path.read_bytes())
    for name in ("pypdf", "PIL", "reportlab"):
        spec = find_spec(name)
        origin = spec.origin if spec is not None else None
        st = os.stat(origin) if origin else None
        h.update(f"{name}:{origin}:{st.st_size if st else 0}:{st.st_mtime_ns if st else 0}".encode())
    return h.hexdigest()


def _fonts_fingerprint() -> str:
    """The user's font folders as the bundle's typesetter sees them (cheap: a listing)."""
    value = os.environ.get(_FONT_ENV, "")
    h = hashlib.sha256(value.encode())
    for folder in value.split(os.pathsep):
        if not folder.strip():
            continue
        try:
            entries = sorted(os.scandir(Path(folder.strip()).expanduser()), key=lambda e: e.name)
        except OSError:
            h.update(b"unreadable")
            continue
        for entry in entries:
            try:
                st = entry.stat()
            except OSError:
                continue
            h.update(f"{entry.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return h.hexdigest()


def _entry(sha256: str, media: str) -> Path:
    key = hashlib.sha256(f"{_code_fingerprint()}\0{_fonts_fingerprint()}".encode()).hexdigest()[:32]
    return cache_dir("exhibits") / f"{sha256}.{media}.{key}.json"


def pages(sha256: str, media: str) -> int | None:
    """The cached page count of a file with these bytes, or None."""
    try:
        data = json.loads(_entry(sha256, media).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    n = data.get("pages") if isinstance(data, dict) else None
    return n if isinstance(n, int) and not isinstance(n, bool) and n > 0 else None


def store(sha256: str, media: str, count: int) -> None:
    """Keep a count (atomically: other processes may read meanwhile); skip on any failure."""
    try:
        target = _entry(sha256, media)
    except OSError:
        return
    cache.store(target, json.dumps({"pages": count}).encode("utf-8"))
