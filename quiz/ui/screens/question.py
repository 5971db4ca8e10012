"""The question: prompt, options as large targets, countdown, whose turn."""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.widgets import Label, Static

from quiz.ui import requests
from quiz.ui.screens.base import GameScreen
from quiz.ui.widgets.countdown import Countdown
from quiz.ui.widgets.key_hints import KeyHints
from quiz.ui.widgets.option_button import OptionButton
from quiz.ui.widgets.turn_status import TurnStatus

if TYPE_CHECKING:  # the app imports this screen for its messages before the first paint
    from quiz.game import Game

OPTION_KEYS = "abcdef"
"""Letters that pick options; digits 1-6 do the same."""


def question_meta(category: str, difficulty: str) -> Content:
    """``Charts · medium``, drawn literally."""
    return Content.assemble(Content(category), Content.styled(f"  ·  {difficulty}", "dim"))


class QuestionScreen(GameScreen):
    """One player's question. Keys 1-4 or A-D pick; arrows move, Enter picks; clicks work."""

    # No option has the focus at first: a second Enter pressed on the screen before
    # (the reveal, "I'm ready") must not answer option 1 unseen. An arrow focuses one.
    AUTO_FOCUS = ""
    BINDINGS = [
        *(Binding(str(n + 1), f"answer({n})", show=False) for n in range(len(OPTION_KEYS))),
        *(Binding(key, f"answer({n})", show=False) for n, key in enumerate(OPTION_KEYS)),
        Binding("up,left", "move(-1)", show=False),
        Binding("down,right", "move(1)", show=False),
    ]

    @dataclass
    class Answered(requests.Pick):
        """The player at the keyboard picked an option of the question shown; ``player``
        is the seat whose turn the screen shows."""

    @dataclass
    class ClockChecked(requests.CheckClock):
        """Time passed on the question shown."""

    def __init__(self, game: Game, *, tick_interval: float = 0.1) -> None:
        """The question of ``game``'s current turn; the clock is checked every
        ``tick_interval`` seconds."""
        super().__init__(game)
        self.tick_interval = tick_interval
        self.shown = game.turn

    def compose(self) -> ComposeResult:
        """Status, countdown, prompt and options."""
        game = self.game
        turn = game.turn
        question = turn.question
        with Vertical(classes="top-bar"):
            yield TurnStatus(turn, game.current_player, game.multiplayer)
            yield Countdown(game.time_limit, id="countdown")
        with Vertical(classes="stage"):
            yield Static(question_meta(question.category, question.difficulty), classes="meta")
            yield Static(Content(question.prompt), id="prompt", classes="prompt")
            with Vertical(id="options"):
                for index, text in enumerate(question.options):
                    yield OptionButton(index, text, id=f"option-{index + 1}")
            count = len(question.options)
            last = OPTION_KEYS[count - 1].upper()
            yield Label(
                f"Answer with 1-{count} or A-{last}, or ↑↓ and Enter, or click.", classes="hint"
            )
        yield KeyHints((f"1-{count} / A-{last}", "answer"), ("esc", "quit game"), ("?", "help"))

    def on_mount(self) -> None:
        """Start checking the clock."""
        self._update_countdown()
        self.set_interval(self.tick_interval, self._tick)

    def _update_countdown(self) -> None:
        self.query_one(Countdown).left = self.game.time_left()

    def _tick(self) -> None:
        # A dialog on top has paused the game clock; the engine decides time-outs.
        if not self.is_active:
            return
        self._update_countdown()
        self.post_message(self.ClockChecked())

    def pick(self, index: int) -> None:
        """Answer the question shown with option ``index`` (0-based)."""
        turn = self.shown
        self.post_message(self.Answered(turn.player_index, turn.index, index))

    def action_answer(self, index: int) -> None:
        """Pick option ``index`` (0-based) if the question has it."""
        if index < len(self.shown.question.options):
            self.pick(index)

    def action_move(self, step: int) -> None:
        """Move the focus to the previous or next option."""
        if step < 0:
            self.focus_previous(OptionButton)
        else:
            self.focus_next(OptionButton)

    def on_button_pressed(self, event: OptionButton.Pressed) -> None:
        """A click or Enter on an option picks it."""
        event.stop()
        if isinstance(event.button, OptionButton):
            self.pick(event.button.index)
