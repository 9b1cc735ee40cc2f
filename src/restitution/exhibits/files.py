"""What each exhibit file is: its kind, size, fingerprint and number of pages.

The evidence index prints these facts and the evidence bundle binds the
files, so both read them from here and agree. A file is read once per
(path, modification time, size): rendering the index and then the bundle
does not hash or lay out the same file twice.

The page count is the number of pages the exhibit takes in the bundle: a
PDF's own pages, one page per image, and for plain text and e-mail the pages
the bundle's typesetter actually produces (it is called, not estimated).

Every problem is a located `CaseError` pointing at ``evidence[i].file``;
`exhibit_infos` reports all of them at once.
"""
from __future__ import annotations

import hashlib
import logging
import threading
from contextlib import contextmanager
from pathlib import Path
from typing import Iterator, Literal

from restitution.case.model import Case, Exhibit
from restitution.errors import CaseError, ErrorList, Location, RestitutionError
from restitution.exhibits import facts_cache
from restitution.records import record

# "separate": provided separately (另行提交: a video, a sample, a file that cannot be printed);
# the bundle holds a placeholder page for it, and its file, if any, is fingerprinted only.
Media = Literal["pdf", "image", "text", "email", "separate"]

# Suffix -> media. Anything else is refused by name: a bundle that silently
# skipped a .docx would be missing an exhibit the index promises.
SUFFIXES: dict[str, Media] = {
    ".pdf": "pdf",
    ".png": "image",
    ".jpg": "image",
    ".jpeg": "image",
    ".txt": "text",
    ".eml": "email",
}
IMAGE_FORMATS = {"PNG", "JPEG"}

_CACHE_LIMIT = 4096

# Bounds on one exhibit, so that no file can make a bundle run for hours or exhaust memory
# (measured in benchmarks/LIMITS.md): pypdf holds every page of the bundle until it is
# written, about 20 KB a page, so 10,000 pages stay under half a gigabyte.
MAX_PDF_PAGES = 10_000
MAX_PNG_PIXELS = 50_000_000  # decoded: 4 bytes a pixel, with two copies while flattening transparency
MAX_JPEG_PIXELS = 200_000_000  # never decoded in full (passed through; checked at 1/8 scale)
# A separate exhibit takes one placeholder page in the bundle, after its cover sheet.
SEPARATE_PAGES = 1


@record
class ExhibitInfo:
    number: int
    path: Path | None  # absolute; None for a separate exhibit without a file (a physical sample)
    media: Media
    size: int  # bytes
    sha256: str  # hex digest of the file's bytes
    pages: int  # pages the exhibit takes in the bundle, cover sheet not counted
    file: str = ""  # the path as written in the case file (relative to it)

    @property
    def bound(self) -> Path:
        """The file of an exhibit that is bound (every medium but "separate" has one)."""
        if self.path is None:
            raise ValueError(f"exhibit {self.number} has no file to bind")  # a caller's mistake, not the user's
        return self.path


@record
class _Facts:
    media: Media
    size: int
    sha256: str
    pages: int


_cache: dict[tuple[str, int, int, str], _Facts] = {}
_lock = threading.Lock()


class ExhibitError(CaseError):
    """An exhibit file that cannot be bound: missing, unreadable, encrypted, of an unknown type."""


def location(case: Case, exhibit: Exhibit, key: str = "file") -> Location:
    """``case.yaml:118 evidence[2].file`` for an exhibit (numbers are 1-based, indexes 0-based)."""
    return case.locate(f"evidence[{exhibit.number - 1}].{key}")


def display_name(case: Case, exhibit: Exhibit) -> str:
    """The file as the user wrote it, or relative to the case folder."""
    if exhibit.file_text:
        return exhibit.file_text
    if exhibit.file is None:
        return ""
    folder = case.folder
    if folder is not None:
        try:
            return Path(exhibit.file).resolve().relative_to(folder.resolve()).as_posix()
        except ValueError:
            pass
    return Path(exhibit.file).name


