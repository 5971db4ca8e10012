"""Hand-written questions from a pack's ``questions:`` list.

Wrong options are the author's ``wrong`` list first, topped up from the named pool,
each distinct from the answer and from each other; the answer's position is random
by seed. An item needs at least one wrong option (two options); the author's
difficulty and category are kept. The item's ``asks``/``reveals`` lists (fact ids or
other items' ids) become the question's spoiler facts.
"""

from __future__ import annotations

import random
from functools import partial

from quiz.facts import HandQuestion
from quiz.generators import hand_types
from quiz.generators.base import Context, Slot, cite, explain, question
from quiz.generators.distractors import OPTIONS, norm, pick, wrong_values
from quiz.question import Question, hand_fact, hand_id

NAME = "hand"


def slot(ctx: Context, item: HandQuestion) -> Slot | None:
    """The item's slot, or ``None`` when it has no usable wrong option."""
    own = wrong_values(item.wrong, [item.answer])
    pooled = wrong_values(ctx.pack.pools.get(item.pool, ()), [item.answer, *own])
    typed = hand_types.make(item, own + pooled) if item.type != "choice" else None
    if typed is None and not own and not pooled:
        return None
    own_fact = hand_fact(item.id)
    asks = (own_fact, *_refer(ctx, item.asks))
    reveals = tuple(dict.fromkeys((*asks, *_refer(ctx, item.reveals))))
    return Slot(hand_id(ctx.pack.id, item.id), ctx.pack.id, item.category, own_fact,
                NAME, typed or partial(_build, item, own, pooled), cite(item.source),
                tuple(dict.fromkeys(asks)), reveals)


def _refer(ctx: Context, names: tuple[str, ...]) -> list[str]:
    """An item's ``asks``/``reveals`` entries as fact keys: a fact id stays as it is,
    any other name is a hand-written item (``q:<id>``; the validator checks it exists)."""
    return [name if name in ctx.fact_ids else hand_fact(name) for name in names]


def _build(item: HandQuestion, own: list[str], pooled: list[str], slot: Slot,
           rng: random.Random) -> Question:
    wrong = pick(rng, own)
    wrong += pick(rng, pooled, OPTIONS - 1 - len(wrong))
    # True/False written as a choice (as imported banks write it) reads as the built-in
    # true/false items do: True first, whichever is right.
    boolean = sorted(norm(o) for o in (item.answer, *wrong)) == ["false", "true"]
    return question(
        slot, difficulty=item.difficulty, prompt=item.prompt, answer=item.answer, wrong=wrong,
        rng=rng, explanation=explain(item.explanation or f"The answer is {item.answer}."),
        order="sorted" if boolean else "shuffle", key=lambda o: norm(o) != "true",
    )
