"""The game itself, as a state machine the session drives and the screens only render.

Phases: ``setup`` -> (``handover`` ->) ``question`` -> ``reveal`` -> ... ->
(``standings`` between rounds) -> ... -> ``results``; ``abandoned`` from anywhere.

How players meet the questions is the :class:`Seating`. With ``TURNS`` (solo and
hot-seat) every player answers their own question each round, in turn order, and a
``handover`` phase (pass the keyboard) comes before each turn. With ``SHARED`` every
player answers the same question and the reveal comes once all of them answered or the
time ran out. Answers name the player and the question (:meth:`Game.submit`), so
several of them, from any source, can arrive for one question.

Time comes from an injected ``clock`` (monotonic seconds) and timestamps from an
injected ``now``, so tests replay a game exactly. A time-out is an ordinary
transition: the front end calls :meth:`Game.tick` and the clock decides.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import datetime
from enum import StrEnum

from quiz.game_setup import GameSetup
from quiz.grading import Response, grade
from quiz.grading import refusal as shape_refusal
from quiz.question import Question
from quiz.records import GameRecord, PlayerResult, Status
from quiz.scoring import score_answer
from quiz.session_clock import utc_now
from quiz.session_record import Played, game_record, player_results
from quiz.session_standings import PlayerScore, Standing, rank
from quiz.session_turns import Outcome, Refusal, Turn

__all__ = [
    "Game",
    "GameSetup",
    "GameStateError",
    "Outcome",
    "Phase",
    "PlayerScore",
    "Refusal",
    "Seating",
    "Standing",
    "Turn",
    "rank",
]


class Phase(StrEnum):
    """Where the game is."""

    SETUP = "setup"
    HANDOVER = "handover"
    QUESTION = "question"
    REVEAL = "reveal"
    STANDINGS = "standings"
    RESULTS = "results"
    ABANDONED = "abandoned"


class Seating(StrEnum):
    """How players meet the questions."""

    TURNS = "turns"  # each player their own question, in turn (solo, hot-seat)
    SHARED = "shared"  # every player answers the same question at once


class GameStateError(RuntimeError):
    """A method was called in a phase where it makes no sense (a UI bug)."""


@dataclass(slots=True)
class _Clock:
    """The question timer: started, paused and resumed on the injected clock."""

    clock: Callable[[], float]
    started: float = 0.0
    paused_at: float | None = None
    paused_total: float = 0.0

    def start(self) -> None:
        self.started = self.clock()
        self.paused_at = None
        self.paused_total = 0.0

    def elapsed(self) -> float:
        now = self.paused_at if self.paused_at is not None else self.clock()
        return max(now - self.started - self.paused_total, 0.0)


class Game:
    """A game in progress: players, their questions, scores and the current phase.

    With ``TURNS`` seating, ``questions`` are dealt in turn order: round 1 gives
    player 1 ``questions[0]``, player 2 ``questions[1]``, ... With ``SHARED`` seating
    everyone answers ``questions[0]``, then ``questions[1]``, ... If fewer questions
    are given than ``setup.questions`` per player need, each player gets fewer.
    """

    def __init__(
        self,
        setup: GameSetup,
        questions: Sequence[Question],
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
        rng: random.Random | None = None,
        seating: Seating = Seating.TURNS,
    ) -> None:
        self.setup = setup
        self.seating = seating
        count = len(setup.players)
        seats = count if seating is Seating.TURNS else 1  # questions one round uses
        self.per_player = min(setup.questions, len(questions) // seats)
        if self.per_player < 1:
            raise ValueError(
                f"the chosen packs give {len(questions)} question(s), fewer than the "
                f"{count} players need for one each (choose more packs or fewer players)"
            )
        self.questions: tuple[Question, ...] = tuple(questions[: self.per_player * seats])
        self.players = [PlayerScore(name) for name in setup.players]
        self.phase = Phase.SETUP
        self.outcomes: list[Outcome] = []
        self.rng = rng or random.Random(setup.seed)
        self._timer = _Clock(clock)
        self._now = now
        self._index = 0
        self._answered: dict[int, Outcome] = {}  # player index -> outcome, this question
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None

    # -- what the front ends read ------------------------------------------

    @property
    def multiplayer(self) -> bool:
        """True for a game of more than one player."""
        return len(self.players) > 1

    @property
    def rounds(self) -> int:
        """How many rounds the game has (one question per player each)."""
        return self.per_player

    @property
    def over(self) -> bool:
        """True once the game reached results or was abandoned."""
        return self.phase in (Phase.RESULTS, Phase.ABANDONED)

    @property
    def step(self) -> int:
        """The 0-based index of the question being (or just) asked: answers name it."""
        return min(self._index, len(self.questions) - 1)

    def asked(self, step: int | None = None) -> tuple[int, ...]:
        """The players (indexes) who answer question ``step`` (default: the current one)."""
        step = self.step if step is None else step
        if self.seating is Seating.TURNS:
            return (step % len(self.players),)
        return tuple(range(len(self.players)))

    def _asks(self, player: int, step: int) -> bool:
        """Whether ``player`` answers question ``step`` (without building :meth:`asked`:
        a party of 200 phones checks this for every answer)."""
        if self.seating is Seating.TURNS:
            return player == step % len(self.players)
        return 0 <= player < len(self.players)

    def _asked_count(self) -> int:
        return 1 if self.seating is Seating.TURNS else len(self.players)

    def turn_of(self, player_index: int, step: int | None = None) -> Turn:
        """``player_index`` facing question ``step`` (default: the current one)."""
        step = self.step if step is None else step
        if self.seating is Seating.TURNS:
            number = step // len(self.players) + 1
        else:
            number = step + 1
        return Turn(
            index=step,
            round=number,
            player_index=player_index,
            player=self.players[player_index].name,
            number=number,
            of=self.per_player,
            question=self.questions[step],
        )

    @property
    def turn(self) -> Turn:
        """The current (or, in ``reveal``, just answered) turn; with shared questions,
        the first asked player's."""
        return self.turn_of(self.asked()[0])

    @property
    def waiting_for(self) -> tuple[int, ...]:
        """Players still expected to answer the open question (none outside ``question``)."""
        if self.phase is not Phase.QUESTION:
            return ()
        return tuple(p for p in self.asked() if p not in self._answered)

    @property
    def current_player(self) -> PlayerScore:
        """The scores of whoever's turn it is."""
        return self.players[self.turn.player_index]

    @property
    def last_outcome(self) -> Outcome | None:
        """The most recent answer, shown by the reveal."""
        return self.outcomes[-1] if self.outcomes else None

    @property
    def step_outcomes(self) -> tuple[Outcome, ...]:
        """The answers to the current question so far, in player order."""
        return tuple(self._answered[p] for p in sorted(self._answered))

    @property
    def time_limit(self) -> float | None:
        """Seconds per question, or ``None`` with the timer off."""
        return self.setup.timer

    def elapsed(self) -> float:
        """Seconds the current question has been on screen (pauses excluded)."""
        return self._timer.elapsed()

    def time_left(self) -> float | None:
        """Seconds left on the current question, ``None`` with the timer off."""
        if self.time_limit is None:
            return None
        return max(self.time_limit - self.elapsed(), 0.0)

    def _time_up(self) -> bool:
        return self.time_limit is not None and self.elapsed() >= self.time_limit

    def standings(self) -> list[Standing]:
        """Current ranking; ties share a place."""
        return rank(self.players)

    # -- transitions -------------------------------------------------------

    def _expect(self, *phases: Phase) -> None:
        if self.phase not in phases:
            wanted = " or ".join(phase.value for phase in phases)
            raise GameStateError(f"game is in {self.phase.value}, not {wanted}")

    def _show_question(self) -> None:
        self.phase = Phase.QUESTION
        self._answered = {}
        self._timer.start()

    def _next_turn_phase(self) -> None:
        if self.multiplayer and self.seating is Seating.TURNS:
            self.phase = Phase.HANDOVER
        else:
            self._show_question()

    def begin(self) -> None:
        """Start the game: the first player's handover (hot-seat) or question."""
        self._expect(Phase.SETUP)
        self.started_at = self._now()
        self._next_turn_phase()

    def ready(self) -> None:
        """The next player has the keyboard: show their question and start the clock."""
        self._expect(Phase.HANDOVER)
        self._show_question()

    def pause(self) -> None:
        """Stop the question clock (a help or quit dialog is open)."""
        if self.phase is Phase.QUESTION and self._timer.paused_at is None:
            self._timer.paused_at = self._timer.clock()

    def resume(self) -> None:
        """Restart the question clock after :meth:`pause`."""
        if self._timer.paused_at is not None:
            self._timer.paused_total += self._timer.clock() - self._timer.paused_at
            self._timer.paused_at = None

    def refusal(self, player: int, step: int, response: Response) -> Refusal | None:
        """Why ``player`` may not answer ``response`` to question ``step`` now, or ``None``."""
        if self.phase is not Phase.QUESTION:
            return Refusal.NOT_ASKING
        if step != self.step:
            return Refusal.OTHER_QUESTION
        if not self._asks(player, step):
            return Refusal.NOT_ASKED
        if player in self._answered:
            return Refusal.ALREADY_ANSWERED
        question = self.questions[step]
        if shape_refusal(question, response) is not None:
            return Refusal.NO_SUCH_OPTION if question.picks else Refusal.BAD_RESPONSE
        return None

    def submit(
        self, player: int, step: int, response: Response, *, seconds: float | None = None
    ) -> Outcome:
        """``player`` answers ``response`` to question ``step``: an option index (0-based)
        for a pick, indices in order, a number or words (see :mod:`quiz.grading`).

        Raises :class:`GameStateError` if :meth:`refusal` has a reason. A pick that
        arrives after the time limit counts as a time-out, even if no tick came yet,
        and closes the question for everyone. The question closes (``reveal``) once
        every asked player has answered. ``seconds`` is the time this player took when
        the front end measured it itself (a phone: from when the question reached it);
        it never exceeds the time the question has been open.
        """
        reason = self.refusal(player, step, response)
        if reason is not None:
            raise GameStateError(reason.value)
        if self._time_up():
            self.tick()
            return self._answered[player]
        taken = self.elapsed() if seconds is None else min(max(seconds, 0.0), self.elapsed())
        outcome = self._score(player, response, taken)
        if len(self._answered) >= self._asked_count():
            self.phase = Phase.REVEAL
        return outcome

    def answer(self, response: Response) -> Outcome:
        """The current player answers ``response``: one keyboard, turns."""
        self._expect(Phase.QUESTION)
        question = self.turn.question
        problem = shape_refusal(question, response)
        if problem is not None:
            raise ValueError(problem)
        return self.submit(self.waiting_for[0], self.step, response)

    def tick(self) -> Outcome | None:
        """Check the clock; on a time-out, every missing answer times out and the reveal
        comes. Returns the last of those time-outs, or ``None`` if time is not up."""
        if self.phase is not Phase.QUESTION or self.time_limit is None or not self._time_up():
            return None
        timed_out = [self._score(p, None, self.time_limit) for p in self.waiting_for]
        self.phase = Phase.REVEAL
        return timed_out[-1] if timed_out else None

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

    def _score(self, player_index: int, response: Response | None, seconds: float) -> Outcome:
        turn = self.turn_of(player_index)
        player = self.players[player_index]
        fraction = 0.0 if response is None else grade(turn.question, response)
        correct = fraction >= 1.0
        points, streak = score_answer(
            correct, seconds, self.time_limit, player.streak,
            timed_out=response is None, fraction=fraction,
        )  # fmt: skip
        player.answered += 1
        player.score += points.total
        player.streak = streak
        player.best_streak = max(player.best_streak, streak)
        if correct:
            player.correct += 1
            if player.fastest is None or seconds < player.fastest:
                player.fastest = seconds
        outcome = Outcome(turn, response, round(seconds, 3), points, streak)
        self.outcomes.append(outcome)
        self._answered[player_index] = outcome
        return outcome

    def _round_ends(self) -> bool:
        """Whether the question just left ended a round (standings come next)."""
        if self.seating is Seating.SHARED:
            return True
        return self._index % len(self.players) == 0

    def advance(self) -> Phase:
        """Leave the reveal or the standings for whatever comes next; return it."""
        self._expect(Phase.REVEAL, Phase.STANDINGS)
        if self.phase is Phase.STANDINGS:
            self._next_turn_phase()
            return self.phase
        self._index += 1
        if self._index >= len(self.questions):
            self.phase = Phase.RESULTS
            self.finished_at = self._now()
        elif self.multiplayer and self._round_ends():
            self.phase = Phase.STANDINGS
        else:
            self._next_turn_phase()
        return self.phase

    def abandon(self) -> None:
        """Give up the game; it is recorded as abandoned."""
        if self.over:
            return
        self.phase = Phase.ABANDONED
        if self.started_at is None:
            self.started_at = self._now()
        self.finished_at = self._now()

    def next_seed(self) -> int:
        """A seed for "Play again", derived from this game's random generator."""
        return self.rng.randrange(2**31)

    # -- the record --------------------------------------------------------

    def record(self) -> GameRecord:
        """The :class:`GameRecord` of a finished or abandoned game."""
        if not self.over:
            raise GameStateError("the game is still going")
        assert self.started_at is not None and self.finished_at is not None
        status: Status = "finished" if self.phase is Phase.RESULTS else "abandoned"
        played = Played(
            self.setup, self.per_player, self.questions, self.players, self.outcomes,
            status, self.started_at, self.finished_at,
        )  # fmt: skip
        return game_record(played)

    def results(self) -> tuple[PlayerResult, ...]:
        """Each player's result, in turn order, with the place the standings give them."""
        return player_results(self.players)
