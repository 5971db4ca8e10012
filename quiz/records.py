"""What a game leaves behind: the records the engine produces and the store keeps."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from typing import Literal

from quiz.text import player_key

Mode = Literal["solo", "hotseat", "practice", "buzzer", "party"]
Status = Literal["finished", "abandoned"]


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One player's answer to one question. ``chosen`` is the option picked (``None`` on
    a time-out or for a question that is not a pick); ``response`` is the JSON text of
    an order, number or text response (``None`` for a pick or a time-out)."""

    player: str
    question_id: str
    pack: str
    category: str
    chosen: int | None
    correct: bool
    seconds: float
    points: int
    response: str | None = None


@dataclass(frozen=True, slots=True)
class PlayerResult:
    """How one player finished, as the game computed it (the store keeps it as it is).

    ``rank`` is 1 for first; equal scores share a place (1, 1, 3).
    """

    player: str
    score: int
    rank: int
    correct: int
    answered: int
    best_streak: int


@dataclass(frozen=True, slots=True)
class GameRecord:
    """A whole game, finished or abandoned, ready to be stored.

    ``started_at``/``finished_at`` are ISO 8601 UTC strings; ``settings`` holds the
    setup (questions, timer seconds or ``None``, ...); ``results`` holds each player's
    result in the order the players took turns.
    """

    started_at: str
    finished_at: str
    mode: Mode
    status: Status
    players: tuple[str, ...]
    packs: tuple[str, ...]
    seed: int | None
    settings: dict[str, object] = field(default_factory=dict)
    answers: tuple[AnswerRecord, ...] = ()
    results: tuple[PlayerResult, ...] = ()

    @property
    def scores(self) -> dict[str, int]:
        """Player name -> final score, in turn order."""
        return {result.player: result.score for result in self.results}


def tally(scores: Mapping[str, int], answers: Sequence[AnswerRecord]) -> tuple[PlayerResult, ...]:
    """Results for players with final ``scores`` (in turn order) who gave ``answers``.

    For records made outside a game (imports, tests); a game computes its own.
    """
    ranks = [1 + sum(1 for other in scores.values() if other > score) for score in scores.values()]
    results = []
    for (name, score), place in zip(scores.items(), ranks, strict=True):
        key = player_key(name)
        mine = [a.correct for a in answers if player_key(a.player) == key]
        streak = best = 0
        for correct in mine:
            streak = streak + 1 if correct else 0
            best = max(best, streak)
        results.append(PlayerResult(name, score, place, sum(mine), len(mine), best))
    return tuple(results)
