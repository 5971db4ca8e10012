"""Comparison: "On which of these charts did "X" have its best weekly peak in 2016?".

Only rows of the same type and year are compared, and the right row must be
strictly better (a lower number) than every other option, so there is one best.
One question per row among the three best distinct positions of its group, when at
least two strictly worse rows exist; which worse rows appear depends on the seed.
Difficulty: hard.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.generators.base import Context, Generator, Placed, Slot, explain, question
from quiz.generators.distractors import enough, norm, pick
from quiz.question import Question

NAME = "comparison"
#: Rows among this many best distinct positions of a group get a question.
TOP = 3


def slots(ctx: Context) -> Iterator[Slot]:
    """Comparison questions per chart type and year."""
    for group in ctx.chart_groups.values():
        best = sorted({row.position for row in group})[:TOP]
        for row in group:
            if row.position not in best:
                continue
            right = {norm(r.entry.chart) for r in group if r.position <= row.position}
            worse = [r for r in group
                     if r.position > row.position and norm(r.entry.chart) not in right]
            unique = {norm(r.entry.chart): r for r in worse}
            if enough(unique):
                yield ctx.slot(row.entry, NAME, partial(_build, ctx, row, list(unique.values())))


def _build(ctx: Context, row: Placed, worse: list[Placed], slot: Slot,
           rng: random.Random) -> Question:
    entry = row.entry
    chosen = pick(rng, worse)
    if entry.type == "weekly":
        prompt = (f"On which of these charts did {ctx.song} have its best weekly peak "
                  f"in {entry.year}?")
        noun = f"{entry.year} weekly peaks"
    else:
        prompt = f"On which of these {entry.year} year-end charts did {ctx.song} rank highest?"
        noun = f"{entry.year} year-end positions"
    shown = sorted([row, *chosen], key=lambda r: r.position)
    places = "; ".join(f"{r.entry.chart}: {r.position}" for r in shown)
    return question(
        slot, difficulty="hard",
        prompt=prompt, answer=entry.chart, wrong=[r.entry.chart for r in chosen], rng=rng,
        explanation=explain(f"Its {noun}: {places}.", *(r.entry.source for r in shown)),
        asks=[r.entry for r in shown],
    )


GENERATOR = Generator("comparison", slots)
