"""A one-line key reminder at the bottom of a screen.

Textual's ``Footer`` builds a widget per key and restyles them on every screen
change, which costs more than the screen itself; this draws one line of text.
"""

from __future__ import annotations

from collections.abc import Sequence

from textual.content import Content
from textual.widgets import Static

PALETTE_HINT = ("ctrl+p", "themes")


def hints_content(hints: Sequence[tuple[str, str]]) -> Content:
    """``esc quit game  ? help  …`` with the keys bold."""
    parts: list[str | tuple[str, str]] = []
    for key, label in hints:
        parts += [(f" {key} ", "bold"), f"{label}  "]
    return Content.assemble(*parts)


class KeyHints(Static):
    """The keys that matter on this screen, plus the command palette."""

    DEFAULT_CSS = """
    KeyHints {
        dock: bottom;
        height: 1;
        width: 100%;
        background: $panel;
        color: $text-muted;
    }
    """

    def __init__(self, *hints: tuple[str, str]) -> None:
        """Hints as ``(key, what it does)`` pairs."""
        super().__init__(hints_content([*hints, PALETTE_HINT]))

    def show(self, *hints: tuple[str, str]) -> None:
        """Show other keys (the screen changed state, e.g. a question to its reveal)."""
        self.update(hints_content([*hints, PALETTE_HINT]))
