"""pages: a JPEG is bound byte for byte, turned upright by its placement; image size limits are located errors."""
from __future__ import annotations

import io
import struct
import zlib
from pathlib import Path

import pytest
from tooling import needs_tool
from PIL import Image, ImageOps

from bundle_helpers import DATE, make_case, simple_index
from hostile import rasterise
from restitution.bundle import make_bundle
from restitution.exhibits import ExhibitError, exhibit_info


def _photo(path: Path, orientation: int) -> Path:
    """A 600x300 blue photo with a red block in its stored top-left corner."""
    img = Image.new("RGB", (600, 300), (30, 120, 200))
    img.paste((230, 0, 0), (0, 0, 150, 75))
    exif = Image.Exif()
    exif[0x0112] = orientation
    img.save(path, "JPEG", quality=90, exif=exif.tobytes(), dpi=(150, 150))
    return path


def _bundle(tmp_path: Path, files: list[str]) -> tuple[bytes, object]:
    buf = io.BytesIO()
    layout = make_bundle(make_case(tmp_path, files), buf, date=DATE, index=simple_index)
    return buf.getvalue(), layout


@pytest.mark.parametrize("orientation", [1, 6])
def test_jpeg_bytes_are_bound_unchanged(tmp_path: Path, orientation: int):
    raw = _photo(tmp_path / "p.jpg", orientation).read_bytes()
    data, _ = _bundle(tmp_path, ["p.jpg"])
    assert raw in data  # the whole file, EXIF included, is the image stream


def _red_centre(img: Image.Image) -> tuple[float, float]:
    """Where the red block sits inside the picture's box, as fractions of its width and height."""
    rgb = img.convert("RGB")
    w, h = rgb.size
    px = rgb.load()
    pic = [(x, y) for y in range(0, h, 2) for x in range(0, w, 2) if px[x, y] != (255, 255, 255) and sum(px[x, y]) < 600]
    red = [(x, y) for x, y in pic if px[x, y][0] > 150 and px[x, y][2] < 100]
    x0, x1 = min(x for x, _ in pic), max(x for x, _ in pic)
    y0, y1 = min(y for _, y in pic), max(y for _, y in pic)
    cx, cy = sum(x for x, _ in red) / len(red), sum(y for _, y in red) / len(red)
    return (cx - x0) / (x1 - x0), (cy - y0) / (y1 - y0)


@needs_tool("pdftoppm", what="poppler-utils")
@pytest.mark.parametrize("orientation", [2, 3, 5, 6, 7, 8])
def test_exif_orientation_is_applied_as_pillow_does(tmp_path: Path, orientation: int):
    path = _photo(tmp_path / "p.jpg", orientation)
    data, layout = _bundle(tmp_path, ["p.jpg"])
    (tmp_path / "b.pdf").write_bytes(data)
    page = rasterise(tmp_path / "b.pdf", layout.placements[0].first, tmp_path)
    band = 40  # leave the stamp out of the picture's box
    page = page.crop((0, 0, page.width, page.height - band))
    expected = _red_centre(ImageOps.exif_transpose(Image.open(path)))
    got = _red_centre(page)
    assert abs(got[0] - expected[0]) < 0.08 and abs(got[1] - expected[1]) < 0.08


def _png_header_only(path: Path, w: int, h: int) -> Path:
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    path.write_bytes(b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0))
                     + chunk(b"IDAT", zlib.compress(b"\0" * 100)) + chunk(b"IEND", b""))
    return path


def test_a_huge_image_is_a_located_error_without_warning(tmp_path: Path, recwarn):
    _png_header_only(tmp_path / "big.png", 13_000, 13_000)
    case = make_case(tmp_path, ["big.png"])
    with pytest.raises(ExhibitError) as err:
        exhibit_info(case, case.evidence[0])
    assert str(err.value) == ("case.yaml:105 evidence[0].file: exhibit 1 (big.png): the image is 13,000 x 13,000 "
                              "pixels (169 megapixels); a PNG image may have at most 50 megapixels (bind a "
                              "scaled-down copy and keep the original)")
    assert not [w for w in recwarn if "DecompressionBomb" in type(w.message).__name__]


def test_stamps_read_as_the_bundle_prints_them():
    from restitution.bundle.pages import exhibit_label, index_label

    assert exhibit_label(3, 2) == "Exhibit 3 p. 2 / 证据3 第2页"
    assert exhibit_label(3, None) == "Exhibit 3 cover / 证据3 封面"
    assert index_label(1) == "Evidence index p. 1 / 证据目录 第1页"
