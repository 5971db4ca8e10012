"""`wdta-quiz play --seating` and `--buzz-keys`: the setup they make, and one line and
exit 2 for a bad one, before Textual loads."""

from __future__ import annotations

import argparse

import pytest

from quiz.cli import main
from quiz.commands.play import setup_from_args
from quiz.game_setup import Seating


def args(**flags: object) -> argparse.Namespace:
    values = {"players": "Ana,Ben,Cy", "questions": None, "timer": None, "seed": None,
              "seating": None, "buzz_keys": None, "pack": [], "difficulty": "mixed"}  # fmt: skip
    values.update(flags)
    return argparse.Namespace(**values)


def test_same_question_is_the_default_and_own_and_buzzer_are_flags():
    setup = setup_from_args(args())
    assert setup is not None and setup.seating is Seating.SAME and setup.mode_name == "hotseat"
    own = setup_from_args(args(seating="own"))
    assert own is not None and own.seating is Seating.TURNS
    buzzer = setup_from_args(args(seating="buzzer", buzz_keys="x v n"))
    assert buzzer is not None and buzzer.mode_name == "buzzer"
    assert buzzer.buzz_keys == ("x", "v", "n")


@pytest.mark.parametrize(
    ("flags", "message"),
    [
        (["--players", "Ana", "--seating", "round"], "--seating: seating must be same, own"),
        (["--players", "Ana", "--seating", "buzzer"],
         "--players: a buzzer game has 2 to 4 players, not 1"),
        (["--players", "Ana,Ben", "--seating", "buzzer", "--buzz-keys", "a b"],
         "--buzz-keys: buzz key 'a' answers or opens help"),
        (["--players", "Ana,Ben", "--seating", "buzzer", "--buzz-keys", "x x"],
         "--buzz-keys: two players have the same buzz key"),
    ],
)  # fmt: skip
def test_bad_seating_flags_are_one_line_and_exit_2(flags, message, capsys):
    assert main(["play", *flags]) == 2
    err = capsys.readouterr().err
    assert message in err and len(err.strip().splitlines()) == 1
