"""The pack browser: every pack with its counts and problems, on/off switches, previews.

Switching a pack off leaves it out of the next games started without an explicit pack
choice; the choice is saved at once in the config file (:mod:`quiz.config`). Every
string a pack supplies (ids, titles, authors, prompts, options, problems) is untrusted:
it reaches the screen only as ``rich.text.Text`` (table cells) or ``Content`` (other
widgets), never as markup.
"""

from __future__ import annotations

import random
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Protocol

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.content import Content
from textual.screen import ModalScreen, Screen
from textual.widgets import DataTable, Footer, Label, Static
from textual.worker import get_current_worker

from quiz import paths
from quiz.config import Config, ConfigError, load_config, save_config
from quiz.facts import Pack
from quiz.question import Question

#: How many problems of a broken pack the detail panel lists.
SHOWN_PROBLEMS = 3
#: Questions in a preview.
PREVIEW_SIZE = 3

WHERE = {"builtin": "built-in", "user": "user", "file": "file"}


class Catalog(Protocol):
    """What the screen needs from ``quiz.packs.Catalog``."""

    packs: Sequence[Pack]
    failures: Sequence[Any]


Counter = Callable[[Pack], int]
Chooser = Callable[[list[Pack], int, random.Random], list[Question]]


def _default_count(pack: Pack) -> int:
    from quiz.generators import count_questions

    return count_questions(pack)


def _default_choose(packs: list[Pack], count: int, rng: random.Random) -> list[Question]:
    from quiz.selection import choose

    return choose(packs, count, rng)


def load_installed_packs() -> Catalog:
    """Every installed pack (built-in, then the user's), switched off or not.

    ``quiz.packs.load_catalog()`` leaves switched-off packs out, which is right for a
    game but not for the browser: a pack switched off must stay listed so it can be
    switched back on. Broken packs and duplicate ids become failures, as there.
    """
    from quiz.packs import PackError, Problem, load_pack
    from quiz.packs.catalog import Catalog as PackCatalog
    from quiz.packs.catalog import installed_files

    catalog = PackCatalog()
    for path, origin in installed_files():
        try:
            pack = load_pack(path, origin)
        except PackError as error:
            catalog.failures.append(error)
            continue
        other = catalog.get(pack.id)
        if other is not None:
            message = f"pack id '{pack.id}' is already used by {other.path}"
            catalog.failures.append(PackError(str(path), [Problem(str(path), 0, 0, message)]))
            continue
        catalog.packs.append(pack)
    return catalog


def format_problem(problem: object) -> str:
    """One problem as ``FILE:LINE:COLUMN: message`` (the loader's own text when it has one)."""
    message = getattr(problem, "message", None)
    file = getattr(problem, "file", None) or getattr(problem, "path", None)
    if message is not None and file is not None and type(problem).__str__ is object.__str__:
        line, column = getattr(problem, "line", None), getattr(problem, "column", None)
        place = "".join(f":{part}" for part in (line, column) if part is not None)
        return f"{file}{place}: {message}"
    return str(problem)


@dataclass(frozen=True, slots=True)
class PackRow:
    """One line of the browser: a loaded pack, or a file that failed to load."""

    id: str
    title: str
    author: str
    where: str
    path: str
    description: str = ""
    questions: int | None = None
    pack: Pack | None = None
    problems: tuple[str, ...] = ()

    @property
    def valid(self) -> bool:
        """Whether the pack loaded (only loaded packs can be switched on)."""
        return self.pack is not None


def pack_row(pack: Pack, count: Counter) -> PackRow:
    """The row of a loaded pack; a count that fails shows as unknown, not as a crash."""
    try:
        questions: int | None = count(pack)
    except Exception:  # noqa: BLE001 - one odd pack must not take the browser down
        questions = None
    return PackRow(
        id=pack.id,
        title=pack.info.title,
        author=pack.info.author,
        where=WHERE.get(pack.origin, pack.origin),
        path=pack.path,
        description=pack.info.description,
        questions=questions,
        pack=pack,
    )


