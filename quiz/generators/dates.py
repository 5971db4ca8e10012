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
from quiz.generators.distractors import enough, pick_around
from quiz.generators.sentences import describe_date, written_date
from quiz.generators.values import date_key, near_dates, parse_date
from quiz.question import Question

NAME = "date"


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per Date fact with a prompt and dates around it to offer."""
    for fact in ctx.of(Date):
        if not fact.ask or not fact.value:
            continue
        below, above = near_dates(fact.value)
        if enough(below + above):
            yield ctx.slot(fact, NAME, partial(_build, fact, below, above))


def _build(fact: Date, below: list[str], above: list[str], slot: Slot,
           rng: random.Random) -> Question:
    day = parse_date(fact.value)[2] is not None
    return question(
        slot, difficulty="hard" if day else "medium",
        prompt=fact.ask, answer=written_date(fact), wrong=pick_around(rng, below, above),
        rng=rng, explanation=describe_date(fact), order="sorted", key=date_key,
    )


GENERATOR = Generator("dates", slots)
