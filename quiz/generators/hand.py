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
from quiz.generators.base import Context, Slot, cite, explain, question
from quiz.generators.distractors import OPTIONS, pick, wrong_values
from quiz.question import Question, hand_fact, hand_id

NAME = "hand"


def slot(ctx: Context, item: HandQuestion) -> Slot | None:
    """The item's slot, or ``None`` when it has no usable wrong option."""
    own = wrong_values(item.wrong, [item.answer])
    pooled = wrong_values(ctx.pack.pools.get(item.pool, ()), [item.answer, *own])
    if not own and not pooled:
        return None
    return Slot(hand_id(ctx.pack.id, item.id), ctx.pack.id, item.category, hand_fact(item.id),
                NAME, partial(_build, item, own, pooled), cite(item.source))


def _build(item: HandQuestion, own: list[str], pooled: list[str], slot: Slot,
           rng: random.Random) -> Question:
    wrong = pick(rng, own)
    wrong += pick(rng, pooled, OPTIONS - 1 - len(wrong))
    return question(
        slot, difficulty=item.difficulty, prompt=item.prompt, answer=item.answer, wrong=wrong,
        rng=rng, explanation=explain(item.explanation or f"The answer is {item.answer}."),
    )
