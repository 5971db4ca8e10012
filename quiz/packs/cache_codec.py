"""A pack as plain JSON values, and back again without trusting them.

An entry is read from bytes the program may not have written, so decoding checks
every value as :mod:`quiz.packs.specs` (derived from :data:`quiz.facts.KINDS`) says
the field holds, runs each kind's checks, and requires every text to be what the
loader's cleaning leaves (``quiz.text.clean``, then trimmed): a decoded entry can only
produce what validation could. Anything else raises :class:`BadEntry`.
"""

from __future__ import annotations

import dataclasses
import math
from collections.abc import Callable
from typing import Any

from quiz.facts import KINDS, ChronologyItem, Fact, HandQuestion, Pack, PackInfo, Subject, kind_of
from quiz.packs.problems import Problem
from quiz.packs.specs import (
    FACT_FIELDS,
    INFO_FIELDS,
    ITEM_FIELDS,
    MULTILINE,
    QUESTION_FIELDS,
    SUBJECT_FIELDS,
    Field,
)
from quiz.text import clean


class BadEntry(ValueError):
    """A cache entry that is not one this program writes."""


Check = Callable[[object], object]
Plain = list[Any]


def _text_check(multiline: bool) -> Check:
    def check(value: object) -> str:
        if type(value) is not str or clean(value, multiline=multiline).strip() != value:
            raise BadEntry("text that cleaning would change")
        return value

    return check


_TEXT = _text_check(False)


def _texts(value: object) -> tuple[str, ...]:
    if type(value) is not list:
        raise BadEntry("not a list of text")
    return tuple(_TEXT(item) for item in value)  # type: ignore[misc]


def _int(value: object) -> int:
    if type(value) is not int:
        raise BadEntry("not a whole number")
    return value


def _number(value: object) -> int | float:
    if type(value) is int or (type(value) is float and math.isfinite(value)):
        return value
    raise BadEntry("not a finite number")


def _flag(value: object) -> bool:
    if type(value) is not bool:
        raise BadEntry("not true or false")
    return value


def _choice(choices: tuple[str, ...]) -> Check:
    allowed = frozenset(choices)

    def check(value: object) -> str:
        if type(value) is not str or value not in allowed:
            raise BadEntry("not one of the choices")
        return value

    return check


def _nullable(inner: Check) -> Check:
    def check(value: object) -> object:
        return None if value is None else inner(value)

    return check


def _checker(field: Field) -> Check:
    simple: dict[str, Check] = {
        "int": _int, "number": _number, "bool": _flag, "texts": _texts, "pool": _texts,
        "pool-name": _TEXT, "items": _items,
    }  # fmt: skip
    if field.type == "text":
        check = _text_check(field.name in MULTILINE)
    elif field.type == "enum":
        check = _choice(field.choices)
    else:
        check = simple[field.type]
    return _nullable(check) if field.nullable else check


def _checkers(cls: type, fields: dict[str, Field]) -> tuple[Check, ...]:
    # The dataclass's field order, which is the order values are stored in; a field the
    # table does not describe would be a gap in the checks, so it stops the import.
    by_attribute = {("id" if name == "pack" else name): field for name, field in fields.items()}
    return tuple(_checker(by_attribute[f.name]) for f in dataclasses.fields(cls))


def _build(cls: type, checks: tuple[Check, ...], values: object) -> Any:
    if type(values) is not list or len(values) != len(checks):
        raise BadEntry(f"not the fields of {cls.__name__}")
    return cls(*[check(value) for check, value in zip(checks, values, strict=True)])


def _items(value: object) -> tuple[ChronologyItem, ...]:
    if type(value) is not list:
        raise BadEntry("not a list of items")
    return tuple(_build(ChronologyItem, _ITEM, item) for item in value)


_ITEM = _checkers(ChronologyItem, ITEM_FIELDS)
_FACTS = {kind: _checkers(spec.cls, FACT_FIELDS[kind]) for kind, spec in KINDS.items()}
_QUESTION = _checkers(HandQuestion, QUESTION_FIELDS)
_SUBJECT = _checkers(Subject, SUBJECT_FIELDS)
_INFO = _checkers(PackInfo, INFO_FIELDS)


def _values(obj: Any) -> Plain:
    return [getattr(obj, f.name) for f in dataclasses.fields(obj)]


def _plain(value: object) -> object:
    if type(value) is tuple:
        return [_values(item) if dataclasses.is_dataclass(item) else item for item in value]
    return value


def encode(pack: Pack, warnings: list[Problem]) -> Plain:
    """``pack`` and its load warnings as lists, strings and numbers (JSON's values)."""
    return [
        _values(pack.info),
        _values(pack.subject) if pack.subject else None,
        [[kind_of(fact).name, [_plain(v) for v in _values(fact)]] for fact in pack.facts],
        [[_plain(v) for v in _values(q)] for q in pack.questions],
        [[name, list(values)] for name, values in pack.pools.items()],
        [[w.line, w.column, w.message] for w in warnings if w.severity == "warning"],
    ]


def _fact(entry: object) -> Fact:
    if type(entry) is not list or len(entry) != 2 or type(entry[0]) is not str:
        raise BadEntry("not a fact")
    kind, values = entry
    spec = KINDS.get(kind)
    if spec is None:
        raise BadEntry("unknown fact kind")
    fact: Fact = _build(spec.cls, _FACTS[kind], values)
    if spec.check(_as_values(fact)):
        raise BadEntry(f"a {kind} fact its checks refuse")
    return fact


def _as_values(fact: Fact) -> dict[str, Any]:
    return {f.name: getattr(fact, f.name) for f in dataclasses.fields(fact)}


def _pools(value: object) -> dict[str, tuple[str, ...]]:
    if type(value) is not list:
        raise BadEntry("not a list of pools")
    pools: dict[str, tuple[str, ...]] = {}
    for entry in value:
        if type(entry) is not list or len(entry) != 2:
            raise BadEntry("not a pool")
        pools[_TEXT(entry[0])] = _texts(entry[1])  # type: ignore[index]
    return pools


def _warning(path: str, entry: object) -> Problem:
    if type(entry) is not list or len(entry) != 3:
        raise BadEntry("not a warning")
    line, column, message = entry
    return Problem(path, _int(line), _int(column), _TEXT(message), "warning")  # type: ignore[arg-type]


def decode(data: object, path: str) -> tuple[Pack, list[Problem]]:
    """The pack and warnings :func:`encode` made, read back as ``path``'s; raises
    :class:`BadEntry` for anything :func:`encode` could not have written."""
    if type(data) is not list or len(data) != 6:
        raise BadEntry("not a pack")
    info, subject, facts, questions, pools, warnings = data
    if type(facts) is not list or type(questions) is not list or type(warnings) is not list:
        raise BadEntry("not a pack")
    pack = Pack(
        _build(PackInfo, _INFO, info),
        None if subject is None else _build(Subject, _SUBJECT, subject),
        tuple(_fact(entry) for entry in facts),
        tuple(_build(HandQuestion, _QUESTION, q) for q in questions),
        _pools(pools),
        path=path,
    )
    return pack, [_warning(path, entry) for entry in warnings]
