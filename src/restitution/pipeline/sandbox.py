"""The template sandbox: Jinja's, bounded in size, loop iterations and time.

A firm's templates come from a shared folder, so they are code from a less
trusted source. Jinja's `ImmutableSandboxedEnvironment` keeps them away from
Python internals; this subclass keeps them from exhausting the machine:

- every text a template makes holds at most `MAX_TEXT` characters and every
  list at most `MAX_ITEMS` items. Where the size is known before the work
  (``*``, ``+``, ``%`` and ``format`` widths, center/ljust/rjust/zfill,
  replace, join, indent, wordwrap, batch, slice, printing a list) it is
  checked first, so the large value is never built; every other call, filter,
  ``~`` and output is checked after.
- all the text one rendering makes, counted at every check, is at most
  `MAX_MADE` characters: per-value limits alone would let a loop keep many
  large values alive. The worst case is then about 4 bytes × `MAX_MADE`.
- all its for-loops together run at most `MAX_ITERATIONS` times (each
  ``range`` is also capped at Jinja's 100,000), and the rendering stops after
  `TIME_LIMIT` seconds of wall-clock time, checked at every loop iteration,
  call, filter, operator and output, so even work no other limit sees ends.
- nothing random: the ``random`` filter and ``lipsum`` are refused, as the
  same case and date must give the same bytes.

The numbers: the largest documents the loader accepts print 1.0 M characters
and make 3.1 M in all (a demand letter of fifty 20,000-character facts), and
run 3,009 iterations in 0.4 s (the evidence index of 1,000 exhibits), so the
limits leave margins of 5× (one value), 16× (all text), 300× (iterations)
and 12× (time). Each attack of issue 12 now ends within the limits in under
6 s and 65 MB (benchmarks/firm_limits.py, results in benchmarks/LIMITS.md).
A limit error names the template line and the limit, raised as `LimitError`.
"""
from __future__ import annotations

import functools
import re
import types
from decimal import Decimal
from typing import Any, Iterable, Iterator, Mapping, Sequence

from jinja2 import nodes
from jinja2.compiler import CodeGenerator
from jinja2.runtime import LoopContext, markup_join, str_join
from jinja2.sandbox import ImmutableSandboxedEnvironment, SandboxedFormatter
from markupsafe import EscapeFormatter, Markup

from restitution.pipeline.budget import (
    MAX_BITS,
    MAX_ITEMS,
    MAX_ITERATIONS,
    MAX_TEXT,
    LimitError,
    bounded_list,
    check_size,
    current,
    text_size,
    tick,
    too_long,
    too_many,
    want,
)

def _int_arg(value: Any, default: int = 0) -> int:
    return value if isinstance(value, int) and not isinstance(value, bool) else default


# %-formatting: the widths and precisions, and how many values it prints.
_PERCENT = re.compile(r"%(?:\([^)]*\))?[-#0 +]*(\*|\d+)?(?:\.(\*|\d+)?)?[hlL]?([a-zA-Z%])")


def check_percent(fmt: str, args: Any) -> None:
    """Refuse ``fmt % args`` before it runs when its result would be too long."""
    values = list(args.values()) if isinstance(args, dict) else list(args) if isinstance(args, tuple) else [args]
    biggest = max((text_size(v) for v in values), default=0)
    size = len(fmt)
    for m in _PERCENT.finditer(fmt):
        for number in m.group(1, 2):
            if number == "*":
                raise LimitError("a '*' width in %-formatting is not allowed in a template; write the width as a number")
            size += int(number or 0) if len(number or "") <= 9 else MAX_TEXT + 1
        size += biggest
        want(size, "the %-formatted text")


