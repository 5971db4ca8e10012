"""The pack browser: every pack with its counts and problems, on/off switches, previews.

Switching a pack off leaves it out of the next games started without an explicit pack
choice; the choice is saved at once in the config file (:mod:`quiz.config`). Every
string a pack supplies (ids, titles, authors, prompts, options, problems) is untrusted:
it reaches the screen only as ``rich.text.Text`` (table cells) or ``Content`` (other
widgets), never as markup.
"""

from __future__ import annotations

import random
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.widgets import DataTable, Footer, Label, Static
from textual.worker import get_current_worker

if TYPE_CHECKING:
    from quiz.packs import Catalog

from quiz.bank import installed_catalog as load_installed_packs
from quiz.config import Config, ConfigError, load_config, save_config
from quiz.facts import Pack
from quiz.question import Question
from quiz.ui.pack_rows import (
    Counter,
    PackRow,
    build_rows,
    folder_notices,
    format_problem,
)
from quiz.ui.screens.on_top import DismissOnTop
from quiz.ui.screens.pack_detail import PackDetail
from quiz.ui.screens.pack_preview import PackPreview

__all__ = ["PackPreview", "PacksScreen", "format_problem", "load_installed_packs"]

#: Questions in a preview.
PREVIEW_SIZE = 3

Chooser = Callable[[list[Pack], int, random.Random], list[Question]]


def _default_count(pack: Pack) -> int:
    from quiz.generators import count_questions

    return count_questions(pack)


def _default_choose(packs: list[Pack], count: int, rng: random.Random) -> list[Question]:
    from quiz.selection import choose

    return choose(packs, count, rng)


def _cell(text: str, style: str = "") -> Text:
    # Text() never parses markup; one line, cut with an ellipsis when too long.
    return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")


