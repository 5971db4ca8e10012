"""Who is winning: the multiplayer leaderboard, the solo table, the current champion.

Multiplayer games (hot-seat, buzzer, party; two or more players; finished) rank
players by wins, then win rate, then points per question. Solo games never make a
"win": they have their own table, per game length (questions asked), by best and
average points per question. Practice and abandoned games never rank anywhere.

Every view can be cut to a period (this week, this month, all time) counted from an
injected ``now``, so a test replays any day.
"""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from dataclasses import dataclass, replace
from datetime import UTC, datetime, timedelta
from typing import Literal, TypeVar

from quiz.stats_rows import read
from quiz.text import player_key

Period = Literal["all", "month", "week"]
#: In the order a view switch steps through them.
PERIODS: tuple[Period, ...] = ("all", "month", "week")
PERIOD_NAMES: dict[Period, str] = {"all": "all time", "month": "this month", "week": "this week"}

#: Finished games of two or more players that are not practice: the ones with winners.
MULTIPLAYER = (
    "g.status = 'finished' AND g.mode IN ('hotseat', 'buzzer', 'party') AND g.player_count > 1"
)
#: Sums and casts turn text into numbers without a word: these columns, read as they
#: are, let ``quiz.stats_rows.read`` name the column of a file edited by hand instead.
_CHECKED = "MAX(gp.score) AS score, MAX(gp.rank) AS rank, MAX(gp.answered) AS answered"
#: The questions a player's points are spread over: those answered, but in a buzzer
#: game every question of the game, buzzed or not (played: sitting out questions and
#: answering only sure ones ranked above the friend who buzzed every one).
_QUESTIONS = ("CASE WHEN g.mode = 'buzzer' THEN MAX(gp.answered,"
              " COALESCE(json_extract(g.settings, '$.questions_asked'), 0)) ELSE gp.answered END")
#: Finished one-player games that are not practice (a hot-seat game of one is solo too).
SOLO = "g.status = 'finished' AND g.mode != 'practice' AND g.player_count = 1"


def period_start(period: Period, now: datetime) -> str | None:
    """The UTC time (ISO, to the second) a period starts at, ``None`` for all time.

    Weeks start on Monday and months on the 1st, at midnight local time.
    """
    if period == "all":
        return None
    local = now.astimezone() if now.tzinfo is not None else now
    start = datetime(local.year, local.month, local.day)
    if period == "week":
        start -= timedelta(days=start.weekday())
    else:
        start = start.replace(day=1)
    # A naive time is taken as local by astimezone: the local midnight, whatever DST says.
    return start.astimezone(UTC).strftime("%Y-%m-%dT%H:%M:%S")


def since_clause(since: str | None) -> tuple[str, list[str | int]]:
    """The SQL (``AND ...``) and parameters that keep games finished at or after ``since``."""
    # Stored times are ISO UTC ("...Z" or "+00:00"): their first 19 characters compare.
    return ("", []) if since is None else (" AND g.finished_at >= ?", [since])


@dataclass(frozen=True, slots=True)
class LeaderboardRow:
    """One player's line on the multiplayer leaderboard.

    ``wins`` counts games the player finished first in (a shared first place is a
    win); ``points`` and ``answered`` are summed over those games' questions.
    ``place`` is shared by rows equal on wins, win rate and points per question.
    """

    place: int
    player: str
    games: int
    wins: int
    points: int
    answered: int
    correct: int

    @property
    def win_rate(self) -> float:
        """Wins over multiplayer games played, 0..1."""
        return self.wins / self.games if self.games else 0.0

    @property
    def per_question(self) -> float:
        """Points per question answered, or per question of the game in a buzzer game
        (0 when none)."""
        return self.points / self.answered if self.answered else 0.0

    @property
    def accuracy(self) -> float:
        """Correct answers over answers given (0 when none)."""
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class SoloRow:
    """One player's solo games of one length (questions asked).

    ``best`` is the best game's points per question; ``average`` is all the points
    over all the questions of those games.
    """

    place: int
    player: str
    length: int
    games: int
    best: float
    points: int
    answered: int

    @property
    def average(self) -> float:
        """Points per question over every solo game of this length."""
        return self.points / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class Champion:
    """A winner of the most recent multiplayer game and their winning streak.

    ``streak`` counts that player's multiplayer games, newest first, won in a row.
    """

    player: str
    game_id: int
    finished_at: str
    streak: int


