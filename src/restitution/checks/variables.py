"""Static checks of a template: every case attribute, filter and name it uses exists.

Jinja's own `meta` module only sees top-level names, so this walks the
template's syntax tree, following `case.…` attribute chains through the
dataclass types of the case model (and through ``{% for p in case.payments %}``
loops), so a misspelt ``case.supplier.nmae`` is found without rendering. A
document's template follows ``x.…`` the same way through the dataclass its
context returns (`restitution.documents.context_type`), when one is given.
"""
from __future__ import annotations

import dataclasses
import typing
from typing import Any, Iterator

from jinja2 import Environment, nodes

from restitution.case.model import Case, Exhibit
from restitution.records import record

# Names every template may use besides its own assignments.
CONTEXT_NAMES = {"case", "doc", "x", "_state", "loop", "caller", "varargs", "kwargs"}
DOC_ATTRS = {"key", "lang", "date", "title"}


@record
class Problem:
    template: str
    line: int
    message: str

    def __str__(self) -> str:
        return f"{self.template}:{self.line}: {self.message}"


_UNKNOWN = object()  # a value whose type we do not follow (x.…, macro arguments)


def _unwrap(tp: Any) -> Any:
    """Optional[X] → X; leaves tuple[X, ...] and plain types."""
    args = typing.get_args(tp)
    if typing.get_origin(tp) in (typing.Union, getattr(__import__("types"), "UnionType", None)):
        rest = [a for a in args if a is not type(None)]
        return rest[0] if len(rest) == 1 else _UNKNOWN
    return tp


def _element(tp: Any) -> Any:
    tp = _unwrap(tp)
    if typing.get_origin(tp) in (tuple, list):
        return _unwrap(typing.get_args(tp)[0])
    return _UNKNOWN


def _attr_type(owner: Any, name: str) -> tuple[bool, Any]:
    """(exists, type) of `owner.name` for a dataclass type `owner`."""
    if not (isinstance(owner, type) and dataclasses.is_dataclass(owner)):
        return True, _UNKNOWN
    hints = typing.get_type_hints(owner)
    if name in hints:
        return True, _unwrap(hints[name])
    member = getattr(owner, name, None)
    if isinstance(member, property):
        ret = typing.get_type_hints(member.fget).get("return", _UNKNOWN)
        return True, _unwrap(ret)
    if callable(member):
        return True, _UNKNOWN
    return False, None


def _suggest(owner: type, name: str) -> str:
    import difflib

    known = list(typing.get_type_hints(owner)) + [
        n for n, v in vars(owner).items() if isinstance(v, property)
    ]
    near = difflib.get_close_matches(name, known, n=1)
    return f"; did you mean {near[0]!r}?" if near else ""


