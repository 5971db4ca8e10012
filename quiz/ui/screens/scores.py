"""The scores screen: who is winning, head-to-head, solo, most missed, one player.

Self-contained: ``store_opener`` returns a *new* ``Store``, opened on mount and closed on
removal; if it raises ``UserError`` the screen says why instead of showing tables.

The champion (winner of the latest multiplayer game) and their streak head the screen.
← and → move between the tabs; ``v`` steps the view through all time, this month and
this week (counted from the injected ``now``). Enter on a leaderboard or solo row opens
that player. ``n`` renames, ``m`` merges and ``d`` deletes the player under the cursor
(or shown on the Player tab), each through a dialog.

"Review my misses" (Player tab, or ``r``) calls ``on_review(player_name)`` and posts
``ScoresScreen.ReviewRequested``, only when that player has missed questions.

Most missed questions are stored as ids: a thread worker reads the packs they name
(``prompt_finder``, default ``quiz.prompts.installed_prompts``) and puts each prompt in
place of its id, so the screen opens without waiting for packs.

Player names, question ids and prompts are untrusted: they reach the screen only as
``rich.text.Text`` (table cells, picker options) or ``Content``, never as markup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from contextlib import suppress
from dataclasses import dataclass
from datetime import datetime
from functools import partial
from typing import TYPE_CHECKING, Any

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import Button, DataTable, Footer, Label, Select, TabbedContent, TabPane
from textual.worker import Worker, WorkerState

from quiz.errors import UserError
from quiz.session_clock import utc_now
from quiz.stats_board import PERIOD_NAMES, PERIODS, Period, period_start
from quiz.ui import requests
from quiz.ui.screens import scores_tables as tables
from quiz.ui.screens.player_edit import PlayerEditing

if TYPE_CHECKING:  # the app imports this screen for its messages before the first paint
    from quiz.store import Store
    from quiz.store.players import PlayerChange

StoreOpener = Callable[[], "Store"]
ReviewCallback = Callable[[str], object]
#: Question ids in, {id: prompt} out for the ids it knows (may be slow: run in a thread).
PromptFinder = Callable[[list[str]], dict[str, str]]

#: The name of the worker that finds the most-missed prompts.
PROMPTS_WORKER = "missed-prompts"
#: The tabs in the order ← and → step through them.
TABS = ("tab-leaderboard", "tab-h2h", "tab-solo", "tab-missed", "tab-player")


def _open_default_store() -> Store:
    from quiz.store import Store

    # Reading only; the game's own open runs the whole-file check.
    return Store.open(check=False)


class ScoresScreen(PlayerEditing):
    """The champion, then Leaderboard, Head-to-head, Solo, Most missed and Player tabs.

    Args:
        store_opener: returns a new ``Store`` (default ``Store.open``); closed by the screen.
        on_review: called with a player's name when they ask to review their misses.
        prompt_finder: the prompts of most-missed question ids (default
            ``quiz.prompts.installed_prompts``); called in a worker thread.
        borrowed: the store belongs to the caller (the game's own scores database),
            so the screen leaves it open when it goes.
        now: the time this week and this month are counted from.
    """

    DEFAULT_CSS = """
    ScoresScreen {
        #scores-head { height: 1; padding: 0 1; }
        #scores-title { text-style: bold; width: auto; }
        #scores-view { color: $text-muted; width: 1fr; text-align: right; }
        #champion { padding: 0 1; height: 1; }
        #scores-message { padding: 1 2; }
        TabbedContent { height: 1fr; }
        TabPane { padding: 0; }
        DataTable, #player-pane { height: 1fr; }
        #player-bar, #categories { height: auto; }
        #player-picker { width: 1fr; }
        #review { margin-left: 1; width: auto; min-width: 16; }
        #bests { padding: 0 1; height: auto; width: 1fr; }
        #history { height: auto; max-height: 12; }
        .section { padding: 0 1; text-style: bold; margin-top: 1; }
    }
    """

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("left", "tab(-1)", "Tab", priority=True, key_display="←→"),
        Binding("right", "tab(1)", "Next tab", show=False, priority=True),
        Binding("v", "view", "View", show=False),  # the header says "v: change"
        Binding("p", "pick_player", "Player", show=False),
        Binding("n", "rename", "Rename"),
        Binding("m", "merge", "Merge"),
        Binding("d", "delete", "Delete"),
        Binding("r", "review", "Review misses"),
    ]

    @dataclass
    class ReviewRequested(requests.Review):
        """A player (``player``, as stored) asked to review the questions they missed."""

    def __init__(
        self,
        store_opener: StoreOpener | None = None,
        on_review: ReviewCallback | None = None,
        prompt_finder: PromptFinder | None = None,
        *,
        borrowed: bool = False,
        now: Callable[[], datetime] = utc_now,
    ) -> None:
        """A scores screen reading the store that ``store_opener`` returns."""
        super().__init__()
        self._opener = store_opener or _open_default_store
        self._borrowed = borrowed
        self._on_review = on_review
        self._prompt_finder = prompt_finder
        self._now = now
        self.prompts: dict[str, str] | None = None
        """Prompts of the most-missed questions by id, once found (``None`` until then)."""
        self.store: Store | None = None
        self.period: Period = "all"
        """The view: all time, this month or this week."""
        self.player: str | None = None
        """The player shown on the Player tab, or ``None``."""
        self.misses: list[str] = []
        """That player's missed question ids."""
        self.pages: dict[str, tables.Paged[Any]] = {}
        """The long tables by id, which grow as the cursor goes down."""

    def compose(self) -> ComposeResult:
        """Title and view, champion, message line, tabs, footer."""
        with Horizontal(id="scores-head"):
            yield Label("Scores", id="scores-title")
            yield Label("", id="scores-view", markup=False)
        yield Label("", id="champion", markup=False)
        yield Label("", id="scores-message", markup=False)
        with TabbedContent(id="tabs"):
            with TabPane("Leaderboard", id="tab-leaderboard"):
                yield DataTable(id="leaderboard", cursor_type="row", zebra_stripes=True)
            with TabPane("Head-to-head", id="tab-h2h"):
                yield DataTable(id="h2h", cursor_type="row", zebra_stripes=True)
            with TabPane("Solo", id="tab-solo"):
                yield DataTable(id="solo", cursor_type="row", zebra_stripes=True)
            with TabPane("Most missed", id="tab-missed"):
                yield DataTable(id="missed", cursor_type="row", zebra_stripes=True)
            with TabPane("Player", id="tab-player"):
                with VerticalScroll(id="player-pane"):
                    with Horizontal(id="player-bar"):
                        yield Select([], prompt="Pick a player", id="player-picker")
                        yield Button(Content("Review my misses"), id="review", disabled=True)
                    yield Label("", id="bests", markup=False)
                    yield Label("Recent games", classes="section")
                    yield DataTable(id="history", cursor_type="row", zebra_stripes=True)
                    yield Label("Accuracy by category", classes="section")
                    yield DataTable(id="categories", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        """Open the store and fill the tables."""
        try:
            self.store = self._opener()
        except UserError as error:
            self._unavailable(f"Scores are not available: {error}")
            return
        for notice in self.store.notices:
            self.notify(notice, title="Scores", severity="warning", markup=False, timeout=10)
        self.reload()
        if self.query_one("#tabs").display:
            self.query_one("#leaderboard", DataTable).focus()

    def _unavailable(self, why: str) -> None:
        self.query_one("#scores-message", Label).update(Content(why))
        self.query_one("#scores-message").display = True
        self.query_one("#tabs").display = False
        self.query_one("#champion").display = False

    def reload(self) -> None:
        """Read everything again (after a change, or another view)."""
        store = self.store
        if store is None:
            return
        try:
            if not store.has_games():
                self._unavailable("No games yet: play one and come back to see the scores.")
                return
            self._fill(store)
        except sqlite3.DatabaseError as error:
            # Damage the open-time check could not see: say so, keep the game running.
            self._unavailable(f"Scores are not available: {error}")
            return
        self.query_one("#scores-message").display = False

    def _fill(self, store: Store) -> None:
        since = period_start(self.period, self._now())
        view = f"{PERIOD_NAMES[self.period]} (v: change)"
        self.query_one("#scores-view", Label).update(Content(view))
        self.query_one("#champion", Label).update(tables.champion_text(store.champions()))
        board = self.query_one("#leaderboard", DataTable)
        self.pages = {"leaderboard": tables.fill_leaderboard(board, store, since)}
        ids = tables.fill_missed(self.query_one("#missed", DataTable), store, self.app.size.width)
        if ids and self.prompts is None:
            self._find_prompts(ids)
        elif self.prompts:
            self.show_prompts(self.prompts)
        # The other tabs are out of sight: they are filled once the leaderboard is drawn.
        self.call_after_refresh(self._fill_the_rest, since)

    def _fill_the_rest(self, since: str | None) -> None:
        store = self.store
        if store is None:
            return
        try:
            self.pages["h2h"] = tables.fill_head_to_head(self.query_one("#h2h", DataTable),
                                                         store, since)  # fmt: skip
            self.pages["solo"] = tables.fill_solo(self.query_one("#solo", DataTable), store, since)
            names = store.players()
        except sqlite3.DatabaseError as error:
            self._unavailable(f"Scores are not available: {error}")
            return
        self.query_one("#player-picker", Select).set_options([(Text(n), n) for n in names])
        if self.player is not None:
            shown, self.player = self.player, None
            if shown in names:
                self.show_player(shown)
            else:
                self._clear_player()

    def on_unmount(self) -> None:
        """Close the store (unless it is borrowed)."""
        if self.store is not None and not self._borrowed:
            self.store.close()
        self.store = None

    # -- most missed prompts -------------------------------------------------------

    def _find_prompts(self, ids: list[str]) -> None:
        """Look the prompts up in a thread: reading packs must not hold up the screen."""
        find = partial(self._prompt_finder or tables.installed_prompts, ids)
        # exit_on_error=False: without prompts the ids stay, which is no reason to quit.
        self.run_worker(find, name=PROMPTS_WORKER, thread=True, exit_on_error=False)

    @on(Worker.StateChanged)
    def _prompts_found(self, event: Worker.StateChanged) -> None:
        if event.worker.name != PROMPTS_WORKER:
            return
        if event.state == WorkerState.ERROR:
            self.log.error("most-missed prompts not found", event.worker.error)
            self.prompts = {}
        elif event.state == WorkerState.SUCCESS:
            self.show_prompts(event.worker.result or {})

    def show_prompts(self, prompts: dict[str, str]) -> None:
        """Put each known prompt in place of its id in the most-missed table (cut to the
        screen's width in terminal cells, with "…")."""
        self.prompts = prompts
        tables.show_prompts(self.query_one("#missed", DataTable), prompts, self.app.size.width)

    def on_resize(self) -> None:
        """Cut the most-missed lines again to the new width."""
        if self.store is not None and self.query_one("#tabs").display:
            with suppress(sqlite3.DatabaseError):  # the next reload says so
                table = self.query_one("#missed", DataTable)
                tables.fill_missed(table, self.store, self.app.size.width)
                if self.prompts:
                    self.show_prompts(self.prompts)

    # -- the Player tab ------------------------------------------------------------

    def show_player(self, player: str) -> None:
        """Fill the Player tab with ``player``'s bests, history and categories."""
        if self.store is None:
            return
        name = self.store.find_player(player)
        if name is None:
            return
        self.player = name
        picker = self.query_one("#player-picker", Select)
        if picker.value != name:
            picker.value = name
        self.query_one("#bests", Label).update(Content(tables.bests_text(self.store, name)))
        tables.fill_history(self.query_one("#history", DataTable), self.store, name)
        tables.fill_categories(self.query_one("#categories", DataTable), self.store, name)
        self.misses = self.store.missed_question_ids(name)
        review = self.query_one("#review", Button)
        review.label = Content(f"Review my misses ({len(self.misses)})")
        review.disabled = not self.misses

    def changed(self, change: PlayerChange) -> None:
        """The player shown was renamed or merged: keep showing them, by their new name."""
        if self.player == change.old:
            self.player = change.new

    def _clear_player(self) -> None:
        self.player = None
        self.misses = []
        self.query_one("#player-picker", Select).clear()
        self.query_one("#bests", Label).update("")
        for table in ("#history", "#categories"):
            self.query_one(table, DataTable).clear(columns=True)
        review = self.query_one("#review", Button)
        review.label, review.disabled = Content("Review my misses"), True

    # -- events and actions --------------------------------------------------------

    @on(Select.Changed, "#player-picker")
    def _picked(self, event: Select.Changed) -> None:
        # show_player sets the picker itself: its own change must not fill the tab again
        # (a second fill, arriving later, left the tables unmeasured in a snapshot).
        if isinstance(event.value, str) and event.value != self.player:
            self.show_player(event.value)

    @on(DataTable.RowHighlighted, "#leaderboard, #h2h, #solo")
    def _near_the_end(self, event: DataTable.RowHighlighted) -> None:
        page = self.pages.get(event.data_table.id or "")
        if page is not None:
            page.near(event.cursor_row)

    @on(DataTable.RowSelected, "#leaderboard, #solo")
    def _player_row(self, event: DataTable.RowSelected) -> None:
        name = tables.row_player(event.data_table, event.cursor_row)
        if name is not None:
            self.show_player(name)
            self.query_one("#tabs", TabbedContent).active = "tab-player"

    def chosen_player(self) -> str | None:
        """The player a rename, merge or delete is about: the one under the cursor, or
        the one on the Player tab."""
        active = self.query_one("#tabs", TabbedContent).active
        if active == "tab-player":
            return self.player
        table_id = active.removeprefix("tab-")
        if table_id in tables.PLAYER_COLUMN:
            table = self.query_one(f"#{table_id}", DataTable)
            return tables.row_player(table, table.cursor_row)
        return None

    @on(Button.Pressed, "#review")
    def _review_pressed(self) -> None:
        self.action_review()

    def action_back(self) -> None:
        """Back to where the screen was opened from."""
        self.dismiss()

    def action_tab(self, step: int) -> None:
        """The tab before or after this one (← →), round the ends."""
        tabs = self.query_one("#tabs", TabbedContent)
        if not tabs.display:
            return
        index = TABS.index(tabs.active) if tabs.active in TABS else 0
        tabs.active = TABS[(index + step) % len(TABS)]
        pane = tabs.get_pane(tabs.active)
        target = pane.query(DataTable).first() if tabs.active != "tab-player" else None
        (target or self.query_one("#player-picker", Select)).focus()

    def action_view(self) -> None:
        """All time, this month, this week, and round again."""
        self.period = PERIODS[(PERIODS.index(self.period) + 1) % len(PERIODS)]
        self.reload()

    def action_pick_player(self) -> None:
        """Show the Player tab with the picker focused."""
        if self.store is None or not self.query_one("#tabs").display:
            return
        self.query_one("#tabs", TabbedContent).active = "tab-player"
        self.query_one("#player-picker", Select).focus()

    def action_review(self) -> None:
        """Ask the app for a practice game of the chosen player's misses."""
        if self.player is None:
            self.action_pick_player()
            self.notify("Pick your name first.", title="Review my misses")
            return
        if not self.misses:
            self.notify(
                f"{self.player} has no missed questions to review.",
                title="Review my misses",
                markup=False,
            )
            return
        self.post_message(self.ReviewRequested(self.player))
        if self._on_review is not None:
            self._on_review(self.player)
