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
from quiz.generators.base import Context, Slot, explain, place, question
from quiz.generators.distractors import enough, norm, pick_around
from quiz.generators.values import cert_rank, near_levels

NAME = "certification"


def describe(cert: Certification) -> str:
    """The certification as a sentence, for explanations."""
    return explain(f"It is certified {cert.level} in {place(cert.region)}.", cert.source)


def slots(ctx: Context) -> Iterator[Slot]:
    """One question per region, about its highest level."""
    for cert in ctx.certifications:
        region = [c for c in ctx.certifications if norm(c.region) == norm(cert.region)]
        ranks = [cert_rank(c.level) for c in region]
        if None in ranks or region[ranks.index(max(ranks))] is not cert:
            continue
        rank = max(ranks)
        below, above = near_levels(rank)
        if enough(below + above):
            slot_id = ctx.slot_id(cert.id, NAME)
            yield Slot(slot_id, ctx.pack.id, cert.category, cert.id, NAME,
                       partial(_build, ctx, cert, below, above, slot_id))


def _build(ctx, cert: Certification, below, above, slot_id: str, rng: random.Random):
    return question(
        slot_id, ctx, category=cert.category, fact=cert.id, kind=NAME, difficulty="medium",
        prompt=(f"What is the highest certification {ctx.song} has received in "
                f"{place(cert.region)}?"),
        answer=cert.level, wrong=pick_around(rng, below, above, spread=3), rng=rng,
        explanation=describe(cert), order="sorted", key=lambda level: cert_rank(level) or 0,
    )