class _Walker:
    def __init__(self, env: Environment, template: str, x_type: Any = None):
        self.env = env
        self.template = template
        self.x_type = x_type if x_type is not None else _UNKNOWN
        self.problems: list[Problem] = []

    def problem(self, node: nodes.Node, message: str) -> None:
        self.problems.append(Problem(self.template, getattr(node, "lineno", 0) or 0, message))

    # -- types of expressions
    def type_of(self, node: nodes.Node, scope: dict[str, Any]) -> Any:
        if isinstance(node, nodes.Name):
            if node.name == "case":
                return Case
            if node.name == "x" and "x" not in scope:
                return self.x_type
            return scope.get(node.name, _UNKNOWN)
        if isinstance(node, nodes.Getattr):
            owner = self.type_of(node.node, scope)
            if isinstance(node.node, nodes.Name) and node.node.name == "doc":
                if node.attr not in DOC_ATTRS:
                    self.problem(node, f"doc has no attribute {node.attr!r} (it has {', '.join(sorted(DOC_ATTRS))})")
                return _UNKNOWN
            if owner is _UNKNOWN:
                return _UNKNOWN
            ok, tp = _attr_type(owner, node.attr)
            if not ok:
                self.problem(node, f"{owner.__name__} has no attribute {node.attr!r}{_suggest(owner, node.attr)}")
                return _UNKNOWN
            return tp
        if isinstance(node, nodes.Getitem):
            return _element(self.type_of(node.node, scope))
        if isinstance(node, nodes.Call) and isinstance(node.node, nodes.Name) and node.node.name == "exhibits":
            return tuple[Exhibit, ...]
        if isinstance(node, nodes.Filter) and node.name in ("sort", "reverse", "list", "unique", "selectattr",
                                                             "rejectattr") and node.node is not None:
            return self.type_of(node.node, scope)
        return _UNKNOWN

    # -- the walk
    def walk(self, node: nodes.Node, scope: dict[str, Any]) -> None:
        if isinstance(node, nodes.For):
            self.walk(node.iter, scope)
            inner = dict(scope)
            elem = _element(self.type_of(node.iter, scope))
            for target in _names(node.target):
                inner[target] = elem if isinstance(node.target, nodes.Name) else _UNKNOWN
            for child in node.body + node.else_:
                self.walk(child, inner)
            if node.test is not None:
                self.walk(node.test, inner)
            return
        if isinstance(node, (nodes.Macro, nodes.CallBlock)):
            if isinstance(node, nodes.Macro):
                scope[node.name] = _UNKNOWN
            inner = dict(scope)
            for arg in getattr(node, "args", []):
                inner[arg.name] = _UNKNOWN
            for child in node.iter_child_nodes():
                self.walk(child, inner)
            return
        if isinstance(node, (nodes.Assign, nodes.AssignBlock)):
            for name in _names(node.target):
                scope[name] = _UNKNOWN
        if isinstance(node, (nodes.Import, nodes.FromImport)):
            if isinstance(node, nodes.Import):
                scope[node.target] = _UNKNOWN
            else:
                for n in node.names:
                    scope[n[1] if isinstance(n, tuple) else n] = _UNKNOWN
        if isinstance(node, nodes.Filter) and node.name not in self.env.filters:
            self.problem(node, f"unknown filter {node.name!r}")
        if isinstance(node, nodes.Test) and node.name not in self.env.tests:
            self.problem(node, f"unknown test {node.name!r}")
        if isinstance(node, nodes.Name) and node.ctx == "load":
            if (node.name not in scope and node.name not in CONTEXT_NAMES
                    and node.name not in self.env.globals):
                self.problem(node, f"unknown variable {node.name!r}")
        if isinstance(node, (nodes.Getattr, nodes.Getitem)):
            self.type_of(node, scope)
            # still visit inner expressions (arguments of calls, subscripts)
        for child in node.iter_child_nodes():
            if isinstance(node, nodes.Getattr) and child is node.node:
                if isinstance(child, (nodes.Getattr, nodes.Getitem)):
                    continue  # already followed by type_of
            self.walk(child, scope)


def _names(target: nodes.Node) -> Iterator[str]:
    if isinstance(target, nodes.Name):
        yield target.name
    elif isinstance(target, nodes.Tuple):
        for item in target.items:
            yield from _names(item)


def check_source(env: Environment, name: str, source: str, x_type: type | None = None) -> list[Problem]:
    """Problems in one template's source (syntax errors included); `x_type` is the
    dataclass of the document's context, whose fields ``x.…`` must name."""
    from jinja2 import TemplateSyntaxError

    try:
        tree = env.parse(source, name=name)
    except TemplateSyntaxError as exc:
        return [Problem(name, exc.lineno or 0, f"syntax error: {exc.message}")]
    walker = _Walker(env, name, x_type)
    walker.walk(tree, {})
    # One report per place: a chain can be reached twice (as expression and as child).
    seen: set[tuple[int, str]] = set()
    unique = []
    for p in walker.problems:
        if (p.line, p.message) not in seen:
            seen.add((p.line, p.message))
            unique.append(p)
    return unique
