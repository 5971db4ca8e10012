"""How a party is set up: the `party` command's flags, or the home screen's defaults."""

from __future__ import annotations

from dataclasses import dataclass

from quiz.game_setup import DEFAULT_QUESTIONS, DEFAULT_TIMER
from quiz.party.room import DEFAULT_MAX_PLAYERS


@dataclass(frozen=True, slots=True)
class PartyOptions:
    """Where the party listens and what game it plays.

    ``address`` ``None`` means this machine's LAN address; ``port`` 0 a free port.
    """

    address: str | None = None
    port: int = 0
    questions: int = DEFAULT_QUESTIONS
    timer: float | None = DEFAULT_TIMER
    packs: tuple[str, ...] = ()
    seed: int | None = None
    max_players: int = DEFAULT_MAX_PLAYERS
