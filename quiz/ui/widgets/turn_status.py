"""The line above a question: whose turn, which question, their score and streak."""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

if TYPE_CHECKING:
    from quiz.session_standings import PlayerScore
    from quiz.session_turns import Turn


def status_content(turn: Turn, player: PlayerScore, multiplayer: bool) -> Content:
    """``Ana · Question 3 of 10 ... Score 2,412 · Streak 2``, the name drawn literally."""
    parts: list[str | Content | tuple[str, str]] = [
        (f" {turn.player} ", "bold reverse"),
        "  ",
        (f"Question {turn.number} of {turn.of}", "bold"),
    ]
    if multiplayer:
        parts.append(Content.styled(f"  ·  Round {turn.round}", "dim"))
    parts.append("  ·  ")
    parts.append((f"Score {player.score:,}", "bold"))
    if player.streak >= 2:
        parts.append(f"  ·  Streak {player.streak}")
    return Content.assemble(*parts)


def round_status(turn: Turn) -> Content:
    """``Everyone · Question 3 of 10``: above a reveal of every player's answer."""
    return Content.assemble((" Everyone ", "bold reverse"), "  ",
                            (f"Question {turn.number} of {turn.of}", "bold"))


class TurnStatus(Static):
    """Whose turn it is, question n of N, and their score."""

    def __init__(self, turn: Turn, player: PlayerScore, multiplayer: bool) -> None:
        """Status for ``turn`` with ``player``'s running totals."""
        super().__init__(status_content(turn, player, multiplayer), classes="turn-status")
