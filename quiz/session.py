"""One game's whole life, for any front end: deal, questions, answers, reveal, results, save.

A :class:`Dealer` (one per front end) turns a :class:`~quiz.game_setup.GameSetup` into a
:class:`GameSession`: it fixes the seed, draws the questions from the bank and starts
the engine (:mod:`quiz.game`) on the injected clock, ``now`` and seed source. The session
then takes input as values and says what happened as values:

* answers are :class:`Answer` (player seat, question index, response) from any source, a
  key at the keyboard, a buzzer, a phone; each is :class:`Accepted` or :class:`Refused`
  (wrong phase, another question, not asked, twice, no such option), never an error, so
  a late or duplicate answer from the network is an ordinary event;
* several answers to one question may arrive in any order; :attr:`GameSession.waiting_for`
  says whose are missing, and the reveal comes when all are in or the clock runs out;
* when the game ends (results or abandoned) the record goes to the recorder exactly
  once, and the :class:`Saved` value says whether it was kept and, if not, why;
* what can be checked before a game is checked when it is dealt, not after it was
  played: the setup (a seed or name the database could not keep is refused) and the
  scores database (looked up for recent questions; if it is unusable the session's
  :attr:`~GameSession.notice` says so at the start).

The engine stays a separate state machine (turn order, scoring, standings) that this
module drives: the session adds what every front end would otherwise repeat (dealing,
validation, saving, "play again"). Not thread-safe: a front end calls it from one event
loop (Textual's, or an aiohttp server's).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, replace
from datetime import datetime
from typing import Literal

from quiz.bank import QuestionBank, deal_questions
from quiz.buzzer import BuzzRefusal
from quiz.buzzer_game import BuzzerGame
from quiz.errors import UserError
from quiz.game import Game, GameStateError, Phase, Seating
from quiz.game_setup import MAX_QUESTIONS, GameSetup, SetupError, check_setup
from quiz.grading import Response
from quiz.open_game import OpenGame
from quiz.question import Question
from quiz.records import GameRecord
from quiz.rounds import balanced
from quiz.session_clock import fresh_seed, utc_now
from quiz.session_turns import Outcome, Refusal

Recorder = Callable[[GameRecord], str | None]
"""Keeps a game's record (the scores database); may return a line for the players (the
game was kept for later, earlier games were stored) and may raise: the session reports it."""

Recent = Callable[[Sequence[str]], Sequence[str]]
"""Player names -> question ids they saw lately; raises ``UserError`` if the scores
database cannot be used."""


@dataclass(frozen=True, slots=True)
class Answer:
    """One player's pick for one question, from whatever source."""

    player: int  # the player's seat: their index in the setup's players
    question: int  # the question's 0-based index in the game (``Game.step``)
    response: Response  # an option index (0-based), indices in order, a number or words
    #: The seconds the player took, when the front end measured it (a phone's answer is
    #: timed from when the question reached that phone); ``None``: the engine's clock.
    seconds: float | None = None


@dataclass(frozen=True, slots=True)
class Accepted:
    """The answer counts; ``complete`` once the question closed (the reveal is next)."""

    answer: Answer
    outcome: Outcome
    complete: bool


@dataclass(frozen=True, slots=True)
class Refused:
    """The answer was not taken, and why."""

    answer: Answer
    reason: Refusal


Submission = Accepted | Refused


@dataclass(frozen=True, slots=True)
class Saved:
    """What became of a game's record: kept, or ``problem`` says why not.

    ``notice`` is a line from the recorder for the players, such as "kept in a file
    and saved later" or "a game saved earlier is stored now".
    """

    record: GameRecord
    problem: str | None = None
    notice: str | None = None

    @property
    def ok(self) -> bool:
        """Whether the record was kept (or there was nowhere to keep it)."""
        return self.problem is None


class DealError(Exception):
    """No game could be dealt; the message says why, ``severity`` how loudly to say it."""

    def __init__(self, message: str, severity: Literal["information", "error"] = "error"):
        super().__init__(message)
        self.severity: Literal["information", "error"] = severity


