"""The pipeline: case → template → Markdown → document model → bytes.

Everything a command writes is produced in memory first, so that any error
(a missing field, a template problem, a missing glyph) stops the command
before a single file is written.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import field
from pathlib import Path
from typing import TYPE_CHECKING, Any, Callable, Iterable

from restitution import documents, writers
from restitution.pipeline.bilingual import pair
from restitution.case.model import Case
from restitution.document import FURNITURE_KEYS, Block, Container, Document, Heading, inline_text
from restitution.errors import DocumentNotApplicable, ErrorList, Location, RestitutionError, TemplateError
from restitution.language import BILINGUAL, EN, OUTPUT_MODES, Language
from restitution.language import get as get_language
from restitution.language.catalogue import catalogue
from restitution.pipeline.markup import parse
from restitution.pipeline.profile import profile_for
from restitution.pipeline.templating import RenderState, render_template, template_dirs
from restitution.processes import PARALLEL_MIN_FILES
from restitution.records import record
from restitution.translation.fields import TextField

if TYPE_CHECKING:
    from restitution.pipeline.writer_process import WriterProcess


@record
class DocInfo:
    key: str
    lang: str
    date: dt.date


@record
class Rendered:
    """A template's Markdown output, its title, and the `_zh` fields it had to leave untranslated."""

    key: str
    lang: str
    text: str
    untranslated: tuple[str, ...]
    # The template's own ``{% set title = "…" %}``: the file's metadata and the running
    # header of later pages. The template holds it, so a firm's copy rewords it too.
    title: str = ""
    # Every free-text field a Chinese rendering printed through ``tr`` (translation.fields).
    printed: tuple[TextField, ...] = ()


def _variant(spec: documents.DocumentSpec, case: Case, lang: str) -> Language:
    """The language a document is written in for `lang` (en or zh): zh is the case's variant."""
    return get_language(spec.zh_variant(case) if lang == "zh" else lang)


def _converted(text: str, language: Language, case: Case, *, quotes: bool = False) -> str:
    """Text of the language `language` is converted from, in `language`'s script; with
    `quotes` (a Chinese document) its quotation marks in that script's form too."""
    if language.opencc is None:
        return text
    from restitution.formatting import corner_quotes, to_traditional

    out = to_traditional(text, keep=_registered_names(case))
    return corner_quotes(out) if quotes else out


def _registered_names(case: Case) -> tuple[str, ...]:
    """Chinese names a registry holds in Traditional script, printed exactly as registered:
    a Hong Kong supplier's name and director, a client from Hong Kong, Macao or Taiwan.
    A mainland name (a Shenzhen payee, a mainland client) is Simplified as registered and
    is converted like the rest of a Hong Kong document, and so is a name the case gives in
    Simplified characters, which is not the registered form."""
    from restitution.formatting.chinese import is_traditional

    s, c = case.supplier, case.client
    names = [s.name_zh, s.legal_representative_zh] if s.region == "hong_kong" else []
    if c.country in ("HK", "MO", "TW"):
        names += [c.name_zh, c.representative.name_zh if c.representative else None]
    return tuple(n for n in names if n and is_traditional(n))


# The Markdown rendered while `produce` makes one packet, by (case, document, language, date,
# templates): the check for untranslated fields renders every Chinese document before anything
# else, and the models then reuse it, here and in the workers forked after it (about 40 ms of a
# packet's CPU). None outside `produce`: a case is read once per packet, never changed.
_RENDERED: dict[tuple, tuple[Case, Rendered]] | None = None


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
    memo = _RENDERED if extra is None else None
    slot = (id(case), key, lang, date, templates)
    if memo is not None and slot in memo and memo[slot][0] is case:
        return memo[slot][1]
    rendered = _render_markdown(case, key, lang, date, templates=templates, extra=extra)
    if memo is not None:
        memo[slot] = (case, rendered)
    return rendered


def _render_markdown(case: Case, key: str, lang: str, date: dt.date, *, templates: Path | None,
                     extra: dict[str, Any] | None) -> Rendered:
    language = get_language(lang)
    spec = documents.get(key)
    documents.check(spec, case, extra, date)
    roots = tuple(template_dirs(templates))
    words = catalogue(lang, roots)
    state = RenderState(case=case, lang=lang, words=words)
    x = documents.make_context(spec, case, words, date, extra)
    context = {"case": case, "doc": DocInfo(key, lang, date), "x": x, "_state": state}
    exports: dict[str, Any] = {}
    text = render_template(f"{key}.md.j2", lang, roots, context, exports)
    title = exports.get("title")
    title = title.strip() if isinstance(title, str) else ""
    if language.converted_from and not _has_own_template(key, language, roots):
        text, title = (_converted(text, language, case, quotes=True),
                       _converted(title, language, case, quotes=True))
    elif not language.chinese:
        # The Chinese an English document quotes (a name, a letter number, a term in
        # brackets) is written in the script of the case's Chinese documents: a Hong
        # Kong document is Traditional on every line, its English half included.
        # Only Han characters change: OpenCC leaves Latin text and digits as they are.
        chinese = get_language(spec.zh_variant(case))
        if chinese.opencc is not None:
            text, title = _converted(text, chinese, case), _converted(title, chinese, case)
    printed = tuple(state.printed.values())
    return Rendered(key, lang, text, tuple(f.twin for f in printed if f.missing), title, printed)


