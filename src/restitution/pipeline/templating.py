"""The Jinja environment: sandboxed, strict, and escaping every value for Markdown.

Templates produce Markdown; data must print literally, so every ``{{ value }}``
passes through `finalize`, which backslash-escapes Markdown punctuation
unless the value is already trusted Markdown: `MD` made by our own filters,
or the output of a macro or a ``{% set %}`` block (autoescape is on, so Jinja
marks those as `Markup`, and finalize lets them through). A value that is
None is an error rather than a silent blank in a legal document.
Line breaks inside data become U+E000, which the Markdown reader turns into
hard line breaks (a plain newline would end a table row or a paragraph).
"""
from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import os
import re
import stat
from decimal import Decimal
from pathlib import Path
from typing import Any, Iterable
import contextvars

import jinja2
from jinja2 import pass_context
from jinja2.loaders import split_template_path
from markupsafe import Markup
from jinja2.sandbox import SecurityError

from restitution import data_folder
from restitution.pipeline import budget as limits
from restitution.pipeline import sandbox
from restitution.pipeline.template_cache import template_cache

from restitution import formatting as fmt
from restitution.case.model import Case, Exhibit
from restitution.errors import Location, TemplateError
from restitution.language import get as get_language
from restitution.language.catalogue import Catalogue, catalogue
from restitution.translation.fields import TextField

LINE_BREAK = "\ue000"  # stands for a hard line break inside data
UNTRANSLATED = "【待译】"
_MD_PUNCT = set("!\"#$%&'()*+,-./:;<=>?@[\\]^_`{|}~")
# Private-use and control characters cannot be typed in data; drop any that slip in.
_STRIP = re.compile(r"[\ue000-\uf8ff\x00-\x08\x0b-\x1f\x7f]")


class MD(Markup):
    """Markdown produced by our own filters: printed as is, not escaped again."""


def escape_md(value: str) -> str:
    text = _STRIP.sub("", str(value).replace("\r\n", "\n").replace("\r", "\n").replace("\t", " "))
    out = []
    for ch in text:
        if ch in _MD_PUNCT:
            out.append("\\" + ch)
        elif ch == "\n":
            out.append(LINE_BREAK)
        else:
            out.append(ch)
    return "".join(out)


# ------------------------------------------------------------------ locations


def bundled_templates() -> Path:
    """The templates shipped in the wheel, or the source tree's in a checkout."""
    return data_folder("templates")


def template_dirs(extra: Path | None = None) -> list[Path]:
    """Override folders first (``--templates`` or RESTITUTION_TEMPLATES), then the bundled ones."""
    dirs: list[Path] = []
    if extra is not None:
        dirs.append(Path(extra))
    env_dir = os.environ.get("RESTITUTION_TEMPLATES")
    if env_dir and extra is None:
        dirs.append(Path(env_dir))
    dirs.append(bundled_templates())
    return dirs


def search_path(lang: str, roots: list[Path]) -> list[str]:
    """Per language: own folder, then (for zh-Hant) zh, then common, in each root in turn."""
    subs = [*get_language(lang).template_dirs, "common"]
    return [str(root / sub) for root in roots for sub in subs]


# Real templates are a few KB; a larger file is not a template, and compiling
# one of megabytes would take seconds before any limit of the sandbox applies.
MAX_TEMPLATE_BYTES = 256 * 1024


def inside(root: Path, path: Path) -> bool:
    """Whether `path`, every link followed, lies inside the folder `root`."""
    real_root = os.path.realpath(root)
    return os.path.commonpath([real_root, os.path.realpath(path)]) == real_root


