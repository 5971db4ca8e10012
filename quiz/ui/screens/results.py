"""Results: a podium with big scores and awards (or a solo game against the player's
best, by category); play again or main menu."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING, Protocol, runtime_checkable

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.content import Content
from textual.events import Resize
from textual.widgets import Button, Digits, Label, Static

from quiz.podium import awards, by_category, personal_marks
from quiz.ui import requests
from quiz.ui.screens.base import GameScreen
from quiz.ui.widgets.key_hints import KeyHints
from quiz.ui.widgets.podium import Ending, Podium, category_lines, mark_lines

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
    if standings[0].player.score == 0:  # everyone on 0: no winner to cheer
        return Content("Nobody scored this time.")
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


@runtime_checkable
class KeepsBests(Protocol):
    """An app that knows each player's best score before this game (the game routes)."""

    bests_before: dict[str, int | None]


def solo_line(game: Game) -> str:
    """``8 of 10 right (80%) · best streak 4 · fastest 1.2s``."""
    player = game.players[0]
    parts = [f"{player.correct} of {player.answered} right ({player.accuracy:.0%})"]
    if player.best_streak >= 2:
        parts.append(f"best streak {player.best_streak}")
    if player.fastest is not None:
        parts.append(f"fastest {player.fastest:.1f}s")
    return " · ".join(parts)


#: Below this many rows or columns the podium draws plain bold scores, not big digits,
#: and the steps are lower: at the minimum size (60x20) it fits without scrolling.
COMPACT_HEIGHT = 24
COMPACT_WIDTH = 80


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
        """Headline, the podium (or the solo score) and the two ways on."""
        game = self.game
        with Vertical(classes="panel results-panel"):
            yield Label("Results", classes="title")
            yield Static(headline(game), id="headline", classes="centered")
            with VerticalScroll(classes="results-body"):
                yield from self._multiplayer() if game.multiplayer else self._solo()
            with Horizontal(classes="actions"):
                yield Button("Play again", id="play-again", variant="primary")
                yield Button("Main menu", id="main-menu")
        yield KeyHints(("r", "play again"), ("m", "main menu"), ("?", "help"))

    def _bests(self) -> dict[str, int | None]:
        app = self.app
        return dict(app.bests_before) if isinstance(app, KeepsBests) else {}

    def _multiplayer(self) -> ComposeResult:
        game = self.game
        standings = game.standings()
        yield Podium(standings)
        marks = [m for m in personal_marks(game.players, self._bests()) if m.new_best]
        yield Ending(awards(game.players, game.outcomes), standings[3:], marks)

    def _solo(self) -> ComposeResult:
        game = self.game
        player = game.players[0]
        yield Digits(str(player.score), id="solo-score")
        yield Static(solo_line(game), classes="centered")
        marks = mark_lines(personal_marks(game.players, self._bests()), solo=True)
        if marks:
            yield Static(marks, id="personal-best", classes="centered")
        categories = by_category(game.outcomes)
        if categories:
            yield Static(category_lines(categories), classes="categories")

    def on_mount(self) -> None:
        """Fit the podium to the terminal it opens on."""
        self._fit(self.app.size.width, self.app.size.height)

    def on_resize(self, event: Resize) -> None:
        """Fit the podium again."""
        self._fit(event.size.width, event.size.height)

    def _fit(self, width: int, height: int) -> None:
        self.set_class(height < COMPACT_HEIGHT or width < COMPACT_WIDTH, "-compact")

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
