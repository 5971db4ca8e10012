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
from dataclasses import dataclass
from typing import Any, TypeGuard

from quiz.facts import (
    KINDS,
    Attribution,
    ChronologyItem,
    Fact,
    HandQuestion,
    Pack,
    PackInfo,
    Subject,
    kind_of,
)
from quiz.packs.problems import Problem
from quiz.packs.question_rules import check_question
from quiz.packs.specs import (
    ATTRIBUTION,
    ATTRIBUTION_FIELDS,
    FACT_FIELDS,
    INFO_FIELDS,
    ITEM_FIELDS,
    MULTILINE,
    QUESTION_FIELDS,
    SUBJECT_FIELDS,
    Field,
)
from quiz.text import clean
from quiz.words import article


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


def _check_texts(texts: list[object], multiline: bool) -> None:
    """Every item is text that the loader's cleaning leaves as it is.

    Done for all the texts of an entry at once, in C loops: checked one field at a
    time, this was most of the cost of a cache hit. Only text that is not printable
    (rare: a multi-line explanation) goes through ``clean`` itself.
    """
    if not _all_text(texts):
        raise BadEntry("not text")
    # strip() returns the very string when it has nothing to remove, so the list
    # comparison is mostly identity checks.
    if list(map(str.strip, texts)) != texts:
        raise BadEntry("text with space at its ends")
    if "".join(texts).isprintable():
        return
    check = _text_check(multiline)
    for text in texts:
        check(text)


def _all_text(values: list[object]) -> TypeGuard[list[str]]:
    # set(map(type, ...)) runs in C: a generator testing each value would not.
    return set(map(type, values)) <= {str}


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


def _attribution(value: object) -> Attribution:
    """An attribution block, stored as the list of its texts."""
    if type(value) is not list or len(value) != len(ATTRIBUTION_FIELDS) or not _all_text(value):
        raise BadEntry("not an attribution")
    _check_texts(list(value), multiline=False)
    return Attribution(*value)


def _nullable(inner: Check) -> Check:
    def check(value: object) -> object:
        return None if value is None else inner(value)

    return check


_LISTS = ("texts", "pool")
_ONE_TEXT = ("text", "pool-name")


@dataclass(frozen=True)
class _Plan:
    """How to check the stored values of one dataclass: the positions of its one-line
    texts, multi-line texts and lists of text (checked in bulk), of its chronology
    items, and a check for each other position."""

    cls: type
    single: tuple[int, ...]
    multi: tuple[int, ...]
    lists: tuple[int, ...]
    items: tuple[int, ...]
    others: tuple[tuple[int, Check], ...]
    size: int


def _plan(cls: type, fields: dict[str, Field]) -> _Plan:
    # The dataclass's field order, which is the order values are stored in; a field the
    # table does not describe would be a gap in the checks, so it stops the import.
    by_attribute = {("id" if name == "pack" else name): field for name, field in fields.items()}
    single: list[int] = []
    multi: list[int] = []
    lists: list[int] = []
    items: list[int] = []
    others: list[tuple[int, Check]] = []
    for index, attribute in enumerate(dataclasses.fields(cls)):
        field = by_attribute[attribute.name]
        if field.type in _ONE_TEXT and not field.nullable:
            (multi if field.name in MULTILINE else single).append(index)
        elif field.type in _LISTS and not field.nullable:
            lists.append(index)
        elif field.type == "items" and not field.nullable:
            items.append(index)
        else:
            others.append((index, _checker(field)))
    size = len(dataclasses.fields(cls))
    return _Plan(cls, tuple(single), tuple(multi), tuple(lists), tuple(items), tuple(others), size)


def _checker(field: Field) -> Check:
    simple: dict[str, Check] = {"int": _int, "number": _number, "bool": _flag}
    if field.type in _ONE_TEXT:
        check = _text_check(field.name in MULTILINE)
    elif field.type == "enum":
        check = _choice(field.choices)
    elif field.type == "mapping":
        check = _attribution
    else:
        check = simple[field.type]
    return _nullable(check) if field.nullable else check


