"""A game whose players answer at once on their own devices and come and go: a party.

:class:`OpenGame` is the engine (:class:`quiz.game.Game`) with ``SHARED`` seating and two
things a room of phones needs: a question can be closed early (the host skips it, or
only players who went away are still to answer), and a player who arrives late takes a
new seat between questions, with 0 points.
"""

from __future__ import annotations

from quiz.game import Game, GameStateError, Phase, Seating
from quiz.session_standings import PlayerScore
from quiz.session_turns import Outcome


class OpenGame(Game):
    """A shared game a party plays; the dealer deals ``SHARED`` games as this class."""

    def close(self) -> Outcome | None:
        """End the open question now: every missing answer times out, the reveal comes.

        For a host who skips a question, or a party where only away players are left to
        answer. Returns the last time-out (``None`` if nobody was missing or no question
        was open).
        """
        if self.phase is not Phase.QUESTION:
            return None
        missing = [self._score(p, None, self.elapsed()) for p in self.waiting_for]
        self.phase = Phase.REVEAL
        return missing[-1] if missing else None

    def add_player(self, name: str) -> int:
        """A player joining between questions of a shared game, with 0 points; their seat."""
        if self.seating is not Seating.SHARED or self.phase is Phase.QUESTION:
            raise GameStateError("players join a shared game between questions")
        self.players.append(PlayerScore(name))
        return len(self.players) - 1
