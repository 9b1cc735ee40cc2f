"""The firm profile: firm.yaml in a template folder, loaded and checked."""
from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from PIL import Image

from restitution.errors import ErrorList, RestitutionError
from restitution.pipeline.profile import ProfileError, font_families, load_profile, profile_folder, profile_for

ROOT = Path(__file__).resolve().parents[2]
FONTS = ROOT / "src" / "restitution" / "fonts"
EXAMPLE = ROOT / "examples" / "firm-templates"


def folder(tmp_path: Path, yaml_text: str, *, logo: bool = True, fonts: bool = False) -> Path:
    d = tmp_path / "firm"
    d.mkdir()
    if logo:
        Image.new("RGB", (300, 100), (20, 40, 90)).save(d / "logo.png")
    if fonts:
        (d / "fonts").mkdir()
        for name in ("NotoSerif-Regular.ttf", "NotoSerif-Bold.ttf", "NotoSerifSC-Regular.ttf"):
            shutil.copy(FONTS / name, d / "fonts" / name)
    (d / "firm.yaml").write_text(yaml_text, encoding="utf-8")
    return d


FULL = """\
letterhead:
  en: [Example & Partners, 1 Example Road]
  zh:
    - 示例律师事务所
    - 北京市示例路1号
logo: logo.png
logo_height_mm: 20
fonts:
  latin: {regular: fonts/NotoSerif-Regular.ttf, bold: fonts/NotoSerif-Bold.ttf}
  cjk: {regular: fonts/NotoSerifSC-Regular.ttf, name: Firm Song}
"""


def problems(exc: RestitutionError) -> list[str]:
    return exc.lines()


def test_a_full_profile_loads(tmp_path):
    p = load_profile(folder(tmp_path, FULL, fonts=True))
    assert p.letterhead == {"en": ("Example & Partners", "1 Example Road"), "zh": ("示例律师事务所", "北京市示例路1号")}
    assert p.logo.format == "PNG" and (p.logo.width_px, p.logo.height_px) == (300, 100)
    assert p.logo.height_mm == 20 and p.logo.width_mm == pytest.approx(60)
    assert p.logo.data == (p.folder / "logo.png").read_bytes()
    # the family name is read from the font unless firm.yaml names it
    assert p.latin.name == "Noto Serif" and p.latin.bold.name == "NotoSerif-Bold.ttf"
    assert p.cjk.name == "Firm Song" and p.cjk.bold is None


def test_fonts_are_ordered_by_language(tmp_path):
    p = load_profile(folder(tmp_path, FULL, fonts=True))
    assert [f.role for f in p.fonts("en")] == ["latin", "cjk"]
    assert [f.role for f in p.fonts("zh")] == ["cjk", "latin"]
    assert [f.name for f in font_families(p, "zh-Hant")] == ["FirmSong", "NotoSerif"]
    assert font_families(None, "en") == ()


def test_letterhead_lines_per_language(tmp_path):
    p = load_profile(folder(tmp_path, FULL, fonts=True))
    assert p.lines("en") == ("Example & Partners", "1 Example Road")
    assert p.lines("zh") == ("示例律师事务所", "北京市示例路1号")
    assert p.lines("zh-Hant") == ("示例律師事務所", "北京市示例路1號")  # converted from zh


def test_one_language_stands_in_for_the_other(tmp_path):
    p = load_profile(folder(tmp_path, "letterhead:\n  en: |\n    Example & Partners\n    1 Example Road\n",
                            logo=False))
    assert p.lines("zh") == p.lines("en") == ("Example & Partners", "1 Example Road")
    assert p.logo is None and p.has_letterhead


def test_an_empty_file_is_an_empty_profile(tmp_path):
    p = load_profile(folder(tmp_path, "# nothing yet\n", logo=False))
    assert p is not None and not p.has_letterhead and p.fonts("en") == ()


def test_no_firm_yaml_no_profile(tmp_path):
    assert load_profile(tmp_path) is None
    assert profile_for(tmp_path) is None


