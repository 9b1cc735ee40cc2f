"""`record` behaves as `dataclass(frozen=True)`: each test compares a record with its twin."""
from __future__ import annotations

import dataclasses
import pickle
from dataclasses import dataclass, field

import pytest

from restitution.records import record


@record
class Money:
    amount: int
    currency: str = "CNY"
    note: str = field(default="", compare=False)
    tags: tuple[str, ...] = field(default=(), hash=False)
    secret: str = field(default="", repr=False)


@dataclass(frozen=True)
class MoneyTwin:
    amount: int
    currency: str = "CNY"
    note: str = field(default="", compare=False)
    tags: tuple[str, ...] = field(default=(), hash=False)
    secret: str = field(default="", repr=False)


def test_equal_on_the_compared_fields_of_the_same_class_only():
    assert Money(1) == Money(1, note="other")
    assert Money(1) != Money(2) and Money(1) != Money(1, "USD")
    assert Money(1) != MoneyTwin(1)  # another class, as for a dataclass
    assert (Money(1) == 1) is False


def test_hashed_as_a_dataclass_hashes():
    assert hash(Money(1, note="a")) == hash(Money(1, note="b"))
    assert hash(Money(1, tags=("a",))) == hash(Money(1, tags=("b",)))  # hash=False
    assert len({Money(1), Money(1), Money(2)}) == 2


def test_shown_as_a_dataclass_is():
    twin = repr(MoneyTwin(5, "USD", "n", ("t",), "s")).replace("MoneyTwin", "Money")
    assert repr(Money(5, "USD", "n", ("t",), "s")) == twin == "Money(amount=5, currency='USD', note='n', tags=('t',))"


def test_frozen_a_dataclass_and_picklable():
    m = Money(1)
    with pytest.raises(dataclasses.FrozenInstanceError):
        m.amount = 2  # type: ignore[misc]
    with pytest.raises(dataclasses.FrozenInstanceError):
        del m.amount  # type: ignore[misc]
    assert dataclasses.is_dataclass(m) and [f.name for f in dataclasses.fields(m)][:2] == ["amount", "currency"]
    assert dataclasses.replace(m, amount=3) == Money(3)
    assert pickle.loads(pickle.dumps(m)) == m
    assert Money.__match_args__ == MoneyTwin.__match_args__


@record(kw_only=True)
class Base:
    lang: str | None = None


@record
class Child(Base):
    text: str


def test_keyword_only_fields_and_subclasses():
    with pytest.raises(TypeError):
        Base("en")  # type: ignore[misc]
    c = Child("x", lang="zh")
    assert c == Child("x", lang="zh") and c != Child("x", lang="en")
    assert repr(c) == "Child(lang='zh', text='x')"
    assert Child("x") != Base()


@record
class OwnMethods:
    value: int

    def __eq__(self, other: object) -> bool:
        return isinstance(other, OwnMethods) and abs(self.value - other.value) < 10

    def __repr__(self) -> str:
        return "own"


def test_a_class_keeps_the_methods_it_defines():
    assert OwnMethods(1) == OwnMethods(5)
    assert repr(OwnMethods(1)) == "own"
    hash(OwnMethods(1))  # as dataclass(frozen=True) does, a __hash__ is given


@record
class Node:
    children: list


def test_a_record_that_contains_itself_is_shown():
    n = Node([])
    n.children.append(n)
    assert repr(n) == "Node(children=[...])"


@record(init=False)
class Made:
    value: int

    def __init__(self, raw: str):
        object.__setattr__(self, "value", int(raw))


def test_a_class_with_its_own_init():
    assert Made("3") == Made("3") and Made("3").value == 3


def test_the_package_makes_its_frozen_dataclasses_with_record():
    """The start-up time `record` saves (its module's text) is lost again by each class made with
    `dataclass(frozen=True)`: a render imports most of them."""
    import re
    from pathlib import Path

    import restitution

    src = Path(restitution.__file__).parent
    pattern = re.compile(r"^\s*@(?:dataclasses\.)?dataclass\((?=[^)]*frozen=True)", re.M)
    found = [str(p.relative_to(src)) for p in sorted(src.rglob("*.py")) if pattern.search(p.read_text("utf-8"))]
    assert found == []
