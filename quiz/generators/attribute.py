"""Attribute questions: "Which record label released the song?".

The prompt is the fact's own ``ask``. Wrong options come from the fact's pool with
every true value removed; when a fact has several true values (two genres), the
seed picks which one is offered and the others never appear. Difficulty: medium
(recognising a name among names).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Attribute
from quiz.generators.base import Context, Slot, explain, fill, join_names, question
from quiz.generators.distractors import enough, pick, wrong_values

NAME = "attribute"


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per attribute fact that has a prompt and enough wrong values."""
    for fact in ctx.of(Attribute):
        if not fact.ask or not fact.values:
            continue
        wrong = wrong_values(ctx.pool(fact.pool), fact.values)
        if not enough(wrong):
            continue
        slot_id = ctx.slot_id(fact.id, NAME)
        yield Slot(slot_id, ctx.pack.id, fact.category, fact.id, NAME,
                   partial(_build, ctx, fact, wrong, slot_id))


def describe(fact: Attribute) -> str:
    """The fact as a sentence, for explanations."""
    values = join_names(fact.values)
    if fact.statement:
        return explain(fill(fact.statement, values), fact.source)
    return explain(f"The answer is {values}.", fact.source)


def _build(ctx: Context, fact: Attribute, wrong: list[str], slot_id: str, rng: random.Random):
    return question(
        slot_id, ctx, category=fact.category, fact=fact.id, kind=NAME, difficulty="medium",
        prompt=fact.ask, answer=rng.choice(fact.values), wrong=pick(rng, wrong), rng=rng,
        explanation=describe(fact),
    )
