"""Rebuild the bundled fonts in src/restitution/fonts from upstream files.

The bundled fonts are subsets of OFL / permissively licensed fonts, cut down so
that the wheel stays small while every character of GBK and Big5-HKSCS (all
CJK Unified Ideographs of the basic block, simplified and traditional) and the
Latin, Greek and Cyrillic scripts are covered. Layout tables are dropped:
reportlab does not use them, and Word/LibreOffice use system fonts.

Usage (developers only; the package never runs this):
    python tools/build_fonts.py --serif-sc-regular NotoSerifSC-Regular.ttf \
        --serif-sc-bold NotoSerifSC-Bold.ttf --serif-regular NotoSerif-Regular.ttf \
        --serif-bold NotoSerif-Bold.ttf --fallback DejaVuSans.ttf \
        --emoji NotoEmoji-Regular.ttf

The Noto Serif SC static TrueType (glyf) instances come from the Google Fonts
distribution; Noto Serif and DejaVu Sans from any distribution of those fonts.
Noto Emoji is the monochrome static TrueType instance (Regular, 400) of the
Google Fonts family, e.g. the npm package @expo-google-fonts/noto-emoji
(NotoEmoji_400Regular.ttf; its LICENSE_FONT is the OFL). It is cut down to the
emoji and pictographic symbols the other bundled fonts lack, so that it adds
only what it must to the wheel.
"""
from __future__ import annotations

import argparse
from pathlib import Path

from fontTools import subset

OUT = Path(__file__).resolve().parents[1] / "src" / "restitution" / "fonts"

COMMON_RANGES = [
    (0x0020, 0x024F), (0x02B0, 0x036F), (0x0370, 0x03FF), (0x0400, 0x04FF),
    (0x1E00, 0x1EFF), (0x2000, 0x206F), (0x20A0, 0x20CF), (0x2100, 0x218F),
    (0x2190, 0x21FF), (0x2200, 0x22FF), (0x2460, 0x24FF), (0x2500, 0x257F),
    (0x25A0, 0x25FF), (0x2600, 0x26FF), (0x3000, 0x303F), (0x3200, 0x32FF),
    (0xFE30, 0xFE4F), (0xFF00, 0xFFEF),
]


# Where emoji live: symbols and arrows of the BMP, the supplementary pictographs.
EMOJI_RANGES = [(0x00A9, 0x00A9), (0x00AE, 0x00AE), (0x2000, 0x2BFF), (0x3030, 0x303D),
                (0x3297, 0x3299), (0x1F000, 0x1FAFF)]


def _cjk_codepoints() -> set[int]:
    cps: set[int] = set()
    for cp in range(0x3400, 0xA000):
        ch = chr(cp)
        for enc in ("gbk", "big5hkscs"):
            try:
                ch.encode(enc)
            except UnicodeEncodeError:
                continue
            cps.add(cp)
            break
    return cps


def _common() -> set[int]:
    return {cp for lo, hi in COMMON_RANGES for cp in range(lo, hi + 1)}


def _subset(src: Path, dst: Path, unicodes: set[int] | None) -> None:
    opts = subset.Options()
    opts.layout_features = []
    opts.hinting = False
    opts.drop_tables += ["BASE", "STAT", "vhea", "vmtx", "GSUB", "GPOS", "gasp", "prep", "DSIG"]
    opts.name_IDs = ["*"]
    opts.notdef_outline = True
    font = subset.load_font(str(src), opts)
    sub = subset.Subsetter(opts)
    sub.populate(unicodes=unicodes if unicodes is not None else font.getBestCmap().keys())
    sub.subset(font)
    subset.save_font(font, str(dst), opts)
    print(f"{dst.name}: {dst.stat().st_size:,} bytes")


def _emoji(src: Path, others: list[Path]) -> set[int]:
    """The emoji code points of `src` that none of the other bundled fonts has."""
    from fontTools.ttLib import TTFont

    have: set[int] = set()
    for path in others:
        have |= set(TTFont(str(path)).getBestCmap())
    wanted = {cp for lo, hi in EMOJI_RANGES for cp in range(lo, hi + 1)}
    return (set(TTFont(str(src)).getBestCmap()) & wanted) - have


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    for name in ("serif-sc-regular", "serif-sc-bold", "serif-regular", "serif-bold", "fallback", "emoji"):
        ap.add_argument(f"--{name}", type=Path, required=True)
    a = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    cjk = _cjk_codepoints() | _common()
    _subset(a.serif_sc_regular, OUT / "NotoSerifSC-Regular.ttf", cjk)
    _subset(a.serif_sc_bold, OUT / "NotoSerifSC-Bold.ttf", cjk)
    _subset(a.serif_regular, OUT / "NotoSerif-Regular.ttf", _common())
    _subset(a.serif_bold, OUT / "NotoSerif-Bold.ttf", _common())
    _subset(a.fallback, OUT / "DejaVuSans.ttf", None)
    others = [OUT / n for n in ("NotoSerifSC-Regular.ttf", "NotoSerif-Regular.ttf", "DejaVuSans.ttf")]
    _subset(a.emoji, OUT / "NotoEmoji-Regular.ttf", _emoji(a.emoji, others))


if __name__ == "__main__":
    main()
