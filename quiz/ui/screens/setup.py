"""Setting up a game: players, how they play (same question, own question, buzzer),
questions, timer, buzz keys, packs, seed."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Select, SelectionList
from textual.widgets.selection_list import Selection

from quiz.bank import Library
from quiz.difficulty import MIXES
from quiz.game_setup import (
    DEFAULT_BUZZ_KEYS,
    DEFAULT_QUESTIONS,
    DEFAULT_TIMER,
    MAX_PLAYERS,
    MAX_QUESTIONS,
    MIN_QUESTIONS,
    GameSetup,
    Seating,
    SetupError,
    check_buzzer,
    parse_buzz_keys,
    parse_difficulty,
    parse_players,
    parse_questions,
    parse_seating,
    parse_seed,
    parse_timer,
)
from quiz.text import shorten
from quiz.ui import requests
from quiz.ui.screens.base import GAME_CSS
from quiz.ui.screens.on_top import DismissOnTop
from quiz.ui.widgets.key_hints import KeyHints


def _timer_text(timer: float | None) -> str:
    return "off" if timer is None else f"{timer:g}"


SEATINGS = (
    ("Same question for everyone", "same"),
    ("Own question each, in turn", "own"),
    ("Buzzer: first to buzz answers", "buzzer"),
)
"""How players meet the questions, as the setup offers it (words for ``parse_seating``)."""


def seating_word(seating: Seating) -> str:
    """The setup's word for ``seating``."""
    return {Seating.TURNS: "own", Seating.BUZZER: "buzzer"}.get(seating, "same")


#: What the question count and the timer mean: each player's questions in turns (or
#: one question for all, answered by each), the game's questions in a buzzer game.
QUESTIONS_HINT = {
    "turns": f"per player, {MIN_QUESTIONS} to {MAX_QUESTIONS}",
    "buzzer": f"in the game, {MIN_QUESTIONS} to {MAX_QUESTIONS}",
}
TIMER_HINT = {
    "turns": "seconds per question, or off",
    "buzzer": "seconds, or off; answers stay timed",
}


class SetupScreen(DismissOnTop[None]):
    """The setup form. Enter in a field or "Start game" starts; Esc goes back."""

    CSS_PATH = GAME_CSS
    AUTO_FOCUS = "#players"
    DEFAULT_CSS = """
    SetupScreen #seating { width: 36; }
    """

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("ctrl+s", "start", "Start game"),
    ]

    @dataclass
    class Start(requests.StartGame):
        """The form is filled in well: start a game of its ``setup``."""

    def __init__(
        self, library: Library, last: GameSetup | None = None, known: Sequence[str] = ()
    ) -> None:
        """A form over the packs in ``library``, filled in from the ``last`` setup;
        ``known`` player names (the scores database's) are offered under the names."""
        super().__init__()
        self.known = list(known)
        self.library = library
        self.last = last

    def compose(self) -> ComposeResult:
        """One row per setting, then the packs, errors and buttons."""
        last = self.last
        players = ", ".join(last.players) if last else ""
        questions = str(last.questions) if last else str(DEFAULT_QUESTIONS)
        timer = _timer_text(last.timer) if last else f"{DEFAULT_TIMER:g}"
        seed = "" if last is None or last.seed is None else str(last.seed)
        seating = seating_word(last.seating) if last else "same"
        keys = " ".join(key.upper() for key in (last.buzz_keys if last else DEFAULT_BUZZ_KEYS))
        with VerticalScroll(id="setup"):
            yield Label("New game", classes="title")
            yield from self._row(
                "Players", Input(players, id="players", compact=True, placeholder="Ana, Ben"),
                f"1 to {MAX_PLAYERS} names, separated by commas",
            )
            if self.known:
                shown = shorten("Known: " + ", ".join(self.known), 70)
                yield Label(shown, id="known-players", classes="muted", markup=False)
            with Horizontal(classes="setup-row"):
                yield Label("Play", classes="setup-label")
                yield Select(
                    SEATINGS, value=seating, allow_blank=False, compact=True, id="seating"
                )
            yield from self._row(
                "Questions", Input(questions, id="questions", compact=True, type="integer"),
                QUESTIONS_HINT["turns"], hint_id="questions-hint",
            )
            yield from self._row(
                "Timer", Input(timer, id="timer", compact=True),
                TIMER_HINT["turns"], hint_id="timer-hint",
            )
            yield from self._row(
                "Difficulty",
                Select([(mix.capitalize(), mix) for mix in MIXES], id="difficulty",
                       value=last.difficulty if last else "mixed", allow_blank=False,
                       compact=True),  # fmt: skip
                "mostly easy, a spread, or mostly hard",
            )
            yield from self._row(
                "Buzz keys", Input(keys, id="buzz-keys", compact=True),
                "one key per player, in order", row_id="buzz-row",
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
        # Outside the form's scroll: Start is on screen however many packs there are.
        yield Label("", id="setup-error", classes="error-text", markup=False)
        with Horizontal(classes="actions", id="setup-actions"):
            yield Button("Start game", id="start", variant="primary")
            yield Button("Back", id="back")
        yield KeyHints(("enter", "start"), ("tab", "next field"), ("esc", "back"))

    @staticmethod
    def _row(
        label: str, field: Input | Select[str], hint: str, row_id: str | None = None,
        hint_id: str | None = None,
    ) -> ComposeResult:  # fmt: skip
        with Horizontal(classes="setup-row", id=row_id):
            yield Label(label, classes="setup-label")
            yield field
            yield Label(hint, classes="setup-hint muted", id=hint_id)

    def read_setup(self) -> GameSetup:
        """The form as a :class:`GameSetup`; raises :class:`SetupError` naming the field."""

        def value(field: str) -> str:
            return self.query_one(f"#{field}", Input).value

        packs = tuple(self.query_one("#packs", SelectionList).selected)
        if not self.library.packs:
            raise SetupError("no valid packs to play with (check them with: wdta-quiz packs)")
        if not packs:
            raise SetupError("choose at least one pack")
        players = parse_players(value("players"))
        seating = parse_seating(str(self.query_one("#seating", Select).value))
        setup = GameSetup(
            players=players,
            questions=parse_questions(value("questions")),
            timer=parse_timer(value("timer")),
            packs=() if len(packs) == len(self.library.packs) else packs,
            seed=parse_seed(value("seed")),
            seating=seating,
            difficulty=parse_difficulty(str(self.query_one("#difficulty", Select).value)),
        )
        if seating is Seating.BUZZER:
            keys = parse_buzz_keys(value("buzz-keys"), len(players))
            setup = replace(setup, buzz_keys=keys)
            check_buzzer(setup)
        return setup

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

    def on_mount(self) -> None:
        """Buzz keys show only for a buzzer game."""
        self._show_buzz_keys()

    @on(Select.Changed, "#seating")
    def _show_buzz_keys(self) -> None:
        buzzer = self.query_one("#seating", Select).value == "buzzer"
        self.query_one("#buzz-row").display = buzzer
        # A buzzer game asks each question once, of everyone: the count is the game's.
        kind = "buzzer" if buzzer else "turns"
        self.query_one("#questions-hint", Label).update(QUESTIONS_HINT[kind])
        self.query_one("#timer-hint", Label).update(TIMER_HINT[kind])

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
