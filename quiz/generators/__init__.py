"""Question generators: facts in, questions of every type out (pick one, true/false,
put in order, type a number, type words).

One module per question kind (``attribute``, ``reverse``, ``numbers``, ``positions``,
``dates``, ``quotes``, ``credits``, ``chronology``, ``comparison``, ``awards``,
``certification``, ``ordering``, ``typed``, ``truefalse``, ``hand``), each declaring a
:class:`base.Generator` that yields :class:`base.Slot` objects; :mod:`registry` lists
them in order. Shared rules live in ``distractors`` (wrong options), ``values``
(numbers, dates, levels), ``truths`` (what a pack makes true), ``forms`` (how order,
number and text questions are put together) and ``sentences``/``charts`` (how facts
read).
Core code: never imports Textual.
"""

from __future__ import annotations

import random
from collections.abc import Iterable

from quiz.facts import Pack
from quiz.generators.index import PackIndex, index_for
from quiz.generators.registry import GENERATORS
from quiz.question import Question


def generate_all(packs: Iterable[Pack], rng: random.Random) -> list[Question]:
    """Every question the packs can yield, in a stable order (pack, then fact order
    and generator, then hand-written items); ``rng`` picks wrong options and order."""
    made: list[Question] = []
    for pack in packs:
        index = index_for(pack)
        for slot in [*index.fact_slots, *index.hand_slots()]:
            made.append(slot.build(rng))
    return made


def count_questions(pack: Pack) -> int:
    """How many questions ``pack`` yields (cached per pack; builds none)."""
    return index_for(pack).count


__all__ = ["GENERATORS", "PackIndex", "count_questions", "generate_all", "index_for"]