def read_template(root: Path, path: Path, display: str) -> str:
    """The text of a template file in the folder `root`: refused with a located error
    when a link takes it outside the folder, it is not a regular file (a pipe or a
    device would hang or never end), it is too large or not UTF-8."""
    where = Location(display)
    if not inside(root, path):
        raise TemplateError("is a link to a file outside the template folder; copy the file into the "
                            "folder instead of linking to it", where)
    try:
        st = os.stat(path)
    except OSError as e:
        raise TemplateError(f"cannot be read: {e.strerror}", where) from None
    if not stat.S_ISREG(st.st_mode):
        raise TemplateError("is not a regular file; a template must be a text file", where)
    if st.st_size > MAX_TEMPLATE_BYTES:
        raise TemplateError(f"is {st.st_size:,} bytes; a template may be at most {MAX_TEMPLATE_BYTES:,} bytes",
                            where)
    with open(path, "rb") as f:
        data = f.read(MAX_TEMPLATE_BYTES + 1)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError:
        raise TemplateError("is not valid UTF-8; save the template as UTF-8", where) from None


class FolderLoader(jinja2.BaseLoader):
    """Jinja's file loading over `search_path`, with every file kept inside its folder
    (see `read_template`). A name that exists in a folder but is refused stops the
    rendering: it never falls back to the bundled template of the same name."""

    def __init__(self, lang: str, roots: tuple[Path, ...]):
        self.paths = [(Path(p), Path(root)) for root in roots for p in search_path(lang, [Path(root)])]

    def get_source(self, environment: jinja2.Environment, template: str):
        pieces = split_template_path(template)
        for folder, root in self.paths:
            path = folder.joinpath(*pieces)
            if not os.path.lexists(path):
                continue
            display = f"templates/{path.relative_to(root).as_posix()}"
            source = read_template(root, path, display)
            mtime = os.path.getmtime(path)
            return source, os.path.normpath(path), lambda p=path, m=mtime: os.path.exists(p) and os.path.getmtime(p) == m
        raise jinja2.TemplateNotFound(template)


# ------------------------------------------------------------------ render state


@dataclasses.dataclass
class RenderState:
    """What one rendering learns: the key paths of objects and the free text it prints."""

    case: Case
    lang: str
    # The language's phrases as seen through this rendering's template folders.
    words: Catalogue | None = None
    # Every field printed through `tr` in a Chinese rendering, by key path, in print order.
    printed: dict[str, TextField] = dataclasses.field(default_factory=dict)
    paths: dict[int, str] = dataclasses.field(default_factory=dict)
    # The document's terms for the parties (`party_terms()` in the template; a casetext.PartyTerms).
    terms: Any = None

    def __post_init__(self) -> None:
        _index_paths(self.case, "", self.paths)


def _index_paths(obj: Any, path: str, out: dict[int, str]) -> None:
    if dataclasses.is_dataclass(obj) and not isinstance(obj, type):
        out[id(obj)] = path
        for f in dataclasses.fields(obj):
            if f.name in ("where", "source"):
                continue
            child = getattr(obj, f.name)
            if dataclasses.is_dataclass(child) or isinstance(child, tuple):
                if isinstance(obj, Case):
                    sub = f.name
                else:
                    sub = f"{path}.{f.name}" if path else f.name
                _index_paths(child, sub, out)
    elif isinstance(obj, tuple):
        for i, item in enumerate(obj):
            _index_paths(item, f"{path}[{i}]", out)


# The rendering under way. A context variable rather than a template variable,
# so that macros imported without context still see it.
_CURRENT: contextvars.ContextVar[RenderState] = contextvars.ContextVar("restitution_render_state")


def _state(ctx: Any) -> RenderState:
    try:
        return _CURRENT.get()
    except LookupError:
        return ctx["_state"]


def _lang(ctx: Any) -> str:
    return _state(ctx).lang


def _words(ctx: Any) -> Catalogue:
    state = _state(ctx)
    if state.words is None:
        state.words = catalogue(state.lang, [bundled_templates()])
    return state.words


# ------------------------------------------------------------------ filters


@pass_context
def _finalize(ctx: Any, value: Any) -> str:
    if isinstance(value, Markup):
        return value
    if isinstance(value, jinja2.Undefined):
        str(value)  # raises: StrictUndefined, or SecurityError for a refused attribute
    if value is None:
        raise TemplateError("the template prints a value the case does not have (None); "
                            "guard it with {% if ... %}")
    if isinstance(value, bool):
        raise TemplateError("the template prints a yes/no value; use {% if %} to choose words")
    if isinstance(value, dt.date):
        return MD(escape_md(fmt.format_date(value, _lang(ctx))))
    language = get_language(_lang(ctx))
    if language.chinese and isinstance(value, str):  # case text: its punctuation made Chinese
        value = fmt.chinese_punctuation(value, traditional=language.traditional)
    return MD(escape_md(value))


