"""Standings between the rounds of a game: places, ▲/▼ movement, points this round."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Button, Label, Static

from quiz.podium import round_rows
from quiz.ui.screens.base import StepScreen
from quiz.ui.widgets.key_hints import KeyHints
from quiz.ui.widgets.podium import round_table


class StandingsScreen(StepScreen):
    """Who leads after this round, who moved, and who plays next."""

    def compose(self) -> ComposeResult:
        """Title, the table, next player, continue."""
        game = self.game
        done = game.turn.round - 1
        with Vertical(classes="panel standings-panel"):
            yield Label(f"Standings after round {done} of {game.rounds}", classes="title")
            with Center():
                yield Static(round_table(round_rows(game.players, game.outcomes, done)),
                             classes="round-table")  # fmt: skip
            yield Static(
                Content.assemble("Next up: ", (game.turn.player, "bold")), classes="centered"
            )
            with Center():
                yield Button("Continue  ⏎", id="continue", variant="primary")
        yield KeyHints(("enter", "continue"), ("esc", "quit game"), ("?", "help"))
