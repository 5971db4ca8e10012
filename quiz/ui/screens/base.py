"""What every game screen shares: the game it draws, the quit and help keys.

Game screens only draw the game and post messages; the app routes those messages to
the session (:mod:`quiz.session`), which changes the game.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from textual.binding import Binding
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Button

if TYPE_CHECKING:  # the app imports this module before the home screen's first paint
    from quiz.game import Game, Phase

#: The rules of every screen after home: loaded when the first of them opens, so the
#: home screen paints without parsing them (see bench/).
GAME_CSS = str(Path(__file__).resolve().parent.parent / "game.tcss")


class GameScreen(Screen[None]):
    """A screen showing one phase of a game in progress.

    The app replaces it with the next phase's screen; it never changes the game itself.
    """

    CSS_PATH = GAME_CSS
    BINDINGS = [
        Binding("escape", "abandon", "Quit game"),
        Binding("q", "abandon", "Quit game", show=False),
        Binding("question_mark", "app.help", "Help"),
    ]

    @dataclass
    class QuitAsked(Message):
        """The player wants to leave the game (the app asks first)."""

    @dataclass
    class Behind(Message):
        """The game moved on while a dialog covered this screen: show its phase now."""

    def __init__(self, game: Game) -> None:
        """A screen for ``game``'s current phase."""
        super().__init__()
        self.game = game
        self.shown_at = (game.phase, game.step)

    def follow(self, game: Game) -> bool:
        """Show ``game``'s new phase by updating this screen in place, if it can (the
        question screen turns into its reveal); ``False``: put up a new screen."""
        return False

    def on_screen_resume(self) -> None:
        """Back on top: catch up if the game moved on meanwhile."""
        if (self.game.phase, self.game.step) != self.shown_at:
            self.post_message(self.Behind())

    def action_abandon(self) -> None:
        """Ask before abandoning the game."""
        self.post_message(self.QuitAsked())


class StepScreen(GameScreen):
    """A game screen whose one button moves the game on: Enter on the focused
    button, Space, or a click. Subclasses name the button."""

    BUTTON_ID = "continue"
    AUTO_FOCUS = "#continue"  # the button, so Enter presses it (subclasses name theirs)
    BINDINGS = [Binding("space", "step", "Continue", show=False)]

    @dataclass
    class Stepped(Message):
        """The player moves the game on from ``phase`` at question ``question``."""

        phase: Phase
        question: int

    def __init__(self, game: Game) -> None:
        """A screen for ``game``'s current phase and question, noted as they are now."""
        super().__init__(game)
        self.shown_phase = game.phase
        self.shown_question = game.step

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """The button moves the game on."""
        event.stop()
        self.step()

    def action_step(self) -> None:
        """Space works like Enter."""
        self.step()

    def step(self) -> None:
        """Ask to move on from what this screen shows (a stale ask is ignored)."""
        self.post_message(self.Stepped(self.shown_phase, self.shown_question))