class _BoundedFormatter(SandboxedFormatter):
    """str.format in templates: each field's width and the whole result bounded."""

    def vformat(self, format_string: str, args: Sequence[Any], kwargs: Mapping[str, Any]) -> str:
        self._made = len(format_string)
        return super().vformat(format_string, args, kwargs)

    def format_field(self, value: Any, format_spec: str) -> Any:
        for number in re.findall(r"\d+", format_spec):
            if len(number) > 9 or int(number) > MAX_TEXT:
                raise too_long("the formatted text")
        want(text_size(value), "the formatted text")
        out = super().format_field(value, format_spec)
        self._made += len(out)
        want(self._made, "the formatted text")
        return out


class _BoundedEscapeFormatter(_BoundedFormatter, EscapeFormatter):
    pass


# ------------------------------------------------------------------ calls of str methods


def _check_text_method(name: str, s: str | bytes, args: tuple, kwargs: dict) -> None:
    """Refuse a str (or bytes) method call whose result would be too long, before it runs."""
    n = len(s)
    if name in ("center", "ljust", "rjust", "zfill"):
        want(max(n, _int_arg(args[0] if args else kwargs.get("width"))))
    elif name == "expandtabs":
        size = _int_arg(args[0] if args else kwargs.get("tabsize"), 8)
        tabs = s.count("\t") if isinstance(s, str) else s.count(b"\t")
        want(n + tabs * max(size, 1))
    elif name == "replace" and len(args) >= 2:
        old, new = args[0], args[1]
        count = _int_arg(args[2] if len(args) > 2 else kwargs.get("count"), -1)
        hits = s.count(old) if old else n + 1
        if count >= 0:
            hits = min(hits, count)
        want(n + hits * max(len(new) - len(old), 0))
    elif name == "join" and args:
        items = args[0]
        if isinstance(items, (list, tuple)):
            want(sum(len(i) if isinstance(i, (str, bytes)) else 0 for i in items) + n * max(len(items) - 1, 0))
    elif name == "translate" and args and isinstance(args[0], dict):
        longest = max((len(v) for v in args[0].values() if isinstance(v, (str, bytes))), default=1)
        want(n * max(longest, 1))
    # Any other width-like number (to_bytes, ljust of bytes...): no method of a
    # builtin type takes a legitimate argument this large.
    for a in (*args, *kwargs.values()):
        if isinstance(a, int) and not isinstance(a, bool) and a > MAX_TEXT:
            raise too_long()


# ------------------------------------------------------------------ code generation


class _Generator(CodeGenerator):
    """Jinja's code generator with every for-loop's iterable passed through
    ``environment.guard_loop`` and every ``~`` through ``environment.guard_concat``."""

    def visit_For(self, node: nodes.For, frame: Any) -> None:
        if not hasattr(self, "_loop_iters"):
            self._loop_iters: set[int] = set()
        self._loop_iters.add(id(node.iter))
        super().visit_For(node, frame)

    def visit(self, node: nodes.Node, *args: Any, **kwargs: Any) -> Any:
        if id(node) in getattr(self, "_loop_iters", ()):
            self._loop_iters.discard(id(node))
            self.write("environment.guard_loop(")
            super().visit(node, *args, **kwargs)
            self.write(")")
            return None
        return super().visit(node, *args, **kwargs)

    def visit_Concat(self, node: nodes.Concat, frame: Any) -> None:
        if frame.eval_ctx.volatile:
            markup = "context.eval_ctx.volatile"
        else:
            markup = "True" if frame.eval_ctx.autoescape else "False"
        self.write("environment.guard_concat((")
        for arg in node.nodes:
            self.visit(arg, frame)
            self.write(", ")
        self.write(f"), {markup})")


# ------------------------------------------------------------------ filters

# Jinja's filters that print their value (so a large list printed is refused first).
_PRINTING = frozenset("string e escape forceescape safe upper lower title capitalize trim striptags urlize "
                      "wordcount urlencode center indent wordwrap truncate format replace pprint tojson "
                      "xmlattr".split())
# Filters that make a list of their value: of a long text, one item per character.
_LISTING = frozenset("list sort unique reverse batch slice groupby map select reject selectattr "
                     "rejectattr dictsort".split())


