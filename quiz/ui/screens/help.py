"""Every key the game uses, on one screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical, VerticalScroll
from textual.screen import ModalScreen
from textual.widgets import Label

from quiz.ui.screens.base import GAME_CSS
from quiz.ui.screens.on_top import DismissOnTop

#: Every key of every screen, by screen: (screen, ((keys, what they do), ...)).
SECTIONS: tuple[tuple[str, tuple[tuple[str, str], ...]], ...] = (
    ("Anywhere", (
        ("? or F1", "this help"),
        ("Ctrl+P", "command palette (themes and more)"),
        ("Ctrl+C or Ctrl+Q", "leave wdta-quiz (in a game it asks first; twice leaves)"),
        ("↑ ↓ Tab", "move between choices"),
        ("Enter", "choose"),
    )),
    ("Home", (
        ("P K S T H Q", "Play, Packs, Scores, Party, Help, Quit"),
    )),
    ("Setup", (
        ("Tab", "next field"),
        ("Enter or Ctrl+S", "start the game"),
        ("Esc", "back"),
    )),
    ("Pass the keyboard", (
        ("Enter or Space", "the next player is ready (after a moment, so a double tap "
                           "cannot skip it)"),
    )),
    ("Question", (
        ("A-F or 1-6", "pick an option"),
        ("↑ ↓ then Enter", "move to an option and pick it"),
        ("Esc or Q", "quit the game (asks first)"),
    )),
    ("Order question", (
        ("A-E or clicks", "the items, first to last (Backspace undoes)"),
        ("↑ ↓ and Shift+↑ ↓", "point at an item and move it"),
        ("Enter", "lock the order in"),
    )),
    ("Number or text question", (
        ("type, then Enter", "answer (small typos are forgiven in words)"),
    )),
    ("Buzzer", (
        ("each player's key", "buzz (shown at the bottom; Q P Z M unless changed in setup)"),
        ("then", "answer as above, before your few seconds run out (timed even with "
                 "the timer off); wrong or late costs 250 points, never below 0"),
        ("Enter", "nobody knows: show the answer (timer off only)"),
        ("Esc", "quit the game (asks first)"),
    )),
    ("Reveal", (
        ("Enter or Space", "continue"),
        ("F", "flag the question as wrong or unclear (with a reason)"),
    )),
    ("Standings", (
        ("Enter or Space", "continue"),
    )),
    ("Results", (
        ("R", "play again"),
        ("M or Esc", "main menu"),
    )),
    ("Packs", (
        ("Space", "switch a pack on or off"),
        ("P", "preview a pack's questions"),
        ("Tab then ↑ ↓", "scroll a broken pack's problems"),
        ("Esc", "back"),
    )),
    ("Scores", (
        ("← →", "switch tabs"),
        ("Enter", "open the player of a leaderboard row"),
        ("V", "this week, this month or all time"),
        ("P", "choose a player"),
        ("N M D", "rename, merge or delete a player (asks first)"),
        ("R", "review my misses (practice)"),
        ("Esc", "back"),
    )),
    ("Party (big screen)", (
        ("S or Enter", "start, then go on after each reveal"),
        ("N", "skip the question"),
        ("P", "pause or go on"),
        ("K then a number", "remove that player"),
        ("Esc or Q", "end the party (asks first)"),
    )),
    ("Quit dialog", (
        ("Y", "quit the game"),
        ("N or Esc", "keep playing"),
    )),
)

#: Cells of the key column; descriptions wrap beside it.
KEY_WIDTH = 18


class HelpScreen(ModalScreen[None], DismissOnTop[None]):
    """The keys, in a dialog; any of Esc, Q, ?, Enter closes it."""

    CSS_PATH = GAME_CSS
    AUTO_FOCUS = "#keys"  # so ↑ ↓ and Page Up/Down scroll the keys

    BINDINGS = [
        Binding("escape,q,question_mark,enter,f1", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        """A title and every screen's keys, scrolling when the terminal is short."""
        with Vertical(classes="dialog help"):
            yield Label("Keys", classes="title")
            with VerticalScroll(id="keys"):
                for screen, keys in SECTIONS:
                    yield Label(Text(screen, style="bold underline"), classes="help-section")
                    for key, does in keys:
                        with Horizontal(classes="help-row"):
                            yield Label(Text(key, style="bold"), classes="help-key")
                            yield Label(Text(does), classes="help-does")
            yield Label("Esc closes · ↑ ↓ scroll", classes="muted centered")

    def action_close(self) -> None:
        """Back to where you were."""
        self.dismiss(None)
