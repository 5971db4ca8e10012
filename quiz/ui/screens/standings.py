"""Standings between the rounds of a hot-seat game."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Button, Label, Static

from quiz.ui.screens.base import StepScreen
from quiz.ui.widgets.key_hints import KeyHints
from quiz.ui.widgets.standings_table import StandingsTable


class StandingsScreen(StepScreen):
    """Who leads after this round, and who plays next."""


    def compose(self) -> ComposeResult:
        """Title, the table, next player, continue."""
        game = self.game
        done = game.turn.round - 1
        with Vertical(classes="panel standings-panel"):
            yield Label(f"Standings after round {done} of {game.rounds}", classes="title")
            with Center():
                yield StandingsTable(game.standings())
            yield Static(
                Content.assemble("Next up: ", (game.turn.player, "bold")), classes="centered"
            )
            with Center():
                yield Button("Continue  ⏎", id="continue", variant="primary")
        yield KeyHints(("enter", "continue"), ("esc", "quit game"), ("?", "help"))
