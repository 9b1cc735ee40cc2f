"""The evidence index: numbers, pages, fingerprints, gaps and translations, in both languages.

domain.md §B and pitfall 4: every exhibit with number, name, date, source,
what it proves, a page range and original/copy; a SHA-256 fingerprint read
from the file; the checklist kinds the case still lacks; the exhibits that
need a Chinese translation (证据规定 (2019) Art. 17).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import hashlib
from pathlib import Path

import pytest
from PIL import Image
from pypdf import PdfWriter

from factories import counterfeit_purchase, make_case
from restitution.case import model as m
from restitution.case.load import load_case
from restitution.document import Table, document_text, inline_text
from restitution.documents import evidence_index as ei
from restitution.errors import DocumentNotApplicable, RestitutionError, TemplateError
from restitution.pipeline.render import render_document, render_markdown, to_bytes

EXAMPLES = Path(__file__).resolve().parents[2] / "examples"
DATE = dt.date(2026, 11, 20)


def _pdf(path: Path, pages: int) -> Path:
    w = PdfWriter()
    for _ in range(pages):
        w.add_blank_page(595, 842)
    with open(path, "wb") as f:
        w.write(f)
    return path


@pytest.fixture
def files(tmp_path):
    folder = tmp_path / "evidence"
    folder.mkdir()
    contract = _pdf(folder / "contract.pdf", 3)
    chat = _pdf(folder / "chat.pdf", 2)
    shot = folder / "store.png"
    Image.new("RGB", (30, 20), "white").save(shot)
    return tmp_path, contract, chat, shot


@pytest.fixture
def case(files):
    root, contract, chat, shot = files
    evidence = (
        m.Exhibit(kind="sales_contract", title="Sales contract GT-0602", number=1, title_zh="销售合同GT-0602",
                  date=dt.date(2026, 6, 2), file=contract, file_text="evidence/contract.pdf",
                  source="Signed by both parties", source_zh="双方签署",
                  purpose="Agreed goods and price", purpose_zh="证明约定的货物及价格"),
        m.Exhibit(kind="emails", title="Chat with the supplier", number=2, date=dt.date(2026, 8, 2),
                  file=chat, file_text="evidence/chat.pdf", source="Exported from Alibaba.com",
                  purpose="The supplier's promises and silence"),
        m.Exhibit(kind="listing", title="Store page", number=3, title_zh="店铺页面", file=shot,
                  file_text="evidence/store.png", source="Screenshot", source_zh="买方截图",
                  purpose="The store went offline", purpose_zh="证明店铺下线"),
    )
    return make_case(evidence=evidence, source=root / "case.yaml")


def table_rows(case, lang, extra=None):
    doc = render_document(case, "evidence_index", lang, DATE, extra=extra)
    tables = [b for b in doc.blocks if isinstance(b, Table)]
    main, appendix = tables[0], tables[-1]
    cells = lambda t: [[inline_text(c.inlines) for c in r] for r in t.rows]  # noqa: E731
    return cells(main), cells(appendix)


def text(case, lang, extra=None):
    return document_text(render_document(case, "evidence_index", lang, DATE, extra=extra))


def notes(case, lang):
    """The case notes, where the index's gaps, translation status and notes on the evidence go."""
    return document_text(render_document(case, "case_notes", lang, DATE))


def test_the_filed_index_tells_nothing_internal(case):
    """The index is served on the other side: no list of missing evidence, no translation status."""
    for lang, words in (("en", ("Evidence still to gather", "Chinese translations", "Notes on the evidence",
                                "no file attached yet")),
                        ("zh", ("尚需补充的证据", "中文译本", "证据说明", "尚未附具文件"))):
        t = text(case, lang)
        assert not [w for w in words if w in t]
        assert any(w in notes(case, lang) for w in words)


# ------------------------------------------------------------------ applicability


def test_refused_without_evidence():
    case = dataclasses.replace(make_case(evidence=()), where={"evidence": 77})
    with pytest.raises(DocumentNotApplicable) as info:
        render_markdown(case, "evidence_index", "en", DATE)
    assert info.value.message == "the evidence index needs at least one exhibit (evidence:)"
    assert info.value.location.line == 77


# ------------------------------------------------------------------ the table


