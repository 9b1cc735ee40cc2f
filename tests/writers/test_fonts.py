"""Font stacks: per-character fallback, user fonts, rejected fonts, registration once."""
from __future__ import annotations

import shutil

import pytest

from restitution.errors import EXIT_USAGE, RestitutionError
from restitution.writers import fonts
from restitution.writers.fonts import (
    BUNDLED_DIR, ENV_VAR, FontConfig, FontConfigError, FontFamily, MissingGlyphError, font_stack,
    load_family, scan_font_dir,
)


def names(segments):
    return [(fam.name, text) for fam, text in segments]


def test_english_stack_falls_back_per_character():
    stack = font_stack("en", FontConfig(use_env=False))
    assert stack.names == ("NotoSerif", "NotoSerifSC", "DejaVuSans", "NotoEmoji")
    assert names(stack.segments("Glory 深圳市 Ltd ☺")) == [
        ("NotoSerif", "Glory "), ("NotoSerifSC", "深圳市"), ("NotoSerif", " Ltd "), ("DejaVuSans", "☺"),
    ]


def test_chinese_stack_keeps_latin_in_the_chinese_face():
    stack = font_stack("zh", FontConfig(use_env=False))
    assert stack.names == ("NotoSerifSC", "NotoSerif", "DejaVuSans", "NotoEmoji")
    # Noto Serif SC has Latin-1, so a mixed line is one span; a Czech Č falls to Noto Serif.
    assert names(stack.segments("北风贸易（Northwind LLC）")) == [("NotoSerifSC", "北风贸易（Northwind LLC）")]
    assert names(stack.segments("Čapek")) == [("NotoSerif", "Č"), ("NotoSerifSC", "apek")]
    assert font_stack("zh-Hant", FontConfig(use_env=False)) is stack


def test_missing_glyph_error_names_the_code_point():
    stack = font_stack("zh", FontConfig(use_env=False))
    with pytest.raises(MissingGlyphError) as err:
        stack.segments("供应商𠀀记")
    e = err.value
    assert isinstance(e, RestitutionError)
    assert e.codepoint == "U+20000" and e.char == "𠀀"
    assert "U+20000" in str(e) and ENV_VAR in str(e) and "供应商𠀀记" in str(e)
    assert "demand_letter" in str(e.in_document("demand_letter"))


def test_invisible_characters_without_glyph_are_dropped_not_errors():
    stack = font_stack("zh", FontConfig(use_env=False))
    invisible = "\U000E0041\U000E0101"  # a tag character and a variation selector no bundled font has
    assert all(stack.family_for(c) is None for c in invisible)
    assert "".join(t for _, t in stack.segments(f"甲{invisible[0]}乙{invisible[1]}丙\n丁")) == "甲乙丙 丁"
    for visible in ("a\u1ab0", "\u0600"):  # a combining mark, an Arabic number sign: text, never dropped
        with pytest.raises(MissingGlyphError):
            stack.segments(visible)


def test_fonts_are_registered_once_per_process():
    a = load_family(fonts.BUNDLED["NotoSerifSC"])
    b = load_family(fonts.BUNDLED["NotoSerifSC"])
    assert a is b
    assert font_stack("en", FontConfig(use_env=False)) is font_stack("en", FontConfig(use_env=False))


def test_bold_and_italic_faces():
    serif = load_family(fonts.BUNDLED["NotoSerif"])
    sc = load_family(fonts.BUNDLED["NotoSerifSC"])
    assert serif.face(bold=True) == "NotoSerif-Bold"
    assert serif.face(italic=True) == "NotoSerif-Italic"  # synthetic oblique for Latin
    assert sc.face(italic=True) == sc.face()  # Chinese stays upright
    assert sc.face(bold=True, italic=True) == sc.face(bold=True)


def _user_dir(tmp_path, *files):
    d = tmp_path / "myfonts"
    d.mkdir()
    for src, dst in files:
        shutil.copy(BUNDLED_DIR / src, d / dst)
    return d


def test_scan_font_dir_naming_convention(tmp_path):
    d = _user_dir(tmp_path, ("DejaVuSans.ttf", "Plain.ttf"), ("NotoSerif-Regular.ttf", "Firm-Serif-Regular.ttf"),
                  ("NotoSerif-Bold.ttf", "Firm-Serif-Bold.ttf"))
    (d / "readme.txt").write_text("not a font")
    fams = scan_font_dir(d)
    assert [f.name for f in fams] == ["Firm-Serif", "Plain"]
    assert fams[0].bold.name == "Firm-Serif-Bold.ttf" and fams[0].italic is None
    assert fams[1].regular.name == "Plain.ttf" and fams[1].bold is None


def test_env_font_dir_goes_first(tmp_path, monkeypatch):
    d = _user_dir(tmp_path, ("DejaVuSans.ttf", "House-Regular.ttf"))
    monkeypatch.setenv(ENV_VAR, str(d))
    stack = font_stack("zh")
    assert stack.names == ("House", "NotoSerifSC", "NotoSerif", "DejaVuSans", "NotoEmoji")
    assert names(stack.segments("a中")) == [("House", "a"), ("NotoSerifSC", "中")]
    # Same name as a bundled family, different file: registered under its own internal name.
    assert stack.families[0].face() != "DejaVuSans-Regular"


def test_font_config_api(tmp_path):
    d = _user_dir(tmp_path, ("NotoSerif-Regular.ttf", "Mine.ttf"))
    cfg = FontConfig(families=(FontFamily("Mine", d / "Mine.ttf"),), use_env=False)
    assert font_stack("en", cfg).names == ("Mine", "NotoSerif", "NotoSerifSC", "DejaVuSans", "NotoEmoji")


def test_cff_otf_is_rejected_with_advice(tmp_path):
    d = tmp_path / "otf"
    d.mkdir()
    (d / "Song-Regular.otf").write_bytes(b"OTTO" + bytes(200))
    with pytest.raises(FontConfigError) as err:
        font_stack("zh", FontConfig(dirs=(d,), use_env=False))
    assert "CFF" in str(err.value) and ".ttf" in str(err.value)
    assert err.value.exit_code == EXIT_USAGE


@pytest.mark.parametrize("setup, message", [
    (lambda d: None, "holds no .ttf"),
    (lambda d: (d / "Song-Bold.ttf").write_bytes((BUNDLED_DIR / "NotoSerif-Bold.ttf").read_bytes()),
     "no regular face"),
    (lambda d: (d / "Broken.ttf").write_bytes(b"<html>"), "not a TrueType font"),
])
def test_bad_font_folders(tmp_path, setup, message):
    d = tmp_path / "f"
    d.mkdir()
    setup(d)
    with pytest.raises(FontConfigError, match=message):
        font_stack("en", FontConfig(dirs=(d,), use_env=False))


def test_missing_folder(tmp_path, monkeypatch):
    monkeypatch.setenv(ENV_VAR, str(tmp_path / "nowhere"))
    with pytest.raises(FontConfigError, match=ENV_VAR):
        font_stack("en")
