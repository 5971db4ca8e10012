"""The Scores screen's tables, filled from the store: one function per table.

Untrusted text (player names, categories, question ids) goes in as ``rich.text.Text``
cells, never markup. A table much longer than anyone scrolls (head-to-head among
hundreds of players) is cut to its most played rows; the Player tab shows the rest.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from datetime import datetime
from typing import TYPE_CHECKING, Generic, TypeVar

from rich.text import Text
from textual.widgets import DataTable

from quiz.text import cells, shorten

if TYPE_CHECKING:
    from quiz.stats import GameSummary, HeadToHead
    from quiz.stats_board import Champion, LeaderboardRow, SoloRow
    from quiz.store import Store

RowT = TypeVar("RowT")
#: One table row's cells.
Cells = tuple[Text, ...]

#: How many pairs the head-to-head tab lists (the most played).
HEAD_TO_HEAD_ROWS = 200
#: How many questions the most-missed table lists.
MISSED_LENGTH = 20
#: The most a category takes of a most-missed row before it is cut.
CATEGORY_WIDTH = 24
#: How many of a player's games the history table lists.
HISTORY_LENGTH = 20


#: The tables whose rows name a player, and the column that does.
PLAYER_COLUMN = {"leaderboard": 1, "solo": 2, "h2h": 0}


def row_player(table: DataTable[Text], row: int) -> str | None:
    """The player ``row`` of ``table`` names (``None``: no such row, or no player)."""
    column = PLAYER_COLUMN.get(table.id or "")
    if column is None or not 0 <= row < table.row_count:
        return None
    return str(table.get_row_at(row)[column])


def number(value: object) -> Text:
    """A right-aligned number cell."""
    text = f"{value:,}" if isinstance(value, int) else str(value)
    return Text(text, justify="right")


def percent(value: float | None) -> Text:
    """A right-aligned percentage cell ("-" for none)."""
    return Text("-" if value is None else f"{value:.0%}", justify="right")


def when(iso: str) -> str:
    """An ISO time as local ``YYYY-MM-DD HH:MM``."""
    try:
        return datetime.fromisoformat(iso).astimezone().strftime("%Y-%m-%d %H:%M")
    except ValueError:
        return iso[:16]


def champion_text(champions: list[Champion]) -> Text:
    """"Champion: Ana · 3 wins in a row"; on a shared first, each with their streak."""
    if not champions:
        return Text("Champion: none yet: finish a game with friends to crown one")
    if len(champions) == 1:
        [champion] = champions
        text = Text.assemble(("Champion: ", "bold"), (champion.player, "bold"))
        return text.append(f" · {_in_a_row(champion.streak)}")
    text = Text("Shared champions: ", style="bold")
    for index, champion in enumerate(champions):
        text.append(", " if index else "")
        text.append(champion.player, style="bold")
        text.append(f" ({_in_a_row(champion.streak)})")
    return text


def _in_a_row(streak: int) -> str:
    return f"{streak} win{'s' if streak != 1 else ''} in a row"


class Paged(Generic[RowT]):
    """The rows of a long table, put in a page at a time as the cursor nears the end.

    DataTable measures every cell it holds: a thousand players took seconds to show.
    """

    #: Rows added at a time (a screen shows a few dozen).
    PAGE = 60

    def __init__(
        self, table: DataTable[Text], rows: Sequence[RowT], cells: Callable[[RowT], Cells]
    ) -> None:
        """Fill ``table`` with the cells of the first page of ``rows``."""
        self.table = table
        self.rows = rows
        self.cells = cells
        self.shown = 0
        self.more()

    def more(self) -> None:
        """Add the next page, if any is left."""
        page = self.rows[self.shown : self.shown + self.PAGE]
        self.shown += len(page)
        self.table.add_rows(self.cells(row) for row in page)

    def near(self, row: int) -> None:
        """The cursor is on ``row``: add a page if it is close to the last one shown."""
        if row >= self.shown - 5:
            self.more()


def _board_cells(r: LeaderboardRow) -> Cells:
    return (number(r.place), Text(r.player), number(r.wins), number(r.games),
            percent(r.win_rate), number(round(r.per_question)))  # fmt: skip


def fill_leaderboard(
    table: DataTable[Text], store: Store, since: str | None
) -> Paged[LeaderboardRow]:
    """Multiplayer players by wins, then win rate, then points per question."""
    table.clear(columns=True)
    table.add_columns("#", "Player", "Wins", "Games", "Win %", "Pts/Q")
    return Paged(table, store.leaderboard(since), _board_cells)


def fitted(text: str, room: int) -> Text:
    """``text`` on one line, cut to ``room`` terminal cells with "…" where it is cut."""
    return Text(shorten(" ".join(text.split()), max(room, 1)))


def _solo_cells(r: SoloRow) -> Cells:
    return (number(r.length), number(r.place), Text(r.player), number(round(r.best)),
            number(round(r.average)), number(r.games))  # fmt: skip


def fill_solo(table: DataTable[Text], store: Store, since: str | None) -> Paged[SoloRow]:
    """Solo games per length: best and average points per question (said in the
    headings: the numbers are not scores)."""
    table.clear(columns=True)
    table.add_columns("Qs", "#", "Player", "Best pts/Q", "Avg pts/Q", "Games")
    return Paged(table, store.solo_table(since), _solo_cells)


def _pair_cells(h: HeadToHead) -> Cells:
    return (Text(h.player), Text(h.opponent), number(h.wins), number(h.losses),
            number(h.ties), number(h.games))  # fmt: skip


def fill_head_to_head(
    table: DataTable[Text], store: Store, since: str | None
) -> Paged[HeadToHead]:
    """The most played pairs: wins, losses, ties."""
    table.clear(columns=True)
    table.add_columns("Player", "Opponent", "Won", "Lost", "Tied", "Games")
    return Paged(table, store.head_to_head(since=since, limit=HEAD_TO_HEAD_ROWS), _pair_cells)


def fill_missed(table: DataTable[Text], store: Store, width: int) -> list[str]:
    """The most missed questions (ids until their prompts are found), each line within
    ``width`` cells (see :func:`question_room`); returns the ids."""
    table.clear(columns=True)
    # The question goes last: prompts are long, and the counts must stay in view.
    table.add_columns("Missed", "Asked", "Category")
    table.add_column("Question", key="question")
    missed = store.most_missed(MISSED_LENGTH)
    rows = [(number(m.missed), number(m.asked), fitted(m.category, CATEGORY_WIDTH))
            for m in missed]  # fmt: skip
    room = question_room(table, rows, width)
    for m, row in zip(missed, rows, strict=True):
        table.add_row(*row, fitted(m.question_id, room), key=m.question_id)
    return [m.question_id for m in missed]


def show_prompts(table: DataTable[Text], prompts: dict[str, str], width: int) -> None:
    """Each known prompt in place of its id, cut with "…" to what ``width`` leaves."""
    rows = [tuple(table.get_row(key)[:3]) for key in table.rows]
    room = question_room(table, rows, width)
    for question_id, prompt in prompts.items():
        if question_id in table.rows:
            table.update_cell(question_id, "question", fitted(prompt, room), update_width=True)


def installed_prompts(ids: list[str]) -> dict[str, str]:
    """The prompts of ``ids`` from the installed packs (slow: the screen runs it in a
    thread; the packs are imported only then)."""
    from quiz.prompts import installed_prompts as found

    return found(ids)


def question_room(table: DataTable[Text], rows: Sequence[Cells], width: int) -> int:
    """Cells left for the question in a table ``width`` cells wide, after the other
    columns (as wide as ``rows`` make them), the cell padding and a scroll bar."""
    pad = 2 * table.cell_padding
    used = sum(
        max([cells(c.label.plain)] + [cells(row[i].plain) for row in rows]) + pad
        for i, c in enumerate(list(table.columns.values())[:3])
    )
    return max(width - used - pad - table.scrollbar_size_vertical, 12)


def history_row(game: GameSummary, name: str) -> tuple[Text, ...]:
    """One of ``name``'s games; only a game that ranks shows a rank."""
    mine = game.result_of(name)
    others = ", ".join(r.player for r in game.players if r is not mine)
    if game.mode == "practice":
        place = "practice"
    elif game.status != "finished":
        place = "abandoned"
    elif mine is None or len(game.players) == 1:
        place = "-"
    else:
        place = f"{mine.rank} of {len(game.players)}"
    return (
        number(game.id), Text(when(game.started_at)), Text(game.mode), Text(game.status),
        number(mine.score if mine else 0), Text(place), Text(others),
    )  # fmt: skip


