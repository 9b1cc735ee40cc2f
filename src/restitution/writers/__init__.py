"""The registry of writers: a name, a file extension and ``write(doc, stream)``.

A writer sees only a `Document` (never the case or Jinja) and writes bytes to
a binary stream. Modules are imported lazily: reportlab and python-docx are
loaded only by the commands that write.
"""
from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, BinaryIO, Callable, Protocol, Sequence

from restitution.document import Document
from restitution.errors import UsageError
from restitution.records import record


class WriteFunction(Protocol):
    """What a writer module provides: the document written as bytes to `stream`."""

    def __call__(self, doc: Document, stream: BinaryIO, /) -> None: ...


@record
class Writer:
    name: str
    extension: str
    write: WriteFunction
    # Loads, once per process, what writing a document like `doc` needs (fonts, a styled base
    # package), so that processes forked afterwards share it instead of each loading it.
    prepare: Callable[[Document], None] | None = None
    # Loads what documents of these output modes (en, zh, bilingual) will need, before any
    # model exists: for a process started while the case is read (pipeline.writer_process).
    preload: Callable[[Sequence[str]], None] | None = None


# name -> (module, write function, extension, prepare function, preload function)
WRITERS: dict[str, tuple[str, str, str, str, str]] = {
    "docx": ("restitution.writers.docx", "write_docx", ".docx", "prepare_docx", "preload_docx"),
    "pdf": ("restitution.writers.pdf", "write_pdf", ".pdf", "prepare_pdf", "preload_pdf"),
}


if TYPE_CHECKING:
    # The type checker holds each registered function to the protocol; at run
    # time the modules stay unimported until `get` asks for one.
    from restitution.writers.docx import write_docx
    from restitution.writers.pdf import write_pdf

    _REGISTERED: tuple[WriteFunction, ...] = (write_docx, write_pdf)


def names() -> list[str]:
    return list(WRITERS)


def _spec(name: str) -> tuple[str, str, str, str, str]:
    spec = WRITERS.get(name)
    if spec is None:
        raise UsageError(f"unknown format {name!r}; known formats: {', '.join(WRITERS)}")
    return spec


def check(name: str) -> str:
    """`name` if a writer has it, else a usage error; nothing is imported."""
    _spec(name)
    return name


def extension(name: str) -> str:
    """The file extension of a format (".pdf"), without importing its writer."""
    return _spec(name)[2]


def get(name: str) -> Writer:
    module, func, ext, prepare, preload = _spec(name)
    loaded = importlib.import_module(module)
    write: WriteFunction = getattr(loaded, func)
    return Writer(name, ext, write, getattr(loaded, prepare, None), getattr(loaded, preload, None))
