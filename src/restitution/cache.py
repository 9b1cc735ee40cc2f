"""The user's cache folder: things worth keeping between runs and safe to delete.

Font metrics (`writers._font_cache`), compiled templates (`pipeline.template_cache`),
parsed phrase catalogues (`language.phrase_cache`), PRC holidays by year
(`holiday_calendar`), styled DOCX bases (`writers._docx_base_cache`) and exhibits'
page counts (`exhibits.facts_cache`) live here. Everything in it is derived from files the program reads anyway and is
checked against them before use, so a missing, stale or unwritable folder costs only
speed, never a different output: the trade-off is a few megabytes on disk for a
faster first page.

The folder is $RESTITUTION_CACHE_DIR when set, otherwise the platform's user cache
folder (``$XDG_CACHE_HOME/restitution``, by default ``~/.cache/restitution``, on
Linux; ``~/Library/Caches/restitution`` on macOS; the local application data folder
on Windows).
"""
from __future__ import annotations

import os
import tempfile
from pathlib import Path

APP = "restitution"
ENV_VAR = "RESTITUTION_CACHE_DIR"


def cache_dir(part: str) -> Path:
    """The folder of one kind of cached data (not created here)."""
    override = os.environ.get(ENV_VAR, "").strip()
    if override:
        return Path(override).expanduser() / part
    import platformdirs  # only a command that renders pays for the import

    return Path(platformdirs.user_cache_dir(APP, appauthor=False)) / part


def store(target: Path, data: bytes) -> None:
    """Write a cache entry whole or not at all (write-then-rename: another process may be
    reading it); any failure (a read-only home, a full disk) is ignored, costing only time."""
    try:
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, tmp = tempfile.mkstemp(prefix=".tmp-", dir=target.parent)
        try:
            with os.fdopen(fd, "wb") as f:
                f.write(data)
            os.replace(tmp, target)
        except BaseException:
            Path(tmp).unlink(missing_ok=True)
            raise
    except OSError:
        pass
