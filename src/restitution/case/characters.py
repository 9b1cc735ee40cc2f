"""Which characters a value may hold, beyond the controls yamlsource refuses everywhere.

Invisible format characters (Unicode category Cf) change how a value is
displayed without being seen: a LEFT-TO-RIGHT MARK inside an account number
makes Word and a browser show its digit groups in another order, a BOM or a
zero-width space makes two equal references differ. The policy:

- Identifiers, codes, numbers, amounts, dates, e-mail and web addresses,
  paths (every kind but free text): no Cf character at all, and digits only
  0-9 — `75٠0.00` (an ARABIC-INDIC DIGIT ZERO) or a full-width `２０２６`
  would be read as a number by Python but are not what a bank or a court
  reads, and the same number must compare equal however it was typed.
- Free text (names, addresses, summaries): the Cf characters that a script
  needs are kept — ZERO WIDTH NON-JOINER and JOINER (Persian, Indic scripts,
  emoji sequences), the direction marks LRM, RLM and ALM (a name in Arabic
  or Hebrew next to Latin text needs them, and a mark only moves the
  neutral characters next to it, unlike the overrides and isolates that
  yamlsource refuses everywhere), SOFT HYPHEN, ZERO WIDTH SPACE and WORD
  JOINER (line-break hints in Thai, Khmer, Lao), the Arabic number signs
  and the emoji tag characters. Every other Cf character (a BOM inside a
  value, the deprecated format characters, interlinear annotation) is refused.

Each check returns None or a message naming the code point and its position,
so the user can find a character they cannot see.
"""
from __future__ import annotations

import unicodedata

# Characters yamlsource reports for every value already (controls, overrides, isolates).
from restitution.case.yamlsource import FORBIDDEN, code_point

_FREE_TEXT_FORMAT = frozenset(
    "\u00ad"  # SOFT HYPHEN
    "\u0600\u0601\u0602\u0603\u0604\u0605\u06dd\u070f\u08e2"  # Arabic and Syriac number signs
    "\u061c"  # ARABIC LETTER MARK
    "\u180e"  # MONGOLIAN VOWEL SEPARATOR
    "\u200b\u200c\u200d\u200e\u200f"  # ZWSP, ZWNJ, ZWJ, LRM, RLM
    "\u2060"  # WORD JOINER
)
_TAGS = range(0xE0020, 0xE0080)  # emoji subdivision flags (England, Scotland, Wales)


def _name(ch: str) -> str:
    return unicodedata.name(ch, "unnamed character")


def _format_chars(value: str):
    for i, ch in enumerate(value, start=1):
        if ch > "\x7f" and unicodedata.category(ch) == "Cf" and not FORBIDDEN.match(ch):
            yield i, ch


def invisible_problem(value: str, *, free_text: bool) -> str | None:
    """A message for the first invisible format character `value` may not hold, or None."""
    for position, ch in _format_chars(value):
        if free_text and (ch in _FREE_TEXT_FORMAT or ord(ch) in _TAGS):
            continue
        what = "in text" if free_text else "in an identifier, number or date"
        return (f"invisible character {code_point(ch)} ({_name(ch)}) at position {position} is not allowed "
                f"{what}; delete it (retype the value if you cannot find it)")
    return None


def digit_problem(value: str) -> str | None:
    """A message for the first decimal digit of `value` that is not 0-9, or None."""
    for position, ch in enumerate(value, start=1):
        if ch > "\x7f" and unicodedata.category(ch) == "Nd":
            return (f"digit {code_point(ch)} ({_name(ch)}) at position {position}: write numbers, dates "
                    "and identifiers with the digits 0-9")
    return None
