"""The bound bundle: pages, stamps, bookmarks, ranges, images, determinism, manifest, writing."""
from __future__ import annotations

import hashlib
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from tooling import needs_tool
from pypdf import PdfReader
from pypdf.generic import ContentStream
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen.canvas import Canvas

from bundle_helpers import ALL_FILES, CHINESE_LINE, DATE, make_case, make_pdf, simple_index
from restitution.bundle import make_bundle, write_bundle
from restitution.exhibits.geometry import BAND
from restitution.errors import OutputError, RestitutionError


def _bundle(case, **kw) -> tuple[PdfReader, object, bytes]:
    buf = io.BytesIO()
    layout = make_bundle(case, buf, date=DATE, index=kw.pop("index", simple_index), **kw)
    return PdfReader(io.BytesIO(buf.getvalue())), layout, buf.getvalue()


@pytest.fixture
def bound(evidence: Path):
    case = make_case(evidence, ALL_FILES)
    reader, layout, data = _bundle(case)
    return case, reader, layout, data


def test_page_count_is_index_plus_covers_plus_exhibit_pages(bound, evidence: Path):
    case, reader, layout, _ = bound
    from restitution.exhibits import textpages

    txt_pages = textpages.count_pages(textpages.text_lines(evidence / "evidence/chat.txt"))
    exhibit_pages = 4 + 1 + 1 + txt_pages + 1
    assert len(reader.pages) == layout.total == 1 + len(case.evidence) + exhibit_pages


def test_every_page_carries_its_bates_number_and_label(bound):
    _, reader, layout, _ = bound
    labels = ["Evidence index p. 1"]
    for p in layout.placements:
        labels.append(f"Exhibit {p.info.number} cover")
        labels += [f"Exhibit {p.info.number} p. {k}" for k in range(1, p.info.pages + 1)]
    for i, (page, label) in enumerate(zip(reader.pages, labels), 1):
        text = page.extract_text()
        assert f"NW-2026-0042-{i:06d}" in text
        assert label in text.replace("\n", " ")
        assert "证据" in text


def test_bookmarks_name_the_index_and_each_exhibit(bound):
    case, reader, layout, _ = bound
    titles = [item.title for item in reader.outline]
    assert titles[0] == "Evidence index / 证据目录"
    assert titles[1:] == [f"Exhibit {e.number} – {e.title}" for e in case.evidence]
    targets = [reader.get_destination_page_number(item) for item in reader.outline]
    assert targets == [0] + [p.cover - 1 for p in layout.placements]


def test_page_ranges_printed_in_the_index_are_the_real_ones(bound):
    _, reader, layout, _ = bound
    index_text = reader.pages[0].extract_text()
    printed = {int(n): (int(a), int(b)) for n, a, b in re.findall(r"Exhibit (\d+): pages (\d+)-(\d+)", index_text)}
    real = {}
    for i, page in enumerate(reader.pages, 1):
        for n in map(int, re.findall(r"Exhibit (\d+) (?:cover|p\. \d+)", page.extract_text().replace("\n", " "))):
            first, _ = real.get(n, (i, i))
            real[n] = (first, i)
    assert printed == real == layout.page_ranges()


def test_long_index_settles_and_ranges_stay_true(tmp_path: Path):
    for i in range(12):
        make_pdf(tmp_path / f"e{i}.pdf", [A4] * (i % 3 + 1))
    case = make_case(tmp_path, [f"e{i}.pdf" for i in range(12)])
    reader, layout, _ = _bundle(case, index=lambda c, d, r: simple_index(c, d, r, lines_per_page=5))
    assert layout.index_pages == 3
    text = "".join(reader.pages[k].extract_text() for k in range(3))
    printed = {int(n): (int(a), int(b)) for n, a, b in re.findall(r"Exhibit (\d+): pages (\d+)-(\d+)", text)}
    assert printed == layout.page_ranges()
    assert layout.placements[0].cover == 4


def test_rotated_page_is_upright_and_other_sizes_kept(bound):
    _, reader, layout, _ = bound
    first = layout.placements[0].first - 1
    sizes = [(round(float(p.mediabox.width)), round(float(p.mediabox.height))) for p in reader.pages[first:first + 4]]
    # A4, Letter with /Rotate 90 (shown landscape), A4 landscape, A5
    assert sizes == [(595, 842), (792, 612), (842, 595), (420, 595)]
    assert all(p.rotation == 0 for p in reader.pages)
    assert "page 2 of contract.pdf" in reader.pages[first + 1].extract_text()


