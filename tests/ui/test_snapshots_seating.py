"""Snapshots of the states one question for everyone and the buzzer game add, at 80x24
and at the smallest size (60x20). Deterministic: fixed questions in order, a fixed seed,
a fake clock. Update with ``--snapshot-update`` only after looking at the diff."""

from __future__ import annotations

import pytest
from fakes import FakeClock, fixed_now, make_questions
from textual.widgets import Input, Select

from quiz.bank import ListBank
from quiz.game_setup import GameSetup, Seating
from quiz.ui.app import QuizApp

SIZES = [(80, 24), (60, 20)]


def build(seating: Seating | None) -> QuizApp:
    setup = None
    if seating is not None:
        setup = GameSetup(players=("Ana", "Ben", "Cy"), questions=5, timer=20.0, seed=1,
                          seating=seating)  # fmt: skip
    return QuizApp(ListBank(make_questions()), quick_start=setup, clock=FakeClock(),
                   now=fixed_now, new_seed=lambda: 42)  # fmt: skip


async def ready_and_answer(pilot, right: bool, seconds: float) -> None:
    app = pilot.app
    app.clock.advance(1)
    await pilot.press("enter")
    await pilot.pause()
    question = app.game.turn.question
    app.clock.advance(seconds)
    index = question.answer if right else (question.answer + 1) % len(question.options)
    await pilot.press(str(index + 1))
    await pilot.pause()


async def same_second_handover(pilot) -> None:
    await ready_and_answer(pilot, right=True, seconds=3)


async def same_reveal(pilot) -> None:
    for seat in range(3):
        await ready_and_answer(pilot, right=seat != 1, seconds=2.0 + seat)


async def buzzer_holding(pilot) -> None:
    pilot.app.clock.advance(3)
    await pilot.press("p")
    await pilot.pause()
    pilot.app.clock.advance(1.5)
    pilot.app.screen.sync()  # what the next timer tick would draw
    await pilot.pause()


async def buzzer_reopened(pilot) -> None:
    await buzzer_holding(pilot)
    question = pilot.app.game.turn.question
    await pilot.press(str((question.answer + 1) % 4 + 1))
    await pilot.pause()


async def buzzer_reveal(pilot) -> None:
    await buzzer_reopened(pilot)
    pilot.app.clock.advance(2)
    await pilot.press("z")
    await pilot.pause()
    await pilot.press(str(pilot.app.game.turn.question.answer + 1))
    await pilot.pause()


async def setup_buzzer(pilot) -> None:
    await pilot.press("p")
    await pilot.pause()
    screen = pilot.app.screen
    screen.query_one("#players", Input).value = "Ana, Ben, Cy"
    screen.query_one("#seating", Select).value = "buzzer"
    for field in screen.query(Input):
        field.cursor_blink = False
    await pilot.pause()


SCREENS = {
    "setup_buzzer": (None, setup_buzzer),
    "same_second_handover": (Seating.SAME, same_second_handover),
    "same_reveal": (Seating.SAME, same_reveal),
    "buzzer_open": (Seating.BUZZER, None),
    "buzzer_holding": (Seating.BUZZER, buzzer_holding),
    "buzzer_reopened": (Seating.BUZZER, buzzer_reopened),
    "buzzer_reveal": (Seating.BUZZER, buzzer_reveal),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_seating_screen(snap_compare, screen, size):
    seating, steps = SCREENS[screen]
    assert snap_compare(build(seating), terminal_size=size, run_before=steps)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("steps", [None, buzzer_holding], ids=["open", "holding"])
def test_buzzer_with_the_timer_off(snap_compare, steps, size):
    """No countdown for the question; the answer window after a buzz says it is timed."""
    setup = GameSetup(players=("Ana", "Ben", "Cy"), questions=5, timer=None, seed=1,
                      seating=Seating.BUZZER)  # fmt: skip
    app = QuizApp(ListBank(make_questions()), quick_start=setup, clock=FakeClock(),
                  now=fixed_now, new_seed=lambda: 42)  # fmt: skip
    assert snap_compare(app, terminal_size=size, run_before=steps)
