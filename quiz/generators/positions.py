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

from quiz.facts import ChartEntry
from quiz.generators import charts
from quiz.generators.base import Context, Slot, question
from quiz.generators.distractors import enough, pick_around
from quiz.generators.values import near_positions

NAME = "position"


def true_positions(ctx: Context, entry: ChartEntry) -> set[int]:
    """Every known position of this chart, type and year in the pack (normally one)."""
    return {other.position for other in ctx.charts if charts.same_row(other, entry)}


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per chart row with a known position."""
    for entry in ctx.charts:
        taken = true_positions(ctx, entry)
        below, above = near_positions(entry.position, entry.size)
        below = [p for p in below if p not in taken]
        above = [p for p in above if p not in taken]
        if not enough(below + above) or len(taken) > 1:
            # Two different positions for one row is a pack error: ask nothing.
            continue
        slot_id = ctx.slot_id(entry.id, NAME)
        yield Slot(slot_id, ctx.pack.id, entry.category, entry.id, NAME,
                   partial(_build, ctx, entry, below, above, slot_id))


def prompt(ctx: Context, entry: ChartEntry) -> str:
    """The question for a row."""
    if entry.type == "weekly":
        return f"What was the weekly peak position of {ctx.song} on {entry.chart} in {entry.year}?"
    return f"Where did {ctx.song} rank on the {entry.year} year-end chart of {entry.chart}?"


def _build(ctx, entry: ChartEntry, below, above, slot_id: str, rng: random.Random):
    wrong = [str(p) for p in pick_around(rng, below, above)]
    return question(
        slot_id, ctx, category=entry.category, fact=entry.id, kind=NAME,
        difficulty="medium" if entry.position == 1 else "hard",
        prompt=prompt(ctx, entry), answer=str(entry.position), wrong=wrong, rng=rng,
        explanation=charts.describe([entry]), order="sorted", key=int,
    )
