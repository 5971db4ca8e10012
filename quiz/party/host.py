"""A party game: the room of phones, the game session, and what each phone is told.

The host is the core of party mode, with no web server and no Textual in it: the server
(:mod:`quiz.party.server`) hands it what phones send and delivers what it sends
(through the injected ``send``); the big screen reads it to draw. Its clock is injected,
so a whole party replays in a test.

The flow: ``lobby`` (phones join) -> :meth:`start` -> for each question: it is sent to
every phone, each answers once (timed on the server from when the question was sent to
that phone), the question closes when every present player answered, time ran out or
the host skipped -> the reveal (each phone hears right/wrong, points and place; the big
screen shows how many picked each option) -> :meth:`next` -> ... -> ``results``.
A phone that drops out is away (kept, never waited for); one that comes back with its
token rejoins with its score; one that joins late plays on from the next question with
0 points. Nothing a phone is sent before the reveal holds the answer.
"""

from __future__ import annotations

import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import replace
from typing import Literal

from quiz.bank import deal_questions
from quiz.game import Phase, Seating
from quiz.game_setup import GameSetup
from quiz.grading import describe
from quiz.open_game import OpenGame
from quiz.party.protocol import AnswerMessage, public_question
from quiz.party.room import KICKED, JoinRefused, PartyPlayer, Room
from quiz.podium import Award, RoundRow, awards, ordinal, round_rows
from quiz.session import Answer, Dealer, DealError, GameSession, Refused, Saved
from quiz.session_standings import Standing, rank
from quiz.session_turns import Outcome

Stage = Literal["lobby", "playing", "ended"]
Send = Callable[[int, dict[str, object]], None]
"""Deliver a message to the phone in a seat (dropped if it is not connected)."""


