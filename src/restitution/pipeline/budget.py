"""What one template rendering may cost, and how the size of a value is measured.

The limits (`MAX_TEXT` per value, `MAX_ITEMS` per list, `MAX_MADE` in all,
`MAX_ITERATIONS` loop steps, `TIME_LIMIT` seconds) and the `Budget` that one
rendering spends against them, kept in a context variable so that every hook
of the sandbox (`restitution.pipeline.sandbox`) reaches the rendering under
way. Sizes are estimated before a value is built where they can be
(`text_size`), and checked after otherwise (`check_size`). Why these numbers:
see the sandbox's docstring (margins of 5x to 300x over the largest real
documents).
"""
from __future__ import annotations

import contextvars
import dataclasses
import time
from typing import Any, Iterable

from jinja2.sandbox import SecurityError

MAX_TEXT = 5_000_000
MAX_ITEMS = 200_000
MAX_MADE = 50_000_000
MAX_ITERATIONS = 1_000_000
MAX_BITS = 100_000
TIME_LIMIT = 5.0  # seconds of wall-clock time per rendering (one document in one language)


class LimitError(SecurityError):
    """A template went over one of the limits; the message names it and what to do."""


def too_long(what: str = "a text") -> LimitError:
    return LimitError(f"{what} would be longer than {MAX_TEXT:,} characters, the limit for one value "
                      "in a template; look for a repetition, a width or a loop that keeps growing it")


def too_many() -> LimitError:
    return LimitError(f"a list would hold more than {MAX_ITEMS:,} items, the limit in a template; "
                      "look for a repetition or a loop that keeps growing it")


@dataclasses.dataclass
class Budget:
    """What one rendering has spent."""

    deadline: float
    made: int = 0
    iterations: int = 0

    def tick(self) -> None:
        if time.monotonic() > self.deadline:
            raise LimitError(f"the document took longer than {TIME_LIMIT:g} s to render, the limit for one "
                             "document; look for nested loops or work repeated in a loop")

    def spend(self, size: int) -> None:
        self.made += size
        if self.made > MAX_MADE:
            raise LimitError(f"the template made more than {MAX_MADE:,} characters of text in all, the limit "
                             "for one document; look for a loop that rebuilds a growing text")


_BUDGET: contextvars.ContextVar[Budget | None] = contextvars.ContextVar("restitution_budget", default=None)


def current() -> Budget | None:
    """The budget of the rendering under way, if any."""
    return _BUDGET.get()


def start_budget() -> contextvars.Token:
    """Start the budget of one rendering; pass the token to `end_budget`."""
    return _BUDGET.set(Budget(time.monotonic() + TIME_LIMIT))


def end_budget(token: contextvars.Token) -> None:
    _BUDGET.reset(token)


def tick() -> None:
    """Count a step against the time limit of the rendering under way."""
    budget = _BUDGET.get()
    if budget is not None:
        budget.tick()


# ------------------------------------------------------------------ sizes


def text_size(value: Any, limit: int = MAX_TEXT) -> int:
    """An upper estimate of ``len(str(value))``, stopping once past `limit`.

    ``str`` of a list repeats each item's text, so ``[s] * 100000`` printed
    would be 100,000 copies of `s`: the estimate walks containers (shared
    items counted each time they appear, as printing does)."""
    if isinstance(value, (str, bytes)):
        return len(value)
    total, stack = 0, [value]
    while stack and total <= limit:
        v = stack.pop()
        if isinstance(v, (str, bytes)):
            total += 2 * len(v) + 3  # repr inside a container: quotes, escapes
        elif isinstance(v, (list, tuple, set, frozenset)):
            total += 2 + 2 * len(v)
            stack.extend(v)
        elif isinstance(v, dict):
            total += 2 + 4 * len(v)
            stack.extend(v.keys())
            stack.extend(v.values())
        elif isinstance(v, int) and not isinstance(v, bool):
            total += v.bit_length() // 3 + 2
        elif dataclasses.is_dataclass(v) and not isinstance(v, type):
            fields = dataclasses.fields(v)
            total += 16 + 8 * len(fields)
            stack.extend(getattr(v, f.name) for f in fields)
        else:  # dates, decimals, functions and the like: short texts
            total += 64
    return total


def check_size(value: Any) -> Any:
    """`value`, once its size is within the limits (and counted against the budget)."""
    budget = _BUDGET.get()
    if isinstance(value, (str, bytes)):
        size = len(value)
        if size > MAX_TEXT:
            raise too_long()
    elif isinstance(value, (list, tuple, dict, set, frozenset)):
        size = len(value)
        if size > MAX_ITEMS:
            raise too_many()
    elif isinstance(value, int) and not isinstance(value, bool):
        if value.bit_length() > MAX_BITS:
            raise LimitError(f"a number would have more than {MAX_BITS:,} bits, the limit in a template")
        return value
    else:
        return value
    if budget is not None:
        budget.tick()
        budget.spend(size)
    return value


def want(size: int, what: str = "a text") -> None:
    """Refuse, before it is built, a text whose size is known to be over the limit."""
    if size > MAX_TEXT:
        raise too_long(what)


def bounded_list(items: Iterable[Any]) -> list[Any]:
    out: list[Any] = []
    for item in items:
        out.append(item)
        if len(out) > MAX_ITEMS:
            raise too_many()
    return out


def bounded_join(parts: Iterable[str], sep: str) -> str:
    """``sep.join(parts)``, refused as soon as the result would be too long."""
    out: list[str] = []
    total = 0
    for part in parts:
        total += len(part) + (len(sep) if out else 0)
        if total > MAX_TEXT:
            raise too_long("the joined text")
        out.append(part)
    return sep.join(out)
