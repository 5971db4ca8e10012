"""Snapshots of each kind of question and its reveal at 80x24, 120x36 and 60x20.

One player, a fake clock, questions dealt in order (tests/ui/kinds.py). Update with
``pytest tests/ui/test_question_snapshots.py --snapshot-update`` only after looking at
the PNGs of the changed ones (``rsvg-convert``).
"""

from __future__ import annotations

import pytest
from fakes import FakeClock, fixed_now
from kinds import choice_question, number_question, order_question, text_question

from quiz.bank import ListBank
from quiz.game_setup import GameSetup
from quiz.ui.app import QuizApp

SIZES = [(80, 24), (120, 36), (60, 20)]
KINDS = {
    "choice": choice_question(1),
    "order": order_question(),
    "number": number_question(),
    "text": text_question(),
}
#: What the player does on each kind before its reveal: a wrong or partly right answer,
#: so the reveal shows both marks.
ANSWERS = {
    "choice": ("c",),
    "order": ("c", "a", "d", "enter"),
    "number": ("1", "2", "5", "enter"),
    "text": ("W", "a", "l", "k", "enter"),
}


def build(kind: str) -> QuizApp:
    return QuizApp(
        ListBank([KINDS[kind]]),
        quick_start=GameSetup(players=("Ana",), questions=1, timer=20.0, seed=1),
        clock=FakeClock(),
        now=fixed_now,
    )


async def asking(pilot) -> None:
    """Some seconds into the question; the order question half arranged."""
    app = pilot.app
    app.clock.advance(16.5 if app.game.turn.question.type == "number" else 6.5)
    app.screen._update_countdown()  # what the next timer tick would draw
    if app.game.turn.question.type == "order":
        await pilot.press("c", "down", "down")
    await pilot.pause()


async def revealed(pilot) -> None:
    """The reveal after a wrong or partly right answer."""
    app = pilot.app
    app.clock.advance(6.5)
    await pilot.press(*ANSWERS[app.game.turn.question.type])
    await pilot.pause()


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("kind", list(KINDS))
def test_question(snap_compare, kind, size):
    assert snap_compare(build(kind), terminal_size=size, run_before=asking)


@pytest.mark.parametrize("size", SIZES, ids=lambda size: f"{size[0]}x{size[1]}")
@pytest.mark.parametrize("kind", list(KINDS))
def test_reveal(snap_compare, kind, size):
    assert snap_compare(build(kind), terminal_size=size, run_before=revealed)
