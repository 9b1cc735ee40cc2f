"""Exhibits that cannot be bound (evidence[].medium): validated, listed as provided separately, placeholders.

The case of issue 18: a video exhibit and a physical sample. It validates,
renders, the evidence index lists both as provided separately (另行提交) with
the video's size and SHA-256, and the bundle holds a placeholder page for each.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import io
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner
from pypdf import PdfReader

from restitution.case import load_case
from restitution.cli import cli
from restitution.exhibits import exhibit_infos

ROOT = Path(__file__).resolve().parents[2]
DATE = dt.date(2026, 11, 20)
VIDEO = b"\x00\x00\x00\x18ftypmp42" + bytes(range(256)) * 8

EXTRA = """  - kind: other
    title: Unboxing video
    title_zh: 开箱视频
    medium: video
    file: evidence/northwind-vanished/unboxing.mp4
    source: Recorded by the buyer
    source_zh: 买方录制
    purpose: What arrived
    purpose_zh: 证明收到的货物
  - kind: other
    title: Sample of the goods
    title_zh: 货物样品
    medium: physical
    source: The buyer
    source_zh: 买方
    purpose: The goods are junk
    purpose_zh: 证明货物系废品
"""


@pytest.fixture
def folder(tmp_path) -> Path:
    shutil.copytree(ROOT / "examples" / "evidence" / "northwind-vanished", tmp_path / "evidence" / "northwind-vanished")
    (tmp_path / "evidence" / "northwind-vanished" / "unboxing.mp4").write_bytes(VIDEO)
    text = (ROOT / "examples" / "northwind-vanished.yaml").read_text(encoding="utf-8")
    (tmp_path / "case.yaml").write_text(text.rstrip("\n") + "\n" + EXTRA, encoding="utf-8")
    return tmp_path


def test_separate_exhibits_have_facts_and_one_placeholder_page(folder):
    case = load_case(folder / "case.yaml")
    video, sample = exhibit_infos(case)[-2:]
    assert (video.media, video.size, video.sha256, video.pages) == (
        "separate", len(VIDEO), hashlib.sha256(VIDEO).hexdigest(), 1)
    assert (sample.media, sample.path, sample.sha256, sample.pages) == ("separate", None, "", 1)


def test_validate_refuses_a_video_left_as_a_file_and_accepts_it_as_video(folder):
    text = (folder / "case.yaml").read_text(encoding="utf-8")
    (folder / "bad.yaml").write_text(text.replace("    medium: video\n", ""), encoding="utf-8")
    bad = CliRunner().invoke(cli, ["validate", str(folder / "bad.yaml")])
    assert bad.exit_code == 1
    assert "evidence[7].file" in bad.stderr and "set medium: video, audio or other" in bad.stderr
    good = CliRunner().invoke(cli, ["validate", str(folder / "case.yaml")])
    assert good.exit_code == 0, good.output
    assert "render  evidence_index" in good.output


def test_index_lists_them_as_provided_separately_and_the_bundle_has_placeholders(folder):
    out = folder / "out"
    r = CliRunner().invoke(cli, ["render", str(folder / "case.yaml"), "--doc", "evidence_index", "--lang", "zh",
                                 "--lang", "en", "--format", "pdf", "-o", str(out), "--date", DATE.isoformat()])
    assert r.exit_code == 0, r.output
    zh = "".join(p.extract_text() for p in PdfReader(out / "NW-2026-0042_evidence_index_zh.pdf").pages)
    en = "".join(p.extract_text() for p in PdfReader(out / "NW-2026-0042_evidence_index_en.pdf").pages)
    assert "另行提交" in zh and "视频资料" in zh and "实物" in zh
    assert "provided separately" in en.replace("\n", " ").lower()
    digest = hashlib.sha256(VIDEO).hexdigest()
    assert digest[:16] in en.replace("\n", " ")
    r = CliRunner().invoke(cli, ["bundle", str(folder / "case.yaml"), "-o", str(out), "--date", DATE.isoformat()])
    assert r.exit_code == 0, r.output
    pages = [p.extract_text() for p in PdfReader(out / "NW-2026-0042_evidence_bundle.pdf").pages]
    placeholders = [t for t in pages if "– Provided separately" in t]
    assert len(placeholders) == 2
    # the file is identified by its fingerprint, never by its local name or size on a filed page
    assert digest in placeholders[0] and f"{len(VIDEO):,}" not in placeholders[0] and "bytes" not in placeholders[0]
    assert "No file" in placeholders[1]


def test_a_separate_exhibit_without_a_file_in_a_case_built_in_code(folder):
    import dataclasses

    case = load_case(folder / "case.yaml")
    physical = dataclasses.replace(case.evidence[0], medium="physical", file=None, file_text=None)
    case = dataclasses.replace(case, evidence=(physical,))
    (info,) = exhibit_infos(case)
    assert (info.media, info.path, info.pages) == ("separate", None, 1)
    buf = io.BytesIO()
    from restitution.bundle.assemble import make_bundle

    layout = make_bundle(case, buf, date=DATE)
    assert layout.placements[0].last - layout.placements[0].cover == 1
