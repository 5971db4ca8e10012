"""The last game's setup, kept in the config so the next setup screen starts from it.

What is read back passes the same checks as typed input (:mod:`quiz.game_setup`): a
field that is missing, of the wrong type or out of range is left at its default, and
the rest is still used. A seed is never remembered: the next game deals new questions.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any, TypeVar

from quiz.game_setup import (
    GameSetup,
    SetupError,
    parse_buzz_keys,
    parse_difficulty,
    parse_players,
    parse_questions,
    parse_seating,
    parse_timer,
)

T = TypeVar("T")


def to_saved(setup: GameSetup) -> dict[str, Any]:
    """What the config keeps of ``setup`` (all of it but the seed)."""
    return {
        "players": list(setup.players),
        "questions": setup.questions,
        "timer": setup.timer,
        "packs": list(setup.packs),
        "seating": setup.seating.value,
        "difficulty": setup.difficulty,
        "buzz_keys": list(setup.buzz_keys),
    }


def from_saved(data: dict[str, Any] | None) -> GameSetup | None:
    """The remembered setup (``None`` if no players survive the checks)."""
    if not data:
        return None
    players = _read(lambda: parse_players([str(p) for p in data["players"]]), None)
    if players is None:
        return None
    setup = GameSetup(players=players)
    questions = _read(lambda: parse_questions(int(data["questions"])), setup.questions)
    timer = _read(lambda: parse_timer(data["timer"]), setup.timer)
    no_packs: tuple[str, ...] = ()
    packs = _read(lambda: tuple(p for p in data["packs"] if isinstance(p, str)), no_packs)
    seating = _read(lambda: parse_seating(str(data["seating"])), setup.seating)
    difficulty = _read(lambda: parse_difficulty(str(data["difficulty"])), setup.difficulty)
    setup = replace(setup, questions=questions, timer=timer, packs=packs, seating=seating,
                    difficulty=difficulty)  # fmt: skip
    keys = _read(lambda: parse_buzz_keys([str(k) for k in data["buzz_keys"]], len(players)),
                 setup.buzz_keys)  # fmt: skip
    return replace(setup, buzz_keys=keys)


def _read(parse: Callable[[], T], default: T) -> T:
    try:
        return parse()
    except (SetupError, KeyError, TypeError, ValueError):
        return default
