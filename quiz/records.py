"""What a game leaves behind: the records the engine produces and the store keeps."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Mode = Literal["solo", "hotseat", "practice"]
Status = Literal["finished", "abandoned"]


@dataclass(frozen=True, slots=True)
class AnswerRecord:
    """One player's answer to one question. ``chosen`` is ``None`` on a time-out."""

    player: str
    question_id: str
    pack: str
    category: str
    chosen: int | None
    correct: bool
    seconds: float
    points: int


@dataclass(frozen=True, slots=True)
class GameRecord:
    """A whole game, finished or abandoned, ready to be stored.

    ``started_at``/``finished_at`` are ISO 8601 UTC strings; ``settings`` holds the
    setup (questions, timer seconds or ``None``, ...); ``scores`` maps player name to
    final score, in the order the players took turns.
    """

    started_at: str
    finished_at: str
    mode: Mode
    status: Status
    players: tuple[str, ...]
    packs: tuple[str, ...]
    seed: int | None
    settings: dict = field(default_factory=dict)
    answers: tuple[AnswerRecord, ...] = ()
    scores: dict[str, int] = field(default_factory=dict)
