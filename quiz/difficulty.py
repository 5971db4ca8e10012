"""How hard a question is: estimated from what it asks, then measured from play.

A question's shape says little about how hard it is: a true/false statement about an
exact day is a coin flip, not an easy point, and four chart positions within five
places of each other are a lottery. So the estimate weighs what a fan needs to know:

* **obscurity** (most of the weight): what the fact is (the generator's ``kind``: a
  lead artist is known to every listener, a year-end rank in Belgium to nobody), where
  the fact sits (the song's opening summary is what fans read; a table row is not),
  and whether the text turns on an exact day, rank or figure;
* **closeness** of the options: numbers, dates and years a few apart, or names that
  read nearly alike, cannot be told apart by half-remembering;
* **luck**: the share a blind guess gets right (two options, four, none when typed).

Once a question has been answered :data:`MEASURED_AFTER` times its right rate replaces
the estimate: the rate above blind luck (``skill``) is what the players knew. Both end
on one scale, ``hardness`` 0..1, cut into easy / medium / hard at :data:`EASY_BELOW`
and :data:`HARD_FROM`.
"""

from __future__ import annotations

import math
import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, replace
from datetime import date
from typing import Literal

from quiz.question import Question

Level = Literal["easy", "medium", "hard"]
LEVELS: tuple[Level, ...] = ("easy", "medium", "hard")
Mix = Literal["easy", "mixed", "hard"]
"""What kind of game the players asked for: easy questions first, a spread, or hard."""
MIXES: tuple[Mix, ...] = ("easy", "mixed", "hard")

#: Answers a question needs before its measured right rate replaces the estimate.
MEASURED_AFTER = 8
#: Hardness below this is easy; from :data:`HARD_FROM` on it is hard.
EASY_BELOW = 0.48
HARD_FROM = 0.65

#: How obscure each kind of generated fact is (0 everyone knows, 1 nobody does);
#: kinds not listed (hand-written items, new generators) count as :data:`UNKNOWN_KIND`.
KIND_OBSCURITY: Mapping[str, float] = {
    "attribute": 0.5, "credit": 0.5, "role": 0.5, "chronology": 0.5, "quote": 0.55,
    "critic": 0.6, "award": 0.55, "award-year": 0.6, "certification": 0.6,
    "truefalse": 0.45, "date": 0.55, "number": 0.55, "duration": 0.7, "comparison": 0.7,
    "reverse": 0.75, "position": 0.85, "order": 0.55,
}  # fmt: skip
UNKNOWN_KIND = 0.5
#: A true/false statement is as obscure as what it states: who printed a verdict is
#: less known than where the song was made (shifts for the category it is in).
TRUEFALSE_CATEGORY: Mapping[str, float] = {
    "Critics": 0.15, "Charts": 0.1, "Awards": 0.1, "Credits": 0.05,
    "Song facts": -0.05, "Making of": -0.05, "Music videos": -0.05,
}  # fmt: skip
#: What an author's (or a generator's) own word moves the obscurity by.
STATED: Mapping[str, float] = {"easy": -0.15, "medium": 0.0, "hard": 0.15}

_WEIGHTS = (0.6, 0.25, 0.15)  # obscurity, closeness, luck
_MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August",
           "September", "October", "November", "December")
_DAY = re.compile(rf"\b({'|'.join(_MONTHS)}) \d{{1,2}}\b")
_WRITTEN_DATE = re.compile(rf"({'|'.join(_MONTHS)})(?: (\d{{1,2}}))?(?:,? (\d{{4}}))?")
_FIGURE = re.compile(
    r"\b(number|position|rank(?:ed)?|#) ?\d+\b|\b\d+(st|nd|rd|th)\b|\b\d+×", re.I
)


@dataclass(frozen=True, slots=True)
class RightRate:
    """How often a question was answered and how many of those answers were right."""

    answers: int
    right: int

    @property
    def rate(self) -> float:
        """The share of answers that were right (0 with no answers)."""
        return self.right / self.answers if self.answers else 0.0

    @property
    def measured(self) -> bool:
        """Whether there are enough answers to trust the rate over the estimate."""
        return self.answers >= MEASURED_AFTER


def luck(question: Question) -> float:
    """The share of blind guesses that are right: one option in N, one order in n!
    (partial credit aside), a tenth of a number's range; nothing for typed words."""
    if question.type in ("choice", "truefalse"):
        return 1 / max(len(question.options), 1)
    if question.type == "order":
        return 1 / math.factorial(max(len(question.options), 1))
    if question.type == "number":
        return 0.1
    return 0.0


def obscurity(question: Question) -> float:
    """How little-known the fact is, 0..1 (see the module docstring)."""
    base = KIND_OBSCURITY.get(question.kind, UNKNOWN_KIND)
    if question.kind == "truefalse":
        base += TRUEFALSE_CATEGORY.get(question.category, 0.0)
    if question.kind not in KIND_OBSCURITY:
        # An author's word is a judgement of knowledge; a generator's follows the shape.
        base += STATED.get(question.difficulty, 0.0)
    sources = question.source.casefold()
    if sources and all(part.strip().startswith(("lead", "infobox"))
                       for part in sources.split(";")):  # fmt: skip
        base -= 0.2
    elif "table" in sources:
        base += 0.05
    text = f"{question.prompt} {question.correct}"
    # Both patterns need a digit; most texts have none, and the search is the cost.
    if any(c.isdigit() for c in text) and (_DAY.search(text) or _FIGURE.search(text)):
        base += 0.15
    return _clamp(base)


