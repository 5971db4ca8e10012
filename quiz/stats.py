"""Read-side queries over the scores database: history, head-to-head, bests, misses.

The leaderboard, the solo table and the champion are ``quiz.stats_board``.

Functions here take an open ``sqlite3.Connection`` and player *keys* (see
``quiz.text.player_key``); ``quiz.store.Store`` wraps them as methods. Each player's
result in a game (score, rank, right answers, best streak) is read as the game stored
it, never recomputed.

"Counted" games are finished games that are not practice: only they feed rankings,
head-to-head, bests, accuracy by category and most missed (the last two everyone's
from the question tallies that schema 5 keeps up to date). Every
answer, practice and abandoned games included, feeds ``recent_question_ids`` and
``missed_question_ids``.

Every query goes through ``quiz.stats_rows.read``, so everything handed out here (and
by ``Store``) is cleaned text: see that module.
"""

from __future__ import annotations

import heapq
import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from itertools import groupby
from typing import Any

from quiz.records import PlayerResult
from quiz.stats_board import since_clause
from quiz.stats_rows import read, shown_text
from quiz.text import player_key

COUNTED = "g.status = 'finished' AND g.mode != 'practice'"


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


def games(conn: sqlite3.Connection, key: str | None, limit: int | None) -> list[GameSummary]:
    """Games newest first (only those ``key`` played in, if given), with all results."""
    where, params = "", list[str | int]()
    if key is not None:
        where = (
            " WHERE g.id IN (SELECT gp.game_id FROM game_players gp JOIN players p"
            " ON p.id = gp.player_id WHERE p.key = ?)"
        )
        params.append(key)
    chosen = f"SELECT g.id FROM games g{where} ORDER BY g.finished_at DESC, g.id DESC"
    if limit is not None:
        chosen += " LIMIT ?"
        params.append(limit)
    found = read(
        conn,
        "SELECT g.id, g.started_at, g.finished_at, g.mode, g.status, g.packs, g.seed"
        f" FROM games g WHERE g.id IN ({chosen}) ORDER BY g.finished_at DESC, g.id DESC",
        params,
    )
    results: dict[int, list[PlayerResult]] = {row[0]: [] for row in found}
    for game_id, *result in read(
        conn,
        "SELECT gp.game_id, p.name, gp.score, gp.rank, gp.correct, gp.answered, gp.best_streak"
        " FROM game_players gp JOIN players p ON p.id = gp.player_id"
        f" WHERE gp.game_id IN ({chosen}) ORDER BY gp.game_id, gp.seat",
        params,
    ):
        results[game_id].append(PlayerResult(*result))
    packs: dict[str, tuple[str, ...]] = {}  # most games share a few pack lists
    for row in found:
        if row[5] not in packs:
            packs[row[5]] = tuple(_json_list(row[5]))
    return [
        GameSummary(gid, started, finished, mode, status, packs[text], seed, tuple(results[gid]))
        for gid, started, finished, mode, status, text, seed in found
    ]


def head_to_head(
    conn: sqlite3.Connection, key: str | None, since: str | None = None, limit: int | None = None
) -> list[HeadToHead]:
    """Wins-losses-ties for every pair who played counted games together, most played first.

    Each pair appears once, names in alphabetical order; with ``key``, only that
    player's pairs, with that player first. ``since``: only games finished from then;
    ``limit``: only that many pairs (the most played).
    """
    where, params = since_clause(since)
    names = {
        pid: (name, pkey) for pid, name, pkey in read(conn, "SELECT id, name, key FROM players")
    }
    # Pairs are counted here rather than by a self-join: a big file has tens of
    # thousands of pairs, and one pass over each game's seats is much quicker.
    seats = read(
        conn,
        "SELECT gp.game_id, gp.player_id, gp.rank FROM game_players gp"
        f" JOIN games g ON g.id = gp.game_id WHERE {COUNTED} AND g.player_count > 1{where}"
        " ORDER BY gp.game_id",
        params,
    )
    tally = _pair_tally(seat for seat in seats if seat[1] in names)  # a player row gone
    keys = {pid: player_key(name) for pid, (name, _key) in names.items()}
    mine = {pid for pid, (_name, pkey) in names.items() if pkey == key}
    # One plain tuple per pair, named the way round it is shown: most played first,
    # then by the two names' keys; the pair's place in the tally breaks what is left.
    # (Tuples compare in C: a key function per pair took most of the time here.)
    order: list[tuple[int, str, str, int, int, int, int, int, int]] = []
    for index, ((a, b), (wins, losses, ties)) in enumerate(tally.items()):
        if key is not None:
            if a not in mine and b not in mine:
                continue
            turned = a not in mine
        else:
            turned = keys[a] > keys[b]
        one, other = (b, a) if turned else (a, b)
        if turned:
            wins, losses = losses, wins
        games = wins + losses + ties
        order.append((-games, keys[one], keys[other], index, one, other, wins, losses, ties))
    chosen = sorted(order) if limit is None else heapq.nsmallest(limit, order)
    return [
        HeadToHead(names[one][0], names[other][0], wins, losses, ties)
        for _g, _k1, _k2, _i, one, other, wins, losses, ties in chosen
    ]


def _pair_tally(seats: Iterable[tuple[Any, ...]]) -> dict[tuple[int, int], list[int]]:
    """[wins, losses, ties] of the lower player id against the higher, per pair.

    ``seats`` are (game, player id, rank) rows ordered by game.
    """
    tally: dict[tuple[int, int], list[int]] = {}
    for _game, seated in groupby(seats, key=lambda seat: seat[0]):
        players = sorted((pid, rank) for _g, pid, rank in seated)
        for i, (a, rank_a) in enumerate(players):
            for b, rank_b in players[i + 1 :]:
                counts = tally.setdefault((a, b), [0, 0, 0])
                counts[0 if rank_a < rank_b else 1 if rank_a > rank_b else 2] += 1
    return tally


def accuracy_by_category(conn: sqlite3.Connection, key: str | None) -> list[CategoryAccuracy]:
    """Answers per category in counted games, for one player or everyone.

    Everyone's comes from the question tallies (schema 5), where each question has
    one category: the one its answers were filed under.
    """
    if key is None:
        rows = read(
            conn,
            "SELECT category, SUM(asked), SUM(asked - missed) FROM question_tallies"
            " WHERE asked > 0 GROUP BY category ORDER BY category",
        )
    else:
        rows = read(
            conn,
            "SELECT a.category, COUNT(*), SUM(a.correct) FROM answers a"
            f" JOIN games g ON g.id = a.game_id WHERE {COUNTED}"
            " AND a.player_id = (SELECT id FROM players WHERE key = ?)"
            " GROUP BY a.category ORDER BY a.category",
            (key,),
        )
    return [CategoryAccuracy(*row) for row in rows]


def most_missed(conn: sqlite3.Connection, limit: int) -> list[MissedQuestion]:
    """Questions by times missed in counted games, then by miss rate."""
    rows = read(
        conn,
        "SELECT question_id, pack, category, asked, missed FROM question_tallies"
        " WHERE missed > 0 ORDER BY missed DESC, asked ASC, question_id LIMIT ?",
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