def _origin_of(path: str) -> str:
    """Where a pack file lives, from its folder (a failure carries no origin)."""
    folder = Path(path).parent
    for origin, known in (("builtin", paths.builtin_packs_dir), ("user", paths.user_packs_dir)):
        try:
            if folder.resolve() == known().resolve():
                return origin
        except OSError:
            continue
    return "file"


def _short_problem(problem: str, path: str) -> str:
    """A problem with its file shown by name: the panel names the full path once above."""
    if path and problem.startswith(f"{path}:"):
        return Path(path).name + problem[len(path) :]
    return problem


def failure_row(failure: object) -> PackRow:
    """The row of a pack file that failed to load, with its problems."""
    path = str(getattr(failure, "path", "") or "")
    problems = tuple(format_problem(p) for p in (getattr(failure, "problems", ()) or ()))
    pack_id = getattr(failure, "id", None) or (Path(path).stem if path else "?")
    origin = getattr(failure, "origin", None)
    if not isinstance(origin, str):
        origin = _origin_of(path) if path else "file"
    return PackRow(
        id=str(pack_id),
        title="",
        author="",
        where=WHERE.get(origin, origin),
        path=path,
        problems=problems or (str(failure),),
    )


def build_rows(catalog: Catalog, count: Counter) -> list[PackRow]:
    """Rows for every loaded pack, then every failure."""
    rows = [pack_row(pack, count) for pack in catalog.packs]
    rows.extend(failure_row(failure) for failure in catalog.failures)
    return rows


def _cell(text: str, style: str = "") -> Text:
    # Text() never parses markup; one line, cut with an ellipsis when too long.
    return Text(text, style=style, no_wrap=True, overflow="ellipsis", end="")


class PackPreview(ModalScreen[None]):
    """A few sample questions of one pack, the right option of each marked."""

    DEFAULT_CSS = """
    PackPreview {
        align: center middle;
    }
    PackPreview > Vertical {
        width: 90%;
        max-width: 100;
        height: auto;
        max-height: 100%;
        border: round $primary;
        background: $surface;
        padding: 0 1;
        border-subtitle-color: $text-muted;
    }
    PackPreview #preview-title {
        text-style: bold;
        width: 1fr;
    }
    PackPreview VerticalScroll {
        height: auto;
        max-height: 1fr;
    }
    PackPreview .preview-question, PackPreview .preview-error {
        height: auto;
        margin-top: 1;
    }
    PackPreview .options {
        padding-left: 3;
    }
    """

    BINDINGS = [
        Binding("escape", "close", "Close"),
        Binding("p", "close", "Close", show=False),
    ]

    def __init__(self, title: str, questions: Sequence[Question], error: str = "") -> None:
        """A preview titled ``title`` (untrusted) of ``questions``, or of ``error``."""
        super().__init__()
        self.pack_title = title
        self.questions = list(questions)
        self.error = error

    def compose(self) -> ComposeResult:
        with Vertical() as box:
            # A constant, so markup is safe here; it stays visible however long the list.
            box.border_subtitle = "Esc: close"
            yield Label(f"Preview: {self.pack_title}", id="preview-title", markup=False)
            with VerticalScroll():
                if self.error:
                    yield Static(Content(self.error), classes="preview-error")
                for number, question in enumerate(self.questions, start=1):
                    with Vertical(classes="preview-question"):
                        yield Static(self.prompt_content(number, question), classes="prompt")
                        yield Static(self.options_content(question), classes="options")

    @staticmethod
    def prompt_content(number: int, question: Question) -> Content:
        """The numbered prompt, with its category and difficulty dimmed after it."""
        return Content.assemble(
            (f"{number}. {question.prompt}", "bold"),
            (f"  ({question.category}, {question.difficulty})", "dim"),
        )

    @staticmethod
    def options_content(question: Question) -> Content:
        """The options, lettered; the right one is marked with a tick and coloured."""
        lines = []
        for index, option in enumerate(question.options):
            letter = chr(ord("A") + index) if index < 26 else "?"
            if index == question.answer:
                lines.append(Content.styled(f"✔ {letter}. {option}", "bold $success"))
            else:
                lines.append(Content(f"  {letter}. {option}"))
        return Content("\n").join(lines)

    def action_close(self) -> None:
        """Back to the pack list."""
        self.dismiss(None)


