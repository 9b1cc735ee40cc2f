"""How a key of the case file is declared: once, on the model's dataclass field.

A key is a field of a frozen dataclass in model.py whose value is one of
the helpers below (`line("Account holder as the bank has it.")`). The
helper returns an ordinary `dataclasses.field` carrying a `Field` (kind,
description, limits) in its metadata, so the one line gives the attribute
the rest of the code reads, its type, its default and its place in the
format. `section_of(cls)` reads a dataclass back into the `Section` table
that the loader (build.py) walks and `restitution schema` (schema.py)
prints: nested sections come from the field's type (`Card | None`), lists
from `tuple[X, ...]`, the choices of an enum from its `Literal`.

Trade-off: the alternative, a separate table of keys that a code generator
or the loader turns into classes, keeps the model free of format metadata
but hides the attributes from the type checker and from a reader of
model.py; here the 21 classes of model.py stay plain dataclasses that mypy
checks, at the cost of one rule a reader must know: a field without
key metadata (`Exhibit.number`, `Case.where`) is computed, not read from
the file. Type checkers see every helper-declared field as having a
default (a helper is not `dataclasses.field` to them), so a constructor
call missing a required key is caught at run time, not by mypy; nothing
outside case/ constructs the model in src/ (assemble.py does, from the
checked tree).
"""
from __future__ import annotations

import dataclasses
import inspect
import types
from dataclasses import MISSING
from typing import Any, Callable, Literal, TypeVar, Union, get_args, get_origin, get_type_hints

from restitution.records import record

# The metadata key under which a dataclass field carries its `Field`.
KEY = "restitution.case.key"


@record
class Field:
    """What the case file allows for one key: the loader converts and checks by it."""

    kind: str  # see fields.CONVERTERS, plus "section" and "list"
    doc: str
    required: bool = False
    choices: tuple[str, ...] = ()
    places: int = 2  # decimal places allowed for "money" and "decimal"
    allow_zero: bool = False
    minimum: int | None = None
    maximum: int | None = None
    section: "Section | None" = None  # the entries of a "section" or a "list"
    nonempty: bool = False  # a "list" that needs at least one entry
    added: bool = False  # not in the shared format; documented under "Added keys"
    # Printed as written in Chinese documents when its `_zh` twin is absent, never
    # marked untranslated: names, addresses abroad, banks (pipeline/casetext.py).
    verbatim: bool = False

    @property
    def entries(self) -> "Section":
        """The section of a "section" or "list" key (a scalar key has none)."""
        if self.section is None:
            raise TypeError(f"a {self.kind} key has no section")
        return self.section


@record
class Section:
    title: str
    doc: str
    fields: dict[str, Field] = dataclasses.field(default_factory=dict)


def key(
    kind: str,
    doc: str,
    *,
    required: bool = False,
    filled_in: bool = False,
    default: Any = None,
    default_factory: Callable[[], Any] | None = None,
    kw_only: bool | None = None,
    choices: tuple[str, ...] = (),
    places: int = 2,
    allow_zero: bool = False,
    minimum: int | None = None,
    maximum: int | None = None,
    nonempty: bool = False,
    added: bool = False,
    verbatim: bool = False,
) -> Any:
    """A dataclass field that is a key of the case file.

    `required`: the file must give it (the attribute has no default).
    `filled_in`: the file may omit it, and the loader's conditions fill it in
    (a claim defaults to the payments), so the attribute has no default either.
    `kw_only`: keeps a positional constructor of older code working when a key
    is declared between positional ones. Returns `Any` so that the annotation
    of the attribute, not the helper, gives its type."""
    spec = Field(kind, doc, required=required, choices=choices, places=places, allow_zero=allow_zero,
                 minimum=minimum, maximum=maximum, nonempty=nonempty, added=added,
                 verbatim=verbatim)
    options: dict[str, Any] = {"metadata": {KEY: spec}}
    if kw_only is not None:
        options["kw_only"] = kw_only
    if required or filled_in:
        return dataclasses.field(**options)
    if default_factory is not None:
        return dataclasses.field(default_factory=default_factory, **options)
    return dataclasses.field(default=default, **options)


def text(doc: str, **kw: Any) -> Any:
    """Free text, possibly several lines."""
    return key("text", doc, **kw)


