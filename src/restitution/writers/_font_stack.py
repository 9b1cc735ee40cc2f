"""A language's stack of font families and the per-character choice among them."""
from __future__ import annotations

import threading
import unicodedata

from restitution.language import Language
from restitution.writers._font_config import FontConfig, MissingGlyphError, stack_lang
from restitution.writers._font_faces import LoadedFamily, load_family

_lock = threading.RLock()
_SPACES = str.maketrans("\t\n\r", "   ")  # drawn as spaces


# Characters with nothing to draw: a font lacking them loses nothing. (Not every format
# character is invisible: the Arabic number signs are drawn, so this is a list, not a category.)
_INVISIBLE = (
    (0x00AD, 0x00AD), (0x180E, 0x180E), (0x200B, 0x200F), (0x202A, 0x202E), (0x2060, 0x206F),
    (0xFE00, 0xFE0F), (0xFEFF, 0xFEFF), (0xE0001, 0xE007F), (0xE0100, 0xE01EF),
)


def _invisible(char: str) -> bool:
    cp = ord(char)
    return unicodedata.category(char) == "Cc" or any(lo <= cp <= hi for lo, hi in _INVISIBLE)


class FontStack:
    """The families of one language, in order, and the per-character choice among them."""

    def __init__(self, lang: str, families: tuple[LoadedFamily, ...]):
        self.lang = lang
        self.families = families
        self.names = tuple(f.name for f in families)
        self.primary = families[0]
        self._choice: dict[str, LoadedFamily | None] = {}

    def family_for(self, char: str) -> LoadedFamily | None:
        try:
            return self._choice[char]
        except KeyError:
            pass
        cp = ord(char)
        found = next((f for f in self.families if cp in f.chars), None)
        self._choice[char] = found
        return found

    def segments(self, text: str) -> list[tuple[LoadedFamily, str]]:
        """Split text into runs of one family each; raise `MissingGlyphError` for a character none has."""
        # Called for every run of every paragraph, each time reportlab wraps it: runs are cut
        # as slices, and only a text with a character no family has (dropped when invisible,
        # else reported) takes the character-by-character path.
        choice = self._choice
        spaced = text.translate(_SPACES)
        out: list[tuple[LoadedFamily, str]] = []
        cur: LoadedFamily | None = None
        begin = 0
        for i, ch in enumerate(spaced):
            fam = choice[ch] if ch in choice else self.family_for(ch)
            if fam is None:
                return self._segments_by_char(text)
            if fam is not cur:
                if cur is not None:
                    out.append((cur, spaced[begin:i]))
                cur, begin = fam, i
        if cur is not None:
            out.append((cur, spaced[begin:]))
        return out

    def _segments_by_char(self, text: str) -> list[tuple[LoadedFamily, str]]:
        out: list[tuple[LoadedFamily, str]] = []
        cur: LoadedFamily | None = None
        buf: list[str] = []
        for i, ch in enumerate(text):
            if ch in "\t\n\r":
                ch = " "
            fam = self.family_for(ch)
            if fam is None:
                if _invisible(ch):
                    continue
                raise MissingGlyphError(ch, self.names, context=text[max(0, i - 12): i + 13].strip() or None)
            if cur is not None and fam is not cur and buf:
                out.append((cur, "".join(buf)))
                buf = []
            cur = fam
            buf.append(ch)
        if cur is not None and buf:
            out.append((cur, "".join(buf)))
        return out

    def check(self, text: str) -> None:
        self.segments(text)


_stacks: dict[tuple, FontStack] = {}


def font_stack(lang: "Language | str", config: FontConfig | None = None) -> FontStack:
    """The registered stack of a language (or its code: en, zh, zh-Hant), user fonts first."""
    config = config or FontConfig()
    loaded = tuple(load_family(f) for f in config.stack(lang))
    key = (stack_lang(lang),) + tuple(f.base for f in loaded)
    with _lock:
        stack = _stacks.get(key)
        if stack is None:
            stack = _stacks[key] = FontStack(stack_lang(lang), loaded)
        return stack