RowT = TypeVar("RowT", LeaderboardRow, SoloRow)


def leaderboard(conn: sqlite3.Connection, since: str | None = None) -> list[LeaderboardRow]:
    """Players of multiplayer games by wins, then win rate, then points per question."""
    where, params = since_clause(since)
    rows = read(
        conn,
        f"SELECT p.name, COUNT(*), SUM(gp.rank = 1), SUM(gp.score), SUM({_QUESTIONS}),"
        f" SUM(gp.correct), {_CHECKED} FROM game_players gp JOIN games g ON g.id = gp.game_id"
        f" JOIN players p ON p.id = gp.player_id WHERE {MULTIPLAYER}{where} GROUP BY p.id",
        params,
    )
    found = [LeaderboardRow(0, *row[:6]) for row in rows]
    found.sort(key=lambda r: (*_standing(r), player_key(r.player), r.player))
    return _placed(found, _standing)


def _standing(row: LeaderboardRow) -> tuple[float, float, float]:
    """What orders the leaderboard, best first."""
    return (-row.wins, -row.win_rate, -row.per_question)


def solo_table(conn: sqlite3.Connection, since: str | None = None) -> list[SoloRow]:
    """Solo results per game length (shortest first), each by best points per question."""
    where, params = since_clause(since)
    rows = read(
        conn,
        "SELECT p.name, gp.answered, COUNT(*), MAX(CAST(gp.score AS REAL) / gp.answered),"
        f" SUM(gp.score), SUM(gp.answered), {_CHECKED} FROM game_players gp"
        " JOIN games g ON g.id = gp.game_id JOIN players p ON p.id = gp.player_id"
        f" WHERE {SOLO} AND gp.answered > 0{where} GROUP BY p.id, gp.answered",
        params,
    )
    found = [SoloRow(0, *row[:6]) for row in rows]
    found.sort(key=lambda r: (r.length, *_solo_standing(r), player_key(r.player), r.player))
    table: list[SoloRow] = []
    for length in sorted({r.length for r in found}):
        table += _placed([r for r in found if r.length == length], _solo_standing)
    return table


def _solo_standing(row: SoloRow) -> tuple[float, float]:
    return (-row.best, -row.average)


def _placed(rows: list[RowT], standing: Callable[[RowT], tuple[float, ...]]) -> list[RowT]:
    """``rows`` (sorted) with their places: equal standings share one (1, 1, 3)."""
    placed: list[RowT] = []
    place, last = 0, None
    for index, row in enumerate(rows):
        now = standing(row)
        if now != last:
            place, last = index + 1, now
        placed.append(row if row.place == place else replace(row, place=place))
    return placed


def champions(conn: sqlite3.Connection) -> list[Champion]:
    """The winners of the most recent multiplayer game (more than one on a shared first)."""
    latest = read(
        conn,
        f"SELECT g.id, g.finished_at FROM games g WHERE {MULTIPLAYER}"
        " ORDER BY g.finished_at DESC, g.id DESC LIMIT 1",
    )
    if not latest:
        return []
    game_id, finished_at = latest[0]
    winners = read(
        conn,
        "SELECT p.id, p.name FROM game_players gp JOIN players p ON p.id = gp.player_id"
        " WHERE gp.game_id = ? AND gp.rank = 1 ORDER BY gp.seat",
        (game_id,),
    )
    return [
        Champion(name, game_id, finished_at, _winning_streak(conn, player_id))
        for player_id, name in winners
    ]


def _winning_streak(conn: sqlite3.Connection, player_id: int) -> int:
    """Multiplayer games the player won in a row, from their most recent one back."""
    streak = 0
    for (rank,) in read(
        conn,
        "SELECT gp.rank FROM game_players gp JOIN games g ON g.id = gp.game_id"
        f" WHERE gp.player_id = ? AND {MULTIPLAYER}"
        " ORDER BY g.finished_at DESC, g.id DESC",
        (player_id,),
    ):
        if rank != 1:
            break
        streak += 1
    return streak