class PacksScreen(Screen[bool]):
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
    PacksScreen DataTable {
        height: 1fr;
    }
    PacksScreen #packs-detail-box {
        height: 7;
        border-top: solid $primary;
        padding: 0 1;
    }
    """

    BINDINGS = [
        Binding("space", "toggle", "On/off"),
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
        self.config = Config()
        self.changed = False

    def compose(self) -> ComposeResult:
        yield Label("Packs: loading…", id="packs-title", markup=False)
        table: DataTable[Text] = DataTable(cursor_type="row", zebra_stripes=True)
        yield table
        with VerticalScroll(id="packs-detail-box", can_focus=False):
            yield Static(Content("Reading the packs…"), id="packs-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(DataTable).focus()
        self._load_rows()

    @work(thread=True, exclusive=True, group="packs-load")
    def _load_rows(self) -> None:
        """Load packs and counts off the UI thread (a large pack takes a moment)."""
        try:
            rows = build_rows(self._load(), self._count)
        except Exception as error:  # noqa: BLE001 - show it, keep the app running
            self.app.call_from_thread(self._show_load_error, error)
            return
        config = load_config(self._config_path)
        self.app.call_from_thread(self._show_rows, rows, config)

    def _show_load_error(self, error: Exception) -> None:
        if not self.is_attached:  # closed while loading
            return
        self.query_one("#packs-title", Label).update("Packs")
        self.query_one("#packs-detail", Static).update(
            Content(f"The packs could not be read: {error}")
        )

    def _show_rows(self, rows: list[PackRow], config: Config) -> None:
        if not self.is_attached:  # closed while loading
            return
        self.rows = rows
        self.config = config
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
        else:
            count = len(row.problems)
            valid = _cell(f"no ({count})", "bold red")
        return [
            on,
            _cell(row.id),
            _cell(row.title or "(did not load)", "" if row.valid else "italic dim"),
            _cell(row.author),
            Text(questions if row.valid else "", justify="right", no_wrap=True),
            _cell(row.where),
            valid,
        ]

    def _update_title(self) -> None:
        enabled = sum(1 for row in self.rows if row.valid and self.config.is_enabled(row.id))
        loaded = sum(1 for row in self.rows if row.valid)
        broken = len(self.rows) - loaded
        text = f"Packs: {enabled} of {loaded} on"
        if broken:
            text += f", {broken} broken"
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
        detail = self.query_one("#packs-detail", Static)
        row = self.selected
        if row is None:
            detail.update(Content("No packs found."))
            return
        lines: list[Content] = []
        if row.valid:
            head = Content.styled(row.title, "bold")
            if row.author:
                head += Content(f" by {row.author}")
            lines.append(head)
            if row.description:
                lines.append(Content(row.description).truncate(self.size.width * 2))
            lines.append(Content.styled(f"{row.where}: {row.path}", "$text-muted"))
        else:
            count = len(row.problems)
            noun = "problem" if count == 1 else "problems"
            lines.append(Content.styled(f"{row.path or row.id}: {count} {noun}", "bold $error"))
            shown = row.problems[:SHOWN_PROBLEMS]
            lines.extend(Content(_short_problem(problem, row.path)) for problem in shown)
            if count > SHOWN_PROBLEMS:
                lines.append(Content(f"… and {count - SHOWN_PROBLEMS} more"))
        detail.update(Content("\n").join(lines))

    def on_resize(self) -> None:
        if self.rows:
            self._fill_table()

    @on(DataTable.RowHighlighted)
    def _row_highlighted(self) -> None:
        self._update_detail()

    @on(DataTable.RowSelected)
    def _row_selected(self) -> None:
        self.action_toggle()

    # -- actions -------------------------------------------------------------------

    def action_toggle(self) -> None:
        """Switch the selected pack on or off for the next games, and save at once."""
        index = self.selected_index
        if index is None:
            return
        row = self.rows[index]
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
        except Exception as problem:  # noqa: BLE001 - a preview must never crash the game
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
