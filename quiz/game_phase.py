"""Where a game is, and the error for asking a game something its phase cannot do."""

from __future__ import annotations

from enum import StrEnum


class Phase(StrEnum):
    """Where the game is."""

    SETUP = "setup"
    HANDOVER = "handover"
    QUESTION = "question"
    REVEAL = "reveal"
    STANDINGS = "standings"
    RESULTS = "results"
    ABANDONED = "abandoned"


class GameStateError(RuntimeError):
    """A method was called in a phase where it makes no sense (a UI bug)."""
