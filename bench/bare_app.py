"""The floor for the UI benchmarks: a bare Textual app that draws one label.

Run as a script it is what ``bench/run.py`` launches in a pseudo-terminal to time the
first paint and peak memory of "just Textual"; ``BareApp`` is also driven through Pilot
for the key-press floor (pressing "1" changes the label's text).
"""

from __future__ import annotations

from textual.app import App, ComposeResult
from textual.widgets import Label

#: Text the first frame shows; the pty benchmark waits for it in the output stream.
MARKER = "Bare bench ready"
#: Text the label shows after "1" is pressed.
PRESSED = "Bare bench pressed"


class BareApp(App[None]):
    """One label; "1" changes its text; ctrl+q quits (Textual's default)."""

    BINDINGS = [("1", "press_one", "Press")]

    presses = 0

    def compose(self) -> ComposeResult:
        """The single label."""
        yield Label(MARKER, id="label")

    def action_press_one(self) -> None:
        """Change the label, as an answer key changes the screen (new text every press)."""
        self.presses += 1
        self.query_one("#label", Label).update(f"{PRESSED} {self.presses}")


if __name__ == "__main__":
    BareApp().run()