def _check_filter(name: str, args: tuple, kwargs: dict) -> None:
    """Refuse a Jinja filter call whose result would be too large, before it runs."""
    if not args:
        return
    value, rest = args[0], args[1:]

    def arg(i: int, key: str, default: Any = None) -> Any:
        return rest[i] if len(rest) > i else kwargs.get(key, default)

    if name in _PRINTING:
        want(text_size(value))
    if name in _LISTING and isinstance(value, str) and len(value) > MAX_ITEMS:
        raise too_many()
    text = value if isinstance(value, str) else ""
    if name == "center":
        want(max(len(text), _int_arg(arg(0, "width", 80))))
    elif name == "indent":
        width = arg(0, "width", 4)
        size = len(width) if isinstance(width, str) else _int_arg(width)
        want(len(text) + (text.count("\n") + 1) * size)
    elif name == "wordwrap":
        width = max(_int_arg(arg(0, "width", 79), 1), 1)
        wrap = arg(2, "wrapstring") or "\n"
        want(len(text) + (len(text) // width + text.count("\n") + 1) * len(str(wrap)))
    elif name == "format":
        check_percent(str(value), kwargs or rest)
    elif name == "replace":
        _check_text_method("replace", text, (arg(0, "old", ""), arg(1, "new", ""), arg(2, "count", -1)), {})
    elif name in ("batch", "slice"):
        if _int_arg(arg(0, "linecount" if name == "batch" else "slices")) > MAX_ITEMS:
            raise too_many()
    elif name == "tojson":
        indent = _int_arg(arg(0, "indent"))
        want(text_size(value) * (1 + indent))
    elif name == "sum":
        start = arg(1, "start", 0)
        if not isinstance(start, (int, float, Decimal)):
            raise LimitError("sum adds numbers only in a template; join texts with the join filter")
    elif name == "truncate":
        want(len(text) + len(str(arg(2, "end", "..."))))


def _refused(what: str):
    def refuse(*args: Any, **kwargs: Any) -> Any:
        raise LimitError(f"{what} is not available in a template: the same case and date must give the same "
                         "document on every run; choose the value in the case file instead")
    return refuse


def guard_filter(name: str, func: Any) -> Any:
    """`func` (a filter) with its value and result held to the limits."""
    skip = 1 if getattr(func, "jinja_pass_arg", None) is not None else 0

    @functools.wraps(func)
    def guarded(*args: Any, **kwargs: Any) -> Any:
        tick()
        _check_filter(name, args[skip:], kwargs)
        return check_size(func(*args, **kwargs))

    return guarded


# ------------------------------------------------------------------ the environment


class BoundedSandbox(ImmutableSandboxedEnvironment):
    """Jinja's immutable sandbox with the limits of this module."""

    code_generator_class = _Generator
    intercepted_binops = frozenset(["*", "**", "+", "%"])

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        finalize = kwargs.pop("finalize", None)
        super().__init__(*args, **kwargs)
        if finalize is not None:
            self.finalize = self._guard_finalize(finalize)
        self.filters["random"] = _refused("the random filter")
        self.globals["lipsum"] = _refused("lipsum (random text)")

    def guard_filters(self) -> None:
        """Hold every filter to the limits; call once all filters are added."""
        self.filters = {name: guard_filter(name, f) for name, f in self.filters.items()}

    @staticmethod
    def _guard_finalize(finalize: Any) -> Any:
        @functools.wraps(finalize)
        def guarded(*args: Any) -> Any:
            tick()
            want(text_size(args[-1]))
            return check_size(finalize(*args))
        return guarded

    # -- the hooks the sandbox compiles into every template

    def guard_loop(self, iterable: Iterable[Any]) -> Iterator[Any]:
        budget = current()
        for item in iterable:
            if budget is not None:
                budget.iterations += 1
                if budget.iterations > MAX_ITERATIONS:
                    raise LimitError(f"the loops of this document ran more than {MAX_ITERATIONS:,} times in all, "
                                     "the limit for one document; look for nested loops over large ranges")
                budget.tick()
            yield item

    def guard_concat(self, parts: tuple, markup: bool) -> str:
        tick()
        want(sum(text_size(p) for p in parts))
        return check_size(markup_join(parts) if markup else str_join(parts))

    def concat(self, parts: Iterable[str]) -> str:
        """Joins every buffer: a macro's or a block's output, and the document's."""
        budget = current()
        out, total = [], 0
        for part in parts:
            total += len(part)
            try:
                if total > MAX_TEXT:
                    raise too_long("the template's output")
                if budget is not None:
                    budget.tick()
            except LimitError as error:
                if isinstance(parts, types.GeneratorType):
                    parts.throw(error)  # raised inside the template, so the error has its line
                raise
            out.append(part)
        if budget is not None:
            budget.spend(total)
        return "".join(out)

    def call_binop(self, context: Any, operator: str, left: Any, right: Any) -> Any:
        tick()
        if operator == "**" and isinstance(left, int) and isinstance(right, int):
            if right > 0 and max(abs(left).bit_length(), 1) * right > MAX_BITS:
                raise LimitError(f"the power {left} ** {right} would have more than {MAX_BITS:,} bits, "
                                 "the limit in a template")
        elif operator == "*":
            if isinstance(left, int) and isinstance(right, int):
                if left.bit_length() + right.bit_length() > MAX_BITS:
                    raise LimitError(f"a product would have more than {MAX_BITS:,} bits, the limit in a template")
            else:
                seq, n = (left, right) if isinstance(right, int) else (right, left)
                if isinstance(seq, (str, bytes)) and isinstance(n, int):
                    want(len(seq) * n, "the repeated text")
                elif isinstance(seq, (list, tuple)) and isinstance(n, int) and len(seq) * n > MAX_ITEMS:
                    raise too_many()
        elif operator == "+":
            if isinstance(left, (str, bytes)) and isinstance(right, (str, bytes)):
                want(len(left) + len(right))
            elif isinstance(left, (list, tuple)) and isinstance(right, (list, tuple)):
                if len(left) + len(right) > MAX_ITEMS:
                    raise too_many()
        elif operator == "%" and isinstance(left, str):
            check_percent(left, right)
        return check_size(super().call_binop(context, operator, left, right))

    def call(__self, __context: Any, __obj: Any, *args: Any, **kwargs: Any) -> Any:  # noqa: N805
        tick()
        owner = getattr(__obj, "__self__", None)
        if isinstance(owner, (str, bytes)) and isinstance(__obj, (types.BuiltinMethodType, types.MethodType)):
            if __obj.__name__ == "join" and args and not isinstance(args[0], (list, tuple)):
                args = (bounded_list(args[0]),) + args[1:]
            _check_text_method(__obj.__name__, owner, args, kwargs)
        elif isinstance(owner, int) and isinstance(__obj, types.BuiltinMethodType):
            _check_text_method(__obj.__name__, "", args, kwargs)
        if isinstance(__obj, LoopContext) and args:  # a recursive loop's next level
            args = (__self.guard_loop(args[0]),) + args[1:]
        return check_size(super().call(__context, __obj, *args, **kwargs))

    def wrap_str_format(self, value: Any) -> Any:
        """str.format and format_map through a formatter that bounds each field."""
        if not isinstance(value, (types.MethodType, types.BuiltinMethodType)) or \
                value.__name__ not in ("format", "format_map") or not isinstance(value.__self__, str):
            return None
        f_self = value.__self__
        formatter = (_BoundedEscapeFormatter(self, escape=f_self.escape) if isinstance(f_self, Markup)
                     else _BoundedFormatter(self))
        is_map = value.__name__ == "format_map"

        def wrapper(*args: Any, **kwargs: Any) -> str:
            if is_map:
                if kwargs or len(args) != 1:
                    raise TypeError("format_map() takes exactly one mapping")
                kwargs, args = args[0], ()
            return type(f_self)(formatter.vformat(f_self, args, kwargs))

        return functools.update_wrapper(wrapper, value)
