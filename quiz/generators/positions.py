"""Chart position questions: "What was the weekly peak of "X" on France (SNEP) in
2016?" / "Where did "X" rank on the 2016 year-end chart of UK Singles (...)?".

Wrong options are positions a few places away, within 1..size of that chart, never
a position any row of the same chart, type and year holds. Options are sorted.
Difficulty: hard (exact recall); medium for number one, which players remember.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.generators import charts
from quiz.generators.base import Context, Generator, Placed, Slot, question
from quiz.generators.distractors import enough, pick_around
from quiz.generators.truths import true_positions
from quiz.generators.values import near_positions
from quiz.question import Question

NAME = "position"


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per chart row with a known position."""
    for row in ctx.charts:
        taken = true_positions(ctx, row.entry)
        below, above = near_positions(row.position, row.entry.size)
        below = [p for p in below if p not in taken]
        above = [p for p in above if p not in taken]
        if not enough(below + above) or len(taken) > 1:
            # Two different positions for one row is a pack error: ask nothing.
            continue
        yield ctx.slot(row.entry, NAME, partial(_build, ctx, row, below, above))


def prompt(ctx: Context, row: Placed) -> str:
    """The question for a row."""
    entry = row.entry
    if entry.type == "weekly":
        return f"What was the weekly peak position of {ctx.song} on {entry.chart} in {entry.year}?"
    return f"Where did {ctx.song} rank on the {entry.year} year-end chart of {entry.chart}?"


def _build(ctx: Context, row: Placed, below: list[int], above: list[int], slot: Slot,
           rng: random.Random) -> Question:
    wrong = [str(p) for p in pick_around(rng, below, above)]
    return question(
        slot, difficulty="medium" if row.position == 1 else "hard",
        prompt=prompt(ctx, row), answer=str(row.position), wrong=wrong, rng=rng,
        explanation=charts.describe([row.entry]), order="sorted", key=int,
    )


GENERATOR = Generator("positions", slots)
