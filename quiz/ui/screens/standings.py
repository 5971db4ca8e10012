"""Standings between the rounds of a hot-seat game."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Button, Label, Static

from quiz.ui.screens.base import GameScreen
from quiz.ui.widgets.key_hints import KeyHints
from quiz.ui.widgets.standings_table import StandingsTable


class StandingsScreen(GameScreen):
    """Who leads after this round, and who plays next."""

    BINDINGS = [Binding("space", "continue", "Continue", show=False)]

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

    def on_mount(self) -> None:
        """Enter presses the focused continue button."""
        self.query_one("#continue", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """On to the next round."""
        event.stop()
        self.quiz.advance()

    def action_continue(self) -> None:
        """Space works like Enter."""
        self.quiz.advance()
