"""Easy / mixed / hard games: the setup screen's selector and `play --difficulty`."""

from __future__ import annotations

import argparse
import json
import random

import pytest
from fakes import make_questions
from textual.widgets import Input, Select

from quiz.bank import ListBank
from quiz.cli import main
from quiz.commands.play import setup_from_args
from quiz.packs import load_catalog
from quiz.selection import choose
from quiz.ui.app import QuizApp
from quiz.ui.screens.setup import SetupScreen


async def test_setup_screen_offers_the_three_mixes():
    app = QuizApp(ListBank(make_questions()))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.press("p")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SetupScreen)
        chooser = screen.query_one("#difficulty", Select)
        assert chooser.value == "mixed"
        screen.query_one("#players", Input).value = "Ana"
        chooser.value = "hard"
        assert screen.read_setup().difficulty == "hard"
        chooser.value = "easy"
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.game is not None and app.game.setup.difficulty == "easy"


def args(**given: object) -> argparse.Namespace:
    base = {"players": "Ana", "questions": None, "timer": None, "seed": None,
            "difficulty": "mixed", "seating": None, "buzz_keys": None}  # fmt: skip
    return argparse.Namespace(**{**base, **given})


def test_play_difficulty_flag():
    setup = setup_from_args(args(difficulty="HARD"))
    assert setup is not None and setup.difficulty == "hard"
    setup = setup_from_args(args())
    assert setup is not None and setup.difficulty == "mixed"


def test_a_bad_difficulty_is_one_line_and_exit_2(capsys):
    assert main(["play", "--players", "Ana", "--difficulty", "medium"]) == 2
    err = capsys.readouterr().err
    assert err == "wdta-quiz: --difficulty: difficulty must be easy, mixed or hard, not 'medium'\n"


@pytest.mark.parametrize("mix", ["easy", "hard"])
def test_questions_preview_deals_like_a_game_of_that_difficulty(mix, capsys):
    assert main(["questions", "--count", "6", "--seed", "4", "--difficulty", mix,
                 "--format", "json"]) == 0  # fmt: skip
    shown = [json.loads(line)["id"] for line in capsys.readouterr().out.splitlines()]
    dealt = choose(load_catalog([]).packs, 6, random.Random(4), mix=mix)
    assert shown == [question.id for question in dealt]