def exhibit_info(case: Case, exhibit: Exhibit, *, allow_outside: bool = False) -> ExhibitInfo:
    """The facts of one exhibit's file; a located `ExhibitError` if it cannot be bound.

    The loader already keeps `file:` inside the case folder; the check is
    repeated here for cases built in code, and waived with `allow_outside`
    exactly as the loader's option waives it (a case loaded with that option
    carries it: `Case.outside_allowed`).
    """
    allow_outside = allow_outside or case.outside_allowed
    name = display_name(case, exhibit)

    def fail(message: str) -> ExhibitError:
        return ExhibitError(f"exhibit {exhibit.number} ({name}): {message}", location(case, exhibit))

    if exhibit.file is None:
        if exhibit.separate:
            return ExhibitInfo(exhibit.number, None, "separate", 0, "", SEPARATE_PAGES, "")
        raise ExhibitError(f"exhibit {exhibit.number} has no file to bind", location(case, exhibit))
    path = Path(exhibit.file)
    if not path.is_absolute():
        if case.folder is None:
            raise fail("a relative path needs the case file's folder")
        path = case.folder / path
    path = path.resolve()
    if case.folder is not None and not allow_outside and not path.is_relative_to(case.folder.resolve()):
        raise fail("is outside the case file's folder; keep evidence next to the case file")
    media = "separate" if exhibit.separate else SUFFIXES.get(path.suffix.lower())
    if media is None:
        known = ", ".join(sorted(SUFFIXES))
        raise fail(f"files of type {path.suffix or '(no suffix)'!r} cannot be bound; use one of {known} "
                   "(print other documents to PDF), or set medium: video, audio or other to provide it "
                   "separately")
    try:
        st = path.stat()
    except FileNotFoundError:
        raise fail("file not found") from None
    except OSError as e:
        raise fail(f"cannot read the file ({e.strerror})") from None
    if not path.is_file():
        raise fail("is not a file")
    if st.st_size == 0:
        raise fail("the file is empty")
    key = (str(path), st.st_mtime_ns, st.st_size, media)
    with _lock:
        facts = _cache.get(key)
    if facts is None:
        try:
            facts = _read(path, media, st.st_size)
        except UnusableFile as e:
            raise fail(str(e)) from None
        except OSError as e:
            raise fail(f"cannot read the file ({e.strerror})") from None
        with _lock:
            if len(_cache) >= _CACHE_LIMIT:
                _cache.clear()
            _cache[key] = facts
    return ExhibitInfo(exhibit.number, path, facts.media, facts.size, facts.sha256, facts.pages, name)


def exhibit_infos(case: Case, *, allow_outside: bool = False) -> list[ExhibitInfo]:
    """The facts of every exhibit, in order; every problem reported at once as an `ErrorList`."""
    infos: list[ExhibitInfo] = []
    errors: list[RestitutionError] = []
    for exhibit in case.evidence:
        try:
            infos.append(exhibit_info(case, exhibit, allow_outside=allow_outside))
        except RestitutionError as e:
            errors.append(e)
    if errors:
        raise errors[0] if len(errors) == 1 else ErrorList(errors)
    return infos


def clear_cache() -> None:
    with _lock:
        _cache.clear()


# ---------------------------------------------------------------- reading


class UnusableFile(Exception):
    """A file that is there but cannot be used; the message goes to the user.

    Raised by the readers here and by the bundle's typesetters, which
    `exhibit_info` turns into a located `ExhibitError`."""


def _read(path: Path, media: Media, size: int) -> _Facts:
    digest = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            digest.update(chunk)
    sha256 = digest.hexdigest()
    if media == "separate":
        return _Facts(media, size, sha256, SEPARATE_PAGES)
    # Counting is the dear part (pypdf, typesetting): kept on disk by the file's hash.
    pages = facts_cache.pages(sha256, media)
    if pages is None:
        pages = {"pdf": pdf_pages, "image": _image_pages, "text": _text_pages, "email": _email_pages}[media](path)
        facts_cache.store(sha256, media, pages)
    return _Facts(media, size, sha256, pages)


