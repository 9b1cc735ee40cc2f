"""`record`: a frozen dataclass whose comparison, hash and repr are shared, not generated.

A command that renders one document imports about 110 frozen dataclasses (the case
model, the document model, the rules) before it reads the case. For each,
`dataclasses.dataclass(frozen=True)` writes out and compiles six methods: 0.3 to 0.5 ms a
class on Python 3.11, some 40 ms of a 0.19 s render. Three of the six (`__eq__`,
`__hash__`, `__repr__`) depend on a class only through its list of fields, so `record`
defines them once, here, and has `dataclass` write the other three (`__init__`,
`__setattr__`, `__delattr__`, which must be the class's own for a frozen class): a class
costs about 40% less to make, and a one-document render about 11 ms less (BENCHMARKS.md,
session 23).

A `record` behaves as a ``@dataclass(frozen=True)`` class: it is a dataclass
(`dataclasses.fields`, `replace`, `asdict` work), equal to another of the same class with
equal fields of ``compare=True``, hashed on the fields `dataclass` would hash, shown as
``Name(field=value, …)``. A method the class body defines itself is kept. The cost moves
to the first comparison of a class (its fields are read once, then kept with it).
"""
from __future__ import annotations

import dataclasses
import operator
import reprlib
import typing
from typing import Any, Callable, TypeVar

T = TypeVar("T", bound=type)

# Per class: the values it is compared on, hashed on, and shown with.
_COMPARED: dict[type, Callable[[Any], tuple]] = {}
_HASHED: dict[type, Callable[[Any], tuple]] = {}


def _getter(names: tuple[str, ...]) -> Callable[[Any], tuple]:
    if not names:
        return lambda obj: ()
    get = operator.attrgetter(*names)
    return (lambda obj: (get(obj),)) if len(names) == 1 else get


def _compared(cls: type) -> Callable[[Any], tuple]:
    key = _COMPARED.get(cls)
    if key is None:
        key = _COMPARED[cls] = _getter(tuple(f.name for f in dataclasses.fields(cls) if f.compare))
    return key


def _hashed(cls: type) -> Callable[[Any], tuple]:
    key = _HASHED.get(cls)
    if key is None:
        # dataclass's rule: a field's own `hash` when given, else its `compare`
        names = tuple(f.name for f in dataclasses.fields(cls) if (f.compare if f.hash is None else f.hash))
        key = _HASHED[cls] = _getter(names)
    return key


def _eq(self: Any, other: Any) -> bool:
    if other.__class__ is not self.__class__:
        return NotImplemented
    key = _compared(self.__class__)
    return key(self) == key(other)


def _hash(self: Any) -> int:
    return hash(_hashed(self.__class__)(self))


@reprlib.recursive_repr()
def _repr(self: Any) -> str:
    shown = ", ".join(f"{f.name}={getattr(self, f.name)!r}" for f in dataclasses.fields(self) if f.repr)
    return f"{self.__class__.__qualname__}({shown})"


@typing.dataclass_transform(frozen_default=True, field_specifiers=(dataclasses.field, dataclasses.Field))
def record(cls: T | None = None, /, *, kw_only: bool = False, init: bool = True) -> Any:
    """``@record`` or ``@record(kw_only=True)``: as ``@dataclass(frozen=True, …)``."""

    def make(c: T) -> T:
        own = set(c.__dict__)
        # A class body that defines __eq__ and not __hash__ gets __hash__ = None from
        # Python; dataclass(frozen=True) then writes a __hash__, and so does this.
        own_hash = "__hash__" in own and c.__dict__["__hash__"] is not None
        made: Any = dataclasses.dataclass(c, frozen=True, eq=False, repr=False, kw_only=kw_only, init=init)
        if "__eq__" not in own:
            made.__eq__ = _eq
        if not own_hash:
            made.__hash__ = _hash
        if "__repr__" not in own:
            made.__repr__ = _repr
        return typing.cast(T, made)

    return make if cls is None else make(cls)