@pass_context
def f_date(ctx: Any, value: dt.date) -> str:
    return fmt.format_date(value, _lang(ctx))


@pass_context
def f_money(ctx: Any, value: Decimal, currency: str) -> str:
    return fmt.format_money(Decimal(value), currency, _lang(ctx))


@pass_context
def f_words(ctx: Any, value: Decimal, currency: str) -> str:
    return fmt.amount_in_words(Decimal(value), currency, _lang(ctx))


@pass_context
def f_number(ctx: Any, value: Any) -> str:
    return fmt.format_number(value, _lang(ctx))


@pass_context
def f_country(ctx: Any, code: str) -> str:
    return fmt.country_name(code, _lang(ctx))


@pass_context
def f_currency_name(ctx: Any, code: str) -> str:
    return fmt.currency_name(code, _lang(ctx))


@pass_context
def f_join_list(ctx: Any, items: Iterable[Any]) -> MD:
    # Items are escaped one by one so that the joining words stay plain text.
    parts = [x if isinstance(x, Markup) else escape_md(str(x)) for x in items]
    return MD(fmt.join_list(parts, _lang(ctx)))


@pass_context
def f_ref(ctx: Any, exhibit: Exhibit) -> str:
    return _words(ctx)("common.exhibit", number=exhibit.number)


@pass_context
def f_refs(ctx: Any, exhibits: Iterable[Exhibit]) -> str:
    nums = [e.number for e in exhibits]
    if not nums:
        raise TemplateError("refs was given no exhibits; guard it with {% if ... %}")
    words = _words(ctx)
    if len(nums) == 1:
        return words("common.exhibit", number=nums[0])
    if words.language.chinese:  # 证据1、证据2: each number keeps its noun
        return words("common.exhibit_separator").join(words("common.exhibit", number=n) for n in nums)
    return words("common.exhibits", numbers=fmt.join_list([str(n) for n in nums], _lang(ctx)))


@pass_context
def g_phrase(ctx: Any, key: str, **values: Any) -> str:
    """A phrase of the document's language catalogue: ``{{ phrase("police.deadline", days=7) }}``."""
    return _words(ctx)(key, **values)


@pass_context
def f_say(ctx: Any, value: Any) -> str:
    """A fact or reason of the rules and the plan (`restitution.rules.reason`), worded in the document's catalogue."""
    from restitution.rules.reason import say

    text = say(value, _words(ctx))
    terms = _state(ctx).terms
    # The catalogue's reasons name the parties as 买方/供应商; a document says its own terms.
    return terms.apply(text) if terms is not None and _words(ctx).language.chinese else text


@pass_context
def g_exhibits(ctx: Any, *kinds: str) -> list[Exhibit]:
    """The case's exhibits of the given kinds (all exhibits when no kind is given)."""
    ev = _state(ctx).case.evidence
    return [e for e in ev if not kinds or e.kind in kinds]


@pass_context
def f_join(ctx: Any, items: Iterable[Any], sep: str = "") -> MD:
    """Jinja's join, escaping each item for Markdown (the built-in would trust them)."""
    return MD(limits.bounded_join((x if isinstance(x, Markup) else escape_md(str(x)) for x in items),
                                   escape_md(sep)))


FILTERS = {
    "join": f_join,
    "date": f_date,
    "money": f_money,
    "words": f_words,
    "number": f_number,
    "country": f_country,
    "currency_name": f_currency_name,
    "join_list": f_join_list,
    "ref": f_ref,
    "refs": f_refs,
    "say": f_say,
}
GLOBALS = {"exhibits": g_exhibits, "phrase": g_phrase}