def test_numbers_pages_and_fingerprints_from_the_files(case, files):
    _, contract, chat, shot = files
    rows, appendix = table_rows(case, "en")
    assert [r[0] for r in rows] == [str(e.number) for e in case.evidence]
    # running page ranges: 3 PDF pages, 2 PDF pages, one page for an image
    assert [r[4] for r in rows] == ["1–3", "4–5", "6"]
    digests = [hashlib.sha256(p.read_bytes()).hexdigest() for p in (contract, chat, shot)]
    assert [r[6] for r in rows] == [d[:12] for d in digests]
    assert [r[1].replace(" ", "") for r in appendix] == digests
    # a filed page names no local file and no size: the fingerprint identifies the file
    assert "evidence/" not in text(case, "en") and "bytes" not in text(case, "en")
    assert "evidence/" not in text(case, "zh") and "字节" not in text(case, "zh")
    assert "Exhibits: 3, 6 pages in all" in text(case, "en")
    zrows, zapp = table_rows(case, "zh")
    assert [r[0] for r in zrows] == ["证据1", "证据2", "证据3"]
    assert [r[4] for r in zrows] == ["1–3", "4–5", "6"]
    assert [r[6] for r in zrows] == [d[:12] for d in digests]
    assert "证据数量：共3份，合计6页" in text(case, "zh")


def test_name_source_purpose_and_original_or_copy(case):
    rows, _ = table_rows(case, "en")
    # the kind is not repeated above a title that names it; an undated exhibit leaves the date blank
    assert rows[0][1] == "Sales contract GT-0602\n2 June 2026\n(with Chinese translation)"  # language unstated
    assert rows[0][2:4] == ["Signed by both parties", "Agreed goods and price"]
    assert rows[2][1] == "Product listing and store pages\nStore page\n(with Chinese translation)"
    assert [r[5] for r in rows] == ["Copy", "Print-out", "Print-out"]  # e-mails and pages are electronic data
    zrows, _ = table_rows(case, "zh")
    assert zrows[0][1] == "销售合同GT-0602\n2026年6月2日\n（附中文译文）"
    assert zrows[0][3] == "证明约定的货物及价格"
    assert [r[5] for r in zrows] == ["复印件", "打印件", "打印件"]


def test_page_ranges_from_the_bundle_replace_the_running_ones(case):
    ranges = {1: (3, 6), 2: (7, 9), 3: (10, 11)}
    rows, _ = table_rows(case, "en", extra={"page_ranges": ranges})
    assert [r[4] for r in rows] == ["3–6", "7–9", "10–11"]
    assert "Pages are those of the bound evidence bundle." in text(case, "en", {"page_ranges": ranges})
    zrows, _ = table_rows(case, "zh", extra={"page_ranges": ranges})
    assert [r[4] for r in zrows] == ["3–6", "7–9", "10–11"]
    assert "页码为装订成册的证据材料中的页码。" in text(case, "zh", {"page_ranges": ranges})


def test_page_ranges_missing_an_exhibit_is_an_error(case):
    with pytest.raises(TemplateError, match="page_ranges has no pages for exhibit 3"):
        render_markdown(case, "evidence_index", "en", DATE, extra={"page_ranges": {1: (1, 3), 2: (4, 5)}})


def test_exhibit_without_a_file_is_flagged_not_blank(case):
    extra = m.Exhibit(kind="business_license", title="Certificate of incorporation", number=4, original=True,
                      source="Delaware Secretary of State", purpose="The buyer's identity")
    case = dataclasses.replace(case, evidence=case.evidence + (extra,))
    rows, appendix = table_rows(case, "en")
    assert rows[3][4] == "no file" and rows[3][6] == "no file" and rows[3][5] == "Original"
    assert len(appendix) == 3
    assert "Exhibit 4 has no file attached yet" in notes(case, "en")
    assert "证据4尚未附具文件" in notes(case, "zh")
    # an official document formed abroad: notarisation and apostille (Art. 16)
    assert "Art. 16); this concerns Exhibit 4" in notes(case, "en")
    assert "（同规定第十六条），证据4即属此类" in notes(case, "zh")


def test_unreadable_file_is_a_located_error(case, files):
    root = files[0]
    broken = m.Exhibit(kind="other", title="Broken", number=4, file=root / "evidence" / "gone.pdf",
                       file_text="evidence/gone.pdf")
    case = dataclasses.replace(case, evidence=case.evidence + (broken,), where={"evidence[3].file": 90})
    with pytest.raises(RestitutionError) as info:
        render_markdown(case, "evidence_index", "en", DATE)
    assert "file not found" in str(info.value) and info.value.location.line == 90


