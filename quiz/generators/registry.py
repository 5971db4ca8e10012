"""Every fact generator, in the order a fact's questions are listed.

The order is part of what players and authors see (``questions --all`` lists a fact's
questions in it, and seeded games draw from lists in this order), so a new generator
goes where its questions should appear, usually before ``truefalse``.
"""

from __future__ import annotations

from quiz.generators import (
    attribute,
    awards,
    certification,
    chronology,
    comparison,
    credits,
    dates,
    numbers,
    ordering,
    positions,
    quotes,
    reverse,
    truefalse,
    typed,
)
from quiz.generators.base import Generator

GENERATORS: tuple[Generator, ...] = (
    attribute.GENERATOR,
    numbers.GENERATOR,
    dates.GENERATOR,
    positions.GENERATOR,
    reverse.GENERATOR,
    comparison.GENERATOR,
    quotes.GENERATOR,
    credits.GENERATOR,
    chronology.GENERATOR,
    awards.GENERATOR,
    certification.GENERATOR,
    ordering.GENERATOR,
    typed.GENERATOR,
    truefalse.GENERATOR,
)
