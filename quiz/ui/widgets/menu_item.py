"""A home-menu entry: a focusable line of text that acts on Enter or a click.

Lighter than ``Button`` on purpose: the home screen is the first paint, and Button's
large default stylesheet costs more to parse than the whole home screen to draw.
"""

from __future__ import annotations

from dataclasses import dataclass

from textual.binding import Binding
from textual.message import Message
from textual.widgets import Static


class MenuItem(Static, can_focus=True):
    """One choice of a menu; posts :class:`MenuItem.Chosen`."""

    BINDINGS = [Binding("enter,space", "choose", "Choose", show=False)]

    @dataclass
    class Chosen(Message):
        """The item was chosen (Enter, Space or a click)."""

        item: MenuItem

    def __init__(self, label: str, *, id: str) -> None:
        """An item showing ``label`` (our own text, never pack text)."""
        super().__init__(label, id=id, markup=False, classes="menu-item")

    def action_choose(self) -> None:
        """Tell the screen."""
        self.post_message(self.Chosen(self))

    def on_click(self) -> None:
        """A click chooses too."""
        self.action_choose()