# ------------------------------------------------------------------ the checklist


def test_missing_kinds_for_goods_never_shipped(case):
    missing = ei.missing_kinds(case)
    assert missing == ["power_of_attorney", "business_license", "registration_report", "purchase_order",
                       "proforma_invoice", "commercial_invoice", "payment_proof"]
    t = notes(case, "en")
    assert "Proof of Payment (付款凭证): the payment and the receiving account" in t
    assert "Bill of Lading (提单)" not in t  # nothing was shipped
    assert "here nothing arrived; but any bill of lading or shipping notice the supplier sent" in t
    assert "付款凭证（Proof of Payment）：证明付款事实及收款账户" in notes(case, "zh")


def test_shipped_quality_case_asks_for_shipping_documents_and_a_test_report(case):
    outcome = dataclasses.replace(case.outcome, kind="junk_delivered", delivered_on=dt.date(2026, 9, 1))
    order = dataclasses.replace(case.order, incoterm="CIF Felixstowe")
    junk = dataclasses.replace(case, outcome=outcome, order=order, agent=None)
    missing = ei.missing_kinds(junk)
    for kind in ("bill_of_lading", "packing_list", "certificate_of_origin", "insurance_policy",
                 "container_weight_declaration", "test_report"):
        assert kind in missing
    assert "power_of_attorney" not in missing  # no lawyer acts
    assert "other" not in missing
    # DAP: no seller's insurance, no sea-only container declaration
    dap = dataclasses.replace(junk, order=dataclasses.replace(order, incoterm="DAP Leeds"))
    assert "insurance_policy" not in ei.missing_kinds(dap)
    assert "container_weight_declaration" not in ei.missing_kinds(dap)
    assert "bill_of_lading" in ei.missing_kinds(dap)
    assert "第三方检测报告（Third-Party Test Report）" in notes(junk, "zh")


def test_meridian_example_lists_its_gaps():
    case = load_case(EXAMPLES / "meridian-junk.yaml")
    missing = ei.missing_kinds(case)
    assert "bill_of_lading" in missing and "test_report" not in missing
    t = notes(case, "zh")
    assert "提单（Bill of Lading）" in t


# ------------------------------------------------------------------ translation


def test_untranslated_entries_are_marked_and_listed(case):
    rendered = render_markdown(case, "evidence_index", "zh", DATE)
    assert "evidence[1].title_zh" in rendered.untranslated
    assert "evidence[1].purpose_zh" in rendered.untranslated
    assert "evidence[1].source_zh" in rendered.untranslated
    assert "evidence[0].title_zh" not in rendered.untranslated
    assert "【待译】Chat with the supplier" in text(case, "zh")
    z = notes(case, "zh")
    assert "下列证据在证据目录中尚无中文表述，已以【待译】标出" in z
    assert "《最高人民法院关于民事诉讼证据的若干规定》（2019年修正）第十七条" in z
    e = notes(case, "en")
    assert "Chinese translation (SPC Provisions on Evidence in Civil Proceedings (2019), Art. 17)" in e
    assert "Exhibit 2: Chat with the supplier" in e
    assert "Exhibit 1: Sales contract" not in e  # fully translated entries are not listed


def test_notes_on_electronic_data(case):
    e, z = notes(case, "en"), notes(case, "zh")
    assert "A print-out taken directly from the electronic data counts as an original (Art. 15); this " \
           "applies to Exhibits 2 and 3" in e
    assert "直接来源于电子数据的打印件视为原件（第十五条），证据2、证据3即属此类" in z


def test_header_case_name_and_blank_case_number(case):
    e, z = text(case, "en"), text(case, "zh")
    assert "Case: Northwind Trading LLC v. Shenzhen Glory Tech Co., Ltd.: suspected contract fraud" in e
    assert "Case no.: ____________________" in e
    assert "案由：深圳市荣耀示例科技有限公司涉嫌合同诈骗案" in z
    assert "案号：____________________" in z
    assert "提交日期：2026年11月20日" in z


def test_hong_kong_supplier_gets_traditional_chinese():
    case = load_case(EXAMPLES / "harbour-hk.yaml")
    doc = render_document(case, "evidence_index", "zh", DATE)
    assert doc.lang == "zh-Hant"
    assert "案由：港珠貿易有限公司涉嫌欺詐案" in document_text(doc)


