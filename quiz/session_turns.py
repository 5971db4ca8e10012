"""A player facing a question, and how it went: what the engine deals and scores."""

from __future__ import annotations

from dataclasses import dataclass
from enum import StrEnum

from quiz.grading import Response
from quiz.question import Question
from quiz.scoring import Points


@dataclass(frozen=True, slots=True)
class Turn:
    """One player facing one question.

    ``index`` is the question's 0-based position in the game, the number every answer
    names; in a game where all players share a question they share its ``index``.
    """

    index: int
    round: int  # 1-based
    player_index: int
    player: str
    number: int  # this player's question number, 1-based
    of: int  # questions per player
    question: Question


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a turn went: the response (``None`` on a time-out), time taken and points."""

    turn: Turn
    response: Response | None
    seconds: float
    points: Points
    streak: int

    @property
    def chosen(self) -> int | None:
        """The option picked, for a pick question (``None``: a time-out or another type)."""
        if self.turn.question.picks and isinstance(self.response, int):
            return self.response
        return None

    @property
    def correct(self) -> bool:
        """Whether the pick was the right option."""
        return self.points.correct

    @property
    def timed_out(self) -> bool:
        """Whether time ran out before a pick."""
        return self.points.timed_out


class Refusal(StrEnum):
    """Why an answer was not taken; each is an ordinary event from a remote or stale source."""

    NOT_ASKING = "no question is open"
    OTHER_QUESTION = "that is not the question being asked"
    NOT_ASKED = "that player is not answering this question"
    ALREADY_ANSWERED = "that player has answered already"
    NOT_YOUR_TURN = "it is another player's turn at the keyboard"
    NO_BUZZ = "that player does not hold the buzzer"
    NO_SUCH_OPTION = "the question has no such option"
    BAD_RESPONSE = "that is not an answer this question takes"
