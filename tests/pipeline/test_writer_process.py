"""The writer process started before the case is read: the same bytes as writing here,
and whatever it cannot do left to the caller, who raises the located error."""
from __future__ import annotations

import datetime as dt
import os
import time
from pathlib import Path

import pytest

from restitution.case import load_case
from restitution.pipeline import writer_process
from restitution.pipeline.render import produce, render_document, to_bytes
from restitution.writers import pdf
from restitution.writers.pdf import PdfLayoutError
from cli_runner import run

NORTHWIND = Path(__file__).resolve().parents[2] / "examples" / "northwind-vanished.yaml"
WHEN = dt.date(2026, 11, 20)


@pytest.fixture
def two_cpus(monkeypatch):
    """The process is started only with two usable CPUs; the test machine may have one."""
    monkeypatch.setattr(writer_process, "usable_cpus", lambda: 2)


@pytest.fixture(scope="module")
def models():
    case = load_case(NORTHWIND)
    return [render_document(case, "power_of_attorney", lang, WHEN) for lang in ("en", "zh", "bilingual")]


def _reaped(pid: int) -> bool:
    """Ended and reaped: `close` leaves a process the system is still freeing to a later `reap`."""
    deadline = time.monotonic() + 30
    while pid in writer_process.reap() and time.monotonic() < deadline:
        time.sleep(0.01)
    try:
        os.waitpid(pid, os.WNOHANG)
    except ChildProcessError:
        return True
    return False


def test_it_writes_the_bytes_this_process_writes(two_cpus, models):
    process = writer_process.start(["pdf", "docx"], ["en", "zh", "bilingual"])
    assert process is not None
    with process:
        tasks = [(doc, fmt) for doc in models for fmt in ("pdf", "docx")]
        assert process.write_all(tasks) == [to_bytes(doc, fmt) for doc, fmt in tasks]
        # It serves again until closed.
        assert process.write_all(tasks[:1]) == [to_bytes(*tasks[0])]
    assert _reaped(process.pid)


def test_no_process_with_one_cpu(monkeypatch):
    monkeypatch.setattr(writer_process, "usable_cpus", lambda: 1)
    assert writer_process.start(["pdf"], ["en"]) is None


def test_a_file_its_writer_fails_on_is_left_to_the_caller(two_cpus, models, monkeypatch):
    write = pdf.write_pdf

    def failing(doc, stream, **kw):
        if doc.lang == "zh":
            raise PdfLayoutError("cannot place it")
        return write(doc, stream, **kw)

    monkeypatch.setattr(pdf, "write_pdf", failing)  # the forked process inherits it
    with writer_process.start(["pdf"], ["en", "zh"]) as process:
        out = process.write_all([(models[0], "pdf"), (models[1], "pdf")])
    assert out[0] == to_bytes(models[0], "pdf")
    assert out[1] is None


def test_a_dead_process_leaves_everything_to_the_caller(two_cpus, models):
    process = writer_process.start(["pdf"], ["en"])
    assert process is not None
    os.kill(process.pid, 9)
    os.waitpid(process.pid, 0)
    assert process.write_all([(models[0], "pdf")]) == [None]
    process.close()  # a second close does nothing
    assert process.write_all([(models[0], "pdf")]) == [None]


def test_produce_with_it_raises_the_error_produce_without_it_raises(two_cpus, monkeypatch):
    write = pdf.write_pdf

    def failing(doc, stream, **kw):
        if doc.lang == "zh":
            raise PdfLayoutError(f"cannot place {doc.key} {doc.lang}")
        return write(doc, stream, **kw)

    monkeypatch.setattr(pdf, "write_pdf", failing)
    case = load_case(NORTHWIND)
    with writer_process.start(["pdf"], ["en", "zh"]) as process:
        with pytest.raises(PdfLayoutError, match="cannot place power_of_attorney zh"):
            produce(case, ["power_of_attorney"], ["en", "zh"], ["pdf"], WHEN, writer=process)


def test_produce_with_it_and_the_guide_gives_the_same_files(two_cpus):
    case = load_case(NORTHWIND)
    args = (case, ["power_of_attorney"], ["en", "zh"], ["pdf"], WHEN)
    alone = produce(*args, guide=True)
    with writer_process.start(["pdf"], ["en", "zh"]) as process:
        shared = produce(*args, guide=True, writer=process)
    assert [name for name, _ in shared.files] == [name for name, _ in alone.files]
    assert any(name.endswith(".txt") for name, _ in alone.files)  # the guide is among them
    assert shared.files == alone.files