def closeness(question: Question) -> float:
    """How hard the options are to tell apart, 0..1: numbers or dates a few apart, or
    words that read nearly alike. Typed answers have no options: a middle value."""
    if question.type == "truefalse" or not question.picks:
        return 0.5
    numbers = _as_numbers(question.options)
    if numbers is not None:
        values, scale = numbers
        ordered = sorted(values)
        gaps = [b - a for a, b in zip(ordered, ordered[1:], strict=False)]
        return _clamp(1 - (sum(gaps) / len(gaps)) / scale) if gaps else 0.5
    answer = question.options[question.answer]
    others = [o for i, o in enumerate(question.options) if i != question.answer]
    if not others:
        return 0.5
    from rapidfuzz import fuzz  # here: setup and `play` import this module before a frame

    alike = sum(fuzz.token_set_ratio(answer, other) for other in others) / len(others)
    return _clamp(alike / 100)


def estimate(question: Question) -> float:
    """The hardness of ``question`` before anyone has played it, 0..1."""
    parts = (obscurity(question), closeness(question), 1 - luck(question))
    return sum(w * p for w, p in zip(_WEIGHTS, parts, strict=True))


def measured(chance: float, rate: RightRate) -> float:
    """Hardness from play: one minus the skill shown, the right rate above ``chance``
    (the share a blind guess gets right, :func:`luck`)."""
    skill = (rate.rate - chance) / (1 - chance) if chance < 1 else rate.rate
    return _clamp(1 - skill)


@dataclass(frozen=True, slots=True)
class Judged:
    """What a question's estimate comes to: its hardness and a blind guess's luck
    (kept per question by the dealer, so a game need not judge every candidate)."""

    hardness: float
    luck: float


def judge(question: Question) -> Judged:
    """The estimate of ``question`` and its luck."""
    return Judged(estimate(question), luck(question))


def settle(question: Question, judged: Judged, rate: RightRate | None = None, *,
           placed: tuple[tuple[str, ...], int] | None = None) -> Question:  # fmt: skip
    """``question`` with the difficulty ``judged`` gives it, or the measured one once
    ``rate`` holds enough answers (then ``right_rate`` says how often it was right);
    ``placed``: its options and answer in a new order, set in the same copy."""
    right_rate = question.right_rate
    if rate is not None and rate.measured:
        level, right_rate = level_of(measured(judged.luck, rate)), round(rate.rate, 3)
    else:
        level = level_of(judged.hardness)
    options, answer = placed or (question.options, question.answer)
    if (level, right_rate, placed) == (question.difficulty, question.right_rate, None):
        return question
    return replace(question, difficulty=level, right_rate=right_rate, options=options,
                   answer=answer)  # fmt: skip


def level_of(hardness: float) -> Level:
    """The level players read for a hardness."""
    if hardness < EASY_BELOW:
        return "easy"
    return "hard" if hardness >= HARD_FROM else "medium"


def rated(question: Question, rate: RightRate | None = None) -> Question:
    """``question`` with its difficulty estimated from itself, or measured once
    answered often enough (see :func:`settle`)."""
    return settle(question, judge(question), rate)


def preference(level: str, mix: Mix, counts: Mapping[str, int]) -> int:
    """How well a question of ``level`` suits a game of ``mix`` so far (lower is
    better): an easy game wants easy, then medium, then hard; a hard game the reverse;
    a mixed game the level it has dealt least (``counts``)."""
    if mix == "easy":
        return LEVELS.index(level) if level in LEVELS else 1
    if mix == "hard":
        return 2 - LEVELS.index(level) if level in LEVELS else 1
    return counts.get(level, 0)


def _as_numbers(options: Sequence[str]) -> tuple[list[float], float] | None:
    """The options as numbers and the gap that counts as far apart, when every option
    is a number, a year or a date; else ``None``."""
    try:
        values = [float(option.replace(",", "")) for option in options]
    except ValueError:
        days = [_day(option) for option in options]
        if any(day is None for day in days):
            return None
        return [float(day) for day in days if day is not None], 60.0
    if all(v.is_integer() and 1900 <= v <= 2100 for v in values):
        return values, 4.0  # years: a few apart is close
    answer_scale = max(abs(v) for v in values) if values else 1.0
    return values, max(5.0, answer_scale / 4)


def _day(text: str) -> int | None:
    """A written date ("May 24, 2016", "May 2016", "July 9") as a day number (the
    year taken as 2000 when none is written), else ``None``."""
    found = _WRITTEN_DATE.fullmatch(text.strip())
    if found is None:
        return None
    month, day, year = found.groups()
    try:
        return date(int(year or 2000), _MONTHS.index(month) + 1, int(day or 1)).toordinal()
    except ValueError:
        return None


def _clamp(value: float) -> float:
    return min(1.0, max(0.0, value))