class PartyHost:
    """One party from lobby to podium.

    Args:
        room: the players and the room code.
        dealer: deals the game (its clock times the questions; its recorder saves).
        send: delivers a message to a seat's phone.
        questions, timer, packs, seed: the game's setup (``timer`` ``None``: no timer).
        clock: monotonic seconds, for timing each phone's answer.
    """

    def __init__(
        self,
        room: Room,
        dealer: Dealer,
        send: Send,
        *,
        questions: int = 10,
        timer: float | None = 20.0,
        packs: Sequence[str] = (),
        seed: int | None = None,
        clock: Callable[[], float] = time.monotonic,
    ) -> None:
        self.room = room
        self.dealer = dealer
        self.send = send
        self.questions = questions
        self.timer = timer
        self.packs = tuple(packs)
        self.seed = seed
        self.clock = clock
        self.stage: Stage = "lobby"
        self.session: GameSession | None = None
        self.paused = False
        self.saved: Saved | None = None
        self.podium = False
        """Whether the big screen moved on from the final standings to the podium."""
        self._sent_at: dict[int, float] = {}

    # -- what the big screen reads -------------------------------------------

    @property
    def phase(self) -> Phase | None:
        """The game's phase (``None`` in the lobby)."""
        return self.session.phase if self.session is not None else None

    @property
    def answered(self) -> int:
        """How many players answered the open question."""
        game = self.session.game if self.session is not None else None
        return len(game.step_outcomes) if game is not None else 0

    def distribution(self) -> list[int]:
        """How many players picked each option of the question just revealed."""
        if self.session is None:
            return []
        game = self.session.game
        question = game.questions[game.step]
        counts = Counter(o.chosen for o in game.step_outcomes if o.chosen is not None)
        return [counts.get(i, 0) for i in range(len(question.options))]

    # -- phones ------------------------------------------------------------------

    def join(self, code: str, name: str) -> PartyPlayer:
        """A new player; :class:`JoinRefused` says why not. Late joiners play on from the
        next question with 0 points."""
        if self.stage == "ended":
            raise JoinRefused("the party is over")
        player = self.room.join(code, name)
        self._seat_late_joiners()
        return player

    def _seat_late_joiners(self) -> None:
        """Give the game a seat for each room player it has not got, between questions."""
        if self.session is None or self.session.phase is Phase.QUESTION:
            return
        game = self._game()
        while len(game.players) < len(self.room.players):
            player = self.room.players[len(game.players)]
            game.add_player(player.name)
            if player.kicked:  # removed before their first question
                game.remove(player.seat)

    def connected(self, player: PartyPlayer) -> None:
        """A phone is (back) on line as ``player``: tell it where the party is."""
        player.connected = True
        self.send(player.seat, self.state_for(player))

    def disconnected(self, player: PartyPlayer) -> None:
        """A phone went away: the player is away, not removed, and not waited for."""
        player.connected = False
        self._close_if_all_in()

    def kick(self, seat: int) -> PartyPlayer | None:
        """The host removes a player: their phone is told and their token stops working."""
        player = self.room.seat(seat)
        if player is None or player.kicked or self.stage == "ended":
            return None  # after the end the game is saved as played: nobody to remove
        self.send(seat, {"type": "kicked", "reason": KICKED})
        self.room.kick(seat)
        if self.session is not None and seat < len(self.session.game.players):
            self._game().remove(seat)  # out of the standings, the reveal and the record
        self._close_if_all_in()
        return player

    def state_for(self, player: PartyPlayer) -> dict[str, object]:
        """What a phone shows now, after a reload too: the lobby, the open question (or
        "locked in" once answered), the reveal it is at (its own result), paused, or its
        final place; with its score and place for the phone's header."""
        base: dict[str, object] = {"type": "welcome", "name": player.name, "seat": player.seat,
                                   "token": player.token}  # fmt: skip
        if self.session is None:
            return base | {"stage": "lobby", "players": len(self.room)}
        game = self.session.game
        seated = player.seat < len(game.players)
        if seated:
            base |= self._score_for(player.seat)
        if self.paused:
            return base | {"stage": "paused"}
        if self.session.phase is Phase.QUESTION and player.seat in game.waiting_for:
            self._sent_at[player.seat] = self.clock()
            return base | {"stage": "question", "ask": self._question_message()}
        if self.session.phase is Phase.QUESTION and seated:
            return base | {"stage": "locked"}
        if self.session.over:
            return base | {"stage": "final", "result": self._final_for(player.seat)}
        step = game.step if self.session.phase is Phase.REVEAL else game.step - 1
        if seated and self._outcome(player.seat, step) is not None:  # not a late joiner
            return base | {"stage": "reveal", "reveal": self._reveal_for(player.seat, step)}
        return base | {"stage": "waiting"}

    def _outcome(self, seat: int, step: int) -> Outcome | None:
        """``seat``'s answer (or time-out) to question ``step``, if it was asked it."""
        return self._game().answers_at(step).get(seat)

    def _places(self) -> dict[int, dict[str, object]]:
        """``{seat: {"score": 1200, "place": "2nd"}}`` for the seats still in the game."""
        return {seat: {"score": score, "place": ordinal(place)}
                for seat, (score, place) in self._game().places().items()}

    def _score_for(self, seat: int) -> dict[str, object]:
        """``{"score": 1200, "place": "2nd"}`` for a seat still in the game."""
        return self._places().get(seat, {})

    def answer(self, player: PartyPlayer, message: AnswerMessage) -> dict[str, object]:
        """A phone's answer. "Locked in" is sent to the phone (before any reveal it brings);
        a refusal is returned for the caller to send. Returns the reply either way."""
        if self.session is None or self.paused:
            return {"type": "refused", "reason": "no question is open"}
        if player.seat >= len(self.session.game.players):
            return {"type": "refused", "reason": "you join from the next question"}
        sent = self._sent_at.get(player.seat)
        seconds = None if sent is None else self.clock() - sent
        result = self.session.submit(Answer(player.seat, message.question, message.response,
                                            seconds=seconds))  # fmt: skip
        if isinstance(result, Refused):
            return {"type": "refused", "reason": result.reason.value}
        reply: dict[str, object] = {"type": "locked", "question": message.question}
        self.send(player.seat, reply)  # before the reveal it may bring
        if result.complete:
            self._reveal()
        else:
            self._close_if_all_in()
        return reply

    # -- the host's keys ---------------------------------------------------------

    def start(self) -> None:
        """Deal the game for the players in the room and ask the first question."""
        if self.stage != "lobby":
            return
        if not self.room.present:
            raise DealError("nobody has joined yet", severity="information")
        names = tuple(p.name for p in self.room.players)
        setup = GameSetup(players=names, questions=self.questions, timer=self.timer,
                          packs=self.packs, seed=self.seed, mode="party")  # fmt: skip
        seed = setup.seed if setup.seed is not None else self.dealer.new_seed()
        setup = replace(setup, seed=seed)
        # One question per round, whatever the number of players.
        drawn, _ = deal_questions(self.dealer.bank, replace(setup, players=names[:1]))
        self.session = self.dealer.deal(setup, questions=drawn, seating=Seating.SHARED)
        self.stage = "playing"
        self._ask()

    def tick(self) -> bool:
        """Let the clock close the open question; ``True`` if it did."""
        if self.session is None or self.paused:
            return False
        if self.session.tick():
            self._reveal()
            return True
        return False

    def skip(self) -> None:
        """Close the open question now (whoever has not answered scores nothing)."""
        if self.session is not None and self.session.phase is Phase.QUESTION:
            self._game().close()
            self._reveal()

    def pause(self) -> None:
        """Stop the clock; phones show "paused"."""
        if self.session is None or self.paused or self.session.over:
            return
        self.paused = True
        self.session.pause()
        self._broadcast({"type": "paused"})

    def resume(self) -> None:
        """Start the clock again; phones go back to where they were."""
        if not self.paused or self.session is None:
            return
        self.paused = False
        self.session.resume()
        for player in self.room.present:
            self.send(player.seat, self.state_for(player))

    def next(self) -> None:
        """Leave the reveal for the standings, or the standings for the next question.

        After the last question's reveal the game ends (it is saved then, and each phone
        gets its final place) and the big screen shows the final standings; the next
        press brings the podium (:attr:`podium`), as every reveal waits for the host."""
        session = self.session
        if session is not None and session.phase is Phase.RESULTS:
            self.podium = True
            return
        if session is None or self.paused or session.phase not in (Phase.REVEAL, Phase.STANDINGS):
            return
        self._seat_late_joiners()  # now: the engine may go straight on to the next question
        saved = session.advance()
        if session.over:
            self._finish(saved)
        elif self.phase is Phase.QUESTION:
            self._ask()

    def end(self) -> Saved | None:
        """End the party: a game in progress is saved as abandoned."""
        if self.session is not None and not self.session.over:
            self.saved = self.session.abandon()
        self.stage = "ended"
        self._broadcast({"type": "ended"})
        return self.saved

    # -- inside ------------------------------------------------------------------

    def _ask(self) -> None:
        """Send the open question to every present phone and start their clocks."""
        assert self.session is not None
        self._seat_late_joiners()
        message = self._question_message()
        now = self.clock()
        for player in self.room.present:
            self._sent_at[player.seat] = now
            self.send(player.seat, message)
        self._close_if_all_in()

    def _question_message(self) -> dict[str, object]:
        assert self.session is not None
        game = self.session.game
        message = public_question(game.questions[game.step], game.step, game.step + 1,
                                  len(game.questions))  # fmt: skip
        message["seconds"] = game.time_left()
        return message

    def _close_if_all_in(self) -> None:
        """Close the question once nobody present is still to answer."""
        session = self.session
        if session is None or session.phase is not Phase.QUESTION or self.paused:
            return
        # Usually the first player still waiting is here: no set of the room per answer.
        if not any(self._here(seat) for seat in session.waiting_for):
            self._game().close()
            self._reveal()

    def _here(self, seat: int) -> bool:
        player = self.room.seat(seat)
        return player is not None and player.connected and not player.kicked

    def _reveal(self) -> None:
        """Tell each phone how its answer went, with its place."""
        assert self.session is not None
        game = self.session.game
        places, outcomes = self._places(), self._game().answers_at(game.step)
        for player in self.room.present:
            if player.seat < len(game.players):
                self.send(player.seat,
                          self._reveal_for(player.seat, game.step, places, outcomes))

    def _reveal_for(self, seat: int, step: int,
                    places: dict[int, dict[str, object]] | None = None,
                    outcomes: dict[int, Outcome] | None = None) -> dict[str, object]:
        """How ``seat``'s answer to question ``step`` went, with its score and place now
        (``places`` and ``outcomes`` when the caller has them for every phone)."""
        assert self.session is not None
        game = self.session.game
        question = game.questions[step]
        outcome = (outcomes if outcomes is not None else self._game().answers_at(step)).get(seat)
        return {
            "type": "reveal",
            "question": step,
            "correct": bool(outcome and outcome.correct),
            "answer": question.correct,
            "yours": describe(question, outcome.response if outcome else None),
            "points": outcome.points.total if outcome else 0,
            "explain": outcome.points.explain() if outcome else "",
            **(places if places is not None else self._places()).get(seat, {}),
            "explanation": question.explanation,
        }

    def standings(self) -> list[RoundRow]:
        """Standings after the question just revealed, with movement (the big screen)."""
        if self.session is None:
            return []
        players, outcomes = self._game().ranked()
        done = max((o.turn.round for o in outcomes), default=0)
        return list(round_rows(players, outcomes, done)) if done else []

    def podium_places(self) -> tuple[list[Standing], list[Award]]:
        """The final standings and the awards, among the players still in the game."""
        players, outcomes = self._game().ranked()
        return rank(players), awards(players, outcomes)

    def _final_for(self, seat: int,
                   places: dict[int, dict[str, object]] | None = None) -> dict[str, object]:
        places = places if places is not None else self._places()
        mine = places.get(seat)
        return {**mine, "players": len(places)} if mine else {}

    def _finish(self, saved: Saved | None) -> None:
        self.saved = saved or self.saved
        self.stage = "ended"
        places = self._places()
        for player in self.room.present:
            self.send(player.seat,
                      {"type": "final", "result": self._final_for(player.seat, places)})

    def _game(self) -> OpenGame:
        """The engine of the party's game (the dealer deals shared games as OpenGame)."""
        assert self.session is not None
        game = self.session.game
        if not isinstance(game, OpenGame):
            raise TypeError("a party's game is dealt with shared seating")
        return game

    def _broadcast(self, message: dict[str, object]) -> None:
        for player in self.room.present:
            self.send(player.seat, message)
