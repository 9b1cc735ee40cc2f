"""Citations of laws as (law, version, article) values.

PRC article numbers change between versions, so a citation always carries the
version it was taken from and prints it next to the article number
(domain.md, caveat 2 and pitfall 10). The printed names come from one table,
`LAWS`; a document asks a citation for ``.en()`` or ``.zh()``.
"""
from __future__ import annotations

from dataclasses import dataclass

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


@dataclass(frozen=True)
class Law:
    key: str
    name_en: str
    name_zh: str
    # how an article is named: "prc" (第X条), "section" (s.X), "usc" (§ X)
    style: str
    # version printed after the name when a citation gives one
    version_en: str = "{v}"
    version_zh: str = "{v}年"


LAWS: dict[str, Law] = {
    law.key: law
    for law in (
        # The article numbers come from the 1997 revision and are unchanged by
        # the later amendments (Amendments I–XII), so "1997 revision" identifies them.
        Law("criminal_law", "Criminal Law of the PRC", "中华人民共和国刑法", "prc",
            version_en="{v} revision", version_zh="{v}年修订"),
        Law(
            "criminal_procedure_law",
            "Criminal Procedure Law of the PRC",
            "中华人民共和国刑事诉讼法",
            "prc",
            version_en="{v} amendment",
            version_zh="{v}年修正",
        ),
        Law(
            "filing_standards_2",
            "Provisions on the Standards for Filing Criminal Cases for Prosecution "
            "under Public Security Jurisdiction (II)",
            "最高人民检察院、公安部关于公安机关管辖的刑事案件立案追诉标准的规定（二）",
            "prc",
            version_en="{v} revision",
            version_zh="{v}年修订",
        ),
        Law(
            "fraud_interpretation",
            "SPC/SPP Interpretation on Fraud Cases",
            "最高人民法院、最高人民检察院关于办理诈骗刑事案件具体应用法律若干问题的解释",
            "prc",
            # the document number already dates it
            version_en="Fa Shi [{v}] No. 7",
            version_zh="法释〔{v}〕7号",
        ),
        Law(
            "economic_crime_provisions",
            "Provisions on the Handling of Economic Crime Cases by Public Security Organs",
            "公安机关办理经济犯罪案件的若干规定",
            "prc",
        ),
        Law(
            "mps_procedure_rules",
            "Provisions on the Procedures for Handling Criminal Cases by Public Security Organs",
            "公安机关办理刑事案件程序规定",
            "prc",
            version_en="{v} amendment",
            version_zh="{v}年修正",
        ),
        Law("hk_theft_ordinance", "Theft Ordinance (Cap. 210)", "《盗窃罪条例》（第210章）", "section"),
        Law("us_fcba", "15 U.S.C.", "《美国法典》第15编", "usc"),
        Law("uk_cca_1974", "Consumer Credit Act 1974", "英国《1974年消费者信贷法》", "section"),
    )
}


@dataclass(frozen=True)
class Citation:
    """One cited provision. ``article`` is "224", "16A" or a range "178-179"."""

    law: str
    version: str | None
    article: str

    def __post_init__(self) -> None:
        if self.law not in LAWS:
            raise ValueError(f"unknown law {self.law!r}")

    @property
    def _law(self) -> Law:
        return LAWS[self.law]

    def _parts(self) -> list[str]:
        return [p.strip() for p in self.article.split("-")]

    def en(self) -> str:
        law = self._law
        name = law.name_en
        if self.version:
            name = f"{name} ({law.version_en.format(v=self.version)})"
        parts = self._parts()
        if law.style == "usc":
            return f"{name} § {'–'.join(parts)}"
        if law.style == "section":
            label = "ss." if len(parts) > 1 else "s."
            return f"{name}, {label}{'–'.join(parts)}"
        label = "Arts." if len(parts) > 1 else "Art."
        return f"{name}, {label} {'–'.join(parts)}"

    def zh(self) -> str:
        law = self._law
        parts = self._parts()
        if law.style == "usc":
            return f"{law.name_zh}第{'至'.join(parts)}条"
        if law.style == "section":
            return f"{law.name_zh}第{'至第'.join(parts)}条"
        name = f"《{law.name_zh}》"
        if self.version:
            name += f"（{law.version_zh.format(v=self.version)}）"
        articles = "至".join(f"第{zh_number(int(p))}条" for p in parts)
        return name + articles

    def text(self, lang: str) -> str:
        return self.zh() if lang.startswith("zh") else self.en()

    def __str__(self) -> str:
        return self.en()


# The provisions the toolkit cites, by the versions domain.md gives.
# The Criminal Law is cited by its 1997 revision, whose article numbers still hold.
CRIMINAL_LAW_224 = Citation("criminal_law", "1997", "224")  # contract fraud [C]
CRIMINAL_LAW_266 = Citation("criminal_law", "1997", "266")  # fraud [C]
FILING_STANDARD_69 = Citation("filing_standards_2", "2022", "69")  # RMB 20,000 [C]
FRAUD_INTERPRETATION_1 = Citation("fraud_interpretation", "2011", "1")  # 3,000–10,000 [C]
FRAUD_INTERPRETATION_3 = Citation("fraud_interpretation", "2011", "3")  # non-prosecution [C]
ECONOMIC_CRIME_8 = Citation("economic_crime_provisions", "2017", "8")  # entity's location [C]
ECONOMIC_CRIME_14 = Citation("economic_crime_provisions", "2017", "14")  # accept regardless [C]
ECONOMIC_CRIME_15 = Citation("economic_crime_provisions", "2017", "15")  # 7/30/+30 days [C]
MPS_RULES_15_17 = Citation("mps_procedure_rules", "2020", "15-17")  # place of the crime [C]
MPS_RULES_178 = Citation("mps_procedure_rules", "2020", "178")  # refusal notice [C]
MPS_RULES_179 = Citation("mps_procedure_rules", "2020", "179")  # reconsideration, review [C]
MPS_RULES_178_179 = Citation("mps_procedure_rules", "2020", "178-179")
CPL_110 = Citation("criminal_procedure_law", "2018", "110")  # duty to accept [C]
CPL_113 = Citation("criminal_procedure_law", "2018", "113")  # procuratorate supervision [C]
HK_THEFT_16A = Citation("hk_theft_ordinance", None, "16A")  # fraud [C]
HK_THEFT_17 = Citation("hk_theft_ordinance", None, "17")  # obtaining by deception [C]
US_FCBA_1666 = Citation("us_fcba", None, "1666")  # billing error [C]
UK_CCA_75 = Citation("uk_cca_1974", None, "75")  # joint liability [C]