def line(doc: str, **kw: Any) -> Any:
    """Free text on one line (a name, a title)."""
    return key("line", doc, **kw)


def ident(doc: str, **kw: Any) -> Any:
    """An identifier kept exactly as written (account, phone, reference)."""
    return key("ident", doc, **kw)


def date(doc: str, **kw: Any) -> Any:
    return key("date", doc, **kw)


def flag(doc: str, **kw: Any) -> Any:
    """true or false; false when absent unless `default` says otherwise."""
    kw.setdefault("default", False)
    return key("bool", doc, **kw)


def money(doc: str, **kw: Any) -> Any:
    return key("money", doc, **kw)


def choice(doc: str, **kw: Any) -> Any:
    """One of fixed words; the choices are the field's `Literal` unless given."""
    return key("enum", doc, **kw)


def zh(of: str, **kw: Any) -> Any:
    """The `_zh` twin of free text."""
    return key("text", f"Chinese version of `{of}`; when absent, Chinese documents mark the English text as untranslated.", **kw)


def part(doc: str = "", **kw: Any) -> Any:
    """A nested mapping of keys; its class is the field's type. `doc` defaults to the class docstring."""
    return key("section", doc, **kw)


def entries(doc: str = "", **kw: Any) -> Any:
    """A list of nested mappings, typed `tuple[X, ...]`; empty when absent."""
    kw.setdefault("default", ())
    return key("list", doc, **kw)


T = TypeVar("T")


def section(title: str) -> Callable[[type[T]], type[T]]:
    """Mark a model class as a section of the case file titled `title`.

    Its docstring is the section's description. Put this decorator below
    `@dataclass`, so that it runs first and sees the docstring as written
    (a dataclass without one gets its signature as docstring)."""

    def mark(cls: type[T]) -> type[T]:
        doc = cls.__dict__.get("__doc__")
        if not doc:
            raise TypeError(f"{cls.__name__}: a section of the case file needs a docstring (its description)")
        setattr(cls, "__section__", (title, " ".join(inspect.cleandoc(doc).split())))
        return cls

    return mark


def section_of(cls: Any) -> Section:
    """The table of keys of a model class, read from its fields (see the module docstring)."""
    title, doc = cls.__section__
    hints = get_type_hints(cls)
    fields: dict[str, Field] = {}
    for f in dataclasses.fields(cls):
        spec = f.metadata.get(KEY)
        if spec is None:
            continue  # computed by the loader, not read from the file
        has_default = f.default is not MISSING or f.default_factory is not MISSING
        if spec.required and has_default:
            raise TypeError(f"{cls.__name__}.{f.name}: a required key cannot have a default")
        hint = hints[f.name]
        if spec.kind in ("section", "list"):
            inner = section_of(entry_class(hint, spec.kind, f"{cls.__name__}.{f.name}"))
            spec = dataclasses.replace(spec, doc=spec.doc or inner.doc, section=inner)
        elif spec.kind == "enum" and not spec.choices:
            spec = dataclasses.replace(spec, choices=_literal_choices(hint, f"{cls.__name__}.{f.name}"))
        fields[f.name] = spec
    return Section(title, doc, fields)


def _without_none(hint: Any) -> tuple[Any, ...]:
    if get_origin(hint) in (Union, types.UnionType):
        return tuple(a for a in get_args(hint) if a is not type(None))
    return (hint,)


def entry_class(hint: Any, kind: str, where: str) -> Any:
    """The model class of a section key typed `X | None`, or of a list key typed `tuple[X, ...]`."""
    (inner,) = _without_none(hint)
    if kind == "list":
        args = get_args(inner)
        if get_origin(inner) is not tuple or len(args) != 2 or args[1] is not Ellipsis:
            raise TypeError(f"{where}: a list key is typed tuple[X, ...], not {hint}")
        inner = args[0]
    if not hasattr(inner, "__section__"):
        raise TypeError(f"{where}: {inner} is not a section of the case file (@section)")
    return inner


def _literal_choices(hint: Any, where: str) -> tuple[str, ...]:
    (inner,) = _without_none(hint)
    if get_origin(inner) is not Literal:
        raise TypeError(f"{where}: an enum key is typed Literal[...] or given choices=")
    return tuple(get_args(inner))
