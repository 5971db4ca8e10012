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

Options are sorted ascending. Difficulty: exact figures hard, "about" medium.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Duration, Number
from quiz.generators.base import Context, Generator, Slot, question
from quiz.generators.distractors import enough, pick_around
from quiz.generators.sentences import describe_duration, describe_number, render_number
from quiz.generators.truths import near_number, qualifier
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
        if enough(below + above):
            yield ctx.slot(fact, NAME, partial(_build_number, fact, below, above))
    for length in ctx.of(Duration):
        yield ctx.slot(length, DURATION, partial(_build_duration, ctx, length))


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