def test_the_folder_comes_from_the_option_or_the_environment(tmp_path, monkeypatch):
    monkeypatch.delenv("RESTITUTION_TEMPLATES", raising=False)
    assert profile_folder(None) is None
    monkeypatch.setenv("RESTITUTION_TEMPLATES", str(EXAMPLE))
    assert profile_folder(None) == EXAMPLE
    assert profile_for(None).lines("zh")[0] == "示例律师事务所"
    assert profile_folder(tmp_path) == tmp_path  # the option wins over the environment


def test_profile_for_reloads_an_edited_file(tmp_path):
    d = folder(tmp_path, "letterhead:\n  en: [First Firm]\n", logo=False)
    assert profile_for(d).lines("en") == ("First Firm",)
    (d / "firm.yaml").write_text("letterhead:\n  en: [Second Firm, Suite 2]\n", encoding="utf-8")
    assert profile_for(d).lines("en") == ("Second Firm", "Suite 2")


def test_the_bundled_example_loads():
    p = load_profile(EXAMPLE)
    assert p.lines("en")[0] == "Example & Partners Law Firm"
    assert p.logo.format == "PNG" and p.logo.height_mm == 14


# ---------------------------------------------------------------- errors, each located


def error_of(tmp_path, text: str, **kw) -> str:
    with pytest.raises(RestitutionError) as info:
        load_profile(folder(tmp_path, text, **kw))
    lines = problems(info.value)
    assert len(lines) == 1, lines
    assert isinstance(info.value, ProfileError)
    return lines[0]


def test_unknown_top_key(tmp_path):
    msg = error_of(tmp_path, "letterhead:\n  en: [Firm]\nlogoo: logo.png\n")
    assert msg.endswith("firm.yaml:3 logoo: unknown key 'logoo'; known keys: letterhead, logo, logo_height_mm, fonts")


def test_unknown_nested_keys(tmp_path):
    msg = error_of(tmp_path, "letterhead:\n  fr: [Cabinet]\n")
    assert "firm.yaml:2 letterhead.fr: unknown key 'fr'; known keys: en, zh, zh-Hant" in msg
    (tmp_path / "b").mkdir()
    msg = error_of(tmp_path / "b", "fonts:\n  latin:\n    regular: fonts/NotoSerif-Regular.ttf\n"
                                   "    italic: fonts/NotoSerif-Bold.ttf\n", fonts=True)
    assert "firm.yaml:4 fonts.latin.italic: unknown key 'italic'; known keys: regular, bold, name" in msg


def test_missing_logo_file(tmp_path):
    msg = error_of(tmp_path, "logo: images/logo.png\n", logo=False)
    assert "firm.yaml:1 logo: logo file 'images/logo.png' not found in the template folder" in msg


def test_absolute_paths_are_refused(tmp_path):
    msg = error_of(tmp_path, f"logo: {tmp_path / 'firm' / 'logo.png'}\n")
    assert "firm.yaml:1 logo: give the logo file relative to the template folder" in msg


