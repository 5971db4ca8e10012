"""What a player's answer is worth, for every question type: right, wrong or partly right.

A response is whatever the player gave: an option index (``choice``, ``truefalse``), a
sequence of option indices (``order``), a number (``number``) or words (``text``).
:func:`refusal` says whether a response has the shape the question wants (a response of
the wrong shape is refused, never scored); :func:`grade` says how much of it is right,
from 0.0 to 1.0. Points scale with that fraction (:mod:`quiz.scoring`); only a whole
answer (1.0) counts as correct and keeps a streak going.

* ``order``: the share of items in their right place (3 of 4 in place: 0.75).
* ``number``: full for the exact answer, then falling linearly to 0 just past a
  tolerance of a tenth of the question's range, rounded (at least 1): positions 1-100
  have a tolerance of 10, a year range of 30 one of 3. Fair for small and large ranges
  alike, because the range is the question's own (what a player might plausibly type).
* ``text``: forgiving of case, accents, punctuation, spaces and a leading "the"; small
  typos pass by a similarity of at least :data:`TYPO_SIMILARITY` for answers of five
  letters or more; but never when the typed words are as close to a value in
  ``reject`` (another fact's value of the same kind) as to the answer.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence

from quiz.question import Question, number_text

Response = int | float | str | tuple[int, ...]
"""What a player answered; which kind is valid depends on the question's type."""

#: Similarity (0-100, rapidfuzz's ratio) at which a typed answer with a small typo counts.
TYPO_SIMILARITY = 85.0
#: Typed answers shorter than this (after normalising) must match exactly.
TYPO_MIN_LENGTH = 5
#: Longest typed answer taken, in characters.
MAX_TEXT = 200


def refusal(question: Question, response: Response) -> str | None:
    """Why ``response`` is not an answer to ``question`` (its shape), or ``None``."""
    if question.picks:
        if isinstance(response, bool) or not isinstance(response, int):
            return "pick an option"
        return None if 0 <= response < len(question.options) else "no such option"
    if question.type == "order":
        if not isinstance(response, tuple):
            return "put the items in order"
        if sorted(response) != list(range(len(question.options))):
            return "each item must appear once"
        return None
    if question.type == "number":
        return _number_refusal(question, response)
    if not isinstance(response, str):
        return "type an answer"
    if len(response) > MAX_TEXT:
        return "answer too long"
    return None if normalise(response) else "type an answer"


def _number_refusal(question: Question, response: Response) -> str | None:
    if isinstance(response, bool) or not isinstance(response, int | float):
        return "type a number"
    if not math.isfinite(response):
        return "type a number"
    low = question.low if question.low is not None else -math.inf
    high = question.high if question.high is not None else math.inf
    if not low <= response <= high:
        return "out of range"
    return None


def grade(question: Question, response: Response) -> float:
    """How right ``response`` is, 0.0 to 1.0; a refused response grades 0.0."""
    if refusal(question, response) is not None:
        return 0.0
    if question.picks:
        return 1.0 if response == question.answer else 0.0
    if question.type == "order":
        assert isinstance(response, tuple)
        places = sum(1 for got, want in zip(response, question.order, strict=True) if got == want)
        return places / len(question.order) if question.order else 0.0
    if question.type == "number":
        assert isinstance(response, int | float)
        return number_closeness(question, float(response))
    assert isinstance(response, str)
    accepted = (question.text, *question.accept)
    return 1.0 if text_matches(response, accepted, question.reject) else 0.0


def tolerance(question: Question) -> float:
    """How far off a number answer may be and still earn something."""
    if question.low is None or question.high is None:
        return 1.0
    # Rounded, so a player reads "run out at 11 off", not "10.9 off".
    return float(max(round((question.high - question.low) / 10), 1))


def number_closeness(question: Question, value: float) -> float:
    """1.0 for the exact answer, falling linearly to 0.0 at :func:`tolerance` away."""
    if question.number is None:
        return 0.0
    off = abs(value - question.number)
    if off == 0:
        return 1.0
    return max(0.0, 1.0 - off / (tolerance(question) + 1))


_STRIP = re.compile(r"[^\w\s]|_")
_SPACES = re.compile(r"\s+")


def normalise(text: str) -> str:
    """``text`` folded for comparing: no accents, case, punctuation or leading "the"."""
    decomposed = unicodedata.normalize("NFKD", text)
    bare = "".join(ch for ch in decomposed if not unicodedata.combining(ch))
    words = _SPACES.sub(" ", _STRIP.sub(" ", bare.casefold().replace("&", " and "))).strip()
    return words.removeprefix("the ")


def similarity(a: str, b: str) -> float:
    """How alike two normalised texts are, 0-100."""
    # Imported when a typed answer is first graded: what only reads packs (`scores`
    # rebuilding a prompt) never pays for it.
    from rapidfuzz import fuzz

    return float(fuzz.ratio(a, b))


def text_matches(typed: str, accepted: Sequence[str], rejected: Sequence[str] = ()) -> bool:
    """Whether ``typed`` names one of ``accepted`` (forgivingly), and no ``rejected`` as well."""
    said = normalise(typed)
    if not said:
        return False
    goods = [normalise(a) for a in accepted if normalise(a)]
    if said in goods:
        return True
    if len(said) < TYPO_MIN_LENGTH:
        return False
    best = max((similarity(said, good) for good in goods), default=0.0)
    if best < TYPO_SIMILARITY:
        return False
    rival = max((similarity(said, normalise(r)) for r in rejected if normalise(r)), default=0.0)
    return rival < best


def describe(question: Question, response: Response | None) -> str:
    """A player's response in words, for reveals and results ("no answer" on a time-out)."""
    if response is None:
        return "no answer"
    if question.picks and isinstance(response, int) and 0 <= response < len(question.options):
        return question.options[response]
    if question.type == "order" and isinstance(response, tuple):
        return " → ".join(question.options[i] for i in response if 0 <= i < len(question.options))
    if question.type == "number" and isinstance(response, int | float):
        return number_text(float(response), question.unit)
    return str(response)
