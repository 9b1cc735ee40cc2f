"""The languages a document is written in: one value per language.

A `Language` carries everything the pipeline used to infer from a bare code
string: its BCP 47 tag (PDF metadata), the name Word gives it (``ooxml_tag``:
``w:lang`` and the DOCX core properties), script, Babel locale, the template
folders it reads, how its text is derived from another language's (Hong Kong
Traditional from the Simplified templates through OpenCC), its style-sheet and
font-stack keys, and its phrase catalogue (`restitution.language.catalogue`).

Three languages exist; an unknown code is a `UsageError` here, at the edge,
instead of a silent fallback to English somewhere deep in a writer. A
bilingual document is not a language but a pairing of two (`BILINGUAL`), so
output modes are `OUTPUT_MODES` and documents' own languages are `LANGUAGES`.
"""
from __future__ import annotations

from typing import Literal

from restitution.errors import UsageError
from restitution.records import record

Script = Literal["Latn", "Hans", "Hant"]


@record
class Language:
    code: str  # the name in file names, CLI options and template folders: en, zh, zh-Hant
    tag: str  # BCP 47: PDF /Lang, HTML lang, anything that reads BCP 47
    # The same language as Word names it, for everything in a DOCX (w:lang, core
    # properties, theme language). Word resolves a language name through its table of
    # Windows locale names (language-REGION: "zh-CN", "zh-HK"); a BCP 47 tag with a
    # script subtag ("zh-Hant-HK") is not in that table, and Word then shows the text
    # as of no language (no proofing, wrong glyph variants for Han characters).
    ooxml_tag: str
    script: Script
    babel_locale: str  # dates, numbers and currency names
    name: str  # the language's own name, for messages and the preview
    # Template folders in search order before ``common``: a zh-Hant document reads
    # its own folder first, then the Simplified one (converted, see `converted_from`).
    template_dirs: tuple[str, ...]
    # The language whose text is converted into this one when no own template or
    # catalogue entry exists, and the OpenCC configuration that converts it.
    converted_from: str | None = None
    opencc: str | None = None
    sheet: str = "en"  # style sheet key (styles.SHEETS)
    fonts: str = "en"  # bundled font stack key (writers._font_config.BUNDLED_STACKS)

    @property
    def chinese(self) -> bool:
        """Han script: full-width punctuation, 大写 amounts, two-character indents."""
        return self.script in ("Hans", "Hant")

    @property
    def traditional(self) -> bool:
        return self.script == "Hant"

    def __str__(self) -> str:
        return self.code


EN = Language(code="en", tag="en", ooxml_tag="en-US", script="Latn", babel_locale="en", name="English",
              template_dirs=("en",), sheet="en", fonts="en")
ZH = Language(code="zh", tag="zh-Hans-CN", ooxml_tag="zh-CN", script="Hans", babel_locale="zh_Hans_CN", name="简体中文",
              template_dirs=("zh",), sheet="zh", fonts="zh")
# Hong Kong documents: Traditional characters with Hong Kong usage (港幣, 加幣),
# converted from the Simplified templates unless a zh-Hant template exists.
ZH_HANT = Language(code="zh-Hant", tag="zh-Hant-HK", ooxml_tag="zh-HK", script="Hant", babel_locale="zh_Hant_HK", name="繁體中文（香港）",
                   template_dirs=("zh-Hant", "zh"), converted_from="zh", opencc="s2hk.json",
                   sheet="zh-Hant", fonts="zh")

LANGUAGES: dict[str, Language] = {lang.code: lang for lang in (EN, ZH, ZH_HANT)}

BILINGUAL = "bilingual"
# What --lang accepts: English, Chinese (the case's variant: Simplified, or
# Traditional for Hong Kong documents) and the two paired.
OUTPUT_MODES = ("en", "zh", BILINGUAL)


def get(code: "str | Language") -> Language:
    """The language of `code`; an unknown code is a usage error naming the known ones."""
    if isinstance(code, Language):
        return code
    try:
        return LANGUAGES[code]
    except (KeyError, TypeError):
        raise UsageError(f"unknown language {code!r}; use one of {', '.join(LANGUAGES)}") from None


def check_mode(mode: str) -> str:
    """`mode` if it is an output mode (en, zh, bilingual), else a usage error."""
    if mode not in OUTPUT_MODES:
        raise UsageError(f"unknown language {mode!r}; use one of {', '.join(OUTPUT_MODES)}")
    return mode


__all__ = ["BILINGUAL", "EN", "LANGUAGES", "Language", "OUTPUT_MODES", "ZH", "ZH_HANT", "check_mode", "get"]
