"""Evidence index / 证据目录 (domain.md §B, pitfall 4).

Numbered exhibits with date, source, what each proves, its pages, original
or copy and a SHA-256 fingerprint read from the file itself
(`restitution.exhibits`), so the index and the bound bundle agree. Pages run
on from exhibit to exhibit unless the bundle passes the real bundle pages as
``extra={"page_ranges": {number: (first, last)}}``. Which checklist kinds are
still missing and which entries still need a Chinese translation is computed
here but printed in case_notes, never in the index: in civil proceedings the
index is served on the other side, and a list of gaps tells the suspect which
evidence is missing.

A one-page exhibit is paged "4", not "4–4"; the kind is not printed above a
title that already names it (采购订单 over 采购订单BA-PO-2026-031); an
undated exhibit leaves the date blank rather than writing 日期不详 under it.
An individual client has no registration certificate to give. The index of a
Hong Kong case goes to the Hong Kong Police, so it cites no PRC rule of
civil evidence (``prc`` is False).

Official documents are routed by where they were issued (``issued_in``, else
the client's country for its certificate, the supplier's place for its registry
record): ``official`` formed abroad (notarised, then apostilled or legalised),
``official_hk`` formed in Hong Kong (a China-Appointed Attesting Officer);
a mainland one needs neither, and Macao and Taiwan have their own channels.
The heading names the matter the way a PRC unit files it (某某公司涉嫌合同诈骗案)
and carries the unit's case number once the case file records one
(``proceedings.police_report.case_no``); until then the blank is left for
the unit to fill. An exhibit written in another language than Chinese
(``evidence[].language``) is marked 附中文译文: a foreign-language exhibit
must come with a Chinese translation (证据规定 (2019) Art. 17), and the
mark tells the reader to look for it. Without the key an exhibit counts as
foreign (the buyer is abroad: its contract, wire slip and mails are), except
where its stated origin makes it Chinese (a mainland authority's receipt or
notice, a settlement signed with a mainland seller, a record formed in the
mainland, Taiwan or Macao: `restitution.documents.exhibit_language`), and
except before the Hong Kong Police, who read English too; an
exhibit whose translation the case says is not given
(``evidence[].translation: false``) is named as still to come instead.
The index names the parties as the filing it goes with does: 报案人 and
被报案人 where a police report is made (a mainland or Hong Kong supplier, and
the plan does not rule the report out: rules/report_route.py), else 提交人 and 供应商. A filed page carries each file's SHA-256, never a
local file name or size.
A counterfeit is proved by the brand owner's 鉴定函 (``authentication_letter``)
or by a test report; either answers the checklist for a counterfeit case.
"""
from __future__ import annotations

import dataclasses
import datetime as dt
from typing import Callable, Mapping

from restitution.case.model import EVIDENCE_KINDS, EVIDENCE_SOURCES, Case, Exhibit
from restitution.documents import DocumentSpec
from restitution.documents.exhibit_language import OFFICIAL, issued_in, readable_as_filed
from restitution.errors import DocumentNotApplicable, TemplateError
from restitution.exhibits import ExhibitInfo, exhibit_info
from restitution.language.catalogue import Catalogue
from restitution.records import record


# Electronic data (证据规定 (2019) Art. 14): a print-out taken directly from it counts as an original.
ELECTRONIC = frozenset({"emails", "listing"})
SHIPPING = ("bill_of_lading", "packing_list", "certificate_of_origin", "insurance_policy",
            "container_weight_declaration")
# The papers of a trade between businesses: a consumer's purchase with no trade term (a web shop's
# order or a chat's, sent by post or courier) has none; its listing or chat, order confirmation and
# payment record stand for them.
TRADE_PAPERS = ("purchase_order", "sales_contract", "proforma_invoice", "commercial_invoice", *SHIPPING)
QUALITY_OUTCOMES = frozenset({"junk_delivered", "not_as_described", "counterfeit"})
# What proves the goods are not what was sold: a test report; for a counterfeit, the brand
# owner's authentication letter instead, and either one answers the checklist.
QUALITY_PROOF = ("test_report", "authentication_letter")
# Incoterms under which the seller must insure the goods, and the sea-only terms
# (a container weight declaration exists only for containers shipped by sea).
SELLER_INSURES = ("CIF", "CIP")
SEA_TERMS = ("FOB", "FAS", "CFR", "CIF")

# Why each kind matters, for the list of what is still missing: the catalogue's
# ``evidence.why.<kind>`` (templates/<lang>/phrases/evidence.yaml).


