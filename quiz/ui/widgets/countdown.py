"""The countdown bar on the question screen, building tension in its last seconds."""

from __future__ import annotations

import math

from textual.content import Content
from textual.reactive import reactive
from textual.widget import Widget

FINAL_SECONDS = 5
"""The last seconds, when the bar turns urgent and pulses once a second."""


class Countdown(Widget):
    """A bar that empties as the question's time runs out, with the seconds left.

    Green, then amber at half time, red in the last quarter; in the last
    :data:`FINAL_SECONDS` it pulses (its background flips every second) and the
    seconds read ``3s!``. The screen sets :attr:`left` from the game's injected
    clock; the bar never reads the real time itself, so tests and snapshots stay exact.
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

    @property
    def final(self) -> bool:
        """Whether the last few seconds are running (never with the timer off)."""
        return self.left is not None and bool(self.limit) and 0 < self.left <= FINAL_SECONDS

    def watch_left(self, left: float | None) -> None:
        """Colour the bar by how much time is left; pulse in the final seconds."""
        share = 1.0 if left is None or not self.limit else left / self.limit
        final = self.final
        self.set_class(share <= 0.25 or final, "-low")
        self.set_class(0.25 < share <= 0.5 and not final, "-mid")
        self.set_class(final, "-final")
        self.set_class(final and left is not None and math.ceil(left) % 2 == 1, "-pulse")

    def render(self) -> Content:
        """The bar and the seconds left."""
        if self.limit is None or self.left is None:
            return Content.styled("no time limit", "dim")
        whole = math.ceil(self.left)
        seconds = f" {whole:>3}s!" if self.final else f" {whole:>3}s "
        width = max(self.size.width - len(seconds), 1)
        filled = round(width * min(max(self.left / self.limit, 0.0), 1.0))
        return Content.assemble(
            ("█" * filled, "bold"),
            ("░" * (width - filled), "dim"),
            (seconds, "bold"),
        )
