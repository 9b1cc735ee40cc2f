"""What a valid case will produce: each document of the packet made or skipped, and why.

`restitution validate` prints this after ``ok``, so that a case which loads
cleanly but cannot make its police report (the loss not stated in RMB, no
agent for a power of attorney) says so before anyone renders it. A skipped
document names the key to add, from the location its check raised.

Before that, `rehearse` renders every document the packet will make through its template, in
English and Chinese, and the packet guide to its model, so that a valid case which a template or
the code cannot print fails in `validate`, naming the document, and not first in `render`. It
stops short of the Markdown parser and the writers (with the parser, `validate` of the northwind
example took 0.32 s instead of 0.27 s; the writers would double it): they read only what the
templates wrote and the document model, and the hardening tests hold them to generated cases.

Trade-off: the untranslated count comes from those Chinese renderings, since
only the templates know which `_zh` fields they print; `validate
--no-check-files` (the quick structural check) skips the rehearsal along with
the files.
"""
from __future__ import annotations

import datetime as dt
import functools
from typing import Callable

from restitution import documents
from restitution.case.model import Case
from restitution.errors import DocumentNotApplicable, ErrorList, Location, RestitutionError, TemplateError
from restitution.pipeline.templating import UNTRANSLATED
from restitution.records import record

# The documents a defrauded buyer's packet stands on: losing one is said in so many words.
KEY_DOCUMENTS = ("police_report", "power_of_attorney", "demand_letter", "chargeback_letter")


@record
class Outcome:
    key: str
    made: bool
    why: str = ""  # for a skipped document: what its check said
    key_to_add: str = ""  # the case key its check points at (from the error's location)


@record
class Outlook:
    documents: tuple[Outcome, ...]
    untranslated: tuple[str, ...]  # key paths of `_zh` fields the Chinese documents mark
    card_used: bool = False  # a card payment: losing the chargeback letter then matters
    platform_paid: bool = False  # a payment recorded as made at the platform's checkout

    @property
    def made(self) -> list[str]:
        return [o.key for o in self.documents if o.made]

    @property
    def lost(self) -> list[Outcome]:
        """Key documents the case would lose. A chargeback letter counts only when a card was used."""
        return [o for o in self.documents if not o.made and o.key in KEY_DOCUMENTS
                and (o.key != "chargeback_letter" or self.card_used)]


def outcomes(case: Case, date: dt.date | None = None) -> list[Outcome]:
    """Every document of the default packet for this case (dated `date`), made or skipped."""
    out = []
    for key in documents.available():
        spec = documents.get(key)
        if spec.needs:
            continue  # made by another command (the victims schedule)
        if not spec.in_packet(case):
            why = spec.left_out(case)  # left out for a reason the user must hear, or not for this case at all
            if why:
                out.append(Outcome(key, False, why))
            continue
        try:
            documents.check(spec, case, date=date)
        except DocumentNotApplicable as err:
            path = err.location.path if err.location and err.location.path else ""
            out.append(Outcome(key, False, err.message, path))
            continue
        out.append(Outcome(key, True))
    return out


def untranslated_fields(case: Case, keys: list[str], date: dt.date) -> tuple[str, ...]:
    """Key paths the Chinese documents mark as untranslated, each once, in first-seen order."""
    from restitution.pipeline.render import render_markdown  # loads Jinja: only when counting

    seen: dict[str, None] = {}
    for key in keys:
        variant = documents.get(key).zh_variant(case)
        for path in render_markdown(case, key, variant, date).untranslated:
            seen.setdefault(path, None)
    return tuple(seen)


