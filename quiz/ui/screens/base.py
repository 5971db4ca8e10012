"""What every game screen shares: the game, the abandon and help keys."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, cast

from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import Button

if TYPE_CHECKING:
    from quiz.game import Game
    from quiz.ui.app import QuizApp


#: The rules of every screen after home: loaded when the first of them opens, so the
#: home screen paints without parsing them (see bench/).
GAME_CSS = str(Path(__file__).resolve().parent.parent / "game.tcss")


class GameScreen(Screen):
    """A screen showing one phase of a game in progress.

    The app replaces it with the next phase's screen; it never changes the game
    itself except through the app's methods.
    """

    CSS_PATH = GAME_CSS
    BINDINGS = [
        Binding("escape", "abandon", "Quit game"),
        Binding("q", "abandon", "Quit game", show=False),
        Binding("question_mark", "app.help", "Help"),
    ]

    def __init__(self, game: Game) -> None:
        """A screen for ``game``'s current phase."""
        super().__init__()
        self.game = game

    @property
    def quiz(self) -> QuizApp:
        """The app, typed."""
        return cast("QuizApp", self.app)

    def action_abandon(self) -> None:
        """Ask before abandoning the game."""
        self.quiz.ask_abandon()


class StepScreen(GameScreen):
    """A game screen whose one button moves the game on: Enter on the focused
    button, Space, or a click. Subclasses name the button and what it does."""

    BUTTON_ID = "continue"
    BINDINGS = [Binding("space", "step", "Continue", show=False)]

    def on_mount(self) -> None:
        """Focus the button, so Enter presses it."""
        self.query_one(f"#{self.BUTTON_ID}", Button).focus()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The button moves the game on."""
        event.stop()
        self.step()

    def action_step(self) -> None:
        """Space works like Enter."""
        self.step()

    def step(self) -> None:
        """Move the game on: to the next turn, standings or results."""
        self.quiz.advance()
