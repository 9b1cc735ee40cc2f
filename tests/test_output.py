"""All-or-nothing, atomic writes that never overwrite without --force."""
from __future__ import annotations

import errno
import os
import signal
import stat
from pathlib import Path

import pytest

from restitution.errors import ErrorList, OutputError
from restitution.output import JOURNAL_SUFFIX, TMP_PREFIX, TMP_SUFFIX, output_error, recover, write_all


def test_writes_every_file(tmp_path):
    written = write_all(tmp_path / "out", [("a.pdf", b"A"), ("b.pdf", b"B")], force=False)
    assert [p.read_bytes() for p in written] == [b"A", b"B"]
    assert not [p for p in (tmp_path / "out").iterdir() if p.name.startswith(TMP_PREFIX)]


def test_existing_file_stops_everything(tmp_path):
    (tmp_path / "b.pdf").write_bytes(b"old")
    with pytest.raises(OutputError) as err:
        write_all(tmp_path, [("a.pdf", b"A"), ("b.pdf", b"B")], force=False)
    assert "--force" in str(err.value) and "b.pdf" in str(err.value)
    assert not (tmp_path / "a.pdf").exists()
    assert (tmp_path / "b.pdf").read_bytes() == b"old"


def test_existing_files_are_one_line_other_clashes_one_each(tmp_path):
    for n in ("a.pdf", "b.pdf"):
        (tmp_path / n).write_bytes(b"old")
    files = [("a.pdf", b"A"), ("b.pdf", b"B"), ("c.pdf", b"C")]
    with pytest.raises(OutputError) as one:
        write_all(tmp_path, files, force=False)
    assert str(one.value) == f"2 of 3 files exist in {tmp_path}/; use --force or another -o"
    (tmp_path / "c.pdf").mkdir()
    with pytest.raises(ErrorList) as err:
        write_all(tmp_path, files, force=False)
    assert err.value.lines() == [f"{tmp_path / 'c.pdf'}: is a folder; remove it or choose another output folder",
                                 f"2 of 3 files exist in {tmp_path}/; use --force or another -o"]
    (tmp_path / "b.pdf").unlink()
    with pytest.raises(ErrorList) as err:  # a single existing file keeps its own located line
        write_all(tmp_path, files, force=False)
    assert f"{tmp_path / 'a.pdf'}: exists already; use --force to overwrite it" in err.value.lines()
    assert (tmp_path / "a.pdf").read_bytes() == b"old"


def test_force_overwrites(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"old")
    write_all(tmp_path, [("a.pdf", b"new")], force=True)
    assert (tmp_path / "a.pdf").read_bytes() == b"new"


def test_target_that_is_a_file_is_refused(tmp_path):
    (tmp_path / "out").write_text("x")
    with pytest.raises(OutputError):
        write_all(tmp_path / "out", [("a.pdf", b"A")], force=False)


# ---------------------------------------------------------------- symlinks, modes, inputs


def test_a_dangling_symlink_counts_as_existing(tmp_path):
    (tmp_path / "a.pdf").symlink_to(tmp_path / "nowhere")
    with pytest.raises(OutputError, match="symbolic link; use --force"):
        write_all(tmp_path, [("a.pdf", b"A")], force=False)
    assert not (tmp_path / "nowhere").exists() and (tmp_path / "a.pdf").is_symlink()


def test_force_replaces_the_link_itself_never_writes_through_it(tmp_path):
    elsewhere = tmp_path / "elsewhere.pdf"
    elsewhere.write_bytes(b"someone else's")
    (tmp_path / "out").mkdir()
    (tmp_path / "out" / "a.pdf").symlink_to(elsewhere)
    write_all(tmp_path / "out", [("a.pdf", b"A")], force=True)
    assert not (tmp_path / "out" / "a.pdf").is_symlink()
    assert (tmp_path / "out" / "a.pdf").read_bytes() == b"A"
    assert elsewhere.read_bytes() == b"someone else's"


def test_force_keeps_the_old_files_mode(tmp_path):
    (tmp_path / "a.pdf").write_bytes(b"old")
    os.chmod(tmp_path / "a.pdf", 0o440)
    write_all(tmp_path, [("a.pdf", b"new"), ("b.pdf", b"B")], force=True)
    assert stat.S_IMODE(os.stat(tmp_path / "a.pdf").st_mode) == 0o440
    umask = os.umask(0)
    os.umask(umask)
    assert stat.S_IMODE(os.stat(tmp_path / "b.pdf").st_mode) == 0o666 & ~umask


def test_a_folder_in_the_way_is_refused_even_with_force(tmp_path):
    (tmp_path / "a.pdf").mkdir()
    with pytest.raises(OutputError, match="is a folder"):
        write_all(tmp_path, [("a.pdf", b"A")], force=True)


def test_an_input_is_never_an_output_even_with_force(tmp_path):
    case = tmp_path / "case.yaml"
    case.write_bytes(b"schema: 1\n")
    os.link(case, tmp_path / "hard.yaml")
    (tmp_path / "sub").mkdir()
    (tmp_path / "sub" / "link.yaml").symlink_to(case)
    for folder, name in ((tmp_path, "case.yaml"), (tmp_path, "hard.yaml"), (tmp_path / "sub", "link.yaml")):
        with pytest.raises(OutputError, match="is an input of this run") as err:
            write_all(folder, [(name, b"x")], force=True, inputs=[case])
        assert str(err.value).startswith(str(folder / name))
    assert case.read_bytes() == b"schema: 1\n"


# ---------------------------------------------------------------- all old or all new


def _packet(folder, text: bytes) -> list[tuple[str, bytes]]:
    return [(f"f{i}.pdf", text + str(i).encode()) for i in range(4)]


def _contents(folder) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in sorted(folder.iterdir())}


