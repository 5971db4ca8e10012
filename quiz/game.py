"""The game itself, as a state machine the session drives and the screens only render.

Phases: ``setup`` -> (``handover`` ->) ``question`` -> ``reveal`` -> ... ->
(``standings`` between rounds) -> ... -> ``results``; ``abandoned`` from anywhere.

How players meet the questions is the :class:`Seating`:

* ``SAME`` (hot-seat, the default): every player answers the same question, in turn
  order; a ``handover`` phase (pass the keyboard) comes before each player's answer,
  each player's clock starts when they are ready, and one reveal shows all answers.
* ``TURNS`` (hot-seat, "own question each", and solo): every player answers their own
  question each round, in turn order, each after a ``handover``.
* ``SHARED``: every player answers the same question at once (their own devices); the
  reveal comes once all of them answered or the time ran out.
* ``BUZZER``: the question shows to all; the first to :meth:`Game.buzz` answers (see
  :mod:`quiz.buzzer`); a wrong or late answer locks them out and reopens the question.

Answers name the player and the question (:meth:`Game.submit`), from any source. Time
comes from an injected ``clock`` and timestamps from an injected ``now``, so tests
replay a game exactly; a time-out is an ordinary transition (:meth:`Game.tick`).
"""

from __future__ import annotations

import random
import time
from collections.abc import Callable, Sequence
from dataclasses import replace
from datetime import datetime

from quiz.game_phase import GameStateError, Phase
from quiz.game_setup import GameSetup, Seating
from quiz.grading import Response, grade
from quiz.grading import refusal as shape_refusal
from quiz.question import Question
from quiz.question_clock import QuestionClock
from quiz.records import GameRecord, PlayerResult, Status
from quiz.scoring import score_answer
from quiz.seating import (
    HOT_SEAT,
    answers,
    asked,
    questions_per_round,
    round_ends,
    round_number,
)
from quiz.session_clock import utc_now
from quiz.session_record import Played, game_record, player_results
from quiz.session_standings import PlayerScore, Standing, rank
from quiz.session_turns import Outcome, Refusal, Turn
from quiz.words import plural

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


