"""Award questions: "In which category was "X" up for an award at the 2017 MTV Video
Music Awards?" and "In which year was "X" up for Choice Break-Up Song at the Teen
Choice Awards?".

"Up for" covers won, nominated and a blank result, so a blank result in the source
is never turned into a claim. Right categories are *all* categories the pack lists
for that show and year (one show may list two; it is asked once, about its first
listing). The year is typed, not picked (four neighbouring years were a coin toss,
and the pack's last years made the answer's place among them predictable), within
the pack's :attr:`~base.Context.year_span`; it is asked only where the show listed
the category in one year, so one year is right, and never when the answer is the
pack's :attr:`~base.Context.usual_year`.
Difficulty: category medium, year hard.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Award
from quiz.generators.base import Context, Generator, Slot, explain, question
from quiz.generators.distractors import enough, gives_away, norm, pick, wrong_values
from quiz.generators.forms import numeric
from quiz.question import Question

CATEGORY = "award"
YEAR = "award-year"


def named(award: str) -> str:
    """A category as it reads after "up for": "Best Collaboration", but "the One
    Billion Streams Award" (a name that ends in "Award" needs its article)."""
    return f"the {award}" if award.casefold().split()[-1:] == ["award"] else award


def describe(award: Award) -> str:
    """The listing as a sentence, for explanations."""
    # Who it lost to is left out: a question of its own may ask that.
    verb = {"won": "won", "nominated": "was nominated for"}.get(award.result or "",
                                                               "was up for")
    return explain(f"It {verb} {named(award.award)} at the {award.year} "
                   f"{award.organization}.")


def _same_show(a: Award, b: Award) -> bool:
    return norm(a.organization) == norm(b.organization)


def slots(ctx: Context) -> Iterator[Slot]:
    """A category question and a year question per award listing."""
    shows: set[tuple[str, int]] = set()
    for award in ctx.awards:
        if not award.award or not award.organization:
            continue
        right = [a.award for a in ctx.awards if _same_show(a, award) and a.year == award.year]
        wrong = wrong_values((a.award for a in ctx.awards), right)
        # One category question per show and year: a show listing two categories would
        # otherwise ask the same prompt twice with different answers.
        show = (norm(award.organization), award.year)
        several = len(right) > 1
        if enough(wrong) and show not in shows and not any(
                gives_away(r, category_prompt(ctx, award, several), wrong, ctx.subject_words)
                for r in right):
            shows.add(show)
            make = partial(_build_category, ctx, award, several, wrong)
            yield ctx.slot(award, CATEGORY, make,
                           asks=[a for a in ctx.awards
                                 if _same_show(a, award) and a.year == award.year])
        listed = [a for a in ctx.awards
                  if _same_show(a, award) and norm(a.award) == norm(award.award)]
        span = ctx.year_span
        # A category the show listed in two years has two right years to type.
        if (span is not None and ctx.askable_year(award.year)
                and {a.year for a in listed} == {award.year} and listed[0] is award):
            yield ctx.slot(award, YEAR, partial(_build_year, ctx, award, span), asks=listed)


def category_prompt(ctx: Context, award: Award, several: bool) -> str:
    """The category question. A show that listed the song in two categories has two
    right answers; the prompt says so, and only one of them is among the options."""
    show, work = f"the {award.year} {award.organization}", ctx.work(award.work)
    if several:
        return f"Which of these categories was {work} up for at {show}?"
    return f"In which category was {work} up for an award at {show}?"


def _build_category(ctx: Context, award: Award, several: bool, wrong: list[str], slot: Slot,
                    rng: random.Random) -> Question:
    return question(
        slot, difficulty="medium",
        prompt=category_prompt(ctx, award, several),
        answer=award.award, wrong=pick(rng, wrong), rng=rng, explanation=describe(award),
    )


def _build_year(ctx: Context, award: Award, span: tuple[int, int], slot: Slot,
                rng: random.Random) -> Question:
    return numeric(
        slot, difficulty="hard",
        prompt=(f"In which year was {ctx.work(award.work)} up for {named(award.award)} at "
                f"the {award.organization}?"),
        number=award.year, low=span[0], high=span[1], explanation=describe(award),
        value=str(award.year),
    )


GENERATOR = Generator("awards", slots)
