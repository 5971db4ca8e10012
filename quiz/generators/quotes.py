"""Quote attribution: which publication printed a critic's words, and who said them.

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
from quiz.generators.base import Context, Generator, Slot, explain, question
from quiz.generators.distractors import enough, norm, pick, wrong_values
from quiz.question import Question

PUBLICATION = "quote"
SPEAKER = "critic"


def describe(quote: Quote) -> str:
    """Whose words the quote is, for explanations. Neither "said" nor "wrote": a pack
    records words, not whether they were written or spoken (the built-in pack's Puth
    quote was said)."""
    if quote.publication and quote.speaker:
        return explain(f"Those are {quote.speaker}'s words, in {quote.publication}'s review"
                       " of the song.")
    if quote.publication:
        return explain(f"Those words are from {quote.publication}'s review of the song.")
    if quote.speaker:
        return explain(f"Those are {quote.speaker}'s own words about the song.")
    return explain("Those are words about the song.")


def slots(ctx: Context) -> Iterator[Slot]:
    """Up to two questions per quote: its publication and its author."""
    for quote in ctx.quotes:
        same = [q for q in ctx.quotes if norm(q.text) == norm(quote.text)]
        if quote.publication:
            wrong = wrong_values((q.publication for q in ctx.quotes if q.publication),
                                 (q.publication for q in same))
            if enough(wrong):
                yield ctx.slot(quote, PUBLICATION, partial(_build_publication, ctx, quote, wrong))
        # The artist talking about their own song would be the one famous name
        # among critics: words said by someone on the title screen are not asked.
        if quote.speaker and not ctx.on_title_screen(quote.speaker):
            # A critic is asked among critics (quotes with a publication), so the
            # artist is never offered as a reviewer; anyone quoted may be a wrong
            # option for words said outside a publication (the artist's own).
            pool = [q.speaker for q in ctx.quotes
                    if q.speaker and (q.publication or not quote.publication)]
            wrong = wrong_values(pool, (q.speaker for q in same))
            if enough(wrong):
                yield ctx.slot(quote, SPEAKER, partial(_build_speaker, ctx, quote, wrong))


def _build_publication(ctx: Context, quote: Quote, wrong: list[str], slot: Slot,
                       rng: random.Random) -> Question:
    return question(
        slot, difficulty="medium",
        prompt=f'Which publication printed this verdict on {ctx.song}: "{quote.text}"?',
        answer=quote.publication, wrong=pick(rng, wrong), rng=rng, explanation=describe(quote),
    )


def _build_speaker(ctx: Context, quote: Quote, wrong: list[str], slot: Slot,
                   rng: random.Random) -> Question:
    if quote.publication:
        prompt, difficulty = f'Which critic said this about {ctx.song}: "{quote.text}"?', "hard"
    else:
        prompt, difficulty = f'Who said this about {ctx.song}: "{quote.text}"?', "medium"
    return question(
        slot, difficulty=difficulty, prompt=prompt, answer=quote.speaker,
        wrong=pick(rng, wrong), rng=rng, explanation=describe(quote),
    )


GENERATOR = Generator("quotes", slots)
