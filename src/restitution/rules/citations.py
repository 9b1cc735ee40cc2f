"""Citations of laws as (law, version, article) values.

PRC article numbers change between versions, so a citation always carries the
version it was taken from and prints it next to the article number
(domain.md, caveat 2 and pitfall 10). The facts (law, version, article) are
here; the words (each law's name and version pattern, how an article or a
range is cited per style) are catalogue entries ``citations.*``
(templates/<lang>/phrases/citations.yaml), so a firm can reword a law's name.
A document words a citation through its rendering's catalogue
(``citation.word(words)``) or, with no rendering at hand, ``.text(lang)``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING

from restitution.records import record

if TYPE_CHECKING:
    from restitution.language import Language
    from restitution.language.catalogue import Catalogue

_DIGITS = "零一二三四五六七八九"


def zh_number(n: int) -> str:
    """An article number in Chinese numerals as statutes write it: 110 → 一百一十."""
    if not 0 < n < 10000:
        raise ValueError(f"article number out of range: {n}")
    units = ((1000, "千"), (100, "百"), (10, "十"), (1, ""))
    out: list[str] = []
    pending_zero = False
    for value, unit in units:
        digit = (n // value) % 10
        if digit == 0:
            if out:
                pending_zero = True
            continue
        if pending_zero:
            out.append("零")
            pending_zero = False
        if value == 10 and digit == 1 and not out:
            out.append("十")  # 10–19 are written 十, 十五, not 一十五
        else:
            out.append(_DIGITS[digit] + unit)
    return "".join(out)


@record
class Law:
    key: str  # its names and version pattern are catalogue entries citations.law.<key>.*
    # how an article is named: "prc" (Art. X / 第X条 in Chinese numerals), "section" (s.X), "usc" (§ X)
    style: str


# The Criminal Law is cited as practitioners cite it: the text in force, as last
# amended (Amendment XII, 2023, in force 2024-03-01; it leaves Arts. 140, 214,
# 224 and 266 unchanged; domain.md §H.3). Interpretations and provisions carry
# their issuers' document numbers (法释〔2011〕7号, 公通字〔2022〕12号, 公通字〔2017〕25号).
LAWS: dict[str, Law] = {
    law.key: law
    for law in (
        Law("criminal_law", "prc"),
        Law("criminal_procedure_law", "prc"),
        Law("filing_standards_2", "prc"),
        Law("fraud_interpretation", "prc"),
        Law("economic_crime_provisions", "prc"),
        Law("unit_crime_interpretation", "prc"),
        Law("filing_standards_1", "prc"),
        Law("trademark_interpretation", "prc"),
        Law("mps_procedure_rules", "prc"),
        Law("conflict_of_laws", "prc"),
        Law("consumer_protection_law", "prc"),
        Law("hk_theft_ordinance", "section"),
        Law("us_fcba", "usc"),
        Law("uk_cca_1974", "section"),
    )
}


@record
class Citation:
    """One cited provision. ``article`` is "224", "16A" or a range "178-179"."""

    law: str
    version: str | None
    article: str

    def __post_init__(self) -> None:
        if self.law not in LAWS:
            raise ValueError(f"unknown law {self.law!r}")

    @property
    def style(self) -> str:
        return LAWS[self.law].style

    def _parts(self) -> list[str]:
        return [p.strip() for p in self.article.split("-")]

    def word(self, words: Catalogue) -> str:
        """The citation in the catalogue's language: law (version), article or range."""
        style = self.style
        name = words(f"citations.law.{self.law}.name")
        if self.version:
            version = words(f"citations.law.{self.law}.version", v=self.version)
            law = words(f"citations.name.{style}.versioned", name=name, version=version)
        else:
            law = words(f"citations.name.{style}.plain", name=name)
        parts = self._parts()
        if style == "prc" and words.language.chinese:
            parts = [zh_number(int(p)) for p in parts]  # statutes number their articles in words
        if len(parts) == 1:
            return words(f"citations.article.{style}.one", law=law, article=parts[0])
        return words(f"citations.article.{style}.range", law=law, first=parts[0], last=parts[-1])

    def law_name(self, words: Catalogue) -> str:
        """The law alone, with its version, as this citation names it (for a chapter, not an article)."""
        name = words(f"citations.law.{self.law}.name")
        if not self.version:
            return words(f"citations.name.{self.style}.plain", name=name)
        version = words(f"citations.law.{self.law}.version", v=self.version)
        return words(f"citations.name.{self.style}.versioned", name=name, version=version)

    def text(self, lang: "Language | str | Catalogue") -> str:
        """The citation in a language (code or `Language`: bundled wording) or through a catalogue."""
        from restitution.rules.reason import words_for

        return self.word(words_for(lang))

    def en(self) -> str:
        return self.text("en")

    def zh(self) -> str:
        return self.text("zh")

    def __str__(self) -> str:
        return self.en()


