"""Date questions: "When was the song released as a single?".

Options have the fact's own precision (a day, a month or a year) and are valid
dates a few days/weeks, months or years away; they are sorted in time order.
Difficulty: an exact day is hard, a month or a year medium.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Date
from quiz.generators.base import Context, Generator, Slot, question
from quiz.generators.distractors import pick_around
from quiz.generators.sentences import describe_date, written_date
from quiz.generators.values import date_key, near_dates, parse_date
from quiz.question import Question

NAME = "date"


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per Date fact with a prompt."""
    for fact in ctx.of(Date):
        if fact.ask and fact.value:
            yield ctx.slot(fact, NAME, partial(_build, fact))


def _build(fact: Date, slot: Slot, rng: random.Random) -> Question:
    below, above = near_dates(fact.value)
    day = parse_date(fact.value)[2] is not None
    return question(
        slot, difficulty="hard" if day else "medium",
        prompt=fact.ask, answer=written_date(fact), wrong=pick_around(rng, below, above),
        rng=rng, explanation=describe_date(fact), order="sorted", key=date_key,
    )


GENERATOR = Generator("dates", slots)
