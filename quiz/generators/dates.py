"""Date questions: "When was the song released as a single?".

A date known to the day or the month is picked among dates of its own precision a
few days/weeks or months away, sorted in time order. A date known only to the year
is typed instead, within the pack's :attr:`~base.Context.year_span`: four
neighbouring years were a guess, and years after the song's release made absurd
options for a "recorded in" question (never the pack's
:attr:`~base.Context.usual_year`, which players would guess). Difficulty: an exact
day or a typed year is hard, a month medium.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Date
from quiz.generators.base import Context, Generator, Slot, question
from quiz.generators.distractors import enough, pick_around
from quiz.generators.forms import numeric
from quiz.generators.sentences import describe_date, written_date
from quiz.generators.values import date_key, date_precision, near_dates, parse_date
from quiz.question import Question

NAME = "date"


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per Date fact with a prompt: typed for a year, picked otherwise."""
    for fact in ctx.of(Date):
        if not fact.ask or not fact.value:
            continue
        below, above = near_dates(fact.value)
        span = ctx.year_span
        if date_precision(fact.value) == "year":
            if span is not None and ctx.askable_year(parse_date(fact.value)[0]) and below:
                yield ctx.slot(fact, NAME, partial(_build_year, fact, span))
        elif enough(below + above):
            yield ctx.slot(fact, NAME, partial(_build, fact, below, above))


def _build(fact: Date, below: list[str], above: list[str], slot: Slot,
           rng: random.Random) -> Question:
    day = parse_date(fact.value)[2] is not None
    return question(
        slot, difficulty="hard" if day else "medium",
        prompt=fact.ask, answer=written_date(fact), wrong=pick_around(rng, below, above),
        rng=rng, explanation=describe_date(fact), order="sorted", key=date_key,
    )


def _build_year(fact: Date, span: tuple[int, int], slot: Slot, rng: random.Random) -> Question:
    year = parse_date(fact.value)[0]
    return numeric(slot, difficulty="hard", prompt=fact.ask, number=year, low=span[0],
                   high=span[1], explanation=describe_date(fact), value=str(year))


GENERATOR = Generator("dates", slots)