# The provisions the toolkit cites, by the versions domain.md gives.
# The Criminal Law is cited as last amended (2023, Amendment XII); its article numbers hold since 1997.
CRIMINAL_LAW_224 = Citation("criminal_law", "2023", "224")  # contract fraud [C]
CRIMINAL_LAW_266 = Citation("criminal_law", "2023", "266")  # fraud [C]
CRIMINAL_LAW_140 = Citation("criminal_law", "2023", "140")  # fake or shoddy products [C]
CRIMINAL_LAW_214 = Citation("criminal_law", "2023", "214")  # goods bearing counterfeit marks [C]
UNIT_CRIME_2 = Citation("unit_crime_interpretation", "1999", "2")  # company set up for crime: no unit [C]
FILING_STANDARD_1_16 = Citation("filing_standards_1", "2008", "16")  # Art. 140: RMB 50,000 sales [C]
TRADEMARK_INTERPRETATION_5 = Citation("trademark_interpretation", "2025", "5")  # Art. 214 figures [S]
FILING_STANDARD_69 = Citation("filing_standards_2", "2022", "69")  # RMB 20,000 [C]
FRAUD_INTERPRETATION_1 = Citation("fraud_interpretation", "2011", "1")  # 3,000–10,000 [C]
FRAUD_INTERPRETATION_3 = Citation("fraud_interpretation", "2011", "3")  # non-prosecution [C]
ECONOMIC_CRIME_8 = Citation("economic_crime_provisions", "2017", "8")  # entity's location [C]
ECONOMIC_CRIME_14 = Citation("economic_crime_provisions", "2017", "14")  # accept regardless [C]
ECONOMIC_CRIME_15 = Citation("economic_crime_provisions", "2017", "15")  # 7/30/+30 days [C]
MPS_RULES_15_17 = Citation("mps_procedure_rules", "2020", "15-17")  # place of the crime [C]
# the place of the crime includes where the proceeds were actually obtained: [C] for Arts. 15–17 as a whole,
# [R] that Art. 16 is the one (domain.md §C; Arts. 15/16 "still to check"); rules/table.py police.proceeds_place
MPS_RULES_16 = Citation("mps_procedure_rules", "2020", "16")
MPS_RULES_178 = Citation("mps_procedure_rules", "2020", "178")  # refusal notice [C]
MPS_RULES_179 = Citation("mps_procedure_rules", "2020", "179")  # reconsideration, review [C]
MPS_RULES_178_179 = Citation("mps_procedure_rules", "2020", "178-179")
CPL_110 = Citation("criminal_procedure_law", "2018", "110")  # duty to accept [C]
CPL_113 = Citation("criminal_procedure_law", "2018", "113")  # procuratorate supervision [C]
# the law applicable to a contract: the parties' choice, else the characteristic performer's
# habitual residence or the closest connection (domain.md §H.1) [C]
CONFLICT_OF_LAWS_41 = Citation("conflict_of_laws", "2010", "41")
# a business that took prepayment and did not supply must refund it with interest (Art. 53); Art. 55(1),
# treble damages for fraud, is only reserved there: neither is in domain.md, so the letter hedges [R]
# (claimed outright only for counterfeits sold as genuine: rules/increased_compensation.py)
CONSUMER_LAW_53 = Citation("consumer_protection_law", "2013", "53")
HK_THEFT_16A = Citation("hk_theft_ordinance", None, "16A")  # fraud [C]
HK_THEFT_17 = Citation("hk_theft_ordinance", None, "17")  # obtaining by deception [C]
US_FCBA_1666 = Citation("us_fcba", None, "1666")  # billing error [C]
UK_CCA_75 = Citation("uk_cca_1974", None, "75")  # joint liability [C]
