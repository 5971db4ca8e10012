"""Chart position questions, answered by typing the number: "What was the weekly peak
position of "X" on France (SNEP) in 2016?" / "Where did "X" rank on the 2016 year-end
chart of UK Singles (...)?".

Picking among positions a few places apart was a coin toss (Italy 21/22/23/24), so
the player types the position instead, anywhere from 1 to the chart's size: that
range says nothing about the answer, and being a few places off still earns points
(see :mod:`quiz.grading`). A row with two positions for one chart, type and year (a
pack error) gets no question. Difficulty: hard (exact recall); medium for number one,
which players remember.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.generators import charts
from quiz.generators.base import Context, Generator, Placed, Slot
from quiz.generators.forms import numeric
from quiz.generators.truths import true_positions
from quiz.question import Question

NAME = "position"


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per chart row with a known position."""
    for row in ctx.charts:
        # A one-place chart leaves nothing to type but the answer.
        if len(true_positions(ctx, row.entry)) > 1 or max(row.entry.size, row.position) < 2:
            continue
        yield ctx.slot(row.entry, NAME, partial(_build, ctx, row))


def prompt(ctx: Context, row: Placed) -> str:
    """The question for a row."""
    entry = row.entry
    if entry.type == "weekly":
        return f"What was the weekly peak position of {ctx.song} on {entry.chart} in {entry.year}?"
    return f"Where did {ctx.song} rank on the {entry.year} year-end chart of {entry.chart}?"


def _build(ctx: Context, row: Placed, slot: Slot, rng: random.Random) -> Question:
    return numeric(
        slot, difficulty="medium" if row.position == 1 else "hard",
        prompt=prompt(ctx, row), number=row.position, low=1,
        high=max(row.entry.size, row.position), explanation=charts.describe([row.entry]),
        value=str(row.position),
    )


GENERATOR = Generator("positions", slots)
