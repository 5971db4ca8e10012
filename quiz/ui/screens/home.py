"""The home screen: Play, Packs, Scores, Help, Quit."""

from __future__ import annotations

from dataclasses import dataclass

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Center, Vertical
from textual.content import Content
from textual.message import Message
from textual.screen import Screen
from textual.widgets import Static

from quiz.ui.widgets.key_hints import KeyHints
from quiz.ui.widgets.menu_item import MenuItem

MENU = (
    ("play", "Play", "p"),
    ("packs", "Packs", "k"),
    ("scores", "Scores", "s"),
    ("party", "Party (phones)", "t"),
    ("help", "Help", "h"),
    ("quit", "Quit", "q"),
)

TITLE = Content.assemble(
    ("♪  We Don't Talk Anymore  ♪", "bold $accent"),
    "\n",
    ("THE TRIVIA QUIZ", "bold $primary"),
    "\n",
    ("Charlie Puth featuring Selena Gomez", "$foreground-muted"),
)


class HomeScreen(Screen[None]):
    """The title and the main menu; arrows move, Enter or the letter picks."""

    AUTO_FOCUS = "#play"  # Enter starts a game
    BINDINGS = [
        *(Binding(key, f"choose('{name}')", label) for name, label, key in MENU),
        Binding("question_mark", "choose('help')", "Help", show=False),
        Binding("up", "app.focus_previous", show=False),
        Binding("down", "app.focus_next", show=False),
    ]

    @dataclass
    class Picked(Message):
        """A menu entry was picked: ``play``, ``packs``, ``scores``, ``party``, ``help`` or
        ``quit``."""

        choice: str

    def compose(self) -> ComposeResult:
        """Title block and menu buttons."""
        with Vertical(id="home"):
            # One widget for the three title lines: the home screen is the first paint.
            yield Static(TITLE, id="title")
            with Center():
                with Vertical(id="menu"):
                    for name, label, key in MENU:
                        yield MenuItem(f"{label}  ({key.upper()})", id=name)
        yield KeyHints(*((key, label.split(" (")[0].lower()) for _, label, key in MENU))

    def on_menu_item_chosen(self, event: MenuItem.Chosen) -> None:
        """A menu item was chosen."""
        event.stop()
        if event.item.id:
            self.action_choose(event.item.id)

    def action_choose(self, name: str) -> None:
        """Go where the menu item ``name`` leads (the app decides how)."""
        # Only while home is on top: keys typed before it was covered choose nothing.
        # (is_current would also be True under the Help dialog.)
        if self.is_active:
            self.post_message(self.Picked(name))
