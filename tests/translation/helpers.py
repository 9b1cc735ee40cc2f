"""A copy of an example case with some of its Chinese twins taken out."""
from __future__ import annotations

import re
import shutil
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
EXAMPLES = ROOT / "examples"
DATE = "2026-11-20"


def copy_examples(tmp_path: Path) -> Path:
    dest = tmp_path / "examples"
    shutil.copytree(EXAMPLES, dest)
    return dest


def drop_twins(path: Path, keys: tuple[str, ...]) -> list[int]:
    """Remove every ``<key>_zh:`` line (and its continuation lines) of `keys` from the
    file; returns the lines (1-based, in the new file) of the English keys left alone."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    out: list[str] = []
    skip_deeper: int | None = None
    pattern = re.compile(rf"^( *)(?:- )?({'|'.join(keys)})_zh:")
    for line in lines:
        indent = len(line) - len(line.lstrip(" "))
        if skip_deeper is not None and line.strip() and indent > skip_deeper:
            continue
        skip_deeper = None
        m = pattern.match(line)
        if m:
            skip_deeper = indent
            continue
        out.append(line)
    path.write_text("".join(out), encoding="utf-8")
    english = re.compile(rf"^ *(?:- )?({'|'.join(keys)}):")
    return [i for i, line in enumerate(out, start=1) if english.match(line)]
