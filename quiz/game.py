"""The game itself, as a state machine the UI only renders and pokes.

Phases: ``setup`` -> (``handover`` ->) ``question`` -> ``reveal`` -> ... ->
(``standings`` between rounds) -> ... -> ``results``; ``abandoned`` from anywhere.
In a hot-seat game every player answers their own question each round, in turn
order, and a ``handover`` phase (pass the keyboard) comes before each turn.

Time comes from an injected ``clock`` (monotonic seconds) and timestamps from an
injected ``now``, so tests replay a game exactly. A time-out is an ordinary
transition: the UI calls :meth:`Game.tick` and the clock decides.
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from datetime import UTC, datetime
from enum import StrEnum

from quiz.game_setup import GameSetup
from quiz.question import Question
from quiz.records import AnswerRecord, GameRecord, PlayerResult
from quiz.scoring import Points, score_answer

__all__ = ["Game", "GameSetup", "Outcome", "Phase", "PlayerScore", "Standing", "Turn"]


class Phase(StrEnum):
    """Where the game is."""

    SETUP = "setup"
    HANDOVER = "handover"
    QUESTION = "question"
    REVEAL = "reveal"
    STANDINGS = "standings"
    RESULTS = "results"
    ABANDONED = "abandoned"


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

    @property
    def accuracy(self) -> float:
        """Share of answered questions that were right, 0.0 to 1.0."""
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class Turn:
    """One player facing one question."""

    index: int  # 0-based position in the whole game
    round: int  # 1-based
    player_index: int
    player: str
    number: int  # this player's question number, 1-based
    of: int  # questions per player
    question: Question


@dataclass(frozen=True, slots=True)
class Outcome:
    """How a turn went: the pick (``None`` on a time-out), time taken and points."""

    turn: Turn
    chosen: int | None
    seconds: float
    points: Points
    streak: int

    @property
    def correct(self) -> bool:
        """Whether the pick was the right option."""
        return self.points.correct

    @property
    def timed_out(self) -> bool:
        """Whether time ran out before a pick."""
        return self.points.timed_out


@dataclass(frozen=True, slots=True)
class Standing:
    """A place in the standings; tied scores share a place (1, 1, 3)."""

    place: int
    player: PlayerScore


def _utc_now() -> datetime:
    return datetime.now(UTC)


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

    ``questions`` are dealt in turn order: round 1 gives player 1 ``questions[0]``,
    player 2 ``questions[1]``, ... If fewer than ``players * setup.questions`` are
    given, each player gets ``len(questions) // players``.
    """

    def __init__(
        self,
        setup: GameSetup,
        questions: Sequence[Question],
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = _utc_now,
        rng: random.Random | None = None,
    ) -> None:
        self.setup = setup
        count = len(setup.players)
        self.per_player = min(setup.questions, len(questions) // count)
        if self.per_player < 1:
            raise ValueError(
                f"the chosen packs give {len(questions)} question(s), fewer than the "
                f"{count} players need for one each (choose more packs or fewer players)"
            )
        self.questions: tuple[Question, ...] = tuple(questions[: self.per_player * count])
        self.players = [PlayerScore(name) for name in setup.players]
        self.phase = Phase.SETUP
        self.outcomes: list[Outcome] = []
        self.rng = rng or random.Random(setup.seed)
        self._timer = _Clock(clock)
        self._now = now
        self._index = 0
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None

    # -- what the UI reads -------------------------------------------------

    @property
    def multiplayer(self) -> bool:
        """True for a hot-seat game (more than one player)."""
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
    def turn(self) -> Turn:
        """The current (or, in ``reveal``, just answered) turn."""
        index = min(self._index, len(self.questions) - 1)
        count = len(self.players)
        player_index = index % count
        return Turn(
            index=index,
            round=index // count + 1,
            player_index=player_index,
            player=self.players[player_index].name,
            number=index // count + 1,
            of=self.per_player,
            question=self.questions[index],
        )

    @property
    def current_player(self) -> PlayerScore:
        """The scores of whoever's turn it is."""
        return self.players[self.turn.player_index]

    @property
    def last_outcome(self) -> Outcome | None:
        """The most recent answer, shown by the reveal."""
        return self.outcomes[-1] if self.outcomes else None

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
        self._timer.start()

    def _next_turn_phase(self) -> None:
        if self.multiplayer:
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

    def answer(self, chosen: int) -> Outcome:
        """The current player picks option ``chosen`` (0-based).

        A pick that arrives after the time limit counts as a time-out, even if the UI
        had not ticked yet.
        """
        self._expect(Phase.QUESTION)
        question = self.turn.question
        if not 0 <= chosen < len(question.options):
            raise ValueError(f"no option {chosen + 1}: {len(question.options)} options")
        seconds = self.elapsed()
        if self.time_limit is not None and seconds >= self.time_limit:
            return self._finish_turn(None, self.time_limit)
        return self._finish_turn(chosen, seconds)

    def tick(self) -> Outcome | None:
        """Check the clock; on a time-out move to the reveal and return the outcome."""
        if self.phase is not Phase.QUESTION or self.time_limit is None:
            return None
        if self.elapsed() < self.time_limit:
            return None
        return self._finish_turn(None, self.time_limit)

    def _finish_turn(self, chosen: int | None, seconds: float) -> Outcome:
        turn = self.turn
        player = self.players[turn.player_index]
        correct = chosen == turn.question.answer
        points, streak = score_answer(
            correct, seconds, self.time_limit, player.streak, timed_out=chosen is None
        )
        player.answered += 1
        player.score += points.total
        player.streak = streak
        player.best_streak = max(player.best_streak, streak)
        if correct:
            player.correct += 1
            if player.fastest is None or seconds < player.fastest:
                player.fastest = seconds
        outcome = Outcome(turn, chosen, round(seconds, 3), points, streak)
        self.outcomes.append(outcome)
        self.phase = Phase.REVEAL
        return outcome

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
        elif self.multiplayer and self._index % len(self.players) == 0:
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
        answers = tuple(
            AnswerRecord(
                player=outcome.turn.player,
                question_id=outcome.turn.question.id,
                pack=outcome.turn.question.pack,
                category=outcome.turn.question.category,
                chosen=outcome.chosen,
                correct=outcome.correct,
                seconds=outcome.seconds,
                points=outcome.points.total,
            )
            for outcome in self.outcomes
        )
        settings = self.setup.settings()
        settings["questions_asked"] = self.per_player
        return GameRecord(
            started_at=self.started_at.isoformat(timespec="seconds"),
            finished_at=self.finished_at.isoformat(timespec="seconds"),
            mode=self.setup.mode_name,
            status="finished" if self.phase is Phase.RESULTS else "abandoned",
            players=tuple(player.name for player in self.players),
            packs=self.setup.packs or tuple(sorted({q.pack for q in self.questions})),
            seed=self.setup.seed,
            settings=settings,
            answers=answers,
            results=self.results(),
        )

    def results(self) -> tuple[PlayerResult, ...]:
        """Each player's result, in turn order, with the place the standings give them."""
        places = {id(standing.player): standing.place for standing in self.standings()}
        return tuple(
            PlayerResult(
                player=player.name,
                score=player.score,
                rank=places[id(player)],
                correct=player.correct,
                answered=player.answered,
                best_streak=player.best_streak,
            )
            for player in self.players
        )

