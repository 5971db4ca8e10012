"""What the app checks before it acts on a message: is the screen that sent it still
the one the player sees?

Keys typed fast arrive as a burst: Textual hands each to the screen focused when it
arrives and runs it when it is handled, so a message can come from a screen that a
dialog, the palette or another screen has covered since, or from an app that is already
quitting. Acting on it then stacks screens, pushes the game above a dialog, or touches
screens the shutdown removed. Each check here tells the app to drop such a message.
"""

from __future__ import annotations

from typing import Any

from textual.app import App
from textual.command import CommandPalette
from textual.screen import ModalScreen, Screen


def exiting(app: App[Any]) -> bool:
    """Exit has been asked for (``App.exit`` sets the return code at once)."""
    return app.return_code is not None


def on_top(app: App[Any], *kinds: type[Screen[Any]]) -> bool:
    """The app is not quitting and its active screen is one of ``kinds``."""
    return not exiting(app) and bool(app.screen_stack) and isinstance(app.screen, kinds)


def dialog_on_top(app: App[Any]) -> bool:
    """A dialog (ours, Textual's palette, the too-small notice) is the active screen."""
    return bool(app.screen_stack) and isinstance(app.screen, ModalScreen)


def palette_open(app: App[Any]) -> bool:
    """A command palette is anywhere on the stack (Textual only looks at the top)."""
    return any(isinstance(screen, CommandPalette) for screen in app.screen_stack)
