"""Attribute questions: "Which record label released the song?".

The prompt is the fact's own ``ask``. Wrong options come from the fact's pool with
every true value removed; when a fact has several true values (two genres), the
seed picks which one is offered and the others never appear. A fact whose value
is one of the song's artists (the lead artist, whose tour it was) is not asked: the
title screen names them, so the answer is the one famous name. An answer that alone
shares a telling word with the prompt is not asked (see
:func:`distractors.gives_away`). Difficulty: medium
(recognising a name among names).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Attribute
from quiz.generators.base import Context, Generator, Slot, question
from quiz.generators.distractors import enough, gives_away, pick, wrong_values
from quiz.generators.sentences import describe_attribute
from quiz.question import Question

NAME = "attribute"


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per attribute fact that has a prompt and enough wrong values."""
    for fact in ctx.of(Attribute):
        if not fact.ask or not fact.values:
            continue
        # "Who is the lead artist?" when the home screen says so: nothing to find.
        if any(ctx.on_title_screen(value) for value in fact.values):
            continue
        wrong = wrong_values(ctx.pool(fact.pool), fact.values)
        if any(gives_away(value, fact.ask, wrong, ctx.subject_words) for value in fact.values):
            continue
        if enough(wrong):
            yield ctx.slot(fact, NAME, partial(_build, fact, wrong))


def _build(fact: Attribute, wrong: list[str], slot: Slot, rng: random.Random) -> Question:
    return question(
        slot, difficulty="medium", prompt=fact.ask, answer=rng.choice(fact.values),
        wrong=pick(rng, wrong), rng=rng, explanation=describe_attribute(fact),
    )


GENERATOR = Generator(NAME, slots)
