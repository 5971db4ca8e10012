"""The scores screen: leaderboard, head-to-head, most missed, one player's history.

Self-contained: give it a ``store_opener`` (default ``Store.open``) that returns a *new*
``Store``; the screen opens it once when mounted and closes it when removed. If the
opener raises ``UserError`` the screen says why instead of showing tables.

"Review my misses": on the Player tab, pick a name and press the button (or ``r``); the
screen calls ``on_review(player_name)`` and posts ``ScoresScreen.ReviewRequested``. It
does so only when that player has missed questions to review.

Most missed questions are stored as ids: the table lists them at once, then a thread
worker reads the packs those ids name (``prompt_finder``, default
``quiz.prompts.installed_prompts``) and each row's id is replaced by its prompt, so the
screen opens without waiting for packs. An id no installed pack has stays as it is.

Player names, question ids and prompts are untrusted: they reach the screen only as
``rich.text.Text`` (table cells, picker options) or ``Content``, never as markup.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.content import Content
from textual.widgets import (
    Button,
    DataTable,
    Footer,
    Label,
    Select,
    TabbedContent,
    TabPane,
)
from textual.worker import Worker, WorkerState

from quiz.errors import UserError
from quiz.ui import requests
from quiz.ui.screens.on_top import DismissOnTop

if TYPE_CHECKING:  # the app imports this screen for its messages before the first paint
    from quiz.store import Store

#: How many of a player's games the history table lists.
HISTORY_LENGTH = 20
#: How many questions the most-missed table lists.
MISSED_LENGTH = 20

StoreOpener = Callable[[], "Store"]
ReviewCallback = Callable[[str], object]
#: Question ids in, {id: prompt} out for the ids it knows (may be slow: run in a thread).
PromptFinder = Callable[[list[str]], dict[str, str]]

#: The name of the worker that finds the most-missed prompts.
PROMPTS_WORKER = "missed-prompts"


def _num(value: object) -> Text:
    """A right-aligned number cell."""
    text = f"{value:,}" if isinstance(value, int) else str(value)
    return Text(text, justify="right")


def _percent(value: float | None) -> Text:
    return Text("-" if value is None else f"{value:.0%}", justify="right")


def _when(iso: str) -> str:
    """An ISO time as local ``YYYY-MM-DD HH:MM``."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso[:16]


def _open_default_store() -> Store:
    from quiz.store import Store

    return Store.open()


