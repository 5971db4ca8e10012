"""Number and length questions: counts, minutes, ranks ("46th"), and lengths as m:ss.

Rules for Number facts, by ``qualifier``:

- ``exact``: wrong options are grid values (``step``) next to the value, within
  ``low``..``high`` (default: a range around the value that stays positive).
- ``about``: wrong options are clear multiples of the value (half, double, ...), each
  at least 25% away from it, so no wrong option is also "about" right.
- ``more-than``: the source gives only a lower bound ("over 3.3 billion views").
  Every smaller "more than" figure is then true too, and a larger exact figure might
  be the real one, so no multiple-choice question is made; only a true/false item
  (see :mod:`truefalse`) whose false form says "fewer than" half the figure.

A statement that says "over {value}" (or "more than", "at least", "above") makes
the fact a lower bound whatever its qualifier says: the words players read win.

Options are sorted ascending. Difficulty: exact figures hard, "about" medium.
"""

from __future__ import annotations

import random
import re
from collections.abc import Iterator
from functools import partial

from quiz.facts import Duration, Number
from quiz.generators.base import Context, Slot, explain, fill, question
from quiz.generators.distractors import enough, pick_around
from quiz.generators.values import (
    duration_key,
    format_duration,
    format_number,
    near_about,
    near_durations,
    near_exact,
    number_bounds,
)

NAME = "number"
DURATION = "duration"


LOWER_BOUND = re.compile(r"\b(?:over|more than|at least|above)\s+\{value\}", re.IGNORECASE)


def qualifier(fact: Number) -> str:
    """The fact's qualifier, or ``more-than`` when its statement words it as a lower
    bound (a pack that says ``about`` but writes "over {value}")."""
    if fact.qualifier != "more-than" and LOWER_BOUND.search(fact.statement or ""):
        return "more-than"
    return fact.qualifier


def render(fact: Number, value: float) -> str:
    """A value of this fact as an option: "15 minutes", "46th"."""
    return format_number(value, fact.step or 1, fact.unit, fact.ordinal)


def said(fact: Number) -> str:
    """The true figure as the source puts it: "about 15 minutes", "more than 20
    countries"."""
    prefix = {"about": "about ", "more-than": "more than "}.get(qualifier(fact), "")
    return prefix + render(fact, fact.value)


def near(fact: Number) -> tuple[list[float], list[float]]:
    """Wrong values below and above the fact's value, nearest first."""
    step = fact.step or 1
    about = qualifier(fact) == "about"
    low, high = number_bounds(fact.value, step, fact.low, fact.high, about)
    if about:
        return near_about(fact.value, step, low, high)
    return near_exact(fact.value, step, low, high)


def describe(fact: Number) -> str:
    """The fact as a sentence, for explanations."""
    if fact.statement:
        # The statement carries its own qualifier words ("about {value}").
        return explain(fill(fact.statement, render(fact, fact.value)), fact.source)
    return explain(f"The answer is {said(fact)}.", fact.source)


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per Number fact with a prompt (not ``more-than``) and per Duration."""
    for fact in ctx.of(Number):
        if not fact.ask or qualifier(fact) == "more-than":
            continue
        below, above = near(fact)
        if not enough(below + above):
            continue
        slot_id = ctx.slot_id(fact.id, NAME)
        yield Slot(slot_id, ctx.pack.id, fact.category, fact.id, NAME,
                   partial(_build_number, ctx, fact, below, above, slot_id))
    for fact in ctx.of(Duration):
        slot_id = ctx.slot_id(fact.id, DURATION)
        yield Slot(slot_id, ctx.pack.id, fact.category, fact.id, DURATION,
                   partial(_build_duration, ctx, fact, slot_id))


def _build_number(ctx, fact: Number, below, above, slot_id: str, rng: random.Random):
    values = {render(fact, v): v for v in [fact.value, *pick_around(rng, below, above)]}
    answer = render(fact, fact.value)
    return question(
        slot_id, ctx, category=fact.category, fact=fact.id, kind=NAME,
        difficulty="medium" if qualifier(fact) == "about" else "hard",
        prompt=fact.ask, answer=answer, wrong=[t for t in values if t != answer], rng=rng,
        explanation=describe(fact), order="sorted", key=values.__getitem__,
    )


def describe_duration(ctx: Context, fact: Duration) -> str:
    """The length as a sentence, for explanations."""
    answer = format_duration(fact.seconds)
    if fact.statement:
        return explain(fill(fact.statement, answer), fact.source)
    return explain(f"{ctx.song[0].upper()}{ctx.song[1:]} is {answer} long.", fact.source)


def _build_duration(ctx, fact: Duration, slot_id: str, rng: random.Random):
    answer = format_duration(fact.seconds)
    below, above = near_durations(fact.seconds)
    return question(
        slot_id, ctx, category=fact.category, fact=fact.id, kind=DURATION, difficulty="hard",
        prompt=fact.ask or f"How long is {ctx.song}?", answer=answer,
        wrong=pick_around(rng, below, above), rng=rng,
        explanation=describe_duration(ctx, fact), order="sorted", key=duration_key,
    )
