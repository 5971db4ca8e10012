"""Read-side queries over the scores database: leaderboard, history, head-to-head...

Functions here take an open ``sqlite3.Connection`` and player *keys* (see
``quiz.text.player_key``); ``quiz.store.Store`` wraps them as methods. Each player's
result in a game (score, rank, right answers, best streak) is read as the game stored
it, never recomputed.

"Counted" games are finished games that are not practice: only they feed rankings,
the leaderboard, head-to-head, bests, accuracy by category and most missed. Every
answer, practice and abandoned games included, feeds ``recent_question_ids`` and
``missed_question_ids``.

Every query goes through ``quiz.stats_rows.read``, so everything handed out here (and
by ``Store``) is cleaned text: see that module.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence
from dataclasses import dataclass

from quiz.records import PlayerResult
from quiz.stats_rows import read, shown_text
from quiz.text import player_key

COUNTED = "g.status = 'finished' AND g.mode != 'practice'"


@dataclass(frozen=True, slots=True)
class LeaderboardRow:
    """One player's line on the leaderboard.

    ``wins`` counts games with two or more players that the player finished first in
    (ties for first included); ``accuracy`` is correct answers over answers, 0..1.
    """

    player: str
    games: int
    wins: int
    best_score: int
    correct: int
    answered: int

    @property
    def accuracy(self) -> float:
        """Correct answers over answers given (0 when none)."""
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class GameSummary:
    """A stored game and its players' results, in turn order."""

    id: int
    started_at: str
    finished_at: str
    mode: str
    status: str
    packs: tuple[str, ...]
    seed: int | None
    players: tuple[PlayerResult, ...]

    def result_of(self, player: str) -> PlayerResult | None:
        """``player``'s result in this game (compared case-insensitively)."""
        key = player_key(player)
        return next((r for r in self.players if player_key(r.player) == key), None)


@dataclass(frozen=True, slots=True)
class HeadToHead:
    """Results between two players over the counted games they played together.

    ``wins`` are ``player``'s, ``losses`` are ``player``'s losses to ``opponent``.
    """

    player: str
    opponent: str
    wins: int
    losses: int
    ties: int

    @property
    def games(self) -> int:
        """Games the two played together."""
        return self.wins + self.losses + self.ties


@dataclass(frozen=True, slots=True)
class CategoryAccuracy:
    """Answers and correct answers in one category."""

    category: str
    answered: int
    correct: int

    @property
    def accuracy(self) -> float:
        """Correct answers over answers given (0 when none)."""
        return self.correct / self.answered if self.answered else 0.0


@dataclass(frozen=True, slots=True)
class MissedQuestion:
    """A question and how often it was missed (wrong or timed out)."""

    question_id: str
    pack: str
    category: str
    asked: int
    missed: int


@dataclass(frozen=True, slots=True)
class PersonalBests:
    """A player's bests over counted games; ``None`` where there is nothing yet."""

    player: str
    games: int
    best_score: int | None
    best_score_game: int | None
    best_accuracy: float | None
    most_correct: int | None
    longest_streak: int
    fastest_correct: float | None


def players(conn: sqlite3.Connection) -> list[str]:
    """Every player name, alphabetically (case-insensitive)."""
    return [r[0] for r in read(conn, "SELECT name FROM players ORDER BY name, id")]


def find_player(conn: sqlite3.Connection, key: str) -> str | None:
    """The display name of the player with ``key``, or ``None``."""
    rows = read(conn, "SELECT name FROM players WHERE key = ?", (key,))
    return str(rows[0][0]) if rows else None


def has_games(conn: sqlite3.Connection) -> bool:
    """Whether any game is stored."""
    return bool(read(conn, "SELECT EXISTS (SELECT 1 FROM games)")[0][0])


