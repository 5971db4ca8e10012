"""Flag a question from its reveal: say it is wrong, unclear or unfair, for the
pack's author (``wdta-quiz packs flags`` lists the flags)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import Button, Input, Label

from quiz.question import Question
from quiz.store.flags import MAX_REASON
from quiz.ui import requests
from quiz.ui.screens.base import GAME_CSS
from quiz.ui.screens.on_top import DismissOnTop


@dataclass
class Flagged(requests.FlagQuestion):
    """A player flagged a question (posted by :func:`flag_question`)."""


class FlagScreen(ModalScreen[str | None], DismissOnTop[str | None]):
    """"Flag this question?" with a reason to type (optional). Dismisses with the
    reason ("" for none) to flag, ``None`` to leave it."""

    CSS_PATH = GAME_CSS
    AUTO_FOCUS = "#flag-reason"
    DEFAULT_CSS = """
    FlagScreen { align: center middle; }
    FlagScreen #flag-prompt { width: 100%; }
    FlagScreen #flag-reason { margin: 1 0 0 0; }
    """

    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(self, question: Question) -> None:
        """A dialog about ``question``."""
        super().__init__()
        self.question = question

    def compose(self) -> ComposeResult:
        """The prompt flagged, a reason field and two buttons."""
        # The confirm dialog's width (game.tcss), so a long prompt wraps.
        with Vertical(classes="dialog confirm"):
            yield Label("Flag this question?", classes="title")
            yield Label(Content(self.question.prompt), id="flag-prompt", classes="muted")
            yield Input(placeholder="Why? (optional: wrong, unclear, unfair…)",
                        max_length=MAX_REASON, id="flag-reason")  # fmt: skip
            with Horizontal(classes="actions"):
                yield Button("Flag it (Enter)", id="flag", variant="warning")
                yield Button("Cancel (Esc)", id="cancel")

    @on(Input.Submitted)
    def _submitted(self, event: Input.Submitted) -> None:
        event.stop()
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """"Flag it" flags with the reason typed; "Cancel" does not flag."""
        event.stop()
        if event.button.id == "flag":
            self.dismiss(self.query_one("#flag-reason", Input).value)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Esc leaves the question unflagged."""
        self.dismiss(None)


def flag_question(screen: Screen[Any], question: Question, player: str | None) -> None:
    """Open the flag dialog over ``screen``; a flag given is posted to the app as
    :class:`Flagged`, which keeps it."""

    def decided(reason: str | None) -> None:
        if reason is not None:
            screen.app.post_message(Flagged(question.id, question.pack, reason, player))

    screen.app.push_screen(FlagScreen(question), decided)
