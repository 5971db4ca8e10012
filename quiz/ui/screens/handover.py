"""Pass the keyboard: names the next player and hides their question until they are ready.

For its first :data:`SETTLE_SECONDS` the screen takes no input: a double tap on the
screen before (an Enter on the reveal, then one more 350 ms later) must not press
"I'm ready" and start the next player's clock while the last player still holds the
keyboard. The wait is short and shown: the button reads "Ready in a moment…" until
then, "I'm ready" after. The time comes from the game's injected clock, so tests
replay it exactly.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.containers import Center, Vertical
from textual.content import Content
from textual.widgets import Button, Label, Static

from quiz.game_setup import Seating
from quiz.ui.screens.base import StepScreen
from quiz.ui.widgets.key_hints import KeyHints

if TYPE_CHECKING:
    from textual.timer import Timer

    from quiz.game import Game

SETTLE_SECONDS = 0.8
"""How long the screen ignores keys and clicks after it appears."""
#: The button while the screen settles, and after.
WAIT_LABEL = "Ready in a moment…"
READY_LABEL = "I'm ready  ⏎"
#: How often (real seconds) the screen looks at the game's clock while it settles.
SETTLE_CHECK_SECONDS = 0.1


class HandoverScreen(StepScreen):
    """"Pass the keyboard to Ben": shown before each answer of a hot-seat game."""

    BUTTON_ID = "ready"
    AUTO_FOCUS = "#ready"

    def compose(self) -> ComposeResult:
        """The next player's name, big, where they are in the round, and a ready button."""
        game = self.game
        turn = game.turn
        player = game.current_player
        with Vertical(classes="panel handover"):
            yield Label("Pass the keyboard to", classes="muted centered")
            yield Static(Content(turn.player), id="next-player", classes="big-name")
            hidden = "The question stays hidden until you are ready."
            where = f"Round {turn.round} of {game.rounds}"
            if game.seating is Seating.SAME and game.multiplayer:
                # One question for all: say whose answer this is, and that none shows.
                where += f"  ·  answer {len(game.step_outcomes) + 1} of {len(game.players)}"
                hidden = "The question and the answers so far stay hidden."
            yield Label(f"{where}  ·  score {player.score:,}", classes="muted centered")
            yield Label(hidden, id="hidden-note", classes="centered")
            with Center():
                yield Button(READY_LABEL, id="ready", variant="primary")
        yield KeyHints(("enter", "ready"), ("esc", "quit game"), ("?", "help"))

    def __init__(self, game: Game) -> None:
        """The handover before ``game``'s next answer, noting when it appeared."""
        super().__init__(game)
        self.appeared = game.clock()
        self._settling: Timer | None = None

    @property
    def settled(self) -> bool:
        """Whether the screen has been up long enough to take a "ready"."""
        return self.game.clock() - self.appeared >= SETTLE_SECONDS

    def on_mount(self) -> None:
        """Say "in a moment" until the screen takes a "ready" (a fraction of a second)."""
        if not self.refresh_ready():
            self._settling = self.set_interval(SETTLE_CHECK_SECONDS, self.refresh_ready)

    def refresh_ready(self) -> bool:
        """Draw the button as the game's clock says (waiting, or ready); ``True`` once
        settled, when the checks stop."""
        settled = self.settled
        button = self.query_one("#ready", Button)
        button.label = READY_LABEL if settled else WAIT_LABEL
        button.set_class(not settled, "-settling")
        if settled and self._settling is not None:
            self._settling.stop()
            self._settling = None
        return settled

    def step(self) -> None:
        """"I'm ready", unless the screen only just appeared (a double tap)."""
        if self.refresh_ready():
            super().step()
