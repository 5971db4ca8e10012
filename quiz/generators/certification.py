"""Certification level: "What is the highest certification "X" has received in
Canada?".

Certifications add up (a Diamond single passed every Platinum level on the way), so
the prompt asks for the *highest* level: lower levels are then as wrong as higher
ones. Levels are compared by rank (see :func:`values.cert_rank`), so "5× Platinum"
and "Quintuple Platinum" are never both offered. A region with a level the ranker
cannot read gets no question. Options are sorted from lowest to highest level.
Difficulty: medium.
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Certification
from quiz.generators.base import Context, Generator, Slot, question
from quiz.generators.distractors import enough, norm, pick_around
from quiz.generators.sentences import describe_certification, place
from quiz.generators.values import cert_rank, near_levels
from quiz.question import Question

NAME = "certification"


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per region, about its highest level."""
    for cert in ctx.certifications:
        region = [c for c in ctx.certifications if norm(c.region) == norm(cert.region)]
        ranks = [cert_rank(c.level) for c in region]
        known = [rank for rank in ranks if rank is not None]
        if len(known) < len(ranks):
            continue
        rank = max(known)
        if region[known.index(rank)] is not cert:
            continue
        below, above = near_levels(rank)
        if enough(below + above):
            yield ctx.slot(cert, NAME, partial(_build, ctx, cert, below, above), asks=region)


def _level_key(level: str) -> float:
    return cert_rank(level) or 0


def _build(ctx: Context, cert: Certification, below: list[str], above: list[str], slot: Slot,
           rng: random.Random) -> Question:
    return question(
        slot, difficulty="medium",
        prompt=(f"What is the highest certification {ctx.song} has received in "
                f"{place(cert.region)}?"),
        answer=cert.level, wrong=pick_around(rng, below, above, spread=3), rng=rng,
        explanation=describe_certification(cert), order="sorted", key=_level_key,
    )


GENERATOR = Generator("certification", slots)
