"""The buzzer on one question: who may buzz, who holds the floor, and until when.

The question shows to all; the first player to buzz holds it and answers within
:func:`answer_seconds`. A wrong answer or running out of time locks that player out
of this question, costs them :data:`WRONG_BUZZ_POINTS` (never below a score of 0) and
opens the question to the others again. The game (:mod:`quiz.buzzer_game`) scores the
answers; this module keeps the floor and says what a wrong buzz costs.

**Ties.** At one keyboard two buzzes can arrive together: both keys in one read of the
terminal, handled microseconds apart. Arrival order inside one read says nothing about
who pressed first, so it is not used: a buzz within :data:`TIE_SECONDS` of the holder's
(the same clock reading, or one a human could not tell apart) contests it, and
:attr:`BuzzRound.tie_break` picks among everyone tied. The game's rule: the player
with the lower score wins the tie (the one behind gets the chance), and between equal
scores a draw from the game's seeded generator decides, so a replay with the same seed
decides the same way.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from enum import StrEnum

from quiz.question import Question
from quiz.question_clock import QuestionClock
from quiz.scoring import MAX_POINTS

#: Buzzes this close to the holder's are simultaneous: well under human reaction time.
TIE_SECONDS = 0.03

#: Seconds the buzzing player has to answer: a pick is a key press; typing takes longer.
#: The answer is timed even with the game's timer off (then only the question is not).
ANSWER_SECONDS = {"choice": 5.0, "truefalse": 5.0, "number": 10.0, "text": 12.0, "order": 15.0}

#: A wrong or too slow answer after a buzz costs this share of a question's full points
#: (250 of 1000), so buzzing blind does not pay. It never takes a score below 0.
WRONG_BUZZ_SHARE = 0.25
WRONG_BUZZ_POINTS = round(MAX_POINTS * WRONG_BUZZ_SHARE)


def wrong_buzz_penalty(score: int) -> int:
    """What a wrong buzz costs a player who has ``score`` points: the penalty, or as
    much of it as they have (a score never goes below 0)."""
    return max(min(WRONG_BUZZ_POINTS, score), 0)


def answer_seconds(question: Question) -> float:
    """How long whoever buzzed has to answer ``question``."""
    return ANSWER_SECONDS.get(question.type, 10.0)


def behind_first(scores: Sequence[int], seats: Sequence[int], rng: random.Random) -> int:
    """The tie rule: of ``seats`` that buzzed at one clock reading, the one with the
    lowest score; between equal scores, a draw from the game's seeded ``rng``."""
    lowest = min(scores[s] for s in seats)
    behind = sorted(s for s in seats if scores[s] == lowest)
    return behind[0] if len(behind) == 1 else rng.choice(behind)


class BuzzRefusal(StrEnum):
    """Why a buzz was not taken: all ordinary at a shared keyboard."""

    NOT_OPEN = "no question is open for buzzing"
    OTHER_QUESTION = "that is not the question being asked"
    NO_SUCH_PLAYER = "no such player"
    LOCKED = "that player is locked out of this question"
    TAKEN = "another player is answering"


class BuzzRound:
    """The floor of one question.

    Args:
        players: how many seats may buzz.
        window: seconds the holder has to answer.
        clock: the game's injected monotonic clock.
        tie_break: picks the winner among seats that buzzed at the same clock reading.
    """

    def __init__(
        self,
        players: int,
        window: float,
        clock: Callable[[], float],
        tie_break: Callable[[Sequence[int]], int],
    ) -> None:
        self.players = players
        self.window = window
        self.tie_break = tie_break
        self.locked: list[int] = []  # in the order they were locked out
        self.holder: int | None = None
        self.tied: tuple[int, ...] = ()  # seats that buzzed at the holder's reading
        self._clock = clock
        self._buzzed_at: float | None = None
        self.answer_clock = QuestionClock(clock)

    @property
    def exhausted(self) -> bool:
        """Every seat is locked out: nobody is left to answer."""
        return len(self.locked) >= self.players

    def refusal(self, player: int) -> BuzzRefusal | None:
        """Why ``player`` may not buzz now, or ``None``."""
        if not 0 <= player < self.players:
            return BuzzRefusal.NO_SUCH_PLAYER
        if player in self.locked:
            return BuzzRefusal.LOCKED
        if self.holder is not None and player != self.holder and not self._same_reading():
            return BuzzRefusal.TAKEN
        return None

    def _same_reading(self) -> bool:
        return self._buzzed_at is not None and self._clock() - self._buzzed_at <= TIE_SECONDS

    def buzz(self, player: int) -> bool:
        """``player`` buzzes; ``True`` if the floor changed hands (check :meth:`refusal`
        first). A buzz at the holder's own clock reading is a tie (see the module)."""
        if self.holder is None:
            self.holder = player
            self.tied = (player,)
            self._buzzed_at = self._clock()
            self.answer_clock.start()
            return True
        if player == self.holder or player in self.tied:
            return False
        self.tied = (*self.tied, player)
        winner = self.tie_break(self.tied)
        changed = winner != self.holder
        self.holder = winner
        return changed

    def window_left(self) -> float | None:
        """Seconds the holder has left to answer (``None``: nobody holds the floor)."""
        if self.holder is None:
            return None
        return max(self.window - self.answer_clock.elapsed(), 0.0)

    def too_slow(self) -> bool:
        """Whether the holder's time to answer ran out."""
        left = self.window_left()
        return left is not None and left <= 0.0

    def lock(self, player: int) -> None:
        """``player`` answered wrong or too slowly: out of this question; it opens again."""
        if player not in self.locked:
            self.locked.append(player)
        if self.holder == player:
            self.holder = None
            self.tied = ()
            self._buzzed_at = None

    def pause(self) -> None:
        """Hold the answer clock (a dialog is open)."""
        self.answer_clock.pause()

    def resume(self) -> None:
        """Release the answer clock."""
        self.answer_clock.resume()
