"""Right-to-left text (Hebrew, Arabic) in the PDF.

reportlab draws a line's characters in the order they are stored, left to right,
and draws each Arabic letter in its isolated form. A PDF must hold what is seen:
Arabic letters are given their joining forms before lines are broken (the forms
have their own widths), and each line, once broken, is put into visual order by
the Unicode bidirectional algorithm, its runs keeping their fonts and styles.
Paragraphs run left to right (the documents are English or Chinese; Hebrew and
Arabic appear as names and quotations), as in the DOCX writer. Text without
right-to-left characters never reaches this module, so its output is unchanged.
"""
from __future__ import annotations

import re
import unicodedata
from typing import Callable

from restitution.errors import EXIT_USAGE, RestitutionError

# Hebrew to N'Ko and Arabic extensions, the presentation forms, and the historic RTL scripts.
_RTL = re.compile("[\u0590-\u08FF\uFB1D-\uFDFF\uFE70-\uFEFF\U00010800-\U00010FFF\U0001E800-\U0001EFFF]")
_ARABIC = re.compile("[\u0600-\u06FF\u0750-\u077F\u08A0-\u08FF]")


class BidiUnavailableError(RestitutionError):
    """python-bidi or arabic-reshaper is not installed."""

    exit_code = EXIT_USAGE


def has_rtl(text: str) -> bool:
    return _RTL.search(text) is not None


def shape(text: str, drawable: Callable[[str], bool]) -> str:
    """Arabic letters in their joining forms (logical order still); a form that no font
    can draw (`drawable` is false) stays the plain letter, as before."""
    if _ARABIC.search(text) is None:
        return text
    try:
        import arabic_reshaper
    except ImportError:
        raise _missing("arabic-reshaper") from None
    shaped = arabic_reshaper.reshape(text)
    return "".join(c if drawable(c) else unicodedata.normalize("NFKC", c) for c in shaped)


def visual_text(text: str) -> str:
    """One line of text in the order it is drawn."""
    return "".join(ch for ch, _ in _visual(text)) if has_rtl(text) else text


def visual_lines(bl_para):
    """A copy of a broken paragraph (reportlab's blPara) with every line holding right-to-left
    text in visual order; the paragraph itself when none does."""
    lines = list(bl_para.lines)
    changed = False
    for n, line in enumerate(lines):
        if bl_para.kind == 0:  # one font: (extra space, words)
            words = line[1]
            if has_rtl("".join(words)):
                lines[n] = (line[0], visual_text(" ".join(words)).split(" "))
                changed = True
        elif any(has_rtl(getattr(f, "text", "")) for f in line.words):
            lines[n] = line.clone(words=_visual_frags(line.words))
            changed = True
    return bl_para.clone(lines=lines) if changed else bl_para


def _visual_frags(frags: list) -> list:
    """A line's fragments (runs of one font and style) cut and ordered as drawn."""
    if any(getattr(f, "cbDefn", None) is not None or not hasattr(f, "text") for f in frags):
        return frags  # links, images: never in the runs this writer makes
    owner = [k for k, f in enumerate(frags) for _ in f.text]
    out: list[tuple[int, list[str]]] = []
    for ch, i in _visual("".join(f.text for f in frags)):
        if out and out[-1][0] == owner[i]:
            out[-1][1].append(ch)
        else:
            out.append((owner[i], [ch]))
    return [frags[k].clone(text="".join(chars)) for k, chars in out]


def _visual(text: str) -> list[tuple[str, int]]:
    """(character as drawn, index in `text`) in visual order: the bidirectional algorithm
    on one line, left-to-right base, brackets mirrored inside right-to-left runs."""
    try:
        # The pure-Python implementation: it keeps each character's record through the
        # reordering, which gives the index the runs are cut by.
        from bidi import algorithm as uba
    except ImportError:
        raise _missing("python-bidi") from None
    storage = uba.get_empty_storage()
    storage["base_level"], storage["base_dir"] = 0, "L"
    uba.get_embedding_levels(text, storage)
    for i, record in enumerate(storage["chars"]):
        record["index"] = i
    uba.explicit_embed_and_overrides(storage)
    uba.resolve_weak_types(storage)
    uba.resolve_neutral_types(storage, False)
    uba.resolve_implicit_levels(storage, False)
    uba.reorder_resolved_levels(storage, False)
    uba.apply_mirroring(storage, False)
    return [(record["ch"], record["index"]) for record in storage["chars"]]


def _missing(package: str) -> BidiUnavailableError:
    return BidiUnavailableError(
        f"right-to-left text (Hebrew, Arabic) in a PDF needs the Python package {package}, which is "
        f"not installed; install it with: pip install python-bidi arabic-reshaper")
