"""Screens that close only while they are the one on top."""

from __future__ import annotations

from typing import TypeVar

from textual.await_complete import AwaitComplete
from textual.screen import Screen

ResultT = TypeVar("ResultT")


class DismissOnTop(Screen[ResultT]):
    """A screen whose ``dismiss`` does nothing unless it is the active (top) screen.

    Textual's ``dismiss`` pops the top screen, whoever asks. A key or click queued
    before the screen closed (Enter twice, a button pressed while "Y" was handled)
    would then pop the screen under it, and with it a game in progress.

    For a dialog, list it *after* ``ModalScreen``:
    ``class Dialog(ModalScreen[bool], DismissOnTop[bool])``. Textual takes default CSS,
    component classes and type names from the first base class only, so listed first
    it would hide ``ModalScreen``'s; listed second its ``dismiss`` still wins (the MRO).
    """

    def dismiss(self, result: ResultT | None = None) -> AwaitComplete:
        """Close with ``result`` if on top; a stale second close is ignored."""
        # is_active, not is_current: is_current is also True under a dialog.
        if not self.is_active:
            return AwaitComplete()
        return super().dismiss(result)
