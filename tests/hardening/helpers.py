"""Reading outputs back: the text of a PDF or a DOCX, the base case text."""
from __future__ import annotations

import io
import json
import re
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
VALID = ROOT / "tests" / "data" / "valid"
EXAMPLES = sorted((ROOT / "examples").glob("*.yaml"))
BASE_TEXT = (VALID / "case.yaml").read_text(encoding="utf-8")


def pdf_text(data: bytes) -> str:
    import pypdf

    reader = pypdf.PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def docx_text(data: bytes) -> str:
    """Every w:t of the body, headers and footers, in order (python-docx reopens it first)."""
    import docx

    docx.Document(io.BytesIO(data))
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as z:
        for name in sorted(z.namelist()):
            if name.startswith("word/") and name.endswith(".xml"):
                xml = z.read(name).decode("utf-8")
                out.extend(_unxml(t) for t in re.findall(r"<w:t(?: [^>]*)?>([^<]*)</w:t>", xml))
    return "".join(out)


def _unxml(text: str) -> str:
    return (text.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", '"').replace("&apos;", "'")
            .replace("&amp;", "&"))


def squash(text: str) -> str:
    """Text without whitespace: PDF extraction breaks lines and drops or adds spaces."""
    return re.sub(r"\s+", "", text)


def q(value: str) -> str:
    """A YAML double-quoted scalar."""
    return json.dumps(value, ensure_ascii=False)


def replace_once(text: str, old: str, new: str) -> str:
    assert old in text, old
    return text.replace(old, new, 1)
