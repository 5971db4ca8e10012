"""Award questions: "In which category was "X" up for an award at the 2017 MTV Video
Music Awards?" and "In which year was "X" up for Choice Break-Up Song at the Teen
Choice Awards?".

"Up for" covers won, nominated and a blank result, so a blank result in the source
is never turned into a claim. Right categories are *all* categories the pack lists
for that show and year (one show may list two; it is asked once, about its first
listing); right years are all years the show
listed that category; wrong years are never earlier than the earliest year the pack
mentions (a 2016 song was not up for a 2013 award) nor outside the years a fact may
name; with no wrong year left there is no year question. Difficulty: category medium,
year hard.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.fact_rules import YEARS
from quiz.facts import Award
from quiz.generators.base import Context, Generator, Slot, explain, question
from quiz.generators.distractors import enough, norm, pick, pick_around, wrong_values
from quiz.question import Question

CATEGORY = "award"
YEAR = "award-year"
#: Years either side of the true one that make plausible wrong years.
YEAR_REACH = 4


def named(award: str) -> str:
    """A category as it reads after "up for": "Best Collaboration", but "the One
    Billion Streams Award" (a name that ends in "Award" needs its article)."""
    return f"the {award}" if award.casefold().split()[-1:] == ["award"] else award


def describe(award: Award) -> str:
    """The listing as a sentence, for explanations."""
    # Who it lost to is left out: a question of its own may ask that.
    result = {"won": " and won", "nominated": " and was nominated"}.get(award.result or "", "")
    return explain(f"It was up for {named(award.award)} at the {award.year} "
                   f"{award.organization}{result}.")


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
        if enough(wrong) and show not in shows:
            shows.add(show)
            make = partial(_build_category, ctx, award, len(right) > 1, wrong)
            yield ctx.slot(award, CATEGORY, make,
                           asks=[a for a in ctx.awards
                                 if _same_show(a, award) and a.year == award.year])
        if award.year:
            years = {a.year for a in ctx.awards
                     if _same_show(a, award) and norm(a.award) == norm(award.award)}
            floor = max(ctx.first_year or 0, YEARS[0])
            below = [award.year - k for k in range(1, YEAR_REACH + 1)
                     if award.year - k not in years and award.year - k >= floor]
            above = [award.year + k for k in range(1, YEAR_REACH + 1)
                     if award.year + k not in years and award.year + k <= YEARS[1]]
            # A show that listed the category every year around this one leaves no
            # wrong year: a one-option question would be a free point.
            if enough(below + above):
                yield ctx.slot(award, YEAR, partial(_build_year, ctx, award, below, above),
                               asks=[a for a in ctx.awards if _same_show(a, award)
                                     and norm(a.award) == norm(award.award)])


def _build_category(ctx: Context, award: Award, several: bool, wrong: list[str], slot: Slot,
                    rng: random.Random) -> Question:
    # A show that listed the song in two categories has two right answers; the prompt
    # says so, and only one of them is among the options.
    show, work = f"the {award.year} {award.organization}", ctx.work(award.work)
    if several:
        prompt = f"Which of these categories was {work} up for at {show}?"
    else:
        prompt = f"In which category was {work} up for an award at {show}?"
    return question(
        slot, difficulty="medium",
        prompt=prompt,
        answer=award.award, wrong=pick(rng, wrong), rng=rng, explanation=describe(award),
    )


def _build_year(ctx: Context, award: Award, below: list[int], above: list[int], slot: Slot,
                rng: random.Random) -> Question:
    wrong = [str(year) for year in pick_around(rng, below, above)]
    return question(
        slot, difficulty="hard",
        prompt=(f"In which year was {ctx.work(award.work)} up for {named(award.award)} at "
                f"the {award.organization}?"),
        answer=str(award.year), wrong=wrong, rng=rng, explanation=describe(award),
        order="sorted", key=int,
    )


GENERATOR = Generator("awards", slots)
