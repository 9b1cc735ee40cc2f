"""reportlab's reading of a TrueType face, kept on disk so a face is parsed once per machine.

Parsing a face (name, head, hhea, OS/2, post, cmap, hmtx, loca tables) is pure Python in
reportlab: about 30 ms for each 10.8 MB Noto Serif SC face on an idle core, several
times that on a loaded one, and most of it is walking the 23,000-glyph cmap and
metrics. What the parse yields is plain data (numbers, names, the character-to-glyph
map, the widths, the glyph offsets), so it is written once to the user's cache folder
and read back with `marshal` (a few milliseconds; `marshal` cannot build arbitrary
objects, unlike `pickle`, so a planted cache file can at worst be refused).

The trade-off: each use still reads the whole font file and hashes it (SHA-256, about
5 ms for 10.8 MB), because the entry is looked up by the hash of the bytes reportlab
will embed: a font replaced in place under the same name and date can never be
paired with another font's metrics. reportlab needs those bytes in memory anyway to
cut the subset it embeds. The entry's name carries reportlab's version and the
layout of this module's data, so an upgrade starts afresh.

The cache is an optimisation only: a missing, unreadable, corrupt or unwritable cache
folder means the face is parsed as before, and deleting the folder is always safe.
Only the face's metrics are cached; the subset embedded in a PDF is cut from the font
file itself, as before, so the output is byte for byte what a fresh parse gives.
"""
from __future__ import annotations

import hashlib
import marshal
from pathlib import Path
from typing import Any

from restitution.cache import cache_dir as user_cache_dir
from restitution.cache import store

FORMAT = 1  # bump when the data written below changes shape
# Attributes that are not data: the font bytes (read from the file each time), a lambda
# (made again from unitsPerEm) and the file name (the path given for this use).
_NOT_STORED = frozenset({"_ttf_data", "_pdfScale", "filename"})
_NAME = "__ttfname__"


def cache_dir() -> Path:
    """The folder of cached font metrics (see `restitution.cache`)."""
    return user_cache_dir("fonts")


def _entry(digest: str) -> Path:
    from reportlab import Version

    return cache_dir() / f"{digest}.reportlab-{Version}.v{FORMAT}.marshal"


def _encode(state: dict[str, Any]) -> bytes:
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    plain = {k: ((_NAME, v.ustr) if isinstance(v, TTFNameBytes) else v)
             for k, v in state.items() if k not in _NOT_STORED}
    return marshal.dumps(plain)


def _decode(blob: bytes) -> dict[str, Any]:
    from reportlab.pdfbase.ttfonts import TTFNameBytes

    plain = marshal.loads(blob)
    if not isinstance(plain, dict) or "charToGlyph" not in plain or "unitsPerEm" not in plain:
        raise ValueError("not a font metrics entry")
    return {k: (TTFNameBytes(v[1].encode("utf8"))
                if isinstance(v, tuple) and len(v) == 2 and v[0] == _NAME else v)
            for k, v in plain.items()}


def _scale(units_per_em: int):
    # The same function reportlab's extractInfo makes from the head table.
    if units_per_em == 1000:
        return lambda x: x
    mult = 1000 / units_per_em
    return lambda x: x * mult


def read_face(path: Path):
    """The reportlab face of a TrueType file: from the cache when its hash is known,
    otherwise parsed (and the result stored for the next process)."""
    from reportlab.pdfbase import pdfmetrics
    from reportlab.pdfbase.ttfonts import TTFontFace

    data = path.read_bytes()
    digest = hashlib.sha256(data).hexdigest()
    try:
        state = _decode(_entry(digest).read_bytes())
    except (OSError, ValueError, EOFError, TypeError, KeyError, IndexError, AttributeError):
        face = TTFontFace(str(path))
        _store(digest, face.__dict__)
        return face
    face = TTFontFace.__new__(TTFontFace)
    pdfmetrics.TypeFace.__init__(face, None)
    vars(face).update(state, _ttf_data=data, filename=str(path), _pdfScale=_scale(state["unitsPerEm"]))
    return face


def _store(digest: str, state: dict[str, Any]) -> None:
    """Write an entry atomically (other processes may read it meanwhile); skip on any failure."""
    try:
        target, data = _entry(digest), _encode(state)
    except (OSError, ValueError):
        return  # no cache folder, a value marshal cannot hold: parse again next time
    store(target, data)


def make_font(rl_name: str, face):
    """A reportlab TTFont around a face already read, as `TTFont(rl_name, file)` builds it."""
    from fnmatch import fnmatch
    from weakref import WeakKeyDictionary

    from reportlab import rl_config
    from reportlab.pdfbase import ttfonts

    # The attributes TTFont.__init__ sets (a test compares them with reportlab's own).
    font = ttfonts.TTFont.__new__(ttfonts.TTFont)
    vars(font).update(fontName=rl_name, face=face, encoding=ttfonts.TTEncoding(), state=WeakKeyDictionary(),
                      _asciiReadable=rl_config.ttfAsciiReadable)
    font.shapable = not any(fnmatch(rl_name, g) for g in getattr(ttfonts, "unShapedFontGlob", ()))
    return font
