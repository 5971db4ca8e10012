"""Chronology: "In the Charlie Puth singles chronology, which single came directly
before "X"?", and, typed, the year a neighbouring single came out.

"Directly" matters: every earlier single came "before" it, so only the neighbour
is right. Wrong options are the other singles of the series and its pool, never
the subject itself. A neighbour whose year the chronology gives is asked as a typed
year too (within the pack's :attr:`~base.Context.year_span`, never its
:attr:`~base.Context.usual_year`); the subject's own year is left to the release
date. Difficulty: medium; the year hard.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Chronology, ChronologyItem
from quiz.generators.base import Context, Generator, Slot, explain, question
from quiz.generators.distractors import enough, norm, pick, wrong_values
from quiz.generators.forms import numeric
from quiz.question import Question

NAME = "chronology"
YEAR = "single-year"


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
            span, year = ctx.year_span, fact.items[there].year
            if span is not None and ctx.askable_year(year):
                yield ctx.slot(fact, YEAR, partial(_build_year, fact, there, span), variant)


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


def _build_year(fact: Chronology, there: int, span: tuple[int, int], slot: Slot,
                rng: random.Random) -> Question:
    item = fact.items[there]
    assert item.year is not None
    return numeric(
        slot, difficulty="hard", prompt=f'In which year did the single "{item.title}" come out?',
        # The value is the bare year, as the date-year questions give theirs: any other
        # text of the game that writes it (a timeline's "December 10, 2015") would
        # hint at the number typed. The pack's usual year is never asked here, so this
        # keeps apart only the few texts that write a neighbour's year.
        number=item.year, low=span[0], high=span[1], value=str(item.year),
        explanation=explain(f'"{item.title}" came out as a single in {item.year}.'),
    )


GENERATOR = Generator("chronology", slots)
