"""Putting together the questions players answer without picking: put items in order,
type a number, type words.

Each builder takes what the slot decided (id, category, fact, kind, source, spoiler
facts, as :func:`base.question` does) plus what only this type needs, and refuses a
question that would give a free point or have two right answers
(:class:`base.Unaskable`): an order whose items read alike, a number outside the
range a player may type, typed words that another fact's value would also match.
"""

from __future__ import annotations

import random
from collections.abc import Iterable, Sequence

from quiz.facts import FactBase
from quiz.generators.base import Slot, Unaskable, spoilers
from quiz.generators.distractors import norm
from quiz.grading import normalise
from quiz.question import Question, QuestionType

#: How many items an order question shows, at least and at most.
ORDER_ITEMS = (3, 5)


def ordered(slot: Slot, *, difficulty: str, prompt: str, items: Sequence[str],
            rng: random.Random, explanation: str, source: str | None = None,
            asks: Iterable[FactBase] = ()) -> Question:  # fmt: skip
    """An order question: ``items`` are given in the right order and shown shuffled,
    never already in order (that would be a free point)."""
    if not ORDER_ITEMS[0] <= len(items) <= ORDER_ITEMS[1]:
        raise Unaskable(f"{slot.id}: an order question needs 3 to 5 items, not {len(items)}")
    if len({norm(item) for item in items}) < len(items):
        raise Unaskable(f"{slot.id}: two items read alike")
    shown = list(range(len(items)))
    while shown == sorted(shown):
        rng.shuffle(shown)
    # ``order[k]`` is the option index of the k-th item in the right order.
    order = tuple(shown.index(k) for k in range(len(items)))
    return _typed(slot, asks, source, "order", difficulty=difficulty, prompt=prompt,
                  options=tuple(items[k] for k in shown), explanation=explanation,
                  value="", order=order)  # fmt: skip


def numeric(slot: Slot, *, difficulty: str, prompt: str, number: float, low: float,
            high: float, explanation: str, value: str, unit: str = "",
            source: str | None = None) -> Question:  # fmt: skip
    """A number question: the answer ``number``, typed within ``low``..``high`` (the
    range a player may type, which also sets how close earns points, see
    :mod:`quiz.grading`). ``value`` is the answer as the explanation writes it ("46th",
    "2017"), for the spoiler check."""
    if not low <= number <= high or low >= high:
        raise Unaskable(f"{slot.id}: {number} is not inside {low}..{high}")
    return _typed(slot, (), source, "number", difficulty=difficulty, prompt=prompt,
                  options=(), explanation=explanation, value=value, number=float(number),
                  low=float(low), high=float(high), unit=unit)  # fmt: skip


def typed(slot: Slot, *, difficulty: str, prompt: str, text: str, explanation: str,
          accept: Iterable[str] = (), reject: Iterable[str] = (),
          source: str | None = None) -> Question:  # fmt: skip
    """A text question: ``text`` is the answer, ``accept`` other spellings of it that
    count, ``reject`` the values of other facts of the same kind, which never count.
    A rejected value that reads like an accepted one is dropped from ``reject`` (it
    names the same thing), never from the accepted spellings."""
    good = {normalise(text)}
    spellings: list[str] = []
    for spelling in accept:
        if normalise(spelling) and normalise(spelling) not in good:
            good.add(normalise(spelling))
            spellings.append(spelling)
    kept: list[str] = []
    for value in reject:
        key = normalise(value)
        if key and key not in good and key not in {normalise(k) for k in kept}:
            kept.append(value)
    return _typed(slot, (), source, "text", difficulty=difficulty, prompt=prompt, options=(),
                  explanation=explanation, value=text, text=text, accept=tuple(spellings),
                  reject=tuple(kept))  # fmt: skip


def _typed(slot: Slot, asks: Iterable[FactBase], source: str | None, type_: QuestionType, *,
           difficulty: str, prompt: str, options: tuple[str, ...], explanation: str,
           value: str, order: tuple[int, ...] = (), number: float | None = None,
           low: float | None = None, high: float | None = None, unit: str = "",
           text: str = "", accept: tuple[str, ...] = (),
           reject: tuple[str, ...] = ()) -> Question:  # fmt: skip
    asked, revealed = spoilers(slot, asks)
    return Question(
        id=slot.id, pack=slot.pack, category=slot.category, difficulty=difficulty,
        prompt=prompt, options=options, answer=0, explanation=explanation, fact=slot.fact,
        kind=slot.kind, source=slot.source if source is None else source, asks=asked,
        reveals=revealed, value=value, type=type_, order=order, number=number, low=low,
        high=high, unit=unit, text=text, accept=accept, reject=reject,
    )  # fmt: skip


__all__ = ["ORDER_ITEMS", "numeric", "ordered", "typed"]
