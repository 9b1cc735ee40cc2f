"""Translator previews: aligned columns with wide characters, and the HTML page."""
from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
import tooling
from tooling import needs_tool
from click.testing import CliRunner

from restitution.cli import cli
from restitution.document import Columns, Document, Paragraph, Run
from restitution.pipeline.markup import parse
from restitution.preview import _block_html, _block_lines, html_page, side_by_side, text_width

ROOT = Path(__file__).resolve().parents[1]


def doc(lang, text):
    return Document("d", lang, "T", parse(text), case_id="C-1", langs=(lang,))


def test_columns_align_with_wide_characters():
    en = doc("en", "A fairly long English sentence that has to wrap inside its column.\n")
    zh = doc("zh", "这是一句需要在本栏内换行的相当长的中文句子，用来检查宽字符的对齐。\n")
    out = side_by_side(en, zh, width=60)
    rows = [line for line in out.splitlines() if "│" in line]
    assert len(rows) >= 2
    # the separator sits at the same display column on every row
    assert len({text_width(r.split("│")[0]) for r in rows}) == 1
    assert all(text_width(r) <= 60 for r in rows)


def test_every_block_kind_has_a_preview():
    # A paired block (Columns) is not a single language's, but it still shows, and each
    # half of the page says its language with the BCP 47 tag.
    cols = Columns((((Paragraph((Run("left"),)),), (Paragraph((Run("右"),)),)),), ("en", "zh-Hant"))
    assert ["".join(p.text for p in line) for line in _block_lines(cols)] == ["left", "右"]
    assert '<td lang="en"><p class="body">left</p></td><td lang="zh-Hant-HK">' in _block_html(cols)
    page = html_page(doc("en", "a\n"), doc("zh-Hant", "甲\n"), [])
    assert '<html lang="en">' in page and '<td lang="zh-Hant-HK">' in page
    assert "繁體中文（香港）" in page
    with pytest.raises(AssertionError):  # typing.assert_never: a kind nobody handles fails loudly
        _block_lines(object())  # type: ignore[arg-type]


def test_untranslated_text_is_highlighted_in_html():
    zh_md = "委托人：【待译】[Smith & Sons](<untranslated:client.name_zh>)\n"
    page = html_page(doc("en", "Principal: Smith & Sons\n"), doc("zh", zh_md), ["client.name_zh"])
    assert '<mark title="client.name_zh">Smith &amp; Sons' in page
    assert "<code>client.name_zh</code>" in page
    assert "<script" not in page and "http" not in page.split("<body>")[1]


def test_preview_command_terminal_and_html(tmp_path):
    case = ROOT / "examples" / "northwind-vanished.yaml"
    r = CliRunner().invoke(cli, ["preview", str(case), "--doc", "power_of_attorney", "--width", "100",
                                 "--date", "2026-11-20"])
    assert r.exit_code == 0, r.output
    assert "授权委托书" in r.output and "POWER OF ATTORNEY" in r.output.upper()
    target = tmp_path / "p.html"
    r = CliRunner().invoke(cli, ["preview", str(case), "--doc", "power_of_attorney", "--html", str(target)])
    assert r.exit_code == 0, r.output
    page = target.read_text(encoding="utf-8")
    assert "授权委托书" in page and "<table class=\"pair\">" in page
    r = CliRunner().invoke(cli, ["preview", str(case), "--doc", "power_of_attorney", "--html", str(target)])
    assert r.exit_code == 1 and "--force" in r.output


BROWSERS = ("chromium", "chromium-browser", "google-chrome")


@needs_tool(*BROWSERS, what="a headless browser (chromium)")
def test_html_page_in_a_real_browser(tmp_path):
    browser = tooling.which(*BROWSERS)
    zh_md = "委托人：【待译】[Smith](<untranslated:client.name_zh>)\n"
    page = tmp_path / "p.html"
    page.write_text(html_page(doc("en", "Principal: Smith\n"), doc("zh", zh_md), ["client.name_zh"]),
                    encoding="utf-8")
    shot = tmp_path / "shot.png"
    flags = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
             "--disable-component-update", "--disable-sync", f"--user-data-dir={tmp_path / 'profile'}"]
    subprocess.run([browser, *flags, f"--screenshot={shot}", "--window-size=1000,600", page.as_uri()],
                   capture_output=True, timeout=120)
    assert shot.exists() and shot.stat().st_size > 1000
    dom = subprocess.run([browser, *flags, "--dump-dom", page.as_uri()], capture_output=True, text=True,
                         timeout=120).stdout
    assert "client.name_zh" in dom and "委托人" in dom