def test_the_command_writes_the_same_files_with_and_without_it(tmp_path, monkeypatch):
    args = ["render", str(NORTHWIND), "--doc", "power_of_attorney", "--lang", "en,zh", "--format", "pdf",
            "--no-guide", "--date", WHEN.isoformat()]
    started = []
    start = writer_process.start
    monkeypatch.setattr(writer_process, "start", lambda *a, **kw: started.append(a) or start(*a, **kw))
    monkeypatch.setattr(writer_process, "usable_cpus", lambda: 2)
    assert run(*args, "-o", str(tmp_path / "with")).exit_code == 0
    monkeypatch.setattr(writer_process, "usable_cpus", lambda: 1)
    assert run(*args, "-o", str(tmp_path / "without")).exit_code == 0
    assert started == [(["pdf"], ["en", "zh"])] * 2
    names = sorted(p.name for p in (tmp_path / "with").iterdir())
    assert names == sorted(p.name for p in (tmp_path / "without").iterdir()) and len(names) == 2
    for name in names:
        assert (tmp_path / "with" / name).read_bytes() == (tmp_path / "without" / name).read_bytes()


def test_a_packet_starts_one_that_writes_with_a_pool(tmp_path, monkeypatch):
    started = []
    monkeypatch.setattr(writer_process, "start", lambda *a, **kw: started.append((a, kw)))
    from restitution.cli.render import writer_process_for

    with writer_process_for((), (), ()) as process:  # every document
        assert process is None  # (start is replaced here)
    with writer_process_for(("power_of_attorney", "demand_letter"), (), ()) as process:  # 12 files
        pass
    with writer_process_for(("power_of_attorney",), ("en",), ("pdf",)) as process:  # one file
        pass
    assert [kw["many"] for _, kw in started] == [True, True, False]


def test_a_packet_written_by_its_pool_has_the_bytes_of_one_written_here(two_cpus):
    case = load_case(NORTHWIND)
    args = (case, ["power_of_attorney", "evidence_index"], ["en", "zh", "bilingual"], ["pdf", "docx"], WHEN)
    alone = produce(*args, guide=True)
    with writer_process.start(["pdf", "docx"], ["en", "zh", "bilingual"], many=True) as process:
        shared = produce(*args, guide=True, writer=process, jobs=2)
        pid = process.pid
    assert [name for name, _ in shared.files] == [name for name, _ in alone.files] and len(alone.files) == 14
    assert shared.files == alone.files
    # `close` ended the process and its pool's workers: no process of its group is left
    assert _reaped(pid)
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            os.killpg(pid, 0)
        except ProcessLookupError:
            break
        time.sleep(0.01)
    with pytest.raises(ProcessLookupError):
        os.killpg(pid, 0)


def test_a_file_the_pool_fails_on_is_written_here_and_raises_located(two_cpus, monkeypatch):
    write = pdf.write_pdf

    def failing(doc, stream, **kw):
        if doc.lang == "zh":
            raise PdfLayoutError(f"cannot place {doc.key} {doc.lang}")
        return write(doc, stream, **kw)

    monkeypatch.setattr(pdf, "write_pdf", failing)  # the process and its pool inherit it
    case = load_case(NORTHWIND)
    with writer_process.start(["pdf", "docx"], ["en", "zh"], many=True) as process:
        with pytest.raises(PdfLayoutError, match="cannot place power_of_attorney zh"):
            produce(case, ["power_of_attorney", "evidence_index"], ["en", "zh"], ["pdf", "docx"], WHEN,
                    writer=process, jobs=2)


_WRITER_SIDE = r"""
import pickle, sys
from restitution import writers
for fmt in ("pdf", "docx"):
    writer = writers.get(fmt)
    writer.preload(["en", "zh", "bilingual"])
for doc in pickle.loads(sys.stdin.buffer.read()):
    import io
    for fmt in ("pdf", "docx"):
        writers.get(fmt).write(doc, io.BytesIO())
print(" ".join(sorted(sys.modules)))
"""