@contextmanager
def quiet_pypdf() -> Iterator[None]:
    """pypdf logs repairs of damaged files as warnings; they would reach the user's terminal."""
    logger = logging.getLogger("pypdf")
    old = logger.level
    logger.setLevel(logging.ERROR)
    try:
        yield
    finally:
        logger.setLevel(old)


def open_pdf(path: Path):
    """A `PdfReader` for a usable PDF, or `UnusableFile` saying why it is not."""
    from pypdf import PasswordType, PdfReader

    with open(path, "rb") as f:
        if b"%PDF-" not in f.read(1024):
            raise UnusableFile("is not a PDF file (no %PDF header)")
    with quiet_pypdf():
        try:
            reader = PdfReader(path, strict=False)
        except Exception as e:  # pypdf raises many types for damaged files
            raise UnusableFile(f"the PDF is damaged and cannot be read ({type(e).__name__})") from None
        if reader.is_encrypted:
            # An owner password only restricts printing or copying; the pages open
            # with the empty user password and can be bound.
            try:
                ok = reader.decrypt("")
            except Exception:
                ok = PasswordType.NOT_DECRYPTED
            if not ok:
                raise UnusableFile("the PDF is encrypted with a password; save an unprotected copy and bind that")
    return reader


def pdf_pages(path: Path) -> int:
    """The number of pages; every page's box is checked, so a bad one fails here, not in the bundle."""
    from restitution.exhibits import fitting

    with quiet_pypdf():
        reader = open_pdf(path)
        try:
            declared = reader.trailer["/Root"]["/Pages"].get("/Count", 0)
            if isinstance(declared, int) and declared > MAX_PDF_PAGES:
                raise UnusableFile(_too_many_pages(declared))
            n = len(reader.pages)
            if n > MAX_PDF_PAGES:
                raise UnusableFile(_too_many_pages(n))
            for number, page in enumerate(reader.pages, 1):
                try:
                    fitting.visible(page)  # a page tree with broken pages fails here, not in the bundle
                except UnusableFile as e:
                    raise UnusableFile(f"page {number} {e}") from None
                page.get("/Contents")
        except UnusableFile:
            raise
        except RecursionError:
            raise UnusableFile("the PDF nests its page tree too deeply to be read") from None
        except Exception as e:
            raise UnusableFile(f"the PDF is damaged and cannot be read ({type(e).__name__})") from None
    if n == 0:
        raise UnusableFile("the PDF has no pages")
    return n


def _too_many_pages(n: int) -> str:
    return (f"the PDF has {n:,} pages; an exhibit may have at most {MAX_PDF_PAGES:,} "
            "(split it into several exhibits of the pages that matter)")


def _image_pages(path: Path) -> int:
    from PIL import Image

    from restitution.exhibits.images import open_image

    try:
        with open_image(path) as img:
            if img.format not in IMAGE_FORMATS:
                raise UnusableFile(f"is a {img.format} image; only PNG and JPEG images can be bound")
            w, h = img.size
            limit = MAX_JPEG_PIXELS if img.format == "JPEG" else MAX_PNG_PIXELS
            if w * h > limit:
                raise UnusableFile(f"the image is {w:,} x {h:,} pixels ({w * h / 1e6:.0f} megapixels); a "
                                   f"{img.format} image may have at most {limit / 1e6:.0f} megapixels (bind a "
                                   "scaled-down copy and keep the original)")
            if img.format == "JPEG":
                img.draft("RGB", (max(1, w // 8), max(1, h // 8)))  # decoded at 1/8 scale: every byte still read
            img.load()  # decode fully: a truncated photo fails now, not halfway through a bundle
    except UnusableFile:
        raise
    except Image.DecompressionBombError:
        raise UnusableFile("the image is too large to bind safely") from None
    except Exception as e:
        raise UnusableFile(f"the image cannot be decoded ({type(e).__name__})") from None
    return 1


def _text_pages(path: Path) -> int:
    from restitution.exhibits import textpages

    return textpages.count_pages(textpages.text_lines(path))


def _email_pages(path: Path) -> int:
    from restitution.exhibits import email_text, textpages

    return textpages.count_pages(email_text.email_lines(path))
