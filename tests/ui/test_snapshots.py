"""Snapshots of every screen at 80x24, 120x36 and the minimum size, 60x20.

Deterministic by construction: fixed questions dealt in order, a fixed seed, a fake
clock that only moves when told, no blinking cursor. Update with
``pytest tests/ui/test_snapshots.py --snapshot-update`` only after looking at the diff.
"""

from __future__ import annotations

import pytest
from fakes import FakeClock, fixed_now, make_questions
from textual.widgets import Input

from quiz.bank import ListBank, PackChoice
from quiz.game_setup import GameSetup, Seating
from quiz.ui.app import QuizApp

SIZES = [(80, 24), (120, 36), (60, 20)]
PACKS = [PackChoice("test", "We Don't Talk Anymore: the test pack"), PackChoice("extra", "Extras")]


def build(players: tuple[str, ...] | None, clock: FakeClock,
          seating: Seating = Seating.TURNS) -> QuizApp:  # fmt: skip
    """The app over the test questions; a quick start for ``players`` if given
    (own question each, unless ``seating`` says otherwise)."""
    setup = None
    if players:
        setup = GameSetup(players=players, questions=5, timer=20.0, seed=1, seating=seating)
    return QuizApp(
        ListBank(make_questions(), PACKS),
        quick_start=setup,
        clock=clock,
        now=fixed_now,
        new_seed=lambda: 42,
    )


async def answer(pilot, right: bool = True, seconds: float = 4.0) -> None:
    """Answer the current question after ``seconds`` on the fake clock."""
    app = pilot.app
    question = app.game.turn.question
    app.clock.advance(seconds)
    index = question.answer if right else (question.answer + 1) % len(question.options)
    await pilot.press(str(index + 1))
    await pilot.pause()


async def no_blink(pilot) -> None:
    for field in pilot.app.screen.query(Input):
        field.cursor_blink = False


async def to_setup(pilot) -> None:
    await pilot.press("p")
    await pilot.pause()
    await no_blink(pilot)


async def ready(pilot) -> None:
    """Press "I'm ready" once the handover takes keys (after its first 0.8 s)."""
    pilot.app.clock.advance(1)
    await pilot.press("enter")


async def settled(pilot) -> None:
    """The pass-the-keyboard screen once it takes "ready" (after its first 0.8 s)."""
    pilot.app.clock.advance(1)
    pilot.app.screen.refresh_ready()  # what its next check of the clock draws
    await pilot.pause()


async def to_question(pilot) -> None:
    await ready(pilot)  # Ana takes the keyboard
    await pilot.pause()
    pilot.app.clock.advance(6.5)
    pilot.app.screen._update_countdown()  # what the next timer tick would draw
    await pilot.pause()


async def to_reveal_wrong(pilot) -> None:
    await ready(pilot)
    await pilot.pause()
    await answer(pilot, right=False)


async def to_reveal_right(pilot) -> None:
    await ready(pilot)
    await pilot.pause()
    await answer(pilot, right=True, seconds=7.5)


async def to_standings(pilot) -> None:
    for player in range(3):
        await ready(pilot)
        await pilot.pause()
        await answer(pilot, right=player != 1, seconds=2.0 + player)
        await pilot.press("enter")
        await pilot.pause()


async def to_results(pilot) -> None:
    app = pilot.app
    turn = 0
    while app.game.phase.value != "results":
        if app.game.phase.value == "question":
            await answer(pilot, right=turn % 4 != 1, seconds=1.0 + turn % 5)
            turn += 1
        else:
            await ready(pilot)
            await pilot.pause()


async def to_help(pilot) -> None:
    await to_question(pilot)
    await pilot.press("question_mark")
    await pilot.pause()


async def to_confirm(pilot) -> None:
    await to_question(pilot)
    await pilot.press("escape")
    await pilot.pause()


SCREENS = {
    "home": (None, None),
    "setup": (None, to_setup),
    "pass_keyboard": (("Ana", "Ben", "Cy"), settled),
    "pass_keyboard_settling": (("Ana", "Ben", "Cy"), None),
    "question": (("Ana", "Ben", "Cy"), to_question),
    "reveal_wrong": (("Ana", "Ben", "Cy"), to_reveal_wrong),
    "reveal_right": (("Ana", "Ben", "Cy"), to_reveal_right),
    "standings": (("Ana", "Ben", "Cy"), to_standings),
    "results": (("Ana", "Ben", "Cy"), to_results),
    "results_solo": (("Solo",), to_results),
    "help": (("Ana", "Ben", "Cy"), to_help),
    "quit_confirm": (("Ana", "Ben", "Cy"), to_confirm),
}


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("screen", list(SCREENS))
def test_screen(snap_compare, screen, size):
    players, steps = SCREENS[screen]
    app = build(players, FakeClock())
    assert snap_compare(app, terminal_size=size, run_before=steps)


def test_solo_question_without_timer(snap_compare):
    app = QuizApp(
        ListBank(make_questions()),
        quick_start=GameSetup(players=("Solo",), questions=5, timer=None, seed=1),
        clock=FakeClock(),
        now=fixed_now,
    )
    assert snap_compare(app, terminal_size=(80, 24))


@pytest.mark.parametrize("size", [(40, 12), (59, 24)], ids=["40x12", "59x24"])
def test_too_small(snap_compare, size):
    assert snap_compare(build(("Ana",), FakeClock()), terminal_size=size)


async def test_results_say_new_personal_best_against_the_best_before_the_game():
    app = build(("Solo",), FakeClock())
    app.best_scores = lambda players: {"Solo": 100}  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await to_results(pilot)
        shown = str(app.screen.query_one("#personal-best").render())
        assert shown.startswith("New personal best! (was 100)")
        assert "Charts" in str(app.screen.query_one(".categories").render())


async def test_practice_games_are_never_compared_with_bests():
    app = build(None, FakeClock())
    asked: list[tuple[str, ...]] = []
    app.best_scores = lambda players: asked.append(tuple(players)) or {}  # type: ignore[method-assign]
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        app.start_game(GameSetup(players=("Solo",), questions=2, timer=None, mode="practice"))
        await pilot.pause()
        assert asked == [] and app.bests_before == {}
