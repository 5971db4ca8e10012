"""Fixtures for driving the app: fixed questions, a fake clock, a list recorder."""

from __future__ import annotations

import dataclasses

import pytest
from fakes import FakeClock, fixed_now, make_questions

from quiz.bank import ListBank, PackChoice
from quiz.game_setup import GameSetup, Seating
from quiz.question import Question
from quiz.ui.app import QuizApp


@pytest.fixture
def clock() -> FakeClock:
    """A clock the test moves."""
    return FakeClock()


@pytest.fixture
def records() -> list:
    """Game records the app handed to its recorder."""
    return []


@pytest.fixture
def make_app(clock, records):
    """Build a QuizApp over fixed questions, a fake clock and a list recorder."""

    def build(
        players: tuple[str, ...] | None = None,
        *,
        questions: list[Question] | None = None,
        per_player: int = 5,
        timer: float | None = 20.0,
        packs: list[PackChoice] | None = None,
        problems: tuple[str, ...] = (),
        seating: Seating | None = None,
    ) -> QuizApp:
        bank = ListBank(questions or make_questions(), packs or [], problems)
        setup = None
        if players is not None:
            setup = GameSetup(players=players, questions=per_player, timer=timer, seed=1)
            if seating is not None:
                setup = dataclasses.replace(setup, seating=seating)
        return QuizApp(
            bank,
            recorder=records.append,
            quick_start=setup,
            clock=clock,
            now=fixed_now,
            new_seed=lambda: 42,
            tick_interval=0.05,
        )

    return build
