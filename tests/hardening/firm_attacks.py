"""Hostile firm folders (``--templates DIR``), built at test time, and a runner that
runs a command on one in a bounded process.

Each attack is a function filling an empty folder and returning the command
line (after ``restitution``). `run_bounded` runs it in a child process whose
address space is capped at `MEMORY_LIMIT` (``RLIMIT_AS``), so an attack that
still exhausted memory would fail there instead of on the machine; the tests
in test_firm_attacks.py and benchmarks/firm_limits.py (times and peak RSS,
recorded in benchmarks/LIMITS.md) share these definitions.
"""
from __future__ import annotations

import os
import resource
import shutil
import struct
import subprocess
import sys
import time
import zlib
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CASE = ROOT / "examples" / "northwind-vanished.yaml"
FONTS = ROOT / "src" / "restitution" / "fonts"
MEMORY_LIMIT = 1024 ** 3  # 1 GB of address space
TIMEOUT = 300  # seconds: a hang ends the test instead of the suite; not a speed assertion
DATE = "2026-11-20"


def _template(folder: Path, body: str, name: str = "demand_letter.md.j2") -> list[str]:
    (folder / "en").mkdir(parents=True, exist_ok=True)
    (folder / "en" / name).write_text("# Demand\n\nText.\n\n" + body + "\n", encoding="utf-8")
    return _render(folder)


def _render(folder: Path) -> list[str]:
    return ["render", str(CASE), "--doc", "demand_letter", "--lang", "en", "--date", DATE,
            "--templates", str(folder), "-o", str(folder.parent / "out")]


def _firm(folder: Path, yaml_text: str, command: str = "render") -> list[str]:
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "firm.yaml").write_text(yaml_text, encoding="utf-8")
    if command == "check":
        return ["check", "--templates", str(folder)]
    return _render(folder)


def bomb_png(width: int, height: int) -> bytes:
    """A 1-bit PNG of width × height black pixels: a few hundred KB that decode to
    width × height pixels (a decompression bomb when both are large)."""
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    row = b"\x00" * (1 + (width + 7) // 8)
    comp = zlib.compressobj(9)
    idat = b"".join(comp.compress(row) for _ in range(height)) + comp.flush()
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", width, height, 1, 0, 0, 0, 0))
            + chunk(b"IDAT", idat) + chunk(b"IEND", b""))


def damaged_ttf() -> bytes:
    """The bundled Noto Serif with its glyf table overwritten: every table directory
    entry is intact, so the font opens, and embedding it fails (reportlab: IndexError)."""
    data = bytearray((FONTS / "NotoSerif-Regular.ttf").read_bytes())
    for i in range(struct.unpack(">H", data[4:6])[0]):
        tag, _, offset, length = struct.unpack(">4sIII", data[12 + 16 * i: 28 + 16 * i])
        if tag == b"glyf":
            data[offset: offset + length] = b"\xff" * length
    return bytes(data)


def _outside_file(folder: Path, name: str, data: bytes) -> Path:
    outside = folder.parent / "home" / "Documents"
    outside.mkdir(parents=True, exist_ok=True)
    (outside / name).write_bytes(data)
    return outside / name


# ---------------------------------------------------------------- the attacks

def doubling_concat(folder: Path) -> list[str]:
    return _template(folder, "{% set ns = namespace(s='x') %}{% for i in range(60) %}"
                             "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}")


def doubling_plus(folder: Path) -> list[str]:
    return _template(folder, "{% set ns = namespace(s='x') %}{% for i in range(60) %}"
                             "{% set ns.s = ns.s + ns.s %}{% endfor %}{{ ns.s|length }}")


def doubling_block(folder: Path) -> list[str]:
    return _template(folder, "{% set ns = namespace(s='x') %}{% for i in range(60) %}"
                             "{% set t %}{{ ns.s }}{{ ns.s }}{% endset %}{% set ns.s = t %}{% endfor %}")


def format_filter_width(folder: Path) -> list[str]:
    return _template(folder, '{{ "%0999999999d"|format(1) }}')


def str_format_width(folder: Path) -> list[str]:
    return _template(folder, '{{ "{:>999999999}".format("x") }}')


def center_method(folder: Path) -> list[str]:
    return _template(folder, '{{ "x".center(999999999) }}')


def center_filter(folder: Path) -> list[str]:
    return _template(folder, '{{ "x"|center(999999999) }}')


def print_repeated_list(folder: Path) -> list[str]:
    return _template(folder, "{% set s = 'x' * 4000000 %}{{ [s] * 100000 }}")


