"""Setting up a game: players, questions, timer, packs, seed."""

from __future__ import annotations

from dataclasses import dataclass

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, SelectionList
from textual.widgets.selection_list import Selection

from quiz.bank import Library
from quiz.game_setup import (
    DEFAULT_QUESTIONS,
    DEFAULT_TIMER,
    MAX_PLAYERS,
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    GameSetup,
    SetupError,
    parse_players,
    parse_questions,
    parse_seed,
    parse_timer,
)
from quiz.ui import requests
from quiz.ui.screens.base import GAME_CSS
from quiz.ui.screens.on_top import DismissOnTop
from quiz.ui.widgets.key_hints import KeyHints


def _timer_text(timer: float | None) -> str:
    return "off" if timer is None else f"{timer:g}"


class SetupScreen(DismissOnTop[None]):
    """The setup form. Enter in a field or "Start game" starts; Esc goes back."""

    CSS_PATH = GAME_CSS
    AUTO_FOCUS = "#players"

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "start", "Start game"),
    ]

    @dataclass
    class Start(requests.StartGame):
        """The form is filled in well: start a game of its ``setup``."""

    def __init__(self, library: Library, last: GameSetup | None = None) -> None:
        """A form over the packs in ``library``, filled in from the ``last`` setup."""
        super().__init__()
        self.library = library
        self.last = last

    def compose(self) -> ComposeResult:
        """One row per setting, then the packs, errors and buttons."""
        last = self.last
        players = ", ".join(last.players) if last else ""  # no "Player 1" kept forever
        questions = str(last.questions) if last else str(DEFAULT_QUESTIONS)
        timer = _timer_text(last.timer) if last else f"{DEFAULT_TIMER:g}"
        seed = "" if last is None or last.seed is None else str(last.seed)
        with VerticalScroll(id="setup"):
            yield Label("New game", classes="title")
            yield from self._row(
                "Players", Input(players, id="players", compact=True, placeholder="your names"),
                f"1 to {MAX_PLAYERS} names, separated by commas",
            )
            yield from self._row(
                "Questions", Input(questions, id="questions", compact=True, type="integer"),
                f"per player, {MIN_QUESTIONS} to {MAX_QUESTIONS}",
            )
            yield from self._row(
                "Timer", Input(timer, id="timer", compact=True),
                "seconds per question, or off",
            )
            yield from self._row(
                "Seed", Input(seed, id="seed", compact=True, placeholder="random"),
                "optional: replays the same questions",
            )
            chosen = set(last.packs) if last and last.packs else None
            packs = SelectionList[str](
                *(
                    Selection(
                        Content.assemble(Content(p.title), Content.styled(f"  {p.id}", "dim")),
                        p.id,
                        chosen is None or p.id in chosen,
                    )
                    for p in self.library.packs
                ),
                id="packs",
            )
            with Horizontal(classes="setup-row"):
                yield Label("Packs", classes="setup-label")
                yield packs
            if not self.library.packs:
                yield Label("No packs could be loaded.", classes="error-text")
            yield Label("", id="setup-error", classes="error-text", markup=False)
            with Horizontal(classes="actions"):
                yield Button("Start game", id="start", variant="primary")
                yield Button("Back", id="back")
        yield KeyHints(("enter", "start"), ("tab", "next field"), ("esc", "back"))

    @staticmethod
    def _row(label: str, field: Input, hint: str) -> ComposeResult:
        with Horizontal(classes="setup-row"):
            yield Label(label, classes="setup-label")
            yield field
            yield Label(hint, classes="setup-hint muted")

    def read_setup(self) -> GameSetup:
        """The form as a :class:`GameSetup`; raises :class:`SetupError` naming the field."""

        def value(field: str) -> str:
            return self.query_one(f"#{field}", Input).value

        packs = tuple(self.query_one("#packs", SelectionList).selected)
        if not self.library.packs:
            raise SetupError("no valid packs to play with (check them with: wdta-quiz packs)")
        if not packs:
            raise SetupError("choose at least one pack")
        return GameSetup(
            players=parse_players(value("players")),
            questions=parse_questions(value("questions")),
            timer=parse_timer(value("timer")),
            packs=() if len(packs) == len(self.library.packs) else packs,
            seed=parse_seed(value("seed")),
        )

    def action_start(self) -> None:
        """Check the form and start the game, or say what is wrong."""
        error = self.query_one("#setup-error", Label)
        try:
            setup = self.read_setup()
        except SetupError as problem:
            message = str(problem)
            error.update(message[:1].upper() + message[1:])
            return
        error.update("")
        self.post_message(self.Start(setup))

    def action_back(self) -> None:
        """Back to the home screen."""
        self.dismiss()

    @on(Input.Submitted)
    def _submitted(self) -> None:
        self.action_start()

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Start or back."""
        event.stop()
        if event.button.id == "start":
            self.action_start()
        else:
            self.action_back()
