"""Reverse lookups: given the value, which chart / country / award show?

- "On which chart did "X" reach number one (weekly peak) in 2016?"
- "On which 2016 year-end chart was "X" at position 61?"
- "In which country is "X" certified Diamond?"
- "At which awards show was "X" up for Best Collaboration in 2017?"

One question per distinct value (position, level, category): the answer is the
first fact in pack order that has it, and *every* fact that would also make an
option true is kept out of the options (the song topped several charts; two
countries share Diamond; two shows share a category). A chart row with an unknown
position is never an option; an award question whose answer alone shares a telling
word with the prompt ("Teen Choice Awards" for Choice Break-Up Song) is not asked.
Difficulty: medium for number one and awards, hard for
other positions; certifications medium.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Award, Certification
from quiz.generators import charts
from quiz.generators.awards import named
from quiz.generators.base import (
    Context,
    Generator,
    Placed,
    Slot,
    cite,
    explain,
    join_names,
    question,
)
from quiz.generators.distractors import enough, gives_away, norm, pick, wrong_values
from quiz.generators.sentences import place
from quiz.generators.truths import region_ranks
from quiz.generators.values import cert_rank
from quiz.question import Question

NAME = "reverse"


def slots(ctx: Context) -> Iterator[Slot]:
    """Reverse lookups over charts, certifications and awards."""
    yield from _chart_slots(ctx)
    yield from _certification_slots(ctx)
    yield from _award_slots(ctx)


# -- charts --------------------------------------------------------------------------


def _chart_slots(ctx: Context) -> Iterator[Slot]:
    done: set[tuple[str, int, int]] = set()
    for (kind, year), group in ctx.chart_groups.items():
        for row in group:
            if (kind, year, row.position) in done:
                continue
            done.add((kind, year, row.position))
            right = [r for r in group if r.position == row.position]
            wrong = wrong_values((r.entry.chart for r in group), (r.entry.chart for r in right))
            if enough(wrong):
                yield ctx.slot(row.entry, NAME, partial(_build_chart, ctx, row, right, wrong),
                               asks=[r.entry for r in right])


def chart_prompt(ctx: Context, kind: str, year: int, position: int) -> str:
    """The reverse chart question."""
    if kind == "weekly":
        if position == 1:
            return f"On which chart did {ctx.song} reach number one (weekly peak) in {year}?"
        return f"On which chart did {ctx.song} have a weekly peak of number {position} in {year}?"
    return f"On which {year} year-end chart was {ctx.song} at position {position}?"


def _build_chart(ctx: Context, row: Placed, right: list[Placed], wrong: list[str], slot: Slot,
                 rng: random.Random) -> Question:
    entry = row.entry
    return question(
        slot, difficulty="medium" if row.position == 1 else "hard",
        prompt=chart_prompt(ctx, entry.type, entry.year, row.position),
        answer=entry.chart, wrong=pick(rng, wrong), rng=rng,
        explanation=charts.describe([r.entry for r in right]),
        source=cite(*(r.entry.source for r in right)),
    )


# -- certifications ------------------------------------------------------------------


def _certification_slots(ctx: Context) -> Iterator[Slot]:
    ranks = region_ranks(ctx)
    done: set[str] = set()
    for cert in ctx.certifications:
        rank = cert_rank(cert.level)
        if rank is None or norm(cert.level) in done:
            continue
        done.add(norm(cert.level))
        # Certifications add up: a region at a higher level also passed this one, so
        # only regions whose every known level is lower can be wrong options.
        wrong = wrong_values(
            (c.region for c in ctx.certifications
             if all(r is not None and r < rank for r in ranks[norm(c.region)])),
            [cert.region],
        )
        right = [c for c in ctx.certifications if cert_rank(c.level) == rank]
        if enough(wrong):
            yield ctx.slot(cert, NAME, partial(_build_certification, ctx, cert, right, wrong),
                           asks=right)


def _build_certification(ctx: Context, cert: Certification, right: list[Certification],
                         wrong: list[str], slot: Slot, rng: random.Random) -> Question:
    regions = join_names([place(c.region) for c in right])
    return question(
        slot, difficulty="medium",
        prompt=f"In which country is {ctx.song} certified {cert.level}?",
        answer=cert.region, wrong=pick(rng, wrong), rng=rng,
        explanation=explain(f"It is certified {cert.level} in {regions}."),
        source=cite(*(c.source for c in right)),
    )


# -- awards --------------------------------------------------------------------------


def _award_slots(ctx: Context) -> Iterator[Slot]:
    done: set[tuple[str, int]] = set()
    for award in ctx.awards:
        key = (norm(award.award), award.year)
        if key in done:
            continue
        done.add(key)
        right = [a for a in ctx.awards if (norm(a.award), a.year) == key]
        wrong = wrong_values((a.organization for a in ctx.awards),
                             (a.organization for a in right))
        told = any(gives_away(a.organization, award_prompt(ctx, award), wrong, ctx.subject_words)
                   for a in right)
        if enough(wrong) and not told:
            yield ctx.slot(award, NAME, partial(_build_award, ctx, award, right, wrong),
                           asks=right)


def award_prompt(ctx: Context, award: Award) -> str:
    """The reverse award question."""
    return (f"At which awards was {ctx.work(award.work)} up for {named(award.award)} "
            f"in {award.year}?")


def _build_award(ctx: Context, award: Award, right: list[Award], wrong: list[str], slot: Slot,
                 rng: random.Random) -> Question:
    shows = join_names([f"the {a.year} {a.organization}" for a in right])
    return question(
        slot, difficulty="medium", prompt=award_prompt(ctx, award),
        answer=award.organization, wrong=pick(rng, wrong), rng=rng,
        explanation=explain(f"It was up for {named(award.award)} at {shows}."),
        source=cite(*(a.source for a in right)),
    )


GENERATOR = Generator("reverse", slots)