def test_logo_that_cannot_be_decoded(tmp_path):
    d = tmp_path / "firm"
    d.mkdir()
    (d / "logo.png").write_bytes(b"\x89PNG\r\n\x1a\n" + b"not really a png" * 4)
    (d / "firm.yaml").write_text("letterhead:\n  en: [Firm]\nlogo: logo.png\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(d)
    assert "firm.yaml:3 logo: the logo logo.png cannot be decoded as an image" in str(info.value)


def test_logo_in_another_format(tmp_path):
    d = tmp_path / "firm"
    d.mkdir()
    Image.new("RGB", (20, 10)).save(d / "logo.gif")
    (d / "firm.yaml").write_text("logo: logo.gif\n", encoding="utf-8")
    with pytest.raises(ProfileError, match="the logo logo.gif is a GIF image; use a PNG or JPEG file"):
        load_profile(d)


def test_logo_height_out_of_range(tmp_path):
    msg = error_of(tmp_path, "logo: logo.png\nlogo_height_mm: 90\n")
    assert "firm.yaml:2 logo_height_mm: must be a number of millimetres from 5 to 50" in msg


def test_font_that_is_not_truetype(tmp_path):
    d = folder(tmp_path, "fonts:\n  latin:\n    regular: fonts/Firm.otf\n", logo=False)
    (d / "fonts").mkdir()
    (d / "fonts" / "Firm.otf").write_bytes(b"OTTO" + bytes(200))
    with pytest.raises(ProfileError) as info:
        load_profile(d)
    assert "firm.yaml:3 fonts.latin.regular: Firm.otf has PostScript (CFF) outlines" in str(info.value)
    (d / "fonts" / "Firm.otf").write_bytes(b"%PDF-1.7 not a font")
    with pytest.raises(ProfileError, match=r"fonts.latin.regular: Firm.otf is not a TrueType font file"):
        load_profile(d)


def test_cjk_font_without_chinese(tmp_path):
    d = folder(tmp_path, "fonts:\n  cjk: fonts/NotoSerif-Regular.ttf\n", logo=False, fonts=True)
    with pytest.raises(ProfileError) as info:
        load_profile(d)
    assert "firm.yaml:2 fonts.cjk: NotoSerif-Regular.ttf has no Chinese characters" in str(info.value)


def test_font_without_regular_face(tmp_path):
    msg = error_of(tmp_path, "fonts:\n  latin: {bold: fonts/NotoSerif-Bold.ttf}\n", logo=False, fonts=True)
    assert "firm.yaml:2 fonts.latin.regular: is missing" in msg


def test_letterhead_shapes(tmp_path):
    msg = error_of(tmp_path, "letterhead: Example & Partners\n")
    assert "firm.yaml:1 letterhead: must be a mapping of keys (en, zh, zh-Hant)" in msg
    (tmp_path / "b").mkdir()
    msg = error_of(tmp_path / "b", "letterhead:\n  en: []\n")
    assert "firm.yaml:2 letterhead.en: is an empty list" in msg


def test_every_problem_is_reported_at_once(tmp_path):
    d = folder(tmp_path, "letterhead:\n  en: [Firm, '']\nlogo: missing.png\ncolour: blue\n", logo=False)
    with pytest.raises(ErrorList) as info:
        load_profile(d)
    lines = info.value.lines()
    assert [line.split(": ", 1)[0].rsplit("firm.yaml", 1)[1] for line in lines] == [
        ":2 letterhead.en[1]", ":3 logo", ":4 colour"]


def test_yaml_syntax_error_is_located(tmp_path):
    with pytest.raises(ProfileError) as info:
        load_profile(folder(tmp_path, "letterhead:\n  en: [Firm\nlogo: logo.png\n"))
    assert "firm.yaml:3: YAML syntax error: did not find expected ',' or ']'" in str(info.value)


# ---------------------------------------------------------------- a folder from a less trusted source


def test_paths_going_up_or_linking_out_are_refused(tmp_path):
    outside = tmp_path / "home"
    outside.mkdir()
    Image.new("RGB", (30, 10)).save(outside / "passport.png")
    msg = error_of(tmp_path, "logo: ../home/passport.png\n", logo=False)
    assert "firm.yaml:1 logo: the logo file '../home/passport.png' goes up out of the template folder (..)" in msg
    (tmp_path / "b").mkdir()
    d = folder(tmp_path / "b", "logo: images/../logo.png\n")
    with pytest.raises(ProfileError, match=r"firm.yaml:1 logo: the logo file 'images/../logo.png' goes up"):
        load_profile(d)
    (d / "link.png").symlink_to(outside / "passport.png")
    (d / "firm.yaml").write_text("letterhead:\n  en: [Firm]\nlogo: link.png\n", encoding="utf-8")
    with pytest.raises(ProfileError) as info:
        load_profile(d)
    assert str(info.value).endswith("firm.yaml:3 logo: logo file 'link.png' is a link to a file outside the "
                                    "template folder; copy the file into the folder instead of linking to it")


def test_a_link_inside_the_folder_is_fine(tmp_path):
    d = folder(tmp_path, "logo: current.png\n")
    (d / "current.png").symlink_to(d / "logo.png")
    assert load_profile(d).logo.width_px == 300


def test_firm_yaml_linking_out_is_refused(tmp_path):
    (tmp_path / "elsewhere.yaml").write_text("letterhead:\n  en: [Firm]\n", encoding="utf-8")
    d = tmp_path / "firm"
    d.mkdir()
    (d / "firm.yaml").symlink_to(tmp_path / "elsewhere.yaml")
    with pytest.raises(ProfileError, match=r"firm.yaml: is a link to a file outside the template folder"):
        load_profile(d)


def test_a_logo_with_too_many_pixels_is_refused_before_decoding(tmp_path):
    d = folder(tmp_path, "logo: big.png\n", logo=False)
    Image.new("1", (5000, 4000)).save(d / "big.png")  # small file, 20 megapixels
    with pytest.raises(ProfileError) as info:
        load_profile(d)
    assert ("firm.yaml:1 logo: the logo big.png is 5,000 × 4,000 pixels; a logo may have at most 16,000,000 "
            "pixels (scale it down)") in str(info.value)


def test_yaml_limits_are_those_of_the_case_reader(tmp_path):
    msg = error_of(tmp_path, "letterhead:\n  en: " + "[" * 100 + "]" * 100 + "\n", logo=False)
    assert "firm.yaml:2 letterhead.en[0]" in msg and "nested more than 32 levels deep" in msg
    (tmp_path / "b").mkdir()
    msg = error_of(tmp_path / "b", "letterhead:\n  en: [Firm\x1b]\n", logo=False)
    assert msg.endswith("firm.yaml:2 letterhead.en[0]: control character U+001B is not allowed")
    (tmp_path / "c").mkdir()
    msg = error_of(tmp_path / "c", "letterhead: &a\n  en: [Firm]\n", logo=False)
    assert "YAML anchors (&) are not allowed in firm.yaml" in msg
    (tmp_path / "d").mkdir()
    msg = error_of(tmp_path / "d", "letterhead:\n  en: [Firm]\n# " + "x" * 70_000 + "\n", logo=False)
    assert "firm.yaml: is 70,0" in msg and "firm.yaml may be at most 65,536 bytes" in msg


def test_a_key_with_a_control_character_is_never_printed_raw(tmp_path):
    d = folder(tmp_path, "lo\x1bgo: logo.png\n")
    with pytest.raises(RestitutionError) as info:
        load_profile(d)
    text = "\n".join(info.value.lines())
    assert "\x1b" not in text and "firm.yaml:1: control character U+001B is not allowed" in text


def test_a_damaged_font_is_refused_here_not_in_the_pdf_writer(tmp_path):
    import sys

    sys.path.insert(0, str(ROOT / "tests" / "hardening"))
    from firm_attacks import damaged_ttf

    d = folder(tmp_path, "fonts:\n  latin:\n    regular: fonts/Firm.ttf\n", logo=False)
    (d / "fonts").mkdir()
    (d / "fonts" / "Firm.ttf").write_bytes(damaged_ttf())
    with pytest.raises(ProfileError) as info:
        load_profile(d)
    assert ("firm.yaml:3 fonts.latin.regular: Firm.ttf is damaged and cannot be embedded in a PDF "
            "(composite glyph 0 names glyph 65535, which does not exist)") in str(info.value)


def test_a_font_file_too_large_is_refused_unread(tmp_path):
    d = folder(tmp_path, "fonts:\n  cjk: fonts/Huge.ttf\n", logo=False)
    (d / "fonts").mkdir()
    with open(d / "fonts" / "Huge.ttf", "wb") as f:
        f.truncate(51 * 1024 * 1024)  # sparse: no disk used
    with pytest.raises(ProfileError, match=r"fonts.cjk: font file 'fonts/Huge.ttf' is 51.0 MB; a font file "
                                           r"may be at most 50 MB"):
        load_profile(d)