def nested_ranges(folder: Path) -> list[str]:
    return _template(folder, "{% for i in range(100000) %}{% for j in range(100000) %}{% endfor %}{% endfor %}")


def slow_loop(folder: Path) -> list[str]:
    # 100,000 iterations (within the iteration limit), each summing 100,000 numbers
    return _template(folder, "{% for i in range(100000) %}{% set t = range(100000)|sum %}{% endfor %}")


def random_filter(folder: Path) -> list[str]:
    return _template(folder, "{{ range(100000)|random }}")


def template_link_out(folder: Path) -> list[str]:
    (folder / "en").mkdir(parents=True)
    (folder / "en" / "demand_letter.md.j2").symlink_to("/etc/passwd")
    return _render(folder)


def logo_outside(folder: Path) -> list[str]:
    from PIL import Image
    import io

    buf = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 0, 0)).save(buf, "PNG")
    _outside_file(folder, "passport.png", buf.getvalue())
    return _firm(folder, "letterhead:\n  en: [Firm]\nlogo: ../home/Documents/passport.png\n")


def logo_link_out(folder: Path) -> list[str]:
    from PIL import Image
    import io

    buf = io.BytesIO()
    Image.new("RGB", (40, 20), (200, 0, 0)).save(buf, "PNG")
    target = _outside_file(folder, "passport.png", buf.getvalue())
    folder.mkdir(parents=True)
    (folder / "logo.png").symlink_to(target)
    return _firm(folder, "letterhead:\n  en: [Firm]\nlogo: logo.png\n")


def font_outside(folder: Path) -> list[str]:
    _outside_file(folder, "Font.ttf", (FONTS / "NotoSerif-Regular.ttf").read_bytes())
    return _firm(folder, "fonts:\n  latin: ../home/Documents/Font.ttf\n")


def damaged_font_render(folder: Path) -> list[str]:
    (folder / "fonts").mkdir(parents=True)
    (folder / "fonts" / "Firm.ttf").write_bytes(damaged_ttf())
    return _firm(folder, "fonts:\n  latin: fonts/Firm.ttf\n")


def damaged_font_check(folder: Path) -> list[str]:
    damaged_font_render(folder)
    return ["check", "--templates", str(folder)]


def logo_bomb(folder: Path) -> list[str]:
    folder.mkdir(parents=True)
    (folder / "logo.png").write_bytes(bomb_png(30_000, 30_000))
    return _firm(folder, "letterhead:\n  en: [Firm]\nlogo: logo.png\n")


def logo_bomb_check(folder: Path) -> list[str]:
    logo_bomb(folder)
    return ["check", "--templates", str(folder)]


def deep_firm_yaml(folder: Path) -> list[str]:
    return _firm(folder, "letterhead:\n  en: " + "[" * 5000 + "]" * 5000 + "\n")


def control_character(folder: Path) -> list[str]:
    return _firm(folder, "letterhead:\n  en: [Example \x07 Partners]\n")


ATTACKS = {f.__name__: f for f in (
    doubling_concat, doubling_plus, doubling_block, format_filter_width, str_format_width, center_method,
    center_filter, print_repeated_list, nested_ranges, slow_loop, random_filter, template_link_out,
    logo_outside, logo_link_out, font_outside, damaged_font_render, damaged_font_check, logo_bomb,
    logo_bomb_check, deep_firm_yaml, control_character)}


@dataclass
class Outcome:
    code: int
    stdout: str
    stderr: str
    seconds: float
    peak_rss_mb: float | None  # filled by the benchmark, which runs one child per process


def _cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run_bounded(args: list[str], env: dict[str, str] | None = None) -> Outcome:
    """``restitution ARGS`` in a child process capped at `MEMORY_LIMIT` of address space."""
    child_env = dict(os.environ if env is None else env)
    child_env.pop("RESTITUTION_TEMPLATES", None)
    child_env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT / "src"), child_env.get("PYTHONPATH")]))
    start = time.monotonic()
    proc = subprocess.run([sys.executable, "-m", "restitution", *args], capture_output=True, text=True,
                          env=child_env, preexec_fn=_cap_memory, timeout=TIMEOUT, stdin=subprocess.DEVNULL)
    return Outcome(proc.returncode, proc.stdout, proc.stderr, time.monotonic() - start, None)


def clean(folder: Path) -> None:
    shutil.rmtree(folder.parent, ignore_errors=True)
