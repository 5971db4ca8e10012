"""Hand-written questions of the types that are not pick-one-of-several: true/false,
order, number and text (``type:`` in a pack's ``questions:`` list).

The validator has checked each item against its type's rules
(:mod:`quiz.packs.question_rules`); here it becomes a :class:`Question` of that type.
An order question's items are shuffled by seed, never into the right order (that
would be a free point); a text question never accepts the item's ``wrong`` values
or its pool's (near misses the author names), however close a typo comes.
"""

from __future__ import annotations

import random
from functools import partial

from quiz.facts import HandQuestion
from quiz.generators.base import Make, Slot, explain, spoilers
from quiz.question import Question, QuestionType, number_text


def make(item: HandQuestion, rejected: list[str]) -> Make:
    """How the slot of ``item`` (not a choice question) builds its question;
    ``rejected``: values a text answer never matches."""
    return partial(_build, item, tuple(rejected))


def _build(item: HandQuestion, rejected: tuple[str, ...], slot: Slot,
           rng: random.Random) -> Question:  # fmt: skip
    if item.type == "order":
        return _order(item, slot, rng)
    if item.type == "number":
        value = float(item.answer)
        return _typed(item, slot, "number", number_text(value, item.unit), number=value,
                      low=item.low, high=item.high, unit=item.unit)  # fmt: skip
    if item.type == "text":
        return _typed(item, slot, "text", item.answer, text=item.answer, accept=item.accept,
                      reject=rejected)  # fmt: skip
    # A statement is true or false whatever words other questions use: "True" in
    # their texts says nothing about it, so it has no value to hide.
    truth = 0 if item.answer == "True" else 1
    return _typed(item, slot, "truefalse", "", told=f"It is {item.answer.lower()}.",
                  options=("True", "False"), answer=truth)  # fmt: skip


def _order(item: HandQuestion, slot: Slot, rng: random.Random) -> Question:
    shown = list(item.items)
    # Never dealt already in order (the validator makes sure the items differ; one
    # built in code without its rules must not loop for ever).
    while shown == list(item.items) and len(set(shown)) > 1:
        rng.shuffle(shown)
    order = tuple(shown.index(entry) for entry in item.items)
    told = f"The right order: {', '.join(item.items)}."
    return _typed(item, slot, "order", "", told=told, options=tuple(shown),
                  order=order)  # fmt: skip


def _typed(item: HandQuestion, slot: Slot, kind: QuestionType, value: str, *,
           told: str = "", options: tuple[str, ...] = (), answer: int = 0,
           order: tuple[int, ...] = (), number: float | None = None,
           low: float | None = None, high: float | None = None, unit: str = "",
           text: str = "", accept: tuple[str, ...] = (),
           reject: tuple[str, ...] = ()) -> Question:  # fmt: skip
    """The question of ``slot``: what the slot decided (id, category, fact, spoiler
    facts) plus the item's own words; ``value`` is the answer other questions' texts
    must not hold ("" when no words can give it away); ``told``: the explanation
    when the item has none (default: the answer)."""
    asked, revealed = spoilers(slot, ())
    told = told or f"The answer is {value}."
    return Question(
        id=slot.id, pack=slot.pack, category=slot.category, difficulty=item.difficulty,
        prompt=item.prompt, options=options, answer=answer,
        explanation=explain(item.explanation or told), fact=slot.fact,
        kind=slot.kind, source=slot.source, asks=asked, reveals=revealed, value=value,
        type=kind, order=order, number=number, low=low, high=high, unit=unit, text=text,
        accept=accept, reject=reject,
    )  # fmt: skip
