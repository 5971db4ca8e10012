"""The question, then its reveal: one screen, and the reveal is one update of it.

While the question is open: prompt, countdown, and the answer widget of its type
(options to pick, items to order, a field to type in). When it closes the same screen
turns into the reveal in place, no new screen built: the verdict replaces the
countdown, the options are marked, the explanation and the source appear, and Enter,
Space or a click continues. While a dialog covers it (help, quit, the palette) the
question is hidden and its clock stopped.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.content import Content
from textual.events import Resize
from textual.timer import Timer
from textual.widget import Widget
from textual.widgets import Button, Input, Label, Static

from quiz.ui import requests
from quiz.ui.screens.base import GameScreen, StepScreen
from quiz.ui.widgets.countdown import Countdown
from quiz.ui.widgets.key_hints import KeyHints
from quiz.ui.widgets.option_button import OptionButton
from quiz.ui.widgets.option_marks import LETTERS
from quiz.ui.widgets.order_list import OrderList
from quiz.ui.widgets.reveal_body import RevealBody
from quiz.ui.widgets.reveal_lines import question_meta, result_of, reveal_blocks, verdict
from quiz.ui.widgets.turn_status import TurnStatus, round_status, status_content
from quiz.ui.widgets.typed_answer import TypedAnswer

if TYPE_CHECKING:
    from quiz.game import Game
    from quiz.grading import Response
    from quiz.question import Question
    from quiz.session_turns import Outcome

OPTION_KEYS = LETTERS.lower()
"""Letters that pick options (or take items, in an order question); digits 1-6 too."""

REVEAL_ACTIONS = {"step", "flag"}
"""Actions that work only on the reveal; a reveal key (such as one that flags the
question) adds its binding to ``QuestionScreen.BINDINGS`` and its action here."""

SHORT_HEIGHT = 24
"""Terminals shorter than this get one-row options (the screen's ``-short`` class)."""

ASKING_ACTIONS = {"answer", "move", "shift", "undo"}
"""Actions that work only while the question is open."""


def how_to_answer(question: Question) -> tuple[str, tuple[tuple[str, str], ...]]:
    """The hint under the answer widget, and the footer's keys, for ``question``'s type."""
    count = len(question.options)
    letters = f"A-{LETTERS[count - 1]}"
    keys = (("esc", "quit game"), ("?", "help"))
    if question.picks:
        hint = f"Answer with {letters} or 1-{count}, or ↑↓ and Enter, or click."
        return hint, ((f"{letters} / 1-{count}", "answer"), *keys)
    if question.type == "order":
        hint = (
            f"Type the letters first to last (like {LETTERS[:count][::-1]}) or click the "
            "items in order, or pick one with ↑↓ and move it with Shift+↑↓. Enter locks it in."
        )
        return hint, (("letters", "order"), ("⌫", "undo"), ("enter", "lock in"), *keys)
    return "", (("enter", "answer"), ("esc", "quit game"), ("f1", "help"))


class QuestionScreen(GameScreen):
    """One player's question and, once it closes, its reveal.

    Picks: keys A-D or 1-4, arrows then Enter, or a click. Order: letters or clicks
    first to last, Shift+arrows, Enter. Number and text: type, Enter.
    """

    # Nothing has the focus at first: a second Enter pressed on the screen before
    # (the reveal, "I'm ready") must not answer unseen. An arrow focuses an option;
    # a typed answer's field takes the focus (Enter on it empty only says what to type).
    AUTO_FOCUS = ""
    BINDINGS = [
        *(Binding(str(n + 1), f"answer({n})", show=False) for n in range(len(OPTION_KEYS))),
        # Upper case too: Caps Lock or Shift must not make the letters dead.
        *(Binding(f"{key},{key.upper()}", f"answer({n})", show=False)
          for n, key in enumerate(OPTION_KEYS)),
        Binding("up,left", "move(-1)", show=False),
        Binding("down,right", "move(1)", show=False),
        Binding("shift+up,ctrl+up", "shift(-1)", show=False),
        Binding("shift+down,ctrl+down", "shift(1)", show=False),
        Binding("backspace", "undo", show=False),
        Binding("enter", "enter", show=False),
        # -- the reveal's keys (see REVEAL_ACTIONS) --
        Binding("space", "step", "Continue", show=False),
        Binding("f", "flag", "Flag question", show=False),  # after F answers, on the reveal
    ]

    @dataclass
    class Answered(requests.Pick):
        """The player at the keyboard answered the question shown; ``player`` is the
        seat whose turn the screen shows."""

    @dataclass
    class ClockChecked(requests.CheckClock):
        """Time passed on the question shown."""

    @dataclass
    class Held(requests.HoldClock):
        """A dialog covered the question, or uncovered it."""

    _enter_armed = False  # one Enter on an untouched order asks; the next locks it in

    def __init__(self, game: Game, *, tick_interval: float = 0.1) -> None:
        """The question of ``game``'s current turn (already revealed if the game is in
        its reveal); the clock is checked every ``tick_interval`` seconds."""
        super().__init__(game)
        self.tick_interval = tick_interval
        self.shown = game.turn
        self.revealed: Outcome | None = None
        """The outcome shown, once the screen is a reveal."""
        self._ticks: Timer | None = None

    @property
    def question(self) -> Question:
        """The question shown."""
        return self.shown.question

    def compose(self) -> ComposeResult:
        """Status, countdown (the verdict on the reveal), prompt, answer widget, and
        the reveal's parts, hidden until then."""
        game = self.game
        question = self.question
        hint, keys = how_to_answer(question)
        with Vertical(classes="top-bar"):
            yield TurnStatus(self.shown, game.players[self.shown.player_index], game.multiplayer)
            yield Countdown(game.time_limit, id="countdown")
            yield Static(id="verdict", classes="verdict")
        with Vertical(id="asking", classes="stage"):
            yield Static(question_meta(question.category, question.difficulty), classes="meta")
            yield Static(Content(question.prompt), id="prompt", classes="prompt")
            yield self._answer_widget()
            if hint:
                yield Static(hint, classes="hint", markup=False)
        with Vertical(id="reveal", classes="stage"):
            yield Static(id="round-answers")  # everyone's answer, when all answered it
            yield RevealBody(id="reveal-body")
            yield Button("Continue  ⏎", id="continue", compact=True, variant="primary")
        yield Label("‖  Paused: the question is hidden.", id="paused")
        yield KeyHints(*keys)

    def _answer_widget(self) -> Widget:
        question = self.question
        if question.picks:
            return Vertical(
                *(
                    OptionButton(index, text, id=f"option-{index + 1}")
                    for index, text in enumerate(question.options)
                ),
                id="options",
            )
        if question.type == "order":
            return OrderList(question.options, id="order")
        return TypedAnswer(question, id="typed")

    def on_mount(self) -> None:
        """Start checking the clock, or reveal at once if the question has closed."""
        from quiz.game import Phase

        self._fit(self.app.size.height)
        outcome = self.game.last_outcome
        if self.game.phase is Phase.REVEAL and outcome is not None:
            self.reveal(outcome)
            return
        self._update_countdown()
        self._ticks = self.set_interval(self.tick_interval, self._tick)
        if not self.question.picks and self.question.type != "order":
            self.query_one("#typed-input", Input).focus()

    def on_resize(self, event: Resize) -> None:
        """Keep the question and its options above the fold."""
        self._fit(event.size.height)

    def _fit(self, height: int) -> None:
        # Below 24 rows, options of three rows each push the last one out of sight.
        self.set_class(height < SHORT_HEIGHT, "-short")

    def _update_countdown(self) -> None:
        self.query_one(Countdown).left = self.game.time_left()

    def _tick(self) -> None:
        # A dialog on top has paused the game clock; the engine decides time-outs.
        if not self.is_active or self.revealed is not None:
            return
        self._update_countdown()
        self.post_message(self.ClockChecked())

    # -- the reveal ----------------------------------------------------------

    def follow(self, game: Game) -> bool:
        """Turn into the reveal if ``game`` just closed the question shown."""
        from quiz.game import Phase

        outcome = game.last_outcome
        if game.phase is not Phase.REVEAL or self.revealed is not None or outcome is None:
            return False
        if outcome.turn != self.shown:
            return False
        self.reveal(outcome)
        return True

    def reveal(self, outcome: Outcome) -> None:
        """Show how ``outcome`` went, in place: one update of this screen.

        Fast by construction (bench/: within a frame of the key): the reveal was
        composed hidden with the question and draws as one widget of text, so this
        fills in that text and the verdict and swaps which part is displayed. No
        class changes on containers, whose restyle would walk every widget under them.
        """
        self.revealed = outcome
        self.shown_at = (self.game.phase, self.game.step)
        if self._ticks is not None:
            self._ticks.stop()
        player = self.game.players[outcome.turn.player_index]
        shown = self.query_one("#verdict", Static)
        everyone = self.game.step_outcomes  # all players answered this one: one reveal
        # The round's reveal is everyone's: not the last player's name and score.
        self.query_one(TurnStatus).update(
            round_status(outcome.turn) if len(everyone) > 1
            else status_content(outcome.turn, player, self.game.multiplayer)
        )
        answers = self.query_one("#round-answers", Static)
        answers.display = len(everyone) > 1
        if len(everyone) > 1:  # no one pick is "your answer": the right one is marked
            from dataclasses import replace

            from quiz.ui.widgets.round_answers import answers_content, summary

            outcome = replace(outcome, response=None)
            answers.update(answers_content(everyone))
            shown.update(Content(f"Round {outcome.turn.round} of {self.game.rounds}  ·  "
                                 f"{summary(everyone)}"))  # fmt: skip
            shown.set_classes("verdict -all")
        else:
            shown.update(verdict(outcome))
            shown.set_classes(f"verdict -{result_of(outcome)}")
        self.query_one(RevealBody).show(reveal_blocks(self.question, outcome))
        self.query_one("#countdown").display = False
        self.query_one("#asking").display = False
        shown.display = True
        self.query_one("#reveal").display = True
        self.query_one(KeyHints).show(("enter", "continue"), ("esc", "quit game"), ("?", "help"))
        if self.focused is not None:  # Enter now continues (the screen's binding)
            self.set_focus(None, scroll_visible=False)

    def action_flag(self) -> None:
        """Flag the question just revealed, with an optional reason."""
        from quiz.ui.screens.flag import flag_question

        outcome = self.revealed
        if outcome is not None:
            flag_question(self, outcome.turn.question, outcome.turn.player)

    def action_step(self) -> None:
        """Continue from the reveal."""
        outcome = self.revealed
        if outcome is not None:
            from quiz.game import Phase

            self.post_message(StepScreen.Stepped(Phase.REVEAL, outcome.turn.index))

    # -- answering -----------------------------------------------------------

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Answer keys only while the question is open; reveal keys only after."""
        revealed = self.revealed is not None
        if action in ASKING_ACTIONS:
            return not revealed and self._takes(action)
        if action in REVEAL_ACTIONS:
            return revealed
        if action == "enter":
            return revealed or bool(self.query(OrderList))
        return True

    def _takes(self, action: str) -> bool:
        """Whether the question's type has a use for ``action``."""
        if self.question.type == "order":
            return True
        return self.question.picks and action in ("answer", "move")

    def submit(self, response: Response) -> None:
        """Answer the question shown with ``response``."""
        if self.revealed is None:
            turn = self.shown
            self.post_message(self.Answered(turn.player_index, turn.index, response))

    def pick(self, index: int) -> None:
        """Answer the question shown with option ``index`` (0-based)."""
        self.submit(index)

    def action_answer(self, index: int) -> None:
        """Pick option ``index`` (0-based), or take item ``index`` next in an order."""
        if index >= len(self.question.options):
            return
        if self.question.type == "order":
            self.query_one(OrderList).take(index)
        else:
            self.pick(index)

    def action_move(self, step: int) -> None:
        """Move to the previous or next option (or place, in an order)."""
        if self.question.type == "order":
            self.query_one(OrderList).move_cursor(step)
        elif step < 0:
            self.focus_previous(OptionButton)
        else:
            self.focus_next(OptionButton)

    def action_shift(self, step: int) -> None:
        """Move the item pointed at up or down a place."""
        self.query_one(OrderList).shift(step)

    def action_undo(self) -> None:
        """Give back the item taken last."""
        self.query_one(OrderList).undo()

    def action_enter(self) -> None:
        """Enter continues from the reveal, or locks in an order."""
        if self.revealed is not None:
            self.action_step()
            return
        order = self.query_one(OrderList)
        if order.touched or self._enter_armed:
            order.lock_in()
        else:  # a stray Enter must not lock in an order unseen: a second one does
            self._enter_armed = True
            self.notify("Press Enter again to lock in this order, or type the letters "
                        "first to last.", timeout=4, markup=False)  # fmt: skip

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A click or Enter on an option picks it; on the reveal, Continue continues."""
        event.stop()
        if event.button.id == "continue" or self.revealed is not None:
            self.action_step()
        elif isinstance(event.button, OptionButton):
            self.pick(event.button.index)

    def on_order_list_locked(self, event: OrderList.Locked) -> None:
        """The order is locked in."""
        event.stop()
        self.submit(event.order)

    def on_typed_answer_typed(self, event: TypedAnswer.Typed) -> None:
        """A typed answer was given."""
        event.stop()
        self.submit(event.response)

    # -- pausing -------------------------------------------------------------

    def on_screen_suspend(self) -> None:
        """A dialog covers the question: hide it, and ask for its clock to stop."""
        if self.revealed is None:
            self.add_class("-paused")
            self.post_message(self.Held(True))

    def on_screen_resume(self) -> None:
        """Uncovered: show the question again and restart its clock."""
        if self.has_class("-paused"):
            self.remove_class("-paused")
            self.post_message(self.Held(False))
        super().on_screen_resume()
