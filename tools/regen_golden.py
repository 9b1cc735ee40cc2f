"""Rewrite tests/golden/ from the current templates (review the diff afterwards).

Usage: python tools/regen_golden.py
"""
from __future__ import annotations

import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path[:0] = [str(ROOT / "src"), str(ROOT / "tests")]

from test_golden import GOLDEN, expected_dumps  # noqa: E402


def main() -> None:
    dumps = expected_dumps()
    for path in GOLDEN.rglob("*.txt"):
        if path not in dumps:
            path.unlink()
            print(f"removed {path.relative_to(ROOT)}")
    for path, text in sorted(dumps.items()):
        path.parent.mkdir(parents=True, exist_ok=True)
        if not path.exists() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            print(f"wrote {path.relative_to(ROOT)}")
    print(f"{len(dumps)} golden files")


if __name__ == "__main__":
    main()
