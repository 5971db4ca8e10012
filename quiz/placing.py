"""Where a dealt question's options go, and how it is answered.

A generator may list options sorted (years, dates, chart positions): readable, but the
order told players where the answer sat (a number-one peak always came first, an
award year never last). So a choice question's options are shuffled as it is dealt,
with the game's own generator, and the answer is equally likely in every place. Its id
and right answer stay as they were; true/false keeps True, False.
"""

from __future__ import annotations

import random
from dataclasses import replace

from quiz.question import Question


def shape(question: Question) -> str:
    """How a question is answered, for spreading a game: its type, with a two-option
    True/False pick counted as true/false whichever type its generator gave it."""
    return "truefalse" if question.options == ("True", "False") else question.type


def place(question: Question, rng: random.Random) -> Question:
    """A choice question with its options in a fresh random order (see :func:`placing`);
    any other as it is."""
    placed = placing(question, rng)
    if placed is None:
        return question
    return replace(question, options=placed[0], answer=placed[1])


def placing(question: Question, rng: random.Random) -> tuple[tuple[str, ...], int] | None:
    """A choice question's options in a fresh random order and the answer's new index,
    so the answer is equally likely in every place; ``None`` for any other type
    (true/false reads True, False; an order question's items are already shuffled;
    typed answers have none)."""
    if shape(question) != "choice":
        return None
    options = list(question.options)
    rng.shuffle(options)
    return tuple(options), options.index(question.options[question.answer])