def test_a_rename_failing_midway_restores_every_old_file(tmp_path, monkeypatch):
    write_all(tmp_path, _packet(tmp_path, b"old")[:3], force=False)  # f3 is new in the second packet
    before = _contents(tmp_path)
    real = os.replace
    calls = []

    def failing(src, dst, *a, **kw):
        if str(dst).endswith(".pdf") and Path(src).name.endswith(TMP_SUFFIX):
            calls.append(dst)
            if len(calls) == 4:
                raise OSError(errno.ENOSPC, "No space left on device")
        return real(src, dst, *a, **kw)

    monkeypatch.setattr(os, "replace", failing)
    with pytest.raises(OutputError, match="no space left") as err:
        write_all(tmp_path, _packet(tmp_path, b"new"), force=True)
    assert "Traceback" not in str(err.value)
    assert len(calls) == 4  # three renames done, then undone
    assert _contents(tmp_path) == before  # all old, f3 not there, no temporary, backup or journal


def test_a_write_failing_changes_nothing(tmp_path):
    write_all(tmp_path, _packet(tmp_path, b"old"), force=False)
    before = _contents(tmp_path)

    files = _packet(tmp_path, b"new")
    files[2] = ("f2.pdf", object())  # type: ignore[assignment]  # the write itself fails
    with pytest.raises(TypeError):
        write_all(tmp_path, files, force=True)
    assert _contents(tmp_path) == before


@pytest.mark.skipif(not hasattr(os, "fork"), reason="needs fork")
def test_a_process_killed_between_renames_is_rolled_back_by_the_next_write(tmp_path):
    write_all(tmp_path, _packet(tmp_path, b"old"), force=False)
    before = _contents(tmp_path)
    pid = os.fork()
    if pid == 0:  # the child publishes a new packet and dies after its second rename
        try:
            real, done = os.replace, []

            def dying(src, dst, *a, **kw):
                real(src, dst, *a, **kw)
                if str(dst).endswith(".pdf"):
                    done.append(dst)
                    if len(done) == 2:
                        os.kill(os.getpid(), signal.SIGKILL)

            os.replace = dying
            write_all(tmp_path, _packet(tmp_path, b"new"), force=True)
        finally:
            os._exit(3)
    _, status = os.waitpid(pid, 0)
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGKILL
    mixed = {n: d for n, d in _contents(tmp_path).items() if n.endswith(".pdf")}
    assert mixed != {n: d for n, d in before.items()}  # two new files beside two old ones
    assert any(n.endswith(JOURNAL_SUFFIX) for n in os.listdir(tmp_path))
    removed = recover(tmp_path)
    assert removed and _contents(tmp_path) == before


def test_a_signal_during_the_renames_acts_after_the_packet_is_published(tmp_path, monkeypatch):
    from restitution import processes

    write_all(tmp_path, _packet(tmp_path, b"old"), force=False)
    real = os.replace
    old_term = signal.getsignal(signal.SIGTERM)
    old_int = signal.getsignal(signal.SIGINT)
    processes.install()
    try:
        sent = []

        def signalling(src, dst, *a, **kw):
            real(src, dst, *a, **kw)
            if str(dst).endswith("f1.pdf") and not sent:
                sent.append(1)
                os.kill(os.getpid(), signal.SIGTERM)

        monkeypatch.setattr(os, "replace", signalling)
        with pytest.raises(processes.Terminated):
            write_all(tmp_path, _packet(tmp_path, b"new"), force=True)
    finally:
        signal.signal(signal.SIGTERM, old_term)
        signal.signal(signal.SIGINT, old_int)
        processes.forget_stop()
    assert sent and _contents(tmp_path) == dict(_packet(tmp_path, b"new"))


@pytest.mark.filterwarnings("ignore::pytest.PytestUnraisableExceptionWarning")  # the swallowing is the point
def test_a_stop_swallowed_on_the_way_is_raised_before_anything_is_published(tmp_path):
    # Python swallows an exception raised in an at-fork hook or a __del__ ("Exception
    # ignored in ..."): the stop must still keep the packet from being published.
    from restitution import processes

    old_term = signal.getsignal(signal.SIGTERM)
    processes.install()
    try:
        class Swallowing:
            def __del__(self):
                os.kill(os.getpid(), signal.SIGTERM)  # the handler raises here; Python ignores it

        Swallowing()  # collected at once: the Terminated raised in __del__ is lost
        with pytest.raises(processes.Terminated):
            write_all(tmp_path, _packet(tmp_path, b"new"), force=False)
    finally:
        signal.signal(signal.SIGTERM, old_term)
        processes.forget_stop()
    assert list(tmp_path.iterdir()) == []


# ---------------------------------------------------------------- located errors


@pytest.mark.parametrize("code, words", [
    (errno.ENOSPC, "no space left on the device"),
    (errno.EFBIG, "file-size limit"),
    (errno.EACCES, "permission denied"),
    (errno.EROFS, "read-only"),
    (errno.ENAMETOOLONG, "too long"),
])
def test_each_os_error_says_what_to_do(tmp_path, code, words):
    err = output_error(OSError(code, os.strerror(code)), tmp_path / "out" / "a.pdf")
    assert str(err).startswith(f"{tmp_path / 'out' / 'a.pdf'}: cannot be written: ") and words in str(err)
    assert err.exit_code == 1


def test_a_parent_that_is_a_file_is_named(tmp_path):
    (tmp_path / "afile").write_text("x")
    with pytest.raises(OutputError) as err:
        write_all(tmp_path / "afile" / "sub", [("a.pdf", b"A")], force=True)
    assert str(err.value) == (f"{tmp_path / 'afile' / 'sub'}: cannot be written: {tmp_path / 'afile'} "
                              f"is a file, not a folder; choose another output folder")