def test_the_writers_need_nothing_of_the_case_side(models):
    """What the process saves is the case side's imports (the case reader, Jinja, Markdown)
    running beside the writers' (reportlab, fonts): a writer that imports them puts them
    back on the path of every one-document render."""
    import pickle
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _WRITER_SIDE], input=pickle.dumps(models), capture_output=True,
                         check=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    loaded = set(out.stdout.decode().split())
    assert "reportlab.platypus" in loaded and "docx" in loaded
    case_side = {"restitution.case.model", "restitution.case.load", "jinja2", "markdown_it", "yaml",
                 "restitution.pipeline.templating", "restitution.pipeline.render", "restitution.rules"}
    assert loaded & case_side == set()


_RENDER_HERE = r"""
import sys
from restitution.pipeline import writer_process
writer_process.usable_cpus = lambda: 2
from restitution.cli import main
try:
    main(sys.argv[1:])
except SystemExit as end:
    assert not end.code, end.code
print(" ".join(m for m in ("reportlab", "docx", "jinja2", "restitution.case.model") if m in sys.modules))
"""


def test_a_render_of_one_pdf_with_its_guide_loads_no_pdf_writer_here(tmp_path):
    """The point of the process: this one reads the case and makes the models (and the guide's),
    the other loads reportlab and writes every PDF."""
    import subprocess
    import sys

    out = subprocess.run([sys.executable, "-c", _RENDER_HERE, "render", str(NORTHWIND), "--doc", "power_of_attorney",
                          "--lang", "en", "--format", "pdf", "-o", str(tmp_path / "out"), "--date", WHEN.isoformat()],
                         capture_output=True, check=True, env={**os.environ, "PYTHONPATH": os.pathsep.join(sys.path)})
    assert out.stdout.decode().splitlines()[-1].split() == ["jinja2", "restitution.case.model"]
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "NW-2026-0042_guide_en.pdf", "NW-2026-0042_power_of_attorney_en.pdf", "README.txt"]



def test_produce_does_its_callers_work_once_while_the_files_are_written(two_cpus):
    """`meanwhile` (the command's warnings) runs after the models are sent and before their
    bytes come back, and once whichever way the files are made."""
    case = load_case(NORTHWIND)
    args = (case, ["power_of_attorney"], ["en"], ["pdf"], WHEN)
    with writer_process.start(["pdf"], ["en"]) as process:
        sent = []
        send, receive = process.send, process.receive
        process.send = lambda tasks: sent.append("sent") or send(tasks)  # type: ignore[method-assign]
        process.receive = lambda n: sent.append("received") or receive(n)  # type: ignore[method-assign]
        shared = produce(*args, writer=process, meanwhile=lambda: sent.append("meanwhile"))
    assert sent == ["sent", "meanwhile", "received"]
    calls = []
    alone = produce(*args, meanwhile=lambda: calls.append(1))
    assert calls == [1]
    assert shared.files == alone.files and shared.warnings == alone.warnings


def test_the_command_prints_the_same_warnings_with_and_without_it(tmp_path, monkeypatch):
    args = ["render", str(NORTHWIND), "--doc", "power_of_attorney", "--lang", "en", "--format", "pdf",
            "--no-guide", "--date", WHEN.isoformat()]
    monkeypatch.setattr(writer_process, "usable_cpus", lambda: 2)
    shared = run(*args, "-o", str(tmp_path / "with"))
    monkeypatch.setattr(writer_process, "usable_cpus", lambda: 1)
    alone = run(*args, "-o", str(tmp_path / "without"))
    assert shared.exit_code == alone.exit_code == 0
    lines = [line for line in shared.stderr.splitlines() if line.startswith("warning:")]
    assert lines and lines == [line for line in alone.stderr.splitlines() if line.startswith("warning:")]


def test_it_holds_none_of_the_commands_output_streams(two_cpus):
    """A caller reading the command's output through a pipe gets its end when the command
    exits, not when the system has finished ending the writer process."""
    with writer_process.start(["pdf"], ["en"]) as process:
        streams: list[str] = []
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            streams = [os.readlink(f"/proc/{process.pid}/fd/{fd}") for fd in (0, 1, 2)]
            if streams == [os.devnull] * 3:
                break
            time.sleep(0.01)
        assert streams == [os.devnull] * 3
