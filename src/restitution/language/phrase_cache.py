"""Parsed phrase files kept on disk, so that a fresh process does not parse them again.

A language's catalogue is some twenty YAML files read with the case file's reader
(`case.yamlsource`: pure Python, every line number kept): about 9 ms per language,
paid by every process that renders a document, before its first page. The phrases
parsed from each file are kept in the user's cache folder (`restitution.cache`) under
a key made of the file's text, its name as messages show it, and the code that reads
it (this module, `catalogue`, `case.yamlsource`): an edited file, a firm's own file or
a changed reader gives another key. Only files read without a problem are kept, so a
problem is always reported from a fresh reading, with its line.

The trade-off is the one of compiled templates (`pipeline.template_cache`): the folder
is trusted as the user's own .pyc files are (whoever can write it can already change
the program); an entry that cannot be read or is not what this module writes is
parsed afresh, and a folder that cannot be written costs only the time saved.
"""
from __future__ import annotations

import hashlib
import pickle
import sys
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from restitution import cache as user_cache

if TYPE_CHECKING:
    from restitution.language.catalogue import Phrase

FOLDER = "phrases"


@cache
def _fingerprint() -> bytes:
    from restitution.case import yamlsource
    from restitution.language import catalogue

    h = hashlib.sha256(f"{sys.version_info[:2]}".encode())
    for module in (yamlsource, catalogue, sys.modules[__name__]):
        h.update(Path(module.__file__ or "").read_bytes())
    return h.digest()


def _entry(display: str, text: str) -> Path:
    key = hashlib.sha256(_fingerprint() + display.encode("utf-8") + b"\0" + text.encode("utf-8")).hexdigest()
    return user_cache.cache_dir(FOLDER) / f"{key}.pickle"


def load(display: str, text: str) -> dict[str, Phrase] | None:
    """The phrases kept for this file's text, or None."""
    from restitution.language.catalogue import Phrase

    try:
        phrases = pickle.loads(_entry(display, text).read_bytes())
    except Exception:  # noqa: BLE001 - missing, torn or foreign: read the file afresh
        return None
    if not isinstance(phrases, dict) or not all(isinstance(p, Phrase) for p in phrases.values()):
        return None
    return phrases


def save(display: str, text: str, phrases: dict[str, Phrase]) -> None:
    """Keep the phrases read without a problem from this file's text."""
    user_cache.store(_entry(display, text), pickle.dumps(phrases, protocol=pickle.HIGHEST_PROTOCOL))
