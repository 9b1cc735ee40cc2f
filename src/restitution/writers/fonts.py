"""Fonts for the PDF writer (and the evidence bundle): loading, registration, fallback.

Every language has a *stack* of font families. Each character of the text is
set in the first family of the stack that has a glyph for it, so Latin text in
an English document uses Noto Serif, Chinese names inside it Noto Serif SC,
a stray Hebrew word DejaVu Sans, and an emoji (monochrome) Noto Emoji. A character that no family has is an error
(`MissingGlyphError`), never a blank box in a legal document.

Users add fonts in two ways, both placed *first* in every stack:

- the environment variable ``RESTITUTION_FONT_DIR``: one folder (or several,
  separated by ``os.pathsep``) of TrueType files named ``<Family>-Regular.ttf``
  (or ``<Family>.ttf``), and optionally ``<Family>-Bold.ttf``,
  ``<Family>-Italic.ttf``, ``<Family>-BoldItalic.ttf``; families are taken in
  alphabetical order;
- the Python API: ``FontConfig(families=(FontFamily(...),), dirs=(...))``.

Fonts are registered with reportlab once per process, each face when a document
first needs it (an English text never reads the Chinese faces); reportlab's parse of
a face is kept in the user's cache folder, looked up by the font file's hash
(``_font_cache``; safe to delete, ``RESTITUTION_CACHE_DIR`` moves it); reportlab
embeds the subset of glyphs a document uses, cut from the font file itself. No italic faces are bundled: Latin-only
families get a synthetic oblique (outlines slanted 12 degrees, built once in
memory), while families with Chinese characters stay upright in italic runs,
because slanted Chinese reads as a typesetting error, not as emphasis.
"""
from __future__ import annotations

# The public names; each idea lives in its own module: which fonts (_font_config),
# registering them with reportlab (_font_faces), their parsed metrics kept on disk
# (_font_cache), choosing one per character (_font_stack).
from restitution.writers._font_config import (
    BUNDLED, BUNDLED_DIR, BUNDLED_STACKS, ENV_VAR, STYLES, FontConfig, FontConfigError, FontError,
    FontFamily, MissingGlyphError, env_font_dirs, scan_font_dir, stack_lang,
)
from restitution.writers._font_faces import OBLIQUE_SLANT, LoadedFamily, load_family
from restitution.writers._font_stack import FontStack, font_stack

__all__ = [
    "BUNDLED", "BUNDLED_DIR", "BUNDLED_STACKS", "ENV_VAR", "OBLIQUE_SLANT", "STYLES", "FontConfig",
    "FontConfigError", "FontError", "FontFamily", "FontStack", "LoadedFamily", "MissingGlyphError",
    "env_font_dirs", "font_stack", "load_family", "scan_font_dir", "stack_lang",
]