def _image_draws(page) -> list[tuple[float, float, float, float]]:
    """(width, height, x, y) of every image drawn on a page, from the `cm`s before each image's `Do`,
    following form XObjects (an exhibit's page is drawn as one)."""
    out = []

    def mul(m, n):
        a, b, c, d, e, f = m
        A, B, C, D, E, F = n
        return (a * A + b * C, a * B + b * D, c * A + d * C, c * B + d * D, e * A + f * C + E, e * B + f * D + F)

    def walk(contents, resources, ctm):
        stack = []
        xobjects = resources.get("/XObject", {}) if resources else {}
        for operands, op in ContentStream(contents, page.pdf).operations:
            if op == b"q":
                stack.append(ctm)
            elif op == b"Q":
                ctm = stack.pop()
            elif op == b"cm":
                ctm = mul(tuple(float(x) for x in operands), ctm)
            elif op == b"Do":
                xo = xobjects[operands[0]].get_object()
                if xo["/Subtype"] == "/Image":
                    # a turned image has its width on the second axis
                    out.append((abs(ctm[0]) + abs(ctm[2]), abs(ctm[1]) + abs(ctm[3]), ctm[4], ctm[5]))
                else:
                    matrix = tuple(float(v) for v in xo.get("/Matrix", (1, 0, 0, 1, 0, 0)))
                    walk(xo, xo.get("/Resources"), mul(matrix, ctm))

    walk(page.get_contents(), page.get("/Resources"), (1, 0, 0, 1, 0, 0))
    return out


def test_jpeg_exif_orientation_is_respected(bound):
    _, reader, layout, _ = bound
    page = reader.pages[layout.placements[2].first - 1]
    w, h, _, y = _image_draws(page)[0]
    assert h > w  # a 600x300 photo with orientation 6 stands upright
    assert float(page.mediabox.height) > float(page.mediabox.width)
    assert y >= BAND


def test_images_are_never_enlarged(bound):
    _, reader, layout, _ = bound
    page = reader.pages[layout.placements[1].first - 1]
    w, h, _, y = _image_draws(page)[0]
    # 800x500 pixels at 150 dpi is 384x240 points; it fits the frame, so it is not scaled up
    assert (round(w), round(h)) == (384, 240)
    assert y >= BAND


def test_text_and_email_are_searchable_with_chinese(bound):
    _, reader, layout, _ = bound
    txt = reader.pages[layout.placements[3].first - 1].extract_text()
    assert CHINESE_LINE[:12] in txt
    mail = reader.pages[layout.placements[4].first - 1].extract_text()
    assert "关于订单PO-2026-118的发货安排" in mail and "invoice-118.pdf" in mail


def test_cover_sheet_is_bilingual(bound):
    case, reader, layout, _ = bound
    text = reader.pages[layout.placements[0].cover - 1].extract_text()
    for words in ("Exhibit 1", "证据1", case.evidence[0].title, "证据文件1", "证明双方约定的货物",
                  "Copy / 复印件", "2–6", layout.placements[0].info.sha256):
        assert words in text


