"""email_text and html_text: the body a mail program shows, hidden text set apart, headers as in the file."""
from __future__ import annotations

from email.message import EmailMessage
from pathlib import Path

import pytest

from restitution.exhibits import email_text
from restitution.exhibits.html_text import html_to_text
from restitution.exhibits import UnusableFile

PLAIN = "The buyer accepts the goods as delivered and waives all claims."
HTML = ("<html><body><p>Dear Jane,</p><p>I promise the full refund of USD 25,000 by 30 June.</p>"
        "<div style='display:none'>the buyer waives all claims</div>"
        "<p>Regards<span style=\"font-size:0px\">signed under duress</span>"
        "<font color=\"#FFFFFF\">white words</font></p></body></html>")


def _text(path: Path) -> str:
    return "\n".join("".join(t for t, _ in line) for line in email_text.email_lines(path))


def _alternative(path: Path, plain: str, html: str, date: str = "Tue, 02 Jun 2026 10:00:00 +0800") -> Path:
    msg = EmailMessage()
    msg["From"] = "Tony <tony.glory@example.com>"
    msg["To"] = "jane.doe@northwind.example"
    msg["Subject"] = "Refund"
    msg["Date"] = date
    msg.set_content(plain)
    msg.add_alternative(html, subtype="html")
    path.write_bytes(bytes(msg))
    return path


def test_the_html_alternative_is_bound_and_a_differing_plain_one_follows(tmp_path: Path):
    text = _text(_alternative(tmp_path / "m.eml", PLAIN, HTML))
    body = text[text.index("Dear Jane"):]
    assert "I promise the full refund of USD 25,000 by 30 June." in body
    # the plain alternative is there too, after a notice, not instead of the HTML
    notice = body.index("The plain-text version of this e-mail differs")
    assert body.index("I promise the full refund") < notice < body.index(PLAIN)


def test_hidden_html_text_is_flagged_not_printed_as_body(tmp_path: Path):
    text = _text(_alternative(tmp_path / "m.eml", "Dear Jane, I promise the full refund.", HTML))
    shown, hidden_part = text.split("Text hidden in the HTML, not shown by mail programs")
    for words in ("the buyer waives all claims", "signed under duress", "white words"):
        assert words not in shown
        assert words in hidden_part
    assert "[hidden text 1 / 隐藏文字1]" in shown and "[hidden text 3 / 隐藏文字3]" in shown


@pytest.mark.parametrize("html,hidden", [
    ("<p>a<span style='visibility:hidden'>x</span></p>", ["x"]),
    ("<p>a<span style='opacity: 0'>x</span></p>", ["x"]),
    ("<p>a<span style='color:rgb(255, 255, 255)'>x</span></p>", ["x"]),
    ("<p>a<span hidden>x<b>y</b></span>z</p>", ["xy"]),
    ("<p>a<span style='background-color:#fff'>x</span></p>", []),  # white background, black text: shown
    ("<p style='display:none'>x<p>shown", ["x"]),  # the second <p> closes the first
    ("<p>a<br><img src=x><span style='display:none'>x</span>b</p>", ["x"]),  # void elements do not nest
])
def test_hidden_text_detection(html: str, hidden: list[str]):
    assert html_to_text(html)[1] == hidden


def test_headers_are_printed_as_in_the_file(tmp_path: Path):
    # Mon is wrong: 2 June 2026 is a Tuesday. The header is not "corrected", and the mismatch is noted.
    raw = ("From: =?utf-8?b?546L5omY5bC8?= <tony.glory@example.com>\r\nTo: jane.doe@northwind.example\r\n"
           "Subject: Refund\r\n  folded\r\nDate: Mon,  2 Jun 2026 10:00:00 +0800\r\n"
           "Content-Type: text/plain; charset=utf-8\r\n\r\nBody\r\n")
    (tmp_path / "m.eml").write_bytes(raw.encode())
    text = _text(tmp_path / "m.eml")
    assert "Date / 日期: Mon,  2 Jun 2026 10:00:00 +0800" in text
    assert "the header says Mon, but 02 Jun 2026 was a Tuesday" in text
    assert "Subject / 主题: Refund  folded" in text
    assert "From / 发件人: 王托尼 <tony.glory@example.com>" in text
    assert "as in the file / 原文: =?utf-8?b?546L5omY5bC8?= <tony.glory@example.com>" in text


def test_deeply_nested_mime_is_refused(tmp_path: Path):
    head = "From: a@example.com\r\nSubject: x\r\nDate: Tue, 02 Jun 2026 10:00:00 +0800\r\nMIME-Version: 1.0\r\n"
    for depth in (25, 2000):
        body = head + "".join(f'Content-Type: multipart/mixed; boundary="b{i}"\r\n\r\n--b{i}\r\n' for i in range(depth))
        body += "Content-Type: text/plain\r\n\r\nhello\r\n" + "".join(f"--b{i}--\r\n" for i in reversed(range(depth)))
        (tmp_path / "deep.eml").write_text(body)
        with pytest.raises(UnusableFile, match=f"more than {email_text.MAX_DEPTH} levels deep"):
            email_text.email_lines(tmp_path / "deep.eml")


def test_a_body_line_over_the_limit_is_refused(tmp_path: Path):
    raw = ("From: a@example.com\r\nSubject: x\r\nContent-Type: text/plain\r\n\r\n" + "x" * 3_000_000 + "\r\n")
    (tmp_path / "long.eml").write_text(raw)
    with pytest.raises(UnusableFile, match="line 1 is 3,000,000 characters long; a line may have at most 100,000"):
        email_text.email_lines(tmp_path / "long.eml")
