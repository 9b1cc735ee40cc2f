"""fitting: every Bates stamp stays visible and the band carries nothing of the exhibit, whatever the page does.

Each hostile page paints in red; the stamp is black. A bundled page is
rasterised with pdftoppm: the band must hold no red pixel, and both halves
of the stamp (label on the left, Bates number on the right) dark pixels.
"""
from __future__ import annotations

import io
from pathlib import Path

import pytest
from tooling import needs_tool
from pypdf import PdfReader

from bundle_helpers import DATE, make_case, simple_index
from hostile import RED_RECT, rasterise, raw_pdf, red_ap
from restitution.bundle import make_bundle
from restitution.exhibits.geometry import BAND, STAMP_INSET
from restitution.exhibits import ExhibitError

TEXT = b"BT /F1 24 Tf 72 700 Td (EXHIBIT TEXT) Tj ET\n"
DPI = 72  # one pixel per point: page coordinates and pixels agree

HOSTILE = {
    # the whole page, the band included, painted red
    "paint": [{"content": TEXT + RED_RECT}],
    # content that ends inside a one-point clip with a state left open
    "clip": [{"content": RED_RECT + TEXT + b"0 0 1 1 re W n q q q\n"}],
    # text render mode 3 (invisible) and white colours left set, and extra Q's to pop the bundle's state
    "render-mode-3": [{"content": b"Q Q Q " + RED_RECT + b"BT 3 Tr /F1 12 Tf 1 1 Td (x) Tj ET 1 1 1 rg 1 1 1 RG 9 w\n"}],
    # a fake number below the crop box, where the bundle's band would be
    "below-crop": [{"content": TEXT + b"BT 1 0 0 rg /F1 30 Tf 250 75 Td (PAID IN FULL - FAKE-000001) Tj ET\n",
                    "crop": b"[0 100 612 792]"}],
    # an annotation placed off the page, and one in the page's bottom strip
    "annotation": [{"content": TEXT, "annots": [red_ap(0, -60, 612, -2), red_ap(-50, -50, 700, 30)]}],
    # a page whose /Rotate is not a multiple of 90 and whose origin is far away
    "odd-rotate": [{"content": RED_RECT, "media": b"[5000 5000 5612 5792]", "page_extra": b"/Rotate 45"}],
}


def _bundle(tmp_path: Path, files: list[str]) -> tuple[Path, object]:
    case = make_case(tmp_path, files)
    buf = io.BytesIO()
    layout = make_bundle(case, buf, date=DATE, index=simple_index)
    out = tmp_path / "bundle.pdf"
    out.write_bytes(buf.getvalue())
    return out, layout


def _pixels(img) -> list[tuple[int, int, int]]:
    data = img.convert("RGB").tobytes()
    return [tuple(data[i:i + 3]) for i in range(0, len(data), 3)]


def _red(px) -> bool:
    r, g, b = px
    return r > 150 and g < 110 and b < 110


def _dark(px) -> bool:
    return max(px) < 110


@needs_tool("pdftoppm", what="poppler-utils")
@pytest.mark.parametrize("trick", sorted(HOSTILE))
def test_stamp_visible_and_band_free_of_the_exhibit(tmp_path: Path, trick: str):
    raw_pdf(tmp_path / f"{trick}.pdf", HOSTILE[trick])
    out, layout = _bundle(tmp_path, [f"{trick}.pdf"])
    page_no = layout.placements[0].first
    img = rasterise(out, page_no, tmp_path, DPI)
    band = round(BAND)
    band_img = img.crop((0, img.height - band + 1, img.width, img.height))
    pixels = _pixels(band_img)
    assert not any(_red(p) for p in pixels), f"{trick}: the exhibit shows in the stamp band"
    inset = round(STAMP_INSET)
    left = img.crop((inset, img.height - band, inset + 60, img.height))
    right = img.crop((img.width - inset - 60, img.height - band, img.width - inset, img.height))
    assert sum(_dark(p) for p in _pixels(left)) > 20, f"{trick}: the stamp's label is not visible"
    assert sum(_dark(p) for p in _pixels(right)) > 20, f"{trick}: the Bates number is not visible"
    # and the stamp is there as text, with the right number
    text = PdfReader(out).pages[page_no - 1].extract_text()
    assert layout.bates(page_no) in text
    if trick == "below-crop":
        # Clipped away, not covered (the bytes of the exhibit's content are kept as they are,
        # so text extraction, which ignores clipping, still finds them: they are evidence).
        assert not any(_red(p) for p in _pixels(img))
    if trick == "paint":  # the exhibit is still shown, above the band
        assert _red(img.getpixel((img.width // 2, img.height // 2)))


@needs_tool("pdftoppm", what="poppler-utils")
def test_annotation_inside_the_page_is_drawn_above_the_band(tmp_path: Path):
    raw_pdf(tmp_path / "a.pdf", [{"content": TEXT, "annots": [red_ap(100, 300, 300, 400)]}])
    out, layout = _bundle(tmp_path, ["a.pdf"])
    img = rasterise(out, layout.placements[0].first, tmp_path, DPI)
    # 100..300 x 300..400 on the page, shrunk a little towards the centre: its middle stays red
    assert _red(img.getpixel((200, img.height - 350)))
    page = PdfReader(out).pages[layout.placements[0].first - 1]
    assert "/Annots" not in page  # flattened, not carried over


def test_pages_are_isolated_form_xobjects(tmp_path: Path):
    raw_pdf(tmp_path / "c.pdf", HOSTILE["clip"])
    out, layout = _bundle(tmp_path, ["c.pdf"])
    page = PdfReader(out).pages[layout.placements[0].first - 1]
    xobjects = page["/Resources"]["/XObject"]
    exhibit = xobjects["/Exhibit"].get_object()
    assert exhibit["/Subtype"] == "/Form"
    assert [float(v) for v in exhibit["/BBox"]] == [0, 0, 612, 792]
    contents = b"".join(c.get_object().get_data() for c in page["/Contents"])
    # the stamp is drawn last, after the exhibit's state is closed
    assert contents.rstrip().endswith(b"q /Stamp Do Q")
    assert contents.index(b"/Exhibit Do") < contents.index(b"/Stamp Do")


@pytest.mark.parametrize("media", [b"[0 0 0 0]", b"[0 0 612 0.2]", b"[0 0 100000 100000]"])
def test_unusable_page_box_is_a_located_error(tmp_path: Path, media: bytes):
    raw_pdf(tmp_path / "z.pdf", [{"content": TEXT}, {"content": TEXT, "media": media}])
    case = make_case(tmp_path, ["z.pdf"])
    with pytest.raises(ExhibitError) as err:
        make_bundle(case, io.BytesIO(), date=DATE, index=simple_index)
    message = str(err.value)
    assert message.startswith("case.yaml:105 evidence[0].file: exhibit 1 (z.pdf): page 2 measures")
