"""Pass the keyboard: names the next player and hides their question until Enter."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Button, Label, Static

from quiz.ui.screens.base import StepScreen
from quiz.ui.widgets.key_hints import KeyHints


class HandoverScreen(StepScreen):
    """"Pass the keyboard to Ben": shown before each turn of a hot-seat game."""

    BUTTON_ID = "ready"
    AUTO_FOCUS = "#ready"

    def compose(self) -> ComposeResult:
        """The next player's name, big, and a ready button."""
        turn = self.game.turn
        player = self.game.current_player
        with Vertical(classes="panel handover"):
            yield Label("Pass the keyboard to", classes="muted centered")
            yield Static(Content(turn.player), id="next-player", classes="big-name")
            yield Label(
                f"Round {turn.round} of {self.game.rounds}  ·  score {player.score:,}",
                classes="muted centered",
            )
            yield Label("The question stays hidden until you are ready.", classes="centered")
            with Center():
                yield Button("I'm ready  ⏎", id="ready", variant="primary")
        yield KeyHints(("enter", "ready"), ("esc", "quit game"), ("?", "help"))
