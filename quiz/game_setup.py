"""A game's setup and the checks shared by ``play`` flags and the setup screen.

Each ``parse_*`` function takes what a user typed and returns the value, or raises
:class:`SetupError` with one line that says what is wrong.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from enum import StrEnum
from typing import TYPE_CHECKING

from quiz.difficulty import MIXES, Mix
from quiz.text import display_name, player_key

if TYPE_CHECKING:  # types only: `play` imports this before its first frame
    from quiz.records import Mode

MIN_PLAYERS, MAX_PLAYERS = 1, 8
MIN_QUESTIONS, MAX_QUESTIONS = 5, 50
MIN_TIMER, MAX_TIMER = 3.0, 600.0
DEFAULT_QUESTIONS = 10
DEFAULT_TIMER = 20.0
MAX_NAME_LENGTH = 24
# The scores database keeps seeds as SQLite INTEGER, a signed 64-bit number: a bigger
# seed would deal a whole game and then fail to save.
MIN_SEED, MAX_SEED = 0, 2**63 - 1


#: Buzz keys of seats 1-4 by default: spread over the keyboard, so four people at one
#: keyboard each have a corner, and clear of the answer keys (1-6, A-F).
DEFAULT_BUZZ_KEYS = ("q", "p", "z", "m")
MIN_BUZZ_PLAYERS, MAX_BUZZ_PLAYERS = 2, 4
#: Keys a buzz key may not be: they answer, quit or open help in a game.
_TAKEN_KEYS = frozenset("123456abcdef?")


class SetupError(ValueError):
    """A setting the user gave is not usable; the message says which and why."""


class Seating(StrEnum):
    """How players meet the questions.

    ``SAME`` and ``TURNS`` are hot-seat at one keyboard: a pass-the-keyboard screen comes
    before each player's answer. ``SHARED`` is for front ends where everyone answers at
    once on their own device; ``BUZZER`` is one keyboard where the first to buzz answers.
    """

    SAME = "same"  # every player answers the same question, in turn; one reveal
    TURNS = "turns"  # each player their own question, in turn ("own question each")
    SHARED = "shared"  # every player answers the same question at once
    BUZZER = "buzzer"  # the question shows to all; the first to buzz answers


@dataclass(frozen=True, slots=True)
class GameSetup:
    """Everything chosen before a game: players in turn order, questions per player,
    seconds per question (``None`` = timer off), pack ids (empty = all), a seed and
    how hard the questions are (``easy``, ``mixed`` or ``hard``)."""

    players: tuple[str, ...]
    questions: int = DEFAULT_QUESTIONS
    timer: float | None = DEFAULT_TIMER
    packs: tuple[str, ...] = ()
    difficulty: Mix = "mixed"
    seed: int | None = None
    mode: Mode | None = None  # None: solo for one player, hotseat for more, or buzzer
    seating: Seating = Seating.SAME
    buzz_keys: tuple[str, ...] = DEFAULT_BUZZ_KEYS  # seat i buzzes with buzz_keys[i]

    @property
    def mode_name(self) -> Mode:
        """The mode stored with the game."""
        if self.mode is not None:
            return self.mode
        if self.seating is Seating.BUZZER:
            return "buzzer"
        return "solo" if len(self.players) == 1 else "hotseat"

    def settings(self) -> dict[str, object]:
        """The settings a :class:`~quiz.records.GameRecord` keeps."""
        settings: dict[str, object] = {
            "questions": self.questions, "timer": self.timer, "packs": list(self.packs),
        }  # fmt: skip
        if len(self.players) > 1:
            settings["seating"] = self.seating.value
        if self.difficulty != "mixed":
            settings["difficulty"] = self.difficulty
        return settings


def clean_name(name: str) -> str:
    """A player name as shown and stored: no control, bidi or zero-width characters,
    single spaces, NFC; any lone surrogate (an undecodable byte) becomes U+FFFD."""
    return display_name(_SURROGATE.sub("\ufffd", str(name)))


# Python hands command-line bytes that are not UTF-8 over as lone surrogates
# (surrogateescape); SQLite and UTF-8 files cannot hold them.
_SURROGATE = re.compile("[\ud800-\udfff]")


def undecodable(name: str) -> bool:
    """Whether ``name`` holds bytes that were not text (lone surrogates from argv)."""
    return _SURROGATE.search(name) is not None


def parse_players(names: str | Iterable[str]) -> tuple[str, ...]:
    """Player names from ``"Ana, Ben"`` or a list; 1 to 8, non-empty, all different."""
    raw = names.split(",") if isinstance(names, str) else list(names)
    for number, name in enumerate(raw, start=1):
        if undecodable(name):
            raise SetupError(f"player {number}'s name holds bytes that are not UTF-8 text")
    players = tuple(clean_name(name) for name in raw)
    if len(players) == 1 and not players[0]:
        raise SetupError("give at least one player name")
    if not MIN_PLAYERS <= len(players) <= MAX_PLAYERS:
        raise SetupError(
            f"{len(players)} players: a game has {MIN_PLAYERS} to {MAX_PLAYERS} players"
        )
    seen: dict[str, str] = {}
    for number, name in enumerate(players, start=1):
        if not name:
            raise SetupError(f"player {number} has an empty name")
        if len(name) > MAX_NAME_LENGTH:
            raise SetupError(f"player {number}'s name is longer than {MAX_NAME_LENGTH} characters")
        key = player_key(name)
        if key in seen:
            raise SetupError(f"two players are called {name!r} (names must differ)")
        seen[key] = name
    return players


def parse_questions(value: str | int) -> int:
    """Questions per player, 5 to 50."""
    try:
        count = int(str(value).strip())
    except ValueError:
        raise SetupError(f"questions must be a whole number, not {str(value)!r}") from None
    if not MIN_QUESTIONS <= count <= MAX_QUESTIONS:
        raise SetupError(
            f"{count} questions: choose {MIN_QUESTIONS} to {MAX_QUESTIONS} per player"
        )
    return count


def parse_timer(value: str | float | None) -> float | None:
    """Seconds per question, or ``None`` for ``off``."""
    if value is None:
        return None
    text = str(value).strip()
    if text.casefold() in ("off", "none", "0"):
        return None
    try:
        seconds = float(text)
    except ValueError:
        raise SetupError(f"timer must be a number of seconds or 'off', not {text!r}") from None
    if not MIN_TIMER <= seconds <= MAX_TIMER:
        raise SetupError(
            f"a timer of {text} {'second' if seconds == 1 else 'seconds'}: choose "
            f"{MIN_TIMER:g} to {MAX_TIMER:g} seconds, or 'off'"
        )
    return seconds


def parse_difficulty(value: str) -> Mix:
    """``easy``, ``mixed`` or ``hard`` (any case)."""
    text = str(value).strip().casefold()
    for mix in MIXES:
        if text == mix:
            return mix
    raise SetupError(f"difficulty must be {', '.join(MIXES[:-1])} or {MIXES[-1]}, not {value!r}")


def parse_seed(value: str | int | None) -> int | None:
    """An optional whole-number seed; empty means "pick one"."""
    if value is None or str(value).strip() == "":
        return None
    text = str(value).strip()
    if len(text) > 40:  # int() of thousands of digits is slow, and no seed is that long
        raise SetupError(f"seed {text[:20]}...: {SEED_RANGE}")
    try:
        seed = int(text)
    except ValueError:
        raise SetupError(f"seed must be a whole number, not {str(value)!r}") from None
    if not MIN_SEED <= seed <= MAX_SEED:
        raise SetupError(f"seed {text}: {SEED_RANGE}")
    return seed


def parse_seating(value: str) -> Seating:
    """``same`` (one question for everyone, the default), ``own`` (each their own
    question, in turn) or ``buzzer``."""
    text = value.strip().casefold()
    names = {"same": Seating.SAME, "own": Seating.TURNS, "buzzer": Seating.BUZZER}
    if text not in names:
        raise SetupError(f"seating must be same, own or buzzer, not {value!r}")
    return names[text]


def parse_buzz_keys(value: str | Iterable[str], players: int) -> tuple[str, ...]:
    """One buzz key per player (``"q,p,z,m"`` or ``"qpzm"``): single letters or
    symbols, all different, none of the answer keys (1-6, A-F); fewer than the players
    are filled from the defaults."""
    if isinstance(value, str):
        text = value.replace(",", " ").split()
        raw = text if len(text) > 1 else list(text[0]) if text else []
    else:
        raw = list(value)
    keys = [key.strip().casefold() for key in raw if key.strip()]
    for key in keys:
        if len(key) != 1 or not key.isprintable():
            raise SetupError(f"buzz key {key!r}: one letter or symbol each")
        if key in _TAKEN_KEYS:
            raise SetupError(f"buzz key {key!r} answers or opens help: choose another")
    spare = [key for key in DEFAULT_BUZZ_KEYS if key not in keys]
    keys += spare[: max(players - len(keys), 0)]
    if len(set(keys)) != len(keys):
        raise SetupError("two players have the same buzz key")
    return tuple(keys[:players])


def check_buzzer(setup: GameSetup) -> None:
    """A buzzer game needs 2 to 4 players and a buzz key each."""
    count = len(setup.players)
    if not MIN_BUZZ_PLAYERS <= count <= MAX_BUZZ_PLAYERS:
        raise SetupError(
            f"a buzzer game has {MIN_BUZZ_PLAYERS} to {MAX_BUZZ_PLAYERS} players, not {count}"
        )
    if len(setup.buzz_keys) < count:
        raise SetupError("each player needs a buzz key")


SEED_RANGE = f"choose a whole number from {MIN_SEED} to {MAX_SEED}"


def check_seed(seed: int) -> None:
    """Refuse a seed the scores database could not keep (checked before a game starts)."""
    if not MIN_SEED <= seed <= MAX_SEED:
        raise SetupError(f"seed out of range: {SEED_RANGE}")


def check_setup(setup: GameSetup) -> None:
    """Refuse, before a game is dealt, a setup whose record could not be saved.

    The flags and the setup screen check as they parse; this catches setups built
    any other way (a front end, a test), so no whole game is played for nothing.
    """
    if setup.seed is not None:
        check_seed(setup.seed)
    if setup.seating is Seating.BUZZER:
        check_buzzer(setup)
    for number, name in enumerate(setup.players, start=1):
        if undecodable(name) or not clean_name(name):
            raise SetupError(f"player {number}'s name {name!r} cannot be saved")