def fill_history(table: DataTable[Text], store: Store, name: str) -> None:
    """``name``'s recent games."""
    table.clear(columns=True)
    table.add_columns("Game", "When", "Mode", "Status", "Score", "Rank", "With")
    table.add_rows(history_row(game, name) for game in store.history(name, HISTORY_LENGTH))


def fill_categories(table: DataTable[Text], store: Store, name: str) -> None:
    """``name``'s accuracy per category."""
    table.clear(columns=True)
    table.add_columns("Category", "Right", "Answered", "Accuracy")
    table.add_rows(
        (Text(c.category), number(c.correct), number(c.answered), percent(c.accuracy))
        for c in store.accuracy_by_category(name)
    )


def bests_text(store: Store, name: str) -> str:
    """``name``'s personal bests in one line."""
    bests = store.personal_bests(name)
    if not bests.games:
        return "No counted games yet (practice and abandoned games do not count)."
    fastest = "-" if bests.fastest_correct is None else f"{bests.fastest_correct:.1f} s"
    accuracy = percent(bests.best_accuracy).plain
    return (
        f"Best score {bests.best_score:,}  ·  best accuracy {accuracy}  ·  "
        f"{bests.most_correct} right in one game  ·  streak {bests.longest_streak}  ·  "
        f"fastest right answer {fastest}"
    )
