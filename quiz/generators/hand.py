"""Hand-written questions from a pack's ``questions:`` list.

Wrong options are the author's ``wrong`` list first, topped up from the named pool,
each distinct from the answer and from each other; the answer's position is random
by seed. An item needs at least one wrong option (two options); the author's
difficulty and category are kept.
"""

from __future__ import annotations

import random
from functools import partial

from quiz.facts import HandQuestion
from quiz.generators.base import Context, Slot, explain, question
from quiz.generators.distractors import OPTIONS, pick, wrong_values

NAME = "hand"


def slot_id(ctx: Context, item: HandQuestion) -> str:
    """``pack:q:question-id``."""
    return f"{ctx.pack.id}:q:{item.id}"


def fact_id(item: HandQuestion) -> str:
    """What ``Question.fact`` holds for a hand-written item (never a fact id)."""
    return f"q:{item.id}"


def slot(ctx: Context, item: HandQuestion) -> Slot | None:
    """The item's slot, or ``None`` when it has no usable wrong option."""
    own = wrong_values(item.wrong, [item.answer])
    pooled = wrong_values(ctx.pack.pools.get(item.pool, ()), [item.answer, *own])
    if not own and not pooled:
        return None
    sid = slot_id(ctx, item)
    return Slot(sid, ctx.pack.id, item.category, fact_id(item), NAME,
                partial(_build, ctx, item, own, pooled, sid))


def _build(ctx, item: HandQuestion, own, pooled, sid: str, rng: random.Random):
    wrong = pick(rng, own)
    wrong += pick(rng, pooled, OPTIONS - 1 - len(wrong))
    return question(
        sid, ctx, category=item.category, fact=fact_id(item), kind=NAME,
        difficulty=item.difficulty, prompt=item.prompt, answer=item.answer, wrong=wrong,
        rng=rng, explanation=explain(item.explanation or f"The answer is {item.answer}.",
                                     item.source),
    )