@record
class Row:
    """One exhibit as the index prints it."""

    exhibit: Exhibit
    kind_en: str
    kind_zh: str
    info: ExhibitInfo | None  # None: the exhibit has no file yet
    running: tuple[int, int] | None  # pages as if the exhibits were bound in order
    electronic: bool
    untranslated: bool  # the entry lacks a Chinese twin for a field it prints

    readable: bool = True  # in a language the receiving authority reads (`readable_as_filed`)

    @property
    def foreign(self) -> bool:
        """In another language, with its Chinese translation (marked 附中文译文)."""
        return not self.readable and self.exhibit.translation is not False

    @property
    def translation_to_come(self) -> bool:
        """In another language, and the case says no translation goes with it yet."""
        return not self.readable and self.exhibit.translation is False

    @property
    def kind_in_title_en(self) -> bool:
        """The English title already names the kind ("Purchase order SCI-PO-2607")."""
        return self.kind_en.casefold() in self.exhibit.title.casefold()

    @property
    def kind_in_title_zh(self) -> bool:
        return bool(self.exhibit.title_zh) and self.kind_zh in (self.exhibit.title_zh or "")

    @property
    def sha12(self) -> str | None:
        return self.info.sha256[:12] if self.info and self.info.sha256 else None

    @property
    def separate(self) -> bool:
        """Provided separately (另行提交), with a placeholder page in the bundle."""
        return self.exhibit.separate

    @property
    def sha_grouped(self) -> str | None:
        """The full digest in four groups of 16, so that a narrow column can wrap it."""
        if self.info is None or not self.info.sha256:
            return None
        h = self.info.sha256
        return " ".join(h[i:i + 16] for i in range(0, len(h), 16))


def _untranslated(e: Exhibit) -> bool:
    # A keyed source (evidence[].source: signed_by_both_parties) is worded by the catalogues.
    free_source = bool(e.source) and e.source not in EVIDENCE_SOURCES
    return (not e.title_zh) or bool(e.purpose and not e.purpose_zh) or (free_source and not e.source_zh)


def kind_names(words: Catalogue, kind: str, region: str | None = None) -> tuple[str, str]:
    """A checklist kind's English and Chinese names (the index prints both), from the
    catalogues the document is rendered through. The supplier's registry record is named for
    the supplier's `region` (a mainland 企业信用信息公示报告, a Hong Kong 公司注册处查册记录):
    a filed page names the one record it holds, never both."""
    key = f"evidence_kinds.{kind if kind in EVIDENCE_KINDS else 'other'}"
    if kind == "registration_report" and region is not None:
        key = f"evidence.registry_record.{region}"
    return words.other("en")(key), words.other("zh")(key)


def rows(case: Case, words: Catalogue) -> list[Row]:
    out: list[Row] = []
    page = 1
    for e in case.evidence:
        # An exhibit without a file is listed and flagged; a file that cannot be
        # read is an error (located by exhibit_info), never a silent blank.
        # A separate exhibit (a video, a sample) always has facts: its placeholder page.
        info = exhibit_info(case, e) if e.file is not None or e.separate else None
        running = None
        if info is not None:
            running = (page, page + info.pages - 1)
            page += info.pages
        en, zh = kind_names(words, e.kind, case.supplier.region)
        out.append(Row(e, en, zh, info, running, e.kind in ELECTRONIC, _untranslated(e),
                       readable_as_filed(e, case)))
    return out


def shipped(case: Case) -> bool:
    """Whether the goods left the supplier (anything but "nothing arrived")."""
    return case.outcome.kind != "not_delivered" or case.outcome.delivered_on is not None


def retail(case: Case) -> bool:
    """A consumer's purchase (an individual, not for resale) with no trade term: no trade papers."""
    return case.client.kind == "individual" and not case.order.for_resale and not (case.order.incoterm or "").strip()


def recommended_kinds(case: Case) -> list[str]:
    """The checklist kinds a case of this kind should have, in checklist order."""
    incoterm = (case.order.incoterm or "").strip().upper()
    skipped = ("other", *TRADE_PAPERS) if retail(case) else ("other",)
    out = []
    for kind in EVIDENCE_KINDS:
        if kind in skipped:
            continue
        if kind == "power_of_attorney" and case.agent is None:
            continue
        if kind == "test_report" and case.outcome.kind not in QUALITY_OUTCOMES - {"counterfeit"}:
            continue
        if kind == "authentication_letter" and case.outcome.kind != "counterfeit":
            continue
        if kind in SHIPPING:
            if not shipped(case):
                continue
            if kind == "insurance_policy" and not incoterm.startswith(SELLER_INSURES):
                continue
            if kind == "container_weight_declaration" and not incoterm.startswith(SEA_TERMS):
                continue
        out.append(kind)
    return out


def missing_kinds(case: Case) -> list[str]:
    have = {e.kind for e in case.evidence}
    if have & set(QUALITY_PROOF):
        have |= set(QUALITY_PROOF)  # either proves the goods are not what was sold
    return [k for k in recommended_kinds(case) if k not in have]