def test_hong_kong_index_names_no_mainland_lawyer_as_agent(case):
    # The HK report says the mainland lawyer does not act before the Hong Kong Police.
    assert "代理人：" in text(case, "zh") and "through its lawyer" in text(case, "en")
    hk = load_case(EXAMPLES / "harbour-hk.yaml")
    assert hk.agent is not None
    zh = document_text(render_document(hk, "evidence_index", "zh", DATE))
    en = document_text(render_document(hk, "evidence_index", "en", DATE))
    assert "代理人" not in zh and "黃志遠" not in zh and "律師事務所" not in zh
    assert "through its lawyer" not in en and hk.agent.name not in en


# ------------------------------------------------------------------ bilingual


def test_bilingual_pairs_without_a_structure_error(case):
    for extra in (None, {"page_ranges": {1: (2, 4), 2: (5, 6), 3: (7, 7)}}):
        doc = render_document(case, "evidence_index", "bilingual", DATE, extra=extra)
        assert tuple(map(str, doc.langs)) == ("en", "zh")
        assert to_bytes(doc, "pdf").startswith(b"%PDF")


@pytest.mark.parametrize("name", ["northwind-vanished", "meridian-junk", "harbour-hk", "lotus-settlement"])
def test_examples_pair_and_number_consistently(name):
    case = load_case(EXAMPLES / f"{name}.yaml")
    doc = render_document(case, "evidence_index", "bilingual", DATE)
    assert to_bytes(doc, "docx")[:2] == b"PK"
    rows, _ = table_rows(case, "en")
    assert [r[0] for r in rows] == [str(e.number) for e in case.evidence]
    assert [r[0] for r in rows] == [str(i) for i in range(1, len(case.evidence) + 1)]


def test_official_documents_are_routed_by_where_they_were_formed():
    from restitution.language.catalogue import catalogue
    from restitution.pipeline.templating import bundled_templates

    hk = load_case(EXAMPLES / "harbour-hk.yaml")
    record = next(e for e in hk.evidence if e.kind == "registration_report")
    assert ei.issued_in(record, hk) == "HK"  # the supplier's Hong Kong registry record
    x = ei.context(hk, catalogue("zh", [bundled_templates()]), DATE)
    assert x.official_hk == [record] and x.official == []
    # the Indian buyer's certificate of incorporation is formed abroad; the case may say otherwise
    cert = dataclasses.replace(record, kind="business_license", number=len(hk.evidence) + 1)
    assert ei.issued_in(cert, hk) == "IN"
    hk2 = dataclasses.replace(hk, evidence=hk.evidence + (cert, dataclasses.replace(
        cert, number=cert.number + 1, issued_in="CN")))
    x = ei.context(hk2, catalogue("zh", [bundled_templates()]), DATE)
    assert [e.number for e in x.official] == [cert.number] and x.official_hk == [record]


# ------------------------------------------------------------------ what a lawyer found (round 2)


def _index(case, lang: str) -> str:
    return document_text(render_document(case, "evidence_index", lang, DATE))


def test_the_matter_is_named_as_a_unit_files_it_and_the_case_number_filled_when_known():
    lotus = load_case(EXAMPLES / "lotus-settlement.yaml")
    zh = _index(lotus, "zh")
    assert "案由：广州市示例皮具贸易有限公司涉嫌合同诈骗案\n" in zh and "关于" not in zh.split("\n")[1]
    assert "案号：穗公白（经）立〔2026〕3321号\n" in zh and "Case no.: 穗公白（经）立〔2026〕3321号" in _index(lotus, "en")
    # no case number recorded yet: the blank is left for the unit
    assert "案号：____________________" in _index(load_case(EXAMPLES / "meridian-junk.yaml"), "zh")


