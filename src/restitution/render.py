"""The pipeline: case → template → Markdown → document model → bytes.

Everything a command writes is produced in memory first, so that any error
(a missing field, a template problem, a missing glyph) stops the command
before a single file is written.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Iterable

from restitution import documents, writers
from restitution.bilingual import pair
from restitution.case.model import Case
from restitution.document import Document
from restitution.errors import DocumentNotApplicable, ErrorList, RestitutionError, UsageError
from restitution.markup import parse
from restitution.profile import profile_for
from restitution.templating import RenderState, render_template, template_dirs

LANGS = ("en", "zh", "bilingual")


@dataclass(frozen=True)
class DocInfo:
    key: str
    lang: str
    date: dt.date
    title: str


@dataclass(frozen=True)
class Rendered:
    """A template's Markdown output, and the `_zh` fields it had to leave untranslated."""

    key: str
    lang: str
    text: str
    untranslated: tuple[str, ...]


def _variant(spec: documents.DocumentSpec, case: Case, lang: str) -> str:
    return spec.zh_variant(case) if lang == "zh" else lang


def _title(spec: documents.DocumentSpec, lang: str) -> str:
    if lang in spec.title:
        return spec.title[lang]
    if lang == "zh-Hant":
        from restitution.formatting import to_traditional

        return to_traditional(spec.title["zh"])
    return spec.title["en"]


def render_markdown(
    case: Case,
    key: str,
    lang: str,
    date: dt.date,
    *,
    templates: Path | None = None,
    extra: dict[str, Any] | None = None,
) -> Rendered:
    """Render one language of one document to Markdown (lang: en, zh or zh-Hant)."""
    spec = documents.get(key)
    spec.check(case)
    roots = tuple(template_dirs(templates))
    state = RenderState(case=case, lang=lang)
    x = dict(spec.context(case, lang, date))
    if extra:
        x.update(extra)
    context = {"case": case, "doc": DocInfo(key, lang, date, _title(spec, lang)), "x": x, "_state": state}
    text = render_template(f"{key}.md.j2", lang, roots, context)
    if lang == "zh-Hant" and not _has_own_template(key, roots):
        from restitution.formatting import to_traditional

        text = to_traditional(text)
    return Rendered(key, lang, text, tuple(state.untranslated))


def _has_own_template(key: str, roots: Iterable[Path]) -> bool:
    return any((Path(r) / "zh-Hant" / f"{key}.md.j2").is_file() for r in roots)


def render_document(
    case: Case,
    key: str,
    lang: str,
    date: dt.date,
    *,
    templates: Path | None = None,
    extra: dict[str, Any] | None = None,
    layout: str = "columns",
) -> Document:
    """The document model of one document in en, zh (or its variant) or bilingual."""
    if lang not in LANGS and lang != "zh-Hant":
        raise UsageError(f"unknown language {lang!r}; use one of {', '.join(LANGS)}")
    spec = documents.get(key)
    if lang == "bilingual":
        en = render_document(case, key, "en", date, templates=templates, extra=extra)
        zh = render_document(case, key, "zh", date, templates=templates, extra=extra)
        return pair(en, zh, layout)
    variant = _variant(spec, case, lang)
    rendered = render_markdown(case, key, variant, date, templates=templates, extra=extra)
    return Document(
        key=key,
        lang=variant,
        title=_title(spec, variant),
        blocks=parse(rendered.text),
        date=date,
        case_id=case.id,
        paper=spec.paper(case),  # type: ignore[arg-type]
        langs=(variant,),
        meta={"untranslated": ",".join(rendered.untranslated)},
        profile=profile_for(templates),
    )


def to_bytes(doc: Document, fmt: str) -> bytes:
    import io

    buf = io.BytesIO()
    writers.get(fmt).write(doc, buf)
    return buf.getvalue()


def file_name(case: Case, key: str, lang: str, fmt: str) -> str:
    return f"{case.id}_{key}_{lang}{writers.get(fmt).extension}"


@dataclass(frozen=True)
class Packet:
    files: list[tuple[str, bytes]]
    skipped: list[tuple[str, str]]  # (document, why) for packet documents that do not apply


def produce(
    case: Case,
    docs: Iterable[str] | None,
    langs: Iterable[str],
    formats: Iterable[str],
    date: dt.date,
    *,
    templates: Path | None = None,
    layout: str = "columns",
) -> Packet:
    """Every requested file as bytes. Explicitly requested documents must apply;
    the default packet skips those the case gives no basis for, saying why."""
    explicit = docs is not None and len(list(docs)) > 0
    keys = list(docs) if explicit else documents.available()
    langs, formats = list(langs), list(formats)
    for f in formats:
        writers.get(f)  # unknown format: a usage error before any work
    files: list[tuple[str, bytes]] = []
    skipped: list[tuple[str, str]] = []
    errors: list[RestitutionError] = []
    for key in keys:
        spec = documents.get(key)
        if not explicit and not spec.in_packet(case):
            continue
        try:
            spec.check(case)
        except DocumentNotApplicable as exc:
            if explicit:
                errors.append(exc)
            else:
                skipped.append((key, exc.message))
            continue
        for lang in langs:
            doc = render_document(case, key, lang, date, templates=templates, layout=layout)
            for fmt in formats:
                files.append((file_name(case, key, lang, fmt), to_bytes(doc, fmt)))
    if errors:
        raise errors[0] if len(errors) == 1 else ErrorList(errors)
    return Packet(files, skipped)


def with_date(doc: Document, date: dt.date) -> Document:
    return replace(doc, date=date)
