"""The buzzer game's screen: one question for all, the first to buzz answers.

Every player's buzz key is on screen (the bar at the bottom). Before anyone buzzes,
only the buzz keys do anything; the player who buzzed answers with the option keys,
or types (numbers, words, an order) into the line that opens for them, while their
own countdown runs. A wrong or late answer locks them out and the question opens to
the others again; the engine (:mod:`quiz.buzzer_game`) decides all of it. When the
question closes, the same screen shows who buzzed, what they said, the right answer
and the points: the reveal is this screen in the ``reveal`` phase.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual import events, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical, VerticalScroll
from textual.content import Content
from textual.widgets import Button, Input, Label, Static

from quiz.buzzer import answer_seconds
from quiz.buzzer_game import BuzzerGame
from quiz.game_phase import Phase
from quiz.session_turns import Outcome
from quiz.typed_response import TypedError, typed_response
from quiz.ui import buzz_requests, requests
from quiz.ui.screens.base import GameScreen, StepScreen
from quiz.ui.screens.question import OPTION_KEYS
from quiz.ui.widgets.buzz_seats import BuzzSeats
from quiz.ui.widgets.countdown import Countdown
from quiz.ui.widgets.key_hints import KeyHints
from quiz.ui.widgets.option_button import OptionText
from quiz.ui.widgets.reveal_lines import question_meta
from quiz.ui.widgets.round_answers import RoundAnswers

TYPED_HINT = {
    "order": "type the option numbers in order (e.g. 2413), then Enter",
    "number": "type a number, then Enter",
    "text": "type the answer, then Enter",
}


def buzzes(game: BuzzerGame) -> list[Outcome]:
    """The answers to the current question, in the order the players buzzed."""
    return [o for o in game.outcomes if o.turn.index == game.step]


#: How soon after a buzz an option key counts as that buzz's answer, before the game
#: has handed the floor over (keys typed together arrive together).
EARLY_PICK_SECONDS = 0.5


class BuzzerScreen(GameScreen):
    """One question, all players, one keyboard: buzz keys, then the buzzer answers."""

    # The buzz keys are letters (Q by default), so the game screens' Q-quits is not
    # inherited here: Esc quits, ? helps, and every other key is the players'.
    inherit_bindings = False
    AUTO_FOCUS = ""
    BINDINGS = [
        Binding("escape", "abandon", "Quit game"),
        Binding("question_mark", "app.help", "Help"),
        Binding("f1", "app.help", "Help", show=False),
        Binding("space", "step", "Continue", show=False),
    ]
    DEFAULT_CSS = """
    BuzzerScreen { align: center top; }
    BuzzerScreen #buzz-status { margin-top: 1; padding: 0 1; background: $boost; }
    BuzzerScreen #buzz-status.-holding { background: $accent-muted; text-style: bold; }
    BuzzerScreen #buzz-input { margin-top: 1; width: 100%; display: none; }
    BuzzerScreen #buzz-error { color: $text-error; }
    BuzzerScreen #answer-clock { margin: 0 1; color: $accent; }
    BuzzerScreen .answer-line { margin-bottom: 1; text-style: bold; }
    BuzzerScreen .actions { height: 3; }
    """

    @dataclass
    class Buzzed(buzz_requests.Buzz):
        """A player pressed their buzz key."""

    @dataclass
    class Answered(buzz_requests.Respond):
        """The player who buzzed answered."""

    @dataclass
    class Closed(buzz_requests.Close):
        """Nobody knows: the players close the question (the timer is off)."""

    @dataclass
    class ClockChecked(requests.CheckClock):
        """Time passed on the question shown."""

    def __init__(self, game: BuzzerGame, *, tick_interval: float = 0.1) -> None:
        """The open question (or its reveal) of ``game``; the clock is checked every
        ``tick_interval`` seconds."""
        super().__init__(game)
        self.game: BuzzerGame = game
        self.tick_interval = tick_interval
        self.question_index = game.step
        self.keys = game.setup.buzz_keys
        self.holding: int | None = None  # the holder the screen last drew
        #: A buzz sent and not yet taken by the game, and an option key pressed in that
        #: moment: "p4" typed fast is a buzz and its answer, not a buzz and a lost key.
        self.buzz_sent: float | None = None  # when, on the game's clock
        self.early_pick: int | None = None

    @property
    def revealing(self) -> bool:
        """Whether the screen shows the answer (the question closed)."""
        return self.shown_at[0] is Phase.REVEAL

    # -- drawing -------------------------------------------------------------

    def compose(self) -> ComposeResult:
        """The question for all (or its reveal), the players' keys and scores."""
        game = self.game
        question = game.questions[self.question_index]
        with Vertical(classes="top-bar"):
            yield Static(self._status_line(), classes="turn-status")
            if not self.revealing:
                yield Countdown(game.time_limit, id="countdown")
                yield Countdown(None, id="answer-clock")
        with VerticalScroll(classes="stage"):
            yield Static(question_meta(question.category, question.difficulty), classes="meta")
            yield Static(Content(question.prompt), id="prompt", classes="prompt")
            if question.options and not self.revealing:  # the reveal says the answer
                yield OptionText(
                    [(Content.assemble((f" {n + 1} ", "reverse bold"), "  "), Content(text),
                      Content()) for n, text in enumerate(question.options)],
                    classes="buzz-options",
                )  # fmt: skip
            if self.revealing:
                yield from self._reveal()
            else:
                yield Static("", id="buzz-status")
                yield Input(id="buzz-input", compact=True, max_length=200)
                yield Label("", id="buzz-error", markup=False)
        if self.revealing:  # outside the scrolling part: never below the fold
            with Center(classes="actions"):
                yield Button("Continue  ⏎", id="continue", variant="primary")
        yield BuzzSeats(game, self.keys, id="buzz-seats")
        yield KeyHints(*self._hints())

    def _status_line(self) -> Content:
        game = self.game
        return Content.assemble(
            (" Buzzer ", "bold reverse"), "  ",
            (f"Question {self.question_index + 1} of {game.rounds}", "bold"),
        )  # fmt: skip

    def _hints(self) -> list[tuple[str, str]]:
        if self.revealing:
            return [("enter", "continue"), ("esc", "quit game"), ("?", "help")]
        keys = "/".join(key.upper() for key in self.keys[: len(self.game.players)])
        if self.game.time_limit is None and self.game.at_keyboard is None:
            # No clock closes a question nobody knows: the players do.
            return [(keys, "buzz"), ("enter", "nobody knows"), ("esc", "quit"), ("?", "help")]
        return [(keys, "buzz"), ("esc", "quit game"), ("?", "help")]

    def _reveal(self) -> ComposeResult:
        game = self.game
        question = game.questions[self.question_index]
        answers = buzzes(game)
        winner = next((o for o in answers if o.correct), None)
        if winner is not None:
            head = Content.assemble(
                "✔  ", (winner.turn.player, "bold"), f" got it!  +{winner.points.total:,}"
            )
            css = "-right"
        else:
            head = Content("✖  Nobody got it." if answers else "⏱  Nobody buzzed.")
            css = "-wrong" if answers else "-timeout"
        yield Static(head, id="verdict", classes=f"verdict {css}")
        yield Static(
            Content.assemble("Answer: ", (question.correct, "bold")), classes="answer-line"
        )
        if answers:
            yield RoundAnswers(answers, id="round-answers")
        if question.explanation:
            yield Static(Content(question.explanation), id="explanation")

    def on_mount(self) -> None:
        """Draw the state of the question and start checking the clock."""
        if self.revealing:
            self.query_one("#continue", Button).focus()
            return
        self.sync()
        self.set_interval(self.tick_interval, self._tick)

    def _tick(self) -> None:
        if not self.is_active:  # a dialog on top has paused the game's clocks
            return
        self.sync()
        self.post_message(self.ClockChecked())

    def sync(self) -> None:
        """Redraw from the game: who holds the question, the clocks, who is out."""
        if self.revealing or not self.is_mounted:
            return
        game = self.game
        buzzer = game.buzzer
        holder = buzzer.holder if buzzer is not None else None
        # While someone answers, the question's clock waits: show theirs instead.
        countdown = self.query_one("#countdown", Countdown)
        countdown.left = game.time_left()
        countdown.display = holder is None
        clock = self.query_one("#answer-clock", Countdown)
        clock.display = holder is not None
        if buzzer is not None and holder is not None:
            clock.limit = buzzer.window
            clock.left = buzzer.window_left()
        self.query_one(BuzzSeats).show()
        status = self.query_one("#buzz-status", Static)
        status.update(self._status(holder))
        status.set_class(holder is not None, "-holding")
        if holder != self.holding:
            self._hand_over(holder)

    def _status(self, holder: int | None) -> Content:
        game = self.game
        question = game.questions[self.question_index]
        untimed = game.time_limit is None
        if holder is not None:
            name = game.players[holder].name
            if question.picks:
                last = OPTION_KEYS[len(question.options) - 1].upper()
                how = f"press 1-{len(question.options)} or A-{last}"
            else:
                how = TYPED_HINT.get(question.type, "type the answer, then Enter")
            assert game.buzzer is not None  # someone holds it
            seconds = f"{game.buzzer.window:g} s"
            timed = " (answers are timed, even with the timer off)" if untimed else ""
            return Content.assemble((name, "bold"), f" buzzed! {seconds} to answer{timed}: {how}")
        lines: list[Content] = []
        answers = buzzes(game)
        if answers:
            last_out = answers[-1]
            why = "too slow" if last_out.timed_out else "wrong"
            penalty = last_out.points.penalty
            cost = f", {-penalty:,} points" if penalty else ""
            lines.append(Content.assemble(
                (last_out.turn.player, "bold"), f": {why}{cost}. Open again for the others!\n",
            ))  # fmt: skip
        lines.append(Content("Buzz to answer: press your key."))
        if untimed:
            window = answer_seconds(question)
            lines.append(Content(
                f"\nNo time limit on the question; after a buzz, {window:g} s to answer."
                " Nobody knows? Enter shows the answer.",
            ))  # fmt: skip
        return Content("").join(lines)

    def _hand_over(self, holder: int | None) -> None:
        """The floor changed hands: open the typing line for a typed question's holder;
        an option key pressed while the buzz was on its way answers now."""
        self.holding = holder
        fresh = self._buzz_on_its_way()
        early, self.early_pick, self.buzz_sent = self.early_pick, None, None
        if holder is not None and early is not None and fresh:
            self.post_message(self.Answered(holder, self.question_index, early))
        self.query_one(KeyHints).show(*self._hints())
        question = self.game.questions[self.question_index]
        field = self.query_one("#buzz-input", Input)
        self.query_one("#buzz-error", Label).update("")
        field.display = holder is not None and not question.picks
        field.value = ""
        if holder is not None and not question.picks:
            field.placeholder = f"{self.game.players[holder].name}: answer here"
            field.focus()
        elif field.has_focus:
            self.set_focus(None)

    # -- input ---------------------------------------------------------------

    def on_key(self, event: events.Key) -> None:
        """Buzz keys while the question is open; option keys for whoever buzzed."""
        if self.revealing or self.game.phase is not Phase.QUESTION:
            return
        holder = self.game.at_keyboard
        if holder is None and event.key == "enter" and self.game.time_limit is None:
            event.stop()  # nobody knows, and no clock will close the question
            self.post_message(self.Closed(self.question_index))
            return
        char = (event.character or "").casefold()
        if not char:
            return
        question = self.game.questions[self.question_index]
        if holder is None:
            if char in self.keys[: len(self.game.players)]:
                event.stop()
                self.buzz_sent, self.early_pick = self.game.clock(), None
                self.post_message(self.Buzzed(self.keys.index(char), self.question_index))
            elif self._buzz_on_its_way() and question.picks and self.early_pick is None:
                index = self._option(char)
                if index is not None and index < len(question.options):
                    event.stop()
                    self.early_pick = index
            return
        if question.picks:
            index = self._option(char)
            if index is not None and index < len(question.options):
                event.stop()
                self.post_message(self.Answered(holder, self.question_index, index))

    def _buzz_on_its_way(self) -> bool:
        """A buzz was sent within :data:`EARLY_PICK_SECONDS` and the floor is still
        free: the game has not taken it yet, or refused it (then the pick is dropped
        when the next buzz is sent, as it always was)."""
        sent = self.buzz_sent
        return sent is not None and self.game.clock() - sent <= EARLY_PICK_SECONDS

    @staticmethod
    def _option(char: str) -> int | None:
        if char.isdigit() and char != "0":
            return int(char) - 1
        if char in OPTION_KEYS:
            return OPTION_KEYS.index(char)
        return None

    @on(Input.Submitted, "#buzz-input")
    def _typed(self, event: Input.Submitted) -> None:
        event.stop()
        holder = self.game.at_keyboard
        if holder is None:
            return
        question = self.game.questions[self.question_index]
        try:
            response = typed_response(question, event.value)
        except TypedError as problem:
            self.query_one("#buzz-error", Label).update(str(problem).capitalize())
            return
        self.post_message(self.Answered(holder, self.question_index, response))

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """Continue from the reveal."""
        event.stop()
        self.action_step()

    def action_step(self) -> None:
        """Leave the reveal for the next question (a stale ask is ignored)."""
        if self.revealing:
            self.post_message(StepScreen.Stepped(Phase.REVEAL, self.question_index))
