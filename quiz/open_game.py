"""A game whose players answer at once on their own devices and come and go: a party.

:class:`OpenGame` is the engine (:class:`quiz.game.Game`) with ``SHARED`` seating and the
things a room of phones needs: a question can be closed early (the host skips it, or
only players who went away are still to answer), a player who arrives late takes a new
seat between questions, with 0 points, and a player the host removes leaves the game.

A removed player keeps their seat (seats are the phones' numbers and never move) but is
no longer asked, waited for or counted: not in the standings, the podium, the reveal's
counts, nor the saved record. The record keeps the game of everyone else, finished as
it was played; the removed player's answers and name are left out of it, so the scores
database never lists a name the host took out of the room. A game whose every player
was removed records no answers, so it is not kept.
"""

from __future__ import annotations

from dataclasses import replace

from quiz.game import Game, GameStateError, Phase, Seating
from quiz.grading import Response
from quiz.records import GameRecord, PlayerResult
from quiz.session_record import player_results
from quiz.session_standings import PlayerScore, Standing, rank
from quiz.session_turns import Outcome, Refusal


class OpenGame(Game):
    """A shared game a party plays; the dealer deals ``SHARED`` games as this class."""

    #: Seats the host removed (an instance gets its own set on the first removal).
    removed: frozenset[int] = frozenset()
    #: :attr:`waiting_for` and the state it was worked out for.
    _waiting_key: object = None
    _waiting: tuple[int, ...] = ()

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

    def remove(self, seat: int) -> None:
        """Take ``seat`` out of the game: never asked or ranked again (see the module)."""
        if 0 <= seat < len(self.players):
            self.removed = self.removed | {seat}

    # -- what the removal changes -------------------------------------------------

    @property
    def waiting_for(self) -> tuple[int, ...]:
        """Players whose answer the open question expects (never a removed one).

        Asked three times for every answer of a party of hundreds: worked out once for
        each state of the question (its phase, step, answers, players and removals)."""
        key = (self.phase, self.step, len(self._answered), len(self.players), self.removed)
        if key != self._waiting_key:
            self._waiting_key = key
            self._waiting = tuple(seat for seat in super().waiting_for
                                  if seat not in self.removed)  # fmt: skip
        return self._waiting

    @property
    def step_outcomes(self) -> tuple[Outcome, ...]:
        """The answers to the current question so far, of the players still in the game."""
        return tuple(o for o in super().step_outcomes if o.turn.player_index not in self.removed)

    def refusal(self, player: int, step: int, response: Response) -> Refusal | None:
        """As the engine's, and a removed player is not asked."""
        if player in self.removed and self.phase is Phase.QUESTION:
            return Refusal.NOT_ASKED
        return super().refusal(player, step, response)

    def ranked(self) -> tuple[list[PlayerScore], list[Outcome]]:
        """The players still in the game and their answers, numbered among themselves
        (``turn.player_index`` counts only them), for the standings and the podium."""
        kept = [seat for seat in range(len(self.players)) if seat not in self.removed]
        number = {seat: index for index, seat in enumerate(kept)}
        outcomes = [
            replace(o, turn=replace(o.turn, player_index=number[o.turn.player_index]))
            for o in self.outcomes
            if o.turn.player_index in number
        ]
        return [self.players[seat] for seat in kept], outcomes

    def kept(self) -> list[PlayerScore]:
        """The players still in the game, in seat order (no answers renumbered: cheap
        enough for every reveal of a party of hundreds)."""
        return [p for seat, p in enumerate(self.players) if seat not in self.removed]

    def answers_at(self, step: int) -> dict[int, Outcome]:
        """Each seat's answer (or time-out) to question ``step``: one pass over the
        game's answers, for a reveal to every phone."""
        found: dict[int, Outcome] = {}
        for o in reversed(self.outcomes):
            if o.turn.index == step:
                found.setdefault(o.turn.player_index, o)
            elif o.turn.index < step:
                break  # answers are kept in question order
        return found

    def places(self) -> dict[int, tuple[int, int]]:
        """``{seat: (score, place)}`` for the seats still in the game: ranked once, not
        once per phone."""
        place = {id(s.player): s.place for s in self.standings()}
        return {seat: (p.score, place[id(p)])
                for seat, p in enumerate(self.players) if id(p) in place}

    def standings(self) -> list[Standing]:
        """Current ranking of the players still in the game; ties share a place."""
        return rank(self.kept())

    def results(self) -> tuple[PlayerResult, ...]:
        """Each remaining player's result, in seat order, placed among themselves."""
        return player_results(self.kept())

    def record(self) -> GameRecord:
        """The record of the game without the removed players (see the module)."""
        record = super().record()
        if not self.removed:
            return record
        players, _ = self.ranked()
        # record.answers are self.outcomes in order, one for one.
        answers = tuple(a for a, o in zip(record.answers, self.outcomes, strict=True)
                        if o.turn.player_index not in self.removed)  # fmt: skip
        return replace(record, players=tuple(p.name for p in players), answers=answers,
                       results=player_results(players))  # fmt: skip