class ScoresScreen(DismissOnTop[None]):
    """Leaderboard, head-to-head and most-missed tables, and a Player tab.

    Args:
        store_opener: returns a new ``Store`` (default ``Store.open``); closed by the screen.
        on_review: called with a player's name when they ask to review their misses.
        prompt_finder: the prompts of most-missed question ids (default
            ``quiz.prompts.installed_prompts``); called in a worker thread.
        borrowed: the store belongs to the caller (the game's own scores database),
            so the screen leaves it open when it goes.
    """

    DEFAULT_CSS = """
    ScoresScreen {
        #scores-title { padding: 0 1; text-style: bold; }
        #scores-message { padding: 1 2; }
        TabbedContent { height: 1fr; }
        TabPane { padding: 0; }
        DataTable { height: 1fr; }
        #player-pane { height: 1fr; }
        #player-bar { height: auto; }
        #player-picker { width: 1fr; }
        #review { margin-left: 1; width: auto; min-width: 24; }
        #bests { padding: 0 1; height: auto; width: 1fr; }
        #history { height: auto; max-height: 12; }
        #categories { height: auto; }
        .section { padding: 0 1; text-style: bold; margin-top: 1; }
    }
    """

    BINDINGS = [
        Binding("escape", "back", "Back"),
        Binding("p", "pick_player", "Player"),
        Binding("r", "review", "Review my misses"),
    ]

    @dataclass
    class ReviewRequested(requests.Review):
        """A player asked to review the questions they missed (``player``: the name as
        stored)."""

    def __init__(
        self,
        store_opener: StoreOpener | None = None,
        on_review: ReviewCallback | None = None,
        prompt_finder: PromptFinder | None = None,
        *,
        borrowed: bool = False,
    ) -> None:
        """A scores screen reading the store that ``store_opener`` returns."""
        super().__init__()
        self._opener = store_opener or _open_default_store
        self._borrowed = borrowed
        self._on_review = on_review
        self._prompt_finder = prompt_finder
        self.prompts: dict[str, str] | None = None
        """Prompts of the most-missed questions by id, once found (``None`` until then)."""
        self.store: Store | None = None
        self.player: str | None = None
        """The player shown on the Player tab, or ``None``."""
        self.misses: list[str] = []
        """That player's missed question ids."""

    def compose(self) -> ComposeResult:
        """Title, message line, tabs, footer."""
        yield Label("Scores", id="scores-title")
        yield Label("", id="scores-message", markup=False)
        with TabbedContent(id="tabs"):
            with TabPane("Leaderboard", id="tab-leaderboard"):
                yield DataTable(id="leaderboard", cursor_type="row", zebra_stripes=True)
            with TabPane("Head-to-head", id="tab-h2h"):
                yield DataTable(id="h2h", cursor_type="row", zebra_stripes=True)
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
        message = self.query_one("#scores-message", Label)
        try:
            self.store = store = self._opener()
        except UserError as error:
            message.update(Content(f"Scores are not available: {error}"))
            self.query_one("#tabs").display = False
            return
        for notice in self.store.notices:
            self.notify(notice, title="Scores", severity="warning", markup=False, timeout=10)
        if not self.store.has_games():
            message.update(Content("No games yet: play one and come back to see the scores."))
            self.query_one("#tabs").display = False
            return
        try:
            self._fill_leaderboard(store)
            self._fill_head_to_head(store)
            self._fill_missed(store)
            players = self.store.players()
        except sqlite3.DatabaseError as error:
            # Damage the open-time check could not see: say so, keep the game running.
            message.update(Content(f"Scores are not available: {error}"))
            self.query_one("#tabs").display = False
            return
        message.display = False
        picker = self.query_one("#player-picker", Select)
        picker.set_options([(Text(name), name) for name in players])
        self.query_one("#leaderboard", DataTable).focus()

    def on_unmount(self) -> None:
        """Close the store (unless it is borrowed)."""
        if self.store is not None and not self._borrowed:
            self.store.close()
        self.store = None

    # -- tables --------------------------------------------------------------------

    def _fill_leaderboard(self, store: Store) -> None:
        table = self.query_one("#leaderboard", DataTable)
        table.add_columns("#", "Player", "Best", "Games", "Wins", "Accuracy")
        for n, row in enumerate(store.leaderboard(), 1):
            table.add_row(
                _num(n), Text(row.player), _num(row.best_score), _num(row.games),
                _num(row.wins), _percent(row.accuracy), key=row.player,
            )  # fmt: skip

    def _fill_head_to_head(self, store: Store) -> None:
        table = self.query_one("#h2h", DataTable)
        table.add_columns("Player", "Opponent", "Won", "Lost", "Tied", "Games")
        for h in store.head_to_head():
            table.add_row(
                Text(h.player), Text(h.opponent), _num(h.wins), _num(h.losses), _num(h.ties),
                _num(h.games),
            )  # fmt: skip

    def _fill_missed(self, store: Store) -> None:
        table = self.query_one("#missed", DataTable)
        # The question goes last: prompts are long, and the counts must stay in view.
        table.add_columns("Missed", "Asked", "Category")
        table.add_column("Question", key="question")
        missed = store.most_missed(MISSED_LENGTH)
        for m in missed:
            table.add_row(
                _num(m.missed), _num(m.asked), Text(m.category), Text(m.question_id),
                key=m.question_id,
            )  # fmt: skip
        if missed:
            self._find_prompts([m.question_id for m in missed])

    def _find_prompts(self, ids: list[str]) -> None:
        """Look the prompts up in a thread: reading packs must not hold up the screen."""
        finder = self._prompt_finder

        def find() -> dict[str, str]:
            if finder is not None:
                return finder(ids)
            from quiz.prompts import installed_prompts

            return installed_prompts(ids)

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
        """Put each known prompt in place of its id in the most-missed table."""
        self.prompts = prompts
        table = self.query_one("#missed", DataTable)
        for question_id, prompt in prompts.items():
            if question_id in table.rows:
                table.update_cell(question_id, "question", Text(prompt), update_width=True)

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
        bests = self.store.personal_bests(name)
        if bests.games:
            fastest = "-" if bests.fastest_correct is None else f"{bests.fastest_correct:.1f} s"
            accuracy = _percent(bests.best_accuracy).plain
            text = (
                f"Best score {bests.best_score:,}  ·  best accuracy {accuracy}  ·  "
                f"{bests.most_correct} right in one game  ·  streak {bests.longest_streak}  ·  "
                f"fastest right answer {fastest}"
            )
        else:
            text = "No counted games yet (practice and abandoned games do not count)."
        self.query_one("#bests", Label).update(Content(text))

        history = self.query_one("#history", DataTable)
        history.clear(columns=True)
        history.add_columns("Game", "When", "Mode", "Status", "Score", "Rank", "With")
        for game in self.store.history(name, HISTORY_LENGTH):
            mine = game.result_of(name)
            others = ", ".join(r.player for r in game.players if r is not mine)
            history.add_row(
                _num(game.id), Text(_when(game.started_at)), Text(game.mode), Text(game.status),
                _num(mine.score if mine else 0),
                Text(f"{mine.rank} of {len(game.players)}" if mine else "-"), Text(others),
            )  # fmt: skip

        categories = self.query_one("#categories", DataTable)
        categories.clear(columns=True)
        categories.add_columns("Category", "Right", "Answered", "Accuracy")
        for c in self.store.accuracy_by_category(name):
            categories.add_row(
                Text(c.category), _num(c.correct), _num(c.answered), _percent(c.accuracy)
            )

        self.misses = self.store.missed_question_ids(name)
        review = self.query_one("#review", Button)
        review.label = Content(f"Review my misses ({len(self.misses)})")
        review.disabled = not self.misses

    # -- events and actions --------------------------------------------------------

    @on(Select.Changed, "#player-picker")
    def _picked(self, event: Select.Changed) -> None:
        # show_player sets the picker itself: its own change must not fill the tab again
        # (a second fill, arriving later, left the tables unmeasured in a snapshot).
        if isinstance(event.value, str) and event.value != self.player:
            self.show_player(event.value)

    @on(DataTable.RowSelected, "#leaderboard")
    def _leaderboard_row(self, event: DataTable.RowSelected) -> None:
        if event.row_key.value is not None:
            self.show_player(event.row_key.value)
            self.query_one("#tabs", TabbedContent).active = "tab-player"

    @on(Button.Pressed, "#review")
    def _review_pressed(self) -> None:
        self.action_review()

    def action_back(self) -> None:
        """Back to where the screen was opened from."""
        self.dismiss()

    def action_pick_player(self) -> None:
        """Show the Player tab with the picker focused."""
        if self.store is None or not self.store.has_games():
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
