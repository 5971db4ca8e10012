"""Results: ranks (ties share a place), scores and stats; play again or main menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Horizontal, Vertical
from textual.content import Content
from textual.widgets import Button, Label, Static

from quiz.ui import requests
from quiz.ui.screens.base import GameScreen
from quiz.ui.widgets.key_hints import KeyHints

if TYPE_CHECKING:  # the app imports this screen for its messages before the first paint
    from quiz.game import Game


def headline(game: Game) -> Content:
    """``Ana wins with 5,300 points!``, a tie, or a solo score; names drawn literally."""
    standings = game.standings()
    if not game.multiplayer:
        player = standings[0].player
        return Content.assemble(
            "You scored ", (f"{player.score:,}", "bold"), f" points, {player.correct} of ",
            f"{player.answered} right.",
        )
    winners = [s.player.name for s in standings if s.place == 1]
    score = f"{standings[0].player.score:,}"
    if len(winners) == 1:
        return Content.assemble((winners[0], "bold"), f" wins with {score} points!")
    names: list[str | tuple[str, str]] = []
    for number, name in enumerate(winners):
        if number:
            names.append(" and " if number == len(winners) - 1 else ", ")
        names.append((name, "bold"))
    return Content.assemble(*names, f" tie for first with {score} points!")


class ResultsScreen(GameScreen):
    """The end of a game."""

    AUTO_FOCUS = "#play-again"
    BINDINGS = [
        Binding("r", "play_again", "Play again"),
        Binding("m", "main_menu", "Main menu"),
        Binding("escape", "main_menu", "Main menu", show=False),
        Binding("q", "main_menu", "Main menu", show=False),
    ]

    @dataclass
    class PlayAgain(requests.PlayAgain):
        """The players want another game: same setup, new questions."""

    @dataclass
    class MainMenu(requests.MainMenu):
        """The players are done: back to the home screen."""

    def compose(self) -> ComposeResult:
        """Headline, the table and the two ways on."""
        with Vertical(classes="panel results-panel"):
            yield Label("Results", classes="title")
            yield Static(headline(self.game), id="headline", classes="centered")
            # Imported here: the table pulls in DataTable, which the first paint can do without.
            from quiz.ui.widgets.standings_table import StandingsTable

            with Center():
                yield StandingsTable(self.game.standings(), full=True)
            with Horizontal(classes="actions"):
                yield Button("Play again", id="play-again", variant="primary")
                yield Button("Main menu", id="main-menu")
        yield KeyHints(("r", "play again"), ("m", "main menu"), ("?", "help"))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Play again or go to the menu."""
        event.stop()
        if event.button.id == "play-again":
            self.action_play_again()
        else:
            self.action_main_menu()

    def action_play_again(self) -> None:
        """Same setup, new questions."""
        self.post_message(self.PlayAgain())

    def action_main_menu(self) -> None:
        """Back to the home screen."""
        self.post_message(self.MainMenu())