class _Decoder:
    """Builds dataclasses from stored values, gathering their texts to check at the end."""

    def __init__(self) -> None:
        self.single: list[object] = []
        self.multi: list[object] = []

    def build(self, plan: _Plan, values: object) -> Any:
        if type(values) is not list or len(values) != plan.size:
            raise BadEntry(f"not the fields of {plan.cls.__name__}")
        self.single.extend([values[i] for i in plan.single])
        self.multi.extend([values[i] for i in plan.multi])
        for i in plan.lists:
            values[i] = self.texts(values[i])
        for i in plan.items:
            values[i] = self.items(values[i])
        for i, check in plan.others:
            values[i] = check(values[i])
        return plan.cls(*values)

    def texts(self, value: object) -> tuple[Any, ...]:
        """A list of text as a tuple; its items are checked with the rest at the end."""
        if type(value) is not list:
            raise BadEntry("not a list of text")
        self.single.extend(value)
        return tuple(value)

    def items(self, value: object) -> tuple[ChronologyItem, ...]:
        if type(value) is not list:
            raise BadEntry("not a list of items")
        return tuple(self.build(_ITEM, item) for item in value)

    def check_texts(self) -> None:
        _check_texts(self.single, multiline=False)
        _check_texts(self.multi, multiline=True)


_ITEM = _plan(ChronologyItem, ITEM_FIELDS)
_FACTS = {kind: _plan(spec.cls, FACT_FIELDS[kind]) for kind, spec in KINDS.items()}
_QUESTION = _plan(HandQuestion, QUESTION_FIELDS)
_SUBJECT = _plan(Subject, SUBJECT_FIELDS)
_INFO = _plan(PackInfo, {**INFO_FIELDS, "attribution": ATTRIBUTION})


def _values(obj: Any) -> Plain:
    return [getattr(obj, f.name) for f in dataclasses.fields(obj)]


def _plain(value: object) -> object:
    if type(value) is Attribution:
        return _values(value)
    if type(value) is tuple:
        return [_values(item) if dataclasses.is_dataclass(item) else item for item in value]
    return value


def encode(pack: Pack, warnings: list[Problem]) -> Plain:
    """``pack`` and its load warnings as lists, strings and numbers (JSON's values)."""
    return [
        [_plain(v) for v in _values(pack.info)],
        _values(pack.subject) if pack.subject else None,
        [[kind_of(fact).name, [_plain(v) for v in _values(fact)]] for fact in pack.facts],
        [[_plain(v) for v in _values(q)] for q in pack.questions],
        [[name, list(values)] for name, values in pack.pools.items()],
        [[w.line, w.column, w.message] for w in warnings if w.severity == "warning"],
    ]


def _fact(decoder: _Decoder, entry: object) -> Fact:
    if type(entry) is not list or len(entry) != 2 or type(entry[0]) is not str:
        raise BadEntry("not a fact")
    kind, values = entry
    spec = KINDS.get(kind)
    if spec is None:
        raise BadEntry("unknown fact kind")
    fact: Fact = decoder.build(_FACTS[kind], values)
    if spec.check(_as_values(fact)):
        raise BadEntry(f"{article(kind)} fact its checks refuse")
    return fact


def _as_values(fact: Fact | HandQuestion) -> dict[str, Any]:
    return {f.name: getattr(fact, f.name) for f in dataclasses.fields(fact)}


def _question(decoder: _Decoder, entry: object) -> HandQuestion:
    question: HandQuestion = decoder.build(_QUESTION, entry)
    if check_question(_as_values(question)):
        raise BadEntry(f"a {question.type} question its rules refuse")
    return question


def _pools(decoder: _Decoder, value: object) -> dict[str, tuple[str, ...]]:
    if type(value) is not list:
        raise BadEntry("not a list of pools")
    pools: dict[str, tuple[str, ...]] = {}
    for entry in value:
        if type(entry) is not list or len(entry) != 2 or type(entry[0]) is not str:
            raise BadEntry("not a pool")
        decoder.single.append(entry[0])
        pools[entry[0]] = decoder.texts(entry[1])
    return pools


def _warning(decoder: _Decoder, path: str, entry: object) -> Problem:
    if type(entry) is not list or len(entry) != 3 or type(entry[2]) is not str:
        raise BadEntry("not a warning")
    line, column, message = entry
    decoder.single.append(message)
    return Problem(path, _int(line), _int(column), message, "warning")


def decode(data: object, path: str) -> tuple[Pack, list[Problem]]:
    """The pack and warnings :func:`encode` made, read back as ``path``'s; raises
    :class:`BadEntry` for anything :func:`encode` could not have written."""
    if type(data) is not list or len(data) != 6:
        raise BadEntry("not a pack")
    info, subject, facts, questions, pools, warnings = data
    if type(facts) is not list or type(questions) is not list or type(warnings) is not list:
        raise BadEntry("not a pack")
    decoder = _Decoder()
    pack = Pack(
        decoder.build(_INFO, info),
        None if subject is None else decoder.build(_SUBJECT, subject),
        tuple(_fact(decoder, entry) for entry in facts),
        tuple(_question(decoder, q) for q in questions),
        _pools(decoder, pools),
        path=path,
    )
    found = [_warning(decoder, path, entry) for entry in warnings]
    decoder.check_texts()
    return pack, found