class GameSession:
    """A game in progress and what becomes of it; front ends read :attr:`game` to draw.

    Args:
        game: the engine, not yet begun; the session begins it.
        recorder: keeps the record when the game ends (``None``: kept nowhere).
        shortfall: a line for the players when the packs gave fewer questions than asked.
        notice: a line for the players at the start (the scores database is unusable).
    """

    def __init__(
        self,
        game: Game,
        *,
        recorder: Recorder | None = None,
        shortfall: str | None = None,
        notice: str | None = None,
    ) -> None:
        self.game = game
        self.recorder = recorder
        self.shortfall = shortfall
        self.notice = notice
        self.saved: Saved | None = None
        """The outcome of the one save, once the game ended."""
        game.begin()

    @property
    def phase(self) -> Phase:
        """Where the game is."""
        return self.game.phase

    @property
    def setup(self) -> GameSetup:
        """The setup the game was dealt from (with its seed)."""
        return self.game.setup

    @property
    def over(self) -> bool:
        """True once the game reached results or was abandoned."""
        return self.game.over

    @property
    def waiting_for(self) -> tuple[int, ...]:
        """Seats whose answer to the open question is still expected."""
        return self.game.waiting_for

    # -- input ---------------------------------------------------------------

    def _showing(self, phase: Phase, question: int | None) -> bool:
        """Whether the game is where a front end saw it (``question`` ``None``: any)."""
        if self.game.phase is not phase:
            return False
        return question is None or question == self.game.step

    def ready(self, question: int | None = None) -> bool:
        """The next player has the keyboard; ``False`` if nobody was being waited for.

        ``question`` is the one the front end was handing over: a stale press is ignored.
        """
        if not self._showing(Phase.HANDOVER, question):
            return False
        self.game.ready()
        return True

    def submit(self, answer: Answer) -> Submission:
        """Take one answer; several for the same question may come, from any seat."""
        reason = self.game.refusal(answer.player, answer.question, answer.response)
        if reason is not None:
            return Refused(answer, reason)
        outcome = self.game.submit(
            answer.player, answer.question, answer.response, seconds=answer.seconds
        )
        return Accepted(answer, outcome, complete=self.game.phase is Phase.REVEAL)

    def buzz(self, seat: int, question: int) -> BuzzRefusal | None:
        """``seat`` buzzes on ``question`` (a buzzer game): ``None`` if the buzz was
        taken (they hold the floor, or share a tie), else why not."""
        if not isinstance(self.game, BuzzerGame):
            return BuzzRefusal.NOT_OPEN
        return self.game.buzz(seat, question)

    def close_question(self, question: int) -> bool:
        """Nobody knows ``question`` (a buzzer game with the timer off): reveal it;
        ``True`` if it closed."""
        return isinstance(self.game, BuzzerGame) and self.game.close(question)

    def tick(self) -> bool:
        """Let the clock move the game on; ``True`` if the phase changed (time ran out
        for the player at the keyboard, or for everyone). A buzzer's holder running out
        of time only reopens the question: the phase stays."""
        before = self.game.phase
        self.game.tick()
        return self.game.phase is not before

    def advance(self, seen: Phase | None = None, question: int | None = None) -> Saved | None:
        """Leave the reveal or the standings; returns the save if the game just ended.

        With ``seen`` and ``question`` (what the front end showed), a stale request, one
        the game has moved past already, is ignored.
        """
        if self.game.phase not in (Phase.REVEAL, Phase.STANDINGS):
            return None
        if seen is not None and not self._showing(seen, question):
            return None
        self.game.advance()
        return self._save() if self.game.over else None

    def pause(self) -> None:
        """Stop the question clock (a dialog covers the question)."""
        self.game.pause()

    def resume(self) -> None:
        """Restart the question clock."""
        self.game.resume()

    def abandon(self) -> Saved | None:
        """Give the game up; returns the save (``None`` if it had ended already)."""
        if self.game.over:
            return None
        self.game.abandon()
        return self._save()

    def _save(self) -> Saved | None:
        """Hand the record to the recorder, once; later calls return nothing new."""
        if self.saved is not None:
            return None
        try:
            record = self.game.record()
        except GameStateError:  # pragma: no cover - only called once the game is over
            return None
        problem = notice = None
        # A game given up before anyone answered holds nothing worth keeping.
        if self.recorder is not None and record.answers:
            try:
                notice = self.recorder(record)
            except Exception as error:  # any failure of the store is said, never lost
                problem = f"Could not save this game: {error}"
        self.saved = Saved(record, problem, notice)
        return self.saved


