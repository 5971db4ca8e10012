"""Shown instead of a broken layout while the terminal is too small."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static


class TooSmallScreen(ModalScreen[None]):
    """"Terminal too small: need at least 60x20, have 40x12"; leaves when resized."""

    def __init__(self, need: tuple[int, int], have: tuple[int, int]) -> None:
        """Cover the app until the terminal is at least ``need`` (width, height)."""
        super().__init__()
        self.need = need
        self.have = have

    def compose(self) -> ComposeResult:
        """The message, centred."""
        yield Static(self.message(), id="too-small", markup=False)

    def message(self) -> str:
        """What is needed and what there is."""
        width, height = self.have
        need_w, need_h = self.need
        return (
            f"Terminal too small: need at least {need_w}x{need_h}, have {width}x{height}.\n"
            "Make the window bigger to go on (Ctrl+C quits)."
        )

    def show_size(self, width: int, height: int) -> None:
        """Keep the numbers current while the user resizes."""
        self.have = (width, height)
        self.query_one("#too-small", Static).update(self.message())
