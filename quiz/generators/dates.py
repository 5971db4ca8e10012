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
from quiz.generators.base import Context, Slot, explain, fill, question
from quiz.generators.distractors import pick_around
from quiz.generators.values import date_key, format_date, near_dates, parse_date

NAME = "date"


def written(fact: Date) -> str:
    """The fact's date as players read it: "May 24, 2016", "May 2016", "2016"."""
    return format_date(*parse_date(fact.value))


def describe(fact: Date) -> str:
    """The fact as a sentence, for explanations."""
    if fact.statement:
        return explain(fill(fact.statement, written(fact)), fact.source)
    return explain(f"The answer is {written(fact)}.", fact.source)


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per Date fact with a prompt."""
    for fact in ctx.of(Date):
        if not fact.ask or not fact.value:
            continue
        slot_id = ctx.slot_id(fact.id, NAME)
        yield Slot(slot_id, ctx.pack.id, fact.category, fact.id, NAME,
                   partial(_build, ctx, fact, slot_id))


def _build(ctx, fact: Date, slot_id: str, rng: random.Random):
    below, above = near_dates(fact.value)
    day = parse_date(fact.value)[2] is not None
    return question(
        slot_id, ctx, category=fact.category, fact=fact.id, kind=NAME,
        difficulty="hard" if day else "medium",
        prompt=fact.ask, answer=written(fact), wrong=pick_around(rng, below, above), rng=rng,
        explanation=describe(fact), order="sorted", key=date_key,
    )
