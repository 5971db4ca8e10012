"""The buzzer game's players along the bottom: each one's buzz key, name, score and
whether they hold the question or are locked out of it."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from textual.content import Content
from textual.widgets import Static

from quiz.game_phase import Phase

if TYPE_CHECKING:
    from quiz.buzzer_game import BuzzerGame


def seat_content(game: BuzzerGame, keys: Sequence[str]) -> Content:
    """``[Q] Ana 1,200   [P] Ben 800 ✖ out   ▶ [Z] Cy 0``: keys shown, names literal."""
    # Who holds the floor or is out matters only while the question is open.
    buzzer = game.buzzer if game.phase is Phase.QUESTION else None
    parts: list[Content] = []
    for seat, player in enumerate(game.players):
        key = keys[seat].upper() if seat < len(keys) else "?"
        state = Content()
        if buzzer is not None and buzzer.holder == seat:
            state = Content.styled(" ▶ answering", "bold $text-accent")
        elif buzzer is not None and seat in buzzer.locked:
            state = Content.styled(" ✖ out", "$text-error")
        parts.append(
            Content.assemble(
                (f" {key} ", "bold reverse"), " ", (player.name, "bold"),
                f" {player.score:,}", state,
            )  # fmt: skip
        )
    return Content("   ").join(parts)


class BuzzSeats(Static):
    """Every player's buzz key, score and state; :meth:`show` redraws it."""

    DEFAULT_CSS = """
    BuzzSeats {
        height: auto;
        width: 100%;
        padding: 0 1;
        margin-bottom: 1;
        background: $boost;
    }
    """

    def __init__(self, game: BuzzerGame, keys: Sequence[str], *, id: str | None = None) -> None:
        """The seats of ``game``, buzzing with ``keys``."""
        super().__init__(seat_content(game, keys), id=id)
        self.game = game
        self.keys = tuple(keys)

    def show(self) -> None:
        """Redraw from the game as it is now."""
        self.update(seat_content(self.game, self.keys))