def page_label(number: int, running: tuple[int, int] | None,
               page_ranges: Mapping[int, tuple[int, int]] | None) -> str | None:
    """"4–6": the bundle's pages when given, else the running range; None when unknown."""
    if page_ranges is not None:
        try:
            first, last = page_ranges[number]
        except KeyError:
            raise TemplateError(f"page_ranges has no pages for exhibit {number}") from None
    elif running is None:
        return None
    else:
        first, last = running
    return str(first) if first == last else f"{first}–{last}"


def check(case: Case) -> None:
    if not case.evidence:
        path = "evidence"
        raise DocumentNotApplicable(
            "the evidence index needs at least one exhibit (evidence:)",
            case.locate(path),
        )


@record
class MissingKind:
    """A checklist kind the case still lacks: its names in both languages and why it matters."""

    kind: str
    kind_en: str
    kind_zh: str
    why: str


@record
class EvidenceIndexContext:
    rows: list[Row]
    # the bundle's pages of each exhibit, replaced through extra= (None: running pages)
    page_ranges: Mapping[int, tuple[int, int]] | None
    page_label: Callable[[int, tuple[int, int] | None, Mapping[int, tuple[int, int]] | None], str | None]
    total_pages: int
    no_file: list[Exhibit]
    separate: list[Row]  # provided separately (另行提交)
    untranslated: list[Exhibit]
    incomplete: list[Exhibit]
    missing: list[MissingKind]
    shipped: bool
    quality: bool
    seller_insures: bool
    sea: bool
    official: list[Exhibit]  # official documents formed abroad
    official_hk: list[Exhibit]  # official documents formed in Hong Kong
    electronic: list[Exhibit]
    prc: bool  # filed in the Mainland: PRC rules of evidence are cited
    case_no: str | None = None  # the unit's case number, once the case file records it
    foreign: list[Exhibit] = dataclasses.field(default_factory=list)  # marked 附中文译文
    translation_to_come: list[Exhibit] = dataclasses.field(default_factory=list)  # foreign, no translation yet
    retail: bool = False  # a consumer's purchase with no trade term: no trade papers are asked for
    police: bool = False  # filed with a police report: the parties are 报案人 and 被报案人


# Not "abroad" for the mainland: Hong Kong, Macao and Taiwan documents are certified
# through their own channels, and a mainland one needs no certification at all.
_NOT_ABROAD = frozenset({"CN", "HK", "MO", "TW"})


def context(case: Case, words: Catalogue, date: dt.date) -> EvidenceIndexContext:
    rs = rows(case, words)
    incoterm = (case.order.incoterm or "").strip().upper()
    missing = []
    for k in missing_kinds(case):
        en, zh = kind_names(words, k, case.supplier.region)
        # an individual buyer has no certificate of incorporation: only the supplier's record is asked for
        why = f"{k}_individual" if k == "business_license" and case.client.kind == "individual" else k
        missing.append(MissingKind(k, en, zh, words(f"evidence.why.{why}")))
    return EvidenceIndexContext(
        rows=rs,
        page_ranges=None,
        page_label=page_label,
        total_pages=sum(r.info.pages for r in rs if r.info),
        no_file=[r.exhibit for r in rs if r.info is None],
        separate=[r for r in rs if r.separate],
        untranslated=[r.exhibit for r in rs if r.untranslated],
        incomplete=[r.exhibit for r in rs if not r.exhibit.source or not r.exhibit.purpose],
        missing=missing,
        shipped=shipped(case),
        quality=case.outcome.kind in QUALITY_OUTCOMES,
        seller_insures=incoterm.startswith(SELLER_INSURES),
        sea=incoterm.startswith(SEA_TERMS),
        retail=retail(case),
        official=[r.exhibit for r in rs if r.exhibit.kind in OFFICIAL
                  and (issued_in(r.exhibit, case) or "XX") not in _NOT_ABROAD],
        official_hk=[r.exhibit for r in rs if r.exhibit.kind in OFFICIAL and issued_in(r.exhibit, case) == "HK"],
        electronic=[r.exhibit for r in rs if r.electronic],
        prc=case.supplier.region != "hong_kong",
        case_no=case.proceedings.police_report.case_no
        if case.proceedings and case.proceedings.police_report else None,
        foreign=[r.exhibit for r in rs if r.foreign],
        translation_to_come=[r.exhibit for r in rs if r.translation_to_come],
        # no report where the plan rules it out (rules/report_route.py): then the demand and the regulator's copy
        police=case.supplier.region in ("mainland", "hong_kong") and not _ruled_out(case),
    )


def _ruled_out(case: Case) -> bool:
    from restitution.rules.report_route import report_ruled_out  # weighs the plan: loaded when asked

    return bool(report_ruled_out(case))


SPEC = DocumentSpec(
    key="evidence_index",
    check=check,
    context=context,
    # it goes to the police with the report: Traditional Chinese for the Hong Kong Police
    zh_variant=lambda case: "zh-Hant" if case.supplier.region == "hong_kong" else "zh",
)
