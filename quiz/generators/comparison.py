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

from quiz.generators.base import Context, Generator, Placed, Slot, cite, explain, question
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
        best = f"Of these, its best {entry.year} weekly peak was number {row.position}"
    else:
        prompt = f"On which of these {entry.year} year-end charts did {ctx.song} rank highest?"
        best = f"Of these, it ranked highest at the end of {entry.year}: number {row.position}"
    # Only the answer's own place is told: the other charts' places are facts that
    # other questions ask.
    return question(
        slot, difficulty="hard",
        prompt=prompt, answer=entry.chart, wrong=[r.entry.chart for r in chosen], rng=rng,
        explanation=explain(f"{best}, on {entry.chart}."),
        source=cite(*(r.entry.source for r in [row, *chosen])),
        asks=[r.entry for r in [row, *chosen]],
    )


GENERATOR = Generator("comparison", slots)
