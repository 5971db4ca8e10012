"""A buzzer game at one keyboard: the question shows to all, the first to buzz answers.

The rules of the floor (who may buzz, ties, the answer window) are :mod:`quiz.buzzer`;
this is the engine around them, a :class:`~quiz.game.Game` whose questions are open
to everyone until someone answers right, everyone is locked out, or the time runs out.
While a player holds the floor the question clock waits, so the others lose no time
to a wrong answer; speed points count the time to the buzz. A wrong or late answer
costs a penalty (:data:`quiz.buzzer.WRONG_BUZZ_POINTS`, never below 0). Players who
never buzz give no answer for that question. With the timer off a question stays open
until someone gets it, everyone is out, or the players close it (:meth:`close`).
There are no standings between questions: the buzzer screen shows the scores all along.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from quiz.buzzer import BuzzRefusal, BuzzRound, answer_seconds, behind_first, wrong_buzz_penalty
from quiz.game import Game
from quiz.game_phase import Phase
from quiz.grading import Response
from quiz.session_turns import Outcome


class BuzzerGame(Game):
    """A game of ``Seating.BUZZER``: answers come from whoever buzzed first."""

    buzzes = True
    buzzer: BuzzRound | None = None
    """The floor of the open question (``None`` between questions)."""

    @property
    def at_keyboard(self) -> int | None:
        """The seat that holds the floor, if any."""
        return self.buzzer.holder if self.buzzer is not None else None

    @property
    def time_limit(self) -> float | None:
        """Seconds a question stays open for buzzes; ``None`` with the timer off, when
        the players close a question nobody knows (:meth:`close`). Whoever buzzes
        still has a few seconds to answer (:func:`quiz.buzzer.answer_seconds`)."""
        return self.setup.timer

    def close(self, step: int) -> bool:
        """Nobody knows: close question ``step`` and reveal it, if nobody holds the
        floor. ``False`` (and nothing changes) otherwise."""
        if self.phase is not Phase.QUESTION or step != self.step or self.at_keyboard is not None:
            return False
        self.phase = Phase.REVEAL
        return True

    def _score(self, player_index: int, response: Response | None, seconds: float) -> Outcome:
        """An answer after a buzz; a wrong or late one costs the wrong-buzz penalty."""
        outcome = super()._score(player_index, response, seconds)
        player = self.players[player_index]
        cost = 0 if outcome.correct else wrong_buzz_penalty(player.score)
        if not cost:
            return outcome
        player.score -= cost
        charged = replace(outcome, points=replace(outcome.points, penalty=cost))
        self.outcomes[-1] = charged
        self._answered[player_index] = charged
        return charged

    def _show_question(self) -> None:
        super()._show_question()
        window = answer_seconds(self.questions[self.step])
        self.buzzer = BuzzRound(len(self.players), window, self.clock, self._tie_break)

    def _tie_break(self, seats: Sequence[int]) -> int:
        """Simultaneous buzzes: the lower score wins, then a seeded draw."""
        return behind_first([p.score for p in self.players], seats, self.rng)

    def buzz(self, player: int, step: int) -> BuzzRefusal | None:
        """``player`` buzzes on question ``step``: they answer next, within the
        buzzer's window, while the question clock waits. Returns why not, or ``None``;
        a buzz at the same clock reading as the holder's is a tie (:mod:`quiz.buzzer`)."""
        if self.phase is not Phase.QUESTION or self.buzzer is None:
            return BuzzRefusal.NOT_OPEN
        if step != self.step:
            return BuzzRefusal.OTHER_QUESTION
        reason = self.buzzer.refusal(player)
        if reason is not None:
            return reason
        was_open = self.buzzer.holder is None
        self.buzzer.buzz(player)
        if was_open:
            self._timer.pause()
        return None

    def _moved_on(self, outcome: Outcome) -> None:
        """A right answer closes the question; otherwise the player is locked out and
        it reopens, unless nobody is left."""
        assert self.buzzer is not None  # answers come only while a question is open
        self.buzzer.lock(outcome.turn.player_index)
        self._timer.resume()  # the buzz held the question clock
        if outcome.correct or self.buzzer.exhausted:
            self.phase = Phase.REVEAL

    def tick(self) -> Outcome | None:
        """The holder too slow: a time-out, locked out. Nobody holding and the time
        up: the question closes unanswered (``None``, like no change at all)."""
        if self.phase is not Phase.QUESTION or self.buzzer is None:
            return None
        holder = self.buzzer.holder
        if holder is not None:
            if not self.buzzer.too_slow():
                return None
            outcome = self._score(holder, None, self.elapsed())
            self._moved_on(outcome)
            return outcome
        if self._time_up():
            self.phase = Phase.REVEAL
        return None

    def pause(self) -> None:
        """Stop the question clock and the holder's clock (a dialog is open)."""
        if self.phase is Phase.QUESTION and not self._dialog and self.buzzer is not None:
            self.buzzer.pause()
        super().pause()

    def resume(self) -> None:
        """Restart both clocks."""
        if self._dialog and self.buzzer is not None:
            self.buzzer.resume()
        super().resume()

    def advance(self) -> Phase:
        """Leave the reveal; the next question opens at once."""
        phase = super().advance()
        if phase is not Phase.QUESTION:
            self.buzzer = None
        return phase
