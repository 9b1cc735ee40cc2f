"""restitution: the paperwork a defrauded buyer needs, from one case file."""
from __future__ import annotations

from pathlib import Path

__version__ = "0.1.0"

__all__ = ["__version__", "data_folder"]


def data_folder(name: str) -> Path:
    """A folder shipped in the package (templates, examples), or the source tree's in a
    checkout. Found beside this file rather than through importlib.resources, whose import
    cost a one-document render about 5 ms: the package is always a folder on disk (its
    fonts and templates are read as files)."""
    here = Path(__file__).resolve().parent
    packaged = here / name
    return packaged if packaged.is_dir() else here.parents[1] / name
