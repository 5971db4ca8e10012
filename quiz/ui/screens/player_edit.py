"""The Scores screen's dialogs for renaming, merging and deleting a player.

``NameDialog`` asks for a name (a new one, or the player to merge into, with known
names suggested) and dismisses with it, or ``None``. ``DeleteDialog`` asks before a
delete that cannot be undone and dismisses with ``True`` only on a yes. Player names
are untrusted: they reach the screen only as ``Content``.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.suggester import SuggestFromList
from textual.widgets import Button, Input, Label

from quiz.errors import UserError
from quiz.game_setup import MAX_NAME_LENGTH
from quiz.ui.screens.on_top import DismissOnTop

if TYPE_CHECKING:
    from quiz.store import Store
    from quiz.store.players import PlayerChange

DIALOG_CSS = """
NameDialog, DeleteDialog {
    align: center middle;
    & > Vertical {
        width: 56; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 0 1;
    }
    .dialog-title { text-style: bold; width: 1fr; }
    .dialog-hint { color: $text-muted; width: 1fr; }
    Input { margin: 1 0 0 0; }
    .dialog-actions { height: auto; align-horizontal: center; margin-top: 1; }
    .dialog-actions Button { margin: 0 1; min-width: 12; }
}
"""


class NameDialog(ModalScreen[str | None], DismissOnTop[str | None]):
    """Ask for a player name; Enter or OK gives it, Esc or Cancel gives ``None``.

    Args:
        title: what is asked ("Rename Ana to").
        hint: one line under it.
        value: the name the field starts with.
        suggestions: names to complete from (known players).
    """

    DEFAULT_CSS = DIALOG_CSS
    AUTO_FOCUS = "#name"
    BINDINGS = [Binding("escape", "cancel", "Cancel")]

    def __init__(
        self, title: str, hint: str, value: str = "", suggestions: Sequence[str] = ()
    ) -> None:
        """A dialog asking ``title``."""
        super().__init__()
        self._title = title
        self._hint = hint
        self._value = value
        self._suggestions = list(suggestions)

    def compose(self) -> ComposeResult:
        """Title, hint, the name field and two buttons."""
        suggester = SuggestFromList(self._suggestions, case_sensitive=False)
        with Vertical():
            yield Label(Content(self._title), classes="dialog-title")
            yield Label(Content(self._hint), classes="dialog-hint")
            yield Input(
                self._value, id="name", max_length=MAX_NAME_LENGTH,
                suggester=suggester if self._suggestions else None,
            )  # fmt: skip
            with Horizontal(classes="dialog-actions"):
                yield Button(Content("OK"), id="ok", variant="primary")
                yield Button(Content("Cancel"), id="cancel")

    def on_input_submitted(self, event: Input.Submitted) -> None:
        """Enter in the field gives the name."""
        event.stop()
        self.dismiss(event.value)

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """OK gives the name, Cancel nothing."""
        event.stop()
        if event.button.id == "ok":
            self.dismiss(self.query_one("#name", Input).value)
        else:
            self.dismiss(None)

    def action_cancel(self) -> None:
        """Esc: nothing changes."""
        self.dismiss(None)


class DeleteDialog(ModalScreen[bool], DismissOnTop[bool]):
    """ "Delete Ana?" with what it removes; "Keep" has the focus, Y or the button deletes."""

    DEFAULT_CSS = DIALOG_CSS
    AUTO_FOCUS = "#keep"
    BINDINGS = [
        Binding("y", "decide(True)", "Delete"),
        Binding("n,escape", "decide(False)", "Keep"),
        Binding("left,right", "app.focus_next", show=False),
    ]

    def __init__(self, player: str, games: int) -> None:
        """Ask before deleting ``player``, who played ``games`` games."""
        super().__init__()
        self._player = player
        self._games = games

    def compose(self) -> ComposeResult:
        """The question, what it removes, two buttons."""
        games = games_text(self._games)
        with Vertical():
            yield Label(Content(f"Delete {self._player}?"), classes="dialog-title")
            yield Label(
                Content(f"Their results leave {games}. This cannot be undone."),
                classes="dialog-hint",
            )
            with Horizontal(classes="dialog-actions"):
                yield Button(Content("Keep (N)"), id="keep", variant="primary")
                yield Button(Content("Delete (Y)"), id="delete", variant="error")

    def on_button_pressed(self, event: Button.Pressed) -> None:
        """A button decides."""
        event.stop()
        self.dismiss(event.button.id == "delete")

    def action_decide(self, delete: bool) -> None:
        """Y or N decides."""
        self.dismiss(delete)


def games_text(count: int) -> str:
    """ "1 game", "3 games"."""
    return f"{count:,} game{'s' if count != 1 else ''}"


def edit(store: Store, kind: str, player: str, answer: str | None) -> PlayerChange | None:
    """Do the rename (``answer``: the new name), merge (``answer``: whom into) or delete
    (``answer``: anything) of ``player``; what it did.

    ``None`` when nothing was asked for; ``PlayerEditError``/``UserError`` when it
    cannot be done (the caller shows the message).
    """
    if answer is None or (kind != "delete" and not answer.strip()):
        return None
    if kind == "rename":
        return store.rename_player(player, answer)
    if kind == "merge":
        return store.merge_players(player, answer)
    return store.delete_player(player)


def said(kind: str, done: PlayerChange) -> str:
    """The line that tells what a change did."""
    if kind == "rename":
        return f"Renamed {done.old} to {done.new}."
    if kind == "merge":
        return f"Merged {done.old} into {done.new}: {games_text(done.games)} moved."
    return f"Deleted {done.old}: their results left {games_text(done.games)}."


class PlayerEditing(DismissOnTop[None]):
    """A screen listing players that can rename (``n``), merge (``m``) and delete (``d``)
    the one its ``chosen_player`` names, each through a dialog, then ``reload``."""

    store: Store | None

    def chosen_player(self) -> str | None:
        """The player the next change is about (``None``: none chosen)."""
        raise NotImplementedError

    def reload(self) -> None:
        """Show the players as they are after a change."""
        raise NotImplementedError

    def changed(self, change: PlayerChange) -> None:
        """``change.old`` is now called ``change.new`` (``None``: gone); then ``reload``."""

    def action_rename(self) -> None:
        """Rename the chosen player (a dialog asks the new name)."""
        self._ask("rename", lambda name: NameDialog(
            f"Rename {name} to", "Every game keeps them under the new name.", name,
        ))  # fmt: skip

    def action_merge(self) -> None:
        """Merge the chosen player into another (a dialog asks whom)."""
        others = [
            n for n in (self.store.players() if self.store else []) if n != self.chosen_player()
        ]
        self._ask("merge", lambda name: NameDialog(
            f"Merge {name} into", f"{name}'s games become theirs; {name} is gone.", "", others,
        ))  # fmt: skip

    def action_delete(self) -> None:
        """Delete the chosen player, after a yes."""
        store = self.store
        self._ask("delete", lambda name: DeleteDialog(name, len(store.games(name)) if store else 0))

    def _ask(self, kind: str, dialog: Callable[[str], Screen[str | None] | Screen[bool]]) -> None:
        player = self.chosen_player()
        if self.store is None or player is None:
            self.notify("Choose a player first (a leaderboard row, say).", title="Players")
            return

        def answered(answer: str | bool | None) -> None:
            self._edit(kind, player, "yes" if answer is True else answer or None)

        self.app.push_screen(dialog(player), answered)

    def _edit(self, kind: str, player: str, answer: str | None) -> None:
        if self.store is None:
            return
        try:
            done = edit(self.store, kind, player, answer)
        except (UserError, sqlite3.DatabaseError) as error:
            self.notify(str(error), title="Players", severity="error", markup=False)
            return
        if done is not None:
            self.notify(said(kind, done), title="Players", markup=False)
            self.changed(done)
            self.reload()
