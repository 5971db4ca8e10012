"""Players' running totals and the standings they make: who leads, ties sharing a place."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass


@dataclass(slots=True)
class PlayerScore:
    """One player's running totals."""

    name: str
    score: int = 0
    correct: int = 0
    answered: int = 0
    streak: int = 0
    best_streak: int = 0
    fastest: float | None = None  # seconds of the fastest correct answer

    def add(self, points: int, streak: int, correct: bool, seconds: float) -> None:
        """Count one answer: its points, the streak it leaves, and a right answer's time."""
        self.answered += 1
        self.score += points
        self.streak = streak
        self.best_streak = max(self.best_streak, streak)
        if correct:
            self.correct += 1
            if self.fastest is None or seconds < self.fastest:
                self.fastest = seconds

    @property
    def accuracy(self) -> float:
        """Share of answered questions that were right, 0.0 to 1.0."""
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class Standing:
    """A place in the standings; tied scores share a place (1, 1, 3)."""

    place: int
    player: PlayerScore


def rank(players: Sequence[PlayerScore]) -> list[Standing]:
    """Players by score, highest first; equal scores share a place (1, 1, 3).

    Ties keep turn order so the list is stable.
    """
    ordered = sorted(enumerate(players), key=lambda item: (-item[1].score, item[0]))
    standings: list[Standing] = []
    for position, (_, player) in enumerate(ordered, start=1):
        if standings and standings[-1].player.score == player.score:
            place = standings[-1].place
        else:
            place = position
        standings.append(Standing(place, player))
    return standings
