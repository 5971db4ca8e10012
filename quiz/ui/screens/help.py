"""Every key the game uses, on one screen."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import ModalScreen
from textual.widgets import DataTable, Label

from quiz.ui.screens.base import GAME_CSS
from quiz.ui.screens.on_top import DismissOnTop

KEYS: tuple[tuple[str, str, str], ...] = (
    ("Menus", "↑ ↓  Tab", "move between choices"),
    ("Menus", "Enter", "choose"),
    ("Home", "P  K  S  H  Q", "Play, Packs, Scores, Help, Quit"),
    ("Question", "A-D  or  1-4", "pick an option"),
    ("Question", "↑ ↓  then Enter", "move to an option and pick it"),
    ("Order", "A-D  or  clicks", "items first to last (⌫ undoes)"),
    ("Order", "↑ ↓  Shift+↑ ↓", "point at an item, move it"),
    ("Order", "Enter", "lock the order in"),
    ("Typed", "type, then Enter", "answer (F1 for this help)"),
    ("Reveal", "Enter  or  Space", "continue"),
    ("Pass", "Enter  or  Space", "the next player is ready"),
    ("Results", "R  /  M", "play again / main menu"),
    ("Game", "Esc  or  Q", "quit the game (asks first)"),
    ("Anywhere", "?  or  F1", "this help"),
    ("Anywhere", "Ctrl+P", "command palette: change theme, ..."),
    ("Anywhere", "Ctrl+C  or  Ctrl+Q", "leave wdta-quiz"),
)


class HelpScreen(ModalScreen[None], DismissOnTop[None]):
    """The keys, in a dialog; any of Esc, Q, ?, Enter closes it."""

    CSS_PATH = GAME_CSS

    BINDINGS = [
        Binding("escape,q,question_mark,enter,f1", "close", "Close"),
    ]

    def compose(self) -> ComposeResult:
        """A title and a table of keys."""
        with Vertical(classes="dialog help"):
            yield Label("Keys", classes="title")
            table: DataTable[Text] = DataTable(cursor_type="none", show_cursor=False, id="keys")
            table.add_columns(Text("Where", style="bold"), Text("Key", style="bold"),
                              Text("Does", style="bold"))
            for where, key, does in KEYS:
                table.add_row(Text(where, style="dim"), Text(key, style="bold"), Text(does))
            yield table
            yield Label("Press Esc to close.", classes="muted centered")

    def action_close(self) -> None:
        """Back to where you were."""
        self.dismiss(None)
