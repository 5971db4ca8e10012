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

from quiz.generators.base import Context, Slot, explain, question
from quiz.generators.distractors import enough, norm, pick

NAME = "comparison"
#: Rows among this many best distinct positions of a group get a question.
TOP = 3


def slots(ctx: Context) -> Iterator[Slot]:
    """Comparison questions per chart type and year."""
    for group in ctx.chart_groups.values():
        best = sorted({entry.position for entry in group})[:TOP]
        for entry in group:
            if entry.position not in best:
                continue
            right = {norm(e.chart) for e in group if e.position <= entry.position}
            worse = [e for e in group if e.position > entry.position and norm(e.chart) not in right]
            unique = {norm(e.chart): e for e in worse}
            if enough(list(unique)):
                slot_id = ctx.slot_id(entry.id, NAME)
                yield Slot(slot_id, ctx.pack.id, entry.category, entry.id, NAME,
                           partial(_build, ctx, entry, list(unique.values()), slot_id))


def _build(ctx, entry, worse, slot_id: str, rng: random.Random):
    chosen = pick(rng, worse)
    if entry.type == "weekly":
        prompt = (f"On which of these charts did {ctx.song} have its best weekly peak "
                  f"in {entry.year}?")
        noun = f"{entry.year} weekly peaks"
    else:
        prompt = f"On which of these {entry.year} year-end charts did {ctx.song} rank highest?"
        noun = f"{entry.year} year-end positions"
    shown = sorted([entry, *chosen], key=lambda e: e.position)
    places = "; ".join(f"{e.chart}: {e.position}" for e in shown)
    return question(
        slot_id, ctx, category=entry.category, fact=entry.id, kind=NAME, difficulty="hard",
        prompt=prompt, answer=entry.chart, wrong=[e.chart for e in chosen], rng=rng,
        explanation=explain(f"Its {noun}: {places}.", *(e.source for e in shown)),
    )
