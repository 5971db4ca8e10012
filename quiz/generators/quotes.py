"""Quote attribution: which publication printed a critic's words, and who wrote them.

Wrong options are the publications (or speakers) of *other* quotes in the pack,
minus every publication (speaker) that printed the same words. Two quotes from one
publication give that publication once. Difficulty: publication medium, critic hard
(bylines are rarely remembered).
"""

from __future__ import annotations

import random
from collections.abc import Iterator
from functools import partial

from quiz.facts import Quote
from quiz.generators.base import Context, Slot, explain, question
from quiz.generators.distractors import enough, norm, pick, wrong_values

PUBLICATION = "quote"
SPEAKER = "critic"


def describe(quote: Quote) -> str:
    """The quote and who said it, for explanations."""
    where = f" in {quote.publication}" if quote.publication else ""
    return explain(f'{quote.speaker or "It"} wrote{where}: "{quote.text}"', quote.source)


def slots(ctx: Context) -> Iterator[Slot]:
    """Up to two questions per quote: its publication and its author."""
    for quote in ctx.quotes:
        same = [q for q in ctx.quotes if norm(q.text) == norm(quote.text)]
        if quote.publication:
            wrong = wrong_values((q.publication for q in ctx.quotes if q.publication),
                                 (q.publication for q in same))
            if enough(wrong):
                slot_id = ctx.slot_id(quote.id, PUBLICATION)
                yield Slot(slot_id, ctx.pack.id, quote.category, quote.id, PUBLICATION,
                           partial(_build, ctx, quote, wrong, "publication", slot_id))
        if quote.speaker:
            # A critic is asked among critics (quotes with a publication), so the
            # artist is never offered as a reviewer; anyone quoted may be a wrong
            # option for words said outside a publication (the artist's own).
            pool = [q.speaker for q in ctx.quotes
                    if q.speaker and (q.publication or not quote.publication)]
            wrong = wrong_values(pool, (q.speaker for q in same))
            if enough(wrong):
                slot_id = ctx.slot_id(quote.id, SPEAKER)
                yield Slot(slot_id, ctx.pack.id, quote.category, quote.id, SPEAKER,
                           partial(_build, ctx, quote, wrong, "speaker", slot_id))


def _build(ctx, quote: Quote, wrong, asked: str, slot_id: str, rng: random.Random):
    if asked == "publication":
        prompt = f'Which publication printed this verdict on {ctx.song}: "{quote.text}"?'
        answer, kind, difficulty = quote.publication, PUBLICATION, "medium"
    elif quote.publication:
        prompt = f'Which critic wrote of {ctx.song}: "{quote.text}"?'
        answer, kind, difficulty = quote.speaker, SPEAKER, "hard"
    else:
        prompt = f'Who said this about {ctx.song}: "{quote.text}"?'
        answer, kind, difficulty = quote.speaker, SPEAKER, "medium"
    return question(
        slot_id, ctx, category=quote.category, fact=quote.id, kind=kind, difficulty=difficulty,
        prompt=prompt, answer=answer, wrong=pick(rng, wrong), rng=rng,
        explanation=describe(quote),
    )
