"""Ask before abandoning a game."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import ModalScreen
from textual.widgets import Button, Label

from quiz.ui.screens.base import GAME_CSS
from quiz.ui.screens.on_top import DismissOnTop


class ConfirmAbandonScreen(ModalScreen[bool], DismissOnTop[bool]):
    """"Quit this game?" Dismisses with ``True`` to abandon, ``False`` to keep playing."""

    CSS_PATH = GAME_CSS
    AUTO_FOCUS = "#keep"  # keep playing is the safe default for Enter

    BINDINGS = [
        Binding("y", "decide(True)", "Quit game"),
        Binding("n,escape", "decide(False)", "Keep playing"),
        Binding("left,right", "app.focus_next", show=False),
    ]

    def __init__(self, answered: bool = True) -> None:
        """``answered``: whether anything was answered (a game of no answers is not kept)."""
        super().__init__()
        self.answered = answered

    def compose(self) -> ComposeResult:
        """The question and two buttons; "Keep playing" has the focus."""
        with Vertical(classes="dialog confirm"):
            yield Label("Quit this game?", classes="title")
            yield Label(
                "It is kept as abandoned and does not count in the rankings."
                if self.answered else "Nothing is answered yet, so nothing is kept.",
                id="consequence", classes="muted centered",
            )
            with Horizontal(classes="actions"):
                yield Button("Keep playing (N)", id="keep", variant="primary")
                yield Button("Quit game (Y)", id="quit", variant="error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button decides."""
        event.stop()
        self.dismiss(event.button.id == "quit")

    def action_decide(self, abandon: bool) -> None:
        """Y or N decides."""
        self.dismiss(abandon)
