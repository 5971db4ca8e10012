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
the fact a lower bound whatever its qualifier says: the words players read win
(see :func:`truths.qualifier`).

Options are sorted ascending. An exact figure whose options would bunch in a small
part of its range is typed instead (see :func:`typed_number`). Difficulty: exact
figures hard, "about" medium.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.fact_rules import check_number
from quiz.facts import Duration, Number
from quiz.generators.base import Context, Generator, Slot, question
from quiz.generators.distractors import SPREAD, enough, pick_around, spread_enough
from quiz.generators.forms import numeric
from quiz.generators.sentences import describe_duration, describe_number, render_number
from quiz.generators.truths import near_number, number_values, qualifier
from quiz.generators.values import duration_key, format_duration, near_durations
from quiz.question import Question

NAME = "number"
DURATION = "duration"


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per Number fact with a prompt (not ``more-than``) and per Duration."""
    for fact in ctx.of(Number):
        if not fact.ask or qualifier(fact) == "more-than":
            continue
        below, above = near_number(fact)
        if typed_number(fact, below, above):
            yield ctx.slot(fact, NAME, partial(_build_typed, fact))
        elif enough(below + above):
            yield ctx.slot(fact, NAME, partial(_build_number, fact, below, above))
    for length in ctx.of(Duration):
        yield ctx.slot(length, DURATION, partial(_build_duration, ctx, length))


def typed_number(fact: Number, below: list[float], above: list[float]) -> bool:
    """Whether the figure is typed rather than picked: an exact figure whose nearby
    wrong values would all sit in a small part of the range the pack gives for it
    (46th among 42nd to 50th, of 1st to 100th, is a coin toss; 3rd among 1st to 6th
    is a fair pick). Without a range there is nothing sensible to type within."""
    if qualifier(fact) != "exact" or not (fact.low or fact.high) or fact.low >= fact.high:
        return False
    if check_number(number_values(fact)):
        return False  # figures the rules refuse are never asked
    if not fact.low <= fact.value <= fact.high:
        return False
    near = [fact.value, *below[:SPREAD], *above[:SPREAD]]
    return not spread_enough(near, fact.low, fact.high)


def _build_typed(fact: Number, slot: Slot, rng: random.Random) -> Question:
    return numeric(
        slot, difficulty="hard", prompt=fact.ask, number=fact.value, low=fact.low,
        high=fact.high, unit="" if fact.ordinal else fact.unit,
        explanation=describe_number(fact), value=render_number(fact, fact.value),
    )


def _build_number(fact: Number, below: list[float], above: list[float], slot: Slot,
                  rng: random.Random) -> Question:
    values = {render_number(fact, v): v for v in [fact.value, *pick_around(rng, below, above)]}
    answer = render_number(fact, fact.value)
    return question(
        slot, difficulty="medium" if qualifier(fact) == "about" else "hard",
        prompt=fact.ask, answer=answer, wrong=[t for t in values if t != answer], rng=rng,
        explanation=describe_number(fact), order="sorted", key=values.__getitem__,
    )


def _build_duration(ctx: Context, fact: Duration, slot: Slot, rng: random.Random) -> Question:
    answer = format_duration(fact.seconds)
    below, above = near_durations(fact.seconds)
    return question(
        slot, difficulty="hard",
        prompt=fact.ask or f"How long is {ctx.song}?", answer=answer,
        wrong=pick_around(rng, below, above), rng=rng,
        explanation=describe_duration(ctx, fact), order="sorted", key=duration_key,
    )


GENERATOR = Generator("numbers", slots)
