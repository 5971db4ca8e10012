"""Writing a finished (or abandoned) game into the scores database.

A game is written whole in one ``BEGIN IMMEDIATE`` transaction, or not at all. Each
player's result (score, rank, right answers, best streak) is stored as the game computed it
(``GameRecord.results``); nothing here recomputes it.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Sequence

from quiz.records import AnswerRecord, GameRecord
from quiz.store.connection import rollback
from quiz.text import display_name, player_key


def save_game(conn: sqlite3.Connection, record: GameRecord) -> int:
    """Store ``record`` in one transaction and return the new game's id.

    Raises ``sqlite3.DatabaseError`` (with nothing written) if the database refuses.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        game_id = _insert_game(conn, record)
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return game_id


def save_games(conn: sqlite3.Connection, records: Sequence[GameRecord]) -> list[int]:
    """Store many games in one transaction (an import, a benchmark); their new ids.

    All of them or none: raises ``sqlite3.DatabaseError`` with nothing written.
    """
    conn.execute("BEGIN IMMEDIATE")
    try:
        ids = [_insert_game(conn, record) for record in records]
        conn.execute("COMMIT")
    except BaseException:
        rollback(conn)
        raise
    return ids


def stored_name(name: str) -> tuple[str, str]:
    """The spelling stored (and shown) for a player called ``name``, and its key."""
    shown = display_name(name) or "?"
    return shown, player_key(shown)


def _player_id(conn: sqlite3.Connection, name: str, cache: dict[str, int]) -> int:
    """The id of ``name``'s player row, created with this spelling if new."""
    shown, key = stored_name(name)
    if key not in cache:
        row = conn.execute("SELECT id FROM players WHERE key = ?", (key,)).fetchone()
        if row is None:
            row = conn.execute(
                "INSERT INTO players (name, key) VALUES (?, ?) RETURNING id", (shown, key)
            ).fetchone()
        cache[key] = int(row[0])
    return cache[key]


def _insert_game(conn: sqlite3.Connection, record: GameRecord) -> int:
    """Insert the game, its players and answers (inside the caller's transaction)."""
    game_id = int(
        conn.execute(
            "INSERT INTO games (started_at, finished_at, mode, status, packs, seed, settings,"
            " player_count) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id",
            (
                record.started_at,
                record.finished_at,
                record.mode,
                record.status,
                json.dumps(list(record.packs)),
                record.seed,
                json.dumps(record.settings, sort_keys=True, default=str),
                len(record.players),
            ),
        ).fetchone()[0]
    )
    ids: dict[str, int] = {}
    for seat, result in enumerate(record.results):
        conn.execute(
            "INSERT INTO game_players (game_id, seat, player_id, score, rank, correct,"
            " answered, best_streak) VALUES (?, ?, ?, ?, ?, ?, ?, ?)",
            (
                game_id,
                seat,
                _player_id(conn, result.player, ids),
                result.score,
                result.rank,
                result.correct,
                result.answered,
                result.best_streak,
            ),
        )
    _insert_answers(conn, game_id, record.answers, ids)
    return game_id


def _insert_answers(
    conn: sqlite3.Connection,
    game_id: int,
    answers: Sequence[AnswerRecord],
    ids: dict[str, int],
) -> None:
    """Insert every answer of a game, in the order they were given."""
    conn.executemany(
        "INSERT INTO answers (game_id, player_id, question_id, pack, category, chosen,"
        " correct, seconds, points, response) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            (
                game_id,
                _player_id(conn, a.player, ids),
                a.question_id,
                a.pack,
                a.category,
                a.chosen,
                1 if a.correct else 0,
                float(a.seconds),
                int(a.points),
                a.response,
            )
            for a in answers
        ],
    )