@needs_tool("pdftoppm", what="poppler-utils")
def test_stamp_band_is_free_of_page_content(tmp_path: Path):
    buf = io.BytesIO()
    c = Canvas(buf, pagesize=A4, invariant=1)
    c.setFillColorRGB(0, 0, 0)
    c.rect(0, 0, *A4, fill=1, stroke=0)  # content to the very edge
    c.showPage()
    c.save()
    (tmp_path / "black.pdf").write_bytes(buf.getvalue())
    case = make_case(tmp_path, ["black.pdf"])
    _, layout, data = _bundle(case)
    (tmp_path / "b.pdf").write_bytes(data)
    page = layout.placements[0].first
    subprocess.run(["pdftoppm", "-r", "36", "-gray", "-f", str(page), "-l", str(page), str(tmp_path / "b.pdf"),
                    str(tmp_path / "p")], check=True)
    from PIL import Image

    img = Image.open(next(tmp_path.glob("p*.pgm")))
    band_px = int(BAND / 72 * 36)
    band = img.crop((0, img.height - band_px + 1, img.width, img.height))
    body = img.crop((img.width // 4, img.height // 4, 3 * img.width // 4, img.height // 2))
    dark = sum(1 for v in band.tobytes() if v < 128) / (band.width * band.height)
    assert dark < 0.15  # only the stamp's few letters
    assert max(body.tobytes()) < 40  # the content is still there, shrunk, not covered


def test_same_input_same_bytes(evidence: Path):
    case = make_case(evidence, ALL_FILES)
    _, _, one = _bundle(case)
    _, _, two = _bundle(case)
    assert one == two
    assert PdfReader(io.BytesIO(one)).trailer["/ID"][0] == PdfReader(io.BytesIO(two)).trailer["/ID"][0]
    assert PdfReader(io.BytesIO(one)).metadata["/CreationDate"] == "D:20261120000000Z"


def test_prefix_option(evidence: Path):
    reader, layout, _ = _bundle(make_case(evidence, ALL_FILES), prefix="GT")
    assert "GT-000001" in reader.pages[0].extract_text()
    assert layout.bates(layout.total) in reader.pages[-1].extract_text()


def test_bad_prefix_is_a_usage_error(evidence: Path):
    with pytest.raises(RestitutionError) as err:
        _bundle(make_case(evidence, ALL_FILES), prefix="a b/c")
    assert err.value.exit_code == 2


def test_case_without_evidence_is_refused(tmp_path: Path):
    with pytest.raises(RestitutionError) as err:
        _bundle(make_case(tmp_path, []))
    assert "no evidence" in str(err.value)


# ---------------------------------------------------------------- files on disk


def test_write_bundle_and_manifest(evidence: Path, tmp_path: Path):
    case = make_case(evidence, ALL_FILES)
    out = tmp_path / "out"
    files = write_bundle(case, out, date=DATE, index=simple_index)
    assert sorted(p.name for p in out.iterdir()) == ["NW-2026-0042_evidence_bundle.pdf", "NW-2026-0042_manifest.json"]
    data = json.loads(files.manifest.read_text(encoding="utf-8"))
    pdf = files.pdf.read_bytes()
    assert data["bundle"]["sha256"] == hashlib.sha256(pdf).hexdigest() == files.sha256
    assert data["bundle"]["pages"] == len(PdfReader(files.pdf).pages)
    assert data["date"] == "2026-11-20" and data["prefix"] == "NW-2026-0042"
    from restitution import __version__

    assert data["tool"]["version"] == __version__
    for entry, name in zip(data["exhibits"], ALL_FILES):
        raw = (evidence / name).read_bytes()
        assert entry["file"] == name
        assert entry["sha256"] == hashlib.sha256(raw).hexdigest() and entry["size"] == len(raw)
        first, last = entry["bundle_pages"]
        assert entry["bates_first"] == f"NW-2026-0042-{first:06d}"
        assert entry["bates_last"] == f"NW-2026-0042-{last:06d}"
        assert last - first == entry["pages"]
    text = files.manifest.read_text(encoding="utf-8")
    assert text == json.dumps(data, sort_keys=True, indent=2, ensure_ascii=False) + "\n"


def test_manifest_is_deterministic(evidence: Path, tmp_path: Path):
    case = make_case(evidence, ALL_FILES)
    a = write_bundle(case, tmp_path / "a", date=DATE, index=simple_index)
    b = write_bundle(case, tmp_path / "b", date=DATE, index=simple_index)
    assert a.manifest.read_bytes() == b.manifest.read_bytes()
    assert a.pdf.read_bytes() == b.pdf.read_bytes()


def test_existing_outputs_are_kept_unless_forced(evidence: Path, tmp_path: Path):
    case = make_case(evidence, ALL_FILES)
    out = tmp_path / "out"
    out.mkdir()
    (out / "NW-2026-0042_manifest.json").write_text("old", encoding="utf-8")
    with pytest.raises(OutputError):
        write_bundle(case, out, date=DATE, index=simple_index)
    assert [p.name for p in out.iterdir()] == ["NW-2026-0042_manifest.json"]
    assert (out / "NW-2026-0042_manifest.json").read_text(encoding="utf-8") == "old"
    write_bundle(case, out, date=DATE, index=simple_index, force=True)
    assert json.loads((out / "NW-2026-0042_manifest.json").read_text(encoding="utf-8"))["case_id"] == "NW-2026-0042"


def test_nothing_is_written_when_an_exhibit_is_bad(evidence: Path, tmp_path: Path):
    (evidence / "evidence" / "broken.png").write_bytes(b"\x89PNG\r\n\x1a\n broken")
    case = make_case(evidence, ALL_FILES + ["evidence/broken.png"])
    out = tmp_path / "out"
    with pytest.raises(RestitutionError) as err:
        write_bundle(case, out, date=DATE, index=simple_index)
    assert "evidence[5].file" in str(err.value)
    assert not out.exists()


def test_nothing_is_left_behind_when_binding_fails_late(evidence: Path, tmp_path: Path):
    def failing_index(case, date, ranges):
        raise RestitutionError("index cannot be rendered")

    out = tmp_path / "out"
    out.mkdir()
    with pytest.raises(RestitutionError):
        write_bundle(make_case(evidence, ALL_FILES), out, date=DATE, index=failing_index)
    assert list(out.iterdir()) == []


def test_with_the_real_evidence_index(evidence: Path):
    """The default index is the bilingual evidence_index document; its printed ranges are the bundle's."""
    case = make_case(evidence, ALL_FILES)
    reader, layout, _ = _bundle(case, index=None)
    text = "".join(reader.pages[k].extract_text() for k in range(layout.index_pages))
    printed = {tuple(map(int, r)) for r in re.findall(r"(\d+)\s*[–-]\s*(\d+)", text)}
    assert set(layout.page_ranges().values()) <= printed
    for k in range(layout.index_pages):
        page_text = reader.pages[k].extract_text().replace("\n", " ")
        assert f"NW-2026-0042-{k + 1:06d}" in page_text
