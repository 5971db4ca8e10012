"""The app's defences against keys typed faster than its screens change."""

from __future__ import annotations

from textual import events
from textual.app import App
from textual.theme import ThemeProvider

from quiz.ui.guards import exiting, palette_open
from quiz.ui.palette import QuizPalette


class KeySafeApp(App[None]):
    """An app that survives key bursts: a safe command palette (Ctrl+P and the Theme
    command open :class:`QuizPalette`), and keys queued behind a quit are dropped."""

    async def on_event(self, event: events.Event) -> None:
        """Drop a key queued behind a quit: it has nothing left to act on."""
        # Textual 8.2.8 reads self.screen for every key and raises ScreenStackError
        # when the shutdown has already emptied the stack; before that, the screens
        # being removed have lost the children their bindings query.
        if isinstance(event, events.Key) and (exiting(self) or not self.screen_stack):
            return
        await super().on_event(event)

    def action_command_palette(self) -> None:
        """Open the palette, unless quitting or already open (even under another screen)."""
        if self.use_command_palette and not exiting(self) and not palette_open(self):
            # No id (Textual gives "--command-palette"): a palette still being removed
            # after its dismiss holds it, and a new one with the same id would raise.
            self.push_screen(QuizPalette())

    def search_themes(self) -> None:
        """The palette's Theme command: Textual's opens a plain palette, without the fixes."""
        # The palette that ran the command is off the stack by now; another one there
        # means the command ran again from keys queued behind it.
        if not exiting(self) and not palette_open(self):
            self.push_screen(
                QuizPalette(providers=[ThemeProvider], placeholder="Search for themes…")
            )
