"""Each attack of issue 12 on a firm folder ends in a located error, exit 1, nothing
written and no traceback, in a process capped at 1 GB of address space.

The cap (``RLIMIT_AS``, see `firm_attacks.run_bounded`) is what proves the
memory bound: an attack that still built a huge text would die there with a
MemoryError traceback instead of this message. The subprocess timeout is
generous and only keeps a regression from hanging the suite; times and peak
memory are measured by benchmarks/firm_limits.py (benchmarks/LIMITS.md).
"""
from __future__ import annotations

import re

import pytest

from . import firm_attacks as attacks

TEMPLATE = re.compile(r"^error: templates/en/demand_letter\.md\.j2(:\d+)?: .+")
FIRM_YAML = re.compile(r"^error: .*firm\.yaml:\d+ [\w.\[\]]+: .+")

EXPECTED = {
    "doubling_concat": (TEMPLATE, "longer than 5,000,000 characters"),
    "doubling_plus": (TEMPLATE, "longer than 5,000,000 characters"),
    "doubling_block": (TEMPLATE, "longer than 5,000,000 characters"),
    "format_filter_width": (TEMPLATE, "longer than 5,000,000 characters"),
    "str_format_width": (TEMPLATE, "longer than 5,000,000 characters"),
    "center_method": (TEMPLATE, "longer than 5,000,000 characters"),
    "center_filter": (TEMPLATE, "longer than 5,000,000 characters"),
    "print_repeated_list": (TEMPLATE, "longer than 5,000,000 characters"),
    "nested_ranges": (TEMPLATE, "ran more than 1,000,000 times in all"),
    "slow_loop": (TEMPLATE, "took longer than 5 s to render"),
    "random_filter": (TEMPLATE, "the random filter is not available"),
    "template_link_out": (TEMPLATE, "is a link to a file outside the template folder"),
    "logo_outside": (FIRM_YAML, "logo: the logo file '../home/Documents/passport.png' goes up out of the template folder"),
    "logo_link_out": (FIRM_YAML, "logo: logo file 'logo.png' is a link to a file outside the template folder"),
    "font_outside": (FIRM_YAML, "fonts.latin: the font file '../home/Documents/Font.ttf' goes up out of"),
    "damaged_font_render": (FIRM_YAML, "fonts.latin: Firm.ttf is damaged and cannot be embedded in a PDF"),
    "damaged_font_check": (FIRM_YAML, "fonts.latin: Firm.ttf is damaged and cannot be embedded in a PDF"),
    "logo_bomb": (FIRM_YAML, "logo: the logo logo.png has more pixels than any logo needs"),
    "logo_bomb_check": (FIRM_YAML, "logo: the logo logo.png has more pixels than any logo needs"),
    "deep_firm_yaml": (FIRM_YAML, "nested more than 32 levels deep"),
    "control_character": (FIRM_YAML, "letterhead.en[0]: control character U+0007 is not allowed"),
}


def test_every_attack_has_an_expectation():
    assert set(EXPECTED) == set(attacks.ATTACKS)


@pytest.mark.parametrize("name", sorted(attacks.ATTACKS))
def test_attack_ends_in_a_located_error(tmp_path, name):
    folder = tmp_path / "firm"
    args = attacks.ATTACKS[name](folder)
    outcome = attacks.run_bounded(args)
    pattern, words = EXPECTED[name]
    assert outcome.code == 1, (outcome.code, outcome.stderr[-2000:])
    assert "Traceback" not in outcome.stderr and "MemoryError" not in outcome.stderr, outcome.stderr[-2000:]
    lines = [line for line in outcome.stderr.splitlines() if line.strip()]
    assert len(lines) == 1 and pattern.match(lines[0]), lines
    assert words in lines[0], lines[0]
    out = tmp_path / "out"
    assert not out.exists() or not any(out.iterdir())  # nothing written


def test_the_damaged_font_really_breaks_the_pdf_writer(tmp_path):
    """The damaged font of the attack is one reportlab opens and then fails to embed
    (IndexError at saving), so the profile check is what stands between it and a
    traceback. A fresh process: reportlab keeps fonts and settings process-wide."""
    import subprocess
    import sys

    font = tmp_path / "Damaged.ttf"
    font.write_bytes(attacks.damaged_ttf())
    code = ("import io, sys\n"
            "from reportlab.pdfbase import pdfmetrics\n"
            "from reportlab.pdfbase.ttfonts import TTFont\n"
            "from reportlab.pdfgen import canvas\n"
            "pdfmetrics.registerFont(TTFont('Damaged', sys.argv[1]))\n"
            "c = canvas.Canvas(io.BytesIO())\n"
            "c.setFont('Damaged', 12)\n"
            "c.drawString(10, 10, 'Example')\n"
            "c.save()\n")
    proc = subprocess.run([sys.executable, "-c", code, str(font)], capture_output=True, text=True, timeout=120)
    assert proc.returncode == 1 and "IndexError" in proc.stderr, proc.stderr[-1000:]