def rehearse(case: Case, date: dt.date) -> tuple[str, ...]:
    """Render each document `render` would make for this case, en and zh, through its template, and the packet guide to its model; raise every failure at once, each
    naming the document and language. Else the key paths the Chinese documents mark as
    untranslated (`untranslated_fields`, read from these renderings, not made a second time).

    The templates are where a valid case can still fail (a value a filter cannot print): the
    Markdown they write is read by a parser that takes any text, and the hardening tests hold it
    to generated cases, so it is not parsed here (about 40% of a document's model)."""
    from restitution.guide import guide_model  # loads Jinja: only when rehearsing
    from restitution.pipeline.render import Rendered, render_markdown

    made = [o.key for o in outcomes(case, date) if o.made]
    attempts: list[tuple[str, str, Callable[[], object]]] = [
        (key, lang, functools.partial(render_markdown, case, key, documents.get(key).zh_variant(case)
                                      if lang == "zh" else lang, date))
        for key in made for lang in ("en", "zh")]
    attempts.append(("packet_guide", case.case.language, functools.partial(guide_model, case, made, date)))
    failed: list[RestitutionError] = []
    seen: dict[str, None] = {}
    for key, lang, attempt in attempts:
        try:
            rendered = attempt()
            if lang == "zh" and isinstance(rendered, Rendered):
                for path in rendered.untranslated:
                    seen.setdefault(path, None)
        except RestitutionError as err:
            failed.append(_cannot_render(key, lang, err.message, err.location))
        except Exception as exc:  # a fault of the toolkit's code: located where it arose
            failed.append(_cannot_render(key, lang, type(exc).__name__, _raised_at(exc)))
    if failed:
        raise ErrorList(failed)
    return tuple(seen)


def _cannot_render(key: str, lang: str, what: str, where: Location | None) -> RestitutionError:
    return TemplateError(
        f"the case is valid, but its {key.replace('_', ' ')} ({lang}) cannot be rendered: {what}. "
        "This is a fault of the templates or the program, not of the case file: report it with "
        "this line; meanwhile render the other documents with --doc", where)


def _raised_at(exc: BaseException) -> Location | None:
    """The last frame of this package in the traceback (a file name and line, never a value)."""
    tb, where = exc.__traceback__, None
    while tb is not None:
        module = tb.tb_frame.f_globals.get("__name__", "")
        if module == "restitution" or module.startswith("restitution."):
            where = Location(module, tb.tb_lineno)
        tb = tb.tb_next
    return where


def outlook(case: Case, date: dt.date, *, translations: bool = True,
            untranslated: tuple[str, ...] | None = None) -> Outlook:
    """What the case makes; with `translations`, its untranslated fields: `untranslated` when
    given (what `rehearse` found), else counted here."""
    docs = outcomes(case, date)
    made = [o.key for o in docs if o.made]
    platform = any(p.method == "trade_assurance" or p.via_platform for p in case.payments)
    if translations and untranslated is None:
        untranslated = untranslated_fields(case, made, date)
    return Outlook(tuple(docs), untranslated if translations and untranslated is not None else (),
                   card_used=bool(case.card_payments), platform_paid=platform)


def lines(result: Outlook) -> list[str]:
    """The report `validate` prints under ``ok``: one line per document, then the totals."""
    out = []
    for o in result.documents:
        if o.made:
            out.append(f"  render  {o.key}")
        else:
            # The key, unless the reason already names it.
            add = f" (key: {o.key_to_add})" if o.key_to_add and o.key_to_add not in o.why else ""
            out.append(f"  skip    {o.key}: {o.why}{add}")
            if o.key == "chargeback_letter" and result.platform_paid and not result.card_used:
                out.append("          (paid by card at the platform's checkout? write that payment as "
                           "method: card with via_platform: true, and its card:)")
    if result.untranslated:
        out.append(f"  {len(result.untranslated)} untranslated field(s) the Chinese documents mark {UNTRANSLATED}: "
                   + ", ".join(result.untranslated[:8]) + (", …" if len(result.untranslated) > 8 else ""))
    for o in result.lost:
        out.append(f"  note: the case is valid but makes no {o.key.replace('_', ' ')}: {o.why}")
    return out