def recent_question_ids(conn: sqlite3.Connection, keys: Sequence[str], limit: int) -> list[str]:
    """Distinct question ids answered by any of ``keys``, most recent first."""
    if not keys:
        return []
    marks = ", ".join("?" * len(keys))
    rows = read(
        conn,
        "SELECT a.question_id, MAX(a.id) AS last FROM answers a"
        f" WHERE a.player_id IN (SELECT id FROM players WHERE key IN ({marks}))"
        " GROUP BY a.question_id ORDER BY last DESC LIMIT ?",
        (*keys, limit),
    )
    return [r[0] for r in rows]


def missed_question_ids(conn: sqlite3.Connection, key: str) -> list[str]:
    """Questions whose latest answer by ``key`` was wrong, newest miss first."""
    # SQLite takes the bare column `correct` from the row holding MAX(id): the latest answer.
    rows = read(
        conn,
        "SELECT question_id FROM ("
        "  SELECT a.question_id, a.correct, MAX(a.id) AS last FROM answers a"
        "  WHERE a.player_id = (SELECT id FROM players WHERE key = ?)"
        "  GROUP BY a.question_id"
        ") WHERE correct = 0 ORDER BY last DESC",
        (key,),
    )
    return [r[0] for r in rows]


def leaderboard(conn: sqlite3.Connection) -> list[LeaderboardRow]:
    """One row per player with counted games: best score, then wins, then name."""
    rows = read(
        conn,
        "SELECT p.name, COUNT(*), SUM(gp.rank = 1 AND g.player_count > 1), MAX(gp.score),"
        " SUM(gp.correct), SUM(gp.answered)"
        " FROM game_players gp JOIN games g ON g.id = gp.game_id"
        " JOIN players p ON p.id = gp.player_id"
        f" WHERE {COUNTED} GROUP BY p.id"
        " ORDER BY MAX(gp.score) DESC, 3 DESC, p.name",
    )
    return [LeaderboardRow(*row) for row in rows]


def games(conn: sqlite3.Connection, key: str | None, limit: int | None) -> list[GameSummary]:
    """Games newest first (only those ``key`` played in, if given), with all results."""
    where, params = "", list[str | int]()
    if key is not None:
        where = (
            " WHERE g.id IN (SELECT gp.game_id FROM game_players gp JOIN players p"
            " ON p.id = gp.player_id WHERE p.key = ?)"
        )
        params.append(key)
    sql = (
        "SELECT g.id, g.started_at, g.finished_at, g.mode, g.status, g.packs, g.seed"
        f" FROM games g{where} ORDER BY g.finished_at DESC, g.id DESC"
    )
    if limit is not None:
        sql += " LIMIT ?"
        params.append(limit)
    found = read(conn, sql, params)
    results: dict[int, list[PlayerResult]] = {row[0]: [] for row in found}
    if found:
        marks = ", ".join("?" * len(results))
        for game_id, *result in read(
            conn,
            "SELECT gp.game_id, p.name, gp.score, gp.rank, gp.correct, gp.answered,"
            " gp.best_streak"
            " FROM game_players gp JOIN players p ON p.id = gp.player_id"
            f" WHERE gp.game_id IN ({marks}) ORDER BY gp.game_id, gp.seat",
            list(results),
        ):
            results[game_id].append(PlayerResult(*result))
    return [
        GameSummary(
            id=gid,
            started_at=started,
            finished_at=finished,
            mode=mode,
            status=status,
            packs=tuple(_json_list(packs)),
            seed=seed,
            players=tuple(results[gid]),
        )
        for gid, started, finished, mode, status, packs, seed in found
    ]