@functools.lru_cache(maxsize=16)
def environment(lang: str, roots: tuple[Path, ...]) -> jinja2.Environment:
    """One compiled environment per language and template folders (templates compile once)."""
    env = sandbox.BoundedSandbox(
        loader=FolderLoader(lang, roots),
        undefined=jinja2.StrictUndefined,
        finalize=_finalize,
        autoescape=True,  # marks macro and block output as trusted; data is escaped by finalize
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
        auto_reload=False,
        bytecode_cache=template_cache(),
    )
    # The filters of case text (tr, unit, source) read this module's render state.
    from restitution.pipeline.casetext import FILTERS as TEXT_FILTERS, GLOBALS as TEXT_GLOBALS

    env.filters.update(FILTERS, **TEXT_FILTERS)
    env.globals.update(GLOBALS, **TEXT_GLOBALS)
    env.guard_filters()
    return env


# ------------------------------------------------------------------ errors


def _template_line(exc: BaseException) -> tuple[str | None, int | None]:
    """The innermost template frame of a traceback (Jinja maps frames to template lines)."""
    name, line = None, None
    tb = exc.__traceback__
    while tb is not None:
        fname = tb.tb_frame.f_code.co_filename
        if fname.endswith(".j2"):
            name, line = fname, tb.tb_lineno
        tb = tb.tb_next
    return name, line


def _short(path: str | None, roots: Iterable[Path]) -> str | None:
    if path is None:
        return None
    for root in roots:
        try:
            return f"templates/{Path(path).resolve().relative_to(Path(root).resolve())}"
        except ValueError:
            continue
    return Path(path).name


def render_template(name: str, lang: str, roots: tuple[Path, ...], context: dict[str, Any],
                    exports: dict[str, Any] | None = None) -> str:
    """Render one template within the sandbox's limits (`budget.TIME_LIMIT` and the
    rest); every failure becomes a located `TemplateError`. `exports`, when given,
    receives the template's top-level ``{% set %}`` variables (a document's ``title``)."""
    env = environment(lang, roots)
    token = _CURRENT.set(context["_state"]) if "_state" in context else None
    budget = limits.start_budget()
    try:
        template = env.get_template(name)
        if exports is None:
            return template.render(context)
        # What Template.render does, keeping the context to read its exports; Jinja's
        # handle_exception maps the traceback to template lines, as render would.
        ctx = template.new_context(context)
        try:
            text = env.concat(template.root_render_func(ctx))
        except Exception:
            env.handle_exception()
        exports.update(ctx.get_exported())
        return text
    except jinja2.TemplateNotFound as exc:
        raise TemplateError(f"no template {exc.name!r} for language {lang!r} "
                            f"(looked in {', '.join(str(r) for r in roots)})") from None
    except jinja2.TemplateSyntaxError as exc:
        loc = Location(_short(exc.filename, roots) or exc.name, exc.lineno)
        raise TemplateError(f"template syntax error: {exc.message}", loc) from None
    except limits.LimitError as exc:
        file, line = _template_line(exc)
        raise TemplateError(str(exc), Location(_short(file, roots) or name, line)) from None
    except SecurityError as exc:
        file, line = _template_line(exc)
        raise TemplateError(f"refused by the template sandbox: {exc}",
                            Location(_short(file, roots) or name, line)) from None
    except TemplateError as exc:
        file, line = _template_line(exc)
        if file is None and exc.location is not None:
            raise TemplateError(exc.message, exc.location) from None
        raise TemplateError(exc.message, Location(_short(file, roots) or name, line)) from None
    except jinja2.UndefinedError as exc:
        file, line = _template_line(exc)
        raise TemplateError(f"{exc.message}", Location(_short(file, roots) or name, line)) from None
    except (TypeError, ValueError, AttributeError, LookupError, ArithmeticError, RecursionError) as exc:
        file, line = _template_line(exc)
        if file is None:
            raise
        raise TemplateError(f"{type(exc).__name__}: {exc}", Location(_short(file, roots), line)) from None
    except MemoryError:
        # Not expected within the limits; said plainly rather than as a traceback.
        raise TemplateError("the template needs more memory than this machine has; look for a repetition "
                            "or a loop that keeps growing a text", Location(name)) from None
    finally:
        limits.end_budget(budget)
        if token is not None:
            _CURRENT.reset(token)
