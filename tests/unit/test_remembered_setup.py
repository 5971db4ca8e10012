"""The last setup is kept in the config and read back through the setup checks."""

from __future__ import annotations

from quiz.config import load_config, save_config
from quiz.game_setup import GameSetup, Seating
from quiz.remembered_setup import from_saved, to_saved


def test_a_setup_round_trips_without_its_seed(tmp_path) -> None:
    setup = GameSetup(players=("Ana", "Ben"), questions=15, timer=None, packs=("wdta",),
                      seed=9, seating=Seating.BUZZER, difficulty="hard")  # fmt: skip
    path = tmp_path / "config.json"
    save_config(load_config(path).__class__(last_game=to_saved(setup)), path)
    back = from_saved(load_config(path).last_game)
    assert back is not None and back.seed is None
    assert (back.players, back.questions, back.timer, back.packs, back.seating,
            back.difficulty) == (("Ana", "Ben"), 15, None, ("wdta",), Seating.BUZZER, "hard")


def test_hostile_or_broken_fields_fall_back_to_defaults() -> None:
    saved = {"players": ["Ana", "\x1b[31mBen"], "questions": 999, "timer": "soon",
             "packs": [1, "wdta"], "seating": "chaos", "difficulty": 3, "buzz_keys": "x"}
    back = from_saved(saved)
    assert back is not None and back.players == ("Ana", "Ben")
    assert back.questions == GameSetup(("A",)).questions and back.timer == 20.0
    assert back.packs == ("wdta",) and back.seating is Seating.SAME
    assert from_saved({"players": []}) is None and from_saved({"players": "x" * 99}) is None
    assert from_saved(None) is None and from_saved({"questions": 5}) is None