def head_to_head(conn: sqlite3.Connection, key: str | None) -> list[HeadToHead]:
    """Wins-losses-ties for every pair who played counted games together.

    Each pair appears once, names in alphabetical order; with ``key``, only that
    player's pairs, with that player first.
    """
    rows = read(
        conn,
        "SELECT pa.name, pb.name, pa.key, pb.key,"
        " SUM(a.rank < b.rank), SUM(a.rank > b.rank), SUM(a.rank = b.rank)"
        " FROM game_players a JOIN game_players b"
        "   ON a.game_id = b.game_id AND a.player_id < b.player_id"
        " JOIN games g ON g.id = a.game_id"
        " JOIN players pa ON pa.id = a.player_id JOIN players pb ON pb.id = b.player_id"
        f" WHERE {COUNTED} GROUP BY a.player_id, b.player_id",
    )
    pairs = []
    for name_a, name_b, key_a, key_b, wins, losses, ties in rows:
        first_is_a = key_a == key if key is not None else key_a <= key_b
        if key is not None and key not in (key_a, key_b):
            continue
        if first_is_a:
            pairs.append(HeadToHead(name_a, name_b, wins, losses, ties))
        else:
            pairs.append(HeadToHead(name_b, name_a, losses, wins, ties))
    pairs.sort(key=lambda h: (-h.games, player_key(h.player), player_key(h.opponent)))
    return pairs


def accuracy_by_category(conn: sqlite3.Connection, key: str | None) -> list[CategoryAccuracy]:
    """Answers per category in counted games, for one player or everyone."""
    where, params = "", list[str]()
    if key is not None:
        where = " AND a.player_id = (SELECT id FROM players WHERE key = ?)"
        params.append(key)
    rows = read(
        conn,
        "SELECT a.category, COUNT(*), SUM(a.correct) FROM answers a"
        f" JOIN games g ON g.id = a.game_id WHERE {COUNTED}{where}"
        " GROUP BY a.category ORDER BY a.category",
        params,
    )
    return [CategoryAccuracy(*row) for row in rows]


def most_missed(conn: sqlite3.Connection, limit: int) -> list[MissedQuestion]:
    """Questions by times missed in counted games, then by miss rate."""
    rows = read(
        conn,
        "SELECT a.question_id, MAX(a.pack) AS pack, MAX(a.category) AS category, COUNT(*),"
        " SUM(1 - a.correct)"
        f" FROM answers a JOIN games g ON g.id = a.game_id WHERE {COUNTED}"
        " GROUP BY a.question_id HAVING SUM(1 - a.correct) > 0"
        " ORDER BY 5 DESC, 4 ASC, a.question_id LIMIT ?",
        (limit,),
    )
    return [MissedQuestion(*row) for row in rows]


def personal_bests(conn: sqlite3.Connection, key: str) -> PersonalBests:
    """A player's best score, accuracy, most correct, streak and fastest right answer."""
    name = find_player(conn, key) or key
    ids = read(conn, "SELECT id FROM players WHERE key = ?", (key,))
    player_id: int = ids[0][0] if ids else -1
    results: list[tuple[int, int, int, int, int]] = read(
        conn,
        "SELECT gp.game_id, gp.score, gp.correct, gp.answered, gp.best_streak"
        " FROM game_players gp"
        f" JOIN games g ON g.id = gp.game_id WHERE {COUNTED} AND gp.player_id = ?"
        " ORDER BY gp.score DESC, gp.game_id",
        (player_id,),
    )
    if not results:
        return PersonalBests(name, 0, None, None, None, None, 0, None)
    fastest: float | None = read(
        conn,
        "SELECT MIN(a.seconds) FROM answers a JOIN games g ON g.id = a.game_id"
        f" WHERE {COUNTED} AND a.player_id = ? AND a.correct = 1",
        (player_id,),
    )[0][0]
    return PersonalBests(
        player=name,
        games=len(results),
        best_score=results[0][1],
        best_score_game=results[0][0],
        best_accuracy=max((c / n for _g, _s, c, n, _b in results if n), default=None),
        most_correct=max(c for _g, _s, c, _n, _b in results),
        longest_streak=max(b for *_rest, b in results),
        fastest_correct=fastest,
    )


def _json_list(text: str) -> list[str]:
    """The strings of a JSON list, cleaned: JSON escapes (``\\u001b``) decode to controls."""
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):
        return []
    return [shown_text(str(v)) for v in value] if isinstance(value, list) else []