#: The engine each seating is dealt as (any other: :class:`~quiz.game.Game`).
ENGINES: dict[Seating, type[Game]] = {Seating.BUZZER: BuzzerGame, Seating.SHARED: OpenGame}


class Dealer:
    """Deals games from a bank with an injected clock, ``now`` and seed source.

    Args:
        bank: where questions come from.
        recorder: keeps every game that ends.
        clock: monotonic seconds for the question timer.
        now: wall-clock time for the records.
        new_seed: a seed for games set up without one.
        missed: player name -> ids of questions they got wrong (review games).
        recent: player names -> ids of questions they saw lately, dealt last; it is
            also the check, at the start, that the scores database can be used.
    """

    def __init__(
        self,
        bank: QuestionBank,
        *,
        recorder: Recorder | None = None,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
        new_seed: Callable[[], int] = fresh_seed,
        missed: Callable[[str], Sequence[str]] | None = None,
        recent: Recent | None = None,
    ) -> None:
        self.bank = bank
        self.recorder = recorder
        self.recent = recent
        self.clock = clock
        self.now = now
        self.new_seed = new_seed
        self.missed = missed

    def deal(
        self,
        setup: GameSetup,
        *,
        questions: Sequence[Question] | None = None,
        seating: Seating | None = None,
    ) -> GameSession:
        """Fix the seed, draw the questions (unless given) and begin; raises :class:`DealError`.

        ``seating`` overrides the setup's. Drawn questions of "own question each" come
        in fair rounds (:mod:`quiz.rounds`).
        """
        seed = setup.seed if setup.seed is not None else self.new_seed()
        setup = replace(setup, seed=seed, seating=seating or setup.seating)
        try:
            check_setup(setup)
        except SetupError as error:
            raise DealError(f"Cannot start a game: {error}") from None
        recent, notice = self._recent(setup.players)
        try:
            if questions is None:
                questions, rng = deal_questions(self.bank, setup, recent)
                if setup.seating is Seating.TURNS:
                    questions = balanced(questions, len(setup.players))
            else:
                rng = random.Random(seed)
            engine = ENGINES.get(setup.seating, Game)
            game = engine(setup, questions, clock=self.clock, now=self.now, rng=rng)
        except Exception as error:  # a pack or generator failing must not end the app
            raise DealError(f"Cannot start a game: {error}") from error
        shortfall = None
        if game.per_player < setup.questions:
            shortfall = (
                f"The chosen packs give {len(questions)} questions: "
                f"{game.per_player} per player instead of {setup.questions}."
            )
        return GameSession(game, recorder=self.recorder, shortfall=shortfall, notice=notice)

    def _recent(self, players: Sequence[str]) -> tuple[Sequence[str], str | None]:
        """Recent question ids, or none and a line saying the database cannot be used.

        Said now, before the game, rather than after it when the save fails; the game
        is still played, and kept for later by the recorder if the save fails.
        """
        if self.recent is None:
            return (), None
        try:
            return self.recent(players), None
        except UserError as error:
            return (), f"The scores database cannot be used now: {error}"

    def review(self, player: str) -> GameSession:
        """A practice game of the questions ``player`` got wrong: no timer, not ranked."""
        try:
            ids = list(self.missed(player)) if self.missed is not None else []
            rng = random.Random(self.new_seed())
            questions = self.bank.draw_ids(ids, MAX_QUESTIONS, rng) if ids else []
        except Exception as error:  # the scores database or a pack failing
            raise DealError(f"Cannot start a review: {error}") from error
        if not questions:
            raise DealError("No missed questions to review.", severity="information")
        setup = GameSetup(
            players=(player,), questions=len(questions), timer=None, mode="practice",
            seating=Seating.TURNS,
        )  # fmt: skip
        return self.deal(setup, questions=questions)

    def again(self, session: GameSession) -> GameSession:
        """Same setup, new questions: a seed drawn from the last game's generator."""
        if session.setup.mode_name == "practice":
            return self.review(session.setup.players[0])
        setup = replace(session.setup, seed=session.game.next_seed())
        return self.deal(setup, seating=session.game.seating)