class Game:
    """A game in progress: players, their questions, scores and the current phase.

    With ``TURNS`` seating, ``questions`` are dealt in turn order: round 1 gives
    player 1 ``questions[0]``, player 2 ``questions[1]``, ... With the other seatings
    everyone meets ``questions[0]``, then ``questions[1]``, ... If fewer questions
    are given than ``setup.questions`` per player need, each player gets fewer.
    ``seating`` overrides the setup's.
    """

    def __init__(
        self,
        setup: GameSetup,
        questions: Sequence[Question],
        *,
        clock: Callable[[], float] = time.monotonic,
        now: Callable[[], datetime] = utc_now,
        rng: random.Random | None = None,
        seating: Seating | None = None,
    ) -> None:
        if seating is not None and seating is not setup.seating:
            setup = replace(setup, seating=seating)
        self.setup = setup
        self.seating = setup.seating
        count = len(setup.players)
        seats = questions_per_round(self.seating, count)
        self.per_player = min(setup.questions, len(questions) // seats)
        if self.per_player < 1:
            raise ValueError(
                f"the chosen packs give {plural(len(questions), 'question')}: too few for "
                f"{plural(count, 'player')} (choose more packs or fewer players)"
            )
        self.questions: tuple[Question, ...] = tuple(questions[: self.per_player * seats])
        self.players = [PlayerScore(name) for name in setup.players]
        self.phase = Phase.SETUP
        self.outcomes: list[Outcome] = []
        self.rng = rng or random.Random(setup.seed)
        self.clock = clock
        self._timer = QuestionClock(clock)
        self._dialog = False  # a dialog holds the clocks (pause() is idempotent)
        self._now = now
        self._index = 0
        self._answered: dict[int, Outcome] = {}  # player index -> outcome, this question
        if self.seating is Seating.BUZZER and not self.buzzes:
            raise ValueError("a buzzer game is dealt as a quiz.buzzer_game.BuzzerGame")
        self.started_at: datetime | None = None
        self.finished_at: datetime | None = None

    #: Whether players buzz for the floor (:class:`quiz.buzzer_game.BuzzerGame`).
    buzzes = False

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
        """The players (indexes) who answer question ``step`` (default: the current
        one), in the order they answer it at one keyboard."""
        return asked(self.seating, len(self.players), self.step if step is None else step)

    @property
    def at_keyboard(self) -> int | None:
        """The seat whose answer the open question waits for at one keyboard: the
        player in turn, or the buzzer's holder; ``None`` when answers come at once or
        nobody holds the buzzer."""
        if self.seating is Seating.SHARED:
            return None
        left = [p for p in self.asked() if p not in self._answered]
        return left[0] if left else None

    def turn_of(self, player_index: int, step: int | None = None) -> Turn:
        """``player_index`` facing question ``step`` (default: the current one)."""
        step = self.step if step is None else step
        number = round_number(self.seating, len(self.players), step)
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
        """The current (or, in ``reveal``, just answered) turn: the player at the
        keyboard's, else the first asked player's."""
        seat = self.at_keyboard
        return self.turn_of(self.asked()[0] if seat is None else seat)

    @property
    def waiting_for(self) -> tuple[int, ...]:
        """Players whose answer the open question expects now (none outside ``question``)."""
        if self.phase is not Phase.QUESTION:
            return ()
        if self.seating is Seating.SHARED:
            return tuple(p for p in self.asked() if p not in self._answered)
        seat = self.at_keyboard
        return () if seat is None else (seat,)

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
        """Seconds the current question has been on screen for the player at the
        keyboard (pauses, and a buzzer's answering time, excluded)."""
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
        self._dialog = False
        self._timer.start()

    def _next_turn_phase(self) -> None:
        if self.multiplayer and self.seating in HOT_SEAT:
            self.phase = Phase.HANDOVER
        else:
            self._show_question()

    def begin(self) -> None:
        """Start the game: the first player's handover (hot-seat) or question."""
        self._expect(Phase.SETUP)
        self.started_at = self._now()
        self._next_turn_phase()

    def ready(self) -> None:
        """The next player has the keyboard: show their question and start their clock."""
        self._expect(Phase.HANDOVER)
        self._show_question()

    def pause(self) -> None:
        """Stop the question clock (a help or quit dialog is open)."""
        if self.phase is Phase.QUESTION and not self._dialog:
            self._dialog = True
            self._timer.pause()

    def resume(self) -> None:
        """Restart the question clock after :meth:`pause`."""
        if self._dialog:
            self._dialog = False
            self._timer.resume()

    def refusal(self, player: int, step: int, response: Response) -> Refusal | None:
        """Why ``player`` may not answer ``response`` to question ``step`` now, or ``None``."""
        if self.phase is not Phase.QUESTION:
            return Refusal.NOT_ASKING
        if step != self.step:
            return Refusal.OTHER_QUESTION
        if not answers(self.seating, len(self.players), step, player):
            return Refusal.NOT_ASKED
        if player in self._answered:
            return Refusal.ALREADY_ANSWERED
        if player not in self.waiting_for:
            return Refusal.NO_BUZZ if self.buzzes else Refusal.NOT_YOUR_TURN
        question = self.questions[step]
        if shape_refusal(question, response) is not None:
            return Refusal.NO_SUCH_OPTION if question.picks else Refusal.BAD_RESPONSE
        return None

    def submit(
        self, player: int, step: int, response: Response, *, seconds: float | None = None
    ) -> Outcome:
        """``player`` answers ``response`` to question ``step``: an option index (0-based)
        for a pick, indices in order, a number or words (see :mod:`quiz.grading`).

        Raises :class:`GameStateError` if :meth:`refusal` has a reason. An answer that
        arrives after the time limit counts as a time-out, even if no tick came yet.
        The question closes (``reveal``) once every asked player has answered; at one
        keyboard the next player's handover comes first; in a buzzer game a right
        answer closes it and a wrong one reopens it to the others. ``seconds`` is the
        time this player took when the front end measured it itself (a phone: from when
        the question reached it); it never exceeds the time the question has been open.
        """
        reason = self.refusal(player, step, response)
        if reason is not None:
            raise GameStateError(reason.value)
        if self._time_up():
            self.tick()
            return self._answered[player]
        taken = self.elapsed() if seconds is None else min(max(seconds, 0.0), self.elapsed())
        outcome = self._score(player, response, taken)
        self._moved_on(outcome)
        return outcome

    def _moved_on(self, outcome: Outcome) -> None:
        """After an answer or a time-out: close the question, pass it on, or reopen it."""
        if self.seating is Seating.SAME and self.at_keyboard is not None:
            self.phase = Phase.HANDOVER if self.multiplayer else Phase.QUESTION
        elif not self.waiting_for:
            self.phase = Phase.REVEAL

    def answer(self, response: Response) -> Outcome:
        """The player at the keyboard answers ``response``: one keyboard, turns."""
        self._expect(Phase.QUESTION)
        question = self.turn.question
        problem = shape_refusal(question, response)
        if problem is not None:
            raise ValueError(problem)
        if not self.waiting_for:
            raise GameStateError(Refusal.NO_BUZZ.value)
        return self.submit(self.waiting_for[0], self.step, response)

    def tick(self) -> Outcome | None:
        """Check the clock; on a time-out the missing answer (every missing answer, when
        all answer at once) times out and the game moves on. Returns the last of those
        time-outs, or ``None`` if time is not up."""
        if self.phase is not Phase.QUESTION:
            return None
        if self.time_limit is None or not self._time_up():
            return None
        timed_out = [self._score(p, None, self.time_limit) for p in self.waiting_for]
        if timed_out:
            self._moved_on(timed_out[-1])
        else:
            self.phase = Phase.REVEAL
        return timed_out[-1] if timed_out else None

    def _score(self, player_index: int, response: Response | None, seconds: float) -> Outcome:
        turn = self.turn_of(player_index)
        player = self.players[player_index]
        fraction = 0.0 if response is None else grade(turn.question, response)
        correct = fraction >= 1.0
        points, streak = score_answer(
            correct, seconds, self.time_limit, player.streak,
            timed_out=response is None, fraction=fraction,
        )  # fmt: skip
        player.add(points.total, streak, correct, seconds)
        outcome = Outcome(turn, response, round(seconds, 3), points, streak)
        self.outcomes.append(outcome)
        self._answered[player_index] = outcome
        return outcome

    def advance(self) -> Phase:
        """Leave the reveal or the standings for whatever comes next; return it."""
        self._expect(Phase.REVEAL, Phase.STANDINGS)
        if self.phase is Phase.STANDINGS:
            self._next_turn_phase()
            return self.phase
        self._index += 1
        self._answered = {}
        if self._index >= len(self.questions):
            self.phase = Phase.RESULTS
            self.finished_at = self._now()
        elif self.multiplayer and round_ends(self.seating, len(self.players), self._index):
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
