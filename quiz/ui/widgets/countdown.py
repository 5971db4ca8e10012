"""The countdown bar on the question screen."""

from __future__ import annotations

import math

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget


class Countdown(Widget):
    """A bar that empties as the question's time runs out, with the seconds left.

    The screen sets :attr:`left` from the game's injected clock; the bar never reads
    the real time itself, so tests and snapshots stay exact.
    """

    DEFAULT_CSS = """
    Countdown { height: 1; }
    """

    left: reactive[float | None] = reactive(None)
    """Seconds left, or ``None`` with the timer off."""

    def __init__(self, limit: float | None, *, id: str | None = None) -> None:
        """A bar for a question with ``limit`` seconds (``None``: timer off)."""
        super().__init__(id=id)
        self.limit = limit
        self.set_reactive(Countdown.left, limit)

    def watch_left(self, left: float | None) -> None:
        """Colour the bar by how much time is left."""
        share = 1.0 if left is None or not self.limit else left / self.limit
        self.set_class(share <= 0.25, "-low")
        self.set_class(0.25 < share <= 0.5, "-mid")

    def render(self) -> Content:
        """The bar and the seconds left."""
        if self.limit is None or self.left is None:
            return Content.styled("no time limit", "dim")
        seconds = f" {math.ceil(self.left):>3}s"
        width = max(self.size.width - len(seconds), 1)
        filled = round(width * min(max(self.left / self.limit, 0.0), 1.0))
        return Content.assemble(
            ("█" * filled, "bold"),
            ("░" * (width - filled), "dim"),
            (seconds, "bold"),
        )
