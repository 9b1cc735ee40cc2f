"""The registry of writers: a name, a file extension and ``write(doc, stream)``.

A writer sees only a `Document` (never the case or Jinja) and writes bytes to
a binary stream. Modules are imported lazily: reportlab and python-docx are
loaded only by the commands that write.
"""
from __future__ import annotations

import importlib
from dataclasses import dataclass
from typing import BinaryIO, Callable

from restitution.document import Document
from restitution.errors import UsageError


@dataclass(frozen=True)
class Writer:
    name: str
    extension: str
    write: Callable[[Document, BinaryIO], None]


# name -> (module, function, extension)
WRITERS: dict[str, tuple[str, str, str]] = {
    "docx": ("restitution.writers.docx", "write_docx", ".docx"),
    "pdf": ("restitution.writers.pdf", "write_pdf", ".pdf"),
}


def names() -> list[str]:
    return list(WRITERS)


def get(name: str) -> Writer:
    spec = WRITERS.get(name)
    if spec is None:
        raise UsageError(f"unknown format {name!r}; known formats: {', '.join(WRITERS)}")
    module, func, ext = spec
    return Writer(name, ext, getattr(importlib.import_module(module), func))
