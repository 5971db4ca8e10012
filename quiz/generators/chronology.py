"""Chronology: "In the Charlie Puth singles chronology, which single came directly
before "X"?".

"Directly" matters: every earlier single came "before" it, so only the neighbour
is right. Wrong options are the other singles of the series and its pool, never
the subject itself. Difficulty: medium.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Chronology, ChronologyItem
from quiz.generators.base import Context, Generator, Slot, explain, question
from quiz.generators.distractors import enough, norm, pick, wrong_values
from quiz.question import Question

NAME = "chronology"


def _titled(item: ChronologyItem) -> str:
    return f"{item.title} ({item.year})" if item.year else item.title


def slots(ctx: Context) -> Iterator[Slot]:
    """A before and an after question per chronology, where those neighbours exist."""
    for fact in ctx.of(Chronology):
        titles = [norm(item.title) for item in fact.items]
        if norm(fact.current) not in titles:
            continue
        here = titles.index(norm(fact.current))
        for variant, there in (("before", here - 1), ("after", here + 1)):
            if not 0 <= there < len(fact.items):
                continue
            answer = fact.items[there].title
            candidates = [item.title for item in fact.items] + ctx.pool(fact.pool)
            wrong = wrong_values(candidates, [answer, fact.current])
            if enough(wrong):
                make = partial(_build, fact, variant, here, there, wrong)
                yield ctx.slot(fact, NAME, make, variant)


def _build(fact: Chronology, variant: str, here: int, there: int, wrong: list[str], slot: Slot,
           rng: random.Random) -> Question:
    series = f"the {fact.series} chronology" if fact.series else "its chronology"
    current = f'"{fact.items[here].title}"'
    which = "directly before" if variant == "before" else "directly after"
    # Only the answer's neighbour is told: the full order would answer the question
    # on the other side.
    return question(
        slot, difficulty="medium",
        prompt=f"In {series}, which single came {which} {current}?",
        answer=fact.items[there].title, wrong=pick(rng, wrong), rng=rng,
        explanation=explain(f"{_titled(fact.items[there])} came {which} {current}."),
    )


GENERATOR = Generator("chronology", slots)
