"""The bundle's own labels: English and Chinese catalogue entries paired, English first."""
from __future__ import annotations

from restitution.exhibits.wording import bilingual


def test_a_pair_is_english_then_chinese():
    words = bilingual()
    assert words.en.language.code == "en" and words.zh.language.code == "zh"
    assert words.pair("bundle.cover.copy") == "Copy / 复印件"
    assert words.pair("email.hidden.marker", number=2) == "hidden text 2 / 隐藏文字2"


def test_every_e_mail_header_has_its_label_in_both_languages():
    from restitution.exhibits.email_text import HEADERS

    words = bilingual()
    for name in HEADERS:
        assert words.en(f"email.header.{name.lower()}") == name
        assert words.zh(f"email.header.{name.lower()}")
