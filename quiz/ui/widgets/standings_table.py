"""A table of players by place; every cell is literal ``rich.text.Text``."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from rich.text import Text
from textual.widgets import DataTable

if TYPE_CHECKING:
    from rich.console import JustifyMethod

    from quiz.session_standings import Standing


def seconds_text(seconds: float | None) -> str:
    """``2.4s``, or a dash when there is no correct answer to time."""
    return "—" if seconds is None else f"{seconds:.1f}s"


class StandingsTable(DataTable[Text]):
    """Places, names and totals; ``full`` adds accuracy and fastest answer (results)."""

    def __init__(
        self, standings: Sequence[Standing], *, full: bool = False, id: str | None = None
    ) -> None:
        """A table of ``standings``."""
        super().__init__(
            id=id, cursor_type="none", zebra_stripes=True, show_cursor=False, classes="standings"
        )
        self.standings = list(standings)
        self.full = full

    def on_mount(self) -> None:
        """Fill the table."""
        columns = ["Place", "Player", "Score", "Right"]
        if self.full:
            columns += ["Accuracy", "Best streak", "Fastest right"]
        else:
            columns += ["Streak"]
        for column in columns:
            justify: JustifyMethod = "left" if column == "Player" else "right"
            self.add_column(Text(column, style="bold", justify=justify), key=column)
        for standing in self.standings:
            player = standing.player
            row = [
                Text(f"{standing.place}", justify="right"),
                Text(player.name, style="bold", justify="left"),
                Text(f"{player.score:,}", justify="right"),
                Text(f"{player.correct}/{player.answered}", justify="right"),
            ]
            if self.full:
                row += [
                    Text(f"{player.accuracy:.0%}", justify="right"),
                    Text(str(player.best_streak), justify="right"),
                    Text(seconds_text(player.fastest), justify="right"),
                ]
            else:
                row.append(Text(str(player.streak), justify="right"))
            self.add_row(*row)