def test_foreign_language_exhibits_are_marked_as_translated():
    meridian = load_case(EXAMPLES / "meridian-junk.yaml")
    zh, en = _index(meridian, "zh"), _index(meridian, "en")
    # six exhibits in English: each is marked (lawyer item 9)
    assert zh.count("（附中文译文）") == 6 and en.count("(with Chinese translation)") == 6
    assert "注明“附中文译文”的证据（证据1、证据2、证据3、证据4、证据5、证据6）系以外文形成" in zh
    chinese = dataclasses.replace(meridian, evidence=tuple(dataclasses.replace(e, language="zh")
                                                           for e in meridian.evidence))
    assert "附中文译文" not in _index(chinese, "zh")
    notes = document_text(render_document(meridian, "case_notes", "zh", DATE))
    assert "证据目录已注明“附中文译文”，提交前须备齐其中文译文并附于原文之后：证据1、证据2、证据3、证据4、证据5、证据6。" in notes
    # the case says a translation is not given: not marked, said to be still to come
    untranslated = dataclasses.replace(meridian, evidence=tuple(
        dataclasses.replace(e, translation=False) if e.number == 2 else e for e in meridian.evidence))
    zh = _index(untranslated, "zh")
    assert zh.count("（附中文译文）") == 5 and "证据2系以外文形成，其中文译文尚未附具，将另行补充提交。" in zh
    # a registry record issued in the mainland is Chinese; before the Hong Kong Police, English needs no translation
    record = m.Exhibit(kind="registration_report", title="Registry record", number=6)
    assert "附中文译文" not in _index(dataclasses.replace(chinese, evidence=chinese.evidence + (record,)), "zh")
    harbour = load_case(EXAMPLES / "harbour-hk.yaml")
    assert "附中文譯文" not in _index(harbour, "zh")


def test_a_brands_authentication_letter_is_its_own_kind():
    lotus = load_case(EXAMPLES / "lotus-settlement.yaml")
    zh = _index(lotus, "zh")
    assert "权利人鉴定函\n品牌授权代表出具的鉴定函" in zh and "第三方检测报告" not in zh
    assert "Authentication Letter from the Brand Owner" in _index(lotus, "en")
    # a counterfeit is proved by either; with neither, the authentication letter is what is asked for
    assert not {"test_report", "authentication_letter"} & set(ei.missing_kinds(lotus))
    bare = dataclasses.replace(lotus, evidence=tuple(e for e in lotus.evidence if e.kind != "authentication_letter"))
    assert "authentication_letter" in ei.missing_kinds(bare) and "test_report" not in ei.missing_kinds(bare)
    junk = load_case(EXAMPLES / "meridian-junk.yaml")
    assert "authentication_letter" not in ei.recommended_kinds(junk)


def test_the_parties_are_named_as_in_the_police_report_it_goes_with():
    northwind = load_case(EXAMPLES / "northwind-vanished.yaml")
    zh, en = _index(northwind, "zh"), _index(northwind, "en")
    assert "证明被报案人要求将30%定金汇入其自行提供的账户" in zh and "供应商" not in zh
    assert "报案人向被报案人账户支付" in zh
    assert "The reported party's promises, the false bill of lading and its silence after payment" in en
    # no police report for a supplier outside mainland China and Hong Kong: the plain terms
    abroad = dataclasses.replace(northwind, supplier=dataclasses.replace(northwind.supplier, region="other"))
    assert "被报案人" not in _index(abroad, "zh")
    # nor where the plan rules the report out (lawyer5 item 2): the index goes with the letter and the regulator
    zh, en = text(counterfeit_purchase(), "zh"), text(counterfeit_purchase(), "en")
    assert "被报案人" not in zh and "提交人：Olivia Example" in zh and "涉嫌合同诈骗" not in zh
    assert "案由：Olivia Example与深圳市荣耀示例科技有限公司买卖合同纠纷" in zh
    assert "Case: Olivia Example v. Shenzhen Glory Tech Co., Ltd.: sale-of-goods dispute" in en


def test_the_supplier_registry_record_is_named_for_the_supplier_region_only():
    record = m.Exhibit(kind="registration_report", title="Registry record", number=1, title_zh="登记信息")
    mainland = dataclasses.replace(make_case(), evidence=(record,))
    zh = document_text(render_document(mainland, "evidence_index", "zh", DATE))
    assert "企业信用信息公示报告" in zh and "公司注册处查册记录" not in zh
    en = document_text(render_document(mainland, "evidence_index", "en", DATE))
    assert "Supplier enterprise credit information report" in en and "Companies Registry" not in en
    for region, want, never in (("hong_kong", "公司注册处查册记录", "企业信用信息公示报告"),
                                ("other", "公司登记记录", "公司注册处查册记录")):
        case = dataclasses.replace(mainland, supplier=dataclasses.replace(mainland.supplier, region=region))
        _, zh_name = ei.kind_names(_words("zh"), "registration_report", region)
        assert want in zh_name and never not in zh_name
        assert [r.kind_zh for r in ei.rows(case, _words("zh"))] == [zh_name]


def _words(code: str):
    from restitution.rules.reason import bundled

    return bundled(code)
