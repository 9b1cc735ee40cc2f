"""What publishing a packet whole costs: `output.write_all` over an existing packet
(temporaries, hard-link backups, journal, renames, backups removed) against a plain
temporary-and-rename per file, each over an old packet already on disk (synced).
Run: PYTHONPATH=src python benchmarks/publish_bench.py  (results: PUBLISH.md)."""
from __future__ import annotations

import os
import statistics
import sys
import tempfile
import time
from pathlib import Path

from restitution.output import write_all

FILES, SIZE, ROUNDS = 48, 60_000, 9  # about a full packet of one case: 16 documents x 3 languages


def _old_packet(folder: Path, files) -> None:
    folder.mkdir()
    for name, data in files:
        (folder / name).write_bytes(data[::-1])
    os.sync()  # the old packet was written by an earlier run, long on disk


def _plain(folder: Path, files) -> None:
    for name, data in files:
        tmp = folder / f".plain-{name}"
        tmp.write_bytes(data)
        os.replace(tmp, folder / name)


def main() -> None:
    files = [(f"f{i:02d}.pdf", os.urandom(SIZE)) for i in range(FILES)]
    whole, plain = [], []
    with tempfile.TemporaryDirectory(dir=os.environ.get("BENCH_DIR")) as tmp:
        for r in range(ROUNDS):
            for how, times in ((("whole", whole), ("plain", plain)) if r % 2 else (("plain", plain), ("whole", whole))):
                folder = Path(tmp) / f"{how}{r}"
                _old_packet(folder, files)
                t = time.perf_counter()
                write_all(folder, files, force=True) if how == "whole" else _plain(folder, files)
                times.append(time.perf_counter() - t)
    w, p = statistics.median(whole) * 1000, statistics.median(plain) * 1000
    print(f"{FILES} files of {SIZE // 1000} KB over an old packet, median of {ROUNDS}: "
          f"whole-packet publish {w:.0f} ms, plain temporary+rename {p:.0f} ms "
          f"({(w - p) / FILES:+.2f} ms per file); Python {sys.version.split()[0]}")


if __name__ == "__main__":
    main()
