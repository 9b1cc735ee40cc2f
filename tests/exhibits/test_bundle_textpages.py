"""Typesetting text and e-mail: lines fit, Chinese breaks correctly, nothing is dropped."""
from __future__ import annotations

from pathlib import Path

from reportlab.pdfbase.pdfmetrics import stringWidth

from bundle_helpers import make_eml
from restitution.exhibits import email_text, textpages
from restitution.exhibits.geometry import FRAME_W


def _width(visual) -> float:
    stack = textpages.metrics().stack
    return sum(stringWidth(seg, fam.face(bold), textpages.SIZE)
               for text, bold in visual for fam, seg in stack.segments(text.rstrip(" ")))


def _text(visuals) -> str:
    return "".join(t for v in visuals for t, _ in v)


def test_long_lines_wrap_within_the_frame_and_keep_every_character():
    line = ("供应商承诺于2026年7月15日前发货，收到尾款后即失联。" * 8 + " The supplier vanished after payment." * 6)
    visuals = textpages.wrap(((line, False),))
    assert len(visuals) > 3
    assert all(_width(v) <= FRAME_W + 0.01 for v in visuals)
    assert _text(visuals).replace(" ", "") == line.replace(" ", "")


def test_latin_breaks_between_words_and_closing_punctuation_never_starts_a_line():
    visuals = textpages.wrap((("word " * 60 + "中文，" * 40 + "（括号）" * 30, False),))
    for v in visuals:
        text = _text([v])
        assert not text.startswith(("，", "）"))
        assert not text.rstrip(" ").endswith("（")
        assert "wor d" not in text


def test_a_word_wider_than_the_line_is_cut():
    visuals = textpages.wrap((("x" * 400, False),))
    assert len(visuals) >= 2 and _text(visuals) == "x" * 400
    assert all(_width(v) <= FRAME_W + 0.01 for v in visuals)


def test_missing_glyphs_are_shown_as_code_points_not_dropped():
    visuals = textpages.wrap((("receipt \U00020000 done", False),))
    assert _text(visuals) == "receipt [U+20000] done"


def test_blank_lines_and_indentation_are_kept(tmp_path: Path):
    (tmp_path / "t.txt").write_text("a\n\n    indented\tx\n", encoding="utf-8")
    lines = textpages.text_lines(tmp_path / "t.txt")
    page, = list(textpages.layout(lines))
    assert [_text([v]) for v in page] == ["a", "", "    indented    x"]


def test_email_headers_body_and_attachments(tmp_path: Path):
    lines = email_text.email_lines(make_eml(tmp_path / "m.eml"))
    text = "\n".join("".join(t for t, _ in line) for line in lines)
    assert "Subject / 主题: 关于订单PO-2026-118的发货安排" in text
    assert "From / 发件人: 王托尼 <tony.glory@example.com>" in text
    assert "货物将于七月中旬发出，请先支付尾款。" in text
    assert "invoice-118.pdf" in text
    assert lines[0][0] == ("From / 发件人: ", True)


def test_html_only_email_is_reduced_to_text(tmp_path: Path):
    from email.message import EmailMessage

    msg = EmailMessage()
    msg["From"] = "seller@example.com"
    msg["Subject"] = "Offer"
    msg.set_content("<html><head><style>p{}</style></head><body><p>Price &amp; terms</p>"
                    "<ul><li>2,000 pcs</li><li>USD 12.50</li></ul><p>谢谢</p></body></html>", subtype="html")
    (tmp_path / "h.eml").write_bytes(bytes(msg))
    text = "\n".join("".join(t for t, _ in line) for line in email_text.email_lines(tmp_path / "h.eml"))
    assert "Price & terms" in text and "• 2,000 pcs" in text and "谢谢" in text
    assert "p{}" not in text and "<p>" not in text and "&amp;" not in text