class PacksScreen(DismissOnTop[bool]):
    """All packs: built-in, installed and broken; switch them on/off, preview them.

    Dismisses with ``True`` when the set of enabled packs changed (so the caller can
    reload its packs), ``False`` otherwise.

    Args:
        load: returns the catalog of ALL packs, including switched-off ones (default
            :func:`load_installed_packs`); called in a worker thread.
        count: questions a pack yields (default ``quiz.generators.count_questions``).
        choose: picks preview questions (default ``quiz.selection.choose``).
        seed: seed for previews (``None``: a different sample each time).
        config_path: the config file (default ``quiz.paths.config_path()``).
    """

    DEFAULT_CSS = """
    PacksScreen {
        layout: vertical;
    }
    PacksScreen #packs-title {
        height: 1;
        width: 1fr;
        padding: 0 1;
        background: $panel;
        text-style: bold;
    }
    PacksScreen #packs-notice {
        display: none;
        height: auto;
        padding: 0 1;
        color: $text-warning;
    }
    PacksScreen #packs-notice.-shown {
        display: block;
    }
    PacksScreen DataTable {
        height: 1fr;
    }
    """

    AUTO_FOCUS = "DataTable"
    BINDINGS = [
        Binding("space", "switch_pack", "On/off"),
        Binding("p", "preview", "Preview"),
        Binding("escape", "back", "Back"),
    ]

    def __init__(
        self,
        load: Callable[[], Catalog] = load_installed_packs,
        *,
        count: Counter = _default_count,
        choose: Chooser = _default_choose,
        seed: int | None = None,
        config_path: Path | None = None,
    ) -> None:
        """A browser over the catalog ``load`` returns."""
        super().__init__()
        self._load = load
        self._count = count
        self._choose = choose
        self._seed = seed
        self._config_path = config_path
        self.rows: list[PackRow] = []
        self.notices: list[str] = []
        self.config = Config()
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Label("Packs: loading…", id="packs-title", markup=False)
        # Folders that cannot be read: no pack rows, one line each (hidden when none).
        yield Static(Content(), id="packs-notice")
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        yield table
        yield PackDetail(id="packs-detail-box")
        yield Footer()

    def on_mount(self) -> None:
        self._load_rows()

    @work(thread=True, exclusive=True, group="packs-load")
    def _load_rows(self) -> None:
        """Load packs and counts off the UI thread (a large pack takes a moment)."""
        try:
            catalog = self._load()
            rows = build_rows(catalog, self._count)
        except Exception as error:
            self.app.call_from_thread(self._show_load_error, error)
            return
        config = load_config(self._config_path)
        self.app.call_from_thread(self._show_rows, rows, config, folder_notices(catalog))

    def _show_load_error(self, error: Exception) -> None:
        if not self.is_attached:  # closed while loading
            return
        self.query_one("#packs-title", Label).update("Packs")
        self.query_one(PackDetail).say(f"The packs could not be read: {error}")

    def _show_rows(self, rows: list[PackRow], config: Config, notices: list[str]) -> None:
        if not self.is_attached:  # closed while loading
            return
        self.rows = rows
        self.config = config
        self.notices = notices
        notice = self.query_one("#packs-notice", Static)
        notice.update(Content("\n").join(Content(line) for line in notices))
        notice.set_class(bool(notices), "-shown")
        self._fill_table()

    # -- the table -----------------------------------------------------------------

    def _column_widths(self) -> dict[str, int]:
        """Widths that fit the screen: fixed for short columns, the rest shared by
        title and author."""
        fixed = {"on": 3, "id": 12, "questions": 5, "where": 8, "valid": 7}
        padding = 2 * len(fixed | {"title": 0, "author": 0})
        spare = max(20, self.size.width - sum(fixed.values()) - padding - 2)
        author = min(24, spare * 2 // 5)
        return {**fixed, "title": spare - author, "author": author}

    def _fill_table(self) -> None:
        table = self.query_one(DataTable)
        cursor = table.cursor_row
        table.clear(columns=True)
        widths = self._column_widths()
        labels = {
            "on": "On",
            "id": "Id",
            "title": "Title",
            "author": "Author",
            "questions": "Qs",
            "where": "Where",
            "valid": "Valid",
        }
        for key, label in labels.items():
            header = Text(label, justify="right" if key == "questions" else "left")
            table.add_column(header, width=widths[key], key=key)
        for index, row in enumerate(self.rows):
            table.add_row(*self._cells(row), key=str(index))
        if self.rows:
            table.move_cursor(row=min(max(cursor, 0), len(self.rows) - 1))
        self._update_title()
        self._update_detail()

    def _cells(self, row: PackRow) -> list[Text]:
        if not row.valid:
            on = _cell("—", "dim")
        elif self.config.is_enabled(row.id):
            on = _cell("on", "bold green")
        else:
            on = _cell("off", "dim")
        questions = "?" if row.questions is None else str(row.questions)
        if row.valid:
            valid = _cell("yes", "green")
        elif row.not_loaded:  # as `packs list` says NOT LOADED, not INVALID
            valid = _cell("no", "bold yellow")
        else:
            count = len(row.problems)
            valid = _cell(f"no ({count})", "bold red")
        return [
            on,
            _cell(row.id),
            _cell(self._title(row), "" if row.valid else "italic dim"),
            _cell(row.author),
            Text(questions if row.valid else "", justify="right", no_wrap=True),
            _cell(row.where),
            valid,
        ]

    @staticmethod
    def _title(row: PackRow) -> str:
        return "(not loaded)" if row.not_loaded else row.title or "(did not load)"

    def _update_title(self) -> None:
        enabled = sum(1 for row in self.rows if row.valid and self.config.is_enabled(row.id))
        loaded = sum(1 for row in self.rows if row.valid)
        left_out = sum(1 for row in self.rows if row.not_loaded)
        broken = len(self.rows) - loaded - left_out
        text = f"Packs: {enabled} of {loaded} on"
        if broken:
            text += f", {broken} broken"
        if left_out:
            text += f", {left_out} not loaded"
        self.query_one("#packs-title", Label).update(text)

    @property
    def selected_index(self) -> int | None:
        """The index in :attr:`rows` of the row under the cursor."""
        table = self.query_one(DataTable)
        if not self.rows or table.row_count == 0:
            return None
        return min(max(table.cursor_row, 0), len(self.rows) - 1)

    @property
    def selected(self) -> PackRow | None:
        """The row under the cursor."""
        index = self.selected_index
        return None if index is None else self.rows[index]

    def _update_detail(self) -> None:
        self.query_one(PackDetail).show(self.selected, self.size.width)

    def on_resize(self) -> None:
        if self.rows:
            self._fill_table()

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self._update_detail()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_switch_pack()

    # -- actions -------------------------------------------------------------------

    # Not ``action_toggle``: that is Textual's own (toggle a boolean attribute by name).
    def action_switch_pack(self) -> None:
        """Switch the selected pack on or off for the next games, and save at once."""
        index = self.selected_index
        if index is None:
            return
        row = self.rows[index]
        if row.not_loaded:
            self.notify(
                f"{Path(row.path).name} is not loaded: {row.problems[0]}",
                severity="warning",
                markup=False,
            )
            return
        if not row.valid:
            self.notify(
                f"{row.id} did not load; fix its problems first.",
                severity="warning",
                markup=False,
            )
            return
        enabled = self.config.is_enabled(row.id)
        if enabled:
            others = [
                r for r in self.rows if r.valid and r.id != row.id and self.config.is_enabled(r.id)
            ]
            if not others:
                self.notify(
                    f"{row.id} is the only pack switched on, and a game needs one. "
                    "Switch another pack on first.",
                    title="Cannot switch off the last pack",
                    severity="warning",
                    markup=False,
                )
                return
        # Re-read the file so a change made elsewhere since the screen opened is kept.
        config = load_config(self._config_path).with_pack(row.id, enabled=not enabled)
        try:
            save_config(config, self._config_path)
        except ConfigError as error:
            self.notify(str(error), severity="error", markup=False)
            return
        self.config = config
        self.changed = True
        self.query_one(DataTable).update_cell(str(index), "on", self._cells(row)[0])
        self._update_title()

    def action_preview(self) -> None:
        """Show a few questions of the selected pack."""
        row = self.selected
        if row is None:
            return
        if row.pack is None:
            self.notify(f"{row.id} did not load: nothing to preview.", markup=False)
            return
        self._make_preview(row)

    @work(thread=True, exclusive=True, group="packs-preview")
    def _make_preview(self, row: PackRow) -> None:
        """Pick the questions off the UI thread, then show them."""
        assert row.pack is not None
        rng = random.Random(self._seed)
        try:
            questions = self._choose([row.pack], PREVIEW_SIZE, rng)
            error = "" if questions else "This pack yields no questions."
        except Exception as problem:
            questions, error = [], f"No questions could be made: {problem}"
        if not get_current_worker().is_cancelled:
            self.app.call_from_thread(self._show_preview, PackPreview(row.title, questions, error))

    def _show_preview(self, preview: PackPreview) -> None:
        # Only over this screen: the player may have left while the questions were made.
        if self.is_attached and self.app.screen is self:
            self.app.push_screen(preview)

    def action_back(self) -> None:
        """Back to where the browser was opened from."""
        self.dismiss(self.changed)
