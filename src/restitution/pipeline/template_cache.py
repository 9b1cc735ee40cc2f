"""Compiled templates kept on disk, so a fresh process does not compile them again.

Jinja turns each template into Python source and compiles it: about 20 to 30 ms per
document template here, 0.3 s for the twelve templates of a packet, paid again by
every process (and by each worker of a packet). Jinja's own `FileSystemBytecodeCache`
keeps the compiled code in the user's cache folder (`restitution.cache`), as Python
keeps .pyc files.

What decides the compiled code is checked before a cached entry is used: the
template's source (Jinja's checksum, here also over the template's file name), the
Jinja and Python versions (Jinja's header), and this program's code generator, the
sandbox's guards compiled into every template (`sandbox.py`, `budget.py`) and the
environment's options (`templating.py`): a change to any of them gives new keys, so
a template is never run with guards older than the code. The trade-off: the cache
folder is trusted as the user's own .pyc files are (whoever can write it can already
change the program); an unreadable or corrupt entry is compiled afresh, and a folder
that cannot be written means compiling every time, as before.
"""
from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Any

import jinja2
from jinja2.bccache import Bucket, FileSystemBytecodeCache

from restitution.cache import cache_dir


def _fingerprint() -> str:
    from restitution.pipeline import budget, sandbox, templating

    h = hashlib.sha256(jinja2.__version__.encode())
    for module in (sandbox, budget, templating):
        h.update(Path(module.__file__ or "").read_bytes())
    return h.hexdigest()


class TemplateCache(FileSystemBytecodeCache):
    """Jinja's file cache, keyed also by the code that shapes the compiled templates."""

    def __init__(self, directory: Path):
        super().__init__(str(directory), "%s.jinja")
        self._salt = _fingerprint()

    def get_cache_key(self, name: str, filename: str | None = None) -> str:
        return hashlib.sha256(f"{self._salt}\0{name}\0{filename}".encode()).hexdigest()

    def get_source_checksum(self, source: str) -> str:
        return hashlib.sha256((self._salt + "\0" + source).encode("utf-8")).hexdigest()

    def load_bytecode(self, bucket: Bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:  # a torn or foreign file: compile afresh (and overwrite it)
            bucket.reset()


def template_cache() -> Any:
    """The cache for a new environment, or None when the folder cannot be made."""
    folder = cache_dir("templates")
    try:
        folder.mkdir(parents=True, exist_ok=True)
    except OSError:
        return None
    return TemplateCache(folder)