def _first_heading(blocks: tuple[Block, ...], key: str, language: Language) -> str:
    """The title of a template that sets none (a firm's copy written before titles were
    set in templates): its first ``#`` heading; with neither, a located error."""
    for block in blocks:
        if isinstance(block, Heading) and block.level == 1:
            return inline_text(block.inlines).replace("\n", " ").strip()
    raise TemplateError('sets no title; begin it with {% set title = "…" %} (the file\'s metadata and '
                        "page header)", Location(f"templates/{language.code}/{key}.md.j2"))


def _has_own_template(key: str, language: Language, roots: Iterable[Path]) -> bool:
    return any((Path(r) / language.code / f"{key}.md.j2").is_file() for r in roots)


def render_document(
    case: Case,
    key: str,
    lang: str,
    date: dt.date,
    *,
    templates: Path | None = None,
    extra: dict[str, Any] | None = None,
    layout: str = "columns",
    done: dict[str, Document] | None = None,
    draft: bool = False,
    paper: str | None = None,
) -> Document:
    """The document model of one document in en, zh (or its variant) or bilingual.

    With `draft`, a Chinese version that prints a field the case has no Chinese for
    is marked a draft (`Document.draft`); without it, that field is only marked 【待译】
    (callers that write files refuse first: `translation.fields`). `done` holds this document's en and zh models already rendered (with the same
    arguments), by language: they are reused, and the ones rendered here are added,
    so a packet asking for en, zh and bilingual renders each language once. `paper`
    ("A4", "Letter") replaces the paper the document chooses from the case."""
    if lang not in OUTPUT_MODES:
        get_language(lang)  # a document language (zh-Hant), or a usage error
    spec = documents.get(key)
    if lang == BILINGUAL:
        en = render_document(case, key, "en", date, templates=templates, extra=extra, done=done, draft=draft, paper=paper)
        zh = render_document(case, key, "zh", date, templates=templates, extra=extra, done=done, draft=draft, paper=paper)
        return pair(en, zh, layout, prevails=not spec.language_clause)
    if done is not None and lang in done:
        return done[lang]
    variant = _variant(spec, case, lang)
    rendered = render_markdown(case, key, variant.code, date, templates=templates, extra=extra)
    try:
        blocks = parse(rendered.text)
    except TemplateError as err:  # say which template wrote the Markdown
        raise TemplateError(err.message, err.location or Location(f"templates/{variant.code}/{key}.md.j2")) from None
    profile = _letterhead_where_the_firm_speaks(profile_for(templates), spec.firm_speaks(case))
    if profile is not None and profile.has_letterhead:
        # The firm's letterhead replaces the lines the template writes as one.
        blocks = tuple(b for b in blocks if not (isinstance(b, Container) and b.kind == "letterhead"))
    roots = tuple(template_dirs(templates))
    doc = Document(
        key=key,
        lang=variant.code,
        title=rendered.title or _first_heading(blocks, key, variant),
        blocks=blocks,
        date=date,
        # the running header's reference: the file number, or a sent letter's own reference
        case_id=case.id if spec.file_reference else spec.own_reference(case, date),
        paper=paper or spec.paper(case),  # type: ignore[arg-type]
        langs=(variant,),
        meta={"untranslated": ",".join(rendered.untranslated)},
        profile=profile,
        template_roots=roots,
        draft=draft and bool(rendered.untranslated),
        furniture=tuple(catalogue(language, roots).only(FURNITURE_KEYS) for language in dict.fromkeys((EN, variant))),
    )
    if done is not None:
        done[lang] = doc
    return doc


def _letterhead_where_the_firm_speaks(profile, firm_speaks: bool):
    """A firm profile keeps its letterhead and logo only on what the firm sends or signs: a
    letter the client sends (a 催告函, a chargeback letter) must not look like the firm's."""
    if profile is None or firm_speaks or not profile.has_letterhead:
        return profile
    import dataclasses

    return dataclasses.replace(profile, letterhead={}, logo=None)


def to_bytes(doc: Document, fmt: str) -> bytes:
    import io

    buf = io.BytesIO()
    writers.get(fmt).write(doc, buf)
    return buf.getvalue()


def file_name(case: Case, key: str, lang: str, fmt: str) -> str:
    return f"{case.id}_{key}_{lang}{writers.extension(fmt)}"


