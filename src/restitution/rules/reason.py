"""What a rule says, as a key and its facts: worded per language at the edge.

A rule function or the plan returns ``Reason("rules.ta.not_ta_order")`` or
``Reason("rules.police.loss.known", amount=Figure(cny, 2), ...)`` instead of an
English and a Chinese sentence. The key names a phrase of the catalogues
(``templates/<lang>/phrases/<subject>.yaml``, `restitution.language.catalogue`);
the parameters are facts: numbers and money (`Figure`, `Money`), dates, day
counts, codes, citations and other reasons. `word` turns one into text in the
catalogue's language, formatting each fact for it, so a firm's folder can
reword any sentence and a third language needs catalogue files, not code.

Trade-off: a `Reason` is worded (catalogue lookup, fields formatted) each
time it is printed: ``plan_to_json`` of the sample plan (tests/plan) takes
about 2 ms instead of 0.2 ms, ``plan_to_text`` about 1 ms (timeit, 50 runs),
in exchange for one home for every sentence. Dates inside sentences print as
the documents print dates (`restitution.formatting.format_date`: "1 November
2026", "2026年11月1日"), so a sentence of the plan reads like the deadline list
beside it; only the terminal's deadline table keeps ISO dates, for sorting.
"""
from __future__ import annotations

import datetime as dt
from dataclasses import field
from decimal import Decimal
from functools import lru_cache
from typing import Any, Iterable, Mapping, Protocol

from restitution.formatting import format_date, format_money, format_number
from restitution.language import Language, get
from restitution.language.catalogue import Catalogue, catalogue
from restitution.records import record


class Wordable(Protocol):
    def word(self, words: Catalogue) -> str: ...


@record
class Figure:
    """A number printed with grouped thousands and `places` decimals: "20,000", "177,500.00"."""

    value: Decimal | int
    places: int = 2

    def word(self, words: Catalogue) -> str:
        return format_number(Decimal(self.value), words.language.code, places=self.places)


@record
class Money:
    """An amount in its currency, as `restitution.formatting.format_money` prints it."""

    amount: Decimal
    currency: str

    def word(self, words: Catalogue) -> str:
        return format_money(self.amount, self.currency, words.language.code)


@record
class Series:
    """Items joined by the catalogue's list words (``<subject>.list.separator`` / ``.last``)."""

    items: tuple[Any, ...]
    subject: str = "plan"

    def word(self, words: Catalogue) -> str:
        parts = [say(item, words) for item in self.items]
        if len(parts) <= 1:
            return "".join(parts)
        sep = words(f"{self.subject}.list.separator")
        return sep.join(parts[:-1]) + words(f"{self.subject}.list.last") + parts[-1]


@record(init=False)
class Reason:
    """A catalogue key and the facts its phrase needs."""

    key: str
    params: tuple[tuple[str, Any], ...] = field(default=())

    def __init__(self, key: str, /, **params: Any) -> None:
        object.__setattr__(self, "key", key)
        object.__setattr__(self, "params", tuple(sorted(params.items())))

    @property
    def values(self) -> Mapping[str, Any]:
        return dict(self.params)

    def word(self, words: Catalogue) -> str:
        return words(self.key, **{name: say(value, words) for name, value in self.params})

    def __repr__(self) -> str:
        inner = "".join(f", {k}={v!r}" for k, v in self.params)
        return f"Reason({self.key!r}{inner})"


def say(value: Any, words: Catalogue) -> str:
    """`value` as text in the catalogue's language: a fact is formatted, a reason worded."""
    if hasattr(value, "word"):
        return value.word(words)
    if isinstance(value, bool):
        raise TypeError("a yes/no value has no words of its own: choose the phrase by it")
    if isinstance(value, dt.date):
        # As the documents print dates: a Chinese sentence never carries an ISO date.
        return format_date(value, words.language)
    if isinstance(value, (int, str)):
        return str(value)
    raise TypeError(f"cannot word a {type(value).__name__}: pass a Reason, Figure, Money, date, int or str")


def say_all(values: Iterable[Any], words: Catalogue) -> list[str]:
    return [say(v, words) for v in values]


@lru_cache(maxsize=8)
def bundled(language: Language | str) -> Catalogue:
    """The bundled catalogue of a language (no firm folder): the CLI's plan, and callers with no rendering."""
    from restitution.pipeline.templating import bundled_templates

    return catalogue(get(language), [bundled_templates()])


def words_for(lang: Language | str | Catalogue) -> Catalogue:
    """A catalogue as given, or the bundled one of a language or code."""
    return lang if isinstance(lang, Catalogue) else bundled(get(lang))


@record
class Sentences:
    """Sentences printed as one paragraph, joined by ``rules.sentence_separator`` (a space, or none in Chinese)."""

    items: tuple[Any, ...]

    def word(self, words: Catalogue) -> str:
        return words("rules.sentence_separator").join(say(item, words) for item in self.items)
