"""The wheel carries the templates, the fonts and the py.typed marker: `pip install .` must find them."""
from __future__ import annotations

import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

import restitution
from restitution.pipeline.templating import bundled_templates

ROOT = Path(__file__).resolve().parents[1]


def test_templates_are_found_where_the_package_is():
    folder = bundled_templates()
    assert (folder / "en" / "power_of_attorney.md.j2").is_file()
    assert (folder / "zh" / "power_of_attorney.md.j2").is_file()
    package = Path(restitution.__file__).resolve().parent
    if "site-packages" in str(package):  # an installed (non-editable) package: no source tree
        assert folder.resolve().is_relative_to(package)


def test_fonts_ship_inside_the_package():
    fonts = Path(restitution.__file__).resolve().parent / "fonts"
    assert (fonts / "NotoSerifSC-Regular.ttf").is_file() and (fonts / "OFL.txt").is_file()


def test_the_package_declares_its_annotations():
    # PEP 561: a type checker reads an installed package's annotations only if it has py.typed.
    assert (Path(restitution.__file__).resolve().parent / "py.typed").is_file()


@pytest.mark.slow
def test_wheel_contains_templates_and_fonts(tmp_path):
    proc = subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "--no-deps", "-q", "-w", str(tmp_path), str(ROOT)],
        capture_output=True, text=True, timeout=300,
    )
    assert proc.returncode == 0, f"cannot build a wheel: {proc.stderr.strip()[-400:]}"
    (wheel,) = tmp_path.glob("restitution-*.whl")
    names = set(zipfile.ZipFile(wheel).namelist())
    for doc in ("power_of_attorney", "demand_letter", "police_report", "chargeback_letter", "evidence_index"):
        assert f"restitution/templates/en/{doc}.md.j2" in names
        assert f"restitution/templates/zh/{doc}.md.j2" in names
    assert "restitution/fonts/NotoSerifSC-Bold.ttf" in names
    assert "restitution/py.typed" in names