@record
class Packet:
    files: list[tuple[str, bytes]]
    skipped: list[tuple[str, str]]  # (document, why) for packet documents that do not apply
    warnings: list[tuple[str, str]] = field(default_factory=list)  # (document, what to know) of documents made
    # Chinese fields the case lacks, printed 【待译】 in the files of a draft (render --draft)
    untranslated: int = 0


def produce(
    case: Case,
    docs: Iterable[str] | None,
    langs: Iterable[str],
    formats: Iterable[str],
    date: dt.date,
    *,
    templates: Path | None = None,
    layout: str = "columns",
    jobs: int = 1,
    draft: bool = False,
    guide: bool = False,
    paper: str | None = None,
    writer: WriterProcess | None = None,
    meanwhile: Callable[[], None] | None = None,
) -> Packet:
    """Every requested file as bytes. Explicitly requested documents must apply;
    the default packet skips those the case gives no basis for, saying why.

    A Chinese or bilingual file is refused, before any is made, when it would print a
    field the case has no Chinese for (one located line per field), unless `draft`:
    then those files are made marked DRAFT / 草稿 and `Packet.untranslated` counts the fields.

    With `jobs` > 1 and enough files, the models are rendered and the files written in
    that many worker processes (`pipeline.packet_files`); the bytes are the same. With `guide`, the
    packet guide and README.txt for the documents made are added (`restitution.guide`).
    With `writer` (a process started before the case was read, `pipeline.writer_process`),
    the models are made here and the files written there instead, while `meanwhile` (the
    caller's own work, the case's warnings) and the documents' warnings are made here;
    `meanwhile` is called once, before this returns, whichever way the files are made."""
    from restitution.case.proceedings import check_history
    from restitution.pipeline import packet_files

    check_history(case, date)  # documents dated before what the case records happened
    langs, formats = list(langs), list(formats)
    todo, skipped, errors = _selected(case, docs, formats, date)
    global _RENDERED
    _RENDERED = {}
    try:
        missing = []
        if todo and any(lang != "en" for lang in langs):  # every other mode prints Chinese
            from restitution.translation.fields import refusal, untranslated

            missing = untranslated(case, date, todo, templates=templates)
            if missing and not draft:
                raise refusal(case, missing)
        job = (case, tuple(langs), date, templates, layout, draft, paper)
        many = len(todo) * len(langs) * len(formats) >= PARALLEL_MIN_FILES
        extras: dict[str, list[tuple[str, bytes]]] = {}
        warnings: list[tuple[str, str]] = []

        def beside() -> None:
            if meanwhile is not None:
                meanwhile()
            if not errors:
                warnings.extend((key, line) for key in todo for line in documents.get(key).warnings(case, date))

        data = packet_files.files(job, todo, formats, jobs if many else 1, extras if guide and not errors else None,
                                  writer, beside)
    finally:
        _RENDERED = None
    names = [file_name(case, key, lang, fmt) for key in todo for lang in langs for fmt in formats]
    files = list(zip(names, data))
    if errors:
        raise errors[0] if len(errors) == 1 else ErrorList(errors)
    if guide:  # the packet guide and README.txt of what was made (restitution.guide)
        files += extras["guide"] if "guide" in extras else packet_files.guide(case, todo, date, templates)
    return Packet(files, skipped, warnings, len(missing))


def _selected(case: Case, docs: Iterable[str] | None, formats: list[str], date: dt.date | None = None
              ) -> tuple[list[str], list[tuple[str, str]], list[RestitutionError]]:
    """(documents to make, (document, why) skipped, errors of requested documents that do not apply)."""
    requested = list(docs) if docs is not None else []
    explicit = len(requested) > 0
    keys = requested if explicit else documents.available()
    for f in formats:
        writers.check(f)  # unknown format: a usage error before any work
    todo: list[str] = []
    skipped: list[tuple[str, str]] = []
    errors: list[RestitutionError] = []
    for key in keys:
        spec = documents.get(key)
        if not explicit and not spec.in_packet(case):
            why = spec.left_out(case)
            if why:
                skipped.append((key, why))
            continue
        try:
            documents.check(spec, case, date=date)
        except DocumentNotApplicable as exc:
            if explicit:
                errors.append(exc)
            else:
                skipped.append((key, exc.message))
            continue
        todo.append(key)
    return todo, skipped, errors


def targets(case: Case, docs: Iterable[str] | None, langs: Iterable[str], formats: Iterable[str], *,
            guide: bool = False, date: dt.date | None = None) -> list[str]:
    """The names of the files `produce` would write, found without rendering anything."""
    langs, formats = list(langs), list(formats)
    todo = _selected(case, docs, formats, date)[0]
    names = [file_name(case, key, lang, fmt) for key in todo for lang in langs for fmt in formats]
    if guide:
        from restitution.guide import guide_names

        names += guide_names(case)
    return names
