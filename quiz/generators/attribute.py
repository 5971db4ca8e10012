"""Attribute questions: "Which record label released the song?".

The prompt is the fact's own ``ask``. Wrong options come from the fact's pool with
every true value removed; when a fact has several true values (two genres), the
seed picks which one is offered and the others never appear. A fact whose value
is one of the song's artists (the lead artist) is not asked: the title screen names
them, so the answer is the one famous name; unless a wrong value is the other artist,
who is then always among the options (whose tour the Revival Tour was: Gomez or
Puth). An answer that alone shares a telling word with the prompt is not asked (see
:func:`distractors.gives_away`). Difficulty: medium
(recognising a name among names).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Attribute
from quiz.generators.base import Context, Generator, Slot, question
from quiz.generators.distractors import (
    OPTIONS,
    enough,
    gives_away,
    pick,
    title_rivals,
    wrong_values,
)
from quiz.generators.sentences import describe_attribute
from quiz.question import Question

NAME = "attribute"


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per attribute fact that has a prompt and enough wrong values."""
    for fact in ctx.of(Attribute):
        if not fact.ask or not fact.values:
            continue
        wrong = wrong_values(ctx.pool(fact.pool), fact.values)
        if any(gives_away(value, fact.ask, wrong, ctx.subject_words) for value in fact.values):
            continue
        # "Who is the lead artist?" when the home screen says so: nothing to find.
        rivals = title_rivals(ctx.on_title_screen, fact.values, wrong)
        if rivals is not None and enough(wrong):
            yield ctx.slot(fact, NAME, partial(_build, fact, wrong, rivals))


def _build(fact: Attribute, wrong: list[str], rivals: list[str], slot: Slot,
           rng: random.Random) -> Question:
    others = pick(rng, [w for w in wrong if w not in rivals], OPTIONS - 1 - len(rivals))
    return question(
        slot, difficulty="medium", prompt=fact.ask, answer=rng.choice(fact.values),
        wrong=rivals + others, rng=rng, explanation=describe_attribute(fact),
    )


GENERATOR = Generator(NAME, slots)
